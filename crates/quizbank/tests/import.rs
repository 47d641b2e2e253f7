//! Importing every format and encoding coordinators bring, the errors they
//! see, and the export → import round trip on the real banks.

use quiz_core::bank::{Blank, Body, Difficulty};
use quiz_core::{check_bank, Bank, LocalText, QuestionType};
use quizbank::export::{self, ExportOptions};
use quizbank::import::{import_bytes, import_file, Format, ImportError};
use std::path::{Path, PathBuf};

const TODAY: &str = "2026-11-28";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn read_fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).expect("fixture exists")
}

/// Imports and insists on success, showing the errors otherwise.
fn import_ok(bytes: &[u8], format: Format, file: &str) -> Bank {
    match import_bytes(bytes, format, "mybank", TODAY, file) {
        Ok(bank) => bank,
        Err(errors) => panic!("{file} should import:\n{}", render(&errors)),
    }
}

fn import_err(bytes: &[u8], format: Format, file: &str) -> Vec<ImportError> {
    match import_bytes(bytes, format, "mybank", TODAY, file) {
        Ok(bank) => panic!(
            "{file} should not import, but gave {} questions",
            bank.questions.len()
        ),
        Err(errors) => errors,
    }
}

fn render(errors: &[ImportError]) -> String {
    errors
        .iter()
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// What the app will do with the file: serialise and check it.
fn assert_passes_check(bank: &Bank) {
    let json = serde_json::to_string_pretty(bank).expect("a bank serialises");
    let checked = check_bank("imported.json", json.as_bytes());
    let errors: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == quiz_core::Severity::Error)
        .map(|d| format!("{} {} {}", d.location(), d.path, d.message.en))
        .collect();
    assert!(
        errors.is_empty(),
        "check_bank refused the import:\n{}",
        errors.join("\n")
    );
    assert_eq!(
        checked.value.as_ref(),
        Some(bank),
        "check_bank reads back the same bank"
    );
}

fn find(errors: &[ImportError], line: usize) -> &ImportError {
    errors
        .iter()
        .find(|e| e.line == line)
        .unwrap_or_else(|| panic!("no error on line {line}:\n{}", render(errors)))
}

// ---------------------------------------------------------------- CSV

/// The expectations shared by every encoding of `sample.csv`.
fn assert_sample_csv(bank: &Bank) {
    assert_passes_check(bank);
    assert_eq!(bank.id, "mybank");
    assert_eq!(bank.version, 1);
    assert_eq!(bank.updated, TODAY);
    assert_eq!(bank.title.zh, "mybank");
    let ids: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        ["mybank-001", "mybank-002", "mybank-003", "mybank-004"]
    );
    let kinds: Vec<QuestionType> = bank.questions.iter().map(|q| q.kind()).collect();
    assert_eq!(
        kinds,
        [
            QuestionType::Single,
            QuestionType::Multiple,
            QuestionType::Judge,
            QuestionType::Fill
        ]
    );

    let single = &bank.questions[0];
    assert_eq!(
        single.stem.zh, "预备党员的预备期为（　）。",
        "choice stems keep their brackets"
    );
    assert_eq!(
        single.stem.en.as_deref(),
        Some("How long is the probationary period?")
    );
    let Body::Single { options, answer } = &single.body else {
        panic!("single")
    };
    assert_eq!(*answer, 1, "lower-case b is B");
    assert_eq!(options.len(), 4);
    assert_eq!(options[0].text, LocalText::new("半年", "Six months"));
    assert_eq!(options[2].text.en, None);
    assert_eq!(single.difficulty, Difficulty::Easy);
    assert_eq!(
        single.source.as_ref().map(|s| s.zh.as_str()),
        Some("党章第七条")
    );

    let multiple = &bank.questions[1];
    assert_eq!(
        multiple.stem.zh, "党的纪律主要包括（　）。\n（多选题）",
        "quoted cells keep line breaks"
    );
    let Body::Multiple { answer, .. } = &multiple.body else {
        panic!("multiple")
    };
    assert_eq!(answer, &[0, 1, 3], "A、B、D");
    assert_eq!(multiple.difficulty, Difficulty::Medium, "2 is medium");

    assert_eq!(
        bank.questions[2].body,
        Body::Judge { answer: true },
        "√ is true"
    );
    assert_eq!(
        bank.questions[2].difficulty,
        Difficulty::Easy,
        "简单 is easy"
    );

    let fill = &bank.questions[3];
    assert_eq!(
        fill.stem.zh, "预备党员的预备期为____年，延长不能超过____年。",
        "brackets become blanks"
    );
    let one = Blank {
        zh: vec!["一".into(), "1".into()],
        en: vec![],
    };
    assert_eq!(
        fill.body,
        Body::Fill {
            blanks: vec![one.clone(), one]
        }
    );
    assert_eq!(fill.difficulty, Difficulty::Hard);

    // Chinese tags get stable keys with their names; keys stay keys.
    assert_eq!(bank.questions[0].tags, ["tag-1"]);
    assert_eq!(bank.questions[1].tags, ["tag-2", "discipline"]);
    assert_eq!(bank.questions[2].tags, ["tag-2"]);
    assert_eq!(bank.questions[3].tags, ["tag-1"]);
    assert_eq!(bank.tag_names["tag-1"].zh, "第一章 党员");
    assert_eq!(bank.tag_names["tag-2"].zh, "第七章 党的纪律");
    assert_eq!(bank.tag_names["discipline"].zh, "discipline");

    // The default paper draws what exists.
    let sections: Vec<(QuestionType, u32)> = bank
        .paper
        .sections
        .iter()
        .map(|s| (s.kind, s.count))
        .collect();
    assert_eq!(
        sections,
        [
            (QuestionType::Single, 1),
            (QuestionType::Multiple, 1),
            (QuestionType::Judge, 1),
            (QuestionType::Fill, 1)
        ]
    );
    assert_eq!(
        (bank.paper.time_limit_minutes, bank.paper.pass_percent),
        (30, 60)
    );
}

