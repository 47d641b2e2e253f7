//! Reading a bank file: every problem found in one pass, with positions.

use super::fields::{self, Field};
use super::{
    count_blanks, letter, Bank, Blank, Body, Choice, Difficulty, Paper, Question, QuestionType,
    Section,
};
use crate::diagnostic::{closest, Checked, Code, Message, Problems, Severity};
use crate::json::{self, same_bytes, Items, LineIndex, Node, Span, Value};
use crate::normalize::same_answer;
use crate::LocalText;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

pub use crate::limits::{MAX_BANK_BYTES, MAX_QUESTIONS};
use crate::limits::{
    MAX_BANK_ID, MAX_BLANKS, MAX_DESCRIPTION, MAX_LONG_TEXT, MAX_QUESTION_ID, MAX_SHORT_TEXT,
    MAX_TAGS, MAX_TITLE, OPTIONS, PASS_PERCENT, SECTION_COUNT, SECTION_POINTS, TIME_LIMIT_MINUTES,
    VERSION,
};

/// Reads and checks a bank file. `file` names it in the diagnostics.
pub fn check_bank(file: &str, bytes: &[u8]) -> Checked<Bank> {
    let mut no_pause = || -> PauseFuture { Box::pin(std::future::ready(())) };
    let mut checking = check_bank_in_steps(file, bytes, None, &mut no_pause);
    // With pauses that are ready at once, the check finishes on its first poll.
    match checking
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(checked) => checked,
        Poll::Pending => unreachable!("a pause that is ready at once never suspends"),
    }
}

/// A pause between steps of a long check: what the caller awaits, e.g. a
/// zero-delay timer so the browser can paint and handle input.
pub type PauseFuture = Pin<Box<dyn Future<Output = ()>>>;

/// Questions checked between two pauses: about 1.5 ms of work on a phone
/// for typical questions, so no step of a large bank blocks the page.
pub const QUESTIONS_PER_STEP: usize = 100;

/// [`check_bank`] in steps: the JSON is parsed in one step, then the
/// questions are checked [`QUESTIONS_PER_STEP`] at a time with `pause`
/// awaited in between, so a large bank never holds the browser's main
/// thread for long. quiz-core reads no clock: how long a pause lasts is the
/// caller's choice. The result is exactly [`check_bank`]'s.
///
/// The future is boxed so that the app and [`check_bank`] share one copy
/// of the checker's code.
///
/// `expected_id` is the id the manifest lists for this file, when the
/// caller has one: a bank whose own id differs is refused with the problem
/// at its `id`, since progress, links and the daily set are keyed by it.
pub fn check_bank_in_steps<'a>(
    file: &'a str,
    bytes: &'a [u8],
    expected_id: Option<&'a str>,
    pause: &'a mut dyn FnMut() -> PauseFuture,
) -> Pin<Box<dyn Future<Output = Checked<Bank>> + 'a>> {
    Box::pin(async move {
        let (text, root, mut problems) = match parse_file(file, bytes, MAX_BANK_BYTES) {
            Ok(parsed) => parsed,
            Err(diagnostics) => {
                return Checked {
                    value: None,
                    diagnostics,
                }
            }
        };
        let value = match root {
            Some(tree) => {
                pause().await;
                let index = LineIndex::new(text);
                let mut reader = Reader::new(&mut problems, &index);
                reader.bank(tree.root(), expected_id, pause).await
            }
            None => None,
        };
        finish(file, text, problems, value)
    })
}

/// The steps every checked file goes through: the size limit, UTF-8, JSON
/// syntax, then `read` over the parsed tree; the value is kept only when no
/// error was found, and every problem is located.
pub(crate) fn read_file<T>(
    file: &str,
    bytes: &[u8],
    max_bytes: usize,
    read: impl for<'r> FnOnce(&mut Reader<'r>, Node<'r>) -> Option<T>,
) -> Checked<T> {
    let (text, root, mut problems) = match parse_file(file, bytes, max_bytes) {
        Ok(parsed) => parsed,
        Err(diagnostics) => {
            return Checked {
                value: None,
                diagnostics,
            }
        }
    };
    let value = root.and_then(|tree| {
        let index = LineIndex::new(text);
        let mut reader = Reader::new(&mut problems, &index);
        read(&mut reader, tree.root())
    });
    finish(file, text, problems, value)
}

/// The size limit, UTF-8 and JSON syntax: the text and its tree (`None`
/// after a syntax error, which is among the problems), or the located
/// problems of a file that is not text at all.
fn parse_file<'a>(
    file: &str,
    bytes: &'a [u8],
    max_bytes: usize,
) -> Result<(&'a str, Option<json::Tree<'a>>, Problems), Vec<crate::Diagnostic>> {
    let mut problems = Problems::new();
    let syntax = |problems: &mut Problems, offset: usize, kind: json::SyntaxErrorKind| {
        problems.push(
            Severity::Error,
            Code::Syntax,
            Span {
                start: offset,
                end: offset + 1,
            },
            "",
            None,
            Message::new(kind.message(crate::Lang::Zh), kind.message(crate::Lang::En)),
        );
    };
    if bytes.len() > max_bytes {
        problems.push(
            Severity::Error,
            Code::TooLarge,
            Span::default(),
            "",
            None,
            Message::new(
                format!(
                    "文件过大（{}），上限为 {}：请把题目拆分到几个文件。",
                    size(bytes.len()),
                    size(max_bytes)
                ),
                format!(
                    "The file is too large ({}); the limit is {}: split it into several files.",
                    size(bytes.len()),
                    size(max_bytes)
                ),
            ),
        );
        return Err(problems.locate(file, ""));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            syntax(
                &mut problems,
                error.valid_up_to(),
                json::SyntaxErrorKind::NotUtf8,
            );
            return Err(problems.locate(file, &String::from_utf8_lossy(bytes)));
        }
    };
    let root = match json::parse(text) {
        Ok(tree) => Some(tree),
        Err(error) => {
            syntax(&mut problems, error.offset, error.kind);
            None
        }
    };
    Ok((text, root, problems))
}

/// The value, kept only when no error was found, and every problem located.
fn finish<T>(file: &str, text: &str, problems: Problems, value: Option<T>) -> Checked<T> {
    let value = if problems.has_errors() { None } else { value };
    Checked {
        value,
        diagnostics: problems.locate(file, text),
    }
}

