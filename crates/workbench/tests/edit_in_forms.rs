//! Browser tests of editing in the workbench: problems fixed in the forms
//! (a click on a problem focuses its field), the live check, downloading
//! the fixed bank, undo, the draft kept across a reload, blocked storage,
//! and a bank of another id refused while a draft is open.

#![cfg(target_arch = "wasm32")]

mod support;

use bank_tools::import::{import_bytes, Format};
use quiz_app::platform::{KeyValueStore, MemoryStorage};
use std::rc::Rc;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The shipped rules bank, a bank of another id than the charter's.
const RULES: &[u8] = include_bytes!("../../../questions/rules.json");

/// The value of the input or textarea matching `selector`.
fn value(root: &web_sys::Element, selector: &str) -> String {
    let element = root
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"));
    match element.dyn_ref::<web_sys::HtmlInputElement>() {
        Some(input) => input.value(),
        None => element
            .unchecked_into::<web_sys::HtmlTextAreaElement>()
            .value(),
    }
}

/// Clicks the nth element matching `selector`.
fn click_nth(root: &web_sys::Element, selector: &str, n: u32) {
    root.query_selector_all(selector)
        .unwrap()
        .item(n)
        .unwrap_or_else(|| panic!("no {selector} #{n}"))
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

#[wasm_bindgen_test]
async fn a_broken_csv_is_fixed_in_the_forms_and_downloads_as_importing_the_fixed_file_would() {
    catch_downloads();
    let (root, _) = mount_workbench(FakeFetcher::published()).await;
    drop_file(&root, "支部题库.csv", &gbk_csv_with_two_mistakes());
    report(&root).await;
    // Both problems are listed at their cells, and the questions are in
    // the editor, the wrong answer as it was written.
    let places = texts(&root, ".wb-problem--error .wb-problem__place");
    assert_eq!(places.len(), 2, "{places:?}");
    assert!(root.query_selector(".wb-download").unwrap().is_none());
    assert_eq!(text(&root, ".wb-qlist__count"), "4 / 4 道题");

    // The first problem opens question 1 at its answer, showing what the
    // file said.
    click_nth(&root, ".wb-problem__open", 0);
    settle().await;
    assert_eq!(focused_id(), "wb-q-answer");
    assert!(text(&root, ".wb-unread").contains('Z'));
    assert!(
        text(&root, ".wb-qform").contains("不在选项中"),
        "{}",
        text(&root, ".wb-qform")
    );
    click_nth(&root, ".wb-option__correct", 1);
    let status = checked(&root).await;
    assert!(status.starts_with("1 "), "{status}");

    // The other error opens question 3 (row 4) at its stem.
    let errors = texts(&root, ".wb-problem--error");
    assert_eq!(errors.len(), 1, "{errors:?}");
    click_nth(&root, ".wb-problem--error .wb-problem__open", 0);
    settle().await;
    assert_eq!(focused_id(), "wb-q-stem");
    let title = text(&root, ".wb-qform__title");
    assert!(
        title.contains("3 / 4"),
        "{title} {:?}",
        texts(&root, ".wb-problem")
    );
    type_into(
        &root,
        "#wb-q-stem",
        "党章规定，对党员的纪律处分有五种：警告、严重警告、撤销党内职务、留党察看、开除党籍。",
    );
    let status = checked(&root).await;
    assert!(status.starts_with("0 "), "{status}");

    // The bank downloaded is what `quizbank import` makes of the file
    // with both mistakes corrected.
    click(&root, ".wb-download__bank");
    let (name, json) = last_download().await;
    assert_eq!(name, "bank.json");
    let expected =
        import_bytes(TEMPLATE_CSV, Format::Csv, "bank", "2026-12-06", "题库.csv").unwrap();
    assert_eq!(json, bank_tools::bank_json(&expected));
    assert!(quiz_core::check_bank("bank.json", json.as_bytes())
        .value
        .is_some());
    click(&root, ".wb-download__index");
    let (name, index) = last_download().await;
    assert_eq!(name, "index.json");
    assert!(
        quiz_core::manifest::parse_manifest("index.json", index.as_bytes()).is_ok(),
        "{index}"
    );
}

#[wasm_bindgen_test]
async fn questions_are_added_deleted_with_undo_and_the_bank_form_edits_the_paper() {
    let (root, _) = mount_workbench(FakeFetcher::published()).await;
    pick_file(&root, "题库模板.csv", TEMPLATE_CSV);
    report(&root).await;
    click(&root, ".wb-qform__delete");
    settle().await;
    assert_eq!(text(&root, ".wb-qlist__count"), "3 / 3 道题");
    assert!(text(&root, ".wb-deleted").contains("bank-001"));
    click(&root, ".wb-deleted__undo");
    settle().await;
    assert_eq!(text(&root, ".wb-qlist__count"), "4 / 4 道题");
    // A new question gets the next id and opens in the form; it is empty,
    // so the check names its stem.
    click(&root, ".wb-add--judge");
    let status = checked(&root).await;
    assert_eq!(text(&root, ".wb-qform__id"), "bank-005");
    assert!(status.starts_with("1 "), "{status}");
    type_into(
        &root,
        "#wb-q-stem",
        "党员有权在党的会议上参加关于党的政策问题的讨论。",
    );
    let status = checked(&root).await;
    assert!(status.starts_with("0 "), "{status}");
    // A copy gets the next id; once typing pauses longer, the lints name
    // it as a near-duplicate (a warning: the bank can still be published).
    click(&root, ".wb-qform__duplicate");
    let status = checked(&root).await;
    assert!(status.starts_with("0 "), "{status}");
    assert_eq!(text(&root, ".wb-qform__id"), "bank-006");
    let mut warnings = String::new();
    for _ in 0..100 {
        settle().await;
        warnings = texts(&root, ".wb-problem--warning").join("\n");
        if warnings.contains("几乎相同") {
            break;
        }
    }
    assert!(warnings.contains("几乎相同"), "{warnings}");
    click(&root, ".wb-qform__delete");
    checked(&root).await;
    // The search finds it; the type filter narrows to it.
    type_into(&root, ".wb-qlist__search", "政策问题");
    settle().await;
    assert_eq!(text(&root, ".wb-qlist__count"), "1 / 5 道题");

    click(&root, ".wb-tab--bank");
    settle().await;
    type_into(&root, "#wb-b-title", "支部题库");
    let status = checked(&root).await;
    assert!(status.starts_with("0 "), "{status}");
    assert_eq!(text(&root, ".wb-summary__title"), "支部题库");
    // A new bank's id came from the file name; it is edited here too, and
    // the file to publish is named by it.
    assert_eq!(value(&root, "#wb-b-id"), "bank");
    type_into(&root, "#wb-b-id", "zhibu-2026");
    let status = checked(&root).await;
    assert!(status.starts_with("0 "), "{status}");
    assert!(text(&root, ".wb-download__bank").contains("zhibu-2026.json"));
}

#[wasm_bindgen_test]
async fn a_reload_offers_the_draft_again() {
    let storage: Rc<MemoryStorage> = Rc::new(MemoryStorage::default());
    let root = mount_on(storage.clone()).await;
    pick_file(&root, "题库模板.csv", TEMPLATE_CSV);
    report(&root).await;
    type_into(&root, "#wb-q-stem", "改过的题干（　）。");
    checked(&root).await;
    settle().await;
    assert!(storage.get(workbench::hooks::DRAFT_KEY).unwrap().is_some());
    root.remove();

    // The page again, as after a reload or a crash.
    let root = mount_on(storage.clone()).await;
    assert!(text(&root, ".wb-restore").contains("题库模板.csv"));
    click(&root, ".wb-restore__continue");
    checked(&root).await;
    assert_eq!(value(&root, "#wb-q-stem"), "改过的题干（　）。");
    root.remove();

    // Opening another file without editing it keeps the draft on offer.
    let root = mount_on(storage.clone()).await;
    pick_file(&root, "题库模板.xlsx", TEMPLATE_XLSX);
    report(&root).await;
    settle().await;
    assert!(text(&root, ".wb-restore").contains("题库模板.csv"));
    root.remove();

    // Discarded, it is not offered again.
    let root = mount_on(storage.clone()).await;
    click(&root, ".wb-restore__discard");
    settle().await;
    assert!(root.query_selector(".wb-restore").unwrap().is_none());
    assert!(storage.get(workbench::hooks::DRAFT_KEY).unwrap().is_none());
}

#[wasm_bindgen_test]
async fn with_storage_blocked_editing_and_downloading_still_work() {
    catch_downloads();
    let root = mount_on(Rc::new(BlockedStorage)).await;
    pick_file(&root, "题库模板.csv", TEMPLATE_CSV);
    report(&root).await;
    type_into(&root, "#wb-q-stem", "存储被阻止时改的题干（　）。");
    checked(&root).await;
    settle().await;
    assert!(root.query_selector(".wb-kept--blocked").unwrap().is_some());
    click(&root, ".wb-download__bank");
    let (_, json) = last_download().await;
    assert!(json.contains("存储被阻止时改的题干"));
}

#[wasm_bindgen_test]
async fn a_bank_of_another_id_leaves_the_draft_untouched() {
    let (root, _) = mount_workbench(FakeFetcher::published()).await;
    drop_file(&root, "charter.json", CHARTER);
    report(&root).await;
    type_into(&root, "#wb-q-stem", "正在编辑的题干");
    checked(&root).await;
    drop_file(&root, "rules.json", RULES);
    for _ in 0..100 {
        settle().await;
        if root
            .query_selector(".wb-report--refused")
            .unwrap()
            .is_some()
        {
            break;
        }
    }
    let refused = text(&root, ".wb-report--refused");
    assert!(refused.contains("rules.json"), "{refused}");
    assert!(refused.contains("不是正在编辑的题库"), "{refused}");
    assert_eq!(value(&root, "#wb-q-stem"), "正在编辑的题干");
    assert_eq!(
        text(&root, ".wb-report--editing .wb-report__file"),
        "charter.json"
    );
}

#[wasm_bindgen_test]
async fn the_bank_is_tried_as_members_take_it_then_editing_goes_on() {
    let (root, _) = mount_workbench(FakeFetcher::published()).await;
    pick_file(&root, "题库模板.csv", TEMPLATE_CSV);
    report(&root).await;
    click(&root, ".wb-try__exam");
    settle().await;
    // The member's own exam page, timed, with the bank's title.
    assert!(root.query_selector(".quiz--exam").unwrap().is_some());
    assert!(root.query_selector(".wb-editor").unwrap().is_none());
    click(&root, ".quiz .back-link");
    settle().await;
    assert!(root.query_selector(".quiz").unwrap().is_none());
    assert!(root.query_selector(".wb-editor").unwrap().is_some());
    click(&root, ".wb-try__practice");
    settle().await;
    assert!(root.query_selector(".quiz--practice").unwrap().is_some());
}

/// A workbook as typed by hand in Excel: an answer Excel turned into a
/// date (row 3), a stem that is a formula (row 4, its value cached), a
/// stem merged over two rows (rows 5 and 6: the second reads empty).
fn workbook_with_dates_formulas_and_merged_cells() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, Formula, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (col, text) in ["题型", "题干", "选项A", "选项B", "答案"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *text).unwrap();
    }
    for row in 1..6u32 {
        sheet.write_string(row, 0, "单选").unwrap();
        sheet.write_string(row, 2, "甲").unwrap();
        sheet.write_string(row, 3, "乙").unwrap();
        sheet.write_string(row, 4, "A").unwrap();
    }
    sheet.write_string(1, 1, "第一题（　）").unwrap();
    sheet.write_string(2, 1, "第二题（　）").unwrap();
    let date = ExcelDateTime::from_ymd(2026, 1, 2).unwrap();
    sheet
        .write_datetime_with_format(2, 4, &date, &CellFormat::new().set_num_format("yyyy-mm-dd"))
        .unwrap();
    sheet
        .write_formula(
            3,
            1,
            Formula::new("=\"第三\"&\"题（　）\"").set_result("第三题（　）"),
        )
        .unwrap();
    sheet
        .merge_range(4, 1, 5, 1, "合并的题干（　）", &CellFormat::new())
        .unwrap();
    workbook.save_to_buffer().unwrap()
}

