//! Photos and pictures for slow lines: the only module that knows the
//! image crates (`image` to decode and to write the fallback JPEG or PNG,
//! `fast_image_resize` to resize, `webp` (libwebp) for the modern format,
//! `svg-hush` to sanitise SVG, `sha2` for the cache's keys).
//!
//! Every raster image a page can show (a bundle's or `static/`'s JPEG,
//! PNG or WebP) is published as:
//!
//! - at its own path, the picture decoded, turned upright from its EXIF
//!   orientation and encoded again in its own format: nothing of its
//!   metadata (GPS positions, camera serials) is published;
//! - beside it, a few widths no wider than it (`photo.480.webp`,
//!   `photo.480.jpg`…), WebP and the fallback, which pages offer with
//!   `<picture>` and `srcset` (`Picture`).
//!
//! An SVG is published sanitised (no script, no event handler, no
//! reference to another host). GIFs are published as they are (they may
//! move). What was made is kept in a cache outside the output (`cache`),
//! keyed by a hash of the bytes and of the settings, so a rebuild costs
//! nothing for an unchanged image.

mod cache;
mod process;
mod svg;

use std::path::Path;

pub use cache::{Images, Output, Pending};

/// The formats this module reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum Format {
    Jpeg,
    Png,
    Webp,
    Gif,
    Svg,
}

impl Format {
    /// The format a file's name says it is in, if it is an image.
    pub fn of(name: &str) -> Option<Format> {
        let last = name.rsplit('/').next().unwrap_or(name);
        let (stem, ext) = last.rsplit_once('.')?;
        if stem.is_empty() {
            return None;
        }
        Some(match ext.to_ascii_lowercase().as_str() {
            "jpg" | "jpeg" => Format::Jpeg,
            "png" => Format::Png,
            "webp" => Format::Webp,
            "gif" => Format::Gif,
            "svg" => Format::Svg,
            _ => return None,
        })
    }

    /// Whether it is resized into variants (a GIF may be animated, an SVG
    /// has no pixels).
    pub fn resized(self) -> bool {
        matches!(self, Format::Jpeg | Format::Png | Format::Webp)
    }

    /// The extension its variants and fallback are written with.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::Webp => "webp",
            Format::Gif => "gif",
            Format::Svg => "svg",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
            Format::Webp => "image/webp",
            Format::Gif => "image/gif",
            Format::Svg => "image/svg+xml",
        }
    }
}

/// How images are made; from config.yaml's `media:` (`config::Media`).
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The widths of the variants, in pixels, narrowest first.
    pub widths: Vec<u32>,
    /// libwebp's quality, 0 to 100.
    pub webp_quality: f32,
    /// The fallback JPEG's quality, 1 to 100.
    pub jpeg_quality: u8,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            widths: vec![480, 960, 1600],
            webp_quality: 75.0,
            jpeg_quality: 80,
        }
    }
}

impl Settings {
    /// What the cache's keys hold of the settings and of the code: a
    /// change to either makes every image again.
    fn fingerprint(&self) -> String {
        format!(
            "v2 widths={:?} webp={} jpeg={}",
            self.widths, self.webp_quality, self.jpeg_quality
        )
    }
}

/// What the header of an image file says, upright (a photo taken on its
/// side and marked so in its EXIF is as wide as it looks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Probe {
    pub format: Format,
    pub width: u32,
    pub height: u32,
    /// The file's size in bytes.
    pub bytes: u64,
}

/// Why an image cannot be published, worded for the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable(pub String);

/// Reads the header of the image at `path` (a raster image's size and
/// orientation; an SVG's size is its own business).
pub fn probe(path: &Path, format: Format) -> Result<Probe, Unreadable> {
    let bytes = crate::discover::read_regular(path).map_err(|e| Unreadable(e.to_string()))?;
    let len = bytes.len() as u64;
    if format == Format::Svg {
        svg::sanitise(&bytes)?;
        return Ok(Probe {
            format,
            width: 0,
            height: 0,
            bytes: len,
        });
    }
    let (width, height) = process::upright_size(&bytes, format)?;
    Ok(Probe {
        format,
        width,
        height,
        bytes: len,
    })
}

/// One file made from an image: its width and height and its format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub format: Format,
}

