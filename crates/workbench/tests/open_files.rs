//! Browser tests of the workbench: opening every format by drop and by
//! the file picker, a published bank, the problem list in both languages,
//! the bad inputs a coordinator may bring, and the files to publish.

#![cfg(target_arch = "wasm32")]

mod support;

use quiz_app::hooks::LANGUAGE_KEY;
use quiz_app::platform::KeyValueStore;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_xlsx_template_opens_by_drop_ready_to_publish() {
    let (root, _) = mount_workbench(FakeFetcher::published()).await;
    drop_file(&root, "题库模板.xlsx", TEMPLATE_XLSX);
    let report = report(&root).await;
    assert!(report.query_selector(".wb-status--ok").unwrap().is_some());
    assert!(text(&report, ".wb-summary__count").starts_with("4 "));
    assert_eq!(text(&report, ".wb-summary__id"), "bank");
    // A new bank: it is added to the bank list at version 1.
    assert!(report
        .query_selector(".wb-download__bank")
        .unwrap()
        .is_some());
    let changes = text(&report, ".wb-download__changes");
    assert!(changes.contains("新增题库 bank"), "{changes}");
}

#[wasm_bindgen_test]
async fn csv_gift_and_aiken_open_by_the_picker() {
    for (name, bytes, count) in [
        ("题库模板.csv", TEMPLATE_CSV, "4 "),
        ("sample.gift", SAMPLE_GIFT, ""),
        ("sample.txt", SAMPLE_AIKEN, ""),
    ] {
        let (root, _) = mount_workbench(FakeFetcher::published()).await;
        pick_file(&root, name, bytes);
        let report = report(&root).await;
        assert_eq!(text(&report, ".wb-report__file"), name);
        assert!(
            report.query_selector(".wb-summary").unwrap().is_some(),
            "{name}: {}",
            texts(&report, ".wb-problem").join("\n")
        );
        assert!(text(&report, ".wb-summary__count").starts_with(count));
    }
}

#[wasm_bindgen_test]
async fn a_gbk_csv_shows_both_problems_at_their_cells_in_either_language() {
    let (root, storage) = mount_workbench(FakeFetcher::published()).await;
    drop_file(&root, "支部题库.csv", &gbk_csv_with_two_mistakes());
    let report = report(&root).await;
    assert!(report.query_selector(".wb-status--bad").unwrap().is_some());
    let places = texts(&report, ".wb-problem--error .wb-problem__place");
    assert_eq!(
        places,
        [
            "支部题库.csv 第 2 行「答案」列",
            "支部题库.csv 第 4 行「题干」列"
        ]
    );
    // Nothing to download while there are errors.
    assert!(report.query_selector(".wb-download").unwrap().is_none());

    click(&root, ".wb-header__lang");
    yew::scheduler::flush().await;
    settle().await;
    let places = texts(&root, ".wb-problem--error .wb-problem__place");
    assert_eq!(
        places,
        [
            "支部题库.csv row 2, column 答案",
            "支部题库.csv row 4, column 题干"
        ]
    );
    assert_eq!(storage.get(LANGUAGE_KEY).unwrap().as_deref(), Some("en"));
}

#[wasm_bindgen_test]
async fn the_language_preference_of_the_app_is_kept() {
    let (root, storage) = mount_workbench(FakeFetcher::published()).await;
    assert_eq!(text(&root, ".wb-header__title"), "题库工作台");
    storage.set(LANGUAGE_KEY, "en").unwrap();
    let (root, _) = {
        // A second page load with the stored choice.
        let document = web_sys::window().unwrap().document().unwrap();
        let again = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&again).unwrap();
        let props = workbench::components::WorkbenchProps {
            platform: quiz_app::platform::Platform {
                storage: storage.clone(),
                fetcher: std::rc::Rc::new(FakeFetcher::published()),
                clock: std::rc::Rc::new(FixedClock),
                host: std::rc::Rc::new(quiz_app::platform::BrowserHost),
            },
        };
        yew::Renderer::<workbench::components::Workbench>::with_root_and_props(
            again.clone(),
            props,
        )
        .render();
        settle().await;
        (again, ())
    };
    assert_eq!(text(&root, ".wb-header__title"), "Question bank workbench");
}

