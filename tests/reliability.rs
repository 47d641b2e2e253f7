//! Browser tests of what keeps members' data and the page safe when storage
//! or banks misbehave: a saved exam that no longer fits its bank, an exam
//! that cannot be saved, unreadable progress kept aside, and a backup file
//! too large to read.

#![cfg(target_arch = "wasm32")]

mod support;

use quiz_app::app::{RecordsShell, Shell};
use quiz_app::load::MANIFEST_URL;
use quiz_app::platform::{KeyValueStore, MemoryStorage, Platform, StorageError};
use quiz_app::progress_store::active_key;
use quiz_app::route::{Page, Route};
use quiz_core::progress::SavedAttempt;
use quiz_core::session::{Mode, Plan, Selection, Session};
use quiz_core::{check_bank, Bank};
use std::rc::Rc;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn platform_over(storage: Rc<dyn KeyValueStore>) -> Platform {
    Platform {
        storage,
        fetcher: Rc::new(
            FakeFetcher::default()
                .with(MANIFEST_URL, MANIFEST)
                .with("questions/charter.json", BANK),
        ),
        clock: Rc::new(FixedClock::default()),
        host: Rc::new(TestHost::default()),
    }
}

/// The app of the page that renders `hash` (`index.html` or
/// `records.html`), mounted there.
async fn shell_at(hash: &str, storage: Rc<dyn KeyValueStore>) -> web_sys::Element {
    set_hash(hash);
    let props = shell_props(platform_over(storage));
    let root = match Route::parse(hash).page() {
        Page::Main => mount::<Shell>(props).await,
        Page::Records => mount::<RecordsShell>(props).await,
    };
    settle().await;
    root
}

#[wasm_bindgen_test]
async fn an_exam_that_no_longer_fits_its_bank_is_redrawn_with_a_notice() {
    // The exam was drawn when charter-001 had a fourth option; the
    // coordinator has since removed it without raising the version.
    let published = check_bank("charter.json", BANK.as_bytes()).value.unwrap();
    let mut before: Bank = published.clone();
    let widened = BANK.replacen(
        r#"{"zh": "两年"}], "answer": "B""#,
        r#"{"zh": "两年"}, {"zh": "三年"}], "answer": "B""#,
        1,
    );
    assert_ne!(widened, BANK);
    before.questions = check_bank("charter.json", widened.as_bytes())
        .value
        .unwrap()
        .questions;
    let plan = Plan {
        mode: Mode::Exam,
        selection: Selection::Ids {
            ids: vec!["charter-001".into()],
        },
        time_limit_ms: Some(600_000),
    };
    let mut session = Session::start(&before, plan, 9, 0).unwrap();
    let last_option = session.items[0].order.iter().position(|&o| o == 3).unwrap();
    session.choose(0, last_option, 1).unwrap();
    let storage = Rc::new(MemoryStorage::default());
    storage
        .set(
            &active_key("charter"),
            &SavedAttempt::from_session(&session).encode(),
        )
        .unwrap();

    let root = shell_at("#/bank/charter/exam", storage).await;
    let notice = root
        .query_selector(".resume-discarded")
        .unwrap()
        .expect("the page says why the exam was not resumed");
    assert!(notice.text_content().unwrap().contains("题库已更新"));
    assert!(
        root.query_selector(".question").unwrap().is_some(),
        "a new draw"
    );
    assert!(root.query_selector(".resumed").unwrap().is_none());
}

/// Storage that refuses to keep an unfinished exam (a full quota).
#[derive(Default)]
struct NoRoomForExams(MemoryStorage);

impl KeyValueStore for NoRoomForExams {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.0.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if key.starts_with("lxyz-quiz:active:") {
            return Err(StorageError::QuotaExceeded);
        }
        self.0.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.0.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.0.keys()
    }
}

#[wasm_bindgen_test]
async fn an_exam_that_cannot_be_saved_is_said_on_the_page() {
    let root = shell_at("#/bank/charter/exam", Rc::new(NoRoomForExams::default())).await;
    let alert = root
        .query_selector(".active-save-failed")
        .unwrap()
        .expect("the member is told not to reload");
    assert!(alert.text_content().unwrap().contains("不要刷新"));
    assert_eq!(alert.get_attribute("role").as_deref(), Some("alert"));
}

#[wasm_bindgen_test]
async fn the_backup_page_offers_the_progress_kept_aside() {
    let storage = Rc::new(MemoryStorage::default());
    storage
        .set(
            "lxyz-quiz:quarantine:1795867200000",
            "{\"schema\": 2, \"progr",
        )
        .unwrap();
    let root = shell_at("#/backup", storage).await;
    let copies = root.query_selector_all(".quarantine-copy").unwrap();
    assert_eq!(copies.length(), 1);
    assert!(root
        .query_selector(".quarantine-copy")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains("2026-11-28"));
    click(&root, ".quarantine-show");
    settle().await;
    let text: web_sys::HtmlTextAreaElement = root
        .query_selector(".quarantine-copy textarea")
        .unwrap()
        .unwrap_or_else(|| {
            panic!(
                "the text is not shown to copy: {:?}",
                root.query_selector(".backup-quarantine")
                    .unwrap()
                    .map(|s| s.outer_html())
            )
        })
        .unchecked_into();
    assert_eq!(text.value(), "{\"schema\": 2, \"progr");
}

#[wasm_bindgen_test]
async fn a_backup_file_over_the_limit_is_refused_before_it_is_read() {
    let root = shell_at("#/backup", Rc::new(MemoryStorage::default())).await;
    // A 9 MB file: the limit is 8 MB.
    let bytes = js_sys::Uint8Array::new_with_length(9 * 1024 * 1024);
    let parts = js_sys::Array::of1(&bytes);
    let file = web_sys::File::new_with_u8_array_sequence(&parts, "huge.json").unwrap();
    let transfer = web_sys::DataTransfer::new().unwrap();
    transfer.items().add_with_file(&file).unwrap();
    let input: web_sys::HtmlInputElement = root
        .query_selector(".backup-import__file input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_files(transfer.files().as_ref());
    // Yew listens at the root, so the event must bubble as a real one does.
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    // Refused at once, from the size alone: reading 9 MB would take a
    // task of its own before any verdict.
    yew::scheduler::flush().await;
    let refused = root
        .query_selector(".import-refused")
        .unwrap()
        .expect("refused before the file was read");
    assert!(refused.text_content().unwrap().contains("太大"));
    settle().await;
    assert!(root.query_selector(".import-preview").unwrap().is_none());
}
