//! The bank as a coordinator edits it in the workbench's forms.
//!
//! A [`Bank`] can only hold what the checker accepts, but a coordinator
//! fixes mistakes in the page, so the editor needs a form of the bank that
//! also holds what is wrong: an answer letter with no option, a type the
//! importer did not know, an empty stem. [`DraftBank`] is that form: every
//! field as written. [`DraftBank::to_bank_json`] writes it in the bank
//! file format, invalid parts included, so quiz-core's checker names every
//! problem by its question and field path exactly as it does for a file;
//! when the check passes, its [`Bank`] is what is downloaded.
//! [`Edit`] is every change the forms make, applied by [`DraftBank::apply`]
//! (pure, so the editing rules are tested natively).

use crate::import::default_paper_of;
use quiz_core::bank::{letter, Body, Choice, Difficulty, Paper, Question, Section};
use quiz_core::{Bank, Lang, LocalText, QuestionType};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::rc::Rc;

/// A text in Chinese and English as typed; an empty English means none.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct Text {
    /// The Chinese text.
    pub zh: String,
    /// The English text; empty when there is none.
    #[serde(default)]
    pub en: String,
}

impl Text {
    /// The form of a checked text.
    pub fn of(text: &LocalText) -> Text {
        Text {
            zh: text.zh.clone(),
            en: text.en.clone().unwrap_or_default(),
        }
    }

    /// The form of an optional text (an explanation, a source).
    pub fn of_optional(text: Option<&LocalText>) -> Text {
        text.map(Text::of).unwrap_or_default()
    }

    /// Whether neither language has anything: an optional field left out.
    pub fn is_empty(&self) -> bool {
        self.zh.is_empty() && self.en.is_empty()
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    fn set(&mut self, lang: Lang, value: String) {
        match lang {
            Lang::Zh => self.zh = value,
            Lang::En => self.en = value,
        }
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("zh", &self.zh)?;
        if !self.en.is_empty() {
            map.serialize_entry("en", &self.en)?;
        }
        map.end()
    }
}

/// An option of a choice question.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DraftOption {
    /// The option's text.
    pub text: Text,
    /// Kept in place when options are shuffled (以上都是).
    pub fixed: bool,
}

/// The accepted answers of one blank of a fill-in question.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DraftBlank {
    /// Accepted Chinese answers; the first is shown as the correct one.
    pub zh: Vec<String>,
    /// Accepted English answers.
    pub en: Vec<String>,
}

/// A question as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DraftQuestion {
    /// The id progress is keyed by; never renumbered by the editor.
    pub id: String,
    /// The type's key (`single`…), or the text read when it is none.
    pub kind: String,
    /// 题干.
    pub stem: Text,
    /// The options; kept when the type changes, so nothing typed is lost.
    pub options: Vec<DraftOption>,
    /// The answer of a choice (letters) or judge (`true`/`false`) question,
    /// or the text read when it could not be understood.
    pub answer: String,
    /// The blanks of a fill-in question.
    pub blanks: Vec<DraftBlank>,
    /// 解析.
    pub explanation: Text,
    /// 出处.
    pub source: Text,
    /// Tag keys.
    pub tags: Vec<String>,
    /// The difficulty's key (`easy`, `medium`, `hard`).
    pub difficulty: String,
}

impl DraftQuestion {
    /// A new, empty question of `kind`, with two options for a choice.
    pub fn new(id: String, kind: QuestionType) -> DraftQuestion {
        let options = match kind {
            QuestionType::Single | QuestionType::Multiple => vec![DraftOption::default(); 2],
            QuestionType::Judge | QuestionType::Fill => Vec::new(),
        };
        let blanks = match kind {
            QuestionType::Fill => vec![DraftBlank::default()],
            _ => Vec::new(),
        };
        DraftQuestion {
            id,
            kind: kind.key().to_string(),
            options,
            answer: if kind == QuestionType::Judge {
                "true".into()
            } else {
                String::new()
            },
            blanks,
            difficulty: Difficulty::Medium.key().to_string(),
            ..DraftQuestion::default()
        }
    }

