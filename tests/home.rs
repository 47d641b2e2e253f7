//! Browser tests of the home page: the bank list, the error panel and the
//! shell around them, rendered by Yew in headless Chromium.

#![cfg(target_arch = "wasm32")]

mod support;

use quiz_app::app::{RecordsShell, Shell, ShellProps};
use quiz_app::components::{bank_list, error_panel, BankListProps, ErrorPanelProps};
use quiz_app::load::MANIFEST_URL;
use quiz_app::load::{LoadError, LoadProblem, LoadState};
use quiz_app::platform::pacing::{Pacer, SLICE_MS};
use quiz_app::platform::{BrowserFetcher, FetchError, Fetcher, Platform};
use quiz_app::progress_store::{Loaded, StoreStatus};
use quiz_app::route::Route;
use quiz_app::startup::preload;
use quiz_core::manifest::parse_manifest;
use quiz_core::Lang;
use std::rc::Rc;
use std::task::{Context, Waker};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

/// The bank list of the test manifest, as a member with `progress` sees it.
async fn mount_bank_list(
    lang: Lang,
    progress: Option<Rc<quiz_core::progress::Progress>>,
) -> web_sys::Element {
    let manifest = Rc::new(parse_manifest("index.json", MANIFEST.as_bytes()).unwrap());
    mount_view(bank_list(&BankListProps {
        manifest,
        lang,
        progress,
        today: 0,
    }))
    .await
}

