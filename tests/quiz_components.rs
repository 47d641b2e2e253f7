//! Browser tests of the quiz components: each question type, the countdown
//! and the navigator.

#![cfg(target_arch = "wasm32")]

mod support;

use quiz_app::components::{
    countdown_timer, CountdownTimerProps, QuestionNavigator, QuestionNavigatorProps, QuestionView,
    QuestionViewProps,
};
use quiz_core::session::{Item, Outcome, Response};
use quiz_core::{check_bank, Lang, Question};
use std::cell::RefCell;
use std::rc::Rc;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

fn questions() -> Vec<Question> {
    check_bank("t.json", BANK.as_bytes())
        .value
        .unwrap()
        .questions
}

fn item(question: &Question, response: Response) -> Item {
    Item {
        id: question.id.clone(),
        kind: question.kind(),
        order: (0..question.options().len()).rev().collect(),
        points: 1,
        response,
        flagged: false,
        checked: false,
    }
}

/// Events the view reported, as text.
#[derive(Clone, Default)]
struct Events(Rc<RefCell<Vec<String>>>);

impl Events {
    fn props(&self, question: Question, item: Item, revealed: bool) -> QuestionViewProps {
        let (a, b, c) = (self.0.clone(), self.0.clone(), self.0.clone());
        QuestionViewProps {
            question,
            item,
            number: 1,
            revealed,
            outcome: Outcome::Wrong,
            locked: revealed,
            lang: Lang::Zh,
            on_choose: Callback::from(move |shown: usize| {
                a.borrow_mut().push(format!("choose {shown}"))
            }),
            on_judge: Callback::from(move |value: bool| {
                b.borrow_mut().push(format!("judge {value}"))
            }),
            on_fill: Callback::from(move |(blank, text): (usize, String)| {
                c.borrow_mut().push(format!("fill {blank} {text}"))
            }),
        }
    }

    fn take(&self) -> Vec<String> {
        self.0.borrow_mut().drain(..).collect()
    }
}

#[wasm_bindgen_test]
async fn single_choice_shows_options_in_shuffled_order_and_reports_the_tap() {
    let q = questions();
    let events = Events::default();
    let root = mount::<QuestionView>(events.props(
        q[0].clone(),
        item(&q[0], Response::Choices(vec![1])),
        false,
    ))
    .await;
    let choices = root.query_selector_all(".choice").unwrap();
    assert_eq!(choices.length(), 3);
    // The order is reversed, so the first button shows the last option.
    assert!(choices
        .get(0)
        .unwrap()
        .text_content()
        .unwrap()
        .contains("两年"));
    let first: web_sys::Element = choices.get(0).unwrap().unchecked_into();
    assert_eq!(first.get_attribute("role").as_deref(), Some("radio"));
    let selected = root.query_selector(".choice--selected").unwrap().unwrap();
    assert!(selected.text_content().unwrap().contains("一年"));
    assert_eq!(
        selected.get_attribute("aria-checked").as_deref(),
        Some("true")
    );
    click(&root, ".choice");
    assert_eq!(events.take(), ["choose 0"]);
    assert!(
        root.query_selector(".solution").unwrap().is_none(),
        "no solution before it is revealed"
    );
}

#[wasm_bindgen_test]
async fn multiple_choice_uses_checkboxes() {
    let q = questions();
    let events = Events::default();
    let root =
        mount::<QuestionView>(events.props(q[1].clone(), item(&q[1], Response::Empty), false))
            .await;
    let first = root.query_selector(".choice").unwrap().unwrap();
    assert_eq!(first.get_attribute("role").as_deref(), Some("checkbox"));
}

#[wasm_bindgen_test]
async fn judge_has_true_and_false_buttons() {
    let q = questions();
    let events = Events::default();
    let root =
        mount::<QuestionView>(events.props(q[2].clone(), item(&q[2], Response::Empty), false))
            .await;
    click(&root, "[data-judge=false]");
    click(&root, "[data-judge=true]");
    assert_eq!(events.take(), ["judge false", "judge true"]);
}

