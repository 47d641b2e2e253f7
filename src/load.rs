//! Loading the bank list and bank files: the state of a file being loaded,
//! why loading failed, and the loaders the hooks and the start-up code use.

use crate::i18n::strings;
use crate::platform::pacing::{next_task, Pacer};
use crate::platform::{mark, FetchError, Fetcher};
use quiz_core::bank::check_bank_in_steps;
use quiz_core::manifest::parse_manifest;
use quiz_core::{Bank, Diagnostic, Lang, Manifest};
use std::rc::Rc;

/// A value that arrives asynchronously.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadState<T> {
    /// The request is in flight.
    Loading,
    /// The value arrived and is valid.
    Ready(T),
    /// The value could not be fetched or was invalid.
    Failed(LoadError),
}

/// A failed load, naming the file so a coordinator knows where to look.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// The file's path as the app requested it, e.g. `questions/index.json`.
    pub file: String,
    /// What went wrong.
    pub problem: LoadProblem,
}

/// What went wrong while loading a file.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadProblem {
    /// The file could not be fetched.
    Fetch(FetchError),
    /// The file was fetched but is refused: every problem found, located.
    Invalid(Vec<Diagnostic>),
}

impl LoadError {
    /// A plain-language summary of the problem in `lang`; the located
    /// problems of an invalid file are listed separately.
    pub fn message(&self, lang: Lang) -> String {
        let text = strings(lang);
        match &self.problem {
            LoadProblem::Fetch(FetchError::Network(detail)) => {
                format!("{} ({detail})", text.network_failed)
            }
            LoadProblem::Fetch(FetchError::Status(status)) => {
                format!("{}: HTTP {status}", text.http_status)
            }
            LoadProblem::Fetch(FetchError::Body(detail)) => {
                format!("{} ({detail})", text.read_failed)
            }
            LoadProblem::Fetch(FetchError::Timeout) => text.timed_out.to_string(),
            LoadProblem::Invalid(problems) => {
                let count = problems.len();
                match lang {
                    Lang::Zh => format!("文件内容有 {count} 处问题："),
                    Lang::En => format!("The file has {count} problem(s):"),
                }
            }
        }
    }
}

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
