//! Backups: progress lives in one browser, so members can save it to a file
//! or copy it as text, and bring it into another browser (the portal's
//! iframe and the WeChat page keep separate storage) or back after clearing
//! data. Importing merges: it adds what is missing and never drops a
//! question record or a study day; the history keeps its usual bounds, and
//! the preview says exactly what those bounds would cut before anything is
//! written.

use super::migrate::{decode_envelope, encode_with_kind};
use super::{Decoded, Progress};
use crate::json::parse;
use crate::json::read::Fields;
use std::collections::BTreeMap;

/// Marks a backup file, so a stray JSON file is recognised as not one.
pub const BACKUP_KIND: &str = "lxyz-quiz-backup";

/// The largest backup accepted: well above 1,000 attempts' worth, small
/// enough that a wrong file cannot freeze the page.
pub const MAX_BACKUP_BYTES: usize = 8 * 1024 * 1024;

/// The most attempts a backup may hold. The app never keeps more than
/// [`super::MAX_ATTEMPTS`], so a backup with more was not written by it, and
/// refusing it early bounds the work an import can ask for.
pub const MAX_BACKUP_ATTEMPTS: usize = super::MAX_ATTEMPTS;

/// Why a text could not be imported; each has its own message in the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {
    /// Nothing was pasted or the file is empty.
    Empty,
    /// Larger than [`MAX_BACKUP_BYTES`].
    TooLarge,
    /// Not JSON: probably cut short when copying.
    NotJson,
    /// JSON, but not this app's backup (another app's file, a question bank).
    NotBackup,
    /// More attempts than the app ever keeps ([`MAX_BACKUP_ATTEMPTS`]).
    TooManyAttempts {
        /// The number found.
        count: usize,
    },
    /// Written by a newer version of the app: update before importing.
    Newer {
        /// The schema version found.
        version: u32,
    },
    /// A backup whose content is damaged.
    Damaged {
        /// What is wrong, for the message.
        reason: String,
    },
}

/// What importing would change, shown before anything is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MergePreview {
    /// Attempts in the backup.
    pub backup_attempts: usize,
    /// Attempts the history does not have yet.
    pub new_attempts: usize,
    /// Questions with no record here yet.
    pub new_questions: usize,
    /// Questions whose record in the backup is newer than the one here.
    pub newer_questions: usize,
    /// Study days not on the calendar yet.
    pub new_days: usize,
    /// Attempts, here or in the backup, that the merged history would not
    /// keep: the oldest beyond [`super::MAX_ATTEMPTS`].
    pub pruned: usize,
    /// Attempts kept, but without their per-question outcomes, which only
    /// the newest [`super::DETAILED_ATTEMPTS`] keep.
    pub details_dropped: usize,
}

impl MergePreview {
    /// Whether importing would change anything.
    pub fn changes_anything(&self) -> bool {
        self.new_attempts + self.new_questions + self.newer_questions + self.new_days > 0
    }
}

/// The backup text of `progress`: the stored envelope plus a kind marker
/// and the export time.
pub fn export_backup(progress: &Progress, exported_ms: u64) -> String {
    encode_with_kind(progress, BACKUP_KIND, exported_ms)
}

/// Reads a backup (or a raw stored value copied from the browser's tools),
/// migrating old schemas and checking what the types cannot. Stamps later
/// than `now_ms` are brought back to it (see [`Progress::clamp_future`]), so
/// a backup from a phone whose clock ran ahead, or a crafted one, cannot win
/// every later merge.
pub fn read_backup(text: &str, now_ms: u64) -> Result<Progress, BackupError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge);
    }
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(BackupError::Empty);
    }
    let envelope = parse(text).map_err(|_| BackupError::NotJson)?;
    let Ok(fields) = Fields::of(envelope.root(), "") else {
        return Err(BackupError::NotBackup);
    };
    let field = |key| fields.get(key).ok().flatten();
    let kind = field("kind").map(|kind| crate::json::read::string(kind, "kind"));
    let Some(stored) = field("progress") else {
        return Err(BackupError::NotBackup);
    };
    if kind.is_some_and(|kind| kind.as_deref() != Ok(BACKUP_KIND)) || field("schema").is_none() {
        return Err(BackupError::NotBackup);
    }
    // Count the attempts in the tree before reading them into records.
    let attempts = match stored.get("attempts").map(crate::json::Node::value) {
        Some(crate::json::Value::Array(items)) => items.len(),
        _ => 0,
    };
    if attempts > MAX_BACKUP_ATTEMPTS {
        return Err(BackupError::TooManyAttempts { count: attempts });
    }
    let mut progress = match decode_envelope(envelope.root()) {
        Decoded::Current(progress) | Decoded::Migrated { progress, .. } => progress,
        Decoded::Newer { version, .. } => return Err(BackupError::Newer { version }),
        Decoded::Corrupt { reason } => return Err(BackupError::Damaged { reason }),
        Decoded::Empty => return Err(BackupError::Empty),
    };
    validate(&progress).map_err(|reason| BackupError::Damaged { reason })?;
    progress.clamp_future(now_ms);
    Ok(progress)
}

