//! The JSON Schemas checked in under `questions/` match the ones generated
//! from the decoder's field tables. After changing the format, regenerate
//! them with `QUIZ_UPDATE_SCHEMA=1 cargo test -p quiz-core --features tools --test schema_files`.

use quiz_core::schema::{bank_schema, manifest_schema, to_file_text};
use std::path::PathBuf;

fn check(file: &str, generated: String) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../questions")
        .join(file);
    if std::env::var_os("QUIZ_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "questions/{file} is out of date with the bank format; regenerate it with \
         QUIZ_UPDATE_SCHEMA=1 cargo test -p quiz-core --features tools --test schema_files"
    );
}

#[test]
fn bank_schema_is_up_to_date() {
    check("bank.schema.json", to_file_text(&bank_schema()));
}

#[test]
fn manifest_schema_is_up_to_date() {
    check("manifest.schema.json", to_file_text(&manifest_schema()));
}

#[test]
fn schemas_name_every_field_the_decoder_knows() {
    let schema = bank_schema();
    let question = &schema["definitions"]["question"]["properties"];
    for field in quiz_core::bank::fields::QUESTION {
        assert!(question.get(field.name).is_some(), "{} missing", field.name);
    }
}
