//! Loading and checking a bank file, for the pages that need one.

use super::use_loaded;
use crate::load::{load_bank, LoadState, LoadedBank, PreloadedBank};
use crate::platform::Fetcher;
use quiz_core::BankEntry;
use std::rc::Rc;
use yew::prelude::*;

/// The bank file of `entry`: `preloaded` when the start-up code has loaded
/// that very file, otherwise loaded on mount; a bank with errors is refused
/// with every problem listed. The returned callback retries.
#[hook]
pub fn use_bank(
    fetcher: Rc<dyn Fetcher>,
    entry: BankEntry,
    preloaded: Option<PreloadedBank>,
) -> (LoadState<Rc<LoadedBank>>, Callback<()>) {
    let preloaded = preloaded
        .filter(|preloaded| preloaded.file == entry.file)
        .map(|preloaded| preloaded.state);
    use_loaded(preloaded, (entry.file, entry.id), move |(file, id)| {
        let (file, id) = (file.clone(), id.clone());
        async move { load_bank(fetcher, &file, &id).await }
    })
}
