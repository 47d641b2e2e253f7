//! Typed reading of a parsed tree, for the stored forms the app reads back
//! (progress, unfinished attempts, backups).
//!
//! These read with serde's rules for derived structs (a field given twice
//! is an error, unknown fields are ignored, integers must be whole and in
//! range) so values written by earlier builds, which used `serde_json`,
//! read back exactly as before; `serde_json` itself stays out of the
//! WebAssembly. Errors are short English phrases: they end up in the
//! console and after a translated "damaged" notice.

use super::{Items, Members, Node, Value};
use std::borrow::Cow;

/// A reading error: what was wrong, for the console and the notice.
pub type ReadError = String;

/// An object read as a record: fields looked up by name.
#[derive(Clone, Copy)]
pub struct Fields<'t> {
    members: Members<'t>,
}

impl<'t> Fields<'t> {
    /// The members of `node`, which must be an object.
    pub fn of(node: Node<'t>, what: &str) -> Result<Self, ReadError> {
        Ok(Fields {
            members: members(node, what)?,
        })
    }

    /// The field `key`, if present; given twice is an error, as in serde.
    pub fn get(&self, key: &str) -> Result<Option<Node<'t>>, ReadError> {
        let mut found = None;
        for member in self.members.iter() {
            if member.key_is(key) {
                if found.is_some() {
                    return Err(format!("duplicate field `{key}`"));
                }
                found = Some(member.value);
            }
        }
        Ok(found)
    }

    /// The field `key`, which must be present.
    pub fn required(&self, key: &str) -> Result<Node<'t>, ReadError> {
        self.get(key)?
            .ok_or_else(|| format!("missing field `{key}`"))
    }

    /// A required string field.
    pub fn string(&self, key: &str) -> Result<String, ReadError> {
        string(self.required(key)?, key).map(Cow::into_owned)
    }

    /// A string field that defaults to empty.
    pub fn string_or_empty(&self, key: &str) -> Result<String, ReadError> {
        match self.get(key)? {
            Some(node) => string(node, key).map(Cow::into_owned),
            None => Ok(String::new()),
        }
    }

    /// A required unsigned integer field that fits `T`.
    pub fn uint<T: TryFrom<u64>>(&self, key: &str) -> Result<T, ReadError> {
        uint(self.required(key)?, key)
    }

    /// An unsigned integer field that defaults to zero.
    pub fn uint_or_zero<T: TryFrom<u64> + Default>(&self, key: &str) -> Result<T, ReadError> {
        self.get(key)?
            .map_or(Ok(T::default()), |node| uint(node, key))
    }

    /// An optional integer field: absent and `null` are both `None`.
    pub fn opt_uint(&self, key: &str) -> Result<Option<u64>, ReadError> {
        match self.get(key)? {
            None => Ok(None),
            Some(node) if matches!(node.value(), Value::Null) => Ok(None),
            Some(node) => uint(node, key).map(Some),
        }
    }

    /// A required boolean field.
    pub fn bool(&self, key: &str) -> Result<bool, ReadError> {
        boolean(self.required(key)?, key)
    }

    /// A boolean field that defaults to false.
    pub fn bool_or_false(&self, key: &str) -> Result<bool, ReadError> {
        self.get(key)?.map_or(Ok(false), |node| boolean(node, key))
    }
}

/// The members of an object.
pub fn members<'t>(node: Node<'t>, what: &str) -> Result<Members<'t>, ReadError> {
    match node.value() {
        Value::Object(members) => Ok(members),
        other => Err(mismatch(what, "an object", &other)),
    }
}

/// The elements of an array.
pub fn elements<'t>(node: Node<'t>, what: &str) -> Result<Items<'t>, ReadError> {
    match node.value() {
        Value::Array(items) => Ok(items),
        other => Err(mismatch(what, "a list", &other)),
    }
}

/// A string's text.
pub fn string<'t>(node: Node<'t>, what: &str) -> Result<Cow<'t, str>, ReadError> {
    match node.value() {
        Value::String(text) => Ok(text),
        other => Err(mismatch(what, "a string", &other)),
    }
}

/// A boolean.
pub fn boolean(node: Node<'_>, what: &str) -> Result<bool, ReadError> {
    match node.value() {
        Value::Bool(value) => Ok(value),
        other => Err(mismatch(what, "a boolean", &other)),
    }
}

