//! Problems found in a bank or manifest file, located and explained.

use crate::json::{LineIndex, Span};
use crate::Lang;
use serde::Serialize;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file still loads; the coordinator should look at it.
    Warning,
    /// The file is refused until this is fixed.
    Error,
}

impl Severity {
    /// The label a problem list shows before the message, in `lang`: the
    /// app's and the workbench's lists say the same.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Error, Lang::En) => "Error",
            (Severity::Warning, Lang::Zh) => "提示",
            (Severity::Warning, Lang::En) => "Warning",
        }
    }
}

/// What kind of problem it is: a stable name for `--format json` and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)] // Each code's meaning is the message that goes with it.
pub enum Code {
    Syntax,
    TooLarge,
    TooMany,
    TooLong,
    UnknownField,
    MissingField,
    DuplicateField,
    WrongType,
    BadValue,
    BadId,
    DuplicateId,
    EmptyText,
    OptionCount,
    OptionsNotAllowed,
    BadAnswer,
    SingleWithSeveral,
    MultipleWithOne,
    DuplicateOption,
    BlankMismatch,
    UnknownTag,
    UnusedTag,
    PaperTooMany,
    DuplicateSection,
    MissingExplanation,
    MissingSource,
    MissingEnglish,
    MissingFile,
    CountMismatch,
    IdMismatch,
    VersionMismatch,
    MoreProblems,
}

impl Code {
    /// The kebab-case name, as in `--format json`.
    pub fn as_str(self) -> &'static str {
        use Code::*;
        match self {
            Syntax => "syntax",
            TooLarge => "too-large",
            TooMany => "too-many",
            TooLong => "too-long",
            UnknownField => "unknown-field",
            MissingField => "missing-field",
            DuplicateField => "duplicate-field",
            WrongType => "wrong-type",
            BadValue => "bad-value",
            BadId => "bad-id",
            DuplicateId => "duplicate-id",
            EmptyText => "empty-text",
            OptionCount => "option-count",
            OptionsNotAllowed => "options-not-allowed",
            BadAnswer => "bad-answer",
            SingleWithSeveral => "single-with-several",
            MultipleWithOne => "multiple-with-one",
            DuplicateOption => "duplicate-option",
            BlankMismatch => "blank-mismatch",
            UnknownTag => "unknown-tag",
            UnusedTag => "unused-tag",
            PaperTooMany => "paper-too-many",
            DuplicateSection => "duplicate-section",
            MissingExplanation => "missing-explanation",
            MissingSource => "missing-source",
            MissingEnglish => "missing-english",
            MissingFile => "missing-file",
            CountMismatch => "count-mismatch",
            IdMismatch => "id-mismatch",
            VersionMismatch => "version-mismatch",
            MoreProblems => "more-problems",
        }
    }
}

/// A message in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Message {
    /// Builds a message from both texts.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Message {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// One problem, with everything a coordinator needs to find and fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The kind of problem.
    pub code: Code,
    /// The file, as the caller named it.
    pub file: String,
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offsets of the offending text, for source snippets.
    #[serde(skip)]
    pub span: Span,
    /// The field's path, e.g. `questions[3].answer`.
    pub path: String,
    /// The question's id, when the problem is inside a question.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// What is wrong and how to fix it.
    pub message: Message,
}

impl Diagnostic {
    /// "file:line:column", the way editors and terminals link to a place.
    pub fn location(&self) -> String {
        format!("{}:{}:{}", self.file, self.line, self.column)
    }
}

/// Collects problems while a file is read, then locates them.
pub(crate) struct Problems {
    pending: Vec<Pending>,
    /// Problems past [`MAX_PROBLEMS`]: how many, whether any is an error,
    /// and where the first one is.
    omitted: usize,
    omitted_errors: bool,
    first_omitted: Option<Span>,
}

struct Pending {
    severity: Severity,
    code: Code,
    span: Span,
    path: String,
    question: Option<String>,
    message: Message,
}

