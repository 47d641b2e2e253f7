//! A strict JSON parser that remembers where every value and key came from.
//!
//! Coordinators edit bank files by hand, so every problem must be reported
//! with its line and column. `serde_json` loses positions once a value is
//! parsed; this parser keeps a byte span on every node and borrows strings
//! from the input where it can, so parsing stays fast and allocation-light.

mod parser;
pub mod read;
pub mod write;

pub use parser::{parse, SyntaxError, SyntaxErrorKind};

use std::borrow::Cow;
use std::cell::OnceCell;

/// Byte offsets `start..end` into the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A JSON value with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    /// The value.
    pub value: Value<'a>,
    /// Where the value is in the source.
    pub span: Span,
}

/// A member of an object: the key, where it is, and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Member<'a> {
    /// The key's text.
    pub key: Cow<'a, str>,
    /// Where the key (with its quotes) is.
    pub key_span: Span,
    /// The value.
    pub value: Node<'a>,
}

/// The kinds of JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, kept as its source text so integers are checked exactly.
    Number(&'a str),
    /// A string, borrowed when it has no escapes.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Node<'a>>),
    /// An object, members in source order (duplicates kept, so they can be
    /// reported).
    Object(Vec<Member<'a>>),
}

impl Value<'_> {
    /// The kind's name in both languages, for "expected X, found Y" messages.
    pub fn kind_name(&self) -> (&'static str, &'static str) {
        match self {
            Value::Null => ("null", "null"),
            Value::Bool(_) => ("布尔值 true/false", "a boolean"),
            Value::Number(_) => ("数字", "a number"),
            Value::String(_) => ("文字（字符串）", "a string"),
            Value::Array(_) => ("列表 [...]", "a list [...]"),
            Value::Object(_) => ("对象 {...}", "an object {...}"),
        }
    }
}

/// Converts byte offsets to 1-based line and column numbers (columns count
/// characters, as editors do).
pub struct LineIndex<'a> {
    text: &'a str,
    /// Where each line starts, found on first use: most files have no
    /// problem to locate, and scanning a large bank for line breaks costs a
    /// tenth of checking it.
    line_starts: OnceCell<Vec<usize>>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`; the text is scanned only when a position is asked for.
    pub fn new(text: &'a str) -> Self {
        LineIndex {
            text,
            line_starts: OnceCell::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(
                self.text
                    .bytes()
                    .enumerate()
                    .filter(|(_, byte)| *byte == b'\n')
                    .map(|(at, _)| at + 1),
            );
            starts
        })
    }

    /// The 1-based line and column of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line_starts = self.line_starts();
        let line = line_starts.partition_point(|&start| start <= offset) - 1;
        let start = line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |prefix| prefix.chars().count());
        (line + 1, column + 1)
    }

    /// The text of 1-based `line`, without its line break.
    pub fn line_text(&self, line: usize) -> &'a str {
        let line_starts = self.line_starts();
        let Some(&start) = line_starts.get(line.saturating_sub(1)) else {
            return "";
        };
        let end = line_starts
            .get(line)
            .map_or(self.text.len(), |next| next - 1);
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches('\r')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = "{\n  \"题\": 1,\n  \"x\": 2\n}";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(0), (1, 1));
        let at = text.find("1,").unwrap();
        assert_eq!(index.line_col(at), (2, 8));
        let at = text.find("\"x\"").unwrap();
        assert_eq!(index.line_col(at), (3, 3));
        assert_eq!(index.line_text(2), "  \"题\": 1,");
        assert_eq!(index.line_col(text.len()), (4, 2));
    }
}
