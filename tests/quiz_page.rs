//! Browser tests of the whole quiz page: the keyboard, the submit dialog and
//! practice checking, as a member using a keyboard or a screen reader meets
//! them.

#![cfg(target_arch = "wasm32")]

mod support;

use quiz_app::components::{Back, QuizPage, QuizPageProps};
use quiz_app::quiz_state::QuizState;
use quiz_core::session::{Mode, Plan, Selection};
use quiz_core::{check_bank, Lang};
use std::rc::Rc;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

/// A quiz page on the test bank's four questions in order (single,
/// multiple, true/false, fill-in), mounted in a fresh element.
struct Page {
    root: Element,
    handle: Option<AppHandle<QuizPage>>,
}

impl Page {
    async fn start(mode: Mode, lang: Lang) -> Page {
        let bank = Rc::new(check_bank("t.json", BANK.as_bytes()).value.unwrap());
        let plan = Plan {
            mode,
            selection: Selection::Sequential,
            time_limit_ms: (mode == Mode::Exam).then_some(600_000),
        };
        let initial = QuizState::start(bank, plan, 7, 0).unwrap();
        let props = QuizPageProps {
            initial,
            platform: platform(FakeFetcher::default()),
            title: "党章".into(),
            back: Back::Link("#/bank/charter".into()),
            resumed: false,
            resume_discarded: false,
            lang,
        };
        let root = fresh_root();
        let handle = yew::Renderer::<QuizPage>::with_root_and_props(root.clone(), props).render();
        settle().await;
        Page {
            root,
            handle: Some(handle),
        }
    }

    fn find(&self, selector: &str) -> Option<HtmlElement> {
        self.root
            .query_selector(selector)
            .unwrap()
            .map(JsCast::unchecked_into)
    }

    fn get(&self, selector: &str) -> HtmlElement {
        self.find(selector)
            .unwrap_or_else(|| panic!("no {selector} on the page"))
    }

    fn position(&self) -> String {
        self.get(".quiz__position").text_content().unwrap()
    }

