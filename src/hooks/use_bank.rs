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

/// Loads the bank file of `entry`; a bank with errors is refused with every
/// problem listed. The returned callback retries.
///
/// Large banks are checked in steps, yielding to the browser every
/// [`SLICE_MS`](crate::platform::pacing::SLICE_MS) of work, so the page keeps
/// painting and answering taps while a bank of thousands of questions loads.
#[hook]
pub fn use_bank(
    fetcher: Rc<dyn Fetcher>,
    entry: BankEntry,
) -> (LoadState<Rc<LoadedBank>>, Callback<()>) {
    let state = use_state(|| LoadState::Loading);
    let attempt = use_state(|| 0u32);
    {
        let state = state.clone();
        use_effect_with((entry.file.clone(), *attempt), move |(file, _)| {
            state.set(LoadState::Loading);
            let url = format!("{BANKS_DIR}{file}");
            let request = fetcher.fetch(&url);
            wasm_bindgen_futures::spawn_local(async move {
                let problem = match request.await {
                    Ok(bytes) => {
                        mark("quiz:bank-fetched");
                        let mut pacer = Pacer::start();
                        let mut pause = || pacer.pause();
                        let checked = check_bank_in_steps(&url, &bytes, &mut pause).await;
                        mark("quiz:bank-checked");
                        // The page renders in a task of its own, after the last check.
                        next_task().await;
                        match checked.value {
                            Some(bank) => {
                                state.set(LoadState::Ready(Rc::new(LoadedBank {
                                    bank: Rc::new(bank),
                                    warnings: checked.diagnostics,
                                })));
                                return;
                            }
                            None => LoadProblem::Invalid(checked.diagnostics),
                        }
                    }
                    Err(error) => LoadProblem::Fetch(error),
                };
                state.set(LoadState::Failed(LoadError { file: url, problem }));
            });
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    ((*state).clone(), retry)
}