/// A byte count as people read it.
fn size(bytes: usize) -> String {
    if bytes >= 1_048_576 {
        // Tenths of a megabyte rounded half to even, exactly as `{:.1}` of
        // the `f64` quotient writes them, in integers: formatting floats
        // would add 10 KB of WebAssembly for this one message.
        let scaled = bytes as u64 * 10;
        let (mut tenths, rest) = (scaled / 1_048_576, scaled % 1_048_576);
        if rest > 524_288 || (rest == 524_288 && tenths % 2 == 1) {
            tenths += 1;
        }
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// A field path built without allocating; rendered only for a diagnostic.
#[derive(Clone, Copy)]
pub(crate) struct Path<'p> {
    parent: Option<&'p Path<'p>>,
    segment: Segment<'p>,
}

#[derive(Clone, Copy)]
enum Segment<'p> {
    Root,
    Field(&'p str),
    Index(usize),
}

impl<'p> Path<'p> {
    pub(crate) const ROOT: Path<'static> = Path {
        parent: None,
        segment: Segment::Root,
    };

    pub(crate) fn field(&'p self, name: &'p str) -> Path<'p> {
        Path {
            parent: Some(self),
            segment: Segment::Field(name),
        }
    }

    pub(crate) fn index(&'p self, index: usize) -> Path<'p> {
        Path {
            parent: Some(self),
            segment: Segment::Index(index),
        }
    }

    pub(crate) fn render(&self) -> String {
        let mut text = self.parent.map(Path::render).unwrap_or_default();
        match self.segment {
            Segment::Root => {}
            Segment::Field(name) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(name);
            }
            Segment::Index(index) => text.push_str(&format!("[{index}]")),
        }
        text
    }
}

/// The most fields an object spec in `fields.rs` declares (a test keeps
/// every spec within it); the largest has nine.
pub(crate) const MAX_FIELDS: usize = 10;

/// The fields of an object that passed the unknown/missing/duplicate checks.
/// They live in a fixed array on the stack, one slot per field of the spec:
/// a bank has a dozen objects per question, and a heap list for each was a
/// tenth of the checking time.
pub(crate) struct Fields<'t> {
    pub(crate) span: Span,
    spec: &'static [Field],
    /// The value of each of the spec's fields that is present (the first,
    /// when a key is repeated), at the field's place in the spec.
    found: [Option<Node<'t>>; MAX_FIELDS],
}

impl<'t> Fields<'t> {
    pub(crate) fn get(&self, name: &str) -> Option<Node<'t>> {
        let name = name.as_bytes();
        let at = (self.spec.iter()).position(|field| same_bytes(field.name.as_bytes(), name))?;
        self.found[at]
    }
}

/// Decodes nodes into model types, recording problems as it goes.
pub(crate) struct Reader<'r> {
    pub(crate) problems: &'r mut Problems,
    pub(crate) index: &'r LineIndex<'r>,
    /// The id of the question being read, attached to its problems.
    pub(crate) question: Option<Cow<'r, str>>,
    /// The bank's declared tag keys, once read; tags are checked as they
    /// are met so problems point at the tag itself.
    pub(crate) declared_tags: Option<Vec<String>>,
    /// Where each paper section's `count` is, for the paper check.
    pub(crate) section_counts: Vec<Span>,
}

impl<'r> Reader<'r> {
    pub(crate) fn new(problems: &'r mut Problems, index: &'r LineIndex<'r>) -> Self {
        Reader {
            problems,
            index,
            question: None,
            declared_tags: None,
            section_counts: Vec::new(),
        }
    }

    pub(crate) fn report(
        &mut self,
        severity: Severity,
        code: Code,
        span: Span,
        path: &Path,
        zh: String,
        en: String,
    ) {
        self.problems.push(
            severity,
            code,
            span,
            &path.render(),
            self.question.as_deref(),
            Message::new(zh, en),
        );
    }

    pub(crate) fn error(&mut self, code: Code, span: Span, path: &Path, zh: String, en: String) {
        self.report(Severity::Error, code, span, path, zh, en);
    }

    pub(crate) fn wrong_type(
        &mut self,
        node: Node,
        path: &Path,
        zh_expected: &str,
        en_expected: &str,
    ) {
        let (zh_found, en_found) = node.value().kind_name();
        self.error(
            Code::WrongType,
            node.span(),
            path,
            format!("“{}”应是{zh_expected}，这里却是{zh_found}。", path.render()),
            format!(
                "\"{}\" should be {en_expected}, but is {en_found}.",
                path.render()
            ),
        );
    }

