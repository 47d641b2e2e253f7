//! The checked reader: reads a parsed JSON file as typed values, recording
//! every problem with its place and a zh/en message instead of stopping at
//! the first. The bank decoder (`bank/decode/`) and the manifest reader
//! share it, so both files are checked by the same rules and messages.

use crate::bank::fields::{self, Field};
use crate::calendar::is_valid_date;
use crate::diagnostic::{closest, Checked, Code, Message, Problems, Severity};
use crate::json::{self, same_bytes, Items, LineIndex, Node, Span, Value};
use crate::limits::is_id;
use crate::LocalText;
use std::borrow::Cow;

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
pub(crate) fn parse_file<'a>(
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
pub(crate) fn finish<T>(
    file: &str,
    text: &str,
    problems: Problems,
    value: Option<T>,
) -> Checked<T> {
    let value = if problems.has_errors() { None } else { value };
    Checked {
        value,
        diagnostics: problems.locate(file, text),
    }
}

/// A byte count as people read it.
pub(crate) fn size(bytes: usize) -> String {
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
    /// The bank's declared tag keys, once read, in order (they are the
    /// keys of the `tag_names` map), so a tag is found by binary search;
    /// tags are checked as they are met so problems point at the tag
    /// itself. This and `section_counts` are the bank decoder's; the
    /// manifest leaves them empty.
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
        let Some(members) = node.as_members() else {
            self.wrong_type(node, path, "对象 {...}", "an object {...}");
            return None;
        };
        let mut fields = Fields {
            span: node.span(),
            spec,
            found: [None; MAX_FIELDS],
        };
        let found = &mut fields.found;
        let mut suggested: Vec<&'static str> = Vec::new();
        for member in members.iter() {
            let value = member.value;
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
                            member.key_span(),
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
                    let key_span = member.key_span();
                    if let Some(name) = self.unknown_field(&member.key(), key_span, path, spec) {
                        suggested.push(name);
                    }
                }
            }
        }
        for (field, value) in spec.iter().zip(&fields.found) {
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
        Some(fields)
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
        let text = node.as_str();
        if text.is_none() {
            self.wrong_type(node, path, "带双引号的文字", "text in double quotes");
        }
        text
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
    pub(crate) fn id_text(
        &mut self,
        text: Cow<str>,
        span: Span,
        path: &Path,
        max: usize,
    ) -> Option<String> {
        if is_id(&text, max) {
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
    pub(crate) fn checked_text(&mut self, node: Node, path: &Path, text: &str, max: usize) -> bool {
        if is_blank(text) {
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
        if let Some((zh, en)) = usual_text(node) {
            return self.languages(Some(zh), en, path, max);
        }
        if let Some(text) = node.as_str() {
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
        self.text_fields(&fields, path, max)
    }

    /// The `zh` (required) and `en` (optional) texts among an object's
    /// fields, each not blank and at most `max` characters: a bilingual
    /// text, or an option that also says whether it is fixed.
    pub(crate) fn text_fields(
        &mut self,
        fields: &Fields,
        path: &Path,
        max: usize,
    ) -> Option<LocalText> {
        self.languages(fields.get("zh"), fields.get("en"), path, max)
    }

    /// The texts of [`Reader::text_fields`], given the `zh` and `en` values
    /// found (a missing `zh` was reported where it was found missing).
    pub(crate) fn languages(
        &mut self,
        zh: Option<Node>,
        en: Option<Node>,
        path: &Path,
        max: usize,
    ) -> Option<LocalText> {
        let language = |reader: &mut Self, node: Node, key: &str| {
            let path = path.field(key);
            let text = reader.string(node, &path)?;
            reader
                .checked_text(node, &path, &text, max)
                .then(|| text.into_owned())
        };
        // `None` when a problem was reported; an absent `en` is no problem
        // (a missing `zh` was reported by the object check).
        let zh = zh.and_then(|node| language(self, node, "zh"));
        let en = match en {
            None => Some(None),
            Some(node) => language(self, node, "en").map(Some),
        };
        Some(LocalText { zh: zh?, en: en? })
    }
}

/// The `zh` and `en` values of a text object written the usual way: keys
/// without escapes, `zh` once, `en` at most once and nothing else. Three
/// in four objects in a bank are such texts, and reading them needs none
/// of the general object check's bookkeeping; any other object is `None`,
/// for the general check to read and report.
pub(crate) fn usual_text(node: Node) -> Option<(Node, Option<Node>)> {
    let (mut zh, mut en) = (None, None);
    for member in node.as_members()?.iter() {
        let slot = match member.plain_key()? {
            b"zh" => &mut zh,
            b"en" => &mut en,
            _ => return None,
        };
        if slot.replace(member.value).is_some() {
            return None;
        }
    }
    Some((zh?, en))
}

/// Whether `text` is empty or all white space: `trim().is_empty()`, but
/// stopping at the first visible character. Nearly every text starts with
/// one, and its first byte tells: a visible ASCII character, or the first
/// byte of a character that no white space starts with (those beyond ASCII
/// start with 0xC2, 0xE1, 0xE2 or 0xE3), as every Chinese character.
fn is_blank(text: &str) -> bool {
    let visible = match text.as_bytes().first() {
        Some(&byte) if byte < 0x80 => byte > b' ',
        Some(&byte) => !matches!(byte, 0xC2 | 0xE1 | 0xE2 | 0xE3),
        None => false,
    };
    !visible && text.chars().all(char::is_whitespace)
}

pub(crate) fn start_of(span: Span) -> Span {
    Span {
        start: span.start,
        end: span.start + 1,
    }
}

pub(crate) fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(12).collect();
    if text.chars().count() > 12 {
        short.push('…');
    }
    short
}

#[cfg(test)]
mod size_tests {
    #[test]
    fn every_object_spec_fits_the_found_fields() {
        use crate::bank::fields::*;
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

// Property tests run natively: proptest has no wasm32 backend here.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod blank_tests {
    proptest::proptest! {
        /// The first-byte shortcut finds blank what trimming finds empty,
        /// white space of every kind included.
        #[test]
        fn blank_is_trimmed_empty(
            text in "[ \t\n\u{b}\u{c}\r\u{1}\u{7f}\u{85}\u{a0}\u{a1}\u{1680}\u{2000}\u{200b}\u{2028}\u{202f}\u{205f}\u{3000}\u{3001}a题]{0,3}"
        ) {
            proptest::prop_assert_eq!(super::is_blank(&text), text.trim().is_empty());
        }
    }

    #[test]
    fn every_character_that_is_white_space_starts_as_the_shortcut_expects() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            if c.is_whitespace() {
                assert!(super::is_blank(&c.to_string()), "{c:?}");
            }
        }
    }
}

#[cfg(test)]
mod usual_text_tests {
    use super::{Path, Reader};
    use crate::bank::fields;
    use crate::diagnostic::Problems;
    use crate::json::{parse, LineIndex};
    use crate::{Diagnostic, LocalText};

    /// Reads `json` as a text at most 5 characters long with `read`,
    /// returning the text and the located problems.
    fn read_with(
        json: &str,
        read: impl Fn(&mut Reader, crate::json::Node) -> Option<LocalText>,
    ) -> (Option<LocalText>, Vec<Diagnostic>) {
        let tree = parse(json).unwrap();
        let index = LineIndex::new(json);
        let mut problems = Problems::new();
        let text = read(&mut Reader::new(&mut problems, &index), tree.root());
        (text, problems.locate("t.json", json))
    }

    #[test]
    fn the_usual_text_shortcut_reads_as_the_object_check_does() {
        fn general(reader: &mut Reader, node: crate::json::Node) -> Option<LocalText> {
            let path = Path::ROOT;
            let fields = reader.object(node, &path, fields::TEXT)?;
            reader.text_fields(&fields, &path, 5)
        }
        let texts = [
            r#"{"zh": "中文", "en": "en"}"#,
            r#"{"en": "en", "zh": "中文"}"#,
            r#"{"zh": "中文"}"#,
            r#"{"zh": "太长了的中文"}"#,
            r#"{"zh": " \u3000", "en": ""}"#,
            r#"{"zh": "a", "en": 1}"#,
            r#"{"zh": ["a"]}"#,
            r#"{"z\u0068": "a", "en": "b"}"#,
            r#"{"zh": "a", "zh": "b"}"#,
            r#"{"zh": "a", "en": "b", "en": "c"}"#,
            r#"{"zh": "a", "fixed": true}"#,
            r#"{"en": "b"}"#,
            r#"{}"#,
        ];
        for json in texts {
            let usual = read_with(json, |reader, node| reader.text(node, &Path::ROOT, 5));
            assert_eq!(usual, read_with(json, general), "{json}");
        }
    }
}