    /// The question on screen's type.
    fn kind(&self) -> String {
        self.get(".question").get_attribute("data-type").unwrap()
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        // Each page listens for keys on the whole document: remove it, so a
        // later test's keys reach only its own page.
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

/// Presses `key` on `target`, as a keyboard does: the event bubbles up to
/// the document.
async fn press(target: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
    settle().await;
}

#[wasm_bindgen_test]
async fn arrows_move_between_questions_while_an_option_has_focus() {
    let page = Page::start(Mode::Exam, Lang::Zh).await;
    assert_eq!(page.position(), "1 / 4");
    let option = page.get(".choice");
    option.focus().unwrap();
    press(&option, "ArrowRight").await;
    assert_eq!(page.position(), "2 / 4", "→ on a focused option moves on");
    let option = page.get(".choice");
    option.focus().unwrap();
    press(&option, "ArrowLeft").await;
    assert_eq!(page.position(), "1 / 4", "← on a focused option moves back");
    // The true/false buttons too.
    page.get(".navigator__item[aria-label^='3']").click();
    settle().await;
    assert_eq!(page.kind(), "judge");
    let option = page.get("[data-judge=true]");
    option.focus().unwrap();
    press(&option, "ArrowRight").await;
    assert_eq!(page.position(), "4 / 4");
    // In a blank, arrows move the caret, not the question.
    let blank = page.get(".blank__input");
    blank.focus().unwrap();
    press(&blank, "ArrowLeft").await;
    assert_eq!(page.position(), "4 / 4");
}

/// The element that has focus.
fn focused() -> Option<Element> {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
}

#[wasm_bindgen_test]
async fn the_submit_confirmation_is_a_modal_dialog_that_takes_traps_and_restores_focus() {
    let page = Page::start(Mode::Exam, Lang::Zh).await;
    let submit = page.get(".quiz__submit");
    submit.focus().unwrap();
    submit.click();
    settle().await;
    let dialog = page.get("dialog.dialog");
    assert!(
        dialog.matches(":modal").unwrap(),
        "opened with showModal, so the page behind is inert"
    );
    let inside = |element: Option<Element>| {
        element
            .is_some_and(|element| dialog.contains(Some(element.unchecked_ref::<web_sys::Node>())))
    };
    assert_eq!(
        focused().map(|element| element.tag_name()).as_deref(),
        Some("DIALOG"),
        "the dialog takes focus, so a screen reader reads its question"
    );
    assert_eq!(
        dialog.get_attribute("aria-labelledby").as_deref(),
        Some("submit-title")
    );
    // The page behind cannot take focus while the dialog is open.
    page.get(".quiz__previous").focus().unwrap();
    page.get(".navigator__item").focus().unwrap();
    assert!(inside(focused()), "focus stays in the dialog");
    // Keys do not answer or move the questions behind it.
    press(&focused().unwrap(), "ArrowRight").await;
    press(&focused().unwrap(), "b").await;
    assert_eq!(page.position(), "1 / 4");
    assert!(page.find(".choice--selected").is_none());

    // Escape: the browser fires `cancel` on the dialog.
    dialog
        .dispatch_event(
            &web_sys::Event::new_with_event_init_dict("cancel", &{
                let init = web_sys::EventInit::new();
                init.set_cancelable(true);
                init
            })
            .unwrap(),
        )
        .unwrap();
    settle().await;
    assert!(page.find("dialog").is_none(), "Escape closes it");
    assert_eq!(
        focused().map(|element| element.class_name()),
        Some(submit.class_name()),
        "focus goes back to the submit button"
    );

    // "Keep answering" closes it too; "submit" shows the result, whose
    // heading takes focus.
    submit.click();
    settle().await;
    page.get(".dialog__cancel").click();
    settle().await;
    assert!(page.find("dialog").is_none());
    assert_eq!(
        focused().map(|element| element.class_name()),
        Some(submit.class_name())
    );
    submit.click();
    settle().await;
    page.get(".dialog__confirm").click();
    settle().await;
    assert!(page.find(".score-card").is_some());
    assert_eq!(
        focused().map(|element| element.id()).as_deref(),
        Some("result-heading")
    );
}

#[wasm_bindgen_test]
async fn the_result_breakdowns_have_column_headers() {
    for (lang, headers) in [
        (
            Lang::Zh,
            [["题型", "答对", "得分"], ["章节", "答对", "得分"]],
        ),
        (
            Lang::En,
            [
                ["Type", "Correct", "Score"],
                ["Chapter", "Correct", "Score"],
            ],
        ),
    ] {
        let page = Page::start(Mode::Exam, lang).await;
        page.get(".quiz__submit").click();
        settle().await;
        page.get(".dialog__confirm").click();
        settle().await;
        let tables = page.root.query_selector_all("table.breakdown").unwrap();
        assert_eq!(tables.length(), 2, "by type and by chapter");
        for (index, expected) in headers.iter().enumerate() {
            let table: Element = tables.get(index as u32).unwrap().unchecked_into();
            let columns = table.query_selector_all("thead th[scope=col]").unwrap();
            let texts: Vec<String> = (0..columns.length())
                .map(|i| columns.get(i).unwrap().text_content().unwrap())
                .collect();
            assert_eq!(texts, expected, "table {index} in {lang:?}");
            // Each row is named by its first cell.
            assert!(table
                .query_selector("tbody th[scope=row]")
                .unwrap()
                .is_some());
        }
    }
}

#[wasm_bindgen_test]
async fn practice_checks_single_choice_and_true_false_on_the_tap_itself() {
    let page = Page::start(Mode::Practice, Lang::Zh).await;
    // Single choice: no confirm button; the tap shows the verdict.
    assert_eq!(page.kind(), "single");
    assert!(page.find(".quiz__check").is_none(), "no confirm button");
    page.get(".choice").click();
    settle().await;
    assert!(
        page.find(".solution .verdict").is_some(),
        "checked on the tap"
    );
    assert!(page.find(".choice:disabled").is_some(), "and locked");

    // Multiple choice keeps the confirm button: a tap only selects.
    page.get(".quiz__next").click();
    settle().await;
    assert_eq!(page.kind(), "multiple");
    page.get(".choice").click();
    settle().await;
    assert!(page.find(".solution").is_none());
    page.get(".quiz__check").click();
    settle().await;
    assert!(page.find(".solution .verdict").is_some());

    // True/false is checked on the tap, like single choice.
    page.get(".quiz__next").click();
    settle().await;
    assert_eq!(page.kind(), "judge");
    assert!(page.find(".quiz__check").is_none());
    page.get("[data-judge=false]").click();
    settle().await;
    assert!(page
        .get(".solution .verdict")
        .text_content()
        .unwrap()
        .contains("回答正确"));

    // Fill-in keeps the confirm button.
    page.get(".quiz__next").click();
    settle().await;
    assert_eq!(page.kind(), "fill");
    assert!(page.find(".quiz__check").is_some());

    // An exam never reveals anything on a tap.
    let exam = Page::start(Mode::Exam, Lang::Zh).await;
    exam.get(".choice").click();
    settle().await;
    assert!(exam.find(".solution").is_none());
    assert!(exam.find(".choice:disabled").is_none());
}