    /// Checks an object's keys against `spec`.
    pub(crate) fn object<'t>(
        &mut self,
        node: Node<'t>,
        path: &Path,
        spec: &'static [Field],
    ) -> Option<Fields<'t>> {
        let Value::Object(members) = node.value() else {
            self.wrong_type(node, path, "对象 {...}", "an object {...}");
            return None;
        };
        let mut found: [Option<Node>; MAX_FIELDS] = [None; MAX_FIELDS];
        let mut suggested: Vec<&'static str> = Vec::new();
        for member in members.iter() {
            let (key_span, value) = (member.key_span(), member.value);
            let at = match member.plain_key() {
                Some(key) => (spec.iter()).position(|field| same_bytes(field.name.as_bytes(), key)),
                None => spec.iter().position(|field| member.key_is(field.name)),
            };
            match at {
                Some(at) => {
                    if let Some(first) = found[at] {
                        let name = spec[at].name;
                        let line = self.index.line(first.span().start);
                        let child = path.field(name);
                        self.error(
                            Code::DuplicateField,
                            key_span,
                            &child,
                            format!(
                                "字段“{name}”重复出现（第一次在第 {line} 行）：请删除其中一个。"
                            ),
                            format!(
                                "Field \"{name}\" appears twice (first on line {line}): remove one."
                            ),
                        );
                    } else {
                        found[at] = Some(value);
                    }
                }
                None => {
                    if let Some(name) = self.unknown_field(&member.key(), key_span, path, spec) {
                        suggested.push(name);
                    }
                }
            }
        }
        for (field, value) in spec.iter().zip(found) {
            // A misspelt key already said "did you mean …": don't also report it missing.
            if field.required && value.is_none() && !suggested.contains(&field.name) {
                let child = path.field(field.name);
                self.error(
                    Code::MissingField,
                    Span {
                        start: node.span().start,
                        end: node.span().start + 1,
                    },
                    &child,
                    format!("缺少必填字段“{}”（{}）。", field.name, field.zh),
                    format!("Missing required field \"{}\" ({}).", field.name, field.en),
                );
            }
        }
        Some(Fields {
            span: node.span(),
            spec,
            found,
        })
    }

    /// Reports an unknown key; returns the field it probably meant.
    fn unknown_field(
        &mut self,
        key: &str,
        span: Span,
        path: &Path,
        spec: &'static [Field],
    ) -> Option<&'static str> {
        let names: Vec<&'static str> = spec.iter().map(|field| field.name).collect();
        let suggestion = fields::ALIASES
            .iter()
            .find(|(alias, _)| *alias == key)
            .map(|(_, name)| *name)
            .filter(|name| names.contains(name))
            .or_else(|| closest(key, &names));
        let allowed = names.join(", ");
        let child = path.field(key);
        let (zh, en) = match suggestion {
            Some(name) => (
                format!("不认识的字段“{key}”，是不是“{name}”？"),
                format!("Unknown field \"{key}\"; did you mean \"{name}\"?"),
            ),
            None => (
                format!("不认识的字段“{key}”。这里可以用的字段有：{allowed}。"),
                format!("Unknown field \"{key}\". Fields allowed here: {allowed}."),
            ),
        };
        self.error(Code::UnknownField, span, &child, zh, en);
        suggestion
    }

    pub(crate) fn string<'t>(&mut self, node: Node<'t>, path: &Path) -> Option<Cow<'t, str>> {
        match node.value() {
            Value::String(text) => Some(text),
            _ => {
                self.wrong_type(node, path, "带双引号的文字", "text in double quotes");
                None
            }
        }
    }

    /// A whole number in `min..=max`.
    pub(crate) fn number(&mut self, node: Node, path: &Path, min: u32, max: u32) -> Option<u32> {
        let value = node.value();
        let Value::Number(raw) = value else {
            if let Value::String(text) = &value {
                if text.trim().parse::<u32>().is_ok() {
                    self.error(
                        Code::WrongType,
                        node.span(),
                        path,
                        format!(
                            "“{}”应是数字，不要加引号：写成 {}。",
                            path.render(),
                            text.trim()
                        ),
                        format!(
                            "\"{}\" should be a number without quotes: write {}.",
                            path.render(),
                            text.trim()
                        ),
                    );
                    return None;
                }
            }
            self.wrong_type(node, path, "整数", "a whole number");
            return None;
        };
        match raw.parse::<u64>() {
            Ok(value) if (u64::from(min)..=u64::from(max)).contains(&value) => Some(value as u32),
            _ => {
                self.error(
                    Code::BadValue,
                    node.span(),
                    path,
                    format!(
                        "“{}”应是 {min} 到 {max} 之间的整数，这里是 {raw}。",
                        path.render()
                    ),
                    format!(
                        "\"{}\" should be a whole number from {min} to {max}, not {raw}.",
                        path.render()
                    ),
                );
                None
            }
        }
    }

    pub(crate) fn boolean(&mut self, node: Node, path: &Path) -> Option<bool> {
        match node.value() {
            Value::Bool(value) => Some(value),
            _ => {
                self.wrong_type(
                    node,
                    path,
                    "true 或 false（不加引号）",
                    "true or false (without quotes)",
                );
                None
            }
        }
    }

    pub(crate) fn array<'t>(&mut self, node: Node<'t>, path: &Path) -> Option<Items<'t>> {
        match node.value() {
            Value::Array(items) => Some(items),
            _ => {
                self.wrong_type(node, path, "列表 [...]", "a list [...]");
                None
            }
        }
    }

    /// An id: 1–`max` lower-case ASCII letters, digits and `-`.
    pub(crate) fn id(&mut self, node: Node, path: &Path, max: usize) -> Option<String> {
        let text = self.string(node, path)?;
        self.id_text(text, node.span(), path, max)
    }

    /// Checks the id `text` found at `span` (a value, or an object key).
    fn id_text(&mut self, text: Cow<str>, span: Span, path: &Path, max: usize) -> Option<String> {
        let valid = (1..=max).contains(&text.len())
            && text
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if valid {
            Some(text.into_owned())
        } else {
            self.error(
                Code::BadId,
                span,
                path,
                format!("编号“{text}”无效：只能用小写英文字母、数字和“-”，长度 1 到 {max}，例如 charter-001。"),
                format!("Id \"{text}\" is invalid: use 1–{max} lower-case letters, digits and '-', e.g. charter-001."),
            );
            None
        }
    }

    /// A date written `YYYY-MM-DD`.
    pub(crate) fn date(&mut self, node: Node, path: &Path) -> Option<String> {
        let text = self.string(node, path)?;
        if is_valid_date(&text) {
            Some(text.into_owned())
        } else {
            self.error(
                Code::BadValue,
                node.span(),
                path,
                format!("日期“{text}”无效：请写成 YYYY-MM-DD，例如 2026-11-28。"),
                format!("Date \"{text}\" is invalid: write YYYY-MM-DD, e.g. 2026-11-28."),
            );
            None
        }
    }

    /// A text that must not be blank and not longer than `max` characters.
    fn checked_text(&mut self, node: Node, path: &Path, text: &str, max: usize) -> bool {
        // As `trim().is_empty()`, but stops at the first visible character
        // instead of trimming both ends.
        if text.chars().all(char::is_whitespace) {
            self.error(
                Code::EmptyText,
                node.span(),
                path,
                format!("“{}”是空的。", path.render()),
                format!("\"{}\" is empty.", path.render()),
            );
            return false;
        }
        // A text has no more characters than bytes: count only when it could
        // be too long.
        let length = if text.len() > max {
            text.chars().count()
        } else {
            0
        };
        if length > max {
            self.error(
                Code::TooLong,
                node.span(),
                path,
                format!("“{}”太长（{length} 字），上限 {max} 字。", path.render()),
                format!(
                    "\"{}\" is too long ({length} characters); the limit is {max}.",
                    path.render()
                ),
            );
            return false;
        }
        true
    }

    /// A bilingual text object.
    pub(crate) fn text(&mut self, node: Node, path: &Path, max: usize) -> Option<LocalText> {
        if let Value::String(text) = node.value() {
            self.error(
                Code::WrongType,
                node.span(),
                path,
                format!("“{}”要写成 {{\"zh\": \"中文\", \"en\": \"English\"}} 的形式，例如 {{\"zh\": \"{}\"}}。", path.render(), shorten(&text)),
                format!("\"{}\" must be written as {{\"zh\": \"…\", \"en\": \"…\"}}, e.g. {{\"zh\": \"{}\"}}.", path.render(), shorten(&text)),
            );
            return None;
        }
        let fields = self.object(node, path, fields::TEXT)?;
        let zh = fields.get("zh").and_then(|zh_node| {
            let zh_path = path.field("zh");
            let text = self.string(zh_node, &zh_path)?;
            self.checked_text(zh_node, &zh_path, &text, max)
                .then(|| text.into_owned())
        });
        let en = match fields.get("en") {
            None => Some(None),
            Some(en_node) => {
                let en_path = path.field("en");
                self.string(en_node, &en_path).and_then(|text| {
                    self.checked_text(en_node, &en_path, &text, max)
                        .then(|| Some(text.into_owned()))
                })
            }
        };
        Some(LocalText { zh: zh?, en: en? })
    }

    async fn bank(
        &mut self,
        root: Node<'r>,
        expected_id: Option<&str>,
        pause: &mut dyn FnMut() -> PauseFuture,
    ) -> Option<Bank> {
        let path = Path::ROOT;
        let fields = self.object(root, &path, fields::BANK)?;
        let schema = fields.get("$schema").and_then(|node| {
            self.string(node, &path.field("$schema"))
                .map(Cow::into_owned)
        });
        let id = fields
            .get("id")
            .and_then(|node| self.id(node, &path.field("id"), MAX_BANK_ID));
        if let (Some(id), Some(expected), Some(node)) = (&id, expected_id, fields.get("id")) {
            if id != expected {
                self.error(
                    Code::IdMismatch,
                    node.span(),
                    &path.field("id"),
                    format!("这个文件的 id 是“{id}”，但题库清单（index.json）为它登记的编号是“{expected}”：请把两处改成一致。"),
                    format!("This file's id is \"{id}\" but the bank list (index.json) lists it as \"{expected}\": make the two the same."),
                );
            }
        }
        let version = fields.get("version").and_then(|node| {
            self.number(
                node,
                &path.field("version"),
                *VERSION.start(),
                *VERSION.end(),
            )
        });
        let updated = fields
            .get("updated")
            .and_then(|node| self.date(node, &path.field("updated")));
        let title = fields
            .get("title")
            .and_then(|node| self.text(node, &path.field("title"), MAX_TITLE));
        let description = fields
            .get("description")
            .and_then(|node| self.text(node, &path.field("description"), MAX_DESCRIPTION));
        let tag_names = match fields.get("tag_names") {
            Some(node) => self.tag_names(node, &path.field("tag_names")),
            None => Some(BTreeMap::new()),
        };
        self.declared_tags = tag_names
            .as_ref()
            .filter(|names| !names.is_empty())
            .map(|names| names.keys().cloned().collect());
        let questions = match fields.get("questions") {
            Some(node) => self.questions(node, &path.field("questions"), pause).await,
            None => None,
        };
        let paper = fields
            .get("paper")
            .and_then(|node| self.paper(node, &path.field("paper")));

        // Checks across fields, once each part is known.
        if let (Some(questions), Some(tag_names)) = (&questions, &tag_names) {
            self.check_tags(root, questions, tag_names, fields.get("tag_names"));
        }
        if let (Some(paper), Some(questions), Some(paper_node)) =
            (&paper, &questions, fields.get("paper"))
        {
            self.check_paper(paper, questions, paper_node);
        }
        Some(Bank {
            schema,
            id: id?,
            version: version?,
            updated: updated?,
            title: title?,
            description: description?,
            tag_names: tag_names?,
            paper: paper?,
            questions: questions?,
        })
    }

    fn tag_names(&mut self, node: Node, path: &Path) -> Option<BTreeMap<String, LocalText>> {
        let Value::Object(members) = node.value() else {
            self.wrong_type(
                node,
                path,
                "对象 {\"标签\": {\"zh\": …}}",
                "an object {\"tag\": {\"zh\": …}}",
            );
            return None;
        };
        let mut names = BTreeMap::new();
        let mut ok = true;
        for member in members.iter() {
            let key_text = member.key();
            let child = path.field(&key_text);
            let key = self.id_text(key_text.clone(), member.key_span(), &child, MAX_BANK_ID);
            let text = self.text(member.value, &child, MAX_SHORT_TEXT);
            match (key, text) {
                (Some(key), Some(text)) => {
                    names.insert(key, text);
                }
                _ => ok = false,
            }
        }
        ok.then_some(names)
    }

    fn paper(&mut self, node: Node, path: &Path) -> Option<Paper> {
        let fields = self.object(node, path, fields::PAPER)?;
        let time = fields.get("time_limit_minutes").and_then(|n| {
            self.number(
                n,
                &path.field("time_limit_minutes"),
                *TIME_LIMIT_MINUTES.start(),
                *TIME_LIMIT_MINUTES.end(),
            )
        });
        let pass = fields.get("pass_percent").and_then(|n| {
            self.number(
                n,
                &path.field("pass_percent"),
                *PASS_PERCENT.start(),
                *PASS_PERCENT.end(),
            )
        });
        let partial = match fields.get("partial_credit") {
            Some(n) => self.boolean(n, &path.field("partial_credit")),
            None => Some(false),
        };
        let sections_path = path.field("sections");
        let sections = fields.get("sections").and_then(|n| {
            let items = self.array(n, &sections_path)?;
            if items.is_empty() {
                self.error(
                    Code::BadValue,
                    n.span(),
                    &sections_path,
                    "试卷至少要有一个题型。".into(),
                    "The paper needs at least one section.".into(),
                );
                return None;
            }
            let mut sections: Vec<Section> = Vec::new();
            let mut ok = true;
            for (i, item) in items.iter().enumerate() {
                let item_path = sections_path.index(i);
                match self.section(item, &item_path) {
                    Some(section) => {
                        if sections.iter().any(|s| s.kind == section.kind) {
                            self.error(
                                Code::DuplicateSection,
                                item.span(),
                                &item_path,
                                format!(
                                    "试卷里“{}”出现了两次：每种题型只写一项。",
                                    section.kind.key()
                                ),
                                format!(
                                    "The paper lists \"{}\" twice: one section per type.",
                                    section.kind.key()
                                ),
                            );
                            ok = false;
                        }
                        sections.push(section);
                    }
                    None => ok = false,
                }
            }
            ok.then_some(sections)
        });
        Some(Paper {
            time_limit_minutes: time?,
            pass_percent: pass?,
            partial_credit: partial?,
            sections: sections?,
        })
    }

    fn section(&mut self, node: Node, path: &Path) -> Option<Section> {
        let fields = self.object(node, path, fields::SECTION)?;
        let kind = fields
            .get("type")
            .and_then(|n| self.question_type(n, &path.field("type")));
        let count_node = fields.get("count");
        self.section_counts
            .push(count_node.map_or(start_of(fields.span), |n| n.span()));
        let count = count_node.and_then(|n| {
            self.number(
                n,
                &path.field("count"),
                *SECTION_COUNT.start(),
                *SECTION_COUNT.end(),
            )
        });
        let points = fields.get("points").and_then(|n| {
            self.number(
                n,
                &path.field("points"),
                *SECTION_POINTS.start(),
                *SECTION_POINTS.end(),
            )
        });
        Some(Section {
            kind: kind?,
            count: count?,
            points: points?,
        })
    }

    fn question_type(&mut self, node: Node, path: &Path) -> Option<QuestionType> {
        let text = self.string(node, path)?;
        if let Some(kind) = QuestionType::from_key(&text) {
            return Some(kind);
        }
        let keys: Vec<&str> = QuestionType::ALL.iter().map(|k| k.key()).collect();
        let suggestion = fields::TYPE_ALIASES
            .iter()
            .find(|(alias, _)| *alias == text.trim())
            .map(|(_, key)| *key)
            .or_else(|| closest(&text, &keys));
        let (zh, en) = match suggestion {
            Some(key) => (
                format!("题型“{text}”无效，是不是“{key}”？题型只能是 single、multiple、judge、fill。"),
                format!("Question type \"{text}\" is invalid; did you mean \"{key}\"? Use single, multiple, judge or fill."),
            ),
            None => (
                format!("题型“{text}”无效：只能是 single（单选）、multiple（多选）、judge（判断）、fill（填空）。"),
                format!("Question type \"{text}\" is invalid: use single, multiple, judge or fill."),
            ),
        };
        self.error(Code::BadValue, node.span(), path, zh, en);
        None
    }

    /// Reads every question.
    async fn questions(
        &mut self,
        node: Node<'r>,
        path: &Path<'_>,
        pause: &mut dyn FnMut() -> PauseFuture,
    ) -> Option<Vec<Question>> {
        let items = self.array(node, path)?;
        if items.is_empty() {
            self.error(
                Code::BadValue,
                node.span(),
                path,
                "题目列表是空的。".into(),
                "The question list is empty.".into(),
            );
            return None;
        }
        if items.len() > MAX_QUESTIONS {
            self.error(
                Code::TooMany,
                node.span(),
                path,
                format!("题目太多（{} 道），一个题库最多 {MAX_QUESTIONS} 道：请拆分成几个题库。", items.len()),
                format!("Too many questions ({}); a bank holds at most {MAX_QUESTIONS}: split it into several banks.", items.len()),
            );
            return None;
        }
        let mut questions = Vec::with_capacity(items.len());
        // Keyed by the id text in the parsed tree, so no id is copied for it.
        let mut seen: HashMap<Cow<str>, Span> = HashMap::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            if i > 0 && i % QUESTIONS_PER_STEP == 0 {
                pause().await;
            }
            let item_path = path.index(i);
            let id_node = item.get("id");
            // A question that decoded has a string id, exactly as written.
            let id_text = match id_node.map(Node::value) {
                Some(Value::String(id)) => Some(id),
                _ => None,
            };
            // Borrowed from the tree: no copy unless a problem names it.
            self.question = id_text.clone();
            let question = self.question(item, &item_path);
            let id_span = id_node.map_or(item.span(), Node::span);
            if let (Some(question), Some(id_text)) = (&question, id_text) {
                if let Some(first) = seen.get(&id_text) {
                    let line = self.index.line(first.start);
                    self.error(
                        Code::DuplicateId,
                        id_span,
                        &item_path.field("id"),
                        format!("题目编号“{}”重复（第一次在第 {line} 行）：每道题的编号必须唯一。", question.id),
                        format!("Question id \"{}\" is used twice (first on line {line}): every id must be unique.", question.id),
                    );
                    ok = false;
                } else {
                    seen.insert(id_text, id_span);
                }
            }
            self.question = None;
            match question {
                Some(question) => {
                    questions.push(question);
                }
                None => ok = false,
            }
        }
        ok.then_some(questions)
    }

    fn question(&mut self, node: Node, path: &Path) -> Option<Question> {
        let fields = self.object(node, path, fields::QUESTION)?;
        let id = fields
            .get("id")
            .and_then(|n| self.id(n, &path.field("id"), MAX_QUESTION_ID));
        let kind = fields
            .get("type")
            .and_then(|n| self.question_type(n, &path.field("type")));
        let stem_node = fields.get("stem");
        let stem = stem_node.and_then(|n| self.text(n, &path.field("stem"), MAX_LONG_TEXT));
        let body = kind.and_then(|kind| self.body(kind, &fields, stem.as_ref(), stem_node, path));
        let explanation = match fields.get("explanation") {
            Some(n) => self
                .text(n, &path.field("explanation"), MAX_LONG_TEXT)
                .map(Some),
            None => {
                self.report(Severity::Warning, Code::MissingExplanation, start_of(fields.span), &path.field("explanation"),
                    "这道题没有解析（explanation）：学员答错时需要知道为什么。".into(),
                    "This question has no explanation: members need to know why when they get it wrong.".into());
                Some(None)
            }
        };
        let source = match fields.get("source") {
            Some(n) => self
                .text(n, &path.field("source"), MAX_SHORT_TEXT)
                .map(Some),
            None => {
                self.report(Severity::Warning, Code::MissingSource, start_of(fields.span), &path.field("source"),
                    "这道题没有出处（source）：请写明文件、版本和条款，或讲话名称和日期。".into(),
                    "This question has no source: name the document, edition and article, or the speech and date.".into());
                Some(None)
            }
        };
        let tags = match fields.get("tags") {
            Some(n) => self.tags(n, &path.field("tags")),
            None => Some(Vec::new()),
        };
        let difficulty = match fields.get("difficulty") {
            Some(n) => self.difficulty(n, &path.field("difficulty")),
            None => Some(Difficulty::Medium),
        };
        Some(Question {
            id: id?,
            stem: stem?,
            body: body?,
            explanation: explanation?,
            source: source?,
            tags: tags?,
            difficulty: difficulty?,
        })
    }

    fn body(
        &mut self,
        kind: QuestionType,
        fields: &Fields,
        stem: Option<&LocalText>,
        stem_node: Option<Node>,
        path: &Path,
    ) -> Option<Body> {
        let options_node = fields.get("options");
        let answer_node = fields.get("answer");
        match kind {
            QuestionType::Single | QuestionType::Multiple => {
                let options = match options_node {
                    Some(n) => self.options(n, &path.field("options")),
                    None => {
                        self.error(
                            Code::MissingField,
                            start_of(fields.span),
                            &path.field("options"),
                            format!(
                                "{}必须有选项（options，2 到 8 个）。",
                                kind.label(crate::Lang::Zh)
                            ),
                            format!(
                                "{} questions need options (2 to 8).",
                                kind.label(crate::Lang::En)
                            ),
                        );
                        None
                    }
                };
                let answer = answer_node.and_then(|n| {
                    self.letters(n, &path.field("answer"), options.as_ref().map(Vec::len))
                });
                let (options, answer) = (options?, answer?);
                let answer_path = path.field("answer");
                let answer_node = answer_node?;
                if kind == QuestionType::Single {
                    if answer.len() > 1 {
                        self.error(Code::SingleWithSeveral, answer_node.span(), &answer_path,
                            format!("单选题只能有一个答案，这里写了 {} 个：如果有多个正确选项，请把 type 改成 multiple。", answer.len()),
                            format!("A single-choice question has one answer; this one lists {}: if several options are right, change type to multiple.", answer.len()));
                        return None;
                    }
                    Some(Body::Single {
                        options,
                        answer: answer[0],
                    })
                } else {
                    if answer.len() < 2 {
                        self.report(Severity::Warning, Code::MultipleWithOne, answer_node.span(), &answer_path,
                            "多选题只有一个正确答案：是否应改为单选题（single）？".into(),
                            "This multiple-choice question has only one correct answer: should it be single?".into());
                    }
                    Some(Body::Multiple { options, answer })
                }
            }
            QuestionType::Judge => {
                self.no_options(options_node, kind, path);
                let answer_node = answer_node?;
                let answer_path = path.field("answer");
                match answer_node.value() {
                    Value::Bool(answer) => Some(Body::Judge { answer }),
                    Value::String(text) => {
                        let hint = match text.trim() {
                            "对" | "正确" | "是" | "√" | "true" | "True" | "TRUE" | "T" => {
                                "true"
                            }
                            _ => "false",
                        };
                        self.error(Code::BadAnswer, answer_node.span(), &answer_path,
                            format!("判断题的答案写 true（正确）或 false（错误），不加引号：“{text}”应写成 {hint}。"),
                            format!("A judge answer is true or false without quotes: \"{text}\" should be {hint}."));
                        None
                    }
                    _ => {
                        self.wrong_type(
                            answer_node,
                            &answer_path,
                            "true 或 false",
                            "true or false",
                        );
                        None
                    }
                }
            }
            QuestionType::Fill => {
                self.no_options(options_node, kind, path);
                let answer_path = path.field("answer");
                let blanks = self.blanks(answer_node?, &answer_path)?;
                if let (Some(stem), Some(stem_node)) = (stem, stem_node) {
                    self.check_blank_count(stem, stem_node, blanks.len(), &path.field("stem"));
                }
                Some(Body::Fill { blanks })
            }
        }
    }

    fn no_options(&mut self, options: Option<Node>, kind: QuestionType, path: &Path) {
        if let Some(node) = options {
            self.error(
                Code::OptionsNotAllowed,
                node.span(),
                &path.field("options"),
                format!(
                    "{}不需要选项（options）：请删除 options。",
                    kind.label(crate::Lang::Zh)
                ),
                format!(
                    "{} questions take no options: remove \"options\".",
                    kind.label(crate::Lang::En)
                ),
            );
        }
    }

    fn options(&mut self, node: Node, path: &Path) -> Option<Vec<Choice>> {
        let items = self.array(node, path)?;
        if !OPTIONS.contains(&items.len()) {
            self.error(
                Code::OptionCount,
                node.span(),
                path,
                format!("选项要有 2 到 8 个，这里有 {} 个。", items.len()),
                format!("Use 2 to 8 options; there are {}.", items.len()),
            );
            return None;
        }
        let mut choices: Vec<Choice> = Vec::with_capacity(items.len());
        // The place in the file of each option in `choices` (there are at
        // most eight).
        let mut places = [0; 8];
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let item_path = path.index(i);
            match self.choice(item, &item_path) {
                Some(choice) => {
                    let repeated = choices
                        .iter()
                        .position(|other| same_answer(&other.text.zh, &choice.text.zh));
                    if let Some(repeated) = repeated {
                        let message = super::repeated_option_message(i, places[repeated]);
                        self.error(
                            Code::DuplicateOption,
                            item.span(),
                            &item_path,
                            message.zh,
                            message.en,
                        );
                        ok = false;
                    }
                    places[choices.len()] = i;
                    choices.push(choice);
                }
                None => ok = false,
            }
        }
        ok.then_some(choices)
    }

    fn choice(&mut self, node: Node, path: &Path) -> Option<Choice> {
        if matches!(node.value(), Value::String(_)) {
            return self
                .text(node, path, MAX_SHORT_TEXT)
                .map(|text| Choice { text, fixed: false });
        }
        let fields = self.object(node, path, fields::CHOICE)?;
        let fixed = match fields.get("fixed") {
            Some(n) => self.boolean(n, &path.field("fixed")),
            None => Some(false),
        };
        // Reuse the text reader on the same object: it ignores "fixed".
        let zh = fields.get("zh").and_then(|n| {
            let p = path.field("zh");
            let t = self.string(n, &p)?;
            self.checked_text(n, &p, &t, MAX_SHORT_TEXT)
                .then(|| t.into_owned())
        });
        let en = match fields.get("en") {
            None => Some(None),
            Some(n) => {
                let p = path.field("en");
                self.string(n, &p).and_then(|t| {
                    self.checked_text(n, &p, &t, MAX_SHORT_TEXT)
                        .then(|| Some(t.into_owned()))
                })
            }
        };
        Some(Choice {
            text: LocalText { zh: zh?, en: en? },
            fixed: fixed?,
        })
    }

    /// Option letters such as "B" or "ACD", as sorted indexes.
    fn letters(
        &mut self,
        node: Node,
        path: &Path,
        option_count: Option<usize>,
    ) -> Option<Vec<usize>> {
        let Value::String(text) = node.value() else {
            self.wrong_type(
                node,
                path,
                "选项字母，例如 \"B\" 或 \"ACD\"",
                "option letters, e.g. \"B\" or \"ACD\"",
            );
            return None;
        };
        let trimmed = text.trim();
        if trimmed.is_empty() || !trimmed.chars().all(|c| c.is_ascii_uppercase()) {
            self.error(Code::BadAnswer, node.span(), path,
                format!("答案“{text}”无效：请用大写选项字母连写，例如 \"B\" 或 \"ACD\"。"),
                format!("Answer \"{text}\" is invalid: write upper-case option letters together, e.g. \"B\" or \"ACD\"."));
            return None;
        }
        let mut indexes: Vec<usize> = Vec::with_capacity(trimmed.len());
        for c in trimmed.chars() {
            let index = (c as u8 - b'A') as usize;
            if indexes.contains(&index) {
                self.error(
                    Code::BadAnswer,
                    node.span(),
                    path,
                    format!("答案“{text}”里字母 {c} 重复了。"),
                    format!("Answer \"{text}\" repeats the letter {c}."),
                );
                return None;
            }
            indexes.push(index);
        }
        crate::order::sort(&mut indexes);
        if let Some(count) = option_count {
            if let Some(&bad) = indexes.iter().find(|&&i| i >= count) {
                self.error(Code::BadAnswer, node.span(), path,
                    format!("答案“{text}”里的 {} 不在选项中：只有 A 到 {} 共 {count} 个选项。", letter(bad), letter(count - 1)),
                    format!("Answer \"{text}\": {} is not among the options; there are {count} (A to {}).", letter(bad), letter(count - 1)));
                return None;
            }
        }
        Some(indexes)
    }

    fn blanks(&mut self, node: Node, path: &Path) -> Option<Vec<Blank>> {
        let Some(items) = (match node.value() {
            Value::Array(items) => Some(items),
            _ => None,
        }) else {
            self.wrong_type(
                node,
                path,
                "列表，每个空一项：[{\"zh\": [\"答案\"]}]",
                "a list with one entry per blank: [{\"zh\": [\"answer\"]}]",
            );
            return None;
        };
        if items.is_empty() || items.len() > MAX_BLANKS {
            self.error(
                Code::BadAnswer,
                node.span(),
                path,
                format!(
                    "填空题要有 1 到 {MAX_BLANKS} 个空的答案，这里有 {} 个。",
                    items.len()
                ),
                format!(
                    "A fill-in question needs answers for 1 to {MAX_BLANKS} blanks; there are {}.",
                    items.len()
                ),
            );
            return None;
        }
        let mut blanks = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let item_path = path.index(i);
            let Some(fields) = self.object(item, &item_path, fields::BLANK) else {
                ok = false;
                continue;
            };
            let zh = fields
                .get("zh")
                .and_then(|n| self.accepted(n, &item_path.field("zh"), true));
            let en = match fields.get("en") {
                Some(n) => self.accepted(n, &item_path.field("en"), false),
                None => Some(Vec::new()),
            };
            match (zh, en) {
                (Some(zh), Some(en)) => blanks.push(Blank { zh, en }),
                _ => ok = false,
            }
        }
        ok.then_some(blanks)
    }

    /// A list of accepted answers for one blank.
    fn accepted(&mut self, node: Node, path: &Path, required: bool) -> Option<Vec<String>> {
        let items = self.array(node, path)?;
        if items.is_empty() && required {
            self.error(
                Code::BadAnswer,
                node.span(),
                path,
                "至少要写一个可接受的答案。".into(),
                "List at least one accepted answer.".into(),
            );
            return None;
        }
        let mut answers = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let item_path = path.index(i);
            match self.string(item, &item_path) {
                Some(text) if self.checked_text(item, &item_path, &text, MAX_SHORT_TEXT) => {
                    answers.push(text.into_owned())
                }
                _ => ok = false,
            }
        }
        ok.then_some(answers)
    }

    fn check_blank_count(
        &mut self,
        stem: &LocalText,
        stem_node: Node,
        answers: usize,
        path: &Path,
    ) {
        let mut languages = vec![("zh", "中文", &stem.zh)];
        if let Some(en) = &stem.en {
            languages.push(("en", "英文", en));
        }
        for (key, zh_name, text) in languages {
            let blanks = count_blanks(text);
            if blanks != answers {
                self.error(Code::BlankMismatch, stem_node.span(), &path.field(key),
                    format!("{zh_name}题干里有 {blanks} 个空（用 ____ 表示），答案却给了 {answers} 个空：两者要一致。"),
                    format!("The {} stem has {blanks} blank(s) (marked ____) but the answer lists {answers}: they must match.", if key == "zh" { "Chinese" } else { "English" }));
            }
        }
    }

    fn tags(&mut self, node: Node, path: &Path) -> Option<Vec<String>> {
        let items = self.array(node, path)?;
        if items.len() > MAX_TAGS {
            self.error(
                Code::TooMany,
                node.span(),
                path,
                format!("标签太多（{} 个），最多 {MAX_TAGS} 个。", items.len()),
                format!("Too many tags ({}); at most {MAX_TAGS}.", items.len()),
            );
            return None;
        }
        let mut tags = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let item_path = path.index(i);
            let Some(tag) = self.id(item, &item_path, MAX_BANK_ID) else {
                ok = false;
                continue;
            };
            if let Some(declared) = &self.declared_tags {
                if !declared.contains(&tag) {
                    let names: Vec<&str> = declared.iter().map(String::as_str).collect();
                    let (zh, en) = match closest(&tag, &names) {
                        Some(name) => (
                            format!("标签“{tag}”没有在 tag_names 里定义，是不是“{name}”？"),
                            format!("Tag \"{tag}\" is not declared in tag_names; did you mean \"{name}\"?"),
                        ),
                        None => (
                            format!("标签“{tag}”没有在 tag_names 里定义：请先在 tag_names 里加上它的名称。"),
                            format!("Tag \"{tag}\" is not declared in tag_names: add its name there first."),
                        ),
                    };
                    self.error(Code::UnknownTag, item.span(), &item_path, zh, en);
                    ok = false;
                    continue;
                }
            }
            tags.push(tag);
        }
        ok.then_some(tags)
    }

    fn difficulty(&mut self, node: Node, path: &Path) -> Option<Difficulty> {
        let text = self.string(node, path)?;
        if let Some(level) = Difficulty::ALL
            .into_iter()
            .find(|level| level.key() == text)
        {
            return Some(level);
        }
        let hint = match text.trim() {
            "易" | "简单" | "容易" | "1" => Some("easy"),
            "中" | "一般" | "中等" | "2" => Some("medium"),
            "难" | "困难" | "较难" | "3" => Some("hard"),
            other => closest(other, &["easy", "medium", "hard"]),
        };
        let (zh, en) = match hint {
            Some(key) => (
                format!("难度“{text}”无效，是不是“{key}”？只能是 easy、medium、hard。"),
                format!("Difficulty \"{text}\" is invalid; did you mean \"{key}\"? Use easy, medium or hard."),
            ),
            None => (
                format!("难度“{text}”无效：只能是 easy（易）、medium（中）、hard（难）。"),
                format!("Difficulty \"{text}\" is invalid: use easy, medium or hard."),
            ),
        };
        self.error(Code::BadValue, node.span(), path, zh, en);
        None
    }

    /// Warns about declared tags no question uses (unknown tags were
    /// reported where they appear).
    fn check_tags(
        &mut self,
        root: Node,
        questions: &[Question],
        names: &BTreeMap<String, LocalText>,
        names_node: Option<Node>,
    ) {
        let span = names_node.map_or(root.span(), |node| node.span());
        for name in names.keys() {
            if questions.iter().any(|q| q.tags.contains(name)) {
                continue;
            }
            let path = Path::ROOT;
            self.report(
                Severity::Warning,
                Code::UnusedTag,
                start_of(span),
                &path.field("tag_names").field(name),
                format!("标签“{name}”已定义但没有题目使用。"),
                format!("Tag \"{name}\" is declared but no question uses it."),
            );
        }
    }

    fn check_paper(&mut self, paper: &Paper, questions: &[Question], paper_node: Node) {
        for (i, section) in paper.sections.iter().enumerate() {
            let available = questions
                .iter()
                .filter(|q| q.kind() == section.kind)
                .count();
            if section.count as usize > available {
                let path = Path::ROOT;
                let sections = path.field("paper");
                let sections = sections.field("sections");
                self.error(
                    Code::PaperTooMany,
                    self.section_counts
                        .get(i)
                        .copied()
                        .unwrap_or(start_of(paper_node.span())),
                    &sections.index(i).field("count"),
                    format!(
                        "试卷要抽 {} 道{}，题库里只有 {available} 道。",
                        section.count,
                        section.kind.label(crate::Lang::Zh)
                    ),
                    format!(
                        "The paper draws {} {} questions but the bank has only {available}.",
                        section.count,
                        section.kind.key()
                    ),
                );
            }
        }
    }
}

