//! The question-bank model: what a bank file holds once it is checked.
//!
//! Bank files are read with [`check_bank`], which reports every problem with
//! its line and column; the types here serialise back to the same format
//! (the importer and `quizbank export` rely on that round trip).

pub(crate) mod decode;
pub mod fields;

pub use crate::calendar::is_valid_date;
pub use decode::{
    check_bank, check_bank_in_steps, PauseFuture, MAX_BANK_BYTES, MAX_QUESTIONS, QUESTIONS_PER_STEP,
};

use crate::LocalText;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::collections::BTreeMap;

/// A checked bank.
///
/// `Eq` matters beyond tests: `Rc<Bank>` is a prop of most pages, and std
/// compares `Rc`s of `Eq` types by pointer first, so a re-render (a
/// countdown tick, say) does not compare two copies of the whole bank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bank {
    /// The JSON Schema reference that lets editors validate while typing.
    #[serde(rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The bank's id, as in the manifest and deep links.
    pub id: String,
    /// Raised whenever questions change; the daily set and "new questions"
    /// notice depend on it.
    pub version: u32,
    /// The date of the last change, `YYYY-MM-DD`.
    pub updated: String,
    /// The bank's name.
    pub title: LocalText,
    /// What the bank covers.
    pub description: LocalText,
    /// Display names of tag keys; keys without a name show as they are.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub tag_names: BTreeMap<String, LocalText>,
    /// The default mock exam.
    pub paper: Paper,
    /// The questions, in file order.
    pub questions: Vec<Question>,
}

impl Bank {
    /// A short fingerprint of the questions (16 hex digits of FNV-1a 64
    /// over their canonical JSON form): the same questions give the same
    /// fingerprint, whatever the file's layout or key order, and the bank's
    /// title or paper do not count. `quizbank manifest` records it beside
    /// the version and raises the version when it changes, so an unchanged
    /// version means unchanged questions. Only the coordinators' tools call
    /// it (the `tools` feature): the member's app never hashes a bank.
    #[cfg(feature = "tools")]
    pub fn questions_fingerprint(&self) -> String {
        let canonical = serde_json::to_vec(&self.questions).unwrap_or_default();
        format!("{:016x}", crate::fnv::fnv1a(&canonical))
    }

    /// How many questions of `kind` the bank has.
    pub fn count_of(&self, kind: QuestionType) -> usize {
        self.questions.iter().filter(|q| q.kind() == kind).count()
    }

    /// The display name of a tag key in `lang`.
    pub fn tag_name(&self, key: &str, lang: crate::Lang) -> String {
        self.tag_names
            .get(key)
            .map_or_else(|| key.to_string(), |name| name.get(lang).to_string())
    }
}

/// A mock-exam paper: how many questions of each type, their points, the
/// time limit and the pass mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paper {
    /// Minutes allowed, 1–180.
    pub time_limit_minutes: u32,
    /// The pass mark as a percentage of the paper's total points.
    pub pass_percent: u32,
    /// Whether a multiple-choice answer with no wrong option earns half.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub partial_credit: bool,
    /// One section per question type, in the order the paper shows them.
    pub sections: Vec<Section>,
}

impl Paper {
    /// The paper's total points.
    pub fn total_points(&self) -> u32 {
        self.sections.iter().map(|s| s.count * s.points).sum()
    }
}

/// One part of a paper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// The question type drawn.
    #[serde(rename = "type")]
    pub kind: QuestionType,
    /// How many questions to draw.
    pub count: u32,
    /// Points per question.
    pub points: u32,
}

/// The four question types.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum QuestionType {
    /// 单选: one correct option.
    Single,
    /// 多选: two or more correct options.
    Multiple,
    /// 判断: true or false.
    Judge,
    /// 填空: one or more blanks.
    Fill,
}

impl QuestionType {
    /// All types, in the order papers and reports list them.
    pub const ALL: [QuestionType; 4] = [
        QuestionType::Single,
        QuestionType::Multiple,
        QuestionType::Judge,
        QuestionType::Fill,
    ];

