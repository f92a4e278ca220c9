//! Photos for slow lines: images made at build time from generated
//! originals (a 12-megapixel photo-like JPEG taken on its side with its
//! GPS position in its EXIF, a PNG with transparency, an SVG with a
//! script), read back with the decoder and with kamadak-exif.

use image::{GenericImageView, ImageEncoder};

use crate::photos::{self, has_exif};
use crate::support::{Site, parse_diags, snapshot};

const BUNDLE: &str = "content/meetings/2021-01-21-rvr-webinar";
const FR: &str = "public/fr/reunions/2021-01-21-rvr-webinar";
const EN: &str = "public/en/meetings/2021-01-21-rvr-webinar";

/// A small JPEG without metadata, for tests that need a real one.
pub fn small_jpeg() -> Vec<u8> {
    let img = image::RgbImage::from_fn(16, 12, |x, y| image::Rgb([x as u8 * 8, y as u8 * 8, 90]));
    photos::jpeg(&img, 90, None)
}

/// A small PNG.
pub fn small_png() -> Vec<u8> {
    let img = image::RgbImage::from_fn(16, 12, |x, y| image::Rgb([x as u8 * 8, y as u8 * 8, 90]));
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(img.as_raw(), 16, 12, image::ExtendedColorType::Rgb8)
        .expect("encode");
    out
}

/// The photo as a phone stores it: 3000×4000 pixels, marked to be turned
/// a quarter clockwise (so 4000×3000 upright), with its GPS position.
pub fn phone_photo() -> Vec<u8> {
    photo_on_its_side(3000, 4000)
}

/// `phone_photo` at another size (stored `width`×`height`).
pub fn photo_on_its_side(width: u32, height: u32) -> Vec<u8> {
    let stored = photos::marked(photos::photo(width, height, 1));
    photos::jpeg(&stored, 92, Some(photos::exif(6, "Phone 12 serial 0042")))
}

fn transparent_png() -> Vec<u8> {
    let img = image::RgbaImage::from_fn(800, 600, |x, y| {
        let a = if x < 400 { 0 } else { 255 };
        image::Rgba([(x / 4) as u8, (y / 3) as u8, 120, a])
    });
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(img.as_raw(), 800, 600, image::ExtendedColorType::Rgba8)
        .expect("encode");
    out
}

const SVG: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20" viewBox="0 0 40 20">
<script>alert(document.cookie)</script>
<rect width="40" height="20" fill="teal" onload="alert(1)"/>
<image xlink:href="https://tracker.example/pixel.png" width="1" height="1"/>
</svg>"#;

/// The meeting fixture with the three images in its bundle, shown in
/// its French text.
fn site_with_images() -> Site {
    let site = Site::fixture("pages/bundle-alias-draft");
    site.write_bytes(&format!("{BUNDLE}/photo.jpg"), &phone_photo());
    site.write_bytes(&format!("{BUNDLE}/carte.png"), &transparent_png());
    site.write(&format!("{BUNDLE}/schema.svg"), SVG);
    let fr = site.read(&format!("{BUNDLE}/index.fr.md"));
    site.write(
        &format!("{BUNDLE}/index.fr.md"),
        &format!(
            "{fr}\n![Les participants à l'ouverture](photo.jpg)\n\n![Carte des pays](carte.png \"La carte\")\n\n![Le schéma](schema.svg)\n"
        ),
    );
    site
}

#[test]
fn photos_are_resized_upright_and_without_their_metadata() {
    let site = site_with_images();
    site.build(&[]);
    let original = site.path(&format!("{BUNDLE}/photo.jpg"));
    assert!(
        has_exif(&std::fs::read(original).expect("read")),
        "the test's photo has EXIF"
    );
    for dir in [FR, EN] {
        for (name, width, height, max_bytes) in [
            ("photo.480.webp", 480, 360, 60_000),
            ("photo.480.jpg", 480, 360, 120_000),
            ("photo.960.webp", 960, 720, 200_000),
            ("photo.1600.webp", 1600, 1200, 500_000),
            ("photo.1600.jpg", 1600, 1200, 900_000),
            ("photo.jpg", 4000, 3000, 5_000_000),
        ] {
            let bytes = std::fs::read(site.path(&format!("{dir}/{name}"))).expect(name);
            assert!(bytes.len() < max_bytes, "{name}: {} bytes", bytes.len());
            assert!(!has_exif(&bytes), "{name} holds EXIF");
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                !text.contains("serial 0042") && !text.contains("Exif"),
                "{name}"
            );
            let img = image::load_from_memory(&bytes).expect(name);
            assert_eq!(img.dimensions(), (width, height), "{name}");
            // Upright: the stored top-left corner (red) is now top right.
            let corner = |x: u32, y: u32| img.get_pixel(x, y).0;
            let right = corner(width - 1 - width / 50, height / 50);
            let left = corner(width / 50, height / 50);
            assert!(right[0] > 180 && right[1] < 80, "{name}: {right:?}");
            assert!(left[0] < 180, "{name}: {left:?}");
        }
    }
}