#[wasm_bindgen_test]
async fn bank_list_shows_title_description_and_count() {
    let root = mount_bank_list(Lang::Zh, None).await;
    let cards = root.query_selector_all(".bank-card").unwrap();
    assert_eq!(cards.length(), 2);
    let first = root.query_selector("[data-bank=charter]").unwrap().unwrap();
    let text = first.text_content().unwrap();
    assert!(text.contains("党章"), "{text}");
    assert!(text.contains("党章自测"), "{text}");
    assert!(text.contains("72 题"), "{text}");
    // A real list, for screen readers.
    assert!(root.query_selector("ul > li.bank-card").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn bank_list_in_english_falls_back_to_chinese_where_untranslated() {
    let root = mount_bank_list(Lang::En, Some(Rc::new(best_progress()))).await;
    let text = root.text_content().unwrap();
    assert!(text.contains("The Party Constitution"), "{text}");
    assert!(text.contains("72 questions"), "{text}");
    let rules = root.query_selector("[data-bank=rules]").unwrap().unwrap();
    assert!(rules.text_content().unwrap().contains("党规"));
    // The best of two exams is shown, half points included.
    let charter = root.query_selector("[data-bank=charter]").unwrap().unwrap();
    assert!(
        charter
            .text_content()
            .unwrap()
            .contains("Best score 85.5/100"),
        "{}",
        charter.text_content().unwrap()
    );
    assert!(!rules.text_content().unwrap().contains("Best score"));
}

#[wasm_bindgen_test]
async fn error_panel_names_the_file_and_the_problem() {
    let problems = parse_manifest(
        "questions/index.json",
        b"{\"banks\": [\n  {\"id\": \"x\",}\n]}",
    )
    .unwrap_err();
    let retried = Rc::new(std::cell::Cell::new(false));
    let on_retry = {
        let retried = retried.clone();
        Callback::from(move |()| retried.set(true))
    };
    let root = mount_view(error_panel(&ErrorPanelProps {
        error: LoadError {
            file: "questions/index.json".into(),
            problem: LoadProblem::Invalid(problems),
        },
        lang: Lang::Zh,
        on_retry,
    }))
    .await;
    let panel = root.query_selector(".error-panel").unwrap().unwrap();
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    let text = panel.text_content().unwrap();
    assert!(text.contains("questions/index.json"), "{text}");
    assert!(text.contains("第 2 行第 14 列"), "{text}");
    assert!(text.contains("逗号"), "{text}");
    let button: web_sys::HtmlElement =
        wasm_bindgen::JsCast::unchecked_into(root.query_selector("button").unwrap().unwrap());
    button.click();
    assert!(retried.get(), "retry was not reported");
}

#[wasm_bindgen_test]
async fn shell_loads_the_manifest_and_lists_banks() {
    let root = mount::<Shell>(shell_props(platform(
        FakeFetcher::default().with(MANIFEST_URL, MANIFEST),
    )))
    .await;
    // The bank list itself (the header's tagline names 党章 whatever loads):
    // one card per listed bank, in the manifest's order, with its count.
    let cards = root.query_selector_all(".bank-card").unwrap();
    assert_eq!(cards.length(), 2);
    let card = |at: u32| -> web_sys::Element { cards.get(at).unwrap().unchecked_into() };
    assert_eq!(
        card(0).get_attribute("data-bank").as_deref(),
        Some("charter")
    );
    assert_eq!(card(1).get_attribute("data-bank").as_deref(), Some("rules"));
    let title = card(0)
        .query_selector(".bank-card__title")
        .unwrap()
        .unwrap();
    // The title, then the decorative mark (hidden from screen readers).
    assert_eq!(
        title.text_content().unwrap().trim_end_matches('›').trim(),
        "党章"
    );
    let count = card(0)
        .query_selector(".bank-card__count")
        .unwrap()
        .unwrap();
    assert_eq!(count.text_content().unwrap(), "72 题");
    // And which texts the questions follow.
    let note = root.query_selector(".bank-list__texts").unwrap().unwrap();
    assert!(note.text_content().unwrap().contains("现行有效"));
    assert!(root.query_selector(".error-panel").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_prefetched_file_is_requested_once() {
    // The browser's fetcher: a later fetch takes over the prefetch's
    // request instead of sending its own (the test server answers 404).
    let fetcher = BrowserFetcher;
    let url = "questions/prefetch-probe.json";
    fetcher.prefetch(url);
    fetcher.prefetch(url);
    assert_eq!(fetcher.fetch(url).await, Err(FetchError::Status(404)));
    // The timing entry is written once the unread body has been discarded.
    settle().await;
    let requests = js_sys::eval(&format!(
        "performance.getEntriesByType('resource').filter(e => e.name.endsWith('/{url}')).length"
    ))
    .unwrap();
    assert_eq!(requests.as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
async fn start_up_loads_the_list_and_the_linked_bank_before_the_first_render() {
    let fetcher = FakeFetcher::default()
        .with(MANIFEST_URL, MANIFEST)
        .with("questions/charter.json", BANK);
    let prefetched = fetcher.prefetched();
    let preloaded = preload(Rc::new(fetcher), &Route::parse("#/bank/charter")).await;
    // The linked bank was requested beside the bank list, then loaded.
    assert_eq!(*prefetched.borrow(), ["questions/charter.json"]);
    assert!(matches!(preloaded.manifest, LoadState::Ready(_)));
    let bank = preloaded.bank.expect("the linked bank");
    assert_eq!(bank.file, "charter.json");
    assert!(matches!(bank.state, LoadState::Ready(_)));
    // The shell's first render uses both and fetches nothing more: this
    // fetcher answers every request with 404.
    set_hash("#/bank/charter");
    let root = mount::<Shell>(ShellProps {
        preloaded_manifest: Some(preloaded.manifest),
        preloaded_bank: Some(bank),
        ..shell_props(platform(FakeFetcher::default()))
    })
    .await;
    set_hash("");
    let page = root
        .query_selector(".bank-page")
        .unwrap()
        .expect("bank page");
    assert!(page.text_content().unwrap().contains("第一章 党员"));
    assert!(root.query_selector(".error-panel").unwrap().is_none());
    // Other links load only the list.
    let fetcher = FakeFetcher::default().with(MANIFEST_URL, MANIFEST);
    let prefetched = fetcher.prefetched();
    let preloaded = preload(Rc::new(fetcher), &Route::parse("#/progress")).await;
    assert!(prefetched.borrow().is_empty());
    assert!(preloaded.bank.is_none());
}

#[wasm_bindgen_test]
async fn long_work_yields_to_the_browser_only_after_a_slice() {
    let ready_now = |pause: &mut quiz_core::bank::PauseFuture| {
        let mut context = Context::from_waker(Waker::noop());
        pause.as_mut().poll(&mut context).is_ready()
    };
    let mut pacer = Pacer::start();
    assert!(ready_now(&mut pacer.pause()), "a short slice goes on");
    let start = js_sys::Date::now();
    while js_sys::Date::now() - start < SLICE_MS + 5.0 {}
    let mut pause = pacer.pause();
    assert!(!ready_now(&mut pause), "a long slice waits for a new task");
    pause.await;
    assert!(ready_now(&mut pacer.pause()), "and a new slice starts");
}

#[wasm_bindgen_test]
async fn shell_shows_the_error_panel_when_the_manifest_is_missing() {
    let root = mount::<Shell>(shell_props(platform(
        FakeFetcher::default().failing(MANIFEST_URL, FetchError::Status(404)),
    )))
    .await;
    let panel = root
        .query_selector(".error-panel")
        .unwrap()
        .expect("error panel");
    let text = panel.text_content().unwrap();
    assert!(text.contains("HTTP 404"), "{text}");
    assert!(text.contains(MANIFEST_URL), "{text}");
}

#[wasm_bindgen_test]
async fn shell_opens_a_bank_from_a_deep_link_and_shows_its_contents() {
    set_hash("#/bank/charter");
    let fetcher = FakeFetcher::default()
        .with(MANIFEST_URL, MANIFEST)
        .with("questions/charter.json", BANK);
    let root = mount::<Shell>(shell_props(platform(fetcher))).await;
    settle().await;
    set_hash("");
    let page = root
        .query_selector(".bank-page")
        .unwrap()
        .expect("bank page");
    let text = page.text_content().unwrap();
    assert!(text.contains("党章"), "{text}");
    let single = root
        .query_selector("[data-type=single] dd")
        .unwrap()
        .unwrap();
    assert_eq!(single.text_content().unwrap(), "1");
    assert!(text.contains("第一章 党员"), "tag name missing: {text}");
}

/// The charter bank's page when its file answers with `bank` (or fails
/// with the error), and the error panel shown there.
async fn charter_page_refusing(bank: Result<&str, FetchError>) -> (web_sys::Element, String) {
    set_hash("#/bank/charter");
    let fetcher = FakeFetcher::default().with(MANIFEST_URL, MANIFEST);
    let fetcher = match bank {
        Ok(text) => fetcher.with("questions/charter.json", text),
        Err(error) => fetcher.failing("questions/charter.json", error),
    };
    let root = mount::<Shell>(shell_props(platform(fetcher))).await;
    settle().await;
    set_hash("");
    let panel = root
        .query_selector(".error-panel")
        .unwrap()
        .expect("error panel");
    let text = panel.text_content().unwrap();
    (root, text)
}

#[wasm_bindgen_test]
async fn a_bank_with_errors_is_refused_with_its_problems_listed() {
    let broken = BANK.replace("\"answer\": \"B\"", "\"answer\": \"E\"");
    let (_, text) = charter_page_refusing(Ok(&broken)).await;
    assert!(text.contains("questions/charter.json"), "{text}");
    assert!(text.contains("E 不在选项中"), "{text}");
    assert!(text.contains("charter-001"), "question id missing: {text}");
}

#[wasm_bindgen_test]
async fn a_bank_file_whose_id_differs_from_the_manifest_is_refused_at_its_id() {
    let renamed = BANK.replacen("\"id\": \"charter\"", "\"id\": \"charter-old\"", 1);
    assert_ne!(renamed, BANK);
    let (root, text) = charter_page_refusing(Ok(&renamed)).await;
    assert!(text.contains("charter-old"), "{text}");
    assert!(text.contains("index.json"), "{text}");
    let place = root
        .query_selector(".problem__place")
        .unwrap()
        .expect("located");
    assert!(
        place.text_content().unwrap().contains("行"),
        "located at a line"
    );
}

#[wasm_bindgen_test]
async fn a_stalled_bank_download_times_out_with_a_retry() {
    let (root, text) = charter_page_refusing(Err(FetchError::Timeout)).await;
    assert!(text.contains("网络"), "names the network: {text}");
    let panel = root.query_selector(".error-panel").unwrap().unwrap();
    assert!(
        panel.query_selector("button").unwrap().is_some(),
        "a retry button"
    );
}

#[wasm_bindgen_test]
async fn a_request_that_never_answers_gives_up_after_the_timeout() {
    let never = std::future::pending::<Result<(), FetchError>>();
    let started = js_sys::Date::now();
    let result = quiz_app::platform::fetch::with_timeout(50, never).await;
    assert_eq!(result, Err(FetchError::Timeout));
    assert!(js_sys::Date::now() - started >= 45.0);
    let quick = quiz_app::platform::fetch::with_timeout(10_000, async { Ok(7) }).await;
    assert_eq!(quick, Ok(7));
}

#[wasm_bindgen_test]
async fn an_unknown_bank_in_a_link_gets_a_clear_page() {
    set_hash("#/bank/nosuch");
    let root = mount::<Shell>(shell_props(platform(
        FakeFetcher::default().with(MANIFEST_URL, MANIFEST),
    )))
    .await;
    set_hash("");
    let text = root.text_content().unwrap();
    assert!(text.contains("没有找到这个题库"), "{text}");
    assert!(text.contains("nosuch"), "{text}");
}

#[wasm_bindgen_test]
async fn an_old_preview_link_leads_to_the_workbench_even_without_the_bank_list() {
    // The preview moved to workbench.html; a bookmark of `#/preview` says
    // where, and (as the preview did) needs no bank list to say it.
    set_hash("#/preview");
    let root = mount::<Shell>(shell_props(platform(FakeFetcher::default()))).await;
    settle().await;
    set_hash("");
    let notice = root
        .query_selector(".preview-moved")
        .unwrap()
        .expect("the notice, not the not-found page");
    let text = notice.text_content().unwrap();
    assert!(text.contains("题库工作台"), "{text}");
    let link = root
        .query_selector(".preview-moved__link")
        .unwrap()
        .expect("a link to the workbench");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("workbench.html")
    );
    assert!(root.query_selector(".error-panel").unwrap().is_none());
}

/// One of the module's pages, mounted at the current hash with a host that
/// keeps what the page asked to open.
async fn page_with_host<Page>() -> (web_sys::Element, Rc<TestHost>)
where
    Page: yew::BaseComponent<Properties = ShellProps>,
{
    let host = Rc::new(TestHost::default());
    let root = mount::<Page>(shell_props(Platform {
        host: host.clone(),
        ..platform(FakeFetcher::default().with(MANIFEST_URL, MANIFEST))
    }))
    .await;
    settle().await;
    (root, host)
}

#[wasm_bindgen_test]
async fn each_page_opens_the_other_pages_routes_there_with_the_whole_hash() {
    // 我的学习 and 备份 live on records.html, everything else on index.html:
    // a bookmark, a host's `configure` or a typed hash on the wrong page
    // opens the right one, parameters and all.
    set_hash("#/progress?lang=en");
    let (root, host) = page_with_host::<Shell>().await;
    assert_eq!(
        host.opened.borrow().as_slice(),
        ["records.html#/progress?lang=en".to_string()]
    );
    let notice = root
        .query_selector(".other-page")
        .unwrap()
        .expect("the notice");
    assert!(notice.text_content().unwrap().contains("Opening"));
    let link = notice.query_selector("a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("records.html#/progress?lang=en")
    );
    // The footer's backup link crosses over too.
    assert!(root
        .query_selector(".app-footer a[href='records.html#/backup']")
        .unwrap()
        .is_some());

    set_hash("#/bank/charter/practice?set=wrong");
    let (root, host) = page_with_host::<RecordsShell>().await;
    set_hash("");
    settle().await;
    assert_eq!(
        host.opened.borrow().first().map(String::as_str),
        Some("index.html#/bank/charter/practice?set=wrong")
    );
    // On the records page its own routes are bare hashes.
    assert!(root
        .query_selector(".app-footer a[href='#/backup']")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn the_bank_list_links_to_the_records_page() {
    let root = mount_bank_list(Lang::Zh, None).await;
    let href = |selector: &str| {
        root.query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector}"))
            .get_attribute("href")
    };
    assert_eq!(
        href(".home-nav__progress").as_deref(),
        Some("records.html#/progress")
    );
    assert_eq!(
        href(".home-nav__backup").as_deref(),
        Some("records.html#/backup")
    );
}

#[wasm_bindgen_test]
async fn the_shell_shows_the_progress_the_start_up_code_read() {
    // `run` reads progress while the files download and hands it over; the
    // shell shows it without reading storage again (here storage is empty).
    set_hash("#/");
    let root = mount::<Shell>(ShellProps {
        preloaded_progress: Some(Rc::new(Loaded {
            progress: best_progress(),
            status: StoreStatus::Saving,
        })),
        ..shell_props(platform(
            FakeFetcher::default().with(MANIFEST_URL, MANIFEST),
        ))
    })
    .await;
    settle().await;
    let charter = root
        .query_selector("[data-bank=charter]")
        .unwrap()
        .expect("the charter bank's card");
    let text = charter.text_content().unwrap();
    assert!(text.contains("最好成绩 85.5/100"), "{text}");
}

fn best_progress() -> quiz_core::progress::Progress {
    let mut progress = quiz_core::progress::Progress::default();
    for (id, score) in [("a", 120), ("b", 171)] {
        progress.attempts.push(quiz_core::progress::Attempt {
            id: id.into(),
            bank: "charter".into(),
            bank_version: 1,
            mode: "exam".into(),
            score,
            max: 200,
            passed: true,
            started_ms: 1,
            duration_ms: 1,
            outcomes: Vec::new(),
        });
    }
    progress
}