#[wasm_bindgen_test]
async fn a_bank_json_problem_has_line_and_column() {
    let (root, _) = mount_workbench(FakeFetcher::published()).await;
    let text_in = std::str::from_utf8(CHARTER).unwrap();
    let broken = text_in.replacen("\"answer\": \"B\"", "\"answer\": \"Z\"", 1);
    let line = broken
        .lines()
        .position(|line| line.contains("\"answer\": \"Z\""))
        .unwrap()
        + 1;
    drop_file(&root, "charter.json", broken.as_bytes());
    let report = report(&root).await;
    let places = texts(&report, ".wb-problem--error .wb-problem__place");
    assert_eq!(places.len(), 1, "{places:?}");
    assert!(
        places[0].starts_with(&format!("charter.json 第 {line} 行第 ")),
        "{places:?}"
    );
    assert!(text(&report, ".wb-problem--error .wb-problem__field").contains(".answer"));
}

#[wasm_bindgen_test]
async fn a_published_bank_opens_from_the_list_unchanged() {
    let (root, _) = mount_workbench(FakeFetcher::published()).await;
    click(&root, ".wb-published__open[data-bank=charter]");
    let report = report(&root).await;
    assert_eq!(text(&report, ".wb-summary__id"), "charter");
    assert_eq!(
        text(&report, ".wb-download__changes"),
        "index.json 无需改动。"
    );
}

#[wasm_bindgen_test]
async fn a_published_bank_as_opened_makes_shared_paper_links_for_members() {
    let (root, _) = mount_workbench(FakeFetcher::published()).await;
    click(&root, ".wb-published__open[data-bank=charter]");
    let report = report(&root).await;
    assert!(report.query_selector(".wb-paper-links").unwrap().is_none());
    click(&report, ".paper-maker__make");
    settle().await;
    let link: web_sys::HtmlTextAreaElement = report
        .query_selector(".paper-maker__link")
        .unwrap()
        .expect("the link made")
        .dyn_into()
        .unwrap();
    let link = link.value();
    let code = text(&report, ".paper-maker__code strong");
    assert!(
        link.ends_with(&format!("?bank=charter&mode=exam&paper={code}")),
        "{link}"
    );
    // The code fits the bank members draw their paper from.
    let published = quiz_core::check_bank("charter.json", CHARTER)
        .value
        .expect("the published charter bank");
    assert_eq!(
        quiz_core::session::shared::check_code(&published, &code).as_deref(),
        Ok(code.as_str())
    );
}

#[wasm_bindgen_test]
async fn an_edited_bank_makes_no_shared_paper_links_and_says_why() {
    let (root, _) = mount_workbench(FakeFetcher::published()).await;
    click(&root, ".wb-published__open[data-bank=charter]");
    report(&root).await;
    assert!(root.query_selector(".paper-maker").unwrap().is_some());
    type_into(&root, "#wb-q-stem", "（修订）党员必须履行的义务是什么？");
    let status = checked(&root).await;
    assert!(status.starts_with("0 "), "{status}");
    assert!(root.query_selector(".paper-maker").unwrap().is_none());
    assert!(
        text(&root, ".wb-paper-links").contains("已发布的题库"),
        "{}",
        text(&root, ".wb-paper-links")
    );
}

