//! quiz-core's JSON parser accepts exactly what `serde_json` accepts, with
//! the same values, apart from documented deviations: the parser keeps
//! source spans for located messages, and the app reads stored data with it
//! instead of serde_json, so it must not be more lenient or stricter by
//! accident.
//!
//! Deviations, on purpose:
//! - a byte-order mark at the very start is skipped (Windows editors write
//!   one); serde_json refuses it;
//! - nesting deeper than `MAX_DEPTH` (64) is refused; serde_json allows 128;
//! - numbers are kept as their source text, so one too large for an `f64`
//!   (`1e400`) parses; serde_json refuses it (the readers then refuse such a
//!   number where they expect an integer).

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use quiz_core::json::{parse, Node, Value};
use serde_json::Value as Serde;

/// The tree as serde_json would build it (a repeated key keeps its last
/// value, as serde_json's map does).
fn to_serde(node: Node<'_>) -> Serde {
    match node.value() {
        Value::Null => Serde::Null,
        Value::Bool(value) => Serde::Bool(value),
        Value::Number(text) => serde_json::from_str(text).expect("a number serde reads"),
        Value::String(text) => Serde::String(text.into_owned()),
        Value::Array(items) => Serde::Array(items.iter().map(to_serde).collect()),
        Value::Object(members) => {
            let mut map = serde_json::Map::new();
            for member in members.iter() {
                map.insert(member.key().into_owned(), to_serde(member.value));
            }
            Serde::Object(map)
        }
    }
}

/// Checks one text: both accept it with the same value, or both refuse it.
fn agree(text: &str) -> Result<(), TestCaseError> {
    let ours = parse(text);
    let theirs = serde_json::from_str::<Serde>(text);
    if text.starts_with('\u{feff}') || number_out_of_range(&theirs) {
        return Ok(());
    }
    match (ours, theirs) {
        (Ok(tree), Ok(value)) => prop_assert_eq!(to_serde(tree.root()), value, "{:?}", text),
        (Err(_), Err(_)) => {}
        (Ok(_), Err(error)) => prop_assert!(false, "accepted {text:?}, serde_json says {error}"),
        (Err(error), Ok(_)) => {
            prop_assert!(
                false,
                "refused {text:?} ({:?}), serde_json accepts it",
                error.kind
            )
        }
    }
    Ok(())
}

fn number_out_of_range(result: &Result<Serde, serde_json::Error>) -> bool {
    result
        .as_ref()
        .is_err_and(|error| error.to_string().contains("number out of range"))
}

/// Arbitrary JSON values, a few levels deep, with strings that need
/// escapes.
fn json_value() -> impl Strategy<Value = Serde> {
    let leaf = prop_oneof![
        Just(Serde::Null),
        any::<bool>().prop_map(Serde::Bool),
        any::<i64>().prop_map(Serde::from),
        any::<u64>().prop_map(Serde::from),
        (-1e9f64..1e9).prop_map(Serde::from),
        "[a-z\u{4e00}-\u{4e2f}\"\\\\/\n\t\u{0}-\u{1f} ]{0,8}".prop_map(Serde::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Serde::Array),
            prop::collection::vec(("[a-z\u{4e00}-\u{4e05}]{0,4}", inner), 0..6)
                .prop_map(|members| Serde::Object(members.into_iter().collect())),
        ]
    })
}

/// Characters a mutation inserts: JSON's own, and the mistakes
/// coordinators make (Chinese punctuation, comments, single quotes).
const INSERTS: &[&str] = &[
    "{", "}", "[", "]", ",", ":", "\"", "\\", "0", "-", "+", ".", "e", "E", "n", "t", "f", " ",
    "\n", "，", "：", "“", "//", "/*", "'", "\\u", "\\ud800", "\\u00e9", "1e400", "\u{0}",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn valid_json_is_read_as_serde_reads_it(value in json_value(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            serde_json::to_string(&value).unwrap()
        };
        agree(&text)?;
    }

    #[test]
    fn mutated_json_is_accepted_or_refused_as_serde_does(
        value in json_value(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0..3usize, 0..INSERTS.len()), 1..4),
    ) {
        let mut text = serde_json::to_string(&value).unwrap();
        for (at, kind, insert) in edits {
            let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let at = boundaries[at.index(boundaries.len())];
            match kind {
                0 => text.insert_str(at, INSERTS[insert]),
                1 => {
                    if let Some(next) = boundaries.iter().find(|&&b| b > at) {
                        text.replace_range(at..*next, "");
                    }
                }
                _ => {
                    if let Some(next) = boundaries.iter().find(|&&b| b > at) {
                        text.replace_range(at..*next, INSERTS[insert]);
                    }
                }
            }
        }
        agree(&text)?;
    }

    #[test]
    fn arbitrary_text_is_accepted_or_refused_as_serde_does(text in "[\\[\\]{}:,\"\\\\0-9a-z .eE+\\-\n\u{4e00}]{0,24}") {
        agree(&text)?;
    }
}

#[test]
fn edge_cases_agree() {
    for text in [
        "\"\\ud800\"",
        "\"\\ud800\\udc00\"",
        "\"\\udc00\"",
        "[1,]",
        "{\"a\":1,}",
        "01",
        "-0",
        "1.",
        ".5",
        "1e",
        "\"\u{1}\"",
        "tru",
        "nul",
        "[]",
        "{}",
        " ",
        "",
        "1 2",
        "\"\\x\"",
        "\"\\u00e9\"",
        "{\"a\":1,\"a\":2}",
        "[1]x",
        "\u{3000}1",
    ] {
        agree(text).unwrap_or_else(|error| panic!("{text:?}: {error}"));
    }
}
