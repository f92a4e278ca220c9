//! The preview server: a small HTTP/1.1 file server on the loopback
//! address, serving only files inside the output folder.

mod server;

pub use server::{Server, respond};
