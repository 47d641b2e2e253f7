//! Backups: progress lives in one browser, so members can save it to a file
//! or copy it as text, and bring it into another browser (the portal's
//! iframe and the WeChat page keep separate storage) or back after clearing
//! data. Importing merges: it adds what is missing and never drops a record.

use super::migrate::{decode_envelope, encode_with_kind};
use super::{Decoded, Progress};
use crate::json::parse;
use crate::json::read::Fields;

/// Marks a backup file, so a stray JSON file is recognised as not one.
pub const BACKUP_KIND: &str = "lxyz-quiz-backup";

/// The largest backup accepted: well above 1,000 attempts' worth, small
/// enough that a wrong file cannot freeze the page.
pub const MAX_BACKUP_BYTES: usize = 8 * 1024 * 1024;

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
    /// Oldest attempts the merged history would prune to stay within
    /// [`super::MAX_ATTEMPTS`].
    pub pruned: usize,
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
/// migrating old schemas and checking what the types cannot.
pub fn read_backup(text: &str) -> Result<Progress, BackupError> {
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
    if kind.is_some_and(|kind| kind.as_deref() != Ok(BACKUP_KIND))
        || field("schema").is_none()
        || field("progress").is_none()
    {
        return Err(BackupError::NotBackup);
    }
    let progress = match decode_envelope(envelope.root()) {
        Decoded::Current(progress) | Decoded::Migrated { progress, .. } => progress,
        Decoded::Newer { version } => return Err(BackupError::Newer { version }),
        Decoded::Corrupt { reason } => return Err(BackupError::Damaged { reason }),
        Decoded::Empty => return Err(BackupError::Empty),
    };
    validate(&progress).map_err(|reason| BackupError::Damaged { reason })?;
    Ok(progress)
}

/// What merging `incoming` into `current` would change.
pub fn preview_merge(current: &Progress, incoming: &Progress) -> MergePreview {
    let new_attempts = incoming
        .attempts
        .iter()
        .filter(|a| !current.attempts.iter().any(|mine| mine.id == a.id))
        .count();
    let (mut new_questions, mut newer_questions) = (0, 0);
    for (id, theirs) in &incoming.questions {
        match current.questions.get(id) {
            None => new_questions += 1,
            Some(mine) if theirs.supersedes(mine) => newer_questions += 1,
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
        new_attempts,
        new_questions,
        newer_questions,
        new_days,
        pruned: (current.attempts.len() + new_attempts).saturating_sub(super::MAX_ATTEMPTS),
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
    use crate::progress::{encode, Attempt, MAX_ATTEMPTS};

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
        assert_eq!(read_backup(&text), Ok(progress.clone()));
        // With a byte-order mark and blank lines around, as some editors save.
        assert_eq!(
            read_backup(&format!("\u{feff}\n{text}\n\n")),
            Ok(progress.clone())
        );
        // The stored value itself, copied from the browser's tools.
        assert_eq!(read_backup(&encode(&progress)), Ok(progress));
    }

    #[test]
    fn bad_texts_are_named_not_guessed_at() {
        let text = export_backup(&sample(), 1);
        assert_eq!(read_backup("  \n"), Err(BackupError::Empty));
        assert_eq!(
            read_backup(&text[..text.len() / 2]),
            Err(BackupError::NotJson)
        );
        assert_eq!(
            read_backup(r#"{"id": "charter", "questions": []}"#),
            Err(BackupError::NotBackup)
        );
        assert_eq!(
            read_backup(&text.replace(BACKUP_KIND, "other-app")),
            Err(BackupError::NotBackup)
        );
        assert_eq!(
            read_backup(r#"{"kind": "lxyz-quiz-backup", "schema": 99, "progress": {}}"#),
            Err(BackupError::Newer { version: 99 })
        );
        assert!(matches!(
            read_backup(&text.replace(r#""score":8"#, r#""score":"eight""#)),
            Err(BackupError::Damaged { .. })
        ));
        let huge = format!("{}x", " ".repeat(MAX_BACKUP_BYTES + 1));
        assert_eq!(read_backup(&huge), Err(BackupError::TooLarge));
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
            let result = read_backup(&text.replace(from, to));
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
}
