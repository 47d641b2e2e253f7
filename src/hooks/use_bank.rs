//! Loading and checking a bank file, for the pages that need one.

use super::use_loaded;
use crate::load::{LoadError, LoadProblem, LoadState};
use crate::platform::pacing::{next_task, Pacer};
use crate::platform::{mark, Fetcher};
use quiz_core::bank::check_bank_in_steps;
use quiz_core::{Bank, BankEntry, Diagnostic};
use std::rc::Rc;
use yew::prelude::*;

/// A bank that passed its checks, with the warnings it loaded with.
#[derive(Debug, PartialEq)]
pub struct LoadedBank {
    /// The bank.
    pub bank: Rc<Bank>,
    /// Problems that did not stop it loading, for coordinators to see.
    pub warnings: Vec<Diagnostic>,
}

/// The folder banks are fetched from, relative to `index.html`.
pub const BANKS_DIR: &str = "questions/";

/// Fetches and checks the bank file `file`: what [`use_bank`] does on mount,
/// and what the start-up code does for a link to a bank.
///
/// Large banks are checked in steps, yielding to the browser every
/// [`SLICE_MS`](crate::platform::pacing::SLICE_MS) of work, so the page keeps
/// painting and answering taps while a bank of thousands of questions loads.
///
/// `id` is the id the manifest lists for the file: a bank file with another
/// id is refused, located at its `id`.
pub async fn load_bank(
    fetcher: Rc<dyn Fetcher>,
    file: &str,
    id: &str,
) -> LoadState<Rc<LoadedBank>> {
    let url = format!("{BANKS_DIR}{file}");
    let problem = match fetcher.fetch(&url).await {
        Ok(bytes) => {
            mark("quiz:bank-fetched");
            let mut pacer = Pacer::start();
            let mut pause = || pacer.pause();
            let checked = check_bank_in_steps(&url, &bytes, Some(id), &mut pause).await;
            mark("quiz:bank-checked");
            // The page renders in a task of its own, after the last check.
            next_task().await;
            match checked.value {
                Some(bank) => {
                    return LoadState::Ready(Rc::new(LoadedBank {
                        bank: Rc::new(bank),
                        warnings: checked.diagnostics,
                    }))
                }
                None => LoadProblem::Invalid(checked.diagnostics),
            }
        }
        Err(error) => LoadProblem::Fetch(error),
    };
    LoadState::Failed(LoadError { file: url, problem })
}

/// A bank loaded before the first render, with the file it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct PreloadedBank {
    /// The bank's file, as the manifest names it.
    pub file: String,
    /// How loading it went.
    pub state: LoadState<Rc<LoadedBank>>,
}

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
