//! The stored form of [`Progress`]: a JSON envelope with a schema version,
//! and the migrations that bring old versions up to date.

use super::codec::{read_progress, write_progress};
use super::Progress;
use crate::json::read::{self, Fields};
use crate::json::write::ObjectWriter;
use crate::json::{parse, Member, Node, Span, Value};
use crate::Lang;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 2;

/// A step from version `from` to `from + 1`, on the parsed tree, so a step
/// can rename, move or fill in fields before the data is typed.
type Migration = for<'a> fn(Node<'a>) -> Result<Node<'a>, String>;

/// One entry per version step, in any order: they are applied by number.
/// Each step has its own test below.
const MIGRATIONS: &[(u32, Migration)] = &[(1, v1_to_v2)];

/// Version 2 records which bank each question belongs to, so the home page
/// can count due reviews per bank without loading every bank. Version 1
/// records learn their bank from the attempts that contain the question;
/// the others stay unassigned until the question is answered again.
fn v1_to_v2(mut data: Node<'_>) -> Result<Node<'_>, String> {
    let Value::Object(members) = &mut data.value else {
        return Err("progress is not an object".into());
    };
    let mut banks = BTreeMap::new();
    let attempts = members.iter().filter(|m| m.key == "attempts");
    for attempt in attempts.flat_map(|m| read::elements(&m.value, "").unwrap_or(&[])) {
        let Ok(fields) = Fields::of(attempt, "") else {
            continue;
        };
        let Some(Value::String(bank)) = fields.get("bank").ok().flatten().map(|n| &n.value) else {
            continue;
        };
        let outcomes = fields.get("outcomes").ok().flatten();
        for outcome in outcomes.map_or(&[][..], |o| read::elements(o, "").unwrap_or(&[])) {
            if let Some(Value::String(id)) = read::elements(outcome, "")
                .ok()
                .and_then(|pair| pair.first())
                .map(|n| &n.value)
            {
                banks.insert(id.clone(), bank.clone());
            }
        }
    }
    for questions in members.iter_mut().filter(|m| m.key == "questions") {
        let Value::Object(records) = &mut questions.value.value else {
            continue;
        };
        for record in records.iter_mut() {
            let Value::Object(fields) = &mut record.value.value else {
                return Err(format!("question {} is not an object", record.key));
            };
            if let Some(bank) = banks.get(&record.key) {
                fields.retain(|field| field.key != "bank");
                fields.push(Member {
                    key: Cow::Borrowed("bank"),
                    key_span: Span::default(),
                    value: Node {
                        value: Value::String(bank.clone()),
                        span: Span::default(),
                    },
                });
            }
        }
    }
    Ok(data)
}

/// What a stored value turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    /// Nothing was stored.
    Empty,
    /// Current progress.
    Current(Progress),
    /// Progress from an older schema, brought up to date.
    Migrated {
        /// The migrated progress.
        progress: Progress,
        /// The version it was stored with.
        from: u32,
    },
    /// Written by a newer build: keep it untouched and run read-only.
    Newer {
        /// The version found.
        version: u32,
    },
    /// Unreadable (truncated, edited, another app's data): quarantine it.
    Corrupt {
        /// What was wrong, for the notice and the console.
        reason: String,
    },
}

/// Writes progress with its schema version.
pub fn encode(progress: &Progress) -> String {
    let mut out = String::new();
    let mut envelope = ObjectWriter::new(&mut out);
    envelope.uint("schema", SCHEMA_VERSION);
    write_progress(envelope.key("progress"), progress);
    envelope.end();
    out
}

/// The stored form with a kind marker and a time, for backups: `decode`
/// reads it like any stored value.
pub(super) fn encode_with_kind(progress: &Progress, kind: &str, at_ms: u64) -> String {
    let mut out = String::new();
    let mut envelope = ObjectWriter::new(&mut out);
    envelope
        .string("kind", kind)
        .uint("schema", SCHEMA_VERSION)
        .uint("exported_ms", at_ms);
    write_progress(envelope.key("progress"), progress);
    envelope.end();
    out
}

/// Reads a stored value, migrating old schemas.
pub fn decode(stored: Option<&str>) -> Decoded {
    let Some(text) = stored else {
        return Decoded::Empty;
    };
    match parse(text) {
        Ok(envelope) => decode_tree(envelope, SCHEMA_VERSION, MIGRATIONS),
        Err(error) => corrupt(format!("not JSON: {}", error.kind.message(Lang::En))),
    }
}

/// Reads a parsed envelope (a stored value or a backup), migrating old
/// schemas up to `target`.
pub(super) fn decode_envelope(envelope: Node<'_>) -> Decoded {
    decode_tree(envelope, SCHEMA_VERSION, MIGRATIONS)
}

