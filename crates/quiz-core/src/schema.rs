//! JSON Schemas for bank files and the manifest, generated from the same
//! field tables the decoder uses (`bank::fields`), so what editors check
//! while coordinators type is what `check_bank` enforces.
//!
//! The checked-in copies under `questions/` are compared with these by a
//! test; regenerate them with `QUIZ_UPDATE_SCHEMA=1 cargo test -p quiz-core`.

use crate::bank::fields::{self, Field};
use crate::bank::QuestionType;
use crate::limits::{
    id_pattern, MAX_BANK_ID, MAX_QUESTIONS, MAX_QUESTION_ID, PASS_PERCENT, SECTION_COUNT,
    SECTION_POINTS, TIME_LIMIT_MINUTES, VERSION,
};
use serde_json::{json, Map, Value};

/// The schema of a bank file (`questions/bank.schema.json`).
pub fn bank_schema() -> Value {
    let type_keys: Vec<&str> = QuestionType::ALL.iter().map(|kind| kind.key()).collect();
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "bank.schema.json",
        "title": "题库文件 · Question bank",
        "description": "A question bank of the 两学一做 self-study quiz. See questions/FORMAT.md.",
        "type": "object",
        "properties": properties(fields::BANK, |name| match name {
            "$schema" => json!({"type": "string"}),
            "id" => json!({"$ref": "#/definitions/bankId"}),
            "version" => json!({"type": "integer", "minimum": VERSION.start(), "maximum": VERSION.end()}),
            "updated" => json!({"$ref": "#/definitions/date"}),
            "title" | "description" => json!({"$ref": "#/definitions/text"}),
            "tag_names" => json!({
                "type": "object",
                "propertyNames": {"$ref": "#/definitions/key"},
                "additionalProperties": {"$ref": "#/definitions/text"},
            }),
            "paper" => json!({"$ref": "#/definitions/paper"}),
            "questions" => json!({
                "type": "array",
                "minItems": 1,
                "maxItems": MAX_QUESTIONS,
                "items": {"$ref": "#/definitions/question"},
            }),
            other => unreachable!("no schema for bank field {other}"),
        }),
        "required": required(fields::BANK),
        "additionalProperties": false,
        "definitions": {
            "bankId": {"type": "string", "pattern": id_pattern(MAX_BANK_ID), "description": "小写字母、数字和 - / lower-case letters, digits and -"},
            "key": {"type": "string", "pattern": id_pattern(MAX_BANK_ID)},
            "questionId": {"type": "string", "pattern": id_pattern(MAX_QUESTION_ID), "description": "全部题库内唯一 / unique across all banks"},
            "date": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "YYYY-MM-DD"},
            "text": text_schema(fields::TEXT),
            "choice": {
                "type": "object",
                "properties": properties(fields::CHOICE, |name| match name {
                    "zh" | "en" => json!({"type": "string", "minLength": 1}),
                    "fixed" => json!({"type": "boolean"}),
                    other => unreachable!("no schema for option field {other}"),
                }),
                "required": required(fields::CHOICE),
                "additionalProperties": false,
            },
            "blank": {
                "type": "object",
                "properties": properties(fields::BLANK, |name| match name {
                    "zh" => json!({"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}}),
                    "en" => json!({"type": "array", "items": {"type": "string", "minLength": 1}}),
                    other => unreachable!("no schema for blank field {other}"),
                }),
                "required": required(fields::BLANK),
                "additionalProperties": false,
            },
            "paper": {
                "type": "object",
                "properties": properties(fields::PAPER, |name| match name {
                    "time_limit_minutes" => json!({"type": "integer", "minimum": TIME_LIMIT_MINUTES.start(), "maximum": TIME_LIMIT_MINUTES.end()}),
                    "pass_percent" => json!({"type": "integer", "minimum": PASS_PERCENT.start(), "maximum": PASS_PERCENT.end()}),
                    "partial_credit" => json!({"type": "boolean"}),
                    "sections" => json!({"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/section"}}),
                    other => unreachable!("no schema for paper field {other}"),
                }),
                "required": required(fields::PAPER),
                "additionalProperties": false,
            },
            "section": {
                "type": "object",
                "properties": properties(fields::SECTION, |name| match name {
                    "type" => json!({"enum": type_keys}),
                    "count" => json!({"type": "integer", "minimum": SECTION_COUNT.start(), "maximum": SECTION_COUNT.end()}),
                    "points" => json!({"type": "integer", "minimum": SECTION_POINTS.start(), "maximum": SECTION_POINTS.end()}),
                    other => unreachable!("no schema for section field {other}"),
                }),
                "required": required(fields::SECTION),
                "additionalProperties": false,
            },
            "question": {
                "type": "object",
                "properties": properties(fields::QUESTION, |name| match name {
                    "id" => json!({"$ref": "#/definitions/questionId"}),
                    "type" => json!({"enum": type_keys}),
                    "stem" | "explanation" | "source" => json!({"$ref": "#/definitions/text"}),
                    "options" => json!({"type": "array", "minItems": 2, "maxItems": 8, "items": {"$ref": "#/definitions/choice"}}),
                    "answer" => json!({}),
                    "tags" => json!({"type": "array", "maxItems": 10, "items": {"$ref": "#/definitions/key"}}),
                    "difficulty" => json!({"enum": ["easy", "medium", "hard"]}),
                    other => unreachable!("no schema for question field {other}"),
                }),
                "required": required(fields::QUESTION),
                "additionalProperties": false,
                "allOf": [
                    {
                        "if": {"properties": {"type": {"const": "single"}}},
                        "then": {"required": ["options"], "properties": {"answer": {"type": "string", "pattern": "^[A-H]$"}}},
                    },
                    {
                        "if": {"properties": {"type": {"const": "multiple"}}},
                        "then": {"required": ["options"], "properties": {"answer": {"type": "string", "pattern": "^[A-H]{1,8}$"}}},
                    },
                    {
                        "if": {"properties": {"type": {"const": "judge"}}},
                        "then": {"not": {"required": ["options"]}, "properties": {"answer": {"type": "boolean"}}},
                    },
                    {
                        "if": {"properties": {"type": {"const": "fill"}}},
                        "then": {"not": {"required": ["options"]}, "properties": {"answer": {"type": "array", "minItems": 1, "maxItems": 20, "items": {"$ref": "#/definitions/blank"}}}},
                    },
                ],
            },
        },
    })
}

