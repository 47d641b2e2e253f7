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

/// A parsed document: every value in one flat list, in source order.
///
/// A bank of 5,000 questions has over a hundred thousand values. Keeping
/// them in one list, rather than a vector per object and array, makes the
/// tree one allocation instead of tens of thousands, smaller, and free to
/// drop; values are read through [`Node`] handles.
#[derive(Debug)]
pub struct Tree<'a> {
    /// The source text the spans point into.
    text: &'a str,
    /// The values in source order, each container followed by its
    /// contents.
    entries: Vec<Entry>,
}

/// One value in a [`Tree`]'s list.
#[derive(Debug, Clone, Copy)]
struct Entry {
    kind: Kind,
    /// Whether the value is an object member whose key has escapes.
    key_escaped: bool,
    /// Where the value is in the source (a string's with its quotes).
    span: Span,
    /// Where the key is, with its quotes, when the value is an object
    /// member: keys live in their value's entry, which halves the entries
    /// of an object.
    key: Span,
    /// The index just past this value and everything inside it: its next
    /// sibling.
    next: usize,
}

/// The kinds of value an [`Entry`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Null,
    False,
    True,
    Number,
    /// A string with no backslash: its text is the source between the
    /// quotes.
    String,
    /// A string with escapes, decoded only when it is read (few strings
    /// have any, so parsing copies no text).
    Escaped,
    Array,
    Object,
}

impl<'a> Tree<'a> {
    /// The text of the string at `span` (with its quotes).
    fn string(&self, span: Span, escaped: bool) -> Cow<'_, str> {
        match escaped {
            true => Cow::Owned(parser::unescape(self.text, span.start)),
            false => Cow::Borrowed(&self.text[span.start + 1..span.end - 1]),
        }
    }

    /// The top-level value.
    pub fn root(&self) -> Node<'_> {
        Node {
            tree: self,
            index: 0,
        }
    }
}

/// A JSON value in a [`Tree`], with its span: a copyable handle.
#[derive(Clone, Copy)]
pub struct Node<'t> {
    tree: &'t Tree<'t>,
    index: usize,
}

impl<'t> Node<'t> {
    // The accessors are inlined by force: the release profile optimises
    // for size, which otherwise leaves each a call, and they are most of
    // what the checker does per value.
    #[inline(always)]
    fn entry(self) -> Entry {
        // Indexing the slice is a bounds check in place; indexing the `Vec`
        // is a call.
        let entries: &[Entry] = &self.tree.entries;
        entries[self.index]
    }

    /// Where the value is in the source.
    #[inline(always)]
    pub fn span(self) -> Span {
        self.entry().span
    }

    /// The value, with strings decoded and containers ready to iterate.
    pub fn value(self) -> Value<'t> {
        let entry = self.entry();
        let contents = Children {
            tree: self.tree,
            at: self.index + 1,
            end: entry.next,
        };
        match entry.kind {
            Kind::Null => Value::Null,
            Kind::False => Value::Bool(false),
            Kind::True => Value::Bool(true),
            Kind::Number => Value::Number(self.source()),
            Kind::String | Kind::Escaped => Value::String(self.string()),
            Kind::Array => Value::Array(Items(contents)),
            Kind::Object => Value::Object(Members(contents)),
        }
    }

    /// The text when the value is a string: what matching
    /// [`Node::value`] for a string gives, without building the other
    /// kinds. Most values the checker reads are strings.
    #[inline(always)]
    pub(crate) fn as_str(self) -> Option<Cow<'t, str>> {
        let entry = self.entry();
        match entry.kind {
            Kind::String => Some(self.tree.string(entry.span, false)),
            Kind::Escaped => Some(self.tree.string(entry.span, true)),
            _ => None,
        }
    }

    /// The members when the value is an object, as [`Node::as_str`] is to
    /// strings.
    #[inline(always)]
    pub(crate) fn as_members(self) -> Option<Members<'t>> {
        let entry = self.entry();
        (entry.kind == Kind::Object).then_some(Members(Children {
            tree: self.tree,
            at: self.index + 1,
            end: entry.next,
        }))
    }

    /// The value's source text.
    fn source(self) -> &'t str {
        let Span { start, end } = self.span();
        &self.tree.text[start..end]
    }

    /// The text of a string value.
    fn string(self) -> Cow<'t, str> {
        let entry = self.entry();
        self.tree.string(entry.span, entry.kind == Kind::Escaped)
    }

    /// The value of `key` when this is an object that has it (the first, if
    /// the key is repeated).
    pub fn get(self, key: &str) -> Option<Node<'t>> {
        (self.as_members()?.iter())
            .find(|member| member.key_is(key))
            .map(|member| member.value)
    }
}

