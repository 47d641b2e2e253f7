//! The coordinators' workbench in the release build: linked from the home
//! page's footer, it opens the template workbook picked on the device and
//! shows the bank ready to download.

use e2e::{dist_dir, Phone, StaticServer};
use fantoccini::Locator;

#[tokio::test(flavor = "current_thread")]
async fn the_footer_links_to_the_workbench_which_opens_the_template() {
    let server = StaticServer::start(&dist_dir());
    let phone = Phone::start().await;
    phone.open(&server.url()).await;
    phone.wait_for(".bank-list").await;
    assert_eq!(
        phone
            .attribute(".app-footer__workbench", "href")
            .await
            .as_deref(),
        Some("workbench.html")
    );
    phone.click(".app-footer__workbench").await;
    phone.wait_for_text(".wb-header__title", "题库工作台").await;
    // The published banks beside the page are listed.
    phone
        .wait_for_text(".wb-published__list", "charter.json")
        .await;

    let template = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../questions/templates/题库模板.xlsx")
        .canonicalize()
        .expect("the template exists");
    let input = phone
        .client
        .find(Locator::Css(".wb-drop__input"))
        .await
        .expect("file input");
    input
        .send_keys(template.to_str().unwrap())
        .await
        .expect("pick the template");
    let count = phone.wait_for_text(".wb-summary__count", "4").await;
    assert!(count.starts_with("4 "), "{count}");
    phone.wait_for(".wb-download__bank").await;
    phone.close().await;
}

/// A workbook of 1,000 questions made from the charter bank's, each with
/// its own id and numbered stem, as `quizbank export` writes it.
fn thousand_row_workbook() -> std::path::PathBuf {
    let charter = std::fs::read(dist_dir().join("questions/charter.json")).unwrap();
    let mut bank = quiz_core::check_bank("charter.json", &charter)
        .value
        .unwrap();
    let originals = bank.questions.clone();
    bank.questions = (0..1_000)
        .map(|i| {
            let mut question = originals[i % originals.len()].clone();
            question.id = format!("charter-{:04}", i + 1);
            question.stem.zh = format!("（第 {} 题）{}", i + 1, question.stem.zh);
            question
        })
        .collect();
    let path = std::env::temp_dir().join(format!("quiz-1000-{}.xlsx", std::process::id()));
    std::fs::write(&path, bank_tools::export::to_xlsx(&bank).unwrap()).unwrap();
    path
}

#[tokio::test(flavor = "current_thread")]
async fn a_thousand_row_workbook_opens_and_is_checked_in_the_release_build() {
    let path = thousand_row_workbook();
    let server = StaticServer::start(&dist_dir());
    let phone = Phone::start().await;
    // The workbench has no app header to wait for, unlike the app's pages.
    phone
        .client
        .goto(&format!("{}workbench.html", server.url()))
        .await
        .expect("navigate");
    phone.wait_for(".wb-drop__input").await;
    let input = phone
        .client
        .find(Locator::Css(".wb-drop__input"))
        .await
        .expect("file input");
    let started = std::time::Instant::now();
    input
        .send_keys(path.to_str().unwrap())
        .await
        .expect("pick the workbook");
    let count = phone.wait_for_text(".wb-summary__count", "1000").await;
    let took = started.elapsed();
    println!(
        "a 1,000-row xlsx opened and checked in the release workbench in {} ms",
        took.as_millis()
    );
    assert!(count.starts_with("1000 "), "{count}");
    let _ = std::fs::remove_file(&path);
    phone.close().await;
}
