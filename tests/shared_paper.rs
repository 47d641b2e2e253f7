//! Browser tests of shared papers (统一试卷): the coordinators' link maker
//! on the bank page, a paper link's exam with its code on the result, and
//! the notice when a code does not fit the bank.

#![cfg(target_arch = "wasm32")]

mod support;

use quiz_app::app::Shell;
use quiz_app::components::{PaperLinkMaker, PaperLinkMakerProps};
use quiz_app::load::MANIFEST_URL;
use quiz_core::session::shared::{check_code, new_code};
use quiz_core::{check_bank, Bank, Lang};
use std::rc::Rc;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn bank() -> Bank {
    check_bank("charter.json", BANK.as_bytes()).value.unwrap()
}

/// Sets an input's value and fires `change`, as a member's edit does.
fn change(root: &web_sys::Element, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into();
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("change", &init).unwrap();
    input.dispatch_event(&event).unwrap();
}

/// The link the maker shows.
fn made_link(root: &web_sys::Element) -> String {
    root.query_selector(".paper-maker__link")
        .unwrap()
        .expect("a link")
        .unchecked_into::<web_sys::HtmlTextAreaElement>()
        .value()
}

/// The `paper=` value of a link.
fn code_of(link: &str) -> String {
    link.split('&')
        .find_map(|pair| pair.strip_prefix("paper="))
        .expect("a paper code")
        .to_string()
}

#[wasm_bindgen_test]
async fn the_link_maker_makes_a_link_that_fits_the_bank_with_a_qr_code() {
    let bank = Rc::new(bank());
    let root = mount::<PaperLinkMaker>(PaperLinkMakerProps {
        bank: bank.clone(),
        platform: platform(FakeFetcher::default()),
        lang: Lang::Zh,
    })
    .await;
    assert!(root
        .text_content()
        .unwrap()
        .contains("默认试卷（4 题，10 分钟）"));
    click(&root, ".paper-maker__make");
    settle().await;
    let link = made_link(&root);
    let location = web_sys::window().unwrap().location();
    let base = format!(
        "{}{}",
        location.origin().unwrap(),
        location.pathname().unwrap()
    );
    assert!(
        link.starts_with(&format!("{base}?bank=charter&mode=exam&paper=")),
        "{link}"
    );
    let code = code_of(&link);
    assert_eq!(check_code(&bank, &code), Ok(code.clone()));
    // The default paper: no size in the link.
    assert!(!link.contains("&n="), "{link}");
    let shown = root.query_selector(".paper-maker__code").unwrap().unwrap();
    assert!(shown.text_content().unwrap().contains(&code));
    // The QR code is drawn by the workbench page, from the encoded link.
    let qr = root
        .query_selector(".paper-maker__qr")
        .unwrap()
        .unwrap()
        .get_attribute("href")
        .unwrap();
    let encoded = qr.strip_prefix("workbench.html#qr=").expect(&qr);
    assert_eq!(
        String::from(js_sys::decode_uri_component(encoded).unwrap()),
        link
    );
    let try_it = root.query_selector(".paper-maker__try").unwrap().unwrap();
    assert_eq!(try_it.get_attribute("href").as_deref(), Some(link.as_str()));

    // Another paper: a new code; a chosen size goes into the link.
    click(&root, ".paper-maker__custom");
    settle().await;
    change(&root, ".paper-maker__count", "2");
    change(&root, ".paper-maker__minutes", "5");
    settle().await;
    assert!(root.query_selector(".paper-maker__link").unwrap().is_none());
    click(&root, ".paper-maker__make");
    settle().await;
    let sized = made_link(&root);
    assert!(sized.ends_with("&n=2&t=300"), "{sized}");
    assert_ne!(code_of(&sized), code);
    assert!(check_code(&bank, &code_of(&sized)).is_ok());
}

/// The shell on `hash`, with the test bank published.
async fn shell(hash: &str) -> web_sys::Element {
    set_hash(hash);
    mount::<Shell>(shell_props(platform(
        FakeFetcher::default()
            .with(MANIFEST_URL, MANIFEST)
            .with("questions/charter.json", BANK),
    )))
    .await
}