    /// The form of a checked question.
    pub fn of(question: &Question) -> DraftQuestion {
        let (options, answer, blanks) = match &question.body {
            Body::Single { options, answer } => {
                (options.as_slice(), letter(*answer).to_string(), &[][..])
            }
            Body::Multiple { options, answer } => (
                options.as_slice(),
                answer.iter().map(|&i| letter(i)).collect(),
                &[][..],
            ),
            Body::Judge { answer } => (&[][..], answer.to_string(), &[][..]),
            Body::Fill { blanks } => (&[][..], String::new(), blanks.as_slice()),
        };
        DraftQuestion {
            id: question.id.clone(),
            kind: question.kind().key().to_string(),
            stem: Text::of(&question.stem),
            options: options.iter().map(option_of).collect(),
            answer,
            blanks: blanks
                .iter()
                .map(|b| DraftBlank {
                    zh: b.zh.clone(),
                    en: b.en.clone(),
                })
                .collect(),
            explanation: Text::of_optional(question.explanation.as_ref()),
            source: Text::of_optional(question.source.as_ref()),
            tags: question.tags.clone(),
            difficulty: question.difficulty.key().to_string(),
        }
    }

    /// The type, when the kind is one.
    pub fn kind(&self) -> Option<QuestionType> {
        QuestionType::from_key(&self.kind)
    }

    /// The answer's option indexes of a choice question (letters that name
    /// no option are left out).
    pub fn chosen(&self) -> Vec<usize> {
        self.answer
            .chars()
            .filter_map(|c| {
                let c = c.to_ascii_uppercase();
                c.is_ascii_uppercase().then(|| usize::from(c as u8 - b'A'))
            })
            .filter(|&i| i < self.options.len())
            .collect()
    }

    /// Whether `needle` (lower-cased) is in any of the question's texts or
    /// its id: what the list's search box looks in.
    pub fn contains(&self, needle: &str) -> bool {
        let texts = [&self.stem, &self.explanation, &self.source]
            .into_iter()
            .chain(self.options.iter().map(|o| &o.text));
        self.id.contains(needle)
            || texts
                .flat_map(|t| [&t.zh, &t.en])
                .any(|t| t.to_lowercase().contains(needle))
    }
}

fn option_of(choice: &Choice) -> DraftOption {
    DraftOption {
        text: Text::of(&choice.text),
        fixed: choice.fixed,
    }
}

/// One section of the paper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSection {
    /// The question type drawn.
    #[serde(rename = "type")]
    pub kind: QuestionType,
    /// How many questions to draw.
    pub count: u32,
    /// Points per question.
    pub points: u32,
}

/// The mock exam.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftPaper {
    /// Minutes allowed.
    pub time_limit_minutes: u32,
    /// The pass mark, a percentage of the total points.
    pub pass_percent: u32,
    /// Half marks for a multiple-choice answer with no wrong option.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub partial_credit: bool,
    /// The sections, in the order the paper shows them.
    pub sections: Vec<DraftSection>,
}

impl DraftPaper {
    /// The form of a checked paper.
    pub fn of(paper: &Paper) -> DraftPaper {
        DraftPaper {
            time_limit_minutes: paper.time_limit_minutes,
            pass_percent: paper.pass_percent,
            partial_credit: paper.partial_credit,
            sections: paper
                .sections
                .iter()
                .map(|s: &Section| DraftSection {
                    kind: s.kind,
                    count: s.count,
                    points: s.points,
                })
                .collect(),
        }
    }
}

/// A bank as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftBank {
    /// The JSON Schema reference.
    pub schema: Option<String>,
    /// The bank's id; a new bank's comes from its file name.
    pub id: String,
    /// The version (raised when publishing changed questions).
    pub version: u32,
    /// The date of the last change.
    pub updated: String,
    /// The bank's name.
    pub title: Text,
    /// What it covers.
    pub description: Text,
    /// Display names of tag keys.
    pub tag_names: BTreeMap<String, Text>,
    /// The mock exam.
    pub paper: DraftPaper,
    /// Whether the paper is the default one laid out from the questions'
    /// types (as `quizbank import` lays it out) rather than one set in the
    /// form: an imported bank's paper then follows fixes of its questions'
    /// types, as importing the corrected file would.
    pub auto_paper: bool,
    /// The questions, shared so the undo history costs a pointer each.
    pub questions: Vec<Rc<DraftQuestion>>,
}