#[test]
fn csv_utf8_without_bom() {
    let bank = import_ok(&read_fixture("sample.csv"), Format::Csv, "sample.csv");
    assert_sample_csv(&bank);
}

#[test]
fn csv_utf8_with_bom_and_crlf() {
    let text = String::from_utf8(read_fixture("sample.csv"))
        .unwrap()
        .replace('\n', "\r\n");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    let bank = import_ok(&bytes, Format::Csv, "sample.csv");
    assert_sample_csv(&bank);
}

#[test]
fn csv_gbk_as_chinese_excel_saves_it() {
    let text = String::from_utf8(read_fixture("sample.csv"))
        .unwrap()
        .replace('\n', "\r\n");
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the test needs bytes that are not UTF-8"
    );
    let bank = import_ok(&bytes, Format::Csv, "sample.csv");
    assert_sample_csv(&bank);
}

#[test]
fn csv_from_file_guesses_the_format() {
    let bank = import_file(&fixture("sample.csv"), None, "mybank", TODAY).expect("imports");
    assert_eq!(bank.questions.len(), 4);
}

#[test]
fn csv_rows_are_numbered_as_the_spreadsheet_shows_them() {
    // Row 3 holds a cell with a line break and row 4 is empty: the error
    // in row 5 must say row 5, not line 6 of the file.
    let text = String::from_utf8(read_fixture("sample.csv"))
        .unwrap()
        .replace(",√,", ",也许,");
    let errors = import_err(text.as_bytes(), Format::Csv, "sample.csv");
    assert_eq!(errors.len(), 1, "{}", render(&errors));
    assert_eq!(errors[0].line, 5);
    assert_eq!(
        errors[0].column.as_deref(),
        Some("正确答案"),
        "the header as written"
    );
}