    /// The name used in files.
    pub fn key(self) -> &'static str {
        match self {
            QuestionType::Single => "single",
            QuestionType::Multiple => "multiple",
            QuestionType::Judge => "judge",
            QuestionType::Fill => "fill",
        }
    }

    /// Reads a type name as written in a file.
    pub fn from_key(key: &str) -> Option<QuestionType> {
        QuestionType::ALL.into_iter().find(|kind| kind.key() == key)
    }

    /// The name people use, in `lang`.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match (self, lang) {
            (QuestionType::Single, crate::Lang::Zh) => "单选题",
            (QuestionType::Multiple, crate::Lang::Zh) => "多选题",
            (QuestionType::Judge, crate::Lang::Zh) => "判断题",
            (QuestionType::Fill, crate::Lang::Zh) => "填空题",
            (QuestionType::Single, crate::Lang::En) => "Single choice",
            (QuestionType::Multiple, crate::Lang::En) => "Multiple choice",
            (QuestionType::Judge, crate::Lang::En) => "True or false",
            (QuestionType::Fill, crate::Lang::En) => "Fill in the blank",
        }
    }
}

/// How hard a question is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    /// 易
    Easy,
    /// 中, the default.
    #[default]
    Medium,
    /// 难
    Hard,
}

impl Difficulty {
    /// All levels, easiest first.
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard];

    /// The name used in files.
    pub fn key(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }
}

/// One question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The stable id progress is keyed by.
    pub id: String,
    /// 题干.
    pub stem: LocalText,
    /// The type-specific part: options and answer.
    pub body: Body,
    /// 解析: why the answer is right.
    pub explanation: Option<LocalText>,
    /// 出处: the document and article, or speech and date.
    pub source: Option<LocalText>,
    /// Tag keys (chapters or topics).
    pub tags: Vec<String>,
    /// How hard it is.
    pub difficulty: Difficulty,
}

impl Question {
    /// The question's type.
    pub fn kind(&self) -> QuestionType {
        match self.body {
            Body::Single { .. } => QuestionType::Single,
            Body::Multiple { .. } => QuestionType::Multiple,
            Body::Judge { .. } => QuestionType::Judge,
            Body::Fill { .. } => QuestionType::Fill,
        }
    }

    /// The options of a choice question; empty for the other types.
    pub fn options(&self) -> &[Choice] {
        match &self.body {
            Body::Single { options, .. } | Body::Multiple { options, .. } => options,
            Body::Judge { .. } | Body::Fill { .. } => &[],
        }
    }
}

/// The type-specific part of a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// One correct option.
    Single {
        /// 2–8 options.
        options: Vec<Choice>,
        /// The index of the correct option.
        answer: usize,
    },
    /// Several correct options.
    Multiple {
        /// 2–8 options.
        options: Vec<Choice>,
        /// The indexes of the correct options, ascending.
        answer: Vec<usize>,
    },
    /// A statement that is true or false.
    Judge {
        /// Whether the statement is true.
        answer: bool,
    },
    /// Blanks marked in the stem by runs of underscores.
    Fill {
        /// The accepted answers of each blank, in order.
        blanks: Vec<Blank>,
    },
}

/// An option of a choice question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The option's text.
    pub text: LocalText,
    /// Keeps the option in place when options are shuffled (e.g. 以上都是).
    pub fixed: bool,
}

/// The accepted answers for one blank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Blank {
    /// Accepted Chinese answers; the first is shown as the correct one.
    pub zh: Vec<String>,
    /// Accepted English answers; the first is shown in English.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub en: Vec<String>,
}

/// The message for option `repeat` repeating option `first`, shared by the
/// checker and the spreadsheet importer so both say the same thing.
pub fn repeated_option_message(repeat: usize, first: usize) -> crate::diagnostic::Message {
    crate::diagnostic::Message::new(
        format!(
            "选项 {} 与选项 {} 相同：每个选项应不同。",
            letter(repeat),
            letter(first)
        ),
        format!(
            "Option {} is the same as option {}: options must differ.",
            letter(repeat),
            letter(first)
        ),
    )
}

/// Option letters: A for the first option, B for the second, …
pub fn letter(index: usize) -> char {
    (b'A' + (index.min(25) as u8)) as char
}

impl Serialize for Choice {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("zh", &self.text.zh)?;
        if let Some(en) = &self.text.en {
            map.serialize_entry("en", en)?;
        }
        if self.fixed {
            map.serialize_entry("fixed", &true)?;
        }
        map.end()
    }
}