#[wasm_bindgen_test]
async fn an_edited_bank_gets_the_next_version() {
    let (root, _) = mount_workbench(FakeFetcher::published()).await;
    settle().await;
    // The charter bank with its first question's stem reworded.
    let edited = std::str::from_utf8(CHARTER).unwrap().replacen(
        "\"stem\": {\n        \"zh\": \"",
        "\"stem\": {\n        \"zh\": \"（修订）",
        1,
    );
    assert_ne!(edited.as_bytes(), CHARTER);
    drop_file(&root, "charter.json", edited.as_bytes());
    let report = report(&root).await;
    let changes = text(&report, ".wb-download__changes");
    // One more than the published version, whatever that is now.
    let published: u32 = std::str::from_utf8(CHARTER)
        .unwrap()
        .split("\"version\": ")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|digits| digits.parse().ok())
        .expect("the charter bank's version");
    let raised = format!("版本 {published} → {}", published + 1);
    assert!(changes.contains(&raised), "{changes}");
    // The bank was last changed on the same day, so the date stays.
    assert!(!changes.contains("更新日期"), "{changes}");
}

#[wasm_bindgen_test]
async fn without_a_bank_list_the_bank_alone_can_be_downloaded() {
    let (root, _) = mount_workbench(FakeFetcher::default()).await;
    assert!(root
        .query_selector(".wb-published__open")
        .unwrap()
        .is_none());
    drop_file(&root, "charter.json", CHARTER);
    let report = report(&root).await;
    assert!(report
        .query_selector(".wb-download__bank")
        .unwrap()
        .is_some());
    assert!(report
        .query_selector(".wb-download__no-index")
        .unwrap()
        .is_some());
}

