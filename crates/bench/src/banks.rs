//! Large banks for the benchmark, made deterministically from the shipped
//! ones so their text is real Chinese (and English) of realistic length.
//!
//! Question `n` copies shipped question `n mod 283` under a new id, with its
//! number added to the stem so no two stems are the same; the tag names of
//! all shipped banks are merged so every tag is declared and used. Each later
//! pass over the shipped questions shifts the Chinese characters and English
//! letters of the texts by a different amount: the text keeps its length,
//! byte width and inner repetition, but brotli cannot compress a 5k bank to
//! almost nothing by finding the same 283 questions again, which would make
//! the transfer of a large bank unrealistically small.

use serde_json::{json, Map, Value};
use std::path::Path;

/// The shipped banks the generated questions are copied from.
const SOURCES: [&str; 3] = ["charter.json", "rules.json", "speeches.json"];

/// A generated bank file and what the manifest needs to list it.
pub struct GeneratedBank {
    /// The bank id, e.g. `bench-1k`.
    pub id: String,
    /// The file's bytes, formatted as coordinators write banks.
    pub bytes: Vec<u8>,
    /// How many questions it holds.
    pub count: usize,
}

/// Builds a bank of `count` questions from the shipped banks in `questions`.
pub fn generate(questions: &Path, count: usize) -> Result<GeneratedBank, String> {
    let mut templates = Vec::new();
    let mut tag_names = Map::new();
    for file in SOURCES {
        let path = questions.join(file);
        let text = std::fs::read_to_string(&path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        let bank: Value = serde_json::from_str(&text)
            .map_err(|error| format!("{} is not JSON: {error}", path.display()))?;
        if let Some(names) = bank["tag_names"].as_object() {
            tag_names.extend(names.clone());
        }
        if let Some(list) = bank["questions"].as_array() {
            templates.extend(list.iter().cloned());
        }
    }
    if templates.is_empty() {
        return Err("the shipped banks hold no questions to copy".into());
    }
    let id = format!("bench-{}", label(count));
    let questions: Vec<Value> = (0..count)
        .map(|n| {
            let template = &templates[n % templates.len()];
            variant(template, &id, n, n / templates.len())
        })
        .collect();
    let bank = json!({
        "id": id,
        "version": 1,
        "updated": "2026-11-28",
        "title": {"zh": format!("基准测试题库（{count} 题）"), "en": format!("Benchmark bank ({count} questions)")},
        "description": {
            "zh": "由党章、党规和系列重要讲话题库生成，用于测量加载速度。",
            "en": "Generated from the charter, rules and speeches banks to measure loading."
        },
        "tag_names": tag_names,
        "paper": {
            "time_limit_minutes": 30,
            "pass_percent": 60,
            "sections": [
                {"type": "single", "count": 15, "points": 2},
                {"type": "multiple", "count": 10, "points": 3},
                {"type": "judge", "count": 10, "points": 2},
                {"type": "fill", "count": 5, "points": 4}
            ]
        },
        "questions": questions,
    });
    let mut bytes = serde_json::to_vec_pretty(&bank).map_err(|error| error.to_string())?;
    // The largest bank (20,000 questions, the most a bank may hold) written
    // pretty-printed from today's longer shipped questions passes the 32 MB
    // a bank file may be; written on one line, as other tools export
    // banks, it fits, and the app must still read it.
    if bytes.len() > quiz_core::limits::MAX_BANK_BYTES {
        bytes = serde_json::to_vec(&bank).map_err(|error| error.to_string())?;
    }
    Ok(GeneratedBank { id, bytes, count })
}

/// `1k`, `5k`, `20k`: how the figures name a bank size.
pub fn label(count: usize) -> String {
    if count % 1000 == 0 {
        format!("{}k", count / 1000)
    } else {
        count.to_string()
    }
}

/// A copy of `template` as question `n` of bank `id`.
fn variant(template: &Value, id: &str, n: usize, pass: usize) -> Value {
    let mut question = template.clone();
    if pass > 0 {
        // Only fields the question has; the fill answer is text, the others
        // are letters or a boolean.
        for field in ["stem", "options", "explanation", "source", "answer"] {
            match question.get_mut(field) {
                Some(answer) if field == "answer" && !answer.is_array() => {}
                Some(value) => shift_texts(value, pass),
                None => {}
            }
        }
    }
    question["id"] = json!(format!("{id}-{:05}", n + 1));
    let number = n + 1;
    if let Some(stem) = question["stem"].as_object_mut() {
        if let Some(zh) = stem.get("zh").and_then(Value::as_str) {
            let zh = format!("（第 {number} 题）{zh}");
            stem.insert("zh".into(), json!(zh));
        }
        if let Some(en) = stem.get("en").and_then(Value::as_str) {
            let en = format!("(No. {number}) {en}");
            stem.insert("en".into(), json!(en));
        }
    }
    question
}

/// Shifts every string under `value` by `pass`; see the module comment.
fn shift_texts(value: &mut Value, pass: usize) {
    match value {
        Value::String(text) => *text = text.chars().map(|c| shift(c, pass)).collect(),
        Value::Array(items) => items.iter_mut().for_each(|item| shift_texts(item, pass)),
        Value::Object(map) => map.values_mut().for_each(|item| shift_texts(item, pass)),
        _ => {}
    }
}

/// A CJK ideograph moves within U+4E00–U+9FFF, an ASCII letter within its
/// case; everything else (punctuation, digits, blanks' underscores) stays.
fn shift(c: char, pass: usize) -> char {
    const FIRST: u32 = 0x4E00;
    const SPAN: u32 = 0x9FFF - 0x4E00 + 1;
    let code = c as u32;
    let moved = match c {
        '\u{4E00}'..='\u{9FFF}' => FIRST + (code - FIRST + 97 * pass as u32) % SPAN,
        'a'..='z' => 'a' as u32 + (code - 'a' as u32 + pass as u32) % 26,
        'A'..='Z' => 'A' as u32 + (code - 'A' as u32 + pass as u32) % 26,
        _ => code,
    };
    char::from_u32(moved).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_banks_load_without_problems() {
        let questions = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../questions");
        // 600 questions: two passes over the shipped ones, so shifted too.
        let generated = generate(&questions, 600).unwrap();
        assert_eq!(generated.id, "bench-600");
        let checked = quiz_core::check_bank("bench.json", &generated.bytes);
        assert!(
            checked.diagnostics.is_empty(),
            "{} problems, the first: {:?}",
            checked.diagnostics.len(),
            checked.diagnostics.first()
        );
        assert_eq!(checked.value.unwrap().questions.len(), 600);
        // The same size gives the same bytes, so runs compare.
        assert_eq!(generate(&questions, 600).unwrap().bytes, generated.bytes);
    }
}
