//! The loading shared by the bank list and the banks: a value given by the
//! start-up code, or loaded on mount, with a retry.

use crate::load::LoadState;
use std::future::Future;
use yew::prelude::*;

/// `preloaded` when the start-up code loaded it already, otherwise `load`
/// run on mount and again whenever `key` changes; the returned callback
/// runs `load` again (after a failure).
#[hook]
pub fn use_loaded<T, K, L, F>(
    preloaded: Option<LoadState<T>>,
    key: K,
    load: L,
) -> (LoadState<T>, Callback<()>)
where
    T: Clone + 'static,
    K: PartialEq + 'static,
    L: FnOnce(&K) -> F + 'static,
    F: Future<Output = LoadState<T>> + 'static,
{
    let given = preloaded.is_some();
    let state = use_state(|| preloaded.unwrap_or(LoadState::Loading));
    let attempt = use_state(|| 0u32);
    {
        let state = state.clone();
        use_effect_with((key, *attempt), move |(key, attempt)| {
            if *attempt == 0 && given {
                return;
            }
            state.set(LoadState::Loading);
            let loading = load(key);
            wasm_bindgen_futures::spawn_local(async move {
                state.set(loading.await);
            });
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    ((*state).clone(), retry)
}
