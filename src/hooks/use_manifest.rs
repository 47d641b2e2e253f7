//! Loading the bank list, `questions/index.json`.

use super::use_loaded;
use crate::load::{load_manifest, LoadState};
use crate::platform::Fetcher;
use quiz_core::Manifest;
use std::rc::Rc;
use yew::prelude::*;

/// The manifest: `preloaded` when the start-up code has already loaded it,
/// otherwise loaded once on mount. The returned callback retries.
#[hook]
pub fn use_manifest(
    fetcher: Rc<dyn Fetcher>,
    preloaded: Option<LoadState<Rc<Manifest>>>,
) -> (LoadState<Rc<Manifest>>, Callback<()>) {
    use_loaded(preloaded, (), move |_| load_manifest(fetcher))
}
