//! The recursive-descent parser behind [`parse`].

use super::{Entry, Kind, Span, Tree};
use crate::Lang;

/// Nesting deeper than this is refused: real banks nest five levels, and a
/// hostile file must not exhaust the stack.
pub const MAX_DEPTH: usize = 64;

/// Why the text is not valid JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// The byte offset where the problem was found.
    pub offset: usize,
    /// What the problem is.
    pub kind: SyntaxErrorKind,
}

/// The kinds of syntax error, phrased for people who edit JSON by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// The file ends in the middle of a value.
    UnexpectedEnd,
    /// A character that cannot start or continue anything here.
    Unexpected {
        /// The character found.
        found: char,
        /// What was expected, in both languages.
        expected: Expected,
    },
    /// A comma before `]` or `}`.
    TrailingComma,
    /// `//` or `/* */`: JSON has no comments.
    Comment,
    /// `'text'`: JSON strings need double quotes.
    SingleQuote,
    /// Full-width punctuation such as `“`, `，` or `：` outside text.
    FullWidth {
        /// The full-width character.
        found: char,
        /// The ASCII character meant.
        ascii: char,
    },
    /// A key without quotes, like `{id: 1}`.
    UnquotedKey,
    /// A line break or other control character inside text.
    ControlInString,
    /// Text that is never closed.
    UnterminatedString,
    /// A backslash escape JSON does not define.
    BadEscape,
    /// A malformed number.
    BadNumber,
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep,
    /// More content after the top-level value.
    TrailingContent,
    /// Bytes that are not UTF-8.
    NotUtf8,
    /// A file with nothing in it.
    Empty,
}

/// What the parser expected where it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A value: text, number, `true`/`false`, `null`, list or object.
    Value,
    /// `,` or the closing bracket.
    CommaOrClose(char),
    /// `:` after a key.
    Colon,
    /// A key in double quotes.
    Key,
}

impl SyntaxErrorKind {
    /// A plain-language message.
    pub fn message(&self, lang: Lang) -> String {
        use SyntaxErrorKind::*;
        let zh = lang == Lang::Zh;
        match self {
            UnexpectedEnd => pick(zh, "文件在这里意外结束：可能缺少 ] 或 }，或者文件没有保存完整。", "The file ends unexpectedly here: a ] or } may be missing, or the file was not saved completely."),
            Unexpected { found, expected } => {
                let (zh_exp, en_exp) = match expected {
                    Expected::Value => ("一个值（带双引号的文字、数字、true/false、列表或对象）".to_string(), "a value (text in double quotes, a number, true/false, a list or an object)".to_string()),
                    Expected::CommaOrClose(close) => (format!("逗号 , 或 {close}（是否漏了逗号？）"), format!("a comma , or {close} (is a comma missing?)")),
                    Expected::Colon => ("冒号 :".to_string(), "a colon :".to_string()),
                    Expected::Key => ("带双引号的字段名".to_string(), "a field name in double quotes".to_string()),
                };
                if zh {
                    format!("这里应是{zh_exp}，却是“{found}”。")
                } else {
                    format!("Expected {en_exp} here, found '{found}'.")
                }
            }
            TrailingComma => pick(zh, "最后一项后面多了一个逗号：请删除 ] 或 } 前面的逗号。", "Extra comma after the last item: remove the comma before ] or }."),
            Comment => pick(zh, "JSON 文件里不能写注释（// 或 /* */）。", "JSON files cannot contain comments (// or /* */)."),
            SingleQuote => pick(zh, "文字要用英文双引号 \" 括起来，不能用单引号 '。", "Text must be in double quotes \", not single quotes '."),
            FullWidth { found, ascii } => if zh {
                format!("这里用了中文标点“{found}”，JSON 的结构符号必须是英文半角的“{ascii}”（题目文字里面可以用中文标点）。")
            } else {
                format!("Full-width '{found}' used here; JSON punctuation must be the ASCII '{ascii}' (Chinese punctuation is fine inside text).")
            },
            UnquotedKey => pick(zh, "字段名要用英文双引号括起来，例如 \"id\"。", "Field names must be in double quotes, e.g. \"id\"."),
            ControlInString => pick(zh, "文字中间不能直接换行：请写成 \\n，或合并成一行。", "Text cannot contain a raw line break: write \\n or keep it on one line."),
            UnterminatedString => pick(zh, "这段文字缺少结尾的双引号 \"。", "This text is missing its closing double quote \"."),
            BadEscape => pick(zh, "反斜杠 \\ 后面的字符无效：要写反斜杠本身，请写成 \\\\。", "Invalid character after a backslash \\: to write a backslash itself, use \\\\."),
            BadNumber => pick(zh, "数字格式不对（例如不能以 0 开头，不能带 + 号）。", "Malformed number (e.g. no leading zeros, no + sign)."),
            TooDeep => format!("{}{MAX_DEPTH}{}", pick(zh, "嵌套层数超过了 ", "Nesting is deeper than "), pick(zh, " 层。", " levels.")),
            TrailingContent => pick(zh, "文件结尾多出了内容：整个文件只能有一个 {...}。", "Extra content after the end: the file must hold a single {...}."),
            NotUtf8 => pick(zh, "文件不是 UTF-8 编码：请在编辑器里另存为 UTF-8。", "The file is not UTF-8: save it as UTF-8 in your editor."),
            Empty => pick(zh, "文件是空的。", "The file is empty."),
        }
    }
}

