//! The home page of the release build, on a phone.

use e2e::{copy_dir, dist_dir, Phone, StaticServer};

#[tokio::test(flavor = "current_thread")]
async fn member_sees_the_banks_and_can_switch_to_english() {
    let server = StaticServer::start(&dist_dir());
    let phone = Phone::start().await;
    phone.open(&server.url()).await;

    // The viewport really is a phone's.
    assert_eq!(
        phone.eval("window.innerWidth").await,
        serde_json::json!(390)
    );

    // Chinese by default: the bank list with title, description and count.
    phone.wait_for_text(".bank-list", "党章").await;
    let cards = phone.texts(".bank-card").await;
    assert!(!cards.is_empty(), "no bank cards");
    assert!(cards[0].contains("题"), "count missing: {cards:?}");
    assert_eq!(phone.eval("document.documentElement.lang").await, "zh-CN");

    // Switch to English; the choice survives a reload.
    phone.click(".lang-switch").await;
    phone
        .wait_for_text(".bank-list", "The Party Constitution")
        .await;
    phone.client.refresh().await.expect("reload");
    phone
        .wait_for_text(".bank-list", "The Party Constitution")
        .await;
    assert_eq!(phone.eval("document.documentElement.lang").await, "en");

    // The layout fits the phone: nothing scrolls sideways.
    let overflow = phone
        .eval("document.documentElement.scrollWidth <= window.innerWidth")
        .await;
    assert_eq!(
        overflow,
        serde_json::json!(true),
        "page is wider than the phone"
    );
    phone.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_broken_manifest_shows_an_error_panel_not_a_blank_page() {
    let dist = dist_dir();
    let broken = std::env::temp_dir().join(format!("quiz-broken-{}", std::process::id()));
    copy_dir(&dist, &broken);
    std::fs::write(broken.join("questions/index.json"), "{\"banks\": [ {,] }").unwrap();
    let server = StaticServer::start(&broken);
    let phone = Phone::start().await;
    phone.open(&server.url()).await;
    let panel = phone
        .wait_for_text(".error-panel", "questions/index.json")
        .await;
    assert!(panel.contains("第 1 行"), "no position in: {panel}");
    phone.close().await;
    let _ = std::fs::remove_dir_all(&broken);
}

#[tokio::test(flavor = "current_thread")]
async fn decorative_marks_stay_out_of_controls_names() {
    let server = StaticServer::start(&dist_dir());
    let phone = Phone::start().await;
    phone.open(&server.url()).await;
    phone.wait_for(".bank-card__link").await;
    let names = phone.accessible_names(".bank-card__link").await;
    assert!(names.contains(&"党章".to_string()), "{names:?}");
    for name in &names {
        assert!(!name.contains('›'), "a bank link is named {name:?}");
    }
    // Back links and the favourite star say what they do, without arrows
    // and stars.
    phone
        .open(&format!("{}#/bank/charter/sequential", server.url()))
        .await;
    phone.wait_for(".question").await;
    assert_eq!(phone.accessible_names(".back-link").await, ["返回题库"]);
    assert_eq!(
        phone.accessible_names(".question .favourite").await,
        ["收藏"]
    );
    phone.open(&format!("{}#/bank/charter", server.url())).await;
    phone.wait_for(".activities").await;
    assert_eq!(phone.accessible_names(".back-link").await, ["返回题库列表"]);
    phone.close().await;
}
