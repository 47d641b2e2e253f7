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
    pick(&phone, &template).await;
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
    // An edit of the 1,000-question bank: typing is not held up, and the
    // live check follows once typing settles.
    let stem = phone.wait_for("#wb-q-stem").await;
    let started = std::time::Instant::now();
    stem.send_keys("改").await.expect("type");
    let typed = started.elapsed();
    checked(&phone, 0).await;
    let rechecked = started.elapsed();
    linted(&phone).await;
    let relinted = started.elapsed();
    println!(
        "an edit of a 1,000-question bank: typed in {} ms, checked live {} ms later (of which {} ms is the settle delay), linted {} ms later (after a further {} ms pause)",
        typed.as_millis(),
        rechecked.as_millis(),
        workbench_settle_ms(),
        relinted.as_millis(),
        750
    );
    let _ = std::fs::remove_file(&path);
    phone.close().await;
}

/// How long the workbench waits for typing to settle before checking
/// (`workbench::hooks::SETTLE_MS`).
fn workbench_settle_ms() -> u64 {
    250
}

/// The JavaScript that keeps every download the page offers in
/// `window.__downloads` instead of saving it, so the test reads the files
/// a coordinator would have saved.
const CATCH_DOWNLOADS: &str = "window.__downloads = [];
const create = URL.createObjectURL;
URL.createObjectURL = function (blob) { window.__lastBlob = blob; return create.call(URL, blob); };
HTMLAnchorElement.prototype.click = function () {
  if (this.download) { window.__downloads.push({ name: this.download, blob: window.__lastBlob }); }
};";

/// The template's rows (header first), from its CSV twin.
fn template_rows() -> Vec<Vec<String>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../questions/templates/题库模板.csv");
    let bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// Ten questions in the template's layout, as a coordinator writes them
/// in Excel: the template's four, and six more made from them.
fn ten_questions() -> Vec<Vec<String>> {
    let rows = template_rows();
    let mut out = vec![rows[0].clone()];
    for i in 0..10 {
        let mut row = rows[1 + i % 4].clone();
        if i >= 4 {
            row[1] = format!("（练习 {}）{}", i + 1, row[1]);
        }
        out.push(row);
    }
    out
}

/// A workbook of `rows`, as Excel saves a filled-in copy of the template.
fn workbook(rows: &[Vec<String>]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("题库").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                sheet
                    .write_string(r as u32, c as u16, cell.as_str())
                    .unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// `rows` as a CSV in GBK, as Chinese Excel saves "CSV (逗号分隔)".
fn gbk_csv(rows: &[Vec<String>]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        writer.write_record(row).unwrap();
    }
    let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
    encoding_rs::GBK.encode(&text).0.into_owned()
}

