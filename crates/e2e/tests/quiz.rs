//! Members taking quizzes in the release build on a phone: a full exam by
//! taps and by keyboard, an exam that runs out of time, practice with
//! explanations, deep links, and hostile question text.

use e2e::{copy_dir, dist_dir, Phone, StaticServer};
use fantoccini::Locator;

/// Answers the question on screen by tapping: the first option, "true",
/// or "一" in each blank.
async fn answer_by_tap(phone: &Phone) {
    let kind = phone
        .attribute(".question", "data-type")
        .await
        .unwrap_or_default();
    match kind.as_str() {
        "single" => phone.click(".choice").await,
        "multiple" => {
            let choices = phone
                .client
                .find_all(Locator::Css(".choice"))
                .await
                .unwrap();
            for choice in choices.iter().take(2) {
                choice.click().await.unwrap();
            }
        }
        "judge" => phone.click("[data-judge=true]").await,
        "fill" => {
            for input in phone
                .client
                .find_all(Locator::Css(".blank__input"))
                .await
                .unwrap()
            {
                input.send_keys("一").await.unwrap();
            }
        }
        other => panic!("unknown question type {other:?}"),
    }
}

#[tokio::test(flavor = "current_thread")]
async fn a_member_takes_a_full_exam_by_taps_and_reviews_wrong_answers() {
    let server = StaticServer::start(&dist_dir());
    let phone = Phone::start().await;
    phone
        .open(&format!("{}#/bank/charter/exam?n=6&t=900", server.url()))
        .await;
    phone.wait_for_text(".quiz__position", "1 / 6").await;
    assert!(
        phone.texts("[role=timer]").await[0].starts_with("15:0")
            || phone.texts("[role=timer]").await[0].starts_with("14:5")
    );
    for question in 1..=6 {
        phone
            .wait_for_text(".quiz__position", &format!("{question} / 6"))
            .await;
        answer_by_tap(&phone).await;
        if question < 6 {
            phone.click(".quiz__next").await;
        }
    }
    // Every navigator button shows the question as answered.
    assert_eq!(
        phone
            .client
            .find_all(Locator::Css(".navigator__item--answered"))
            .await
            .unwrap()
            .len(),
        6
    );
    phone.click(".quiz__submit").await;
    phone.wait_for_text(".dialog", "所有题目都已作答").await;
    phone.click(".dialog__confirm").await;
    let card = phone.wait_for_text(".score-card", "分").await;
    assert!(card.contains("答对"), "{card}");
    // The verdict follows the score: the paper's pass mark is 60 %.
    let score: f64 = phone.texts(".score-card__value").await[0].parse().unwrap();
    let of = phone.texts(".score-card__score").await[0].clone();
    let max: f64 = of
        .split('/')
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|max| max.parse().ok())
        .unwrap_or_else(|| panic!("no maximum in {of:?}"));
    let verdict = phone.texts(".score-card__verdict").await[0].clone();
    let passed = score * 100.0 >= max * 60.0;
    assert_eq!(verdict, if passed { "及格" } else { "不及格" }, "{card}");
    let class = phone.attribute(".score-card", "class").await.unwrap();
    assert!(
        class.contains(if passed {
            "score-card--passed"
        } else {
            "score-card--failed"
        }),
        "{class}"
    );
    assert_eq!(phone.texts(".review__item").await.len(), 6);
    phone.click(".review__wrong-only").await;
    let wrong = phone
        .client
        .find_all(Locator::Css(".review__item"))
        .await
        .unwrap();
    let marked = phone
        .client
        .find_all(Locator::Css(".review__item--wrong"))
        .await
        .unwrap();
    assert_eq!(
        wrong.len(),
        marked.len(),
        "the filter shows only wrong answers"
    );
    // Reviews show the explanation and source of each question.
    if !wrong.is_empty() {
        let first = wrong[0].text().await.unwrap();
        assert!(first.contains("解析") && first.contains("出处"), "{first}");
    }
    // A retake draws afresh and starts at question 1.
    phone.click(".result__retake").await;
    phone.wait_for_text(".quiz__position", "1 / 6").await;
    phone.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_member_takes_an_exam_by_keyboard() {
    let server = StaticServer::start(&dist_dir());
    let phone = Phone::start().await;
    phone
        .open(&format!("{}#/bank/rules/exam?n=4&t=600", server.url()))
        .await;
    for question in 1..=4 {
        phone
            .wait_for_text(".quiz__position", &format!("{question} / 4"))
            .await;
        let kind = phone
            .attribute(".question", "data-type")
            .await
            .unwrap_or_default();
        if kind == "fill" {
            let input = phone.wait_for(".blank__input").await;
            input.send_keys("一\u{E007}").await.unwrap(); // "一", then Enter.
        } else {
            let body = phone.client.find(Locator::Css("body")).await.unwrap();
            body.send_keys("b").await.unwrap();
            phone.wait_for(".choice--selected").await;
            body.send_keys("\u{E007}").await.unwrap(); // Enter.
        }
    }
    // Enter on the last question asks to submit.
    phone.wait_for_text(".dialog", "交卷").await;
    phone.click(".dialog__confirm").await;
    phone.wait_for(".score-card").await;
    assert_eq!(phone.texts(".review__item").await.len(), 4);
    phone.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn an_exam_with_a_very_short_limit_submits_itself() {
    let server = StaticServer::start(&dist_dir());
    let phone = Phone::start().await;
    phone
        .open(&format!("{}#/bank/speeches/exam?n=3&t=10", server.url()))
        .await;
    phone.wait_for(".quiz__position").await;
    answer_by_tap(&phone).await;
    assert!(phone
        .wait_for(".timer--warning")
        .await
        .text()
        .await
        .unwrap()
        .contains("00:"));
    let result = phone.wait_for_text(".result", "时间到").await;
    assert!(result.contains("用时 00:10"), "{result}");
    phone.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn practice_shows_the_explanation_after_each_answer() {
    // Single choice and true/false are checked on the tap itself; multiple
    // choice and fill-in when the member confirms.
    let server = StaticServer::start(&dist_dir());
    let phone = Phone::start().await;
    phone
        .open(&format!("{}#/bank/charter/practice?n=3", server.url()))
        .await;
    for question in 1..=3 {
        phone
            .wait_for_text(".quiz__position", &format!("{question} / 3"))
            .await;
        assert!(
            phone.client.find(Locator::Css(".solution")).await.is_err(),
            "solution shown before answering"
        );
        let kind = phone
            .attribute(".question", "data-type")
            .await
            .unwrap_or_default();
        let one_tap = kind == "single" || kind == "judge";
        assert_eq!(
            phone
                .client
                .find(Locator::Css(".quiz__check"))
                .await
                .is_ok(),
            !one_tap,
            "a {kind} question has a confirm button only when it takes more than a tap"
        );
        answer_by_tap(&phone).await;
        if !one_tap {
            phone.click(".quiz__check").await;
        }
        let solution = phone.wait_for_text(".solution", "解析").await;
        assert!(solution.contains("出处"), "{solution}");
        assert!(
            solution.contains("回答正确")
                || solution.contains("回答错误")
                || solution.contains("部分正确")
        );
        if question < 3 {
            phone.click(".quiz__next").await;
        }
    }
    phone.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn deep_links_open_the_right_mode_and_bad_parameters_are_explained() {
    let server = StaticServer::start(&dist_dir());
    let phone = Phone::start().await;
    phone
        .open(&format!(
            "{}#/bank/rules/practice?tag=integrity",
            server.url()
        ))
        .await;
    phone
        .wait_for(".study-page[data-activity=practice] .quiz--practice")
        .await;
    assert!(
        phone
            .client
            .find(Locator::Css("[role=timer]"))
            .await
            .is_err(),
        "practice is untimed"
    );

    phone
        .open(&format!("{}#/bank/charter/exam?n=abc&t=3", server.url()))
        .await;
    let notice = phone.wait_for_text(".notice", "n=abc").await;
    assert!(notice.contains("t=3"), "{notice}");
    // The defaults apply: the bank's paper of 40 questions.
    phone.wait_for_text(".quiz__position", "1 / 40").await;

    phone
        .open(&format!(
            "{}#/bank/speeches/study?tag=three-stricts",
            server.url()
        ))
        .await;
    phone.wait_for(".read .question-card").await;
    let current = phone.texts(".tag--current").await;
    assert_eq!(current.len(), 1);
    phone.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn html_in_question_text_is_shown_literally() {
    let dist = dist_dir();
    let copy = std::env::temp_dir().join(format!("quiz-xss-{}", std::process::id()));
    copy_dir(&dist, &copy);
    let bank_path = copy.join("questions/charter.json");
    let bank = std::fs::read_to_string(&bank_path).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&bank).unwrap();
    value["questions"][0]["stem"]["zh"] = "<img src=x onerror=alert(1)>".into();
    std::fs::write(&bank_path, serde_json::to_string(&value).unwrap()).unwrap();

    let server = StaticServer::start(&copy);
    let phone = Phone::start().await;
    phone
        .open(&format!("{}#/bank/charter/sequential", server.url()))
        .await;
    let stem = phone
        .wait_for(".question__stem")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(stem, "<img src=x onerror=alert(1)>");
    assert_eq!(
        phone.eval("document.querySelectorAll('img').length").await,
        0
    );
    assert!(
        phone.client.get_alert_text().await.is_err(),
        "an alert was raised"
    );
    phone.close().await;
    let _ = std::fs::remove_dir_all(&copy);
}

/// Whether focus is inside the open submit dialog.
const FOCUS_IN_DIALOG: &str =
    "document.activeElement !== null && document.activeElement.closest('dialog[open]') !== null";

#[tokio::test(flavor = "current_thread")]
async fn the_submit_dialog_is_modal_to_the_keyboard() {
    let server = StaticServer::start(&dist_dir());
    let phone = Phone::start().await;
    phone
        .open(&format!("{}#/bank/charter/exam?n=3&t=600", server.url()))
        .await;
    phone.wait_for_text(".quiz__position", "1 / 3").await;
    phone.click(".quiz__submit").await;
    phone.wait_for("dialog.dialog[open]").await;
    assert_eq!(
        phone.eval(FOCUS_IN_DIALOG).await,
        serde_json::json!(true),
        "the dialog takes focus"
    );
    // Its buttons are one Tab press away, and Tab never leaves it.
    for (press, key) in [
        "\u{E004}",
        "\u{E004}",
        "\u{E004}",
        "\u{E008}\u{E004}",
        "\u{E004}",
    ]
    .into_iter()
    .enumerate()
    {
        let active = phone.client.active_element().await.unwrap();
        active.send_keys(key).await.unwrap();
        assert_eq!(
            phone.eval(FOCUS_IN_DIALOG).await,
            serde_json::json!(true),
            "Tab press {} left the dialog for {}",
            press + 1,
            phone.eval("document.activeElement.outerHTML").await
        );
    }
    // Modal: the page behind is inert.
    assert_eq!(
        phone
            .eval("document.querySelector('dialog').matches(':modal')")
            .await,
        serde_json::json!(true)
    );
    // Escape closes it and gives focus back to the submit button.
    let active = phone.client.active_element().await.unwrap();
    active.send_keys("\u{E00C}").await.unwrap();
    let started = std::time::Instant::now();
    while phone
        .eval("document.querySelector('dialog') !== null")
        .await
        == serde_json::json!(true)
    {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "Escape did not close the dialog"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(
        phone
            .eval("document.activeElement.classList.contains('quiz__submit')")
            .await,
        serde_json::json!(true)
    );
    phone.wait_for_text(".quiz__position", "1 / 3").await;
    phone.close().await;
}