#[test]
fn csv_errors_are_reported_for_every_row() {
    let errors = import_err(&read_fixture("errors.csv"), Format::Csv, "errors.csv");
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(
        lines,
        [2, 3, 4, 5, 6, 7],
        "one error per bad row, in order:\n{}",
        render(&errors)
    );

    let beyond = find(&errors, 2);
    assert_eq!(beyond.column.as_deref(), Some("答案"));
    assert!(beyond.zh.contains("E 不在选项中"), "{}", beyond.zh);
    assert!(beyond.en.contains("not among the options"), "{}", beyond.en);

    let unknown = find(&errors, 3);
    assert_eq!(unknown.column.as_deref(), Some("题型"));
    assert!(unknown.zh.contains("题型“问答”无法识别"), "{}", unknown.zh);
    assert!(
        unknown.en.contains("Unknown question type"),
        "{}",
        unknown.en
    );

    let judge = find(&errors, 4);
    assert_eq!(judge.column.as_deref(), Some("答案"));
    assert!(judge.zh.contains("“对”或“错”"), "{}", judge.zh);
    assert!(judge.en.contains("not recognised"), "{}", judge.en);

    let blanks = find(&errors, 5);
    assert_eq!(blanks.column.as_deref(), Some("答案"));
    assert!(
        blanks.zh.contains("题干里有 2 个空，答案却给了 1 个"),
        "{}",
        blanks.zh
    );
    assert!(
        blanks.en.contains("2 blank(s) but the answer gives 1"),
        "{}",
        blanks.en
    );

    let several = find(&errors, 6);
    assert!(
        several.zh.contains("单选题只能有一个答案"),
        "{}",
        several.zh
    );

    let empty = find(&errors, 7);
    assert_eq!(empty.column.as_deref(), Some("题干"));
    assert!(empty.zh.contains("题干是空的"), "{}", empty.zh);

    let shown = errors[0].to_string();
    assert!(
        shown.starts_with("errors.csv 第 2 行「答案」列 / row 2, column 答案:"),
        "{shown}"
    );
}

#[test]
fn csv_missing_stem_column_is_named() {
    let errors = import_err(
        &read_fixture("missing-stem.csv"),
        Format::Csv,
        "missing-stem.csv",
    );
    assert_eq!(errors.len(), 1, "{}", render(&errors));
    assert_eq!(errors[0].line, 1);
    assert!(
        errors[0].zh.contains("表头缺少“题干”列"),
        "{}",
        errors[0].zh
    );
    assert!(
        errors[0].en.contains("no \"题干\" (stem) column"),
        "{}",
        errors[0].en
    );
}

#[test]
fn csv_headers_in_english_any_order_and_width() {
    let text = "Answer,ＳＴＥＭ,Type,Option B,Option A,Explanation,Tags,Difficulty,ID\n\
                B,Which year?,single,1921,1919,Founded in 1921.,history,easy,hist-001\n\
                对,真的？,判断题,,,,,,hist-002\n";
    let bank = import_ok(text.as_bytes(), Format::Csv, "english.csv");
    assert_passes_check(&bank);
    assert_eq!(bank.questions[0].id, "hist-001");
    let Body::Single { options, answer } = &bank.questions[0].body else {
        panic!()
    };
    assert_eq!(options[*answer].text.zh, "1921");
    assert_eq!(bank.questions[0].tags, ["history"]);
    assert!(bank.tag_names.is_empty(), "plain keys need no names");
    assert_eq!(bank.questions[1].id, "hist-002");
}

#[test]
fn duplicate_and_invalid_ids_are_reported() {
    let text = "编号,题型,题干,答案\n\
                q-1,判断,甲,对\n\
                q-1,判断,乙,错\n\
                Q 3,判断,丙,对\n";
    let errors = import_err(text.as_bytes(), Format::Csv, "ids.csv");
    assert_eq!(errors.len(), 2, "{}", render(&errors));
    assert_eq!(
        (errors[0].line, errors[0].column.as_deref()),
        (3, Some("编号"))
    );
    assert!(errors[0].zh.contains("与第 2 行重复"), "{}", errors[0].zh);
    assert_eq!(errors[1].line, 4);
    assert!(errors[1].zh.contains("编号“Q 3”无效"), "{}", errors[1].zh);
}

#[test]
fn fill_answers_with_english_and_escapes() {
    let text = "题型,题干,答案,题干(英文),答案(英文)\n\
                填空,需要____以上多数，____年。,三分之二/2\\/3|一,A majority of ____ within ____ year(s).,two-thirds/2\\/3|one\n";
    let bank = import_ok(text.as_bytes(), Format::Csv, "fill.csv");
    assert_passes_check(&bank);
    let Body::Fill { blanks } = &bank.questions[0].body else {
        panic!()
    };
    assert_eq!(blanks[0].zh, ["三分之二", "2/3"]);
    assert_eq!(blanks[0].en, ["two-thirds", "2/3"]);
    assert_eq!(blanks[1].zh, ["一"]);
    assert_eq!(blanks[1].en, ["one"]);
}

