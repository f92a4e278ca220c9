//! The preview server of `rabat-hub serve`: the last built site held in
//! memory (`live`), a small HTTP server on the loopback address that
//! serves it and tells open pages to reload (`server`), and a file watcher
//! that turns editors' saves into rebuild requests (`watch`).
//!
//! Nothing here writes to disk: the published `public/` is never touched
//! by a preview.

mod indexer;
mod live;
mod page;
mod preview;
pub mod priority;
mod server;
mod watch;

pub use indexer::{Indexer, PAUSE};
pub use live::{Live, Snapshot};
pub use preview::{Preview, SearchInput};
pub use server::{Server, respond};
pub use watch::{Change, Watcher};
