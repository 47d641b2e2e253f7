//! What a member has done, kept across visits: attempts, per-question
//! records (wrong-answer book, favourites, spaced review), study days.
//!
//! These are the storage schema's own types, separate from the engine's, so
//! the engine can change without breaking saved progress. Stored values
//! carry a schema version; older ones are migrated step by step, newer ones
//! are left untouched (the app runs read-only), and unreadable ones are
//! reported so the caller can quarantine them. Nothing here touches storage
//! or reads a clock.

mod active;
mod backup;
mod codec;
mod daily;
mod migrate;
mod record;
mod review;
mod stats;

pub use crate::calendar::{date_of_day, day_number};
pub use active::{SavedAnswer, SavedAttempt, SavedItem, ACTIVE_SCHEMA};
pub use backup::{
    export_backup, preview_merge, read_backup, BackupError, MergePreview, BACKUP_KIND,
    MAX_BACKUP_ATTEMPTS, MAX_BACKUP_BYTES,
};
pub use daily::{daily_set, study_streak};
pub use migrate::{decode, encode, Decoded, SCHEMA_VERSION};
pub use review::Review;
pub use stats::{weekday, BankTally, CalendarDay, TagTally, TrendPoint, CALENDAR_WEEKS};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The prefix of every storage key the app writes, so it never collides
/// with other apps on the portal's origin.
pub const KEY_PREFIX: &str = "lxyz-quiz:";
/// Attempts kept with their per-question outcomes.
pub const DETAILED_ATTEMPTS: usize = 200;
/// Attempts kept at all; older ones are pruned (and the member told).
pub const MAX_ATTEMPTS: usize = 1_000;
/// Right answers in a row that take a question out of the wrong-answer book.
pub const WRONG_BOOK_STREAK: u32 = 3;

/// Everything saved.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Progress {
    /// Finished attempts, oldest first.
    #[serde(default)]
    pub attempts: Vec<Attempt>,
    /// Per-question records, by question id (ids are unique across banks).
    #[serde(default)]
    pub questions: BTreeMap<String, QuestionRecord>,
    /// Questions answered per study day, by day number (days since
    /// 1970-01-01 in the member's time zone).
    #[serde(default)]
    pub days: BTreeMap<i32, DayRecord>,
    /// How many old attempts were pruned to bound the footprint.
    #[serde(default)]
    pub pruned: u32,
    /// Question records changed here since the last successful save. Not
    /// stored: it says which records a save must keep over what storage
    /// holds, whatever the stamps say (another tab may have stamped the same
    /// question later by a clock that has since been set back).
    /// Sorted, so it is searched by halves; a plain list rather than a set
    /// type, which would be code of its own in the member's WebAssembly.
    #[serde(skip)]
    pub unsaved: Vec<String>,
}

/// Two copies are equal when they hold the same saved data; which changes
/// are still unsaved is bookkeeping, not data.
impl PartialEq for Progress {
    fn eq(&self, other: &Progress) -> bool {
        self.attempts == other.attempts
            && self.questions == other.questions
            && self.days == other.days
            && self.pruned == other.pruned
    }
}

impl Eq for Progress {}

/// One finished attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    /// A stable id: start time, bank and seed, so two tabs never clash.
    pub id: String,
    /// The bank.
    pub bank: String,
    /// The bank's version then.
    pub bank_version: u32,
    /// `exam` or `practice`.
    pub mode: String,
    /// Score in half points.
    pub score: u32,
    /// Maximum in half points.
    pub max: u32,
    /// Whether it passed.
    pub passed: bool,
    /// When it started, epoch ms.
    pub started_ms: u64,
    /// How long it took.
    pub duration_ms: u64,
    /// Each question's id and outcome (`c` correct, `p` partial, `w` wrong,
    /// `u` unanswered); dropped from old attempts to bound the footprint.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<(String, char)>,
}

/// What is known about one question.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct QuestionRecord {
    /// The bank the question belongs to, so per-bank counts need no bank
    /// file; empty for records migrated without one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub bank: String,
    /// Times answered.
    pub seen: u32,
    /// Times answered right.
    pub right: u32,
    /// Right answers in a row, up to now.
    pub streak: u32,
    /// In the wrong-answer book (错题本).
    #[serde(default)]
    pub wrong_book: bool,
    /// Marked as a favourite (收藏).
    #[serde(default)]
    pub favourite: bool,
    /// Spaced-review schedule.
    #[serde(default)]
    pub review: Review,
    /// Last change, epoch ms; the newer record wins a merge.
    pub updated_ms: u64,
}

impl QuestionRecord {
    /// Whether this copy replaces `other` in a merge: the newer change
    /// wins, and on a tie the copy already kept stays. The backup preview
    /// counts with the same rule, so it says exactly what a merge will do.
    pub fn supersedes(&self, other: &QuestionRecord) -> bool {
        self.updated_ms > other.updated_ms
    }

    /// Stamps a local change. A change must win over the state it changes,
    /// whatever the clock says: a phone whose clock ran ahead and was set
    /// back would otherwise stamp a new answer older than the record it
    /// replaces, and the next merge would silently undo it.
    fn touch(&mut self, now_ms: u64) {
        self.updated_ms = now_ms.max(self.updated_ms.saturating_add(1));
    }
}

/// One study day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DayRecord {
    /// Questions answered.
    pub answered: u32,
    /// Of which right.
    pub right: u32,
}

