//! The banks shipped in `questions/` are clean and complete: what members
//! study must load without a single warning.

use quiz_core::bank::{Body, QuestionType};
use quiz_core::manifest::{check_manifest, cross_check, BankFile};
use quiz_core::{check_bank, Bank, LocalText};
use std::path::PathBuf;

fn questions_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../questions")
}

fn load(file: &str) -> Bank {
    let bytes = std::fs::read(questions_dir().join(file)).unwrap();
    let checked = check_bank(file, &bytes);
    for diagnostic in &checked.diagnostics {
        eprintln!("{}: {}", diagnostic.location(), diagnostic.message.en);
    }
    assert!(checked.diagnostics.is_empty(), "{file} has problems");
    checked.value.unwrap()
}

fn assert_bilingual(text: &LocalText, what: &str) {
    assert!(
        text.en.as_deref().is_some_and(|en| !en.trim().is_empty()),
        "{what} has no English: {}",
        text.zh
    );
}

#[test]
fn manifest_and_banks_are_clean_and_agree() {
    let manifest_bytes = std::fs::read(questions_dir().join("index.json")).unwrap();
    let checked = check_manifest("index.json", &manifest_bytes);
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    let manifest = checked.value.unwrap();
    let ids: Vec<&str> = manifest.banks.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(
        ids,
        ["charter", "rules", "speeches", "branch", "congress20"]
    );
    let banks: Vec<Bank> = manifest
        .banks
        .iter()
        .map(|entry| load(&entry.file))
        .collect();
    let statuses: Vec<BankFile> = banks.iter().map(BankFile::Loaded).collect();
    let text = String::from_utf8(manifest_bytes).unwrap();
    let problems = cross_check("index.json", &text, &manifest, &statuses);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn every_bank_is_complete_and_bilingual() {
    for file in ["charter.json", "rules.json", "speeches.json"] {
        let bank = load(file);
        assert!(
            bank.questions.len() >= 60,
            "{file}: {} questions",
            bank.questions.len()
        );
        for kind in QuestionType::ALL {
            assert!(bank.count_of(kind) > 0, "{file} has no {kind:?} questions");
        }
        assert_bilingual(&bank.title, "title");
        assert_bilingual(&bank.description, "description");
        for question in &bank.questions {
            let id = &question.id;
            assert_bilingual(&question.stem, id);
            assert_bilingual(question.explanation.as_ref().expect("explanation"), id);
            assert_bilingual(question.source.as_ref().expect("source"), id);
            assert!(!question.tags.is_empty(), "{id} has no tag");
            for option in question.options() {
                assert_bilingual(&option.text, id);
            }
            if let Body::Fill { blanks } = &question.body {
                assert!(
                    blanks.iter().all(|b| !b.en.is_empty()),
                    "{id}: blank without English answers"
                );
            }
        }
    }
}
