//! One paper for the whole branch, in the release build: two members on
//! fresh phones open the same shared-paper link (the query form WeChat
//! menus use) and get the same questions in the same order with the same
//! option order; the result shows the paper's code; a code that does not
//! fit says so.

use e2e::{dist_dir, Phone, StaticServer};
use quiz_core::session::shared::new_code;

/// The paper a phone shows: each question's stem and its options in the
/// order shown, walking through with "next".
async fn paper(phone: &Phone, count: usize) -> Vec<Vec<String>> {
    let mut questions = Vec::new();
    for number in 1..=count {
        phone
            .wait_for_text(".quiz__position", &format!("{number} / {count}"))
            .await;
        let mut shown = phone.texts(".question__stem").await;
        shown.extend(phone.texts(".choice").await);
        questions.push(shown);
        if number < count {
            phone.click(".quiz__next").await;
        }
    }
    questions
}

#[tokio::test(flavor = "current_thread")]
async fn two_members_opening_the_same_paper_link_get_the_same_paper() {
    let dist = dist_dir();
    let bytes = std::fs::read(dist.join("questions/charter.json")).expect("the charter bank");
    let bank = quiz_core::check_bank("charter.json", &bytes)
        .value
        .expect("a valid bank");
    let code = new_code(&bank, 2026_1206);
    let server = StaticServer::start(&dist);
    let link = format!("{}?bank=charter&mode=exam&paper={code}&n=6", server.url());

    let mut papers = Vec::new();
    for _ in 0..2 {
        let phone = Phone::start().await;
        phone.open(&link).await;
        phone.wait_for(".quiz--exam .question").await;
        papers.push(paper(&phone, 6).await);
        // The result names the paper.
        phone.click(".quiz__submit").await;
        phone.wait_for("dialog.dialog[open]").await;
        phone.click(".dialog__confirm").await;
        let shown = phone.wait_for_text(".score-card__paper", &code).await;
        assert!(shown.contains("试卷"), "{shown}");
        phone.close().await;
    }
    assert_eq!(papers[0].len(), 6);
    assert!(papers[0].iter().all(|question| !question[0].is_empty()));
    assert_eq!(papers[0], papers[1], "the two phones got different papers");

    // Another code is another paper; a code for another bank says so.
    let phone = Phone::start().await;
    let other = new_code(&bank, 7);
    phone
        .open(&format!(
            "{}#/bank/charter/exam?paper={other}&n=6",
            server.url()
        ))
        .await;
    phone.wait_for(".quiz--exam .question").await;
    assert_ne!(paper(&phone, 6).await, papers[0]);
    let mut rules = bank.clone();
    rules.id = "rules".into();
    phone
        .client
        .goto(&format!(
            "{}#/bank/charter/exam?paper={}",
            server.url(),
            new_code(&rules, 7)
        ))
        .await
        .expect("navigate");
    let notice = phone
        .wait_for_text(".paper-mismatch", "试卷代码与当前题库不符")
        .await;
    assert!(notice.contains("前往题库页面"), "{notice}");
    phone.close().await;
}