// ---------------------------------------------------------------- XLSX

#[test]
fn xlsx_made_by_the_exporter_imports_back() {
    let bank = import_ok(&read_fixture("sample.csv"), Format::Csv, "sample.csv");
    let xlsx = export::to_xlsx(&bank).expect("exports");
    let again = import_ok(&xlsx, Format::Xlsx, "sample.xlsx");
    assert_eq!(again.questions, bank.questions);
    assert_eq!(
        again.tag_names, bank.tag_names,
        "the 标签 sheet carries the names"
    );
    assert_passes_check(&again);
}

#[test]
fn xlsx_numbers_title_rows_and_dates_as_typed_by_hand() {
    use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    // A title row above the header, the header on row 3, data from row 4.
    sheet.write_string(0, 0, "某某支部学习题库").unwrap();
    let header = ["题型", "题干", "选项A", "选项B", "答案", "难度", "标签"];
    for (col, text) in header.iter().enumerate() {
        sheet.write_string(2, col as u16, *text).unwrap();
    }
    let row = ["单选", "中国共产党成立于哪一年？", "1921年", "1949年", "A"];
    for (col, text) in row.iter().enumerate() {
        sheet.write_string(3, col as u16, *text).unwrap();
    }
    sheet.write_number(3, 5, 1.0).unwrap();
    sheet.write_string(3, 6, "党史").unwrap();
    sheet.write_string(4, 0, "填空").unwrap();
    sheet.write_string(4, 1, "党章规定预备期为____年").unwrap();
    sheet.write_number(4, 4, 1.0).unwrap();
    sheet.write_number(4, 5, 3.0).unwrap();
    let bank = import_ok(
        &workbook.save_to_buffer().unwrap(),
        Format::Xlsx,
        "hand.xlsx",
    );
    assert_passes_check(&bank);
    assert_eq!(
        bank.questions[0].difficulty,
        Difficulty::Easy,
        "the float 1.0 is 易"
    );
    assert_eq!(bank.questions[1].difficulty, Difficulty::Hard);
    assert_eq!(
        bank.questions[1].body,
        Body::Fill {
            blanks: vec![Blank {
                zh: vec!["1".into()],
                en: vec![]
            }]
        }
    );
    assert_eq!(bank.tag_names["tag-1"].zh, "党史");

    // Excel turning an answer into a date is reported at its cell.
    let date = ExcelDateTime::from_ymd(2026, 1, 2).unwrap();
    let format = CellFormat::new().set_num_format("yyyy-mm-dd");
    sheet_with_date(&mut workbook, &date, &format);
    let errors = import_err(
        &workbook.save_to_buffer().unwrap(),
        Format::Xlsx,
        "date.xlsx",
    );
    assert_eq!(errors.len(), 1, "{}", render(&errors));
    assert_eq!(
        (errors[0].line, errors[0].column.as_deref()),
        (5, Some("答案"))
    );
    assert!(errors[0].zh.contains("日期"), "{}", errors[0].zh);
}

fn sheet_with_date(
    workbook: &mut rust_xlsxwriter::Workbook,
    date: &rust_xlsxwriter::ExcelDateTime,
    format: &rust_xlsxwriter::Format,
) {
    let sheet = workbook.worksheet_from_index(0).unwrap();
    sheet
        .write_datetime_with_format(4, 4, date, format)
        .unwrap();
}

#[test]
fn xlsx_errors_name_row_and_column() {
    let text = String::from_utf8(read_fixture("errors.csv")).unwrap();
    // Re-create the error sheet as a workbook through the CSV importer's
    // own cells: write them cell by cell.
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (row, line) in text.lines().enumerate() {
        for (col, cell) in line.split(',').enumerate() {
            if !cell.is_empty() {
                sheet.write_string(row as u32, col as u16, cell).unwrap();
            }
        }
    }
    let errors = import_err(
        &workbook.save_to_buffer().unwrap(),
        Format::Xlsx,
        "errors.xlsx",
    );
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [2, 3, 4, 5, 6, 7], "{}", render(&errors));
    assert_eq!(find(&errors, 3).column.as_deref(), Some("题型"));
}