/// The schema of `questions/index.json` (`questions/manifest.schema.json`).
pub fn manifest_schema() -> Value {
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "manifest.schema.json",
        "title": "题库清单 · Bank manifest",
        "description": "The list of banks the 两学一做 self-study quiz offers. Update counts with `quizbank manifest`.",
        "type": "object",
        "properties": properties(fields::MANIFEST, |name| match name {
            "$schema" => json!({"type": "string"}),
            "banks" => json!({"type": "array", "minItems": 1, "maxItems": crate::manifest::MAX_BANKS, "items": {"$ref": "#/definitions/entry"}}),
            other => unreachable!("no schema for manifest field {other}"),
        }),
        "required": required(fields::MANIFEST),
        "additionalProperties": false,
        "definitions": {
            "text": text_schema(fields::TEXT),
            "entry": {
                "type": "object",
                "properties": properties(fields::MANIFEST_ENTRY, |name| match name {
                    "id" => json!({"type": "string", "pattern": id_pattern(MAX_BANK_ID)}),
                    "file" => json!({"type": "string", "pattern": "^[A-Za-z0-9_-][A-Za-z0-9_.-]*\\.json$"}),
                    "title" | "description" => json!({"$ref": "#/definitions/text"}),
                    "version" => json!({"type": "integer", "minimum": VERSION.start(), "maximum": VERSION.end()}),
                    "updated" => json!({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}),
                    "count" => json!({"type": "integer", "minimum": 0}),
                    "fingerprint" => json!({"type": "string", "pattern": "^[0-9a-f]{16}$"}),
                    other => unreachable!("no schema for manifest entry field {other}"),
                }),
                "required": required(fields::MANIFEST_ENTRY),
                "additionalProperties": false,
            },
        },
    })
}

fn text_schema(spec: &[Field]) -> Value {
    json!({
        "type": "object",
        "properties": properties(spec, |_| json!({"type": "string", "minLength": 1})),
        "required": required(spec),
        "additionalProperties": false,
    })
}

/// The `properties` object for `spec`, each with its bilingual description.
fn properties(spec: &[Field], schema_of: impl Fn(&str) -> Value) -> Value {
    let mut map = Map::new();
    for field in spec {
        let mut schema = schema_of(field.name);
        if let Value::Object(object) = &mut schema {
            object.insert(
                "description".into(),
                Value::String(format!("{} / {}", field.zh, field.en)),
            );
        }
        map.insert(field.name.to_string(), schema);
    }
    Value::Object(map)
}

fn required(spec: &[Field]) -> Value {
    spec.iter()
        .filter(|field| field.required)
        .map(|field| Value::String(field.name.to_string()))
        .collect()
}

/// A schema as written to disk: pretty JSON with a final newline.
pub fn to_file_text(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}