/// What merging `incoming` into `current` would change. It runs the merge
/// on a copy, so the figures are exactly what [`Progress::merge`] will do,
/// including what the history's bounds cut.
pub fn preview_merge(current: &Progress, incoming: &Progress) -> MergePreview {
    let mut merged = current.clone();
    merged.merge(incoming);
    // Attempts by id, as positions in their list: one map type serves the
    // merge, this preview and the session check (each map type is code in
    // the member's WebAssembly).
    let kept = super::index_by_id(merged.attempts.iter().map(|a| a.id.as_str()));
    let mine = super::index_by_id(current.attempts.iter().map(|a| a.id.as_str()));
    // Each attempt here or in the backup, once, with whether either copy
    // has its per-question outcomes (1) or not (0).
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut pruned, mut details_dropped) = (0, 0);
    for attempt in current.attempts.iter().chain(&incoming.attempts) {
        let had_details = seen.entry(attempt.id.as_str()).or_insert(0);
        *had_details |= usize::from(!attempt.outcomes.is_empty());
    }
    for (id, had_details) in &seen {
        match kept.get(id).map(|&at| &merged.attempts[at]) {
            None => pruned += 1,
            Some(attempt) if *had_details == 1 && attempt.outcomes.is_empty() => {
                details_dropped += 1
            }
            Some(_) => {}
        }
    }
    let (mut new_questions, mut newer_questions) = (0, 0);
    for (id, theirs) in &incoming.questions {
        match current.questions.get(id) {
            None => new_questions += 1,
            Some(mine) if !current.is_unsaved(id) && theirs.supersedes(mine) => {
                newer_questions += 1
            }
            Some(_) => {}
        }
    }
    let new_days = incoming
        .days
        .iter()
        .filter(|(day, record)| record.answered > 0 && !current.days.contains_key(day))
        .count();
    MergePreview {
        backup_attempts: incoming.attempts.len(),
        new_attempts: incoming
            .attempts
            .iter()
            .filter(|attempt| !mine.contains_key(attempt.id.as_str()))
            .count(),
        new_questions,
        newer_questions,
        new_days,
        pruned,
        details_dropped,
    }
}

