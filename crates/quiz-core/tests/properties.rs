//! Properties of the bank format that must hold for every input, not just
//! the examples: a loaded bank survives serialise → check unchanged, and no
//! input, however broken, makes the checker panic.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use quiz_core::bank::{Blank, Body, Choice, Difficulty, Paper, Question, QuestionType, Section};
use quiz_core::normalize::normalize_answer;
use quiz_core::{check_bank, Bank, LocalText};
use std::collections::BTreeMap;

/// Text without underscores (which mark blanks) and never blank.
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9\u{4e00}-\u{4e3f}，。？（）\"\\\\/ ]{0,24}".prop_map(|s| format!("文{s}"))
}

fn local_text() -> impl Strategy<Value = LocalText> {
    (text(), proptest::option::of(text())).prop_map(|(zh, en)| LocalText { zh, en })
}

fn options(count: usize) -> impl Strategy<Value = Vec<Choice>> {
    proptest::collection::vec((local_text(), any::<bool>()), count).prop_map(|items| {
        items
            .into_iter()
            .enumerate()
            // A numbered prefix keeps options distinct, as the checker requires.
            .map(|(i, (mut text, fixed))| {
                text.zh = format!("{i}号{}", text.zh);
                Choice { text, fixed }
            })
            .collect()
    })
}

fn body() -> impl Strategy<Value = (Body, usize)> {
    prop_oneof![
        (2usize..=8)
            .prop_flat_map(|n| (options(n), 0..n))
            .prop_map(|(options, answer)| (Body::Single { options, answer }, 0)),
        (2usize..=8)
            .prop_flat_map(|n| (
                options(n),
                proptest::sample::subsequence((0..n).collect::<Vec<_>>(), 2..=n)
            ))
            .prop_map(|(options, answer)| (Body::Multiple { options, answer }, 0)),
        any::<bool>().prop_map(|answer| (Body::Judge { answer }, 0)),
        proptest::collection::vec(
            (
                proptest::collection::vec(text(), 1..4),
                proptest::collection::vec(text(), 0..3)
            ),
            1..4
        )
        .prop_map(|blanks| {
            let count = blanks.len();
            (
                Body::Fill {
                    blanks: blanks
                        .into_iter()
                        .map(|(zh, en)| Blank { zh, en })
                        .collect(),
                },
                count,
            )
        }),
    ]
}

fn question(index: usize) -> impl Strategy<Value = Question> {
    (
        body(),
        local_text(),
        proptest::option::of(local_text()),
        proptest::option::of(local_text()),
        proptest::collection::vec("[a-z]{1,3}", 0..3),
        0usize..3,
    )
        .prop_map(
            move |((body, blanks), mut stem, explanation, source, mut tags, level)| {
                if blanks > 0 {
                    stem.zh.push_str(&" ____".repeat(blanks));
                    if let Some(en) = &mut stem.en {
                        en.push_str(&" ____".repeat(blanks));
                    }
                }
                tags.sort();
                tags.dedup();
                Question {
                    id: format!("q-{index}"),
                    stem,
                    body,
                    explanation,
                    source,
                    tags,
                    difficulty: Difficulty::ALL[level],
                }
            },
        )
}

fn bank() -> impl Strategy<Value = Bank> {
    (1usize..12)
        .prop_flat_map(|n| {
            (
                (0..n).map(question).collect::<Vec<_>>(),
                local_text(),
                local_text(),
                1u32..999,
                any::<bool>(),
                any::<bool>(),
            )
        })
        .prop_map(
            |(questions, title, description, version, partial_credit, name_tags)| {
                let sections = QuestionType::ALL
                    .iter()
                    .filter_map(|kind| {
                        let available =
                            questions.iter().filter(|q| q.kind() == *kind).count() as u32;
                        (available > 0).then_some(Section {
                            kind: *kind,
                            count: available,
                            points: 2,
                        })
                    })
                    .collect();
                let mut tag_names = BTreeMap::new();
                if name_tags {
                    for tag in questions.iter().flat_map(|q| &q.tags) {
                        tag_names.insert(
                            tag.clone(),
                            LocalText {
                                zh: format!("标签{tag}"),
                                en: None,
                            },
                        );
                    }
                }
                Bank {
                    schema: Some("./bank.schema.json".into()),
                    id: "prop".into(),
                    version,
                    updated: "2026-11-28".into(),
                    title,
                    description,
                    tag_names,
                    paper: Paper {
                        time_limit_minutes: 30,
                        pass_percent: 60,
                        partial_credit,
                        sections,
                    },
                    questions,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn serialise_then_check_gives_the_same_bank(bank in bank()) {
        let text = serde_json::to_string_pretty(&bank).unwrap();
        let checked = check_bank("prop.json", text.as_bytes());
        prop_assert_eq!(checked.error_count(), 0, "{:#?}", checked.diagnostics);
        prop_assert_eq!(checked.value.as_ref(), Some(&bank));
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let checked = check_bank("bytes.json", &bytes);
        prop_assert!(checked.value.is_none() || checked.error_count() == 0);
        for diagnostic in &checked.diagnostics {
            prop_assert!(diagnostic.line >= 1 && diagnostic.column >= 1);
        }
    }

    #[test]
    fn damaged_real_banks_never_panic_and_problems_are_located(
        cut in 0usize..155_000,
        flips in proptest::collection::vec((0usize..155_000, any::<u8>()), 0..8),
    ) {
        let mut bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../questions/charter.json")).unwrap();
        for (at, byte) in flips {
            let at = at % bytes.len();
            bytes[at] = byte;
        }
        bytes.truncate(cut.min(bytes.len()));
        let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
        let checked = check_bank("charter.json", &bytes);
        for diagnostic in &checked.diagnostics {
            prop_assert!(diagnostic.line >= 1 && diagnostic.line <= lines, "line {} of {lines}", diagnostic.line);
        }
        prop_assert_eq!(checked.value.is_some(), checked.error_count() == 0);
    }

    #[test]
    fn answer_normalisation_is_idempotent(text in "\\PC{0,40}") {
        let once = normalize_answer(&text);
        prop_assert_eq!(normalize_answer(&once), once.clone());
    }
}
