//! The state of a file being loaded, and why loading failed.

use crate::i18n::strings;
use crate::platform::FetchError;
use quiz_core::{Diagnostic, Lang};

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
