//! Browser tests of the progress and backup pages, through the whole shell
//! with progress in (fake) storage, as a member who has studied for a while
//! would see them.

#![cfg(target_arch = "wasm32")]

mod support;

use quiz_app::app::RecordsShell;
use quiz_app::load::MANIFEST_URL;
use quiz_app::platform::{KeyValueStore, MemoryStorage, Platform};
use quiz_app::progress_store::{load, progress_key};
use quiz_core::progress::{encode, export_backup, Attempt, Progress};
use std::rc::Rc;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// 2026-11-28 12:00 UTC.
const NOW: u64 = 1_795_867_200_000;

fn exam(id: &str, started_ms: u64, score: u32, passed: bool) -> Attempt {
    Attempt {
        id: id.into(),
        bank: "charter".into(),
        bank_version: 3,
        mode: "exam".into(),
        score,
        max: 200,
        passed,
        started_ms,
        duration_ms: 125_000,
        outcomes: vec![("charter-001".into(), 'c'), ("charter-002".into(), 'w')],
    }
}

/// Two exams a day apart and some practice, with old attempts pruned.
fn studied() -> Progress {
    let today = (NOW / 86_400_000) as i32;
    let mut progress = Progress {
        attempts: vec![
            exam("older", NOW - 86_400_000, 100, false),
            exam("newer", NOW - 3_600_000, 180, true),
        ],
        ..Progress::default()
    };
    progress.record_answer("charter", "charter-001", true, NOW - 2, today - 1);
    progress.record_answer("charter", "charter-002", false, NOW - 1, today - 1);
    progress.record_answer("charter", "charter-003", true, NOW, today);
    progress.pruned = 4;
    progress
}

fn platform_with(progress: &Progress) -> (Platform, Rc<MemoryStorage>) {
    let storage = Rc::new(MemoryStorage::default());
    storage.set(&progress_key(), &encode(progress)).unwrap();
    let clock = FixedClock::default();
    clock.now.set(NOW);
    let platform = Platform {
        storage: storage.clone(),
        fetcher: Rc::new(FakeFetcher::default().with(MANIFEST_URL, MANIFEST)),
        clock: Rc::new(clock),
        host: Rc::new(TestHost::default()),
    };
    (platform, storage)
}

fn text_of(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector} in {:?}", root.text_content()))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_progress_page_shows_calendar_trend_figures_and_history() {
    set_hash("#/progress");
    let (platform, _) = platform_with(&studied());
    let root = mount::<RecordsShell>(shell_props(platform)).await;
    set_hash("");

    // The calendar: 18 weeks of days up to today, the two study days shaded.
    let days = root.query_selector_all(".calendar__day[data-day]").unwrap();
    assert_eq!(days.length(), 17 * 7 + 6, "Saturday ends the last week");
    let today = root
        .query_selector("[data-day='2026-11-28']")
        .unwrap()
        .unwrap();
    assert_eq!(today.class_name(), "calendar__day calendar__day--1");
    assert!(text_of(&root, ".calendar__summary").contains("2 天"));

    // The trend: one point per exam, the passed one filled.
    let points = root.query_selector_all(".trend__point").unwrap();
    assert_eq!(points.length(), 2);
    assert_eq!(
        root.query_selector_all(".trend__point--passed")
            .unwrap()
            .length(),
        1
    );
    let chart = root.query_selector(".trend__chart").unwrap().unwrap();
    let label = chart.get_attribute("aria-label").unwrap();
    assert!(label.contains("50, 90"), "{label}");

    // Per bank: 3 questions answered, 2 right, one in the wrong-answer book
    // with a link to practise it.
    let row = text_of(&root, "tr[data-bank=charter]");
    assert!(row.contains("66%"), "{row}");
    assert!(row.contains("90/100"), "best exam: {row}");
    assert!(root
        .query_selector(
            "tr[data-bank=charter] a[href='index.html#/bank/charter/practice?set=wrong']"
        )
        .unwrap()
        .is_some());

    // The history, newest first, with pass marks, time and date; and the
    // notice that older attempts were pruned.
    let items = root.query_selector_all(".history__item").unwrap();
    assert_eq!(items.length(), 2);
    let first = items.get(0).unwrap().text_content().unwrap();
    assert!(first.contains("90/100"), "{first}");
    assert!(first.contains("及格"), "{first}");
    assert!(first.contains("02:05"), "{first}");
    assert!(first.contains("2026-11-28 11:00"), "{first}");
    assert!(first.contains("逐题情况 (1 答对 / 1 回答错误)"), "{first}");
    assert!(text_of(&root, ".history__pruned").contains("4 条"));
}

#[wasm_bindgen_test]
async fn a_backup_is_checked_previewed_and_merged_without_dropping_anything() {
    set_hash("#/backup");
    let (platform, storage) = platform_with(&studied());
    let root = mount::<RecordsShell>(shell_props(platform)).await;

    // Export as text: the whole progress, readable back.
    click(&root, ".export-text");
    settle().await;
    let area: web_sys::HtmlTextAreaElement = root
        .query_selector(".backup-export__text")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let exported = quiz_core::progress::read_backup(&area.value(), NOW)
        .unwrap_or_else(|e| panic!("{e:?} reading {:?}", area.value()));
    assert_eq!(exported, studied());

    // Pasting a cut-off text is refused with a reason, and changes nothing.
    let paste = |text: &str| {
        let area: web_sys::HtmlTextAreaElement = root
            .query_selector(".backup-import__paste textarea")
            .unwrap()
            .unwrap()
            .unchecked_into();
        area.set_value(text);
        area.dispatch_event(&web_sys::InputEvent::new("input").unwrap())
            .unwrap();
    };
    let other_phone = {
        let mut progress = Progress::default();
        progress
            .attempts
            .push(exam("from-wechat", NOW - 10, 150, true));
        progress.record_answer("charter", "charter-004", true, NOW + 5, 20_000);
        export_backup(&progress, NOW + 6)
    };
    paste(&other_phone[..other_phone.len() - 3]);
    settle().await;
    click(&root, ".import-check");
    settle().await;
    assert!(text_of(&root, ".import-refused").contains("少了一部分"));

    // The whole text: a preview of what it adds, then the merge.
    paste(&other_phone);
    settle().await;
    click(&root, ".import-check");
    settle().await;
    let preview = text_of(&root, ".import-preview");
    assert!(preview.contains("新增 1 条考试与练习记录"), "{preview}");
    assert!(preview.contains("新增 1 道题的作答记录"), "{preview}");
    assert!(preview.contains("新增 1 个学习日"), "{preview}");
    click(&root, ".import-merge");
    settle().await;
    assert!(text_of(&root, ".import-done").contains("已导入"));

    let saved = load(storage.as_ref(), NOW).progress;
    let ids: Vec<&str> = saved.attempts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["older", "newer", "from-wechat"]);
    for id in ["charter-001", "charter-002", "charter-003", "charter-004"] {
        assert!(saved.questions.contains_key(id), "{id} missing");
    }
    set_hash("");
}