/// The most problems kept for one file. A broken or hostile file (30 MB of
/// unknown keys) could otherwise yield millions, each located and rendered;
/// past this, one more problem says how many were left out.
pub const MAX_PROBLEMS: usize = 1_000;

impl Problems {
    pub(crate) fn new() -> Self {
        Problems {
            pending: Vec::new(),
            omitted: 0,
            omitted_errors: false,
            first_omitted: None,
        }
    }

    pub(crate) fn push(
        &mut self,
        severity: Severity,
        code: Code,
        span: Span,
        path: &str,
        question: Option<&str>,
        message: Message,
    ) {
        if self.pending.len() >= MAX_PROBLEMS {
            self.omitted += 1;
            self.omitted_errors |= severity == Severity::Error;
            self.first_omitted.get_or_insert(span);
            return;
        }
        self.pending.push(Pending {
            severity,
            code,
            span,
            path: path.to_string(),
            question: question.map(str::to_string),
            message,
        });
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.omitted_errors
            || self
                .pending
                .iter()
                .any(|problem| problem.severity == Severity::Error)
    }

    /// Attaches file name, line and column, sorted by position. Linear in
    /// the text, whatever its layout and however many problems it has.
    pub(crate) fn locate(mut self, file: &str, text: &str) -> Vec<Diagnostic> {
        let index = LineIndex::new(text);
        crate::order::sort_by_key(&mut self.pending, |problem| {
            (problem.span.start, std::cmp::Reverse(problem.severity))
        });
        let offsets: Vec<usize> = self
            .pending
            .iter()
            .map(|problem| problem.span.start)
            .collect();
        let places = index.line_cols_ascending(&offsets);
        let omitted = self.omitted;
        let more = self.first_omitted.map(|span| {
            let (line, column) = index.line_col(span.start);
            Diagnostic {
                severity: if self.omitted_errors {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                code: Code::MoreProblems,
                file: file.to_string(),
                line,
                column,
                span,
                path: String::new(),
                question: None,
                message: Message::new(
                    format!("另有 {omitted} 个问题未列出（只列出前 {MAX_PROBLEMS} 个）：请先修正上面的问题，再检查一次。"),
                    format!("{omitted} more problems are not listed (only the first {MAX_PROBLEMS} are): fix those above, then check again."),
                ),
            }
        });
        self.pending
            .into_iter()
            .zip(places)
            .map(|(problem, (line, column))| Diagnostic {
                severity: problem.severity,
                code: problem.code,
                file: file.to_string(),
                line,
                column,
                span: problem.span,
                path: problem.path,
                question: problem.question,
                message: problem.message,
            })
            .chain(more)
            .collect()
    }
}

/// The result of checking a file: the value when it has no errors, and
/// every problem found either way.
#[derive(Debug, Clone)]
pub struct Checked<T> {
    /// The decoded value; `None` when any error was found.
    pub value: Option<T>,
    /// All problems, errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl<T> Checked<T> {
    /// The number of errors.
    pub fn error_count(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// The number of warnings.
    pub fn warning_count(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }
}

/// The edit distance between two short names, for "did you mean".
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// The closest of `candidates` to `word`, when it is close enough to be a
/// likely typo.
pub(crate) fn closest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    // Field names are ASCII.
    let lower = word.to_ascii_lowercase();
    candidates
        .iter()
        .map(|candidate| (edit_distance(&lower, candidate), *candidate))
        .filter(|(distance, candidate)| {
            *distance <= 2 && *distance < candidate.chars().count().max(2)
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(edit_distance("anwser", "answer"), 2);
        assert_eq!(
            closest("anwser", &["answer", "options", "stem"]),
            Some("answer")
        );
        assert_eq!(closest("Stem", &["answer", "stem"]), Some("stem"));
        assert_eq!(closest("colour", &["answer", "stem"]), None);
    }
}