impl DraftBank {
    /// The form of a checked bank.
    pub fn of(bank: &Bank) -> DraftBank {
        DraftBank {
            schema: bank.schema.clone(),
            id: bank.id.clone(),
            version: bank.version,
            updated: bank.updated.clone(),
            title: Text::of(&bank.title),
            description: Text::of(&bank.description),
            tag_names: bank
                .tag_names
                .iter()
                .map(|(key, name)| (key.clone(), Text::of(name)))
                .collect(),
            paper: DraftPaper::of(&bank.paper),
            auto_paper: false,
            questions: bank
                .questions
                .iter()
                .map(|q| Rc::new(DraftQuestion::of(q)))
                .collect(),
        }
    }

    /// An imported draft as an update of the published bank of its id:
    /// as [`crate::open::carry_over`] does for a bank, the title,
    /// description, paper, version and date are the published ones.
    pub fn carry_over(&mut self, published: &Bank) {
        let published_form = DraftBank::of(published);
        let declared: std::collections::BTreeSet<String> = self.tag_names.keys().cloned().collect();
        let mut tag_names = published_form.tag_names;
        tag_names.append(&mut self.tag_names);
        *self = DraftBank {
            tag_names,
            questions: std::mem::take(&mut self.questions),
            ..published_form
        };
        let used: std::collections::BTreeSet<&String> =
            self.questions.iter().flat_map(|q| &q.tags).collect();
        let used: std::collections::BTreeSet<String> = used.into_iter().cloned().collect();
        self.tag_names
            .retain(|key, _| used.contains(key) || declared.contains(key));
    }

    /// The paper as it is written: the default layout for the questions'
    /// types while [`DraftBank::auto_paper`] holds.
    pub fn effective_paper(&self) -> DraftPaper {
        if self.auto_paper {
            DraftPaper::of(&default_paper_of(
                self.questions.iter().filter_map(|q| q.kind()),
            ))
        } else {
            self.paper.clone()
        }
    }

    /// The bank in the bank file format, compact, with whatever is wrong
    /// written as it is so the checker names it.
    pub fn to_bank_json(&self) -> String {
        // Maps of strings and numbers: writing them cannot fail.
        serde_json::to_string(&BankForm(self)).expect("a draft serialises to JSON")
    }

    /// An id for a new question: the bank id and the next number after
    /// the highest of the bank's numbered ids, so no id is ever reused
    /// or renumbered.
    pub fn next_id(&self) -> String {
        let prefix = format!("{}-", self.id);
        let highest = self
            .questions
            .iter()
            .filter_map(|q| q.id.strip_prefix(&prefix)?.parse::<usize>().ok())
            .max()
            .unwrap_or(0);
        let mut n = highest.max(self.questions.len()) + 1;
        loop {
            let id = format!("{prefix}{n:03}");
            if !self.questions.iter().any(|q| q.id == id) {
                return id;
            }
            n += 1;
        }
    }

