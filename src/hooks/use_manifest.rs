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
    let given = preloaded.is_some();
    let state = use_state(|| preloaded.unwrap_or(LoadState::Loading));
    let attempt = use_state(|| 0u32);
    {
        let state = state.clone();
        use_effect_with(*attempt, move |attempt| {
            if *attempt == 0 && given {
                return;
            }
            state.set(LoadState::Loading);
            wasm_bindgen_futures::spawn_local(async move {
                state.set(load_manifest(fetcher).await);
            });
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    ((*state).clone(), retry)
}