/// The variants of an image: each width of `settings` narrower than the
/// image, and the image's own width when it is narrower than the widest,
/// each in WebP and in the image's own format (a WebP: WebP only).
pub fn variants(probe: &Probe, settings: &Settings) -> Vec<Variant> {
    if !probe.format.resized() || probe.width == 0 || probe.height == 0 {
        return Vec::new();
    }
    let mut widths: Vec<u32> = settings
        .widths
        .iter()
        .copied()
        .filter(|w| *w < probe.width)
        .collect();
    // Narrower than the widest width: its own width is the last step.
    if settings.widths.iter().any(|w| *w >= probe.width) {
        widths.push(probe.width);
    }
    widths.sort_unstable();
    widths.dedup();
    let mut out = Vec::new();
    for w in widths {
        // Rounded, and at least one pixel.
        let h = ((u64::from(probe.height) * u64::from(w) + u64::from(probe.width) / 2)
            / u64::from(probe.width))
        .max(1) as u32;
        out.push(Variant {
            width: w,
            height: h,
            format: Format::Webp,
        });
        if probe.format != Format::Webp {
            out.push(Variant {
                width: w,
                height: h,
                format: probe.format,
            });
        }
    }
    out
}

/// Where a variant of the image named `name` goes, beside it:
/// `photos/a.JPG` → `photos/a.480.webp`.
pub fn variant_name(name: &str, v: &Variant) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    format!("{stem}.{}.{}", v.width, v.format.extension())
}

/// What a page needs to show an image: its size and, when it was
/// resized, the `srcset` of each format (the modern one first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub width: u32,
    pub height: u32,
    /// `(media type, srcset)`: WebP, then the fallback's.
    pub sources: Vec<(&'static str, String)>,
    /// The fallback `src`: the widest fallback variant, or the image.
    pub src: String,
    /// The `sizes` attribute: how wide the picture is shown.
    pub sizes: String,
}

/// The picture of the image at `url` (its folder gives the variants'
/// addresses), from its probe.
pub fn picture(url: &str, probe: &Probe, settings: &Settings, sizes: &str) -> Picture {
    let all = variants(probe, settings);
    let mut sources = Vec::new();
    let mut src = url.to_string();
    let formats: Vec<Format> = if probe.format == Format::Webp {
        vec![Format::Webp]
    } else {
        vec![Format::Webp, probe.format]
    };
    for f in formats {
        let of: Vec<&Variant> = all.iter().filter(|v| v.format == f).collect();
        if of.is_empty() {
            continue;
        }
        let set = of
            .iter()
            .map(|v| format!("{} {}w", variant_name(url, v), v.width))
            .collect::<Vec<_>>()
            .join(", ");
        if f == probe.format
            && let Some(widest) = of.last()
        {
            src = variant_name(url, widest);
        }
        sources.push((f.media_type(), set));
    }
    let (width, height) = match all.last() {
        Some(v) => (v.width, v.height),
        None => (probe.width, probe.height),
    };
    Picture {
        width,
        height,
        sources,
        src,
        sizes: sizes.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(width: u32, height: u32) -> Probe {
        Probe {
            format: Format::Jpeg,
            width,
            height,
            bytes: 1,
        }
    }

    #[test]
    fn variants_are_never_wider_than_the_image() {
        let s = Settings::default();
        let widths = |p: &Probe| {
            variants(p, &s)
                .iter()
                .filter(|v| v.format == Format::Webp)
                .map(|v| (v.width, v.height))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            widths(&jpeg(4000, 3000)),
            [(480, 360), (960, 720), (1600, 1200)]
        );
        assert_eq!(
            widths(&jpeg(1000, 500)),
            [(480, 240), (960, 480), (1000, 500)]
        );
        assert_eq!(widths(&jpeg(300, 200)), [(300, 200)]);
        assert_eq!(
            widths(&jpeg(1600, 900)),
            [(480, 270), (960, 540), (1600, 900)]
        );
        assert_eq!(variants(&jpeg(4000, 3000), &s).len(), 6);
    }

    #[test]
    fn a_picture_offers_webp_first_and_falls_back_to_the_original_format() {
        let p = picture(
            "/fr/r/x/photo.jpg",
            &jpeg(4000, 3000),
            &Settings::default(),
            "100vw",
        );
        assert_eq!(p.sources[0].0, "image/webp");
        assert_eq!(
            p.sources[0].1,
            "/fr/r/x/photo.480.webp 480w, /fr/r/x/photo.960.webp 960w, /fr/r/x/photo.1600.webp 1600w"
        );
        assert_eq!(p.sources[1].0, "image/jpeg");
        assert_eq!(p.src, "/fr/r/x/photo.1600.jpg");
        assert_eq!((p.width, p.height), (1600, 1200));
    }

    #[test]
    fn formats_come_from_the_name() {
        assert_eq!(Format::of("a/B.JPEG"), Some(Format::Jpeg));
        assert_eq!(Format::of("x.svg"), Some(Format::Svg));
        assert_eq!(Format::of("x.pdf"), None);
        assert_eq!(Format::of(".png"), None);
        assert_eq!(
            variant_name(
                "p/a.b.png",
                &variants(
                    &Probe {
                        format: Format::Png,
                        ..jpeg(100, 50)
                    },
                    &Settings::default()
                )[1]
            ),
            "p/a.b.100.png"
        );
    }
}
