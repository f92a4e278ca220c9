// Photo-like JPEGs with EXIF as a phone writes it, made from a seed: the
// one generator of the test suite (`tests/hub/images.rs`), the unit tests
// of `src/images/process.rs` and `bench/gen_photos.rs`, each of which
// includes this file with `#[path]`. Deterministic: the same arguments
// give the same bytes. Needs the `image` and `kamadak-exif` crates.
// (Plain comments, not `//!`: the file is a module of three crates.)

#![allow(dead_code)] // each includer uses a part

use std::io::Cursor;

use image::ImageEncoder;

/// A photo-like picture: smooth gradients, soft shapes and noise from
/// `seed` (a flat colour would compress to nothing; another seed, another
/// file, as a meeting's photos are).
pub fn photo(width: u32, height: u32, seed: u32) -> image::RgbImage {
    let mut state = seed.wrapping_mul(2_654_435_761) | 1;
    let mut noise = move || {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        (state % 25) as i32 - 12
    };
    let (cx, cy) = (
        0.3 + (seed % 5) as f32 * 0.1,
        0.3 + (seed % 7) as f32 * 0.06,
    );
    image::RgbImage::from_fn(width, height, |x, y| {
        let (fx, fy) = (x as f32 / width as f32, y as f32 / height as f32);
        let blob = (((fx - cx).powi(2) + (fy - cy).powi(2)).sqrt() * 11.0).cos() * 45.0;
        let stripes = ((fx * 37.0 + fy * 11.0).sin() * 12.0) * (fy - 0.4).max(0.0);
        let base = [
            50.0 + 130.0 * fx + blob + stripes,
            80.0 + 90.0 * fy - blob * 0.5,
            160.0 - 80.0 * fx * fy + blob * 0.3 - stripes,
        ];
        let n = noise();
        image::Rgb(base.map(|c| (c as i32 + n).clamp(0, 255) as u8))
    })
}

/// `img` with a red block in its top-left corner, to tell its orientation
/// by once it is turned.
pub fn marked(mut img: image::RgbImage) -> image::RgbImage {
    let (w, h) = (img.width() * 12 / 100, img.height() * 12 / 100);
    for y in 0..h {
        for x in 0..w {
            img.put_pixel(x, y, image::Rgb([220, 20, 20]));
        }
    }
    img
}

/// EXIF as a phone writes it: an `orientation` (1 upright, 6 taken with
/// the camera turned a quarter clockwise), the camera's `model` and a GPS
/// position.
pub fn exif(orientation: u16, model: &str) -> Vec<u8> {
    use exif::{Field, In, Rational, Tag, Value};
    let field = |tag, value| Field {
        tag,
        ifd_num: In::PRIMARY,
        value,
    };
    let fields = [
        field(Tag::Orientation, Value::Short(vec![orientation])),
        field(Tag::Model, Value::Ascii(vec![model.as_bytes().to_vec()])),
        field(Tag::GPSLatitudeRef, Value::Ascii(vec![b"N".to_vec()])),
        field(
            Tag::GPSLatitude,
            Value::Rational(vec![
                Rational::from((34, 1)),
                Rational::from((1, 1)),
                Rational::from((12, 1)),
            ]),
        ),
        field(Tag::GPSLongitudeRef, Value::Ascii(vec![b"W".to_vec()])),
        field(
            Tag::GPSLongitude,
            Value::Rational(vec![
                Rational::from((6, 1)),
                Rational::from((50, 1)),
                Rational::from((9, 1)),
            ]),
        ),
    ];
    let mut w = exif::experimental::Writer::new();
    for f in &fields {
        w.push_field(f);
    }
    let mut out = Cursor::new(Vec::new());
    w.write(&mut out, false).expect("EXIF");
    out.into_inner()
}

/// `img` as a JPEG at `quality`, with `exif` in it if given.
pub fn jpeg(img: &image::RgbImage, quality: u8, exif: Option<Vec<u8>>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality);
    if let Some(exif) = exif {
        enc.set_exif_metadata(exif).expect("EXIF on a JPEG");
    }
    enc.write_image(
        img.as_raw(),
        img.width(),
        img.height(),
        image::ExtendedColorType::Rgb8,
    )
    .expect("encode");
    out
}

/// Whether `bytes` hold EXIF that kamadak-exif can read.
pub fn has_exif(bytes: &[u8]) -> bool {
    exif::Reader::new()
        .read_from_container(&mut Cursor::new(bytes))
        .is_ok()
}