fn start_of(span: Span) -> Span {
    Span {
        start: span.start,
        end: span.start + 1,
    }
}

fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(12).collect();
    if text.chars().count() > 12 {
        short.push('…');
    }
    short
}

/// True for a real calendar date written `YYYY-MM-DD`, between 2000 and
/// 2100 (a bank's `updated` date; anything else is a typo).
pub fn is_valid_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| {
        text.get(range).and_then(|part| {
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse::<u32>().ok())
                .flatten()
        })
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (2000..=2100).contains(&year) && (1..=days).contains(&day)
}

#[cfg(test)]
mod size_tests {
    #[test]
    fn every_object_spec_fits_the_found_fields() {
        use super::super::fields::*;
        for spec in [
            BANK,
            PAPER,
            SECTION,
            QUESTION,
            TEXT,
            CHOICE,
            BLANK,
            MANIFEST,
            MANIFEST_ENTRY,
        ] {
            assert!(spec.len() <= super::MAX_FIELDS, "{}", spec.len());
        }
    }

    #[test]
    fn sizes_read_as_the_float_formatting_did() {
        for bytes in [
            1_048_576, 1_100_000, 2_359_296, 2_621_440, 33_554_432, 33_554_433, 50_000_000,
        ] {
            assert_eq!(
                super::size(bytes),
                format!("{:.1} MB", bytes as f64 / 1_048_576.0),
                "{bytes}"
            );
        }
        assert_eq!(super::size(1_000), "1 KB");
    }
}