/// Checks what the types allow but the app never writes, so a hand-edited
/// backup cannot plant impossible figures.
fn validate(progress: &Progress) -> Result<(), String> {
    for (index, attempt) in progress.attempts.iter().enumerate() {
        let number = index + 1;
        if attempt.id.is_empty() || attempt.bank.is_empty() {
            return Err(format!("attempt {number} has no id or bank"));
        }
        if attempt.score > attempt.max {
            return Err(format!(
                "attempt {number} scores {} of {}",
                attempt.score, attempt.max
            ));
        }
        if attempt.mode != "exam" && attempt.mode != "practice" {
            return Err(format!("attempt {number} has mode \"{}\"", attempt.mode));
        }
        if let Some((id, outcome)) = attempt
            .outcomes
            .iter()
            .find(|(_, outcome)| !matches!(outcome, 'c' | 'p' | 'w' | 'u'))
        {
            return Err(format!(
                "attempt {number}, question {id}: outcome '{outcome}'"
            ));
        }
    }
    for (id, record) in &progress.questions {
        if record.right > record.seen {
            return Err(format!(
                "question {id}: {} right of {} answers",
                record.right, record.seen
            ));
        }
    }
    for (day, record) in &progress.days {
        if record.right > record.answered {
            return Err(format!(
                "day {day}: {} right of {} answers",
                record.right, record.answered
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{encode, Attempt, DETAILED_ATTEMPTS, MAX_ATTEMPTS};

    /// The importing device's clock in these tests: later than every stamp
    /// the samples carry.
    const NOW: u64 = 1_000_000;

    fn attempt(id: &str, started_ms: u64) -> Attempt {
        Attempt {
            id: id.into(),
            bank: "charter".into(),
            bank_version: 1,
            mode: "exam".into(),
            score: 8,
            max: 10,
            passed: true,
            started_ms,
            duration_ms: 60_000,
            outcomes: vec![("charter-001".into(), 'c')],
        }
    }

    fn sample() -> Progress {
        let mut progress = Progress::default();
        progress.attempts.push(attempt("a", 1));
        progress.record_answer("charter", "charter-001", false, 5, 20_000);
        progress.toggle_favourite("charter-002", 6);
        progress
    }

    #[test]
    fn a_backup_round_trips_and_names_itself() {
        let progress = sample();
        let text = export_backup(&progress, 1_234);
        assert!(text.contains(BACKUP_KIND), "{text}");
        assert!(text.contains(r#""exported_ms":1234"#), "{text}");
        assert_eq!(read_backup(&text, NOW), Ok(progress.clone()));
        // With a byte-order mark and blank lines around, as some editors save.
        assert_eq!(
            read_backup(&format!("\u{feff}\n{text}\n\n"), NOW),
            Ok(progress.clone())
        );
        // The stored value itself, copied from the browser's tools.
        assert_eq!(read_backup(&encode(&progress), NOW), Ok(progress));
    }

    #[test]
    fn bad_texts_are_named_not_guessed_at() {
        let text = export_backup(&sample(), 1);
        assert_eq!(read_backup("  \n", NOW), Err(BackupError::Empty));
        assert_eq!(
            read_backup(&text[..text.len() / 2], NOW),
            Err(BackupError::NotJson)
        );
        assert_eq!(
            read_backup(r#"{"id": "charter", "questions": []}"#, NOW),
            Err(BackupError::NotBackup)
        );
        assert_eq!(
            read_backup(&text.replace(BACKUP_KIND, "other-app"), NOW),
            Err(BackupError::NotBackup)
        );
        assert_eq!(
            read_backup(
                r#"{"kind": "lxyz-quiz-backup", "schema": 99, "progress": {}}"#,
                NOW
            ),
            Err(BackupError::Newer { version: 99 })
        );
        assert!(matches!(
            read_backup(&text.replace(r#""score":8"#, r#""score":"eight""#), NOW),
            Err(BackupError::Damaged { .. })
        ));
        let huge = format!("{}x", " ".repeat(MAX_BACKUP_BYTES + 1));
        assert_eq!(read_backup(&huge, NOW), Err(BackupError::TooLarge));
    }

    #[test]
    fn impossible_figures_are_refused() {
        for (from, to) in [
            (r#""score":8"#, r#""score":11"#),
            (r#""mode":"exam""#, r#""mode":"party""#),
            (r#"["charter-001","c"]"#, r#"["charter-001","x"]"#),
            (r#""right":0"#, r#""right":7"#),
            (r#""id":"a""#, r#""id":"""#),
        ] {
            let text = export_backup(&sample(), 1);
            assert!(text.contains(from), "{from} not in {text}");
            let result = read_backup(&text.replace(from, to), NOW);
            assert!(
                matches!(result, Err(BackupError::Damaged { .. })),
                "{to}: {result:?}"
            );
        }
    }

    #[test]
    fn the_preview_counts_what_the_merge_adds_and_nothing_is_dropped() {
        let mut mine = sample();
        mine.record_answer("charter", "charter-003", true, 50, 20_001);
        let mut theirs = sample();
        theirs.attempts.push(attempt("b", 2));
        theirs.record_answer("charter", "charter-001", true, 90, 20_005);
        theirs.record_answer("rules", "rules-001", true, 91, 20_005);
        mine.mark_saved();
        let preview = preview_merge(&mine, &theirs);
        assert_eq!(
            preview,
            MergePreview {
                backup_attempts: 2,
                new_attempts: 1,
                new_questions: 1,
                newer_questions: 1,
                new_days: 1,
                pruned: 0,
                details_dropped: 0,
            }
        );
        assert!(preview.changes_anything());
        let before = mine.clone();
        mine.merge(&theirs);
        assert_eq!(mine.attempts.len(), 2);
        for id in before.questions.keys() {
            assert!(mine.questions.contains_key(id), "{id} dropped");
        }
        assert_eq!(mine.questions["charter-001"].updated_ms, 90);
        assert_eq!(mine.questions["charter-003"].updated_ms, 50);
        // Importing the same backup again changes nothing.
        assert!(!preview_merge(&mine, &theirs).changes_anything());
    }

    #[test]
    fn the_preview_warns_when_the_history_would_be_pruned() {
        let mine = Progress {
            attempts: (0..MAX_ATTEMPTS as u64)
                .map(|i| attempt(&format!("m{i}"), i))
                .collect(),
            ..Progress::default()
        };
        let theirs = Progress {
            attempts: (0..3)
                .map(|i| attempt(&format!("t{i}"), 5_000 + i))
                .collect(),
            ..Progress::default()
        };
        assert_eq!(preview_merge(&mine, &theirs).pruned, 3);
    }

    #[test]
    fn the_preview_says_exactly_what_the_bounds_cut() {
        // Here: 150 attempts with details. The backup: 950 older attempts
        // with details. Merged: 1,100, so the 100 oldest go, and of the
        // 1,000 kept only the newest 200 keep their details.
        let mine = Progress {
            attempts: (0..150)
                .map(|i| attempt(&format!("m{i}"), 10_000 + i))
                .collect(),
            ..Progress::default()
        };
        let theirs = Progress {
            attempts: (0..950).map(|i| attempt(&format!("t{i}"), i)).collect(),
            ..Progress::default()
        };
        let preview = preview_merge(&mine, &theirs);
        assert_eq!(preview.pruned, 100);
        assert_eq!(preview.details_dropped, MAX_ATTEMPTS - DETAILED_ATTEMPTS);
        let mut merged = mine.clone();
        merged.merge(&theirs);
        let with_details = merged
            .attempts
            .iter()
            .filter(|a| !a.outcomes.is_empty())
            .count();
        assert_eq!(merged.attempts.len(), 1_100 - preview.pruned);
        assert_eq!(
            with_details,
            1_100 - preview.pruned - preview.details_dropped
        );
    }

    #[test]
    fn stamps_from_the_future_are_brought_back_to_now() {
        let mut progress = sample();
        progress.record_answer("charter", "charter-009", true, u64::MAX, 20_000);
        let text = export_backup(&progress, 1);
        let read = read_backup(&text, NOW).unwrap();
        assert_eq!(read.questions["charter-009"].updated_ms, NOW);
        assert_eq!(
            read.questions["charter-001"].updated_ms, 5,
            "stamps in the past are kept"
        );
        // A later local change wins over the imported record.
        let mut mine = read.clone();
        mine.toggle_favourite("charter-009", NOW - 10);
        let mut stored = read;
        stored.merge(&mine);
        assert!(stored.questions["charter-009"].favourite);
    }

    #[test]
    fn a_backup_with_more_attempts_than_the_app_keeps_is_refused() {
        let progress = Progress {
            attempts: (0..=MAX_BACKUP_ATTEMPTS as u64)
                .map(|i| attempt(&format!("a{i}"), i))
                .collect(),
            ..Progress::default()
        };
        assert_eq!(
            read_backup(&export_backup(&progress, 1), NOW),
            Err(BackupError::TooManyAttempts {
                count: MAX_BACKUP_ATTEMPTS + 1
            })
        );
    }

    #[test]
    fn merging_is_linear_in_the_attempts() {
        // 60,000 attempts on each side (what an 8 MB hostile backup could
        // have held before the cap): a quadratic merge takes minutes here.
        let side = |prefix: &str| Progress {
            attempts: (0..60_000u64)
                .map(|i| Attempt {
                    outcomes: Vec::new(),
                    ..attempt(&format!("{prefix}{i}"), i)
                })
                .collect(),
            ..Progress::default()
        };
        let (mut mine, theirs) = (side("m"), side("t"));
        let preview = preview_merge(&mine, &theirs);
        mine.merge(&theirs);
        assert_eq!(mine.attempts.len(), MAX_ATTEMPTS);
        assert_eq!(preview.pruned, 120_000 - MAX_ATTEMPTS);
    }
}