#[test]
fn a_renamed_workbook_is_still_read_as_one() {
    let bank = import_ok(&read_fixture("sample.csv"), Format::Csv, "sample.csv");
    let xlsx = export::to_xlsx(&bank).expect("exports");
    let again = import_ok(&xlsx, Format::Csv, "renamed.csv");
    assert_eq!(again.questions, bank.questions);
}

#[test]
fn not_a_workbook_is_a_clear_error() {
    let errors = import_err(b"this is not excel", Format::Xlsx, "fake.xlsx");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line, 0);
    assert!(
        errors[0].zh.contains("无法读取这个 Excel 文件"),
        "{}",
        errors[0].zh
    );
}

// ---------------------------------------------------------------- GIFT

#[test]
fn gift_reads_every_supported_type() {
    let bank = import_ok(&read_fixture("sample.gift"), Format::Gift, "sample.gift");
    assert_passes_check(&bank);
    let q = &bank.questions;
    assert_eq!(q.len(), 8);

    assert_eq!(q[0].id, "charter-g01", "a valid title is the id");
    assert_eq!(q[0].stem.zh, "预备党员的预备期为多长时间？");
    let Body::Single { options, answer } = &q[0].body else {
        panic!("single")
    };
    assert_eq!((options.len(), *answer), (4, 1));
    assert_eq!(
        q[0].explanation.as_ref().unwrap().zh,
        "党章第七条规定预备期为一年。"
    );
    assert_eq!(q[0].tags, ["tag-1"]);
    assert_eq!(
        bank.tag_names["tag-1"].zh, "第一章 党员",
        "the category becomes a tag"
    );

    assert_eq!(q[1].id, "mybank-002", "a Chinese title is not an id");
    let Body::Multiple { answer, .. } = &q[1].body else {
        panic!("multiple")
    };
    assert_eq!(answer, &[0, 1, 3], "positive weights are the right answers");
    assert_eq!(
        q[1].explanation.as_ref().unwrap().zh,
        "党章第四十条。",
        "#### is general feedback"
    );

    assert_eq!(q[2].body, Body::Judge { answer: true });
    assert_eq!(q[2].explanation.as_ref().unwrap().zh, "对，见第四十一条。");

    assert_eq!(q[3].stem.zh, "预备党员的预备期为____年。");
    assert_eq!(
        q[3].body,
        Body::Fill {
            blanks: vec![Blank {
                zh: vec!["一".into(), "1".into()],
                en: vec![]
            }]
        }
    );

    assert_eq!(q[4].stem.zh, "中国共产党成立于哪一年？____");
    let Body::Fill { blanks } = &q[4].body else {
        panic!("numeric")
    };
    assert_eq!(blanks[0].zh, ["1921"]);

    assert_eq!(q[5].stem.zh, "含有转义字符 { } = ~ # : 的题目：1:1");
    assert_eq!(q[5].body, Body::Judge { answer: true });

    assert_eq!(
        q[6].stem.zh,
        "The Party's（　）leading body is the National Congress."
    );
    let Body::Single { options, answer } = &q[6].body else {
        panic!("missing word")
    };
    assert_eq!(options[*answer].text.zh, "highest");

    assert_eq!(
        q[7].stem.zh, "Members must pay ____ on time.",
        "English keeps its spaces"
    );
}

#[test]
fn gift_errors_have_line_numbers() {
    let errors = import_err(&read_fixture("errors.gift"), Format::Gift, "errors.gift");
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [2, 6, 8, 10, 12], "{}", render(&errors));
    assert!(find(&errors, 2).zh.contains("没有闭合"));
    assert!(find(&errors, 6).zh.contains("没有正确选项"));
    assert!(find(&errors, 8).en.contains("Matching questions"));
    assert!(find(&errors, 10).en.contains("essay"));
    assert!(find(&errors, 12).zh.contains("没有答案部分"));
    assert!(errors[0]
        .to_string()
        .starts_with("errors.gift 第 2 行 / line 2:"));
}