/// A zip archive with one entry, made by hand (stored, no compression):
/// a zip that is not a workbook.
fn stored_zip(name: &str, data: &[u8]) -> Vec<u8> {
    fn crc32(data: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &byte in data {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    let crc = crc32(data);
    let size = data.len() as u32;
    let mut out = Vec::new();
    let local = out.len() as u32;
    out.extend_from_slice(b"PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00");
    out.extend_from_slice(&crc.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&(name.len() as u16).to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(data);
    let central = out.len() as u32;
    out.extend_from_slice(b"PK\x01\x02\x14\x00\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00");
    out.extend_from_slice(&crc.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&(name.len() as u16).to_le_bytes());
    out.extend_from_slice(&[0; 12]);
    out.extend_from_slice(&local.to_le_bytes());
    out.extend_from_slice(name.as_bytes());
    let central_size = out.len() as u32 - central;
    out.extend_from_slice(b"PK\x05\x06\x00\x00\x00\x00\x01\x00\x01\x00");
    out.extend_from_slice(&central_size.to_le_bytes());
    out.extend_from_slice(&central.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

#[wasm_bindgen_test]
async fn bad_inputs_get_a_message_naming_the_file_and_the_page_goes_on() {
    let wide: String = (0..10_000)
        .map(|i| format!("c{i}"))
        .collect::<Vec<_>>()
        .join(",");
    let mut password = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    password.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("空文件.xlsx", Vec::new(), "是空的（0 字节）"),
        (
            "损坏.xlsx",
            TEMPLATE_XLSX[..TEMPLATE_XLSX.len() / 2].to_vec(),
            "已损坏",
        ),
        ("加密.xlsx", password, "密码"),
        (
            "文档.xlsx",
            stored_zip("word/document.xml", b"<w/>"),
            "不是 .xlsx 工作簿",
        ),
        ("巨大.xlsx", vec![b'P'; 30 * 1024 * 1024], "太大（30 MB）"),
        ("无表头.csv", "随便写的笔记\n没有表头\n".into(), "表头"),
        ("万列.csv", format!("{wide}\n{wide}\n").into_bytes(), ""),
        (
            "乱码.csv",
            [
                &b"\xe9\xa2\x98\xe5\x9e\x8b,\xe9\xa2\x98\xe5\xb9\xb2\n"[..],
                b"\xff\xfe\xfd\x80\x80",
            ]
            .concat(),
            "既不是 UTF-8 也不是 GBK",
        ),
        ("说明.docx", b"hello".to_vec(), "无法识别"),
    ];
    let (root, _) = mount_workbench(FakeFetcher::published()).await;
    for (name, bytes, expected) in cases {
        pick_file(&root, name, &bytes);
        let report = report(&root).await;
        assert_eq!(text(&report, ".wb-report__file"), name);
        let problems = texts(&report, ".wb-problem--error");
        assert!(!problems.is_empty(), "{name}: no error shown");
        assert!(
            problems.iter().all(|p| p.contains(name)),
            "{name} is named: {problems:?}"
        );
        assert!(
            problems[0].contains(expected),
            "{name}: {expected:?} not in {problems:?}"
        );
        assert!(report.query_selector(".wb-download").unwrap().is_none());
    }
    // After all that, a good file still opens.
    pick_file(&root, "题库模板.xlsx", TEMPLATE_XLSX);
    let report = report(&root).await;
    assert!(report.query_selector(".wb-status--ok").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn html_and_script_in_cells_stay_text() {
    let payload = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";
    let csv = std::str::from_utf8(TEMPLATE_CSV)
        .unwrap()
        // A stem that starts with markup, and an answer that is markup:
        // the second is an error whose message quotes it.
        .replacen(
            "预备党员的预备期为",
            &format!("{payload}预备党员的预备期为"),
            1,
        )
        .replacen(",B,", &format!(",\"{}\",", payload.replace('"', "\"\"")), 1);
    let (root, _) = mount_workbench(FakeFetcher::published()).await;
    drop_file(&root, "xss.csv", csv.as_bytes());
    let report = report(&root).await;
    assert!(report.query_selector("script, img").unwrap().is_none());
    let problems = texts(&report, ".wb-problem").join("\n");
    assert!(problems.contains("<script>"), "{problems}");
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

/// A bank of `count` questions made from the charter bank's, each with
/// its own id and numbered stem, as a workbook the way `quizbank export`
/// writes it (run here in the browser, which also shows the workbook
/// writer works in WebAssembly).
fn large_workbook(count: usize) -> Vec<u8> {
    let mut bank = quiz_core::check_bank("charter.json", CHARTER)
        .value
        .unwrap();
    let originals = bank.questions.clone();
    bank.questions = (0..count)
        .map(|i| {
            let mut question = originals[i % originals.len()].clone();
            question.id = format!("charter-{:04}", i + 1);
            question.stem.zh = format!("（第 {} 题）{}", i + 1, question.stem.zh);
            question
        })
        .collect();
    bank_tools::export::to_xlsx(&bank).unwrap()
}

#[wasm_bindgen_test]
async fn a_thousand_row_workbook_opens_and_the_page_stays_responsive() {
    let bytes = large_workbook(1_000);
    let (root, _) = mount_workbench(FakeFetcher::published()).await;
    let performance = web_sys::window().unwrap().performance().unwrap();
    let started = performance.now();
    drop_file(&root, "千题.xlsx", &bytes);
    // The page says it is reading before the work starts.
    yew::scheduler::flush().await;
    let busy = root.query_selector(".wb-status--busy").unwrap().is_some();
    let report = report(&root).await;
    let took = performance.now() - started;
    web_sys::console::log_1(&format!("1,000-row xlsx opened and checked in {took:.0} ms").into());
    assert!(busy, "no busy status while opening");
    assert!(
        text(&report, ".wb-summary__count").starts_with("1000 "),
        "{}",
        texts(&report, ".wb-problem--error").join("\n")
    );
}

#[wasm_bindgen_test]
async fn the_workbook_for_the_next_round_opens_as_the_same_bank() {
    let bank = quiz_core::check_bank("charter.json", CHARTER)
        .value
        .unwrap();
    let workbook = workbench::files::bank_workbook(&bank).unwrap();
    let (root, _) = mount_workbench(FakeFetcher::published()).await;
    drop_file(&root, "charter.xlsx", &workbook);
    let report = report(&root).await;
    assert_eq!(text(&report, ".wb-summary__id"), "charter");
    // The published bank, title and paper kept: nothing to publish.
    assert_eq!(text(&report, ".wb-summary__title"), "党章");
    assert_eq!(
        text(&report, ".wb-download__changes"),
        "index.json 无需改动。"
    );
    assert!(report
        .query_selector(".wb-download__workbook")
        .unwrap()
        .is_some());
}
