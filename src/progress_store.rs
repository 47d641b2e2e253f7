//! Saving progress through a [`KeyValueStore`] without ever losing it.
//!
//! Every save re-reads what is stored and merges it first, so two tabs
//! answering alternately never overwrite each other. Unreadable data is
//! moved to a quarantine key, never deleted; data from a newer build is left
//! untouched and the app runs read-only. When storage is unusable the app
//! keeps working in memory and says so.

use crate::platform::{KeyValueStore, StorageError};
use quiz_core::progress::{decode, encode, Decoded, Progress, KEY_PREFIX};

/// The key progress is stored under.
pub fn progress_key() -> String {
    format!("{KEY_PREFIX}progress")
}

/// How saving stands, for the banner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreStatus {
    /// Progress is being saved.
    Saving,
    /// Storage is blocked or missing: progress lives in memory only.
    Unavailable,
    /// The last write was refused (storage full, or it failed).
    WriteFailed,
    /// A newer version of the app wrote this data: read-only.
    ReadOnly {
        /// The schema version found.
        version: u32,
        /// Whether what this build could read of it is shown; when not,
        /// the banner says why the pages are empty.
        shown: bool,
    },
    /// Unreadable data was kept aside under another key.
    Quarantined {
        /// The key it was moved to.
        key: String,
    },
}

/// The result of loading: the progress to start from and how saving stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The progress.
    pub progress: Progress,
    /// How saving stands.
    pub status: StoreStatus,
}

/// Loads progress. Never fails: every fault becomes a status.
pub fn load(store: &dyn KeyValueStore, now_ms: u64) -> Loaded {
    let stored = match store.get(&progress_key()) {
        Ok(stored) => stored,
        Err(_) => {
            return Loaded {
                progress: Progress::default(),
                status: StoreStatus::Unavailable,
            }
        }
    };
    // A store that lasts only while the tab is open still keeps this
    // visit's records, but nothing is being saved on the device.
    let saving = if store.durable() {
        StoreStatus::Saving
    } else {
        StoreStatus::Unavailable
    };
    match decode(stored.as_deref()) {
        Decoded::Empty => Loaded {
            progress: Progress::default(),
            status: saving,
        },
        Decoded::Current(progress) | Decoded::Migrated { progress, .. } => Loaded {
            progress,
            status: saving,
        },
        Decoded::Newer { version, readable } => Loaded {
            status: StoreStatus::ReadOnly {
                version,
                shown: readable.is_some(),
            },
            progress: readable.map(|progress| *progress).unwrap_or_default(),
        },
        Decoded::Corrupt { reason } => {
            web_log(&format!(
                "quiz: stored progress is unreadable ({reason}); keeping it aside"
            ));
            let key = stored
                .as_deref()
                .and_then(|text| quarantine(store, text, now_ms).ok());
            // Only clear the original once a copy is safe.
            if key.is_some() {
                let _ = store.remove(&progress_key());
            }
            Loaded {
                progress: Progress::default(),
                status: StoreStatus::Quarantined {
                    key: key.unwrap_or_default(),
                },
            }
        }
    }
}

/// The prefix of the keys unreadable progress is kept under.
fn quarantine_prefix() -> String {
    format!("{KEY_PREFIX}quarantine:")
}

/// How many unreadable copies are kept: enough to recover from a few bad
/// writes, few enough that they cannot eat the quota progress needs.
pub const MAX_QUARANTINED: usize = 3;

/// Keeps an unreadable value aside under a new key, then drops the oldest
/// copies beyond [`MAX_QUARANTINED`]. Returns the new key.
fn quarantine(store: &dyn KeyValueStore, text: &str, now_ms: u64) -> Result<String, StorageError> {
    let key = format!("{}{now_ms}", quarantine_prefix());
    store.set(&key, text)?;
    let kept = quarantined_keys(store);
    for old in kept.iter().rev().skip(MAX_QUARANTINED) {
        let _ = store.remove(old);
    }
    Ok(key)
}