// ---------------------------------------------------------------- Aiken

#[test]
fn aiken_reads_questions_and_chinese_habits() {
    let bank = import_ok(&read_fixture("sample.txt"), Format::Aiken, "sample.txt");
    assert_passes_check(&bank);
    let q = &bank.questions;
    assert_eq!(q.len(), 3);
    let Body::Single { options, answer } = &q[0].body else {
        panic!("single")
    };
    assert_eq!(options.len(), 4);
    assert_eq!(options[3].text.zh, "三年", "D) works like D.");
    assert_eq!(*answer, 1);
    assert_eq!(
        q[0].explanation.as_ref().unwrap().zh,
        "党章第七条规定，预备党员的预备期为一年。"
    );
    let Body::Multiple { options, answer } = &q[1].body else {
        panic!("multiple")
    };
    assert_eq!(options[0].text.zh, "政治纪律", "full-width Ａ．");
    assert_eq!(answer, &[0, 1]);
    assert_eq!(q[1].source.as_ref().unwrap().zh, "党章第四十条");
    assert_eq!(
        q[2].stem.zh, "Which of these is the Party emblem?",
        "no blank line needed after ANSWER"
    );
    let Body::Single { answer, .. } = &q[2].body else {
        panic!("single")
    };
    assert_eq!(*answer, 0);
}

#[test]
fn aiken_errors_have_line_numbers() {
    let errors = import_err(&read_fixture("errors.txt"), Format::Aiken, "errors.txt");
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [1, 9, 13], "{}", render(&errors));
    assert!(
        find(&errors, 1).zh.contains("缺少答案行"),
        "{}",
        find(&errors, 1).zh
    );
    assert!(find(&errors, 1).en.contains("no answer line"));
    assert!(
        find(&errors, 9).zh.contains("E 不在选项中"),
        "{}",
        find(&errors, 9).zh
    );
    assert!(
        find(&errors, 13).zh.contains("选项字母应为 B"),
        "{}",
        find(&errors, 13).zh
    );
}

// ---------------------------------------------------------------- Whole-file problems

#[test]
fn bad_bank_id_and_empty_files_are_reported() {
    let errors = import_bytes(b"", Format::Csv, "My Bank", TODAY, "empty.csv").unwrap_err();
    assert_eq!(errors[0].line, 0);
    let errors = import_bytes(
        "题型,题干,答案\n判断,甲,对\n".as_bytes(),
        Format::Csv,
        "My Bank",
        TODAY,
        "a.csv",
    )
    .unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].zh.contains("题库编号“My Bank”无效"));
    let errors = import_bytes(
        "题型,题干,答案\n".as_bytes(),
        Format::Csv,
        "ok",
        TODAY,
        "a.csv",
    )
    .unwrap_err();
    assert!(errors[0].zh.contains("没有找到题目"), "{}", errors[0].zh);
    let errors = import_file(Path::new("questions.docx"), None, "ok", TODAY).unwrap_err();
    assert!(errors[0].zh.contains("无法从扩展名判断文件格式"));
}

// ---------------------------------------------------------------- Round trip

fn real_banks() -> Vec<(String, Bank)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../questions");
    let mut banks = Vec::new();
    for name in ["charter.json", "rules.json", "speeches.json"] {
        let bytes = std::fs::read(dir.join(name)).expect("the real banks exist");
        let checked = check_bank(name, &bytes);
        let bank = checked
            .value
            .unwrap_or_else(|| panic!("{name} passes check_bank"));
        banks.push((name.to_string(), bank));
    }
    banks
}

#[test]
fn real_banks_round_trip_through_csv() {
    for (name, bank) in real_banks() {
        let csv = export::to_csv(&bank);
        assert!(csv.starts_with(b"\xEF\xBB\xBF"), "Excel needs the BOM");
        let again = import_ok(&csv, Format::Csv, &format!("{name}.csv"));
        assert_eq!(again.questions.len(), bank.questions.len(), "{name}");
        for (before, after) in bank.questions.iter().zip(&again.questions) {
            assert_eq!(
                before, after,
                "{name}: {} changed in the round trip",
                before.id
            );
        }
        assert_passes_check(&again);
    }
}