/// Where the screenshots for the coordinators' guide go: `docs/images/`
/// when `QUIZ_UPDATE_SCREENSHOTS` is set (to refresh the guide's pictures),
/// otherwise `target/screenshots/`, so a test run leaves the working tree
/// as it was (a screenshot differs by a few bytes from run to run).
fn screenshot_dir() -> std::path::PathBuf {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = if std::env::var_os("QUIZ_UPDATE_SCREENSHOTS").is_some() {
        root.join("docs/images")
    } else {
        root.join("target/screenshots")
    };
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Saves a screenshot of the page for the coordinators' guide.
async fn screenshot(phone: &Phone, name: &str) {
    let png = phone.client.screenshot().await.expect("screenshot");
    std::fs::write(screenshot_dir().join(format!("{name}.png")), png).unwrap();
}

/// Picks a file in the workbench's file input.
async fn pick(phone: &Phone, path: &std::path::Path) {
    let input = phone
        .client
        .find(Locator::Css(".wb-drop__input"))
        .await
        .expect("file input");
    input
        .send_keys(path.to_str().unwrap())
        .await
        .expect("pick the file");
}

/// The editor's revision (its count of edits).
async fn revision(phone: &Phone) -> u64 {
    phone
        .eval("Number((document.querySelector('.wb-report--editing .wb-status') || {dataset: {}}).dataset.revision || 0)")
        .await
        .as_u64()
        .unwrap_or(0)
}

/// Waits until the live check has caught up with an edit made after
/// revision `after` and returns the status line.
async fn checked(phone: &Phone, after: u64) -> String {
    let started = std::time::Instant::now();
    loop {
        let done = phone
            .eval(&format!("(() => {{ const s = document.querySelector('.wb-report--editing .wb-status'); return s && s.dataset.checked === 'true' && Number(s.dataset.revision) > {after} && s.textContent; }})()"))
            .await;
        if let Some(text) = done.as_str() {
            return text.to_string();
        }
        if started.elapsed().as_secs() > 30 {
            let status = phone
                .eval("(() => { const s = document.querySelector('.wb-report--editing .wb-status'); return s ? [s.dataset.revision, s.dataset.checked, s.textContent] : document.body.innerText.slice(0, 2000); })()")
                .await;
            panic!("the live check after revision {after} did not finish: {status}");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Presses the button matching `css` once it exists (a script click: the
/// page may still be moving as its check finishes, and a click at a
/// position could land on the button below).
async fn press(phone: &Phone, css: &str) {
    phone.wait_for(css).await;
    phone
        .eval(&format!("document.querySelector({css:?}).click()"))
        .await;
}

/// Waits until the lints have run on the last edit (they follow the
/// check once typing has paused longer).
async fn linted(phone: &Phone) {
    let started = std::time::Instant::now();
    while phone
        .eval("(document.querySelector('.wb-report--editing .wb-status') || {dataset: {}}).dataset.linted")
        .await
        != serde_json::json!("true")
    {
        assert!(started.elapsed().as_secs() < 30, "the lints did not run");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// The last download caught by [`CATCH_DOWNLOADS`]: its name and text.
async fn last_download(phone: &Phone) -> (String, String) {
    let value = phone
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const last = window.__downloads[window.__downloads.length - 1];
             last.blob.text().then(text => done([last.name, text]));",
            vec![],
        )
        .await
        .expect("read the download");
    (
        value[0].as_str().unwrap().to_string(),
        value[1].as_str().unwrap().to_string(),
    )
}

/// Opens the workbench with downloads caught, at a laptop's or a phone's size.
async fn workbench_at(server: &StaticServer, laptop: bool, blocked: bool) -> Phone {
    let phone = match (blocked, laptop) {
        (true, _) => Phone::start_with_storage_blocked().await,
        (false, true) => Phone::start_laptop().await,
        (false, false) => Phone::start().await,
    };
    phone.before_page_scripts(CATCH_DOWNLOADS).await;
    phone
        .client
        .goto(&format!("{}workbench.html", server.url()))
        .await
        .expect("navigate");
    phone.wait_for(".wb-drop__input").await;
    phone
}

/// Runs `quizbank check` on a copy of the published questions with the
/// downloaded bank and bank list in place, and returns its output when
/// it passes.
fn quizbank_check(bank_file: &str, bank: &str, index: &str) -> String {
    let dir = std::env::temp_dir().join(format!("wb-check-{}-{bank_file}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    e2e::copy_dir(&dist_dir().join("questions"), &dir);
    std::fs::write(dir.join(bank_file), bank).unwrap();
    std::fs::write(dir.join("index.json"), index).unwrap();
    let workspace = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let output = std::process::Command::new(env!("CARGO"))
        .current_dir(&workspace)
        .args(["run", "-q", "-p", "quizbank", "--", "check"])
        .arg(&dir)
        .output()
        .expect("run quizbank check");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "quizbank check failed:\n{text}");
    let _ = std::fs::remove_dir_all(&dir);
    text
}

/// The coordinator's whole job at one screen size: the template with ten
/// questions opens clean; a GBK CSV with two mistakes shows both at their
/// cells; they are fixed in the forms (a reload in the middle keeps the
/// work); the bank and bank list downloaded pass `quizbank check`, and the
/// bank is what `quizbank import` makes of the corrected file.
async fn a_coordinator_publishes_from_a_spreadsheet(laptop: bool) {
    let size = if laptop { "laptop" } else { "phone" };
    let server = StaticServer::start(&dist_dir());
    let phone = workbench_at(&server, laptop, false).await;
    let rows = ten_questions();
    let dir = std::env::temp_dir().join(format!("wb-e2e-{}-{size}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();

    // The picker is one button, the page's own.
    assert!(
        phone.file_picker_is_one_button(".wb-drop .file-pick").await,
        "{size}"
    );

    let xlsx = dir.join("题库模板.xlsx");
    std::fs::write(&xlsx, workbook(&rows)).unwrap();
    pick(&phone, &xlsx).await;
    phone.wait_for_text(".wb-summary__count", "10").await;
    phone.wait_for(".wb-download__bank").await;
    screenshot(&phone, &format!("workbench-{size}-opened")).await;
    // Not edited, so the next file may replace it.
    press(&phone, ".wb-close").await;

    let mut broken = rows.clone();
    broken[1][10] = "Z".into(); // row 2, the first question: a single choice
    broken[3][1] = String::new(); // row 4, the third: a judge question without its stem
    let csv_path = dir.join("branch-2026.csv");
    std::fs::write(&csv_path, gbk_csv(&broken)).unwrap();
    pick(&phone, &csv_path).await;
    phone.wait_for(".wb-problem--error").await;
    let places = phone.texts(".wb-problem--error .wb-problem__place").await;
    assert_eq!(places.len(), 2, "{places:?}");
    assert!(places[0].contains("第 2 行「答案」列"), "{places:?}");
    assert!(places[1].contains("第 4 行「题干」列"), "{places:?}");
    screenshot(&phone, &format!("workbench-{size}-problems")).await;
    // Usable on a phone: nothing makes the page scroll sideways.
    let sideways: Vec<String> = phone
        .layout_problems()
        .await
        .into_iter()
        .filter(|p| p.contains("sideways"))
        .collect();
    assert!(sideways.is_empty(), "{sideways:?}");

    // The first problem opens its field; the right option is ticked.
    phone.click(".wb-problem--error .wb-problem__open").await;
    assert_eq!(
        phone.eval("document.activeElement.id").await,
        serde_json::json!("wb-q-answer")
    );
    screenshot(&phone, &format!("workbench-{size}-answer")).await;
    phone
        .eval("document.querySelectorAll('.wb-option__correct')[1].click()")
        .await;
    let status = checked(&phone, 0).await;
    assert!(status.starts_with("1 "), "{status}");

    // A reload in the middle: the draft is offered again.
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    phone.client.refresh().await.expect("reload");
    phone.click(".wb-restore__continue").await;
    let status = checked(&phone, 0).await;
    assert!(status.starts_with("1 "), "{status}");

    phone.click(".wb-problem--error .wb-problem__open").await;
    assert_eq!(
        phone.eval("document.activeElement.id").await,
        serde_json::json!("wb-q-stem")
    );
    let stem = phone.wait_for("#wb-q-stem").await;
    let before = revision(&phone).await;
    stem.send_keys(&rows[3][1]).await.expect("type the stem");
    let status = checked(&phone, before).await;
    assert!(status.starts_with("0 "), "{status}");
    phone
        .eval("window.scrollTo(0, document.querySelector('.wb-report--editing').offsetTop)")
        .await;
    screenshot(&phone, &format!("workbench-{size}-fixed")).await;

    press(&phone, ".wb-download__bank").await;
    let (name, bank) = last_download(&phone).await;
    assert_eq!(name, "branch-2026.json");
    press(&phone, ".wb-download__index").await;
    let (name, index) = last_download(&phone).await;
    assert_eq!(name, "index.json");

    let today = bank_tools::date::china_date(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as i64,
    );
    let corrected = bank_tools::import::import_bytes(
        &gbk_csv(&rows),
        bank_tools::import::Format::Csv,
        "branch-2026",
        &today,
        "branch-2026.csv",
    )
    .unwrap();
    assert_eq!(bank, bank_tools::bank_json(&corrected));
    quizbank_check("branch-2026.json", &bank, &index);
    let _ = std::fs::remove_dir_all(&dir);
    phone.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_coordinator_publishes_from_a_spreadsheet_on_a_laptop() {
    a_coordinator_publishes_from_a_spreadsheet(true).await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_coordinator_publishes_from_a_spreadsheet_on_a_phone() {
    a_coordinator_publishes_from_a_spreadsheet(false).await;
}

#[tokio::test(flavor = "current_thread")]
async fn with_storage_blocked_the_workbench_still_edits_and_downloads() {
    let server = StaticServer::start(&dist_dir());
    let phone = workbench_at(&server, false, true).await;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../questions/templates/题库模板.xlsx")
        .canonicalize()
        .unwrap();
    pick(&phone, &path).await;
    let stem = phone.wait_for("#wb-q-stem").await;
    stem.send_keys("（改）").await.expect("type");
    let status = checked(&phone, 0).await;
    assert!(status.starts_with("0 "), "{status}");
    phone.wait_for(".wb-kept--blocked").await;
    press(&phone, ".wb-download__bank").await;
    let (_, bank) = last_download(&phone).await;
    assert!(bank.contains("（改）"), "{}", &bank[..bank.len().min(3000)]);
    phone.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn every_published_bank_downloads_unchanged_byte_for_byte() {
    let server = StaticServer::start(&dist_dir());
    let phone = workbench_at(&server, true, false).await;
    let index = std::fs::read(dist_dir().join("questions/index.json")).unwrap();
    let manifest = quiz_core::manifest::parse_manifest("index.json", &index).unwrap();
    for entry in &manifest.banks {
        let button = format!(".wb-published__open[data-bank='{}']", entry.id);
        press(&phone, &button).await;
        phone
            .wait_for_text(".wb-report--editing .wb-report__file", &entry.file)
            .await;
        phone.wait_for(".wb-download__bank").await;
        press(&phone, ".wb-download__bank").await;
        let (name, text) = last_download(&phone).await;
        assert_eq!(name, entry.file);
        let shipped =
            std::fs::read_to_string(dist_dir().join("questions").join(&entry.file)).unwrap();
        assert!(text == shipped, "{} changed on the way through", entry.file);
        press(&phone, ".wb-close").await;
    }
    phone.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_shared_paper_link_made_in_the_workbench_opens_the_member_app() {
    let server = StaticServer::start(&dist_dir());
    let phone = workbench_at(&server, false, false).await;
    press(&phone, ".wb-published__open[data-bank='charter']").await;
    phone.click(".paper-maker summary").await;
    phone.click(".paper-maker__make").await;
    let code = phone.wait_for_text(".paper-maker__code strong", "-").await;
    let link = phone
        .eval("document.querySelector('.paper-maker__link').value")
        .await;
    // The member app beside the workbench, never the workbench itself.
    assert_eq!(
        link.as_str(),
        Some(
            format!(
                "{}index.html?bank=charter&mode=exam&paper={code}",
                server.url()
            )
            .as_str()
        )
    );
    phone.open(link.as_str().unwrap()).await;
    phone.wait_for(".quiz--exam .question").await;
    assert!(phone.texts(".paper-mismatch").await.is_empty());
    phone.close().await;
}

/// The workbench's states a coordinator meets, for the accessibility
/// audit: the empty page, a published bank in the editor, a file with
/// problems beside its form, and the QR code of a shared paper's link.
async fn audit_workbench_states(
    phone: &Phone,
    base: &str,
    axe: &str,
    lang: &str,
    findings: &mut Vec<String>,
) {
    let dir = std::env::temp_dir().join(format!("wb-axe-{}-{lang}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut broken = ten_questions();
    broken[1][10] = "Z".into();
    let csv_path = dir.join("branch.csv");
    std::fs::write(&csv_path, gbk_csv(&broken)).unwrap();
    let qr = format!(
        "{base}workbench.html#qr={}",
        "http%3A%2F%2Fexample.com%2Findex.html%3Fbank%3Dcharter%26mode%3Dexam%26paper%3DK7QF-3M2A"
    );
    for dark in [false, true] {
        phone.set_color_scheme(dark).await;
        let theme = if dark { "dark" } else { "light" };
        let mut states: Vec<(&str, Vec<e2e::Violation>)> = Vec::new();
        phone
            .client
            .goto(&format!("{base}workbench.html"))
            .await
            .expect("navigate");
        phone
            .wait_for(".wb-published__open[data-bank='charter']")
            .await;
        states.push(("empty", phone.axe(axe).await));
        press(phone, ".wb-published__open[data-bank='charter']").await;
        phone.wait_for(".wb-summary__count").await;
        states.push(("published bank in the editor", phone.axe(axe).await));
        press(phone, ".wb-close").await;
        pick(phone, &csv_path).await;
        phone.wait_for(".wb-problem--error .wb-problem__open").await;
        phone.click(".wb-problem--error .wb-problem__open").await;
        states.push(("problems and the question form", phone.axe(axe).await));
        // A fresh page for the next state, without the draft just made
        // (the language choice stays).
        phone
            .eval("localStorage.removeItem('quiz.workbench.draft')")
            .await;
        // The QR page is chosen when the page loads, so load it afresh.
        phone.client.goto("about:blank").await.expect("navigate");
        phone.client.goto(&qr).await.expect("navigate");
        phone.wait_for(".qr-page__code").await;
        states.push(("QR code", phone.axe(axe).await));
        for (state, violations) in states {
            for violation in violations.iter().filter(|v| v.is_serious()) {
                findings.push(format!(
                    "{lang} {theme} {state}: {} ({}) {}: {}",
                    violation.id,
                    violation.impact,
                    violation.help,
                    violation.nodes.join("; ")
                ));
            }
        }
        phone
            .eval("localStorage.removeItem('quiz.workbench.draft')")
            .await;
    }
}

#[tokio::test(flavor = "current_thread")]
async fn the_workbench_passes_axe_in_both_languages_and_themes() {
    let server = StaticServer::start(&dist_dir());
    let phone = workbench_at(&server, true, false).await;
    let axe = e2e::axe_source();
    let base = server.url();
    let mut findings = Vec::new();
    audit_workbench_states(&phone, &base, &axe, "zh", &mut findings).await;
    // English: the same switch as the member app, remembered on the device.
    phone
        .client
        .goto(&format!("{base}workbench.html"))
        .await
        .expect("navigate");
    phone.click(".wb-header__lang").await;
    phone.wait_for("html[lang=en]").await;
    audit_workbench_states(&phone, &base, &axe, "en", &mut findings).await;
    phone.close().await;
    assert!(
        findings.is_empty(),
        "axe found {} serious or critical problems:\n  {}",
        findings.len(),
        findings.join("\n  ")
    );
}
