//! The theme: Tera templates from `themes/<name>/templates`, UI strings
//! from `themes/<name>/i18n/<lang>.yaml`, static files from
//! `themes/<name>/static`. The only module that reads `themes/`, and the
//! only one that knows Tera.

mod context;
mod dates;
mod entity;
mod load;
mod map;

pub use context::{ItemView, LinkView, PageContext, Views};
pub use dates::format_date;
pub use load::{REQUIRED_TEMPLATES, Strings, Theme, load};