impl Progress {
    /// Merges another copy (another tab, or an imported backup) into this
    /// one: attempts are united by id, question records keep the newer
    /// version (this copy's on a tie, and always this copy's unsaved
    /// changes, stamped after theirs), study days keep the larger counts.
    /// Question records and study days are never dropped; the history is
    /// then bounded like any other, which [`preview_merge`] counts before an
    /// import. Linear in the size of both copies, so a hostile backup cannot
    /// freeze the page.
    pub fn merge(&mut self, other: &Progress) {
        let mut index = index_by_id(other.attempts.iter().map(|a| a.id.as_str()));
        // Attempts both copies have: take theirs only when it keeps the
        // per-question outcomes this copy has lost.
        for mine in &mut self.attempts {
            if let Some(position) = index.remove(mine.id.as_str()) {
                let theirs = &other.attempts[position];
                if mine.outcomes.is_empty() && !theirs.outcomes.is_empty() {
                    *mine = theirs.clone();
                }
            }
        }
        let mut added: Vec<usize> = index.into_values().collect();
        crate::order::sort(&mut added);
        self.attempts.extend(
            added
                .into_iter()
                .map(|position| other.attempts[position].clone()),
        );
        // Ids are unique once merged, so the order is total.
        crate::order::sort_by(&mut self.attempts, |a, b| {
            a.started_ms
                .cmp(&b.started_ms)
                .then_with(|| a.id.cmp(&b.id))
        });
        for (id, theirs) in &other.questions {
            let unsaved = self.is_unsaved(id);
            match self.questions.get_mut(id) {
                Some(mine) if unsaved => {
                    mine.updated_ms = mine.updated_ms.max(theirs.updated_ms.saturating_add(1));
                }
                Some(mine) if !theirs.supersedes(mine) => {}
                _ => {
                    self.questions.insert(id.clone(), theirs.clone());
                }
            }
        }
        for (day, theirs) in &other.days {
            let mine = self.days.entry(*day).or_default();
            mine.answered = mine.answered.max(theirs.answered);
            mine.right = mine.right.max(theirs.right);
        }
        self.pruned = self.pruned.max(other.pruned);
        self.rotate();
    }

    /// Whether question `id` changed here since the last save.
    pub fn is_unsaved(&self, id: &str) -> bool {
        self.unsaved
            .binary_search_by(|unsaved| unsaved.as_str().cmp(id))
            .is_ok()
    }

    /// Notes a change to question `id` that storage does not hold yet.
    fn mark_unsaved(&mut self, id: &str) {
        if let Err(at) = self
            .unsaved
            .binary_search_by(|unsaved| unsaved.as_str().cmp(id))
        {
            self.unsaved.insert(at, id.to_string());
        }
    }

    /// Marks every change as saved, once storage holds them.
    pub fn mark_saved(&mut self) {
        self.unsaved.clear();
    }

    /// Brings stamps from the future back to `now_ms`, for copies from
    /// elsewhere (a backup from a phone whose clock ran ahead, or a crafted
    /// one stamped `u64::MAX`). Stamps this device wrote need no clamping:
    /// a local change is stamped after the state it changes and is kept over
    /// what storage holds until it is saved, whatever the clock says.
    /// Returns how many were clamped.
    pub fn clamp_future(&mut self, now_ms: u64) -> usize {
        let mut clamped = 0;
        for record in self.questions.values_mut() {
            if record.updated_ms > now_ms {
                record.updated_ms = now_ms;
                clamped += 1;
            }
        }
        clamped
    }

    /// The best score of each bank's exams, as (score, max) in half points.
    pub fn best_exam(&self, bank: &str) -> Option<(u32, u32)> {
        self.attempts
            .iter()
            .filter(|a| a.bank == bank && a.mode == "exam" && a.max > 0)
            .max_by(|a, b| {
                (u64::from(a.score) * u64::from(b.max))
                    .cmp(&(u64::from(b.score) * u64::from(a.max)))
            })
            .map(|a| (a.score, a.max))
    }

    /// Question ids in the wrong-answer book, of the given bank's questions.
    pub fn wrong_book<'a>(&'a self, ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
        self.ids_where(ids, |record| record.wrong_book)
    }

    /// Question ids marked as favourites, of the given bank's questions.
    pub fn favourites<'a>(&'a self, ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
        self.ids_where(ids, |record| record.favourite)
    }

    /// The ids, in the order given, whose record satisfies `keep`.
    fn ids_where<'a>(
        &'a self,
        ids: impl IntoIterator<Item = &'a str>,
        keep: impl Fn(&QuestionRecord) -> bool,
    ) -> Vec<String> {
        ids.into_iter()
            .filter(|id| self.questions.get(*id).is_some_and(&keep))
            .map(str::to_string)
            .collect()
    }

    /// Whether a question is a favourite.
    pub fn is_favourite(&self, id: &str) -> bool {
        self.questions
            .get(id)
            .is_some_and(|record| record.favourite)
    }

    /// Bounds the history: only the newest attempts keep per-question
    /// outcomes, and at most [`MAX_ATTEMPTS`] are kept at all.
    fn rotate(&mut self) {
        if self.attempts.len() > MAX_ATTEMPTS {
            let excess = self.attempts.len() - MAX_ATTEMPTS;
            self.attempts.drain(..excess);
            self.pruned = self.pruned.saturating_add(excess as u32);
        }
        let detailed_from = self.attempts.len().saturating_sub(DETAILED_ATTEMPTS);
        for attempt in &mut self.attempts[..detailed_from] {
            attempt.outcomes.clear();
        }
    }
}

/// Positions by id (the first of a repeated id): the one map type the
/// merge, the import preview and the session check share, since each map
/// type is code of its own in the member's WebAssembly.
pub(crate) fn index_by_id<'a>(ids: impl Iterator<Item = &'a str>) -> BTreeMap<&'a str, usize> {
    let mut index = BTreeMap::new();
    for (position, id) in ids.enumerate() {
        index.entry(id).or_insert(position);
    }
    index
}

#[cfg(test)]
mod tests;
