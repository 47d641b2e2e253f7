//! A small JSON writer for the values the app stores and sends.
//!
//! The app's stored progress, unfinished attempts and host messages are
//! written by hand with this instead of `serde_json`: serde's generic
//! serializers and float formatting cost the WebAssembly about a tenth of
//! its size, and every kilobyte is download time on a phone. Only what the
//! stored forms need is here: objects, arrays, strings and integers.

/// Appends `text` as a JSON string literal, escaped as RFC 8259 requires:
/// quotes, backslashes and control characters; everything else as is.
pub fn push_string(out: &mut String, text: &str) {
    out.push('"');
    let mut plain_from = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[plain_from..at]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 0xf)] as char);
        } else {
            out.push_str(escape);
        }
        plain_from = at + 1;
    }
    out.push_str(&text[plain_from..]);
    out.push('"');
}

/// `text` as a JSON string literal.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_string(&mut out, text);
    out
}

/// Appends a JSON object to `out`: `fill` writes its members, and the
/// object is closed after it, so no encoder can leave one open (an
/// `end()` to remember could be forgotten on one path and pass silently).
#[inline]
pub fn push_object(out: &mut String, fill: impl FnOnce(&mut ObjectWriter<'_>)) {
    out.push('{');
    let mut object = ObjectWriter { out, empty: true };
    fill(&mut object);
    object.out.push('}');
}

/// Writes one JSON object's members, placing the commas, so the encoders
/// read as a list of fields. Only [`push_object`] makes one.
pub struct ObjectWriter<'o> {
    out: &'o mut String,
    empty: bool,
}

impl ObjectWriter<'_> {
    /// Starts a member and returns the output to write its value to.
    pub fn key(&mut self, key: &str) -> &mut String {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        push_string(self.out, key);
        self.out.push(':');
        self.out
    }

    /// A string member.
    pub fn string(&mut self, key: &str, value: &str) -> &mut Self {
        push_string(self.key(key), value);
        self
    }

    /// An unsigned integer member.
    pub fn uint(&mut self, key: &str, value: impl Into<u64>) -> &mut Self {
        push_uint(self.key(key), value.into());
        self
    }

    /// A signed integer member.
    pub fn int(&mut self, key: &str, value: impl Into<i64>) -> &mut Self {
        push_int(self.key(key), value.into());
        self
    }

    /// A boolean member.
    pub fn bool(&mut self, key: &str, value: bool) -> &mut Self {
        self.key(key).push_str(if value { "true" } else { "false" });
        self
    }

    /// An optional integer member, `null` when absent.
    pub fn opt_int(&mut self, key: &str, value: Option<u64>) -> &mut Self {
        match value {
            Some(value) => self.uint(key, value),
            None => {
                self.key(key).push_str("null");
                self
            }
        }
    }
}

/// Appends an unsigned integer in decimal, without the formatting
/// machinery.
pub fn push_uint(out: &mut String, mut value: u64) {
    let mut digits = [0_u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    for &digit in &digits[start..] {
        out.push(char::from(digit));
    }
}

/// Appends a signed integer in decimal.
pub fn push_int(out: &mut String, value: i64) {
    if value < 0 {
        out.push('-');
    }
    push_uint(out, value.unsigned_abs());
}

/// Appends `items` as a JSON array, each written by `write`.
pub fn push_array<T>(out: &mut String, items: &[T], mut write: impl FnMut(&mut String, &T)) {
    out.push('[');
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        write(out, item);
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_what_json_requires_and_nothing_else() {
        let text = "党章 \"quote\" back\\slash\nline\ttab\u{1}\u{1f}/é";
        let written = quoted(text);
        assert_eq!(
            written,
            "\"党章 \\\"quote\\\" back\\\\slash\\nline\\ttab\\u0001\\u001f/é\""
        );
        let read: String = serde_json::from_str(&written).unwrap();
        assert_eq!(read, text);
    }

    #[test]
    fn objects_place_commas_between_members() {
        let mut out = String::new();
        push_object(&mut out, |object| {
            object
                .string("a", "x")
                .uint("b", u64::MAX)
                .int("c", i64::MIN)
                .uint("z", 0_u32)
                .bool("d", true)
                .opt_int("e", None);
            push_array(object.key("f"), &[1_u32, 2], |out, n| {
                push_uint(out, (*n).into())
            });
        });
        assert_eq!(
            out,
            r#"{"a":"x","b":18446744073709551615,"c":-9223372036854775808,"z":0,"d":true,"e":null,"f":[1,2]}"#
        );
        assert_eq!(push_empty(), "{}");
    }

    fn push_empty() -> String {
        let mut out = String::new();
        push_object(&mut out, |_| {});
        out
    }
}
