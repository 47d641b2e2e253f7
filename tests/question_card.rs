//! Browser tests of how questions are shown: every type, and bank text that
//! looks like HTML shown literally.

#![cfg(target_arch = "wasm32")]

mod support;

use quiz_app::components::{QuestionCard, QuestionCardProps};
use quiz_core::{check_bank, Lang};
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn every_type_shows_its_answer() {
    let bank = check_bank("t.json", BANK.as_bytes()).value.unwrap();
    let expected = ["B", "AC", "错误", "一"];
    for (question, answer) in bank.questions.iter().zip(expected) {
        let root = mount::<QuestionCard>(QuestionCardProps {
            question: question.clone(),
            number: 1,
            lang: Lang::Zh,
        })
        .await;
        let shown = root
            .query_selector(".question-card__answer")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap();
        assert!(shown.ends_with(answer), "{}: {shown}", question.id);
    }
}

#[wasm_bindgen_test]
async fn html_in_a_stem_is_shown_as_text_not_run() {
    let hostile = BANK.replace("预备期多长？", "<img src=x onerror=alert(1)>");
    let bank = check_bank("t.json", hostile.as_bytes()).value.unwrap();
    let root = mount::<QuestionCard>(QuestionCardProps {
        question: bank.questions[0].clone(),
        number: 1,
        lang: Lang::Zh,
    })
    .await;
    assert!(
        root.query_selector("img").unwrap().is_none(),
        "an <img> element was created"
    );
    let stem = root
        .query_selector(".question-card__stem")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(stem, "<img src=x onerror=alert(1)>");
}
