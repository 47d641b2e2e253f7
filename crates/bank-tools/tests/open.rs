//! Opening every format the workbench takes, the bad inputs it must
//! refuse with a located message, the JSON round trip of the shipped
//! banks, and publishing.

use bank_tools::export::{self, bank_json_styled};
use bank_tools::import::{import_bytes, Format};
use bank_tools::open::{open_now, Kind, Opened, Place, Request};
use bank_tools::publish::publish;
use quiz_core::manifest::check_manifest;
use quiz_core::{check_bank, Lang, Severity};
use std::path::{Path, PathBuf};

const TODAY: &str = "2026-12-06";

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(repo(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn open(file: &str, bytes: &[u8]) -> Opened {
    open_now(
        Request {
            file,
            bank_id: "mybank",
            today: TODAY,
            expected_id: None,
            published: None,
        },
        bytes,
    )
}

/// Every problem as one line, for assertion messages.
fn render(opened: &Opened) -> String {
    opened
        .problems
        .iter()
        .map(|p| {
            format!(
                "{:?} {} [{}] {}",
                p.severity,
                p.place.describe(Lang::En),
                p.field,
                p.message.en
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn only_error(opened: &Opened) -> &bank_tools::open::Problem {
    let errors: Vec<_> = opened
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{}", render(opened));
    assert!(opened.bank.is_none());
    errors[0]
}

#[test]
fn every_shipped_bank_round_trips_byte_for_byte() {
    for file in ["charter", "rules", "speeches", "branch", "congress20"] {
        let path = format!("questions/{file}.json");
        let bytes = read(&path);
        let opened = open(&format!("{file}.json"), &bytes);
        let bank = opened
            .bank
            .as_ref()
            .unwrap_or_else(|| panic!("{path} opens:\n{}", render(&opened)));
        let written = bank_json_styled(bank, &opened.style);
        assert!(
            written.as_bytes() == bytes.as_slice(),
            "{path} is written back unchanged"
        );
    }
}

#[test]
fn the_template_opens_as_quizbank_import_reads_it() {
    for (file, format) in [
        ("questions/templates/题库模板.xlsx", Format::Xlsx),
        ("questions/templates/题库模板.csv", Format::Csv),
    ] {
        let bytes = read(file);
        let name = Path::new(file).file_name().unwrap().to_str().unwrap();
        let opened = open(name, &bytes);
        assert_eq!(opened.kind, Some(Kind::Import(format)));
        assert_eq!(opened.error_count(), 0, "{}", render(&opened));
        let imported = import_bytes(&bytes, format, "mybank", TODAY, name).unwrap();
        assert_eq!(opened.bank.as_ref(), Some(&imported), "{file}");
        assert_eq!(imported.questions.len(), 4);
    }
}

#[test]
fn gift_and_aiken_open_like_the_importer() {
    for (file, format) in [
        ("crates/quizbank/tests/fixtures/sample.gift", Format::Gift),
        ("crates/quizbank/tests/fixtures/sample.txt", Format::Aiken),
    ] {
        let bytes = read(file);
        let name = Path::new(file).file_name().unwrap().to_str().unwrap();
        let opened = open(name, &bytes);
        assert_eq!(opened.kind, Some(Kind::Import(format)));
        let imported = import_bytes(&bytes, format, "mybank", TODAY, name).unwrap();
        assert_eq!(opened.bank.as_ref(), Some(&imported), "{}", render(&opened));
    }
}

/// The template's CSV with two mistakes, saved in GBK as Chinese Excel
/// does: an answer that is not an option, and an empty stem.
fn gbk_csv_with_two_mistakes() -> Vec<u8> {
    let text = String::from_utf8(read("questions/templates/题库模板.csv")).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    // Row 2: the single-choice question's answer B becomes Z.
    lines[1] = lines[1].replacen(",B,", ",Z,", 1);
    // Row 4: the judge question loses its stem.
    let cells: Vec<&str> = lines[3].splitn(3, ',').collect();
    lines[3] = format!("{},,{}", cells[0], cells[2]);
    let text = lines.join("\r\n") + "\r\n";
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err());
    bytes.into_owned()
}

#[test]
fn a_gbk_csv_with_two_mistakes_shows_both_at_their_cells() {
    let opened = open("支部题库.csv", &gbk_csv_with_two_mistakes());
    assert!(opened.bank.is_none());
    let places: Vec<Place> = opened
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.place.clone())
        .collect();
    assert_eq!(
        places,
        [
            Place::Cell {
                sheet: None,
                row: 2,
                column: Some("答案".into())
            },
            Place::Cell {
                sheet: None,
                row: 4,
                column: Some("题干".into())
            },
        ],
        "{}",
        render(&opened)
    );
}

#[test]
fn bank_json_problems_have_line_and_column() {
    let text = String::from_utf8(read("questions/charter.json")).unwrap();
    let broken = text.replacen("\"answer\": \"B\"", "\"answer\": \"Z\"", 1);
    assert_ne!(broken, text);
    let opened = open("charter.json", broken.as_bytes());
    let problem = only_error(&opened);
    let Place::Text {
        line,
        column: Some(column),
    } = problem.place
    else {
        panic!("{:?}", problem.place)
    };
    let at = broken.lines().nth(line - 1).unwrap();
    assert!(at.contains("\"answer\": \"Z\""), "line {line}: {at}");
    assert!(column > 1);
    assert!(problem.field.ends_with(".answer"), "{}", problem.field);
}

#[test]
fn a_bank_opened_as_another_published_id_is_refused_at_its_id() {
    let bytes = read("questions/rules.json");
    let opened = open_now(
        Request {
            file: "rules.json",
            bank_id: "x",
            today: TODAY,
            expected_id: Some("charter"),
            published: None,
        },
        &bytes,
    );
    let problem = only_error(&opened);
    assert_eq!(problem.field, "id");
}

#[test]
fn warnings_of_an_imported_sheet_are_at_its_rows() {
    // The template without the explanation of its third question.
    let text = String::from_utf8(read("questions/templates/题库模板.csv")).unwrap();
    let explanation = "党章第四十一条规定，对党员的纪律处分有五种：警告、严重警告、撤销党内职务、留党察看、开除党籍。";
    let text = text.replacen(explanation, "", 1).replacen(
        "Article 41 names exactly these five penalties.",
        "",
        1,
    );
    let opened = open("题库.csv", text.as_bytes());
    assert!(opened.bank.is_some(), "{}", render(&opened));
    let warning = opened
        .problems
        .iter()
        .find(|p| p.field == "questions[2].explanation")
        .unwrap_or_else(|| panic!("{}", render(&opened)));
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(
        warning.place,
        Place::Cell {
            sheet: None,
            row: 4,
            column: Some("解析".into())
        }
    );
}

/// A zip archive of `entries`.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in entries {
        writer
            .start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(data).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

#[test]
fn bad_inputs_get_a_message_naming_the_file() {
    let template = read("questions/templates/题库模板.xlsx");
    let header = "题型,题干,答案\n";
    let wide: String = (0..10_000)
        .map(|i| format!("c{i}"))
        .collect::<Vec<_>>()
        .join(",");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.xlsx", Vec::new(), "empty (0 bytes)"),
        ("empty.csv", Vec::new(), "empty (0 bytes)"),
        (
            "truncated.xlsx",
            template[..template.len() / 2].to_vec(),
            "damaged",
        ),
        (
            "other.xlsx",
            zip_of(&[("word/document.xml", b"<w/>")]),
            "not an .xlsx workbook",
        ),
        (
            "password.xlsx",
            {
                let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
                bytes.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
                bytes
            },
            "password",
        ),
        (
            "notes.csv",
            b"just some notes\nwithout a header\n".to_vec(),
            "header",
        ),
        (
            "latin1.csv",
            [header.as_bytes(), b"\xff\xfe\xfd\x80\x80"].concat(),
            "neither UTF-8 nor GBK",
        ),
        ("wide.csv", format!("{wide}\n{wide}\n").into_bytes(), ""),
        ("index.json", read("questions/index.json"), "bank list"),
        ("random.docx", b"hello".to_vec(), "Cannot tell the format"),
        ("broken.json", b"{\"id\": ".to_vec(), ""),
    ];
    for (file, bytes, expected) in cases {
        let opened = open(file, &bytes);
        assert!(opened.bank.is_none(), "{file} must not open");
        assert!(opened.error_count() >= 1, "{file}");
        let first = &opened.problems[0];
        assert!(
            first.message.en.contains(expected),
            "{file}: {}",
            render(&opened)
        );
        if matches!(first.place, Place::File) && expected.contains("bytes") {
            assert!(first.message.zh.contains(file), "{file} named");
        }
    }
}

#[test]
fn html_in_cells_stays_text() {
    let text = String::from_utf8(read("questions/templates/题库模板.csv")).unwrap();
    let payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    let text = text.replacen(
        "预备党员的预备期为",
        &format!("{payload}预备党员的预备期为"),
        1,
    );
    let opened = open("xss.csv", text.as_bytes());
    let bank = opened.bank.expect("opens");
    assert!(bank.questions[0].stem.zh.starts_with(payload));
}

#[test]
fn a_thirty_megabyte_file_is_refused_or_read_without_running_away() {
    // 30 MB of one CSV cell: read as text, it has no header row.
    let mut bytes = b"x,".to_vec();
    bytes.resize(30 * 1024 * 1024, b'a');
    let opened = open("big.csv", &bytes);
    assert!(opened.bank.is_none());
    assert!(opened.error_count() >= 1, "{}", render(&opened));
}

#[test]
fn publishing_bumps_the_version_only_when_questions_change() {
    let manifest_bytes = read("questions/index.json");
    let manifest = check_manifest("index.json", &manifest_bytes).value.unwrap();
    let published = check_bank("charter.json", &read("questions/charter.json"))
        .value
        .unwrap();
    let entry = manifest.bank("charter").unwrap().clone();

    // Unchanged: nothing moves, and index.json is written back as it was.
    let same = publish(&published, Some(&manifest), Some(&published), TODAY).unwrap();
    assert_eq!(same.bank, published);
    assert!(same.changes.is_empty(), "{:?}", same.changes);
    assert_eq!(same.manifest_json.as_bytes(), manifest_bytes.as_slice());

    // One question fewer: version + 1, today's date, the new count.
    let mut edited = published.clone();
    edited.questions.pop();
    let next = publish(&edited, Some(&manifest), Some(&published), TODAY).unwrap();
    assert_eq!(next.bank.version, entry.version + 1);
    assert_eq!(next.bank.updated, TODAY);
    let new_entry = next.manifest.bank("charter").unwrap();
    assert_eq!(new_entry.version, entry.version + 1);
    assert_eq!(new_entry.count as usize, edited.questions.len());
    assert_eq!(new_entry.updated, TODAY);
    assert!(check_manifest("index.json", next.manifest_json.as_bytes())
        .value
        .is_some());
    assert!(next.manifest_json.ends_with("}\n"));

    // Only the title changed: same version, today's date.
    let mut retitled = published.clone();
    retitled.title.zh.push_str("（修订）");
    let retitled = publish(&retitled, Some(&manifest), Some(&published), TODAY).unwrap();
    assert_eq!(retitled.bank.version, entry.version);
    assert_eq!(retitled.bank.updated, TODAY);

    // A new bank is added to the list at its own version.
    let imported = import_bytes(
        &read("questions/templates/题库模板.csv"),
        Format::Csv,
        "newbank",
        "2020-01-01",
        "t.csv",
    )
    .unwrap();
    let added = publish(&imported, Some(&manifest), None, TODAY).unwrap();
    let entry = added.manifest.bank("newbank").unwrap();
    assert_eq!(
        (entry.file.as_str(), entry.version, entry.count),
        ("newbank.json", 1, 4)
    );
    assert_eq!(added.manifest.banks.len(), manifest.banks.len() + 1);
}

#[test]
fn a_bank_exports_to_a_workbook_that_opens_as_the_same_bank() {
    let published = check_bank("charter.json", &read("questions/charter.json"))
        .value
        .unwrap();
    let xlsx = export::to_xlsx(&published).unwrap();
    let opened = open_now(
        Request {
            file: "charter.xlsx",
            bank_id: "charter",
            today: &published.updated,
            expected_id: None,
            published: None,
        },
        &xlsx,
    );
    let bank = opened.bank.expect("opens");
    assert_eq!(bank.questions, published.questions);
}

#[test]
fn a_workbook_of_a_published_bank_updates_it_keeping_title_and_paper() {
    let published = check_bank("charter.json", &read("questions/charter.json"))
        .value
        .unwrap();
    let manifest = check_manifest("index.json", &read("questions/index.json"))
        .value
        .unwrap();
    let options = export::ExportOptions {
        ids: true,
        tag_names: true,
    };
    let xlsx = export::to_xlsx_with(&published, options).unwrap();
    let request = Request {
        file: "charter.xlsx",
        bank_id: "charter",
        today: TODAY,
        expected_id: None,
        published: Some(&published),
    };
    // Unchanged: the bank is the published one, and nothing is to publish.
    let opened = open_now(request, &xlsx);
    let bank = opened.bank.expect("opens");
    assert_eq!(
        (&bank.title, &bank.paper),
        (&published.title, &published.paper)
    );
    let same = publish(&bank, Some(&manifest), Some(&published), TODAY).unwrap();
    assert_eq!(same.bank, published);
    assert!(same.changes.is_empty(), "{:?}", same.changes);

    // One question fewer: the next version, with title and paper kept.
    let mut edited = published.clone();
    edited.questions.remove(0);
    let xlsx = export::to_xlsx_with(&edited, options).unwrap();
    let bank = open_now(request, &xlsx).bank.expect("opens");
    let next = publish(&bank, Some(&manifest), Some(&published), TODAY).unwrap();
    assert_eq!(next.bank.version, published.version + 1);
    assert_eq!(next.bank.title, published.title);
    assert_eq!(next.bank.questions, edited.questions);
}

/// The template CSV with two mistakes, as Chinese Excel saves it (GBK):
/// the single-choice answer names an option that does not exist, and the
/// judge answer is neither 对 nor 错.
fn template_with_two_mistakes() -> (String, String) {
    let template = String::from_utf8(read("questions/templates/题库模板.csv")).unwrap();
    let template = template.trim_start_matches('\u{feff}').to_string();
    let broken = template
        .replacen(",B,党章第七条", ",E,党章第七条", 1)
        .replacen(",对,党章第四十一条", ",也许,党章第四十一条", 1);
    assert_ne!(broken, template);
    (broken, template)
}

fn gbk(text: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(text).0.into_owned()
}

#[test]
fn a_broken_sheet_opens_as_a_draft_with_each_problem_at_its_question_and_field() {
    use bank_tools::draft::{Edit, QuestionEdit};
    let (broken, corrected) = template_with_two_mistakes();
    let opened = open("题库.csv", &gbk(&broken));
    assert!(opened.bank.is_none());
    let draft = opened.draft.clone().expect("a draft of every row");
    assert_eq!(draft.questions.len(), 4, "{}", render(&opened));
    let fields: Vec<&str> = opened.problems.iter().map(|p| p.field.as_str()).collect();
    assert!(
        fields.contains(&"questions[0].answer"),
        "{}",
        render(&opened)
    );
    assert!(
        fields.contains(&"questions[2].answer"),
        "{}",
        render(&opened)
    );
    // What was written is kept for the coordinator to see and fix.
    assert_eq!(draft.questions[0].answer, "E");
    assert_eq!(draft.questions[2].answer, "也许");
    assert_eq!(opened.origins[0].line, 2);

    // Fixed in the forms, the draft is the bank importing the corrected
    // file gives, byte for byte, ids and tag keys included.
    let mut fixed = draft;
    fixed.apply(Edit::Question(0, QuestionEdit::Answer("B".into())));
    fixed.apply(Edit::Question(2, QuestionEdit::Answer("true".into())));
    let checked = check_bank("draft.json", fixed.to_bank_json().as_bytes());
    let bank = checked.value.expect("the fixed draft checks");
    let expected =
        import_bytes(&gbk(&corrected), Format::Csv, "mybank", TODAY, "题库.csv").unwrap();
    assert_eq!(export::bank_json(&bank), export::bank_json(&expected));
}

#[test]
fn a_bank_json_with_errors_still_opens_in_the_editor() {
    let charter = String::from_utf8(read("questions/charter.json")).unwrap();
    let broken = charter.replacen("\"answer\": \"", "\"answer\": \"Z", 1);
    let opened = open("charter.json", broken.as_bytes());
    assert!(opened.error_count() > 0);
    let draft = opened.draft.expect("a draft of the readable JSON");
    assert!(draft.questions.len() > 10);
    assert!(draft.questions.iter().any(|q| q.answer.starts_with('Z')));
}

#[test]
fn a_text_export_with_a_broken_question_keeps_it_in_the_draft() {
    // The second question's answer line is missing.
    let aiken = "预备党员的预备期为多长时间？\nA. 半年\nB. 一年\nANSWER: B\n\n党的纪律主要包括哪些？\nA. 政治纪律\nB. 组织纪律\n\n中国共产党成立于哪一年？\nA. 1921年\nB. 1949年\nANSWER: A\n";
    let opened = open("题库.txt", aiken.as_bytes());
    assert!(opened.bank.is_none());
    let draft = opened.draft.expect("a draft");
    assert_eq!(
        draft.questions.len(),
        3,
        "{}",
        render(&open("题库.txt", aiken.as_bytes()))
    );
    // What was read stays: its stem and options, for the answer to be
    // picked in the form; the others keep their ids.
    assert_eq!(draft.questions[1].stem.zh, "党的纪律主要包括哪些？");
    assert_eq!(draft.questions[1].options.len(), 2);
    assert_eq!(draft.questions[2].id, "mybank-003");
    let problem = opened
        .problems
        .iter()
        .find(|p| p.severity == Severity::Error)
        .unwrap();
    assert_eq!(problem.field, "questions[1]");
    assert_eq!(problem.question.as_deref(), Some("mybank-002"));

    let gift = "::q1:: 党章规定预备期为一年。{T}\n\n::q2:: 这一题的花括号没有关上 {=甲 ~乙\n\n::q3:: 党的最高理想是实现____。{=共产主义}\n";
    let opened = open("题库.gift", gift.as_bytes());
    let draft = opened.draft.expect("a draft");
    assert_eq!(draft.questions.len(), 3);
    assert!(draft.questions[1].stem.zh.contains("花括号没有关上"));
    assert_eq!(draft.questions[0].id, "q1");
    assert_eq!(draft.questions[2].id, "q3");
}