#[wasm_bindgen_test]
async fn a_paper_link_opens_the_shared_paper_and_its_result_shows_the_code() {
    let code = new_code(&bank(), 7);
    let root = shell(&format!(
        "#/bank/charter/exam?paper={}",
        code.to_lowercase()
    ))
    .await;
    settle().await;
    assert!(
        root.query_selector(".quiz--exam").unwrap().is_some(),
        "{}",
        root.text_content().unwrap()
    );
    click(&root, ".quiz__submit");
    settle().await;
    click(&root, ".dialog__confirm");
    settle().await;
    let paper = root
        .query_selector(".score-card__paper")
        .unwrap()
        .expect("the paper code on the result");
    assert!(paper.text_content().unwrap().contains(&code));
    set_hash("#/");
    settle().await;
    root.set_text_content(None);
}

#[wasm_bindgen_test]
async fn a_code_that_does_not_fit_says_so_and_offers_the_bank_page() {
    let mut other = bank();
    other.id = "rules".into();
    let code = new_code(&other, 7);
    for (hash, why) in [
        (format!("#/bank/charter/exam?paper={code}"), "另一个题库"),
        ("#/bank/charter/exam?paper=abc".to_string(), "不完整"),
    ] {
        let root = shell(&hash).await;
        settle().await;
        let notice = root
            .query_selector(".paper-mismatch")
            .unwrap()
            .unwrap_or_else(|| panic!("no notice for {hash}: {}", root.text_content().unwrap()));
        assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
        assert!(notice.text_content().unwrap().contains(why), "{hash}");
        assert!(root.query_selector(".quiz").unwrap().is_none());
        let link = root
            .query_selector(".paper-mismatch__bank")
            .unwrap()
            .unwrap();
        assert_eq!(
            link.get_attribute("href").as_deref(),
            Some("#/bank/charter")
        );
        set_hash("#/");
        settle().await;
        root.set_text_content(None);
    }
}

/// The shell on a paper link of `code`, over `storage`.
async fn open_paper(
    code: &str,
    storage: Rc<quiz_app::platform::MemoryStorage>,
) -> web_sys::Element {
    set_hash(&format!("#/bank/charter/exam?paper={code}"));
    let mut platform = platform(
        FakeFetcher::default()
            .with(MANIFEST_URL, MANIFEST)
            .with("questions/charter.json", BANK),
    );
    platform.storage = storage;
    let root = mount::<Shell>(shell_props(platform)).await;
    settle().await;
    root
}

#[wasm_bindgen_test]
async fn a_paper_link_does_not_resume_another_unfinished_exam_but_resumes_its_own() {
    use quiz_app::platform::MemoryStorage;
    use quiz_app::progress_store::{load_active, save_active};
    use quiz_core::session::{Mode, Plan, Selection, Session};
    let bank = bank();
    let storage = Rc::new(MemoryStorage::default());
    // An unfinished ordinary mock exam of the same bank.
    let plan = Plan {
        mode: Mode::Exam,
        selection: Selection::Paper { count: Some(2) },
        time_limit_ms: Some(600_000),
    };
    let ordinary = Session::start(&bank, plan, 5, 0).unwrap();
    save_active(storage.as_ref(), &ordinary).unwrap();
    let code = new_code(&bank, 11);
    let root = open_paper(&code, storage.clone()).await;
    assert!(root.query_selector(".resumed").unwrap().is_none());
    // The shared paper (four questions) replaced it as the unfinished exam.
    let saved = load_active(storage.as_ref(), "charter").expect("saved");
    assert_eq!(saved.plan.selection.paper_code(), Some(code.as_str()));
    assert_eq!(saved.items.len(), 4);
    set_hash("#/");
    settle().await;
    root.set_text_content(None);
    // Opening the same link again resumes the paper.
    let again = open_paper(&code, storage.clone()).await;
    assert!(
        again.query_selector(".resumed").unwrap().is_some(),
        "{}",
        again.text_content().unwrap()
    );
    set_hash("#/");
    settle().await;
    again.set_text_content(None);
}
