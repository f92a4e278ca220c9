//! The checked site: every entity with its language versions, URLs,
//! rendered bodies and resolved references. Built by `assemble` from the
//! parsed documents; read by `theme` and `output`, never changed after.

pub mod address;
mod assemble;
mod bodies;
mod checks;
mod freshness;
mod graph;
mod links;
mod media;
mod model;
mod patch;
mod refs;
mod warnings;

pub use assemble::{Changes, Memo, Options, assemble, assemble_with};
pub use freshness::{Behind, behind, behind_in};
pub use graph::{Edge, Graph, Lists};
pub use media::Probes;
pub use model::{Entity, EntityKey, IndexText, LinkTo, Site, Version};
pub use patch::{Patched, patch_version};
pub use refs::{Ref, references};
pub use warnings::warnings;