#[wasm_bindgen_test]
async fn dates_formulas_and_merged_cells_are_located_at_their_cells() {
    let (root, _) = mount_workbench(FakeFetcher::published()).await;
    pick_file(
        &root,
        "手填.xlsx",
        &workbook_with_dates_formulas_and_merged_cells(),
    );
    report(&root).await;
    let places = texts(&root, ".wb-problem--error .wb-problem__place");
    assert!(
        places.iter().any(|p| p.contains("第 3 行「答案」列")),
        "{places:?}"
    );
    assert!(
        places.iter().any(|p| p.contains("第 6 行「题干」列")),
        "{places:?}"
    );
    // Nothing else: the formula's cached value is read as the stem.
    let mut distinct = places.clone();
    distinct.dedup();
    assert_eq!(distinct.len(), 2, "{places:?}");
    assert_eq!(text(&root, ".wb-qlist__count"), "5 / 5 道题");
}

#[wasm_bindgen_test]
async fn bad_files_opened_over_an_edited_draft_leave_it_untouched() {
    let (root, _) = mount_workbench(FakeFetcher::published()).await;
    pick_file(&root, "题库模板.csv", TEMPLATE_CSV);
    report(&root).await;
    type_into(&root, "#wb-q-stem", "正在编辑的题干（　）");
    checked(&root).await;
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("空文件.xlsx", Vec::new()),
        (
            "损坏.xlsx",
            TEMPLATE_XLSX[..TEMPLATE_XLSX.len() / 2].to_vec(),
        ),
        ("巨大.xlsx", vec![b'P'; 30 * 1024 * 1024]),
        ("无表头.csv", "随便写的笔记\n没有表头\n".into()),
        ("说明.docx", b"hello".to_vec()),
        ("手填.xlsx", workbook_with_dates_formulas_and_merged_cells()),
        ("题库模板.xlsx", TEMPLATE_XLSX.to_vec()),
        ("rules.json", RULES.to_vec()),
    ];
    for (name, bytes) in cases {
        pick_file(&root, name, &bytes);
        let mut refused = String::new();
        for _ in 0..200 {
            settle().await;
            refused = text(&root, ".wb-report--refused .wb-report__file");
            if refused == name {
                break;
            }
        }
        assert_eq!(refused, name, "{name} is named in the refusal");
        assert!(!text(&root, ".wb-report--refused .wb-problem--error").is_empty());
        assert_eq!(value(&root, "#wb-q-stem"), "正在编辑的题干（　）", "{name}");
        assert_eq!(
            text(&root, ".wb-report--editing .wb-report__file"),
            "题库模板.csv"
        );
    }
}