fn pick(zh: bool, zh_text: &str, en_text: &str) -> String {
    if zh { zh_text } else { en_text }.to_string()
}

/// Parses `text` as one JSON value with spans.
pub fn parse(text: &str) -> Result<Tree<'_>, SyntaxError> {
    let mut parser = Parser::new(text);
    // A byte order mark at the very start is what Windows editors write.
    if text.starts_with('\u{feff}') {
        parser.at = '\u{feff}'.len_utf8();
    }
    // A pretty-printed bank has about one value per 60 bytes: reserving
    // one per 48 saves the list's regrowth without holding much memory it
    // will not use.
    let mut entries = Vec::with_capacity(text.len() / 48);
    parser.skip_space();
    if parser.at == parser.bytes.len() {
        return Err(parser.error(SyntaxErrorKind::Empty));
    }
    parser.value(&mut entries, None)?;
    parser.skip_space();
    if parser.at < parser.bytes.len() {
        return Err(parser.error(SyntaxErrorKind::TrailingContent));
    }
    Ok(Tree { text, entries })
}

/// The decoded text of the string whose opening quote is at byte `open` of
/// `text`, which [`parse`] has accepted (so its escapes are valid).
pub(super) fn unescape(text: &str, open: usize) -> String {
    let mut parser = Parser::new(text);
    parser.at = open;
    let mut decoded = String::new();
    // The string was checked when it was parsed: this cannot fail.
    let _ = parser.string(Some(&mut decoded));
    decoded
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: usize,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser {
            text,
            bytes: text.as_bytes(),
            at: 0,
            depth: 0,
        }
    }

    fn error(&self, kind: SyntaxErrorKind) -> SyntaxError {
        SyntaxError {
            offset: self.at,
            kind,
        }
    }

    fn peek_char(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    /// Explains a character that is wrong here, recognising the usual
    /// slips of hand-edited files.
    fn unexpected(&self, expected: Expected) -> SyntaxError {
        let Some(found) = self.peek_char() else {
            return self.error(SyntaxErrorKind::UnexpectedEnd);
        };
        let kind = match found {
            '/' => SyntaxErrorKind::Comment,
            '\'' => SyntaxErrorKind::SingleQuote,
            '“' | '”' | '＂' => SyntaxErrorKind::FullWidth { found, ascii: '"' },
            '，' | '、' => SyntaxErrorKind::FullWidth { found, ascii: ',' },
            '：' => SyntaxErrorKind::FullWidth { found, ascii: ':' },
            '［' | '【' => SyntaxErrorKind::FullWidth { found, ascii: '[' },
            '］' | '】' => SyntaxErrorKind::FullWidth { found, ascii: ']' },
            '｛' => SyntaxErrorKind::FullWidth { found, ascii: '{' },
            '｝' => SyntaxErrorKind::FullWidth { found, ascii: '}' },
            c if expected == Expected::Key && (c.is_alphanumeric() || c == '_') => {
                SyntaxErrorKind::UnquotedKey
            }
            _ => SyntaxErrorKind::Unexpected { found, expected },
        };
        self.error(kind)
    }

    /// The byte at the current position, if any.
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Skips white space. Most calls find none (the `:` right after a key,
    /// the `,` right after a value), so that check is made in place.
    #[inline(always)]
    fn skip_space(&mut self) {
        if matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.skip_some_space();
        }
    }

    fn skip_some_space(&mut self) {
        while let Some(&byte) = self.bytes.get(self.at) {
            match byte {
                b' ' => self.at += leading_spaces(&self.bytes[self.at..]),
                b'\n' | b'\r' | b'\t' => self.at += 1,
                _ => break,
            }
        }
    }

    /// Parses one value onto the end of `entries`; `key` is the span of its
    /// key, and whether the key has escapes, when it is an object member.
    fn value(
        &mut self,
        entries: &mut Vec<Entry>,
        key: Option<(Span, bool)>,
    ) -> Result<(), SyntaxError> {
        let start = self.at;
        let index = entries.len();
        let kind = match self.peek() {
            None => return Err(self.error(SyntaxErrorKind::UnexpectedEnd)),
            Some(b'{') => return self.container(entries, key, b'}'),
            Some(b'[') => return self.container(entries, key, b']'),
            Some(b'"') => match self.string(None)? {
                true => Kind::Escaped,
                false => Kind::String,
            },
            Some(b't') => self.literal("true", Kind::True)?,
            Some(b'f') => self.literal("false", Kind::False)?,
            Some(b'n') => self.literal("null", Kind::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => return Err(self.unexpected(Expected::Value)),
        };
        entries.push(entry(
            kind,
            Span {
                start,
                end: self.at,
            },
            key,
            index + 1,
        ));
        Ok(())
    }

    fn literal(&mut self, word: &str, kind: Kind) -> Result<Kind, SyntaxError> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(kind)
        } else {
            Err(self.unexpected(Expected::Value))
        }
    }

    /// Parses an object (`close` is `}`) or array (`]`): its entry, then
    /// its contents after it, then the entry is given its end.
    fn container(
        &mut self,
        entries: &mut Vec<Entry>,
        key: Option<(Span, bool)>,
        close: u8,
    ) -> Result<(), SyntaxError> {
        let object = close == b'}';
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(SyntaxErrorKind::TooDeep));
        }
        let start = self.at;
        let index = entries.len();
        let kind = if object { Kind::Object } else { Kind::Array };
        entries.push(entry(kind, Span { start, end: start }, key, index));
        self.at += 1;
        self.skip_space();
        if self.peek() == Some(close) {
            self.at += 1;
        } else {
            loop {
                self.skip_space();
                let empty = entries.len() == index + 1;
                if object {
                    self.member(entries, empty)?;
                } else {
                    if self.peek() == Some(b']') && !empty {
                        return Err(self.error(SyntaxErrorKind::TrailingComma));
                    }
                    self.value(entries, None)?;
                }
                self.skip_space();
                match self.peek() {
                    Some(b',') => self.at += 1,
                    Some(byte) if byte == close => {
                        self.at += 1;
                        break;
                    }
                    _ => return Err(self.unexpected(Expected::CommaOrClose(close as char))),
                }
            }
        }
        self.depth -= 1;
        let next = entries.len();
        let entry = &mut entries[index];
        entry.span.end = self.at;
        entry.next = next;
        Ok(())
    }

    /// Parses `"key": value` onto `entries`, the key kept in the value's
    /// entry; `first` when the object has no member yet.
    fn member(&mut self, entries: &mut Vec<Entry>, first: bool) -> Result<(), SyntaxError> {
        if self.peek() != Some(b'"') {
            if self.peek() == Some(b'}') && !first {
                return Err(self.error(SyntaxErrorKind::TrailingComma));
            }
            return Err(self.unexpected(Expected::Key));
        }
        let start = self.at;
        let escaped = self.string(None)?;
        let key = Span {
            start,
            end: self.at,
        };
        self.skip_space();
        if self.peek() != Some(b':') {
            return Err(self.unexpected(Expected::Colon));
        }
        self.at += 1;
        // The usual one space after the colon is skipped in place.
        if self.peek() == Some(b' ') {
            self.at += 1;
        }
        self.skip_space();
        self.value(entries, Some((key, escaped)))
    }

    fn number(&mut self) -> Result<Kind, SyntaxError> {
        let bytes = self.bytes;
        let mut at = self.at;
        let digit = |at: usize| matches!(bytes.get(at), Some(b'0'..=b'9'));
        let digits = |mut at: usize| {
            while digit(at) {
                at += 1;
            }
            at
        };
        if bytes.get(at) == Some(&b'-') {
            at += 1;
        }
        match bytes.get(at) {
            Some(b'0') => at += 1,
            Some(b'1'..=b'9') => at = digits(at),
            _ => {
                self.at = at;
                return Err(self.error(SyntaxErrorKind::BadNumber));
            }
        }
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            if !digit(at) {
                self.at = at;
                return Err(self.error(SyntaxErrorKind::BadNumber));
            }
            at = digits(at);
        }
        if matches!(bytes.get(at), Some(b'e' | b'E')) {
            at += 1;
            if matches!(bytes.get(at), Some(b'+' | b'-')) {
                at += 1;
            }
            if !digit(at) {
                self.at = at;
                return Err(self.error(SyntaxErrorKind::BadNumber));
            }
            at = digits(at);
        }
        self.at = at;
        if digit(at) {
            return Err(self.error(SyntaxErrorKind::BadNumber));
        }
        Ok(Kind::Number)
    }

    /// Reads the string whose opening quote is at the current position and
    /// returns whether it has escapes; with `decoded`, also appends its
    /// text there.
    fn string(&mut self, mut decoded: Option<&mut String>) -> Result<bool, SyntaxError> {
        let open = self.at;
        self.at += 1;
        let mut escaped = false;
        loop {
            let Some(stop) = string_stop(&self.bytes[self.at..]) else {
                self.at = open;
                return Err(self.error(SyntaxErrorKind::UnterminatedString));
            };
            if let Some(decoded) = decoded.as_deref_mut() {
                decoded.push_str(&self.text[self.at..self.at + stop]);
            }
            self.at += stop;
            match self.bytes[self.at] {
                b'"' => {
                    self.at += 1;
                    return Ok(escaped);
                }
                b'\\' => {
                    escaped = true;
                    let c = self.escape()?;
                    if let Some(decoded) = decoded.as_deref_mut() {
                        decoded.push(c);
                    }
                }
                _ => return Err(self.error(SyntaxErrorKind::ControlInString)),
            }
        }
    }

    /// Reads the escape whose backslash is at the current position.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        self.at += 1;
        let escaped = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                return self.unicode_escape();
            }
            _ => return Err(self.error(SyntaxErrorKind::BadEscape)),
        };
        self.at += 1;
        Ok(escaped)
    }

    /// Reads the four hex digits after `\u` (and a second escape for a
    /// surrogate pair).
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) {
            if self.bytes[self.at..].starts_with(b"\\u") {
                self.at += 2;
                let second = self.hex4()?;
                if (0xDC00..0xE000).contains(&second) {
                    let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                    return char::from_u32(code)
                        .ok_or_else(|| self.error(SyntaxErrorKind::BadEscape));
                }
            }
            return Err(self.error(SyntaxErrorKind::BadEscape));
        }
        char::from_u32(first).ok_or_else(|| self.error(SyntaxErrorKind::BadEscape))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .ok_or_else(|| self.error(SyntaxErrorKind::BadEscape))?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.error(SyntaxErrorKind::BadEscape));
        }
        let value =
            u32::from_str_radix(digits, 16).map_err(|_| self.error(SyntaxErrorKind::BadEscape))?;
        self.at += 4;
        Ok(value)
    }
}

