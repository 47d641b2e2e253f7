//! Large banks for the benchmark, made deterministically from the shipped
//! ones so their text is real Chinese (and English) of realistic length.
//!
//! Question `n` copies shipped question `n mod 283` under a new id, with its
//! number added to the stem so no two stems are the same; the tag names of
//! all shipped banks are merged so every tag is declared and used.

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
        .map(|n| variant(&templates[n % templates.len()], &id, n))
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
    let bytes = serde_json::to_vec_pretty(&bank).map_err(|error| error.to_string())?;
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
fn variant(template: &Value, id: &str, n: usize) -> Value {
    let mut question = template.clone();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_banks_load_without_problems() {
        let questions = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../questions");
        let generated = generate(&questions, 600).unwrap();
        assert_eq!(generated.id, "bench-600");
        let checked = quiz_core::check_bank("bench.json", &generated.bytes);
        assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
        assert_eq!(checked.value.unwrap().questions.len(), 600);
        // The same size gives the same bytes, so runs compare.
        assert_eq!(generate(&questions, 600).unwrap().bytes, generated.bytes);
    }
}