impl std::fmt::Debug for Node<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Node")
            .field("kind", &self.entry().kind)
            .field("span", &self.span())
            .finish()
    }
}

/// The values directly inside a container, in order: the entries from
/// `at` to `end`, stepping over those nested deeper.
#[derive(Clone, Copy)]
struct Children<'t> {
    tree: &'t Tree<'t>,
    at: usize,
    end: usize,
}

impl<'t> Iterator for Children<'t> {
    type Item = Node<'t>;

    // Inlined by force, as `Node`'s accessors are: the checker steps
    // through every member of every object.
    #[inline(always)]
    fn next(&mut self) -> Option<Node<'t>> {
        if self.at >= self.end {
            return None;
        }
        let node = Node {
            tree: self.tree,
            index: self.at,
        };
        self.at = node.entry().next;
        Some(node)
    }
}

/// An array's items.
#[derive(Clone, Copy)]
pub struct Items<'t>(Children<'t>);

impl<'t> Items<'t> {
    /// The items in order.
    pub fn iter(self) -> impl Iterator<Item = Node<'t>> {
        self.0
    }

    /// How many items there are (counted, not stored: the lists a checker
    /// counts are short, or counted once).
    pub fn len(self) -> usize {
        self.0.count()
    }

    /// Whether there are none.
    pub fn is_empty(self) -> bool {
        self.0.at == self.0.end
    }
}

/// An object's members, in source order (duplicates kept, so they can be
/// reported).
#[derive(Clone, Copy)]
pub struct Members<'t>(Children<'t>);

impl<'t> Members<'t> {
    /// The members in order.
    pub fn iter(self) -> impl Iterator<Item = Member<'t>> {
        self
    }

    /// How many members there are.
    pub fn len(self) -> usize {
        self.0.count()
    }

    /// Whether there are none.
    pub fn is_empty(self) -> bool {
        self.0.at == self.0.end
    }
}

impl<'t> Iterator for Members<'t> {
    type Item = Member<'t>;

    #[inline(always)]
    fn next(&mut self) -> Option<Member<'t>> {
        self.0.next().map(|value| Member { value })
    }
}

/// A member of an object: the key and its value.
#[derive(Debug, Clone, Copy)]
pub struct Member<'t> {
    /// The value, whose entry also holds the key.
    pub value: Node<'t>,
}

impl<'t> Member<'t> {
    /// The key's text.
    pub fn key(self) -> Cow<'t, str> {
        let entry = self.value.entry();
        self.value.tree.string(entry.key, entry.key_escaped)
    }

    /// The key's source between its quotes when it has no escapes, so
    /// that it is the key's text: keys are compared with field names for
    /// every member of every object, and this compares them in place.
    #[inline(always)]
    pub(crate) fn plain_key(self) -> Option<&'t [u8]> {
        let Entry {
            key, key_escaped, ..
        } = self.value.entry();
        match key_escaped {
            true => None,
            false => self
                .value
                .tree
                .text
                .as_bytes()
                .get(key.start + 1..key.end - 1),
        }
    }

    /// Whether the key is `name`.
    pub fn key_is(self, name: &str) -> bool {
        match self.plain_key() {
            Some(key) => same_bytes(key, name.as_bytes()),
            None => self.key() == name,
        }
    }

    /// Where the key (with its quotes) is.
    pub fn key_span(self) -> Span {
        self.value.entry().key
    }
}

/// Whether `a` and `b` are the same bytes, for keys and field names: they
/// are short and usually differ in length, so the lengths are compared and
/// then the bytes, in place rather than through calls (to `memcmp`, or an
/// iterator's, which the size-optimised build does not inline).
#[inline(always)]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut at = 0;
    while at < a.len() {
        if a[at] != b[at] {
            return false;
        }
        at += 1;
    }
    true
}