/// The keys of the unreadable copies kept aside, oldest first.
fn quarantined_keys(store: &dyn KeyValueStore) -> Vec<String> {
    let prefix = quarantine_prefix();
    let mut keys: Vec<(u64, String)> = store
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|key| {
            let stamp = key.strip_prefix(&prefix)?.parse().unwrap_or(0);
            Some((stamp, key))
        })
        .collect();
    quiz_core::order::sort(&mut keys);
    keys.into_iter().map(|(_, key)| key).collect()
}

/// One unreadable copy kept aside, for the backup page to offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarantinedCopy {
    /// When it was kept aside, epoch ms (from its key).
    pub kept_ms: u64,
    /// The text exactly as it was stored.
    pub text: String,
}

/// The unreadable copies kept aside, newest first, so a member can save
/// them (and someone can recover what is in them) before clearing storage.
pub fn quarantined(store: &dyn KeyValueStore) -> Vec<QuarantinedCopy> {
    let prefix = quarantine_prefix();
    quarantined_keys(store)
        .into_iter()
        .rev()
        .filter_map(|key| {
            let text = store.get(&key).ok()??;
            let kept_ms = key.strip_prefix(&prefix)?.parse().unwrap_or(0);
            Some(QuarantinedCopy { kept_ms, text })
        })
        .collect()
}

/// Saves `progress`, merged with whatever another tab stored meanwhile.
/// Returns the merged progress (to adopt) and how saving stands.
pub fn save(
    store: &dyn KeyValueStore,
    progress: &Progress,
    now_ms: u64,
) -> (Progress, StoreStatus) {
    let mut merged = progress.clone();
    match store.get(&progress_key()) {
        Err(_) => return (merged, StoreStatus::Unavailable),
        Ok(stored) => match decode(stored.as_deref()) {
            Decoded::Current(theirs)
            | Decoded::Migrated {
                progress: theirs, ..
            } => merged.merge(&theirs),
            Decoded::Empty => {}
            Decoded::Newer { version, readable } => {
                let status = StoreStatus::ReadOnly {
                    version,
                    shown: readable.is_some(),
                };
                return (merged, status);
            }
            Decoded::Corrupt { .. } => {
                // Keep the unreadable copy before overwriting it.
                if let Some(text) = stored {
                    if quarantine(store, &text, now_ms).is_err() {
                        return (merged, StoreStatus::WriteFailed);
                    }
                }
            }
        },
    }
    match store.set(&progress_key(), &encode(&merged)) {
        Ok(()) => {
            merged.mark_saved();
            // The same choice as `load`'s, written out again: one helper for
            // both measured 289 B more of records.html's wasm.
            let status = if store.durable() {
                StoreStatus::Saving
            } else {
                StoreStatus::Unavailable
            };
            (merged, status)
        }
        Err(StorageError::Unavailable(_)) => (merged, StoreStatus::Unavailable),
        Err(StorageError::QuotaExceeded | StorageError::Failed(_)) => {
            (merged, StoreStatus::WriteFailed)
        }
    }
}

fn web_log(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::warn_1(&message.into());
    #[cfg(not(target_arch = "wasm32"))]
    let _ = message;
}

/// The key of a bank's unfinished exam.
pub fn active_key(bank: &str) -> String {
    format!("{KEY_PREFIX}active:{bank}")
}

/// The unfinished exam of `bank` to resume, if one was saved and still
/// holds together; anything else is ignored.
pub fn load_active(store: &dyn KeyValueStore, bank: &str) -> Option<quiz_core::session::Session> {
    let text = store.get(&active_key(bank)).ok()??;
    let session = quiz_core::progress::SavedAttempt::decode(&text)?.to_session()?;
    (session.bank_id == bank).then_some(session)
}

