//! Opening banks in the release build on a phone: deep links, the back
//! button, and the coordinators' preview of a local file.

use e2e::{dist_dir, Phone, StaticServer};
use fantoccini::Locator;

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
async fn the_preview_reports_a_broken_file_picked_on_the_device() {
    let server = StaticServer::start(&dist_dir());
    let good = std::fs::read_to_string(dist_dir().join("questions/charter.json")).unwrap();
    let broken = good.replacen("\"answer\"", "\"anwser\"", 1);
    let path = std::env::temp_dir().join(format!("quiz-preview-{}.json", std::process::id()));
    std::fs::write(&path, broken).unwrap();

    let phone = Phone::start().await;
    preview_file(&phone, &server, &path).await;
    let report = phone
        .wait_for_text(".preview__report", "不认识的字段“anwser”")
        .await;
    assert!(report.contains("是不是“answer”"), "{report}");
    assert!(report.contains("第 "), "no position: {report}");
    phone.close().await;
    let _ = std::fs::remove_file(path);
}

#[tokio::test(flavor = "current_thread")]
async fn a_coordinator_practises_with_a_previewed_file_before_publishing() {
    let server = StaticServer::start(&dist_dir());
    let path = dist_dir().join("questions/speeches.json");
    let phone = Phone::start().await;
    preview_file(&phone, &server, &path).await;
    phone.wait_for_text(".preview__report", "检查通过").await;
    phone.click(".preview__practise").await;
    phone.wait_for(".quiz--practice").await;
    // Sequential practice starts with the file's first question, a single choice.
    // Practice checks a single-choice answer on the tap itself.
    phone.click(".question[data-type=single] .choice").await;
    phone.wait_for_text(".solution", "解析").await;
    phone.click(".back-link").await;
    phone.wait_for_text(".preview__report", "检查通过").await;
    phone.close().await;
}

/// Opens the preview page and picks `path` in its file input, as a
/// coordinator choosing a file on the device.
async fn preview_file(phone: &Phone, server: &StaticServer, path: &std::path::Path) {
    phone.open(&format!("{}#/preview", server.url())).await;
    let input = phone
        .client
        .find(Locator::Css(".file-pick__input"))
        .await
        .expect("file input");
    let path = path.canonicalize().expect("the picked file exists");
    input
        .send_keys(path.to_str().unwrap())
        .await
        .expect("pick the file");
}
