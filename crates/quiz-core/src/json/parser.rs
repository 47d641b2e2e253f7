//! The recursive-descent parser behind [`parse`].

use super::{Member, Node, Span, Value};
use crate::Lang;
use std::borrow::Cow;

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
pub fn parse(text: &str) -> Result<Node<'_>, SyntaxError> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    parser.skip_space()?;
    if parser.at == parser.bytes.len() {
        return Err(parser.error(SyntaxErrorKind::Empty));
    }
    let node = parser.value()?;
    parser.skip_space()?;
    if parser.at < parser.bytes.len() {
        return Err(parser.error(SyntaxErrorKind::TrailingContent));
    }
    Ok(node)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: usize,
}

impl<'a> Parser<'a> {
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

    fn skip_space(&mut self) -> Result<(), SyntaxError> {
        while let Some(&byte) = self.bytes.get(self.at) {
            match byte {
                b' ' | b'\t' | b'\n' | b'\r' => self.at += 1,
                // A byte order mark at the very start is what Windows editors write.
                0xEF if self.at == 0 && self.bytes.starts_with(b"\xEF\xBB\xBF") => self.at += 3,
                _ => break,
            }
        }
        Ok(())
    }

    fn value(&mut self) -> Result<Node<'a>, SyntaxError> {
        let start = self.at;
        let value = match self.bytes.get(self.at) {
            None => return Err(self.error(SyntaxErrorKind::UnexpectedEnd)),
            Some(b'{') => self.object()?,
            Some(b'[') => self.array()?,
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => return Err(self.unexpected(Expected::Value)),
        };
        Ok(Node {
            value,
            span: Span {
                start,
                end: self.at,
            },
        })
    }

    fn literal(&mut self, word: &str, value: Value<'a>) -> Result<Value<'a>, SyntaxError> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.unexpected(Expected::Value))
        }
    }

    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(SyntaxErrorKind::TooDeep));
        }
        Ok(())
    }

    fn object(&mut self) -> Result<Value<'a>, SyntaxError> {
        self.enter()?;
        self.at += 1;
        let mut members = Vec::new();
        self.skip_space()?;
        if self.bytes.get(self.at) == Some(&b'}') {
            self.at += 1;
            self.depth -= 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_space()?;
            if self.bytes.get(self.at) != Some(&b'"') {
                if self.bytes.get(self.at) == Some(&b'}') && !members.is_empty() {
                    return Err(self.error(SyntaxErrorKind::TrailingComma));
                }
                return Err(self.unexpected(Expected::Key));
            }
            let key_start = self.at;
            let key = self.string()?;
            let key_span = Span {
                start: key_start,
                end: self.at,
            };
            self.skip_space()?;
            if self.bytes.get(self.at) != Some(&b':') {
                return Err(self.unexpected(Expected::Colon));
            }
            self.at += 1;
            self.skip_space()?;
            let value = self.value()?;
            members.push(Member {
                key,
                key_span,
                value,
            });
            self.skip_space()?;
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    break;
                }
                _ => return Err(self.unexpected(Expected::CommaOrClose('}'))),
            }
        }
        self.depth -= 1;
        Ok(Value::Object(members))
    }

    fn array(&mut self) -> Result<Value<'a>, SyntaxError> {
        self.enter()?;
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space()?;
        if self.bytes.get(self.at) == Some(&b']') {
            self.at += 1;
            self.depth -= 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_space()?;
            if self.bytes.get(self.at) == Some(&b']') && !items.is_empty() {
                return Err(self.error(SyntaxErrorKind::TrailingComma));
            }
            items.push(self.value()?);
            self.skip_space()?;
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    break;
                }
                _ => return Err(self.unexpected(Expected::CommaOrClose(']'))),
            }
        }
        self.depth -= 1;
        Ok(Value::Array(items))
    }

    fn number(&mut self) -> Result<Value<'a>, SyntaxError> {
        let start = self.at;
        let bytes = self.bytes;
        let mut at = self.at;
        if bytes.get(at) == Some(&b'-') {
            at += 1;
        }
        match bytes.get(at) {
            Some(b'0') => at += 1,
            Some(b'1'..=b'9') => {
                while matches!(bytes.get(at), Some(b'0'..=b'9')) {
                    at += 1;
                }
            }
            _ => {
                self.at = at;
                return Err(self.error(SyntaxErrorKind::BadNumber));
            }
        }
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            if !matches!(bytes.get(at), Some(b'0'..=b'9')) {
                self.at = at;
                return Err(self.error(SyntaxErrorKind::BadNumber));
            }
            while matches!(bytes.get(at), Some(b'0'..=b'9')) {
                at += 1;
            }
        }
        if matches!(bytes.get(at), Some(b'e' | b'E')) {
            at += 1;
            if matches!(bytes.get(at), Some(b'+' | b'-')) {
                at += 1;
            }
            if !matches!(bytes.get(at), Some(b'0'..=b'9')) {
                self.at = at;
                return Err(self.error(SyntaxErrorKind::BadNumber));
            }
            while matches!(bytes.get(at), Some(b'0'..=b'9')) {
                at += 1;
            }
        }
        if matches!(bytes.get(at), Some(b'0'..=b'9')) {
            self.at = at;
            return Err(self.error(SyntaxErrorKind::BadNumber));
        }
        self.at = at;
        Ok(Value::Number(&self.text[start..at]))
    }

    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        let open = self.at;
        self.at += 1;
        let content_start = self.at;
        // Fast path: no escapes, borrow the text. One scan over the slice for
        // the first byte that ends it (a tight loop, unlike per-byte
        // bounds-checked reads through `self`).
        let rest = &self.bytes[self.at..];
        let Some(stop) = rest
            .iter()
            .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)
        else {
            self.at = open;
            return Err(self.error(SyntaxErrorKind::UnterminatedString));
        };
        self.at += stop;
        match rest[stop] {
            b'"' => {
                let text = &self.text[content_start..self.at];
                self.at += 1;
                return Ok(Cow::Borrowed(text));
            }
            b'\\' => {}
            _ => return Err(self.error(SyntaxErrorKind::ControlInString)),
        }
        let mut owned = String::from(&self.text[content_start..self.at]);
        loop {
            match self.bytes.get(self.at) {
                None => {
                    self.at = open;
                    return Err(self.error(SyntaxErrorKind::UnterminatedString));
                }
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Cow::Owned(owned));
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = match self.bytes.get(self.at) {
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
                            let c = self.unicode_escape()?;
                            owned.push(c);
                            continue;
                        }
                        _ => return Err(self.error(SyntaxErrorKind::BadEscape)),
                    };
                    owned.push(escaped);
                    self.at += 1;
                }
                Some(&byte) if byte < 0x20 => {
                    return Err(self.error(SyntaxErrorKind::ControlInString))
                }
                Some(_) => {
                    let c = self.peek_char().unwrap_or('\u{fffd}');
                    owned.push(c);
                    self.at += c.len_utf8();
                }
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> SyntaxErrorKind {
        parse(text).unwrap_err().kind
    }

    #[test]
    fn parses_values_with_spans() {
        let text = r#" {"a": [1, -2.5e3, true, null], "b": "x\u00e9\"y", "题": "中"} "#;
        let node = parse(text).unwrap();
        let Value::Object(members) = &node.value else {
            panic!("not an object")
        };
        assert_eq!(members.len(), 3);
        assert_eq!(members[0].key, "a");
        assert_eq!(
            &text[members[0].key_span.start..members[0].key_span.end],
            "\"a\""
        );
        let Value::Array(items) = &members[0].value.value else {
            panic!("not an array")
        };
        assert_eq!(items[1].value, Value::Number("-2.5e3"));
        assert_eq!(&text[items[2].span.start..items[2].span.end], "true");
        assert_eq!(members[1].value.value, Value::String("xé\"y".into()));
        assert!(matches!(
            &members[2].value.value,
            Value::String(Cow::Borrowed("中"))
        ));
        assert_eq!(node.span.start, 1);
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
        let node = parse("\u{feff}{\"a\": \"\\ud83d\\ude00\"}").unwrap();
        let Value::Object(members) = node.value else {
            panic!()
        };
        assert_eq!(members[0].value.value, Value::String("😀".into()));
        assert_eq!(kind("\"\\ud83d\""), SyntaxErrorKind::BadEscape);
    }
}