    /// Applies one edit from the forms. Edits of a question that does not
    /// exist (a stale click) change nothing.
    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Question(index, change) => {
                if let Some(question) = self.questions.get_mut(index) {
                    change.apply(Rc::make_mut(question));
                }
            }
            Edit::Add(kind) => {
                let question = DraftQuestion::new(self.next_id(), kind);
                self.questions.push(Rc::new(question));
            }
            Edit::Duplicate(index) => {
                if let Some(question) = self.questions.get(index) {
                    let mut copy = (**question).clone();
                    copy.id = self.next_id();
                    self.questions.insert(index + 1, Rc::new(copy));
                }
            }
            Edit::Delete(index) => {
                if index < self.questions.len() {
                    self.questions.remove(index);
                }
            }
            Edit::Move(index, up) => {
                let other = if up {
                    index.checked_sub(1)
                } else {
                    Some(index + 1)
                };
                if let Some(other) = other.filter(|&o| o < self.questions.len()) {
                    if index < self.questions.len() {
                        self.questions.swap(index, other);
                    }
                }
            }
            Edit::BankId(id) => self.id = id,
            Edit::Title(lang, value) => self.title.set(lang, value),
            Edit::Description(lang, value) => self.description.set(lang, value),
            Edit::TagName(key, lang, value) => {
                self.tag_names.entry(key).or_default().set(lang, value);
            }
            Edit::AddTag(key) => {
                let key = key.trim().to_string();
                if !key.is_empty() {
                    self.tag_names.entry(key).or_default();
                }
            }
            Edit::RemoveTag(key) => {
                self.tag_names.remove(&key);
            }
            Edit::Paper(change) => {
                if self.auto_paper {
                    self.paper = self.effective_paper();
                    self.auto_paper = false;
                }
                change.apply(&mut self.paper);
            }
        }
    }
}

/// A change to one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionEdit {
    /// The id.
    Id(String),
    /// The type's key; options, answer and blanks are kept.
    Kind(String),
    /// The stem in a language.
    Stem(Lang, String),
    /// An option's text.
    OptionText(usize, Lang, String),
    /// Whether an option stays in place when shuffled.
    OptionFixed(usize, bool),
    /// Adds an empty option at the end.
    AddOption,
    /// Removes an option; answer letters after it move up with it.
    RemoveOption(usize),
    /// Moves an option up (true) or down; the answer follows it.
    MoveOption(usize, bool),
    /// The answer as letters or `true`/`false`.
    Answer(String),
    /// The accepted answers of a blank in a language.
    Blank(usize, Lang, Vec<String>),
    /// Adds a blank.
    AddBlank,
    /// Removes a blank.
    RemoveBlank(usize),
    /// The explanation in a language.
    Explanation(Lang, String),
    /// The source in a language.
    Source(Lang, String),
    /// Adds (true) or removes a tag key.
    Tag(String, bool),
    /// The difficulty's key.
    Difficulty(String),
}

impl QuestionEdit {
    fn apply(self, q: &mut DraftQuestion) {
        match self {
            QuestionEdit::Id(id) => q.id = id,
            QuestionEdit::Kind(kind) => {
                let choice = |k: &str| matches!(k, "single" | "multiple");
                if choice(&kind) && q.options.len() < 2 {
                    q.options.resize(2, DraftOption::default());
                }
                if kind == "judge" && !matches!(q.answer.as_str(), "true" | "false") {
                    q.answer = "true".into();
                } else if choice(&kind) && !choice(&q.kind) {
                    q.answer.clear();
                }
                if kind == "single" && q.answer.chars().count() > 1 {
                    q.answer = q.answer.chars().take(1).collect();
                }
                if kind == "fill" && q.blanks.is_empty() {
                    q.blanks.push(DraftBlank::default());
                }
                q.kind = kind;
            }
            QuestionEdit::Stem(lang, value) => q.stem.set(lang, value),
            QuestionEdit::OptionText(i, lang, value) => {
                if let Some(option) = q.options.get_mut(i) {
                    option.text.set(lang, value);
                }
            }
            QuestionEdit::OptionFixed(i, fixed) => {
                if let Some(option) = q.options.get_mut(i) {
                    option.fixed = fixed;
                }
            }
            QuestionEdit::AddOption => q.options.push(DraftOption::default()),
            QuestionEdit::RemoveOption(i) => {
                if i < q.options.len() {
                    let chosen = q.chosen();
                    q.options.remove(i);
                    q.answer = letters(chosen.into_iter().filter(|&c| c != i).map(|c| {
                        if c > i {
                            c - 1
                        } else {
                            c
                        }
                    }));
                }
            }
            QuestionEdit::MoveOption(i, up) => {
                let other = if up { i.checked_sub(1) } else { Some(i + 1) };
                if let Some(other) = other.filter(|&o| o < q.options.len() && i < q.options.len()) {
                    let chosen = q.chosen();
                    q.options.swap(i, other);
                    q.answer = letters(chosen.into_iter().map(|c| {
                        if c == i {
                            other
                        } else if c == other {
                            i
                        } else {
                            c
                        }
                    }));
                }
            }
            QuestionEdit::Answer(answer) => q.answer = answer,
            QuestionEdit::Blank(i, lang, answers) => {
                if let Some(blank) = q.blanks.get_mut(i) {
                    match lang {
                        Lang::Zh => blank.zh = answers,
                        Lang::En => blank.en = answers,
                    }
                }
            }
            QuestionEdit::AddBlank => q.blanks.push(DraftBlank::default()),
            QuestionEdit::RemoveBlank(i) => {
                if i < q.blanks.len() {
                    q.blanks.remove(i);
                }
            }
            QuestionEdit::Explanation(lang, value) => q.explanation.set(lang, value),
            QuestionEdit::Source(lang, value) => q.source.set(lang, value),
            QuestionEdit::Tag(key, on) => {
                if on {
                    if !q.tags.contains(&key) {
                        q.tags.push(key);
                    }
                } else {
                    q.tags.retain(|t| *t != key);
                }
            }
            QuestionEdit::Difficulty(key) => q.difficulty = key,
        }
    }
}