impl Serialize for Question {
    /// Writes the file format, fields in the order coordinators read them.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_question(self, serializer, false)
    }
}

/// A question written with `difficulty` even when it is the default
/// (medium), for files that spell out every field: the one difference from
/// [`Question`]'s own form.
pub struct ExplicitDifficulty<'a>(pub &'a Question);

impl Serialize for ExplicitDifficulty<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_question(self.0, serializer, true)
    }
}

/// The file form of `question`, fields in the order coordinators read them.
fn serialize_question<S: Serializer>(
    question: &Question,
    serializer: S,
    always_difficulty: bool,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    map.serialize_entry("id", &question.id)?;
    map.serialize_entry("type", &question.kind())?;
    map.serialize_entry("stem", &question.stem)?;
    match &question.body {
        Body::Single { options, answer } => {
            map.serialize_entry("options", options)?;
            map.serialize_entry("answer", &letter(*answer).to_string())?;
        }
        Body::Multiple { options, answer } => {
            map.serialize_entry("options", options)?;
            let letters: String = answer.iter().map(|&i| letter(i)).collect();
            map.serialize_entry("answer", &letters)?;
        }
        Body::Judge { answer } => map.serialize_entry("answer", answer)?,
        Body::Fill { blanks } => map.serialize_entry("answer", blanks)?,
    }
    if let Some(explanation) = &question.explanation {
        map.serialize_entry("explanation", explanation)?;
    }
    if let Some(source) = &question.source {
        map.serialize_entry("source", source)?;
    }
    if !question.tags.is_empty() {
        map.serialize_entry("tags", &question.tags)?;
    }
    if always_difficulty || question.difficulty != Difficulty::Medium {
        map.serialize_entry("difficulty", &question.difficulty)?;
    }
    map.end()
}

/// Counts blanks in a stem: each run of two or more underscores (ASCII `_`
/// or full-width `＿`) is one blank.
///
/// It reads bytes rather than characters: the checker counts the blanks of
/// every fill-in stem, stems are mostly Chinese, and decoding each
/// character only to compare it with two underscores is most of the work.
/// A byte that is neither `_` nor the start of `＿` ends a run: the first
/// byte of any other character does, and the bytes after it find the run
/// already ended.
pub fn count_blanks(stem: &str) -> usize {
    const FULL_WIDTH: &[u8] = "＿".as_bytes();
    let bytes = stem.as_bytes();
    let (mut count, mut run, mut at) = (0, 0, 0);
    while at < bytes.len() {
        if bytes[at] == b'_' {
            run += 1;
            at += 1;
        } else if bytes[at] == FULL_WIDTH[0] && bytes[at..].starts_with(FULL_WIDTH) {
            run += 1;
            at += FULL_WIDTH.len();
        } else {
            if run >= 2 {
                count += 1;
            }
            run = 0;
            at += 1;
        }
    }
    if run >= 2 {
        count += 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_blanks_as_runs_of_underscores() {
        assert_eq!(count_blanks("预备期为____年。"), 1);
        assert_eq!(count_blanks("__ and ＿＿＿ but not _ or snake_case"), 2);
        assert_eq!(count_blanks("____"), 1);
        assert_eq!(count_blanks("no blanks"), 0);
    }

    #[test]
    fn letters_follow_option_order() {
        assert_eq!(letter(0), 'A');
        assert_eq!(letter(7), 'H');
    }
}

// Property tests run natively: proptest has no wasm32 backend here.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::count_blanks;

    proptest::proptest! {
        /// Counting bytes finds the blanks that counting characters did.
        #[test]
        fn counting_bytes_counts_as_characters_did(
            stem in "[_＿a 题。\u{FF3E}\u{FF40}\u{3F5F}]{0,40}"
        ) {
            let mut count = 0;
            let mut run = 0;
            for c in stem.chars().chain(std::iter::once(' ')) {
                if c == '_' || c == '＿' {
                    run += 1;
                } else {
                    if run >= 2 {
                        count += 1;
                    }
                    run = 0;
                }
            }
            proptest::prop_assert_eq!(count_blanks(&stem), count);
        }
    }
}
