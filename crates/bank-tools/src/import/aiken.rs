//! Moodle's Aiken text format: a question line, options `A. …` or `A) …`,
//! then `ANSWER: B`, with a blank line between questions.
//!
//! Aiken is the simplest format to type by hand, so Chinese habits are
//! accepted too: `A、`/`Ａ．` options, `答案：B`, several answer letters for
//! a multiple-choice question, and optional `解析：` and `出处：` lines after
//! the answer.

use super::notation;
use super::{Draft, ImportError, Parsed, Slot};
use quiz_core::bank::{letter, Body, Choice, Difficulty};
use quiz_core::LocalText;
use std::collections::HashMap;

/// A question being read.
struct Pending {
    line: usize,
    stem: Vec<String>,
    options: Vec<String>,
    /// Whether the ANSWER line was seen (even if it was wrong).
    answered: bool,
    body: Option<Body>,
    explanation: Option<String>,
    source: Option<String>,
    failed: bool,
}

impl Pending {
    fn new(line: usize, text: &str) -> Self {
        Pending {
            line,
            stem: vec![text.to_string()],
            options: Vec::new(),
            answered: false,
            body: None,
            explanation: None,
            source: None,
            failed: false,
        }
    }
}

/// What a line is.
enum Kind<'l> {
    Blank,
    Option(usize, &'l str),
    Answer(&'l str),
    Explanation(&'l str),
    Source(&'l str),
    Text(&'l str),
}

fn classify(line: &str) -> Kind<'_> {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return Kind::Blank;
    }
    // Which line a label starts: 0 answer, 1 explanation, 2 source.
    const LABELS: [(&str, u8); 10] = [
        ("ANSWER", 0),
        ("答案", 0),
        ("正确答案", 0),
        ("EXPLANATION", 1),
        ("FEEDBACK", 1),
        ("解析", 1),
        ("答案解析", 1),
        ("SOURCE", 2),
        ("出处", 2),
        ("来源", 2),
    ];
    for (prefix, which) in LABELS {
        let head: String = trimmed.chars().take(prefix.chars().count()).collect();
        if head.to_uppercase() == prefix {
            let rest = trimmed[head.len()..].trim_start();
            if let Some(value) = rest.strip_prefix(':').or_else(|| rest.strip_prefix('：')) {
                let value = value.trim();
                return match which {
                    0 => Kind::Answer(value),
                    1 => Kind::Explanation(value),
                    _ => Kind::Source(value),
                };
            }
        }
    }
    let mut chars = trimmed.char_indices();
    if let (Some((_, c)), Some((_, mark))) = (chars.next(), chars.next()) {
        let upper = match c {
            'A'..='Z' => Some(c),
            'Ａ'..='Ｚ' => char::from_u32(c as u32 - 0xFEE0),
            _ => None,
        };
        if let Some(upper) = upper {
            if matches!(mark, '.' | ')' | '．' | '）' | '、') {
                let start = c.len_utf8() + mark.len_utf8();
                return Kind::Option(usize::from(upper as u8 - b'A'), trimmed[start..].trim());
            }
        }
    }
    Kind::Text(trimmed)
}

/// Reads an Aiken file.
pub(crate) fn read(text: &str, file: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let mut pending: Option<Pending> = None;
    let error = |parsed: &mut Parsed, line: usize, zh: String, en: String| {
        parsed
            .errors
            .push(ImportError::new(file, line, None, zh, en));
    };
    let lines: Vec<&str> = text.split('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let number = i + 1;
        let kind = classify(line);
        // A question ends at a blank line, or at a new question right after
        // the answer (some generators omit the blank line).
        let ends = match (&kind, &pending) {
            (Kind::Blank, Some(_)) => true,
            (Kind::Text(_) | Kind::Option(..), Some(p)) => p.answered,
            _ => false,
        };
        if ends {
            let done = pending.take().expect("checked above");
            finish(done, &mut parsed, file);
        }
        match kind {
            Kind::Blank => {}
            Kind::Text(text) => match &mut pending {
                None => pending = Some(Pending::new(number, text)),
                Some(p) if p.options.is_empty() => p.stem.push(text.to_string()),
                Some(p) => {
                    if !p.failed {
                        error(
                            &mut parsed,
                            number,
                            "这一行既不是选项（A. …）也不是答案（ANSWER: …）：选项要一行一个，题目之间空一行。".into(),
                            "This line is neither an option (A. …) nor the answer (ANSWER: …): put one option per line and a blank line between questions.".into(),
                        );
                    }
                    p.failed = true;
                }
            },
            Kind::Option(index, text) => match &mut pending {
                None => pending = Some(Pending::new(number, line.trim())),
                Some(p) => {
                    if index != p.options.len() {
                        if !p.failed {
                            error(
                                &mut parsed,
                                number,
                                format!("选项字母应为 {}，这里是 {}：选项要按 A、B、C… 依次排列。", letter(p.options.len()), letter(index)),
                                format!("Expected option {} here, found {}: options run A, B, C, … in order.", letter(p.options.len()), letter(index)),
                            );
                        }
                        p.failed = true;
                    }
                    p.options.push(text.to_string());
                }
            },
            Kind::Answer(value) => match &mut pending {
                None => error(
                    &mut parsed,
                    number,
                    "ANSWER 行前面没有题目。".into(),
                    "This ANSWER line has no question before it.".into(),
                ),
                Some(p) => {
                    p.answered = true;
                    let body = notation::parse_letters(value).and_then(|letters| {
                        notation::letters_in_range(value, &letters, p.options.len())
                            .map(|()| letters)
                    });
                    match body {
                        Ok(letters) => {
                            let options: Vec<Choice> = p
                                .options
                                .iter()
                                .map(|text| Choice {
                                    text: LocalText {
                                        zh: text.clone(),
                                        en: None,
                                    },
                                    fixed: false,
                                })
                                .collect();
                            let body = if letters.len() == 1 {
                                Body::Single {
                                    options,
                                    answer: letters[0],
                                }
                            } else {
                                Body::Multiple {
                                    options,
                                    answer: letters,
                                }
                            };
                            p.body = Some(body);
                        }
                        Err((zh, en)) => {
                            if !p.failed {
                                error(&mut parsed, number, zh, en);
                            }
                            p.failed = true;
                        }
                    }
                }
            },
            Kind::Explanation(value) | Kind::Source(value) => match &mut pending {
                Some(p) if p.answered => {
                    if matches!(classify(line), Kind::Source(_)) {
                        p.source = Some(value.to_string());
                    } else {
                        p.explanation = Some(value.to_string());
                    }
                }
                _ => error(
                    &mut parsed,
                    number,
                    "解析和出处写在 ANSWER 行之后。".into(),
                    "Explanation and source lines go after the ANSWER line.".into(),
                ),
            },
        }
    }
    if let Some(done) = pending {
        finish(done, &mut parsed, file);
    }
    parsed
}

/// Ends a question: records it, or the reason it cannot be used.
fn finish(pending: Pending, parsed: &mut Parsed, file: &str) {
    if pending.failed {
        parsed.slots.push(unread(pending));
        return;
    }
    let Some(body) = pending.body else {
        let (zh, en) = if pending.options.is_empty() {
            (
                "这道题没有选项和答案：Aiken 格式每题要有 A. B. … 选项和一行 ANSWER: 字母。".to_string(),
                "This question has no options or answer: each Aiken question needs options A. B. … and an ANSWER: line.".to_string(),
            )
        } else {
            (
                "这道题缺少答案行：在选项后面加一行 ANSWER: 正确选项的字母，例如 ANSWER: B。".to_string(),
                "This question has no answer line: add ANSWER: and the letter of the right option after the options, e.g. ANSWER: B.".to_string(),
            )
        };
        parsed
            .errors
            .push(ImportError::new(file, pending.line, None, zh, en));
        parsed.slots.push(unread(pending));
        return;
    };
    parsed.slots.push(Slot::ok(Draft {
        line: pending.line,
        id: None,
        stem: LocalText {
            zh: pending.stem.join("\n"),
            en: None,
        },
        body,
        explanation: pending.explanation.map(|zh| LocalText { zh, en: None }),
        source: pending.source.map(|zh| LocalText { zh, en: None }),
        tags: Vec::new(),
        difficulty: Difficulty::Medium,
        columns: HashMap::new(),
        raw_kind: None,
        raw_answer: None,
        raw_options: None,
    }));
}

/// What was read of a question with errors: its text and options.
fn unread(pending: Pending) -> Slot {
    let options = pending
        .options
        .into_iter()
        .map(|zh| Choice {
            text: LocalText { zh, en: None },
            fixed: false,
        })
        .collect();
    Slot::broken(Draft::unread(
        pending.line,
        pending.stem.join("\n"),
        options,
    ))
}
