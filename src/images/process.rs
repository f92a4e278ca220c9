//! Decoding, turning upright, resizing and encoding: the pixels' part.
//! Everything here is a function of the bytes and the settings alone, so
//! the same image gives the same files on every build. Encoding from the
//! pixels writes no metadata: EXIF, XMP and ICC profiles are left behind;
//! an upright JPEG at its own size is published with its metadata
//! segments cut out (`img-parts`), its pixels as they were.

use std::io::Cursor;

use fast_image_resize as fir;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageReader};

use super::{Format, Settings, Unreadable, Variant, variants};

fn unreadable(e: impl std::fmt::Display) -> Unreadable {
    Unreadable(e.to_string())
}

fn decoder(bytes: &[u8], format: Format) -> Result<impl ImageDecoder + '_, Unreadable> {
    let f = match format {
        Format::Jpeg => image::ImageFormat::Jpeg,
        Format::Png => image::ImageFormat::Png,
        Format::Webp => image::ImageFormat::WebP,
        Format::Gif => image::ImageFormat::Gif,
        Format::Svg => return Err(Unreadable(crate::t!("img-not-made"))),
    };
    // The decoder's default limits (512 MiB of memory) hold: a small file
    // claiming a huge picture is refused, not decoded.
    ImageReader::with_format(Cursor::new(bytes), f)
        .into_decoder()
        .map_err(unreadable)
}