#[wasm_bindgen_test]
async fn fill_in_reports_typed_text_per_blank() {
    let q = questions();
    let events = Events::default();
    let root =
        mount::<QuestionView>(events.props(q[3].clone(), item(&q[3], Response::Empty), false))
            .await;
    let input: web_sys::HtmlInputElement = root
        .query_selector(".blank__input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value("一");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    assert_eq!(events.take(), ["fill 0 一"]);
}

#[wasm_bindgen_test]
async fn a_blank_is_labelled_by_its_number() {
    let q = questions();
    for (lang, label) in [(Lang::Zh, "第 1 空"), (Lang::En, "Blank 1")] {
        let events = Events::default();
        let mut props = events.props(q[3].clone(), item(&q[3], Response::Empty), false);
        props.lang = lang;
        let root = mount::<QuestionView>(props).await;
        let shown = root
            .query_selector(".blank__label")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap();
        assert_eq!(shown, label);
        // The label wraps the input, so it is the input's name.
        assert!(root
            .query_selector("label.blank > input")
            .unwrap()
            .is_some());
    }
}

#[wasm_bindgen_test]
async fn a_revealed_question_shows_the_solution_and_locks_answers() {
    let q = questions();
    let events = Events::default();
    let root = mount::<QuestionView>(events.props(
        q[0].clone(),
        item(&q[0], Response::Choices(vec![0])),
        true,
    ))
    .await;
    let solution = root
        .query_selector(".solution")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(solution.contains("回答错误"), "{solution}");
    assert!(
        solution.contains("一年"),
        "the right answer is named: {solution}"
    );
    assert!(solution.contains("第七条"), "explanation: {solution}");
    assert!(root.query_selector(".choice--correct").unwrap().is_some());
    assert!(root.query_selector(".choice--wrong").unwrap().is_some());
    click(&root, ".choice");
    assert!(events.take().is_empty(), "locked answers do not change");
}

#[wasm_bindgen_test]
async fn the_countdown_shows_minutes_and_seconds_and_warns_in_the_last_minute() {
    let root = mount_view(countdown_timer(&CountdownTimerProps {
        remaining_ms: 601_000,
        total_ms: 900_000,
        lang: Lang::Zh,
    }))
    .await;
    let timer = root.query_selector("[role=timer]").unwrap().unwrap();
    assert_eq!(timer.text_content().unwrap(), "10:01");
    assert_eq!(timer.get_attribute("aria-live").as_deref(), Some("off"));
    assert!(root.query_selector(".timer--warning").unwrap().is_none());
    assert_eq!(
        root.query_selector(".sr-only")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        ""
    );

    let root = mount_view(countdown_timer(&CountdownTimerProps {
        remaining_ms: 59_500,
        total_ms: 900_000,
        lang: Lang::Zh,
    }))
    .await;
    assert_eq!(
        root.query_selector("[role=timer]")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "01:00"
    );
    assert!(root.query_selector(".timer--warning").unwrap().is_some());
    assert_eq!(
        root.query_selector(".sr-only")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "还剩 1 分钟"
    );
}

/// What the countdown's hidden live region says with `remaining_ms` left
/// of an exam `total_ms` long.
async fn announced(remaining_ms: u64, total_ms: u64, lang: Lang) -> String {
    let root = mount_view(countdown_timer(&CountdownTimerProps {
        remaining_ms,
        total_ms,
        lang,
    }))
    .await;
    root.query_selector("[aria-live=assertive]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
}

#[wasm_bindgen_test]
async fn the_countdown_announces_only_thresholds_the_exam_crosses_and_is_named() {
    // A two-minute exam never hears "five minutes left", neither at the
    // start nor later.
    assert_eq!(announced(120_000, 120_000, Lang::Zh).await, "");
    assert_eq!(announced(100_000, 120_000, Lang::Zh).await, "");
    assert_eq!(announced(60_000, 120_000, Lang::Zh).await, "还剩 1 分钟");
    assert_eq!(announced(8_000, 120_000, Lang::Zh).await, "还剩 10 秒");
    // A 60-second exam starts with a minute left: nothing to announce then.
    assert_eq!(announced(60_000, 60_000, Lang::Zh).await, "");
    // A long exam hears each threshold once it is crossed, and the text
    // is cleared again so that it is never read out stale.
    assert_eq!(
        announced(900_000, 3_600_000, Lang::Zh).await,
        "还剩 15 分钟"
    );
    assert_eq!(
        announced(300_000, 3_600_000, Lang::En).await,
        "5 minutes left"
    );
    assert_eq!(announced(240_000, 3_600_000, Lang::Zh).await, "");
    assert_eq!(announced(120_000, 3_600_000, Lang::Zh).await, "");

    // The timer has an accessible name: its visible label.
    let root = mount_view(countdown_timer(&CountdownTimerProps {
        remaining_ms: 90_000,
        total_ms: 120_000,
        lang: Lang::En,
    }))
    .await;
    let timer = root.query_selector("[role=timer]").unwrap().unwrap();
    let label_id = timer
        .get_attribute("aria-labelledby")
        .expect("the timer is named by its label");
    // Earlier tests' timers are still on the page: look inside this one.
    let label = root
        .query_selector(&format!("#{label_id}"))
        .unwrap()
        .expect("the label exists");
    assert_eq!(label.text_content().unwrap(), "Time left");
}

#[wasm_bindgen_test]
async fn the_navigator_marks_answered_flagged_and_current() {
    let q = questions();
    let mut items: Vec<Item> = q
        .iter()
        .map(|question| item(question, Response::Empty))
        .collect();
    items[1].response = Response::Judge(true);
    items[2].flagged = true;
    let went = Rc::new(RefCell::new(None));
    let on_goto = {
        let went = went.clone();
        Callback::from(move |index| *went.borrow_mut() = Some(index))
    };
    let root = mount::<QuestionNavigator>(QuestionNavigatorProps {
        items,
        current: 3,
        outcomes: None,
        lang: Lang::Zh,
        on_goto,
    })
    .await;
    let buttons = root.query_selector_all(".navigator__item").unwrap();
    assert_eq!(buttons.length(), 4);
    let class = |i: u32| {
        buttons
            .get(i)
            .unwrap()
            .unchecked_into::<web_sys::Element>()
            .class_name()
    };
    assert!(class(1).contains("answered"));
    assert!(class(2).contains("flagged"));
    assert!(class(3).contains("current"));
    let current: web_sys::Element = buttons.get(3).unwrap().unchecked_into();
    assert_eq!(
        current.get_attribute("aria-current").as_deref(),
        Some("step")
    );
    click(&root, ".navigator__item");
    assert_eq!(*went.borrow(), Some(0));
}
