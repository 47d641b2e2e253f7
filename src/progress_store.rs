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
    match decode(stored.as_deref()) {
        Decoded::Empty => Loaded {
            progress: Progress::default(),
            status: StoreStatus::Saving,
        },
        Decoded::Current(progress) | Decoded::Migrated { progress, .. } => Loaded {
            progress,
            status: StoreStatus::Saving,
        },
        Decoded::Newer { version } => Loaded {
            progress: Progress::default(),
            status: StoreStatus::ReadOnly { version },
        },
        Decoded::Corrupt { reason } => {
            web_log(&format!(
                "quiz: stored progress is unreadable ({reason}); keeping it aside"
            ));
            let key = format!("{KEY_PREFIX}quarantine:{now_ms}");
            let kept = stored
                .as_deref()
                .map(|text| store.set(&key, text).is_ok())
                .unwrap_or(false);
            // Only clear the original once a copy is safe.
            if kept {
                let _ = store.remove(&progress_key());
            }
            Loaded {
                progress: Progress::default(),
                status: StoreStatus::Quarantined { key },
            }
        }
    }
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
            Decoded::Newer { version } => return (merged, StoreStatus::ReadOnly { version }),
            Decoded::Corrupt { .. } => {
                // Keep the unreadable copy before overwriting it.
                let key = format!("{KEY_PREFIX}quarantine:{now_ms}");
                if let Some(text) = stored {
                    if store.set(&key, &text).is_err() {
                        return (merged, StoreStatus::WriteFailed);
                    }
                }
            }
        },
    }
    match store.set(&progress_key(), &encode(&merged)) {
        Ok(()) => (merged, StoreStatus::Saving),
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
        assert_eq!(load(&store, 0).status, StoreStatus::ReadOnly { version: 7 });
        let mut progress = Progress::default();
        progress.attempts.push(attempt("a"));
        assert_eq!(
            save(&store, &progress, 0).1,
            StoreStatus::ReadOnly { version: 7 }
        );
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
}