/// Whether an orientation turns the picture by a quarter.
fn quarter_turn(o: Orientation) -> bool {
    matches!(
        o,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// The picture's width and height once upright, from its header.
pub(super) fn upright_size(bytes: &[u8], format: Format) -> Result<(u32, u32), Unreadable> {
    let mut d = decoder(bytes, format)?;
    let (w, h) = d.dimensions();
    let o = d.orientation().unwrap_or(Orientation::NoTransforms);
    if w == 0 || h == 0 {
        return Err(Unreadable(crate::t!("img-no-pixels")));
    }
    Ok(if quarter_turn(o) { (h, w) } else { (w, h) })
}

/// What one image gives: the upright, metadata-free image at its own size
/// in its own format, and its variants.
pub(super) struct Made {
    pub(super) original: Vec<u8>,
    pub(super) variants: Vec<(Variant, Vec<u8>)>,
}

/// Decodes `bytes`, turns them upright and makes every file of the image.
pub(super) fn make(bytes: &[u8], format: Format, settings: &Settings) -> Result<Made, Unreadable> {
    let mut d = decoder(bytes, format)?;
    let o = d.orientation().unwrap_or(Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(d).map_err(unreadable)?;
    img.apply_orientation(o);
    // Eight bits a channel, with alpha only where there is some to keep.
    let img = if img.color().has_alpha() {
        DynamicImage::ImageRgba8(img.into_rgba8())
    } else {
        DynamicImage::ImageRgb8(img.into_rgb8())
    };
    let probe = super::Probe {
        format,
        width: img.width(),
        height: img.height(),
        bytes: bytes.len() as u64,
    };
    // An upright JPEG keeps its pixels as they are, its metadata segments
    // cut out; anything else is encoded again from its pixels.
    let original = match (format, o) {
        (Format::Jpeg, Orientation::NoTransforms) => strip_jpeg(bytes)?,
        _ => encode(&img, format, settings)?,
    };
    let mut out = Vec::new();
    let mut resizer = fir::Resizer::new();
    // Widest first, each width resized from the one before it: a quarter
    // of the work of resizing each from the original, and as sharp.
    let mut wanted = variants(&probe, settings);
    wanted.sort_by(|a, b| b.width.cmp(&a.width).then(a.format.cmp(&b.format)));
    let mut last: Option<(u32, DynamicImage)> = None;
    for v in wanted {
        // WebP and the fallback of one width share the resized pixels.
        let sized = match &last {
            Some((w, i)) if *w == v.width => i.clone(),
            _ => {
                let from = last.as_ref().map_or(&img, |(_, i)| i);
                let i = resize(&mut resizer, from, v.width, v.height)?;
                last = Some((v.width, i.clone()));
                i
            }
        };
        out.push((v, encode(&sized, v.format, settings)?));
    }
    out.sort_by_key(|(v, _)| *v);
    Ok(Made {
        original,
        variants: out,
    })
}

/// A JPEG without its metadata segments (EXIF and XMP, comments, IPTC
/// and makers' segments), its image data untouched. JFIF, the colour
/// profile and Adobe's colour transform stay: they say how to show it.
fn strip_jpeg(bytes: &[u8]) -> Result<Vec<u8>, Unreadable> {
    use img_parts::jpeg::{Jpeg, markers};
    let mut jpeg =
        Jpeg::from_bytes(img_parts::Bytes::copy_from_slice(bytes)).map_err(unreadable)?;
    jpeg.segments_mut().retain(|s| {
        let m = s.marker();
        let metadata = (markers::APP1..=markers::APP15).contains(&m)
            && m != markers::APP2
            && m != markers::APP14;
        !(metadata || m == markers::COM)
    });
    Ok(jpeg.encoder().bytes().to_vec())
}

fn resize(
    resizer: &mut fir::Resizer,
    img: &DynamicImage,
    width: u32,
    height: u32,
) -> Result<DynamicImage, Unreadable> {
    if (width, height) == (img.width(), img.height()) {
        return Ok(img.clone());
    }
    let alpha = img.color().has_alpha();
    let pixel = if alpha {
        fir::PixelType::U8x4
    } else {
        fir::PixelType::U8x3
    };
    let src =
        fir::images::Image::from_vec_u8(img.width(), img.height(), img.as_bytes().to_vec(), pixel)
            .map_err(unreadable)?;
    let mut dst = fir::images::Image::new(width, height, pixel);
    let options = fir::ResizeOptions::new()
        .resize_alg(fir::ResizeAlg::Convolution(fir::FilterType::Lanczos3));
    resizer
        .resize(&src, &mut dst, &options)
        .map_err(unreadable)?;
    let raw = dst.into_vec();
    let made = if alpha {
        image::RgbaImage::from_raw(width, height, raw).map(DynamicImage::ImageRgba8)
    } else {
        image::RgbImage::from_raw(width, height, raw).map(DynamicImage::ImageRgb8)
    };
    made.ok_or_else(|| Unreadable(crate::t!("img-not-made")))
}

/// Encodes pixels in `format`, writing nothing but the pixels.
fn encode(img: &DynamicImage, format: Format, settings: &Settings) -> Result<Vec<u8>, Unreadable> {
    let mut out = Vec::new();
    match format {
        Format::Webp => {
            let (w, h) = (img.width(), img.height());
            let encoder = match img {
                DynamicImage::ImageRgba8(i) => webp::Encoder::from_rgba(i.as_raw(), w, h),
                DynamicImage::ImageRgb8(i) => webp::Encoder::from_rgb(i.as_raw(), w, h),
                _ => return Err(Unreadable(crate::t!("img-not-made"))),
            };
            out.extend_from_slice(&encoder.encode(settings.webp_quality));
        }
        Format::Jpeg => {
            let rgb = match img {
                DynamicImage::ImageRgb8(i) => i.clone(),
                other => other.to_rgb8(),
            };
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, settings.jpeg_quality)
                .encode_image(&rgb)
                .map_err(unreadable)?;
        }
        Format::Png => {
            let encoder = image::codecs::png::PngEncoder::new_with_quality(
                &mut out,
                image::codecs::png::CompressionType::Best,
                image::codecs::png::FilterType::Adaptive,
            );
            img.write_with_encoder(encoder).map_err(unreadable)?;
        }
        Format::Gif | Format::Svg => {
            return Err(Unreadable(crate::t!("img-not-made")));
        }
    }
    Ok(out)
}

// The photo generator of the tests, shared with tests/hub and the bench.
#[cfg(test)]
#[path = "../../tests/hub/photos.rs"]
mod photos;

#[cfg(test)]
mod tests {
    use super::photos::{self, has_exif};
    use super::*;

    fn jpeg(width: u32, height: u32, orientation: u16) -> Vec<u8> {
        let img = photos::photo(width, height, 1);
        photos::jpeg(&img, 90, Some(photos::exif(orientation, "Test camera")))
    }

    #[test]
    fn an_upright_jpeg_keeps_its_pixels_and_loses_its_metadata() {
        let source = jpeg(1200, 800, 1);
        assert!(has_exif(&source));
        let made = make(&source, Format::Jpeg, &Settings::default()).expect("made");
        assert!(!has_exif(&made.original));
        assert!(made.original.len() < source.len());
        let (a, b) = (
            image::load_from_memory(&source).expect("source"),
            image::load_from_memory(&made.original).expect("stripped"),
        );
        assert_eq!(a.as_bytes(), b.as_bytes(), "the same pixels");
        let widths: Vec<(u32, Format)> = made
            .variants
            .iter()
            .map(|(v, _)| (v.width, v.format))
            .collect();
        assert_eq!(
            widths,
            [
                (480, Format::Jpeg),
                (480, Format::Webp),
                (960, Format::Jpeg),
                (960, Format::Webp),
                (1200, Format::Jpeg),
                (1200, Format::Webp)
            ]
        );
        for (v, b) in &made.variants {
            assert!(!has_exif(b));
            let img = image::load_from_memory(b).expect("variant");
            assert_eq!((img.width(), img.height()), (v.width, v.height));
        }
    }

    #[test]
    fn a_jpeg_on_its_side_is_turned_upright() {
        let source = jpeg(80, 120, 6);
        assert_eq!(
            upright_size(&source, Format::Jpeg).expect("size"),
            (120, 80)
        );
        let made = make(&source, Format::Jpeg, &Settings::default()).expect("made");
        assert!(!has_exif(&made.original));
        let img = image::load_from_memory(&made.original).expect("original");
        assert_eq!((img.width(), img.height()), (120, 80));
    }
}