/// Saves an unfinished exam after every answer; a finished one is removed
/// (it is in the history by then).
pub fn save_active(
    store: &dyn KeyValueStore,
    session: &quiz_core::session::Session,
) -> Result<(), StorageError> {
    if session.is_finished() {
        store.remove(&active_key(&session.bank_id))
    } else {
        store.set(
            &active_key(&session.bank_id),
            &quiz_core::progress::SavedAttempt::from_session(session).encode(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::MemoryStorage;
    use quiz_core::progress::Attempt;
    use std::cell::Cell;

    fn attempt(id: &str) -> Attempt {
        Attempt {
            id: id.into(),
            bank: "charter".into(),
            bank_version: 1,
            mode: "exam".into(),
            score: 1,
            max: 2,
            passed: false,
            started_ms: 1,
            duration_ms: 1,
            outcomes: Vec::new(),
        }
    }

    /// A store whose calls can be made to fail.
    #[derive(Default)]
    struct Faulty {
        inner: MemoryStorage,
        blocked: Cell<bool>,
        full: Cell<bool>,
    }

    impl KeyValueStore for Faulty {
        fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
            if self.blocked.get() {
                return Err(StorageError::Unavailable("SecurityError".into()));
            }
            self.inner.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
            if self.blocked.get() {
                return Err(StorageError::Unavailable("SecurityError".into()));
            }
            if self.full.get() {
                return Err(StorageError::QuotaExceeded);
            }
            self.inner.set(key, value)
        }
        fn remove(&self, key: &str) -> Result<(), StorageError> {
            self.inner.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, StorageError> {
            self.inner.keys()
        }
    }

    #[test]
    fn blocked_storage_runs_in_memory() {
        let store = Faulty::default();
        store.blocked.set(true);
        assert_eq!(load(&store, 0).status, StoreStatus::Unavailable);
        let mut progress = Progress::default();
        progress.attempts.push(attempt("a"));
        let (kept, status) = save(&store, &progress, 0);
        assert_eq!(status, StoreStatus::Unavailable);
        assert_eq!(kept, progress, "nothing is lost in memory");
    }

    /// A store that keeps what is written only while the tab is open, as
    /// the member's pages' store does while `localStorage` is blocked.
    #[derive(Default)]
    struct TabOnly(MemoryStorage);

    impl KeyValueStore for TabOnly {
        fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
            self.0.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
            self.0.set(key, value)
        }
        fn remove(&self, key: &str) -> Result<(), StorageError> {
            self.0.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, StorageError> {
            self.0.keys()
        }
        fn durable(&self) -> bool {
            false
        }
    }

    #[test]
    fn a_store_kept_only_in_the_tab_hands_progress_on_but_says_it_is_not_saved() {
        let store = TabOnly::default();
        assert_eq!(load(&store, 0).status, StoreStatus::Unavailable);
        let mut progress = Progress::default();
        progress.attempts.push(attempt("a"));
        let (kept, status) = save(&store, &progress, 0);
        assert_eq!(status, StoreStatus::Unavailable, "the banner still says so");
        assert_eq!(kept.attempts, progress.attempts);
        // The next page in the tab (records.html, or a reload) reads it.
        let next_page = load(&store, 1);
        assert_eq!(next_page.progress.attempts, progress.attempts);
        assert_eq!(next_page.status, StoreStatus::Unavailable);
    }

    #[test]
    fn a_full_store_reports_the_failure_and_keeps_the_progress() {
        let store = Faulty::default();
        store.full.set(true);
        let mut progress = Progress::default();
        progress.attempts.push(attempt("a"));
        let (kept, status) = save(&store, &progress, 0);
        assert_eq!(status, StoreStatus::WriteFailed);
        assert_eq!(kept.attempts.len(), 1);
        store.full.set(false);
        assert_eq!(save(&store, &kept, 1).1, StoreStatus::Saving);
        assert_eq!(load(&store, 2).progress.attempts.len(), 1);
    }

    #[test]
    fn corrupt_data_is_quarantined_not_deleted() {
        let store = Faulty::default();
        store
            .set(&progress_key(), "{\"schema\": 1, \"progress\": {\"attem")
            .unwrap();
        let loaded = load(&store, 42);
        let StoreStatus::Quarantined { key } = loaded.status else {
            panic!("{:?}", loaded.status)
        };
        assert_eq!(key, "lxyz-quiz:quarantine:42");
        assert_eq!(
            store.get(&key).unwrap().as_deref(),
            Some("{\"schema\": 1, \"progress\": {\"attem")
        );
        assert_eq!(store.get(&progress_key()).unwrap(), None);
    }

    #[test]
    fn newer_data_is_left_untouched_and_saving_is_read_only() {
        let store = Faulty::default();
        let newer = r#"{"schema": 7, "progress": {"whatever": true}}"#;
        store.set(&progress_key(), newer).unwrap();
        let read_only = StoreStatus::ReadOnly {
            version: 7,
            shown: true,
        };
        assert_eq!(load(&store, 0).status, read_only);
        let mut progress = Progress::default();
        progress.attempts.push(attempt("a"));
        assert_eq!(save(&store, &progress, 0).1, read_only);
        assert_eq!(store.get(&progress_key()).unwrap().as_deref(), Some(newer));
    }

    #[test]
    fn two_tabs_saving_alternately_lose_nothing() {
        let store = Faulty::default();
        let (mut a, mut b) = (Progress::default(), Progress::default());
        for round in 0..20 {
            a.attempts.push(attempt(&format!("a{round}")));
            a = save(&store, &a, round).0;
            b.attempts.push(attempt(&format!("b{round}")));
            b = save(&store, &b, round).0;
        }
        let stored = load(&store, 99).progress;
        assert_eq!(stored.attempts.len(), 40);
    }

    #[test]
    fn what_a_newer_schema_holds_is_shown_when_it_can_be_read() {
        let store = Faulty::default();
        let mut progress = Progress::default();
        progress.attempts.push(attempt("a"));
        let newer = encode(&progress).replace(r#""schema":2"#, r#""schema":9"#);
        store.set(&progress_key(), &newer).unwrap();
        let loaded = load(&store, 0);
        assert_eq!(
            loaded.status,
            StoreStatus::ReadOnly {
                version: 9,
                shown: true
            }
        );
        assert_eq!(loaded.progress.attempts.len(), 1, "shown read-only");
        store
            .set(&progress_key(), r#"{"schema": 9, "progress": [1, 2]}"#)
            .unwrap();
        assert_eq!(
            load(&store, 0).status,
            StoreStatus::ReadOnly {
                version: 9,
                shown: false
            }
        );
    }

    #[test]
    fn at_most_a_few_unreadable_copies_are_kept_and_all_can_be_read() {
        let store = Faulty::default();
        for round in 0..6u64 {
            store
                .set(&progress_key(), &format!("garbage {round}"))
                .unwrap();
            let loaded = load(&store, 1_000 + round);
            assert!(matches!(loaded.status, StoreStatus::Quarantined { .. }));
        }
        let kept = quarantined(&store);
        assert_eq!(kept.len(), MAX_QUARANTINED);
        assert_eq!(kept[0].text, "garbage 5", "newest first");
        assert_eq!(kept[0].kept_ms, 1_005);
        assert_eq!(kept[2].text, "garbage 3");
        // Nothing else was touched.
        assert_eq!(store.keys().unwrap().len(), MAX_QUARANTINED);
    }

    #[test]
    fn a_saved_change_is_no_longer_pending() {
        let store = Faulty::default();
        let mut progress = Progress::default();
        progress.toggle_favourite("q", 5);
        assert!(!progress.unsaved.is_empty());
        let (saved, status) = save(&store, &progress, 5);
        assert_eq!(status, StoreStatus::Saving);
        assert!(saved.unsaved.is_empty());
        store.full.set(true);
        progress.toggle_favourite("r", 6);
        let (failed, _) = save(&store, &progress, 6);
        assert!(
            failed.is_unsaved("r"),
            "a change that did not reach storage still wins the next save"
        );
    }
}
