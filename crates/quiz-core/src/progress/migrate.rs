//! The stored form of [`Progress`]: a JSON envelope with a schema version,
//! and the migrations that bring old versions up to date.

use super::codec::{read_progress, write_progress};
use super::Progress;
use crate::json::read::{self, Fields};
use crate::json::write::push_object;
use crate::json::{parse, Node};
use crate::Lang;

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 2;

/// A step from version `from` to `from + 1`. The stored data is first read
/// with this build's reader, so a new schema may only add fields that have
/// defaults; the step then fills them in from the rest of the data, or from
/// the stored tree it is given for anything the reader no longer knows.
type Migration = fn(&mut Progress, Node<'_>) -> Result<(), String>;

/// One entry per version step, in any order: they are applied by number.
/// Each step has its own test below.
const MIGRATIONS: &[(u32, Migration)] = &[(1, v1_to_v2)];

/// Version 2 records which bank each question belongs to, so the home page
/// can count due reviews per bank without loading every bank. Version 1
/// records learn their bank from the attempts that contain the question;
/// the others stay unassigned until the question is answered again.
fn v1_to_v2(progress: &mut Progress, _stored: Node<'_>) -> Result<(), String> {
    let Progress {
        attempts,
        questions,
        ..
    } = progress;
    for attempt in attempts.iter() {
        for (id, _) in &attempt.outcomes {
            if let Some(record) = questions.get_mut(id) {
                record.bank.clone_from(&attempt.bank);
            }
        }
    }
    Ok(())
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
        /// What this build can read of it (a newer schema may only add
        /// fields), to show read-only; `None` when it cannot be read.
        readable: Option<Box<Progress>>,
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
    push_object(&mut out, |envelope| {
        envelope.uint("schema", SCHEMA_VERSION);
        write_progress(envelope.key("progress"), progress);
    });
    out
}

/// The stored form with a kind marker and a time, for backups: `decode`
/// reads it like any stored value.
pub(super) fn encode_with_kind(progress: &Progress, kind: &str, at_ms: u64) -> String {
    let mut out = String::new();
    push_object(&mut out, |envelope| {
        envelope
            .string("kind", kind)
            .uint("schema", SCHEMA_VERSION)
            .uint("exported_ms", at_ms);
        write_progress(envelope.key("progress"), progress);
    });
    out
}

/// Reads a stored value, migrating old schemas.
pub fn decode(stored: Option<&str>) -> Decoded {
    let Some(text) = stored else {
        return Decoded::Empty;
    };
    match parse(text) {
        Ok(envelope) => decode_envelope(envelope.root()),
        Err(error) => corrupt(format!("not JSON: {}", error.kind.message(Lang::En))),
    }
}

/// Reads a parsed envelope (a stored value or a backup), migrating old
/// schemas.
pub(super) fn decode_envelope(envelope: Node<'_>) -> Decoded {
    decode_tree(envelope, SCHEMA_VERSION, MIGRATIONS)
}

fn decode_tree(envelope: Node<'_>, target: u32, migrations: &[(u32, Migration)]) -> Decoded {
    let Ok(fields) = Fields::of(envelope, "") else {
        return corrupt("not an object".into());
    };
    let schema = fields.get("schema").ok().flatten();
    let Some(version) = schema.and_then(|node| read::uint::<u64>(node, "").ok()) else {
        return corrupt("no schema version".into());
    };
    let Ok(version) = u32::try_from(version) else {
        return corrupt(format!("schema version {version} is out of range"));
    };
    if version > target {
        let readable = fields
            .get("progress")
            .ok()
            .flatten()
            .and_then(|data| read_progress(data).ok())
            .map(Box::new);
        return Decoded::Newer { version, readable };
    }
    let Some(data) = fields.get("progress").ok().flatten() else {
        return corrupt("no progress data".into());
    };
    let mut progress = match read_progress(data) {
        Ok(progress) => progress,
        Err(error) => return corrupt(format!("unexpected content: {error}")),
    };
    for step in version..target {
        let Some((_, migration)) = migrations.iter().find(|(from, _)| *from == step) else {
            return corrupt(format!("no migration from schema {step}"));
        };
        if let Err(reason) = migration(&mut progress, data) {
            return corrupt(format!("migrating schema {step}: {reason}"));
        }
    }
    if version == target {
        Decoded::Current(progress)
    } else {
        Decoded::Migrated {
            progress,
            from: version,
        }
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
        // Synthetic steps, listed out of order, each appending its number
        // to a counter: a string sort would run 10 before 9.
        fn step(progress: &mut Progress, n: u32) -> Result<(), String> {
            progress.pruned = progress.pruned * 100 + n;
            Ok(())
        }
        fn decode_with(stored: &str, target: u32, migrations: &[(u32, Migration)]) -> Decoded {
            decode_tree(parse(stored).unwrap().root(), target, migrations)
        }
        let migrations: &[(u32, Migration)] = &[
            (10, |p, _| step(p, 10)),
            (8, |p, _| step(p, 8)),
            (9, |p, _| step(p, 9)),
        ];
        let stored = r#"{"schema": 8, "progress": {"trail": []}}"#;
        let Decoded::Migrated { progress, from } = decode_with(stored, 11, migrations) else {
            panic!("not migrated");
        };
        assert_eq!(from, 8);
        assert_eq!(progress.pruned, 80910, "8, then 9, then 10");
        // The order itself, observed through a failing last step; unknown
        // fields (the trail) are ignored.
        let failing: &[(u32, Migration)] = &[
            (9, |p, _| step(p, 9)),
            (10, |p, _| Err(format!("after {}", p.pruned))),
        ];
        assert_eq!(
            decode_with(r#"{"schema": 9, "progress": {"trail": []}}"#, 11, failing),
            Decoded::Corrupt {
                reason: "migrating schema 10: after 9".into()
            }
        );
        assert!(matches!(
            decode_with(
                r#"{"schema": 7, "progress": {"trail": []}}"#,
                11,
                migrations
            ),
            Decoded::Corrupt { .. }
        ));
    }
}
