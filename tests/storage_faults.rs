//! A randomized fault-injection run over the browser's real localStorage:
//! blocked access, a full store, failed writes, corrupt and truncated values,
//! old and future schema versions, and another tab writing in between,
//! while the clock jumps back and forth. Progress must never panic and never
//! lose an attempt, a wrong-answer book entry, a favourite, a review
//! schedule or a study day. And the tab's own store, `window.name`, which
//! keeps a visit's records while storage is blocked.

#![cfg(target_arch = "wasm32")]

use quiz_app::platform::{BrowserStorage, KeyValueStore, StorageError, TabStorage};
use quiz_app::progress_store::{load, progress_key, save, StoreStatus};
use quiz_core::progress::{Attempt, Progress, QuestionRecord};
use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Fails the next call of a kind when told to.
#[derive(Default)]
struct Faulty {
    inner: BrowserStorage,
    fail_get: Cell<bool>,
    fail_set: Cell<Option<StorageError>>,
}

impl KeyValueStore for Faulty {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        if self.fail_get.replace(false) {
            return Err(StorageError::Unavailable("SecurityError: blocked".into()));
        }
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(error) = self.fail_set.take() {
            return Err(error);
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

/// A small deterministic generator, so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn attempt(id: String, started_ms: u64) -> Attempt {
    Attempt {
        id,
        bank: "charter".into(),
        bank_version: 1,
        mode: "exam".into(),
        score: 10,
        max: 20,
        passed: false,
        started_ms,
        duration_ms: 5_000,
        outcomes: vec![("charter-001".into(), 'c'), ("charter-002".into(), 'w')],
    }
}

fn clear(store: &BrowserStorage) {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let keys: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|key| key.starts_with("lxyz-quiz:"))
        .collect();
    for key in keys {
        store.remove(&key).unwrap();
    }
}