#[test]
fn pages_offer_webp_and_the_fallback_with_their_sizes() {
    let site = site_with_images();
    site.build(&[]);
    let page = site.page("fr/reunions/2021-01-21-rvr-webinar/");
    let pictures = page.all(".prose picture");
    assert_eq!(
        pictures.len(),
        2,
        "the photo and the PNG; the SVG is an <img>"
    );
    let sources = page.all(".prose picture source[type='image/webp']");
    let source = sources[0];
    assert_eq!(
        source.value().attr("srcset"),
        Some("photo.480.webp 480w, photo.960.webp 960w, photo.1600.webp 1600w")
    );
    assert!(
        source
            .value()
            .attr("sizes")
            .is_some_and(|s| s.contains("100vw"))
    );
    let img = page.one(".prose picture img[alt='Les participants à l\u{2019}ouverture']");
    let attr = |n: &str| img.value().attr(n).map(str::to_string);
    assert_eq!(attr("src").as_deref(), Some("photo.1600.jpg"));
    assert_eq!(
        attr("srcset").as_deref(),
        Some("photo.480.jpg 480w, photo.960.jpg 960w, photo.1600.jpg 1600w")
    );
    assert!(attr("sizes").is_some());
    assert_eq!(
        (attr("width").as_deref(), attr("height").as_deref()),
        (Some("1600"), Some("1200"))
    );
    // The body's first picture comes at once; the others when scrolled to.
    assert_eq!(attr("loading").as_deref(), Some("eager"));
    assert_eq!(attr("decoding").as_deref(), Some("async"));
    let png = page.one(".prose picture img[title='La carte']");
    assert_eq!(png.value().attr("loading"), Some("lazy"));
    assert_eq!(png.value().attr("src"), Some("carte.800.png"));
    assert_eq!(
        (png.value().attr("width"), png.value().attr("height")),
        (Some("800"), Some("600"))
    );
    // Every address the page offers is a file of the site.
    for set in [
        source.value().attr("srcset"),
        attr("srcset").as_deref(),
        png.value().attr("srcset"),
    ] {
        for candidate in set.expect("srcset").split(", ") {
            let file = candidate.split(' ').next().expect("address");
            assert!(site.exists(&format!("{FR}/{file}")), "{file}");
        }
    }
}

#[test]
fn transparency_is_kept_and_svg_loses_its_script() {
    let site = site_with_images();
    site.build(&[]);
    for name in ["carte.480.webp", "carte.800.png", "carte.png"] {
        let img = image::load_from_memory(
            &std::fs::read(site.path(&format!("{FR}/{name}"))).expect(name),
        )
        .expect(name);
        assert!(img.color().has_alpha(), "{name}");
        assert_eq!(
            img.get_pixel(10, 10).0[3],
            0,
            "{name}: transparent on the left"
        );
        let w = img.width();
        assert_eq!(
            img.get_pixel(w - 10, 10).0[3],
            255,
            "{name}: opaque on the right"
        );
    }
    let svg = site.read(&format!("{FR}/schema.svg"));
    for gone in ["script", "alert", "onload", "tracker.example"] {
        assert!(!svg.contains(gone), "{gone} left in {svg}");
    }
    assert!(svg.contains("<rect"), "{svg}");
    let page = site.page("fr/reunions/2021-01-21-rvr-webinar/");
    assert_eq!(
        page.attr(".prose img[src='schema.svg']", "alt").as_deref(),
        Some("Le schéma")
    );
}