/// Sorted answer letters of option indexes.
fn letters(indexes: impl Iterator<Item = usize>) -> String {
    let mut indexes: Vec<usize> = indexes.collect();
    indexes.sort_unstable();
    indexes.dedup();
    indexes.into_iter().map(letter).collect()
}

/// A change to the paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaperEdit {
    /// Minutes allowed.
    TimeLimit(u32),
    /// The pass mark in percent.
    PassPercent(u32),
    /// Half marks for a partly right multiple choice.
    PartialCredit(bool),
    /// A section's count and points.
    Section(usize, u32, u32),
    /// Adds a section of a type.
    AddSection(QuestionType),
    /// Removes a section.
    RemoveSection(usize),
}

impl PaperEdit {
    fn apply(self, paper: &mut DraftPaper) {
        match self {
            PaperEdit::TimeLimit(minutes) => paper.time_limit_minutes = minutes,
            PaperEdit::PassPercent(percent) => paper.pass_percent = percent,
            PaperEdit::PartialCredit(on) => paper.partial_credit = on,
            PaperEdit::Section(i, count, points) => {
                if let Some(section) = paper.sections.get_mut(i) {
                    section.count = count;
                    section.points = points;
                }
            }
            PaperEdit::AddSection(kind) => paper.sections.push(DraftSection {
                kind,
                count: 1,
                points: 2,
            }),
            PaperEdit::RemoveSection(i) => {
                if i < paper.sections.len() {
                    paper.sections.remove(i);
                }
            }
        }
    }
}

/// Every change the forms make to a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// A change to the question at an index.
    Question(usize, QuestionEdit),
    /// A new question of a type, at the end, with a fresh id.
    Add(QuestionType),
    /// A copy of a question, right after it, with a fresh id.
    Duplicate(usize),
    /// Deletes a question (the page's undo brings it back).
    Delete(usize),
    /// Moves a question up (true) or down.
    Move(usize, bool),
    /// The bank's id.
    BankId(String),
    /// The bank's title in a language.
    Title(Lang, String),
    /// The bank's description in a language.
    Description(Lang, String),
    /// A tag's display name in a language.
    TagName(String, Lang, String),
    /// Declares a tag key.
    AddTag(String),
    /// Removes a tag's name.
    RemoveTag(String),
    /// A change to the paper.
    Paper(PaperEdit),
}

impl Edit {
    /// The question an edit is about, for the page to keep it open.
    pub fn question(&self) -> Option<usize> {
        match self {
            Edit::Question(index, _) | Edit::Duplicate(index) | Edit::Move(index, _) => {
                Some(*index)
            }
            _ => None,
        }
    }
}

/// The bank file form of a draft.
struct BankForm<'a>(&'a DraftBank);

