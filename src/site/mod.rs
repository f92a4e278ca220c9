//! The checked site: every entity with its language versions, URLs,
//! rendered bodies and resolved references. Built by `assemble` from the
//! parsed documents; read by `theme` and `output`, never changed after.

mod assemble;
mod freshness;
mod graph;
mod links;
mod model;
mod refs;
mod warnings;

pub use assemble::{Changes, Memo, Options, Patched, assemble, assemble_with, patch_version};
pub use freshness::{Behind, behind, behind_in};
pub use graph::{Edge, Graph, Lists};
pub use model::{Entity, EntityKey, IndexText, LinkTo, Site, Version};
pub use refs::{Ref, references};
pub use warnings::warnings;