/// An entry of the tree; `key` as [`Parser::value`] takes it.
fn entry(kind: Kind, span: Span, key: Option<(Span, bool)>, next: usize) -> Entry {
    let (key, key_escaped) = key.unwrap_or_default();
    Entry {
        kind,
        key_escaped,
        span,
        key,
        next,
    }
}

/// How many spaces `bytes` starts with. Indentation is a fifth of a
/// pretty-printed bank, so this counts eight at a time: a word of spaces
/// XOR eight spaces is zero, and otherwise its lowest non-zero byte is the
/// first other byte.
fn leading_spaces(bytes: &[u8]) -> usize {
    const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
    let mut count = 0;
    for chunk in bytes.chunks_exact(8) {
        // Cannot fail: `chunks_exact` gives eight bytes.
        let Ok(&eight) = <&[u8; 8]>::try_from(chunk) else {
            break;
        };
        let others = u64::from_le_bytes(eight) ^ SPACES;
        if others != 0 {
            return count + others.trailing_zeros() as usize / 8;
        }
        count += 8;
    }
    count
        + bytes[count..]
            .iter()
            .take_while(|&&byte| byte == b' ')
            .count()
}

/// The index of the first byte in `bytes` that ends a string's plain run:
/// `"`, `\` or a control character.
///
/// Text is most of a bank, so this looks at eight bytes at a time: for
/// each sought byte value, the classic "has a zero byte" test flags a
/// byte of the word when it matches. A flag can be wrongly set only above
/// a byte that is rightly flagged, so the lowest flag is the first match.
fn string_stop(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGHS: u64 = ONES << 7;
    let mut offset = 0;
    for chunk in bytes.chunks_exact(8) {
        // Cannot fail: `chunks_exact` gives eight bytes.
        let Ok(&eight) = <&[u8; 8]>::try_from(chunk) else {
            break;
        };
        let word = u64::from_le_bytes(eight);
        // Every byte of a character beyond ASCII has its high bit set: a
        // word of them, as most of a Chinese text is, holds no stop.
        if word & HIGHS == HIGHS {
            offset += 8;
            continue;
        }
        let quote = word ^ (ONES * u64::from(b'"'));
        let backslash = word ^ (ONES * u64::from(b'\\'));
        let found = (quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (word.wrapping_sub(ONES * 0x20) & !word);
        let found = found & HIGHS;
        if found != 0 {
            return Some(offset + found.trailing_zeros() as usize / 8);
        }
        offset += 8;
    }
    bytes[offset..]
        .iter()
        .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)
        .map(|at| offset + at)
}