#[cfg(test)]
mod step_tests {
    use super::*;
    use std::cell::Cell;
    use std::rc::Rc;

    /// A bank of `count` judge questions; `broken` gives one of them a
    /// non-boolean answer.
    fn bank(count: usize, broken: Option<usize>) -> String {
        let questions: Vec<String> = (0..count)
            .map(|i| {
                let answer = if broken == Some(i) { "\"yes\"" } else { "true" };
                format!(
                    r#"{{"id": "q{i}", "type": "judge", "stem": {{"zh": "第 {i} 题"}}, "answer": {answer}}}"#
                )
            })
            .collect();
        format!(
            r#"{{"id": "steps", "version": 1, "updated": "2026-11-29",
              "title": {{"zh": "分步"}}, "description": {{"zh": "分步"}},
              "paper": {{"time_limit_minutes": 1, "pass_percent": 60,
                "sections": [{{"type": "judge", "count": 1, "points": 1}}]}},
              "questions": [{}]}}"#,
            questions.join(",\n")
        )
    }

    /// A pause that suspends once, as a timer would, counted.
    fn counting_pause(count: Rc<Cell<usize>>) -> impl FnMut() -> PauseFuture {
        move || {
            count.set(count.get() + 1);
            let mut suspended = false;
            Box::pin(std::future::poll_fn(move |_| {
                if suspended {
                    Poll::Ready(())
                } else {
                    suspended = true;
                    Poll::Pending
                }
            }))
        }
    }

    #[test]
    fn a_bank_whose_id_is_not_the_listed_one_is_refused_at_its_id() {
        let text = r#"{"id": "rules", "version": 1, "updated": "2026-11-29",
            "title": {"zh": "党规"}, "questions": [
            {"id": "r1", "type": "judge", "stem": {"zh": "题"}, "answer": true,
             "explanation": {"zh": "解"}, "source": {"zh": "出处"}}]}"#;
        let mut no_pause = || -> PauseFuture { Box::pin(std::future::ready(())) };
        let mut checking = check_bank_in_steps(
            "charter.json",
            text.as_bytes(),
            Some("charter"),
            &mut no_pause,
        );
        let Poll::Ready(checked) = checking
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        else {
            panic!("a ready pause never suspends")
        };
        let problem = checked
            .diagnostics
            .iter()
            .find(|d| d.code == Code::IdMismatch)
            .expect("the id is refused");
        assert_eq!((problem.line, problem.column), (1, 8));
        assert_eq!(problem.severity, Severity::Error);
        assert!(
            problem.message.zh.contains("“charter”"),
            "{}",
            problem.message.zh
        );
        assert!(
            check_bank("charter.json", text.as_bytes())
                .diagnostics
                .iter()
                .all(|d| d.code != Code::IdMismatch),
            "no list, no check"
        );
    }

    fn run_in_steps(text: &str, pauses: Rc<Cell<usize>>) -> (Checked<Bank>, usize) {
        let mut pause = counting_pause(pauses);
        let mut checking = check_bank_in_steps("steps.json", text.as_bytes(), None, &mut pause);
        let mut suspensions = 0;
        loop {
            match checking
                .as_mut()
                .poll(&mut Context::from_waker(Waker::noop()))
            {
                Poll::Ready(checked) => return (checked, suspensions),
                Poll::Pending => suspensions += 1,
            }
        }
    }

    #[test]
    fn a_large_bank_is_checked_in_steps_with_the_same_result() {
        let text = bank(250, None);
        let pauses = Rc::new(Cell::new(0));
        let (checked, suspensions) = run_in_steps(&text, pauses.clone());
        // After the parse, then after questions 100 and 200.
        assert_eq!(pauses.get(), 3);
        assert_eq!(suspensions, 3);
        let whole = check_bank("steps.json", text.as_bytes());
        assert_eq!(checked.value.unwrap(), whole.value.unwrap());
        assert_eq!(checked.diagnostics, whole.diagnostics);
    }

    #[test]
    fn problems_found_in_steps_are_those_found_at_once() {
        let text = bank(150, Some(120));
        let (checked, _) = run_in_steps(&text, Rc::new(Cell::new(0)));
        let whole = check_bank("steps.json", text.as_bytes());
        assert!(checked.value.is_none());
        assert!(!checked.diagnostics.is_empty());
        assert_eq!(checked.diagnostics, whole.diagnostics);
        // A file that is not JSON needs no pause at all.
        let pauses = Rc::new(Cell::new(0));
        let (checked, _) = run_in_steps("{", pauses.clone());
        assert_eq!(pauses.get(), 0);
        assert_eq!(checked.diagnostics[0].code, Code::Syntax);
    }
}
