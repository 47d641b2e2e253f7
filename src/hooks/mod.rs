//! One `use_*` hook per concern: the façade components use instead of
//! talking to the platform themselves.

mod use_language;
mod use_manifest;

pub use use_language::use_language;
pub use use_manifest::{use_manifest, MANIFEST_URL};
