use crate::load::{LoadError, LoadProblem, LoadState};
use crate::platform::{mark, Fetcher};
use quiz_core::manifest::parse_manifest;
use quiz_core::Manifest;
use std::rc::Rc;
use yew::prelude::*;

/// Where the manifest is fetched from, relative to `index.html`.
pub const MANIFEST_URL: &str = "questions/index.json";

/// Loads the manifest once on mount; the returned callback retries.
#[hook]
pub fn use_manifest(fetcher: Rc<dyn Fetcher>) -> (LoadState<Rc<Manifest>>, Callback<()>) {
    let state = use_state(|| LoadState::Loading);
    let attempt = use_state(|| 0u32);
    {
        let state = state.clone();
        use_effect_with(*attempt, move |_| {
            state.set(LoadState::Loading);
            let request = fetcher.fetch(MANIFEST_URL);
            wasm_bindgen_futures::spawn_local(async move {
                let problem = match request.await {
                    Ok(bytes) => match parse_manifest(MANIFEST_URL, &bytes) {
                        Ok(manifest) => {
                            mark("quiz:manifest-ready");
                            state.set(LoadState::Ready(Rc::new(manifest)));
                            return;
                        }
                        Err(problems) => LoadProblem::Invalid(problems),
                    },
                    Err(error) => LoadProblem::Fetch(error),
                };
                state.set(LoadState::Failed(LoadError {
                    file: MANIFEST_URL.to_string(),
                    problem,
                }));
            });
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    ((*state).clone(), retry)
}