fn decode_tree(envelope: Node<'_>, target: u32, migrations: &[(u32, Migration)]) -> Decoded {
    let Node {
        value: Value::Object(members),
        ..
    } = envelope
    else {
        return corrupt("not an object".into());
    };
    let field = |key: &str| members.iter().position(|member| member.key == key);
    let Some(version) =
        field("schema").and_then(|at| read::uint::<u64>(&members[at].value, "").ok())
    else {
        return corrupt("no schema version".into());
    };
    let Ok(version) = u32::try_from(version) else {
        return corrupt(format!("schema version {version} is out of range"));
    };
    if version > target {
        return Decoded::Newer { version };
    }
    let Some(at) = field("progress") else {
        return corrupt("no progress data".into());
    };
    let mut data = members.into_iter().nth(at).map(|member| member.value);
    for step in version..target {
        let Some((_, migration)) = migrations.iter().find(|(from, _)| *from == step) else {
            return corrupt(format!("no migration from schema {step}"));
        };
        data = match data.map(migration) {
            Some(Ok(next)) => Some(next),
            Some(Err(reason)) => return corrupt(format!("migrating schema {step}: {reason}")),
            None => None,
        };
    }
    match data.as_ref().map(read_progress) {
        Some(Ok(progress)) if version == target => Decoded::Current(progress),
        Some(Ok(progress)) => Decoded::Migrated {
            progress,
            from: version,
        },
        Some(Err(error)) => corrupt(format!("unexpected content: {error}")),
        None => corrupt("no progress data".into()),
    }
}

fn corrupt(reason: String) -> Decoded {
    Decoded::Corrupt { reason }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_one_records_learn_their_bank_from_the_attempts() {
        let stored = r#"{"schema": 1, "progress": {
            "attempts": [{"id": "a", "bank": "rules", "bank_version": 3, "mode": "exam",
                "score": 2, "max": 4, "passed": false, "started_ms": 1, "duration_ms": 5,
                "outcomes": [["rules-001", "w"], ["rules-002", "c"]]}],
            "questions": {
                "rules-001": {"seen": 1, "right": 0, "streak": 0, "wrong_book": true, "updated_ms": 5},
                "lonely": {"seen": 1, "right": 1, "streak": 1, "updated_ms": 6}
            },
            "days": {"20000": {"answered": 2, "right": 1}}
        }}"#;
        let Decoded::Migrated { progress, from } = decode(Some(stored)) else {
            panic!("not migrated: {:?}", decode(Some(stored)));
        };
        assert_eq!(from, 1);
        assert_eq!(progress.questions["rules-001"].bank, "rules");
        assert!(progress.questions["rules-001"].wrong_book);
        assert_eq!(progress.questions["lonely"].bank, "", "no attempt names it");
        assert_eq!(progress.attempts.len(), 1);
        assert_eq!(progress.days[&20_000].answered, 2);
        // A record that is not an object is refused, not guessed at.
        let broken = r#"{"schema": 1, "progress": {"questions": {"q": 5}}}"#;
        assert!(matches!(decode(Some(broken)), Decoded::Corrupt { .. }));
    }

    #[test]
    fn steps_run_in_numeric_order_through_nine_to_ten() {
        // Synthetic steps, listed out of order, each appending its number:
        // a string sort would run 10 before 9.
        fn step<'a>(mut data: Node<'a>, n: &'static str) -> Result<Node<'a>, String> {
            let Value::Object(members) = &mut data.value else {
                return Err("not an object".into());
            };
            let trail = members
                .iter_mut()
                .find(|m| m.key == "trail")
                .ok_or("no trail")?;
            let Value::Array(trail) = &mut trail.value.value else {
                return Err("no trail".into());
            };
            trail.push(Node {
                value: Value::Number(n),
                span: Span::default(),
            });
            Ok(data)
        }
        fn trail(data: &Node<'_>) -> String {
            let fields = Fields::of(data, "").unwrap();
            let trail = read::elements(fields.required("trail").unwrap(), "").unwrap();
            let numbers: Vec<u64> = trail.iter().map(|n| read::uint(n, "").unwrap()).collect();
            format!("{numbers:?}")
        }
        fn decode_with(
            stored: Option<&str>,
            target: u32,
            migrations: &[(u32, Migration)],
        ) -> Decoded {
            decode_tree(parse(stored.unwrap()).unwrap(), target, migrations)
        }
        let migrations: &[(u32, Migration)] = &[
            (10, |d| step(d, "10")),
            (8, |d| step(d, "8")),
            (9, |d| step(d, "9")),
        ];
        let stored = r#"{"schema": 8, "progress": {"trail": []}}"#;
        let Decoded::Migrated { progress, from } = decode_with(Some(stored), 11, migrations) else {
            panic!("not migrated");
        };
        assert_eq!(from, 8);
        assert_eq!(
            progress,
            Progress::default(),
            "unknown fields are ignored after migration"
        );
        // The order itself, observed through a failing last step.
        let failing: &[(u32, Migration)] = &[
            (9, |d| step(d, "9")),
            (10, |d| Err(format!("trail {}", trail(&d)))),
        ];
        assert_eq!(
            decode_with(
                Some(r#"{"schema": 9, "progress": {"trail": []}}"#),
                11,
                failing
            ),
            Decoded::Corrupt {
                reason: "migrating schema 10: trail [9]".into()
            }
        );
        assert!(matches!(
            decode_with(
                Some(r#"{"schema": 7, "progress": {"trail": []}}"#),
                11,
                migrations
            ),
            Decoded::Corrupt { .. }
        ));
    }
}
