//! Opening banks in the release build on a phone: deep links, the back
//! button, and the old link to the coordinators' preview, which moved to
//! the workbench.

use e2e::{dist_dir, Phone, StaticServer};

#[tokio::test(flavor = "current_thread")]
async fn a_deep_link_opens_a_bank_and_back_returns_to_the_list() {
    let server = StaticServer::start(&dist_dir());
    let phone = Phone::start().await;
    phone.open(&format!("{}#/bank/charter", server.url())).await;
    let page = phone.wait_for_text(".bank-page", "单选题").await;
    assert!(page.contains("党章"), "{page}");
    let singles: u32 = phone.texts("[data-type=single] dd").await[0]
        .parse()
        .unwrap();
    assert!(
        singles >= 15,
        "charter has {singles} single-choice questions"
    );

    // From the list into a bank and back with the browser's back button.
    phone.click(".back-link").await;
    phone.wait_for(".bank-list").await;
    phone.click("[data-bank=rules] .bank-card__link").await;
    phone.wait_for_text(".bank-page", "党规").await;
    phone.client.back().await.expect("back");
    phone.wait_for(".bank-list").await;
    phone.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn an_old_preview_link_leads_to_the_workbench() {
    // Checking a bank file moved from the app's `#/preview` to
    // workbench.html (its own tests open files there); a bookmark of the old
    // link says so and leads there in one tap.
    let server = StaticServer::start(&dist_dir());
    let phone = Phone::start().await;
    phone.open(&format!("{}#/preview", server.url())).await;
    phone.wait_for_text(".preview-moved", "题库工作台").await;
    phone.click(".preview-moved__link").await;
    phone.wait_for_text(".wb-header__title", "题库工作台").await;
    phone.close().await;
}
