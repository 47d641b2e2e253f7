//! The stored form of [`Progress`]: a JSON envelope with a schema version,
//! and the migrations that bring old versions up to date.

use super::Progress;
use serde_json::Value;

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 2;

/// A step from version `from` to `from + 1`.
type Migration = fn(Value) -> Result<Value, String>;

/// One entry per version step, in any order: they are applied by number.
/// Each step has its own test below.
const MIGRATIONS: &[(u32, Migration)] = &[(1, v1_to_v2)];

/// Version 2 records which bank each question belongs to, so the home page
/// can count due reviews per bank without loading every bank. Version 1
/// records learn their bank from the attempts that contain the question;
/// the others stay unassigned until the question is answered again.
fn v1_to_v2(mut data: Value) -> Result<Value, String> {
    let mut banks = std::collections::BTreeMap::new();
    for attempt in data["attempts"].as_array().into_iter().flatten() {
        let Some(bank) = attempt["bank"].as_str() else {
            continue;
        };
        for outcome in attempt["outcomes"].as_array().into_iter().flatten() {
            if let Some(id) = outcome[0].as_str() {
                banks.insert(id.to_string(), bank.to_string());
            }
        }
    }
    if let Some(records) = data.get_mut("questions").and_then(Value::as_object_mut) {
        for (id, record) in records.iter_mut() {
            let record = record
                .as_object_mut()
                .ok_or_else(|| format!("question {id} is not an object"))?;
            if let Some(bank) = banks.get(id) {
                record.insert("bank".into(), bank.clone().into());
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
    serde_json::json!({ "schema": SCHEMA_VERSION, "progress": progress }).to_string()
}

/// The stored form with a kind marker and a time, for backups: `decode`
/// reads it like any stored value.
pub(super) fn encode_with_kind(progress: &Progress, kind: &str, at_ms: u64) -> String {
    serde_json::json!({
        "kind": kind,
        "schema": SCHEMA_VERSION,
        "exported_ms": at_ms,
        "progress": progress,
    })
    .to_string()
}

/// Reads a stored value, migrating old schemas.
pub fn decode(stored: Option<&str>) -> Decoded {
    decode_with(stored, SCHEMA_VERSION, MIGRATIONS)
}

fn decode_with(stored: Option<&str>, target: u32, migrations: &[(u32, Migration)]) -> Decoded {
    let Some(text) = stored else {
        return Decoded::Empty;
    };
    let envelope: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) => return corrupt(format!("not JSON: {error}")),
    };
    let Some(version) = envelope.get("schema").and_then(Value::as_u64) else {
        return corrupt("no schema version".into());
    };
    let Ok(version) = u32::try_from(version) else {
        return corrupt(format!("schema version {version} is out of range"));
    };
    if version > target {
        return Decoded::Newer { version };
    }
    let Some(mut data) = envelope.get("progress").cloned() else {
        return corrupt("no progress data".into());
    };
    for step in version..target {
        let Some((_, migration)) = migrations.iter().find(|(from, _)| *from == step) else {
            return corrupt(format!("no migration from schema {step}"));
        };
        data = match migration(data) {
            Ok(next) => next,
            Err(reason) => return corrupt(format!("migrating schema {step}: {reason}")),
        };
    }
    match serde_json::from_value::<Progress>(data) {
        Ok(progress) if version == target => Decoded::Current(progress),
        Ok(progress) => Decoded::Migrated {
            progress,
            from: version,
        },
        Err(error) => corrupt(format!("unexpected content: {error}")),
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
        fn step(data: Value, n: u64) -> Result<Value, String> {
            let mut data = data;
            data["trail"]
                .as_array_mut()
                .ok_or("no trail")?
                .push(n.into());
            Ok(data)
        }
        let migrations: &[(u32, Migration)] = &[
            (10, |d| step(d, 10)),
            (8, |d| step(d, 8)),
            (9, |d| step(d, 9)),
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
            (9, |d| step(d, 9)),
            (10, |d| Err(format!("trail {}", d["trail"]))),
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