#[cfg(test)]
mod tests {
    use super::super::{Node, Value};
    use super::*;
    use std::borrow::Cow;

    fn kind(text: &str) -> SyntaxErrorKind {
        parse(text).unwrap_err().kind
    }

    #[test]
    fn parses_values_with_spans() {
        let text = r#" {"a": [1, -2.5e3, true, null], "b": "x\u00e9\"y", "题": "中"} "#;
        let tree = parse(text).unwrap();
        let node = tree.root();
        let Value::Object(members) = node.value() else {
            panic!("not an object")
        };
        let members: Vec<_> = members.iter().collect();
        assert_eq!(members.len(), 3);
        assert_eq!(members[0].key(), "a");
        assert!(members[0].key_is("a") && !members[0].key_is("b"));
        assert_eq!(
            &text[members[0].key_span().start..members[0].key_span().end],
            "\"a\""
        );
        let Value::Array(items) = members[0].value.value() else {
            panic!("not an array")
        };
        let items: Vec<_> = items.iter().collect();
        assert_eq!(items.len(), 4);
        assert!(matches!(items[1].value(), Value::Number("-2.5e3")));
        assert!(matches!(items[3].value(), Value::Null));
        let span = items[2].span();
        assert_eq!(&text[span.start..span.end], "true");
        assert!(matches!(
            members[1].value.value(),
            Value::String(Cow::Owned(text)) if text == "xé\"y"
        ));
        assert!(matches!(
            members[2].value.value(),
            Value::String(Cow::Borrowed("中"))
        ));
        assert_eq!(node.span().start, 1);
        assert_eq!(node.span().end, text.len() - 1);
        assert_eq!(
            node.get("b").map(|b| b.span()),
            Some(members[1].value.span())
        );
    }