/// The kinds of JSON value, as [`Node::value`] reads them.
#[derive(Clone)]
pub enum Value<'t> {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, kept as its source text so integers are checked exactly.
    Number(&'t str),
    /// A string, borrowed when it has no escapes.
    String(Cow<'t, str>),
    /// An array.
    Array(Items<'t>),
    /// An object.
    Object(Members<'t>),
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
            let bytes = self.text.as_bytes();
            let mut starts = vec![0];
            let mut at = 0;
            while let Some(found) = find_newline(&bytes[at..]) {
                at += found + 1;
                starts.push(at);
            }
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

    /// The 1-based line of a byte offset alone, without counting columns:
    /// a binary search, whatever the layout.
    pub fn line(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.line_starts().partition_point(|&start| start <= offset)
    }

    /// 1-based line and column (in characters) of each offset, for offsets
    /// in ascending order, counting each character of the text at most
    /// once. [`LineIndex::line_col`] counts from the line's start each time,
    /// which on a one-line (minified) file makes locating many problems
    /// quadratic.
    pub fn line_cols_ascending(&self, offsets: &[usize]) -> Vec<(usize, usize)> {
        // A file without problems is the usual case: it needs no line
        // breaks found, which in a large bank is a pass over every byte.
        if offsets.is_empty() {
            return Vec::new();
        }
        let line_starts = self.line_starts();
        // Where the last offset was: its line, byte and column.
        let (mut line, mut at, mut column) = (0usize, 0usize, 0usize);
        offsets
            .iter()
            .map(|&offset| {
                let offset = offset.min(self.text.len());
                let next_line = line_starts.get(line + 1).copied().unwrap_or(usize::MAX);
                if offset < at || offset >= next_line {
                    line = line_starts.partition_point(|&start| start <= offset) - 1;
                    at = line_starts[line];
                    column = 0;
                }
                column += self
                    .text
                    .get(at..offset)
                    .map_or(offset - at, |step| step.chars().count());
                at = offset;
                (line + 1, column + 1)
            })
            .collect()
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

/// The index of the first line break in `bytes`. A bank is mostly long
/// lines of text, so this looks at eight bytes at a time, as the parser's
/// string scan does: the "has a zero byte" test on the word XOR eight line
/// breaks flags the matching bytes, the lowest flag being the first.
fn find_newline(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGHS: u64 = ONES << 7;
    const NEWLINES: u64 = ONES * b'\n' as u64;
    let mut offset = 0;
    for chunk in bytes.chunks_exact(8) {
        // Cannot fail: `chunks_exact` gives eight bytes.
        let Ok(&eight) = <&[u8; 8]>::try_from(chunk) else {
            break;
        };
        let word = u64::from_le_bytes(eight) ^ NEWLINES;
        let found = word.wrapping_sub(ONES) & !word & HIGHS;
        if found != 0 {
            return Some(offset + found.trailing_zeros() as usize / 8);
        }
        offset += 8;
    }
    bytes[offset..]
        .iter()
        .position(|&byte| byte == b'\n')
        .map(|at| offset + at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_line_breaks_in_every_position() {
        for len in 0..40 {
            for filler in ["题", "x", "\r", "\u{8a}"] {
                let text = format!("{}\n{}\n", filler.repeat(len), "题".repeat(len));
                let expected: Vec<usize> = std::iter::once(0)
                    .chain(text.match_indices('\n').map(|(at, _)| at + 1))
                    .collect();
                assert_eq!(LineIndex::new(&text).line_starts(), expected, "{len}");
                assert_eq!(find_newline(filler.repeat(len).as_bytes()), None);
            }
        }
        assert!(LineIndex::new("{\n}").line_cols_ascending(&[]).is_empty());
    }

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

    #[test]
    fn a_file_with_nothing_to_place_is_not_indexed() {
        let index = LineIndex::new("{\n}\n");
        assert!(index.line_cols_ascending(&[]).is_empty());
        assert!(index.line_starts.get().is_none());
        assert_eq!(index.line_cols_ascending(&[2]), vec![(2, 1)]);
    }
}
