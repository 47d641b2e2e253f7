//! Loading the bank list, `questions/index.json`.

use super::use_loaded;
use crate::load::{LoadError, LoadProblem, LoadState};
use crate::platform::{mark, Fetcher};
use quiz_core::manifest::parse_manifest;
use quiz_core::Manifest;
use std::rc::Rc;
use yew::prelude::*;

/// Where the manifest is fetched from, relative to `index.html`.
pub const MANIFEST_URL: &str = "questions/index.json";

/// Fetches and checks the manifest: what [`use_manifest`] does on mount,
/// and what the start-up code does before the first render.
pub async fn load_manifest(fetcher: Rc<dyn Fetcher>) -> LoadState<Rc<Manifest>> {
    let problem = match fetcher.fetch(MANIFEST_URL).await {
        Ok(bytes) => match parse_manifest(MANIFEST_URL, &bytes) {
            Ok(manifest) => {
                mark("quiz:manifest-ready");
                return LoadState::Ready(Rc::new(manifest));
            }
            Err(problems) => LoadProblem::Invalid(problems),
        },
        Err(error) => LoadProblem::Fetch(error),
    };
    LoadState::Failed(LoadError {
        file: MANIFEST_URL.to_string(),
        problem,
    })
}

/// The manifest: `preloaded` when the start-up code has already loaded it,
/// otherwise loaded once on mount. The returned callback retries.
#[hook]
pub fn use_manifest(
    fetcher: Rc<dyn Fetcher>,
    preloaded: Option<LoadState<Rc<Manifest>>>,
) -> (LoadState<Rc<Manifest>>, Callback<()>) {
    use_loaded(preloaded, (), move |_| load_manifest(fetcher))
}
