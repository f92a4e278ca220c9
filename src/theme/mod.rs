//! The theme: Tera templates, UI strings (`i18n/<lang>.yaml`), static
//! files and map outlines, from the default theme built into the binary,
//! the site's `themes/<name>/` and the site root's own `templates/`,
//! `static/`, `i18n/` and `data/`, each overriding the one before (see
//! `files`). The only module that reads `themes/`, the only one that
//! knows Tera and `include_dir`.

mod assets;
mod context;
mod counts;
mod dates;
mod entity;
mod files;
mod load;
mod map;
mod policy;

pub use assets::{PRINT_CSS, StaticAsset, fingerprint};
pub use context::{ItemView, LinkView, PageContext, Views};
pub use dates::format_date;
pub use files::{Body, Override};
pub use load::{REQUIRED_TEMPLATES, Strings, Theme, load, overrides};
pub use policy::{CONTENT_SECURITY_POLICY, meta_policy};
