//! config.yaml's `media:`: how images are resized and the sizes past
//! which `check` warns that an original or a document is heavy for a
//! reader on a slow line. Every key is optional:
//!
//! ```yaml
//! media:
//!   widths: [480, 960, 1600]   # the variants' widths, in pixels
//!   image_max_bytes: 2000000   # warn past 2 MB…
//!   image_max_width: 4000      # …or 4,000 pixels wide
//!   pdf_max_bytes: 5000000     # warn past 5 MB for a PDF
//!   sizes: "(min-width: 42rem) 40rem, calc(100vw - 2rem)"   # `sizes` of a body's pictures
//! ```

use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Media {
    pub widths: Vec<u32>,
    pub image_max_bytes: u64,
    pub image_max_width: u32,
    pub pdf_max_bytes: u64,
    /// The `sizes` of a picture in a body: how wide the theme shows it.
    /// The default is the default theme's text column (40rem, or the
    /// screen less its margins).
    pub sizes: String,
}

impl Default for Media {
    fn default() -> Media {
        Media {
            widths: vec![480, 960, 1600],
            image_max_bytes: 2_000_000,
            image_max_width: 4000,
            pdf_max_bytes: 5_000_000,
            sizes: "(min-width: 42rem) 40rem, calc(100vw - 2rem)".to_string(),
        }
    }
}

/// The widest variant `media.widths` may ask for: beyond it a variant is
/// no longer for a screen.
pub const WIDEST: u32 = 4096;

impl Media {
    /// What is wrong with the widths, if anything.
    pub fn widths_problem(&self) -> Option<String> {
        if self.widths.is_empty() {
            return Some(crate::t!("config-media-no-widths"));
        }
        self.widths
            .iter()
            .find(|w| **w == 0 || **w > WIDEST)
            .map(|w| {
                crate::t!(
                    "config-media-width",
                    width = *w as usize,
                    max = WIDEST as usize
                )
            })
    }
}
