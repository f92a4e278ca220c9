//! Writes photo-like JPEGs for `bench/images.sh`: smooth gradients, soft
//! shapes and noise from a seed per photo (so each is a different file,
//! as a meeting's photos are), with EXIF as a phone writes it (an
//! orientation, a camera model, a GPS position), by the generator of the
//! tests (`tests/hub/photos.rs`). Deterministic: the same arguments give
//! the same bytes.
//!
//! cargo run --release --example gen-photos -- --out DIR --count 10 [--first 0] [--width 4000 --height 3000]

use std::path::PathBuf;

// The generator the tests use too.
#[path = "../tests/hub/photos.rs"]
mod photos;

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
        let img = photos::photo(width, height, i + 1);
        let bytes = photos::jpeg(&img, 90, Some(photos::exif(1, "Bench camera")));
        std::fs::write(out.join(format!("photo-{i:03}.jpg")), bytes).expect("write");
    }
}