#[test]
fn two_builds_give_the_same_bytes_and_the_second_reads_the_cache() {
    let site = site_with_images();
    site.build(&[]);
    let first = snapshot(&site.path("public"));
    let cache = site.path(".cache/images");
    let entries = |dir: &std::path::Path| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .expect("cache folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    let made = entries(&cache);
    assert_eq!(made.len(), 3, "one folder per image: {made:?}");
    let cached = snapshot(&cache);

    // A build without the cache makes the same bytes…
    let elsewhere = site.scratch().join("other-cache");
    std::fs::remove_dir_all(site.path("public")).expect("rm public");
    site.build(&["--cache-dir", elsewhere.to_str().expect("UTF-8")]);
    assert_eq!(
        first,
        snapshot(&site.path("public")),
        "two builds, the same bytes"
    );
    assert_eq!(
        cached,
        snapshot(&elsewhere.join("images")),
        "the same cache"
    );

    // …and a build with it reads the files from it, not from the photo:
    // a variant changed in the cache is what gets published.
    let folder = made
        .iter()
        .find(|f| {
            cache.join(f).join("480.jpg").is_file() && cache.join(f).join("original.jpg").is_file()
        })
        .expect("the photo's folder");
    std::fs::write(cache.join(folder).join("480.jpg"), b"from the cache").expect("write");
    site.build(&[]);
    assert_eq!(site.read(&format!("{FR}/photo.480.jpg")), "from the cache");
    assert_eq!(made, entries(&cache), "nothing new made");
}

#[test]
fn an_image_that_cannot_be_read_or_lacks_alt_text_is_an_error_where_it_is() {
    let site = Site::fixture("pages/bundle-alias-draft");
    site.write_bytes(
        &format!("{BUNDLE}/broken.jpg"),
        b"\xff\xd8\xffnot a JPEG at all",
    );
    site.write_bytes(&format!("{BUNDLE}/ok.jpg"), &small_jpeg());
    let fr = site.read(&format!("{BUNDLE}/index.fr.md"));
    site.write(
        &format!("{BUNDLE}/index.fr.md"),
        &format!("{fr}\n![Cassée](broken.jpg)\n\n![](ok.jpg)\n"),
    );
    for command in ["build", "check"] {
        for lang in ["en", "fr"] {
            let out = site.run(&[command, "--format", "json", "--lang", lang]);
            assert!(!out.status.success(), "{command}");
            let diags = parse_diags(&out);
            let md = format!("{BUNDLE}/index.fr.md");
            let at_file: Vec<_> = diags
                .iter()
                .filter(|d| d.severity == "error" && d.file.ends_with("broken.jpg"))
                .collect();
            assert_eq!(at_file.len(), 1, "{command} {lang}: {diags:#?}");
            let at_text: Vec<_> = diags.iter().filter(|d| d.file == md).collect();
            assert_eq!(at_text.len(), 2, "{command} {lang}: {diags:#?}");
            let lines = fr.lines().count() as u64;
            let broken = at_text
                .iter()
                .find(|d| d.line == lines + 2)
                .expect("the broken image");
            assert!(broken.message.contains("broken.jpg"), "{broken:?}");
            let no_alt = at_text
                .iter()
                .find(|d| d.line == lines + 4)
                .expect("the image without alt");
            let (word, example) = if lang == "fr" {
                ("remplacement", "![Les participants")
            } else {
                ("text alternative", "![Participants")
            };
            assert!(no_alt.message.contains(word), "{no_alt:?}");
            assert!(
                no_alt.help.as_deref().is_some_and(|h| h.contains(example)),
                "{no_alt:?}"
            );
        }
    }
}

#[test]
fn heavy_originals_and_pdfs_are_warnings() {
    let site = Site::fixture("pages/bundle-alias-draft");
    site.write_bytes(&format!("{BUNDLE}/photo.jpg"), &phone_photo());
    // A PDF that is only big (documents keep their bytes).
    let mut pdf = b"%PDF-1.4\n".to_vec();
    pdf.resize(300_000, b' ');
    site.write_bytes(&format!("{BUNDLE}/annexe.pdf"), &pdf);
    let config = site.read("config.yaml");
    site.write(
        "config.yaml",
        &format!("{config}\nmedia:\n  image_max_bytes: 100000\n  pdf_max_bytes: 200000\n"),
    );
    let out = site.run(&["check", "--format", "json", "--lang", "en"]);
    let warnings: Vec<_> = parse_diags(&out)
        .into_iter()
        .filter(|d| {
            d.severity == "warning"
                && (d.file.ends_with("photo.jpg") || d.file.ends_with("annexe.pdf"))
        })
        .collect();
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(
        warnings
            .iter()
            .any(|d| d.message.contains("over the budget of 100 KB")),
        "{warnings:#?}"
    );
    assert!(
        warnings.iter().any(|d| d.message.contains("300 KB")),
        "{warnings:#?}"
    );
    let out = site.run(&["check", "--format", "json", "--lang", "fr"]);
    assert!(
        parse_diags(&out)
            .iter()
            .any(|d| d.message.contains("au-delà du budget de 100 Ko")),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn serve_publishes_the_pages_before_their_images_are_made() {
    use rabat_hub::output::Content;
    use rabat_hub::pipeline::{Changes, Pipeline, Purpose, Settings};
    let site = Site::fixture("pages/bundle-alias-draft");
    site.write_bytes(
        &format!("{BUNDLE}/photo.jpg"),
        &photo_on_its_side(900, 1200),
    );
    let fr = site.read(&format!("{BUNDLE}/index.fr.md"));
    site.write(
        &format!("{BUNDLE}/index.fr.md"),
        &format!("{fr}\n![Photo](photo.jpg)\n"),
    );
    let mut pipeline = Pipeline::new(
        &site.root,
        Settings {
            purpose: Purpose::Preview,
            drafts: false,
            base_url: Some("/".into()),
            cache_dir: None,
        },
    );
    let g = pipeline.run(Changes::Everything, None);
    assert!(!g.diags.has_errors(), "{:?}", g.diags);
    let file = |path: &str| {
        g.artifacts
            .iter()
            .find(|a| a.path == path)
            .unwrap_or_else(|| panic!("no {path}"))
    };
    let page = match &file("fr/reunions/2021-01-21-rvr-webinar/index.html").content {
        Content::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        other => panic!("{other:?}"),
    };
    assert!(page.contains("photo.480.webp 480w"), "{page}");
    // The run made the page and no image: each is made when asked for.
    let cache = site.path(".cache/images");
    assert!(
        !cache.exists(),
        "an image was made before the page was served"
    );
    let Content::Image(pending) =
        &file("fr/reunions/2021-01-21-rvr-webinar/photo.480.webp").content
    else {
        panic!("the variant is not made later");
    };
    let webp = pending.bytes().expect("made when asked for");
    let img = image::load_from_memory(&webp).expect("a WebP");
    assert_eq!(img.dimensions(), (480, 360));
    assert_eq!(
        std::fs::read_dir(&cache).expect("cache").count(),
        1,
        "kept for the next run"
    );
}

#[test]
fn links_to_documents_say_their_type_size_and_language() {
    let site = Site::fixture("pages/bundle-alias-draft");
    let mut pdf = b"%PDF-1.4\n".to_vec();
    pdf.resize(240_400, b' ');
    site.write_bytes(&format!("{BUNDLE}/rapport.en.pdf"), &pdf);
    let mut big = b"%PDF-1.4\n".to_vec();
    big.resize(3_840_000, b' ');
    site.write_bytes(&format!("{BUNDLE}/annexe.pdf"), &big);
    let fr = site.read(&format!("{BUNDLE}/index.fr.md"));
    site.write(
        &format!("{BUNDLE}/index.fr.md"),
        &format!("{fr}\nLire [le rapport](rapport.en.pdf).\n"),
    );
    site.build(&[]);
    let page = site.page("fr/reunions/2021-01-21-rvr-webinar/");
    // (`text` reads a no-break space as a space: the file has one.)
    assert_eq!(page.text(".prose .doc-meta"), "(PDF, 240 Ko, anglais)");
    let html = site.read(&format!("{FR}/index.html"));
    assert!(
        html.contains("240&nbsp;Ko") || html.contains("240\u{a0}Ko"),
        "{html}"
    );
    // The meeting's documents: a file of the bundle says what it is, an
    // address elsewhere does not.
    let listed = page.texts(".links li");
    assert!(
        listed.iter().any(|l| l == "Annexe (PDF, 3,8 Mo)"),
        "{listed:?}"
    );
    assert!(listed.iter().any(|l| l == "Rapport en ligne"), "{listed:?}");
    let en = site.page("en/meetings/2021-01-21-rvr-webinar/");
    let listed = en.texts(".links li");
    assert!(
        listed.iter().any(|l| l.ends_with("(PDF, 3.8 MB)")),
        "{listed:?}"
    );
}