#[test]
fn real_banks_round_trip_through_xlsx() {
    for (name, bank) in real_banks() {
        let xlsx = export::to_xlsx(&bank).expect("exports");
        let again = import_ok(&xlsx, Format::Xlsx, &format!("{name}.xlsx"));
        for (before, after) in bank.questions.iter().zip(&again.questions) {
            assert_eq!(
                before, after,
                "{name}: {} changed in the round trip",
                before.id
            );
        }
        assert_eq!(again.questions.len(), bank.questions.len(), "{name}");
        assert_eq!(again.tag_names, bank.tag_names, "{name}: tag names");
        assert_eq!(
            again.paper, bank.paper,
            "{name}: the default paper is the usual one"
        );
        assert_passes_check(&again);

        // Tags written by name map back to the same keys through the 标签 sheet.
        let options = ExportOptions {
            ids: true,
            tag_names: true,
        };
        let xlsx = export::to_xlsx_with(&bank, options).expect("exports");
        let by_name = import_ok(&xlsx, Format::Xlsx, &format!("{name}.xlsx"));
        assert_eq!(by_name.questions, bank.questions, "{name}: tags by name");
    }
}

#[test]
fn fixed_options_round_trip() {
    let (_, mut bank) = real_banks().remove(0);
    let question = bank
        .questions
        .iter_mut()
        .find(|q| q.kind() == QuestionType::Single)
        .unwrap();
    if let Body::Single { options, .. } = &mut question.body {
        options.last_mut().unwrap().fixed = true;
    }
    let again = import_ok(&export::to_csv(&bank), Format::Csv, "fixed.csv");
    assert_eq!(again.questions, bank.questions);
}

// ---------------------------------------------------------------- Hostile workbooks