    #[test]
    fn nested_containers_keep_their_contents_apart() {
        let text = r#"{"a": [[], {"x": [1, {}]}, "s"], "b": {}, "c": [[[2]]]}"#;
        let tree = parse(text).unwrap();
        let Value::Object(members) = tree.root().value() else {
            panic!("not an object")
        };
        assert_eq!(members.len(), 3);
        let keys: Vec<_> = members.iter().map(|m| m.key().into_owned()).collect();
        assert_eq!(keys, ["a", "b", "c"]);
        let Some(Value::Array(items)) = tree.root().get("a").map(Node::value) else {
            panic!("not an array")
        };
        assert_eq!(items.len(), 3);
        let sources: Vec<_> = items
            .iter()
            .map(|item| &text[item.span().start..item.span().end])
            .collect();
        assert_eq!(sources, ["[]", r#"{"x": [1, {}]}"#, "\"s\""]);
        let Some(Value::Object(b)) = tree.root().get("b").map(Node::value) else {
            panic!("not an object")
        };
        assert!(b.is_empty());
        let Some(Value::Array(c)) = tree.root().get("c").map(Node::value) else {
            panic!("not an array")
        };
        assert_eq!(c.len(), 1);
        let escaped = parse(r#"{"a\u0062": 1}"#).unwrap();
        assert!(escaped.root().get("ab").is_some());
        assert!(escaped.root().get("a\\u0062").is_none());
    }

    #[test]
    fn finds_the_end_of_plain_text_in_every_position() {
        for len in 0..40 {
            for stop in [b'"', b'\\', b'\n', 0x1f, 0] {
                let mut bytes = "题x".repeat(len).into_bytes();
                let at = bytes.len();
                bytes.push(stop);
                bytes.extend_from_slice(b"ab\"");
                assert_eq!(string_stop(&bytes), Some(at), "{len} {stop}");
            }
            let plain = "题 !#[]~\u{7f}".repeat(len);
            assert_eq!(string_stop(plain.as_bytes()), None);
            let indented = format!("{}\t\"x\"", " ".repeat(len));
            assert_eq!(leading_spaces(indented.as_bytes()), len);
            assert_eq!(leading_spaces(" ".repeat(len).as_bytes()), len);
        }
    }

    #[test]
    fn explains_common_hand_editing_slips() {
        assert_eq!(kind(r#"{"a": 1,}"#), SyntaxErrorKind::TrailingComma);
        assert_eq!(kind(r#"[1, 2,]"#), SyntaxErrorKind::TrailingComma);
        assert_eq!(kind("{\"a\": 1 // note\n}"), SyntaxErrorKind::Comment);
        assert_eq!(kind("// note\n{}"), SyntaxErrorKind::Comment);
        assert_eq!(kind("{'a': 1}"), SyntaxErrorKind::SingleQuote);
        assert_eq!(kind("{a: 1}"), SyntaxErrorKind::UnquotedKey);
        assert_eq!(
            kind("{\"a\"： 1}"),
            SyntaxErrorKind::FullWidth {
                found: '：',
                ascii: ':'
            }
        );
        assert_eq!(
            kind("{\"a\": 1， \"b\": 2}"),
            SyntaxErrorKind::FullWidth {
                found: '，',
                ascii: ','
            }
        );
        assert_eq!(
            kind("{\"a\": “x”}"),
            SyntaxErrorKind::FullWidth {
                found: '“',
                ascii: '"'
            }
        );
        assert_eq!(kind("{\"a\": \"x\ny\"}"), SyntaxErrorKind::ControlInString);
        assert_eq!(kind("{\"a\": \"x"), SyntaxErrorKind::UnterminatedString);
        assert_eq!(kind("{\"a\": \"\\q\"}"), SyntaxErrorKind::BadEscape);
        assert_eq!(kind("{\"a\": 01}"), SyntaxErrorKind::BadNumber);
        assert_eq!(kind("{\"a\": 1} x"), SyntaxErrorKind::TrailingContent);
        assert_eq!(kind("   "), SyntaxErrorKind::Empty);
        assert_eq!(kind("{\"a\": [1, 2"), SyntaxErrorKind::UnexpectedEnd);
    }

    #[test]
    fn positions_point_at_the_problem() {
        let text = "{\n  \"a\": 1\n  \"b\": 2\n}";
        let error = parse(text).unwrap_err();
        assert_eq!(error.offset, text.find("\"b\"").unwrap());
        assert!(error.kind.message(Lang::Zh).contains("逗号"));
        assert!(error.kind.message(Lang::En).contains("comma"));
    }

    #[test]
    fn refuses_deep_nesting_without_overflowing_the_stack() {
        let deep = "[".repeat(100_000);
        assert_eq!(kind(&deep), SyntaxErrorKind::TooDeep);
    }

    #[test]
    fn accepts_a_byte_order_mark_and_surrogate_pairs() {
        let tree = parse("\u{feff}{\"a\": \"\\ud83d\\ude00\"}").unwrap();
        assert!(matches!(
            tree.root().get("a").map(Node::value),
            Some(Value::String(text)) if text == "😀"
        ));
        assert_eq!(kind("\"\\ud83d\""), SyntaxErrorKind::BadEscape);
    }
}
