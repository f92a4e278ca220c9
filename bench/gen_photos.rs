//! Writes photo-like JPEGs for `bench/images.sh`: smooth gradients, soft
//! shapes and noise from a seed per photo (so each is a different file,
//! as a meeting's photos are), with EXIF as a phone writes it (an
//! orientation, a camera model, a GPS position). Deterministic: the same
//! arguments give the same bytes.
//!
//! cargo run --release --example gen-photos -- --out DIR --count 10 [--first 0] [--width 4000 --height 3000]

use std::io::Cursor;
use std::path::PathBuf;

use image::ImageEncoder;

fn photo(width: u32, height: u32, seed: u32) -> image::RgbImage {
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

fn exif() -> Vec<u8> {
    use exif::{Field, In, Rational, Tag, Value};
    let fields = [
        Field {
            tag: Tag::Orientation,
            ifd_num: In::PRIMARY,
            value: Value::Short(vec![1]),
        },
        Field {
            tag: Tag::Model,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"Bench camera".to_vec()]),
        },
        Field {
            tag: Tag::GPSLatitude,
            ifd_num: In::PRIMARY,
            value: Value::Rational(vec![Rational::from((34, 1)); 3]),
        },
    ];
    let mut w = exif::experimental::Writer::new();
    for f in &fields {
        w.push_field(f);
    }
    let mut out = Cursor::new(Vec::new());
    w.write(&mut out, false).expect("EXIF");
    out.into_inner()
}

fn main() {
    let mut out: Option<PathBuf> = None;
    let (mut count, mut first, mut width, mut height) = (1u32, 0u32, 4000u32, 3000u32);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().expect("a value after each option");
        match a.as_str() {
            "--out" => out = Some(PathBuf::from(value())),
            "--count" => count = value().parse().expect("a number"),
            "--first" => first = value().parse().expect("a number"),
            "--width" => width = value().parse().expect("a number"),
            "--height" => height = value().parse().expect("a number"),
            other => panic!("unknown argument {other}"),
        }
    }
    let out = out.expect("--out DIR");
    std::fs::create_dir_all(&out).expect("mkdir");
    for i in first..first + count {
        let img = photo(width, height, i + 1);
        let mut bytes = Vec::new();
        let mut enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90);
        enc.set_exif_metadata(exif()).expect("EXIF");
        enc.write_image(img.as_raw(), width, height, image::ExtendedColorType::Rgb8)
            .expect("encode");
        std::fs::write(out.join(format!("photo-{i:03}.jpg")), bytes).expect("write");
    }
}