impl Serialize for BankForm<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let bank = self.0;
        let mut map = serializer.serialize_map(None)?;
        if let Some(schema) = &bank.schema {
            map.serialize_entry("$schema", schema)?;
        }
        map.serialize_entry("id", &bank.id)?;
        map.serialize_entry("version", &bank.version)?;
        map.serialize_entry("updated", &bank.updated)?;
        map.serialize_entry("title", &bank.title)?;
        map.serialize_entry("description", &bank.description)?;
        if !bank.tag_names.is_empty() {
            map.serialize_entry("tag_names", &bank.tag_names)?;
        }
        map.serialize_entry("paper", &bank.effective_paper())?;
        let questions: Vec<QuestionForm> = bank.questions.iter().map(|q| QuestionForm(q)).collect();
        map.serialize_entry("questions", &questions)?;
        map.end()
    }
}

/// The bank file form of a question, with anything unreadable as written.
struct QuestionForm<'a>(&'a DraftQuestion);

/// The bank file form of a blank.
struct BlankForm<'a>(&'a DraftBlank);

impl Serialize for BlankForm<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("zh", &self.0.zh)?;
        if !self.0.en.is_empty() {
            map.serialize_entry("en", &self.0.en)?;
        }
        map.end()
    }
}

/// The bank file form of an option.
struct OptionForm<'a>(&'a DraftOption);

impl Serialize for OptionForm<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("zh", &self.0.text.zh)?;
        if !self.0.text.en.is_empty() {
            map.serialize_entry("en", &self.0.text.en)?;
        }
        if self.0.fixed {
            map.serialize_entry("fixed", &true)?;
        }
        map.end()
    }
}

impl Serialize for QuestionForm<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let q = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &q.id)?;
        map.serialize_entry("type", &q.kind)?;
        map.serialize_entry("stem", &q.stem)?;
        let kind = q.kind();
        let choice = matches!(kind, Some(QuestionType::Single | QuestionType::Multiple));
        if choice || !q.options.is_empty() {
            let options: Vec<OptionForm> = q.options.iter().map(OptionForm).collect();
            map.serialize_entry("options", &options)?;
        }
        match kind {
            Some(QuestionType::Judge) => match q.answer.as_str() {
                "true" => map.serialize_entry("answer", &true)?,
                "false" => map.serialize_entry("answer", &false)?,
                other => map.serialize_entry("answer", other)?,
            },
            Some(QuestionType::Fill) if !q.blanks.is_empty() || q.answer.is_empty() => {
                let blanks: Vec<BlankForm> = q.blanks.iter().map(BlankForm).collect();
                map.serialize_entry("answer", &blanks)?;
            }
            _ => map.serialize_entry("answer", &q.answer)?,
        }
        if !q.explanation.is_empty() {
            map.serialize_entry("explanation", &q.explanation)?;
        }
        if !q.source.is_empty() {
            map.serialize_entry("source", &q.source)?;
        }
        if !q.tags.is_empty() {
            map.serialize_entry("tags", &q.tags)?;
        }
        if q.difficulty != "medium" {
            map.serialize_entry("difficulty", &q.difficulty)?;
        }
        map.end()
    }
}