/// A whole, non-negative number that fits `T`.
pub fn uint<T: TryFrom<u64>>(node: Node<'_>, what: &str) -> Result<T, ReadError> {
    match node.value() {
        Value::Number(text) => parse_uint(text).ok_or_else(|| out_of_range(what, text)),
        other => Err(mismatch(what, "a whole number", &other)),
    }
}

/// A whole number, possibly negative, that fits `T`.
pub fn int<T: TryFrom<i64>>(node: Node<'_>, what: &str) -> Result<T, ReadError> {
    match node.value() {
        Value::Number(text) => parse_int(text).ok_or_else(|| out_of_range(what, text)),
        other => Err(mismatch(what, "a whole number", &other)),
    }
}

/// Digits only, as a `T`; `None` for signs, fractions, exponents or
/// values out of range.
pub fn parse_uint<T: TryFrom<u64>>(text: &str) -> Option<T> {
    // The standard parser would also take a leading `+`, which JSON has not.
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    T::try_from(text.parse::<u64>().ok()?).ok()
}

/// An optional minus sign and digits, as a `T`.
pub fn parse_int<T: TryFrom<i64>>(text: &str) -> Option<T> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, text),
    };
    let magnitude: u64 = parse_uint(digits)?;
    let value = if negative {
        0_i64.checked_sub_unsigned(magnitude)?
    } else {
        i64::try_from(magnitude).ok()?
    };
    T::try_from(value).ok()
}

fn mismatch(what: &str, expected: &str, found: &Value<'_>) -> ReadError {
    format!("{what}: expected {expected}, found {}", found.kind_name().1)
}

fn out_of_range(what: &str, text: &str) -> ReadError {
    format!("{what}: {text} is not a whole number in range")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    #[test]
    fn records_read_with_serdes_rules() {
        let tree =
            parse(r#"{"a": "x", "n": 5, "neg": -2, "b": true, "z": null, "dup": 1, "dup": 2}"#)
                .unwrap();
        let fields = Fields::of(tree.root(), "record").unwrap();
        assert_eq!(fields.string("a").unwrap(), "x");
        assert_eq!(fields.uint::<u32>("n").unwrap(), 5);
        assert_eq!(fields.uint_or_zero::<u32>("absent").unwrap(), 0);
        assert_eq!(fields.opt_uint("z").unwrap(), None);
        assert_eq!(fields.opt_uint("absent").unwrap(), None);
        assert_eq!(fields.opt_uint("n").unwrap(), Some(5));
        assert!(fields.bool("b").unwrap());
        assert!(!fields.bool_or_false("absent").unwrap());
        assert_eq!(fields.string_or_empty("absent").unwrap(), "");
        assert_eq!(
            int::<i32>(fields.required("neg").unwrap(), "neg").unwrap(),
            -2
        );
        assert_eq!(fields.get("dup").unwrap_err(), "duplicate field `dup`");
        assert_eq!(
            fields.string("absent").unwrap_err(),
            "missing field `absent`"
        );
        assert_eq!(
            fields.uint::<u32>("neg").unwrap_err(),
            "neg: -2 is not a whole number in range"
        );
        assert_eq!(
            fields.string("n").unwrap_err(),
            "n: expected a string, found a number"
        );
        assert!(Fields::of(parse("[1]").unwrap().root(), "record").is_err());
    }

    #[test]
    fn integers_are_whole_and_in_range() {
        assert_eq!(parse_uint::<u64>("18446744073709551615"), Some(u64::MAX));
        assert_eq!(parse_uint::<u64>("18446744073709551616"), None);
        assert_eq!(parse_uint::<u32>("4294967296"), None);
        assert_eq!(parse_uint::<u32>("1.0"), None);
        assert_eq!(parse_uint::<u32>("1e3"), None);
        assert_eq!(parse_uint::<u32>(""), None);
        assert_eq!(parse_int::<i32>("-2147483648"), Some(i32::MIN));
        assert_eq!(parse_int::<i32>("-2147483649"), None);
        assert_eq!(parse_int::<i64>("-9223372036854775808"), Some(i64::MIN));
        assert_eq!(parse_int::<i32>("-"), None);
        assert_eq!(parse_int::<i32>("+1"), None);
    }
}