/// A workbook made by hand: the parts Excel needs and one sheet whose XML
/// is `sheet`, so tests can declare any size and put cells anywhere.
fn workbook_with_sheet(sheet: &str) -> Vec<u8> {
    use std::io::Write;
    let parts: [(&str, String); 5] = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.into()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#.into()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.into()),
        ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{sheet}</worksheet>"#)),
    ];
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in parts {
        writer
            .start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(text.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// An inline-string cell at `reference`.
fn text_cell(reference: &str, text: &str) -> String {
    format!(r#"<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

fn only_error(bytes: &[u8], file: &str) -> ImportError {
    let errors = import_err(bytes, Format::Xlsx, file);
    assert_eq!(errors.len(), 1, "{}", render(&errors));
    assert_eq!(errors[0].line, 0, "{}", render(&errors));
    errors.into_iter().next().unwrap()
}

#[test]
fn a_hand_made_workbook_imports() {
    // The helper itself makes a workbook the importer reads, so the
    // refusals below are about their sizes, not their make.
    let sheet = format!(
        r#"<dimension ref="A1:C2"/><sheetData><row r="1">{}{}{}</row><row r="2">{}{}{}</row></sheetData>"#,
        text_cell("A1", "题型"),
        text_cell("B1", "题干"),
        text_cell("C1", "答案"),
        text_cell("A2", "判断"),
        text_cell("B2", "预备党员没有表决权。"),
        text_cell("C2", "对"),
    );
    let bank = import_ok(&workbook_with_sheet(&sheet), Format::Xlsx, "hand.xlsx");
    assert_eq!(bank.questions.len(), 1);
}

#[test]
fn a_workbook_declaring_a_huge_sheet_is_refused_before_it_is_read() {
    // 1.6 KB of zip whose sheet claims every cell Excel has, with cells in
    // two far corners: reading it into a grid used to abort the process.
    let sheet = format!(
        r#"<dimension ref="A1:XFD1048576"/><sheetData><row r="1">{}</row><row r="1048576">{}</row></sheetData>"#,
        text_cell("A1", "题型"),
        text_cell("XFD1048576", "x"),
    );
    let bytes = workbook_with_sheet(&sheet);
    assert!(bytes.len() < 2_000, "{}", bytes.len());
    let error = only_error(&bytes, "bomb.xlsx");
    assert_eq!(error.file, "bomb.xlsx › Sheet1");
    assert!(error.zh.contains("工作表“Sheet1”太大"), "{error}");
    assert!(error.en.contains("1048576 rows × 16384 columns"), "{error}");

    // The same cells without a declared size are refused as they stream in.
    let sheet = sheet.replace(r#"<dimension ref="A1:XFD1048576"/>"#, "");
    let error = only_error(&workbook_with_sheet(&sheet), "bomb.xlsx");
    assert!(error.en.contains("the limit is 1000 columns"), "{error}");

    // So are many rows, each with a cell far to the right.
    let rows: String = (1..=2_000)
        .map(|row| {
            format!(
                r#"<row r="{row}">{}</row>"#,
                text_cell(&format!("WA{row}"), "x")
            )
        })
        .collect();
    let error = only_error(
        &workbook_with_sheet(&format!("<sheetData>{rows}</sheetData>")),
        "wide.xlsx",
    );
    assert!(error.en.contains("1000000 cells in all"), "{error}");
}

#[test]
fn damaged_and_foreign_files_are_located_errors() {
    // A truncated workbook.
    let bank = import_ok(&read_fixture("sample.csv"), Format::Csv, "sample.csv");
    let xlsx = export::to_xlsx(&bank).expect("exports");
    let error = only_error(&xlsx[..xlsx.len() / 2], "cut.xlsx");
    assert_eq!(error.file, "cut.xlsx");
    assert!(error.zh.contains("已损坏或不完整"), "{error}");

    // A zip that is not a workbook.
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    writer
        .start_file("hello.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    std::io::Write::write_all(&mut writer, b"hello").unwrap();
    let zip = writer.finish().unwrap().into_inner();
    let error = only_error(&zip, "hello.xlsx");
    assert!(error.zh.contains("不是 .xlsx 工作簿"), "{error}");

    // A password-protected workbook: Excel wraps it in an OLE compound file
    // holding an "EncryptedPackage" stream.
    let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    encrypted.resize(512, 0);
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    encrypted.resize(2048, 0);
    let error = only_error(&encrypted, "secret.xlsx");
    assert!(error.zh.contains("设置了打开密码"), "{error}");

    // Any other compound file is an old .xls.
    let mut old = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    old.resize(2048, 0);
    let error = only_error(&old, "old.xls");
    assert!(error.zh.contains("另存为” .xlsx"), "{error}");

    // An empty file.
    let error = only_error(b"", "empty.xlsx");
    assert!(error.zh.contains("文件是空的"), "{error}");
}

#[test]
fn a_hostile_workbook_fails_the_command_without_aborting_it() {
    let dir = std::env::temp_dir().join(format!("quizbank-bomb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let sheet = format!(
        r#"<sheetData><row r="1">{}</row><row r="1048576">{}</row></sheetData>"#,
        text_cell("A1", "题型"),
        text_cell("XFD1048576", "x"),
    );
    let file = dir.join("bomb.xlsx");
    std::fs::write(&file, workbook_with_sheet(&sheet)).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_quizbank"))
        .args(["import", file.to_str().unwrap(), "--bank", "bomb", "-o"])
        .arg(dir.join("bomb.json"))
        .output()
        .expect("run quizbank");
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("bomb.xlsx › Sheet1"), "{text}");
    assert!(!dir.join("bomb.json").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn a_huge_or_special_file_is_refused_before_it_is_read() {
    let dir = std::env::temp_dir().join(format!("quizbank-huge-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A sparse 8 GB file: its size alone refuses it, in no time.
    let huge = dir.join("huge.csv");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(8 << 30)
        .unwrap();
    let start = std::time::Instant::now();
    let errors = import_file(&huge, None, "mybank", TODAY).unwrap_err();
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    assert!(
        errors[0].en.contains("the limit is 64 MB"),
        "{}",
        render(&errors)
    );
    // A named pipe is never opened.
    let pipe = dir.join("pipe.csv");
    assert!(std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap()
        .success());
    let errors = import_file(&pipe, None, "mybank", TODAY).unwrap_err();
    assert!(
        errors[0].en.contains("not a regular file"),
        "{}",
        render(&errors)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