/// A draft of a bank JSON file the checker refuses, as far as its JSON
/// can be read: each field that has the expected shape is taken, the rest
/// left empty for the forms (the problem list says what was wrong).
/// `None` when the file is not JSON at all.
pub fn read_json(bytes: &[u8]) -> Option<DraftBank> {
    use serde_json::Value;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let root: Value = serde_json::from_slice(bytes).ok()?;
    let root = root.as_object()?;
    let string = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or_default().to_string();
    let text = |v: Option<&Value>| match v {
        Some(Value::String(zh)) => Text {
            zh: zh.clone(),
            en: String::new(),
        },
        Some(Value::Object(map)) => Text {
            zh: string(map.get("zh")),
            en: string(map.get("en")),
        },
        _ => Text::default(),
    };
    let strings = |v: Option<&Value>| -> Vec<String> {
        match v {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|i| i.as_str().map(str::to_string))
                .collect(),
            Some(Value::String(one)) => vec![one.clone()],
            _ => Vec::new(),
        }
    };
    let number = |v: Option<&Value>, default: u32| {
        v.and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(default)
    };
    let question = |v: &Value| -> DraftQuestion {
        let Some(q) = v.as_object() else {
            return DraftQuestion::default();
        };
        let options = match q.get("options") {
            Some(Value::Array(items)) => items
                .iter()
                .map(|o| DraftOption {
                    text: text(Some(o)),
                    fixed: o.get("fixed").and_then(Value::as_bool).unwrap_or(false),
                })
                .collect(),
            _ => Vec::new(),
        };
        let (answer, blanks) = match q.get("answer") {
            Some(Value::Bool(b)) => (b.to_string(), Vec::new()),
            Some(Value::String(s)) => (s.clone(), Vec::new()),
            Some(Value::Array(items)) if items.iter().all(Value::is_object) => (
                String::new(),
                items
                    .iter()
                    .map(|b| DraftBlank {
                        zh: strings(b.get("zh")),
                        en: strings(b.get("en")),
                    })
                    .collect(),
            ),
            Some(Value::Array(items)) => (
                items.iter().filter_map(Value::as_str).collect::<String>(),
                Vec::new(),
            ),
            Some(other) => (other.to_string(), Vec::new()),
            None => (String::new(), Vec::new()),
        };
        DraftQuestion {
            id: string(q.get("id")),
            kind: string(q.get("type")),
            stem: text(q.get("stem")),
            options,
            answer,
            blanks,
            explanation: text(q.get("explanation")),
            source: text(q.get("source")),
            tags: strings(q.get("tags")),
            difficulty: q
                .get("difficulty")
                .and_then(Value::as_str)
                .unwrap_or("medium")
                .to_string(),
        }
    };
    let paper = root.get("paper").and_then(Value::as_object);
    let sections = paper
        .and_then(|p| p.get("sections"))
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|s| {
                    Some(DraftSection {
                        kind: QuestionType::from_key(s.get("type")?.as_str()?)?,
                        count: number(s.get("count"), 1),
                        points: number(s.get("points"), 1),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    Some(DraftBank {
        schema: root
            .get("$schema")
            .and_then(Value::as_str)
            .map(str::to_string),
        id: string(root.get("id")),
        version: number(root.get("version"), 1),
        updated: string(root.get("updated")),
        title: text(root.get("title")),
        description: text(root.get("description")),
        tag_names: root
            .get("tag_names")
            .and_then(Value::as_object)
            .map(|names| {
                names
                    .iter()
                    .map(|(key, name)| (key.clone(), text(Some(name))))
                    .collect()
            })
            .unwrap_or_default(),
        paper: DraftPaper {
            time_limit_minutes: number(paper.and_then(|p| p.get("time_limit_minutes")), 30),
            pass_percent: number(paper.and_then(|p| p.get("pass_percent")), 60),
            partial_credit: paper
                .and_then(|p| p.get("partial_credit"))
                .and_then(Value::as_bool)
                .unwrap_or(false),
            sections,
        },
        auto_paper: false,
        questions: root
            .get("questions")
            .and_then(Value::as_array)
            .map(|items| items.iter().map(|q| Rc::new(question(q))).collect())
            .unwrap_or_default(),
    })
}

/// A fill-in blank's accepted answers from the text typed in its box:
/// alternatives separated by `/`, as in the spreadsheet's answer column.
pub fn split_alternatives(text: &str) -> Vec<String> {
    text.split(['/', '／'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The text of a blank's box: its accepted answers joined by ` / `.
pub fn join_alternatives(answers: &[String]) -> String {
    answers.join(" / ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use quiz_core::check_bank;

    fn shipped(name: &str) -> Bank {
        let path = format!("{}/../../questions/{name}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(path).unwrap();
        check_bank(name, &bytes).value.unwrap()
    }

    #[test]
    fn every_shipped_bank_survives_the_round_trip_through_a_draft() {
        for name in [
            "charter.json",
            "rules.json",
            "congress20.json",
            "speeches.json",
            "branch.json",
        ] {
            let bank = shipped(name);
            let json = DraftBank::of(&bank).to_bank_json();
            let back = check_bank(name, json.as_bytes());
            assert_eq!(
                back.value.as_ref(),
                Some(&bank),
                "{name}: {:?}",
                back.diagnostics
            );
        }
    }

    fn problems_at(draft: &DraftBank) -> Vec<String> {
        let checked = check_bank("draft.json", draft.to_bank_json().as_bytes());
        checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == quiz_core::Severity::Error)
            .map(|d| d.path.clone())
            .collect()
    }

    #[test]
    fn invalid_content_is_kept_and_named_by_its_field() {
        let mut draft = DraftBank::of(&shipped("charter.json"));
        let single = draft
            .questions
            .iter()
            .position(|q| q.kind == "single")
            .unwrap();
        draft.apply(Edit::Question(single, QuestionEdit::Answer("E".into())));
        draft.apply(Edit::Question(
            0,
            QuestionEdit::Stem(Lang::Zh, String::new()),
        ));
        let paths = problems_at(&draft);
        assert!(
            paths.contains(&format!("questions[{single}].answer")),
            "{paths:?}"
        );
        assert!(
            paths.iter().any(|p| p.starts_with("questions[0].stem")),
            "{paths:?}"
        );
        // Fixing them gives a bank again.
        draft.apply(Edit::Question(single, QuestionEdit::Answer("A".into())));
        draft.apply(Edit::Question(
            0,
            QuestionEdit::Stem(Lang::Zh, "题干".into()),
        ));
        assert!(problems_at(&draft).is_empty());
    }

    #[test]
    fn new_ids_are_never_taken_and_existing_ones_stay() {
        let mut draft = DraftBank::of(&shipped("charter.json"));
        let ids: Vec<String> = draft.questions.iter().map(|q| q.id.clone()).collect();
        draft.apply(Edit::Delete(0));
        draft.apply(Edit::Add(QuestionType::Judge));
        draft.apply(Edit::Duplicate(0));
        let after: Vec<&String> = draft.questions.iter().map(|q| &q.id).collect();
        for id in &ids[1..] {
            assert!(after.contains(&id));
        }
        let mut unique = after.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), after.len());
        assert!(!after.contains(&&ids[0]) || ids.len() < after.len());
    }

    #[test]
    fn moving_and_removing_options_keeps_the_answer_on_its_option() {
        let mut q = DraftQuestion::new("q-001".into(), QuestionType::Multiple);
        for (i, text) in ["甲", "乙"].iter().enumerate() {
            QuestionEdit::OptionText(i, Lang::Zh, text.to_string()).apply(&mut q);
        }
        QuestionEdit::AddOption.apply(&mut q);
        QuestionEdit::OptionText(2, Lang::Zh, "丙".into()).apply(&mut q);
        QuestionEdit::Answer("BC".into()).apply(&mut q);
        QuestionEdit::MoveOption(2, true).apply(&mut q);
        assert_eq!(q.options[1].text.zh, "丙");
        assert_eq!(q.answer, "BC");
        QuestionEdit::RemoveOption(0).apply(&mut q);
        assert_eq!(q.answer, "AB");
        QuestionEdit::RemoveOption(0).apply(&mut q);
        assert_eq!(q.answer, "A");
        assert_eq!(q.options[0].text.zh, "乙");
    }

    #[test]
    fn a_paper_set_in_the_form_stops_following_the_questions() {
        let mut draft = DraftBank::of(&shipped("charter.json"));
        draft.auto_paper = true;
        let auto = draft.effective_paper();
        draft.apply(Edit::Paper(PaperEdit::TimeLimit(45)));
        assert!(!draft.auto_paper);
        assert_eq!(draft.paper.time_limit_minutes, 45);
        assert_eq!(draft.paper.sections, auto.sections);
    }

    #[test]
    fn blanks_are_typed_with_slashes() {
        assert_eq!(split_alternatives("一 / 1／壹/"), vec!["一", "1", "壹"]);
        assert_eq!(join_alternatives(&["一".into(), "1".into()]), "一 / 1");
    }
}
