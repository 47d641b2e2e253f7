//! The templates in `questions/templates/` are the exporter's output for
//! the example bank, and import cleanly.
//!
//! To regenerate them after changing the exporter or the example bank, run
//! `QUIZBANK_WRITE_TEMPLATES=1 cargo test -p quizbank --test templates`.

use quiz_core::{check_bank, Bank, QuestionType};
use quizbank::export::{self, template_bank, ExportOptions};
use quizbank::import::import_file;
use std::path::PathBuf;

const CSV: &str = "题库模板.csv";
const XLSX: &str = "题库模板.xlsx";

fn template_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../questions/templates")
}

/// Templates leave out ids (the importer numbers questions) and show tags
/// by their Chinese names, as a coordinator would write them.
fn template_options() -> ExportOptions {
    ExportOptions {
        ids: false,
        tag_names: true,
    }
}

/// Serialises and checks a bank the way the app will, with no problems at
/// all allowed: a template must not even draw warnings.
fn assert_clean(bank: &Bank, what: &str) {
    let json = serde_json::to_string_pretty(bank).expect("a bank serialises");
    let checked = check_bank(what, json.as_bytes());
    let problems: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.path, d.message.en))
        .collect();
    assert!(problems.is_empty(), "{what}:\n{}", problems.join("\n"));
}

#[test]
fn example_bank_is_clean() {
    assert_clean(&template_bank(), "template_bank()");
    let kinds: Vec<QuestionType> = template_bank().questions.iter().map(|q| q.kind()).collect();
    assert_eq!(kinds, QuestionType::ALL, "one question per type");
}

#[test]
fn templates_are_the_exporters_output() {
    let bank = template_bank();
    let csv = export::to_csv_with(&bank, template_options());
    let xlsx = export::to_xlsx_with(&bank, template_options()).expect("exports");
    let dir = template_dir();
    if std::env::var_os("QUIZBANK_WRITE_TEMPLATES").is_some() {
        std::fs::create_dir_all(&dir).expect("create questions/templates");
        std::fs::write(dir.join(CSV), &csv).expect("write the CSV template");
        std::fs::write(dir.join(XLSX), &xlsx).expect("write the Excel template");
    }
    let on_disk = std::fs::read(dir.join(CSV)).expect("the CSV template exists");
    assert!(
        on_disk == csv,
        "{CSV} differs from the exporter's output: run QUIZBANK_WRITE_TEMPLATES=1 cargo test -p quizbank --test templates"
    );
    // Excel files are zip archives whose bytes may change with the writer's
    // version, so compare what they hold instead.
    let on_disk = import_file(&dir.join(XLSX), None, "mybank", "2026-01-01")
        .expect("the Excel template imports");
    let fresh = quizbank::import::import_bytes(
        &xlsx,
        quizbank::import::Format::Xlsx,
        "mybank",
        "2026-01-01",
        XLSX,
    )
    .expect("the fresh Excel template imports");
    assert!(
        on_disk == fresh,
        "{XLSX} differs from the exporter's output: run QUIZBANK_WRITE_TEMPLATES=1 cargo test -p quizbank --test templates"
    );
}

#[test]
fn checked_in_templates_import_cleanly() {
    let example = template_bank();
    for name in [CSV, XLSX] {
        let path = template_dir().join(name);
        let bank = match import_file(&path, None, "mybank", "2026-01-01") {
            Ok(bank) => bank,
            Err(errors) => panic!(
                "{name} does not import:\n{}",
                errors
                    .iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        };
        assert_clean(&bank, name);
        let ids: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(
            ids,
            ["mybank-001", "mybank-002", "mybank-003", "mybank-004"],
            "{name}"
        );
        for (imported, original) in bank.questions.iter().zip(&example.questions) {
            assert_eq!(imported.stem, original.stem, "{name}");
            assert_eq!(imported.body, original.body, "{name}");
            assert_eq!(imported.explanation, original.explanation, "{name}");
            assert_eq!(imported.source, original.source, "{name}");
            assert_eq!(imported.difficulty, original.difficulty, "{name}");
            let names: Vec<&str> = imported
                .tags
                .iter()
                .map(|t| bank.tag_names[t].zh.as_str())
                .collect();
            let expected: Vec<&str> = original
                .tags
                .iter()
                .map(|t| example.tag_names[t].zh.as_str())
                .collect();
            assert_eq!(names, expected, "{name}: tags by name");
        }
    }
    // The workbook's 标签 sheet keeps the example's own keys.
    let xlsx =
        import_file(&template_dir().join(XLSX), None, "mybank", "2026-01-01").expect("imports");
    assert_eq!(xlsx.tag_names, example.tag_names);
}