#[wasm_bindgen_test]
fn a_thousand_random_faults_lose_no_attempt() {
    let store = Faulty::default();
    clear(&store.inner);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut tabs = [Progress::default(), Progress::default()];
    let mut recorded: BTreeSet<String> = BTreeSet::new();
    // Each tab's last change to each of its own questions, and the study
    // days answered on: what storage must hold at the end.
    let mut changed: BTreeMap<String, QuestionRecord> = BTreeMap::new();
    let mut studied: BTreeSet<i32> = BTreeSet::new();
    let mut faults = [0u32; 8];
    // Stored values rewritten as schema 1, which must migrate on load.
    let mut old_versions = 0u32;
    for step in 0..1_500u64 {
        let tab = rng.below(2) as usize;
        if rng.below(10) < 4 {
            let id = format!("t{tab}-{step}");
            tabs[tab].attempts.push(attempt(id.clone(), step));
            recorded.insert(id);
        }
        if rng.below(10) < 4 {
            // A practice answer or a favourite, by a clock that sometimes
            // jumps far back or ahead (a phone's clock being corrected).
            let question = format!("t{tab}-q{}", rng.below(5));
            let now_ms = match rng.below(10) {
                0 => step / 10,
                1 => 4_000_000_000_000 + step,
                _ => 1_700_000_000_000 + step,
            };
            let day = 20_000 + (step / 100) as i32;
            if rng.below(2) == 0 {
                tabs[tab].toggle_favourite(&question, now_ms);
            } else {
                let right = rng.below(2) == 0;
                tabs[tab].record_answer("charter", &question, right, now_ms, day);
                studied.insert(day);
            }
            changed.insert(question.clone(), tabs[tab].questions[&question].clone());
        }
        let mut newer = None;
        if rng.below(10) < 8 {
            let kind = rng.below(8) as usize;
            faults[kind] += 1;
            match kind {
                0 => store.fail_get.set(true),
                1 => store.fail_set.set(Some(StorageError::QuotaExceeded)),
                2 => store
                    .fail_set
                    .set(Some(StorageError::Failed("write failed".into()))),
                3 => {
                    // Truncate what is stored, as a crash mid-write would.
                    if let Ok(Some(text)) = store.inner.get(&progress_key()) {
                        let cut = rng.below(text.len().max(1) as u64) as usize;
                        let cut = (0..=cut)
                            .rev()
                            .find(|&i| text.is_char_boundary(i))
                            .unwrap_or(0);
                        store.inner.set(&progress_key(), &text[..cut]).unwrap();
                    }
                }
                4 => store.inner.set(&progress_key(), "\u{0}garbage{").unwrap(),
                5 => {
                    // The other tab saves in between.
                    let other = 1 - tab;
                    tabs[other] = save(&store, &tabs[other], step).0;
                }
                6 => {
                    let text = r#"{"schema": 99, "progress": {"from": "the future"}}"#;
                    let before = store.inner.get(&progress_key()).unwrap();
                    store.inner.set(&progress_key(), text).unwrap();
                    newer = Some((text, before));
                }
                _ => {
                    // Old data: the previous schema (migrated on load), or
                    // one so old that no migration exists (quarantined).
                    let stored = store.inner.get(&progress_key()).unwrap();
                    let old = match stored {
                        Some(text) if rng.below(2) == 0 && text.starts_with(r#"{"schema":2,"#) => {
                            old_versions += 1;
                            text.replacen(r#"{"schema":2,"#, r#"{"schema":1,"#, 1)
                        }
                        _ => r#"{"schema": 0, "progress": {}}"#.to_string(),
                    };
                    store.inner.set(&progress_key(), &old).unwrap()
                }
            }
        }
        let (adopted, status) = save(&store, &tabs[tab], step);
        tabs[tab] = adopted;
        if let Some((text, before)) = newer {
            assert!(
                matches!(status, StoreStatus::ReadOnly { version: 99, .. }),
                "{status:?}"
            );
            assert_eq!(
                store.inner.get(&progress_key()).unwrap().as_deref(),
                Some(text),
                "newer data untouched"
            );
            // Put back what the newer build replaced, as if it had not run.
            match before {
                Some(before) => store.inner.set(&progress_key(), &before).unwrap(),
                None => store.inner.remove(&progress_key()).unwrap(),
            }
        }
        // A new tab opening now must load without panicking.
        if step % 50 == 0 {
            let _ = load(&store, step);
        }
    }
    // Faults stop; both tabs save again.
    for tab in 0..2 {
        let other = 1 - tab;
        tabs[tab] = save(&store, &tabs[tab], 10_000).0;
        tabs[other] = save(&store, &tabs[other], 10_001).0;
    }
    let stored = load(&store, 10_002);
    assert_eq!(stored.status, StoreStatus::Saving);
    let kept: BTreeSet<String> = stored
        .progress
        .attempts
        .iter()
        .map(|a| a.id.clone())
        .collect();
    let lost: Vec<&String> = recorded.difference(&kept).collect();
    for (question, expected) in &changed {
        let kept = &stored.progress.questions[question];
        assert_eq!(
            (kept.seen, kept.wrong_book, kept.favourite, kept.review),
            (
                expected.seen,
                expected.wrong_book,
                expected.favourite,
                expected.review
            ),
            "{question}: a change was lost"
        );
    }
    for day in &studied {
        assert!(
            stored
                .progress
                .days
                .get(day)
                .is_some_and(|d| d.answered > 0),
            "study day {day} lost"
        );
    }
    let total: u32 = faults.iter().sum();
    web_sys::console::log_1(
        &format!(
            "storage faults injected: {total} {faults:?} ({old_versions} as schema 1); attempts recorded {}, kept {}",
            recorded.len(),
            kept.len()
        )
        .into(),
    );
    assert!(total >= 1_000, "only {total} faults");
    assert!(old_versions > 10, "only {old_versions} schema 1 values");
    assert!(lost.is_empty(), "lost attempts: {lost:?}");
    assert!(
        changed.len() >= 8,
        "only {} questions changed",
        changed.len()
    );
    clear(&store.inner);
}

fn set_window_name(name: &str) {
    web_sys::window().unwrap().set_name(name).unwrap();
}

#[wasm_bindgen_test]
fn the_tab_store_hands_its_keys_to_the_next_page_in_the_tab() {
    // A portal's frame name is not the app's: it reads as an empty store.
    set_window_name("portal-frame");
    let page = TabStorage::default();
    assert_eq!(page.get(&progress_key()), Ok(None));
    assert_eq!(page.keys(), Ok(Vec::new()));
    assert!(!page.durable(), "it lasts only while the tab is open");

    let mut progress = Progress::default();
    progress.attempts.push(attempt("kept-in-tab".into(), 1));
    let (_, status) = save(&page, &progress, 2);
    assert_eq!(status, StoreStatus::Unavailable, "the banner says so");
    page.set("lxyz-quiz:lang", "en").unwrap();
    page.set("lxyz-quiz:gone", "soon").unwrap();
    page.remove("lxyz-quiz:gone").unwrap();

    // The next page in the tab (records.html, or a reload) starts afresh
    // and reads what this one wrote.
    let next = TabStorage::default();
    let loaded = load(&next, 3);
    assert_eq!(loaded.progress.attempts, progress.attempts);
    assert_eq!(loaded.status, StoreStatus::Unavailable);
    assert_eq!(next.get("lxyz-quiz:lang"), Ok(Some("en".into())));
    assert_eq!(next.get("lxyz-quiz:gone"), Ok(None));
    let mut keys = next.keys().unwrap();
    keys.sort();
    assert_eq!(keys, vec!["lxyz-quiz:lang".to_string(), progress_key()]);
    set_window_name("");
}

#[wasm_bindgen_test]
fn a_damaged_tab_store_reads_as_empty_and_is_written_afresh() {
    set_window_name("quiz-tab-store:1:{\"lxyz-quiz:progress\": tru");
    let page = TabStorage::default();
    assert_eq!(page.get(&progress_key()), Ok(None));
    page.set("lxyz-quiz:lang", "zh").unwrap();
    assert_eq!(
        TabStorage::default().get("lxyz-quiz:lang"),
        Ok(Some("zh".into()))
    );
    set_window_name("");
}
