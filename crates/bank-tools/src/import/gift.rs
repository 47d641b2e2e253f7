//! Moodle's GIFT text format.
//!
//! Branches that used Moodle export their question banks as GIFT. The
//! question types that fit the app are read: multiple choice (one right
//! answer `=`, or several by positive `~%50%` weights), true/false, short
//! answer and "missing word" (as fill-in), and plain numeric answers.
//! Essay, matching and numeric ranges have no counterpart in the bank
//! format and are reported rather than dropped silently.

use super::notation::Problem;
use super::{Draft, ImportError, Parsed, Slot};
use quiz_core::bank::{count_blanks, Blank, Body, Choice, Difficulty};
use quiz_core::limits::{is_id, MAX_QUESTION_ID};
use quiz_core::LocalText;
use std::collections::HashMap;

/// One character of a question, with its line and whether a backslash made
/// it literal (so `\=` is text, not an answer marker).
#[derive(Debug, Clone, Copy)]
struct Token {
    c: char,
    line: usize,
    literal: bool,
}

impl Token {
    fn is(&self, c: char) -> bool {
        self.c == c && !self.literal
    }
}

/// A question's lines, and the category it was declared under.
struct Chunk<'t> {
    lines: Vec<(usize, &'t str)>,
    category: Option<String>,
}

/// Reads a GIFT file.
pub(crate) fn read(text: &str, file: &str) -> Parsed {
    let mut parsed = Parsed::default();
    for chunk in chunks(text) {
        let first_line = chunk.lines[0].0;
        match question(&chunk) {
            Ok(draft) => parsed.slots.push(Slot::ok(draft)),
            Err((line, (zh, en))) => {
                parsed
                    .errors
                    .push(ImportError::new(file, line.max(first_line), None, zh, en));
                // The question's text as written, to rebuild in the editor.
                let text: Vec<&str> = chunk.lines.iter().map(|(_, l)| *l).collect();
                parsed.slots.push(Slot::broken(Draft::unread(
                    first_line,
                    text.join("\n"),
                    Vec::new(),
                )));
            }
        }
    }
    parsed
}

/// Splits the file into questions: blank lines separate them (as in
/// Moodle, so one unclosed brace cannot swallow the rest of the file);
/// `//` lines are comments; `$CATEGORY:` lines set the category of the
/// questions that follow.
fn chunks(text: &str) -> Vec<Chunk<'_>> {
    let mut chunks = Vec::new();
    let mut current: Vec<(usize, &str)> = Vec::new();
    let mut category: Option<String> = None;
    for (i, line) in text.split('\n').enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with("//") {
            continue;
        }
        if trimmed.is_empty() {
            if !current.is_empty() {
                chunks.push(Chunk {
                    lines: std::mem::take(&mut current),
                    category: category.clone(),
                });
            }
            continue;
        }
        if current.is_empty() && trimmed.to_ascii_uppercase().starts_with("$CATEGORY:") {
            category = category_tag(&trimmed["$CATEGORY:".len()..]);
            continue;
        }
        current.push((i + 1, line));
    }
    if !current.is_empty() {
        chunks.push(Chunk {
            lines: current,
            category,
        });
    }
    chunks
}

/// The tag a Moodle category becomes: its last part, e.g. 第一章 党员 for
/// `$course$/top/党章/第一章 党员`.
fn category_tag(path: &str) -> Option<String> {
    path.split('/')
        .map(str::trim)
        .rfind(|part| !part.is_empty())
        .filter(|part| !part.starts_with('$') && *part != "top" && *part != "默认")
        .map(str::to_string)
}

/// Turns a question's lines into tokens, resolving backslash escapes.
fn tokens(lines: &[(usize, &str)]) -> Vec<Token> {
    let mut tokens = Vec::new();
    for &(line, text) in lines {
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.peek().copied() {
                    Some(next @ ('~' | '=' | '#' | '{' | '}' | ':' | '\\')) => {
                        chars.next();
                        tokens.push(Token {
                            c: next,
                            line,
                            literal: true,
                        });
                        continue;
                    }
                    Some('n') => {
                        chars.next();
                        tokens.push(Token {
                            c: '\n',
                            line,
                            literal: true,
                        });
                        continue;
                    }
                    _ => {}
                }
                tokens.push(Token {
                    c,
                    line,
                    literal: true,
                });
                continue;
            }
            tokens.push(Token {
                c,
                line,
                literal: false,
            });
        }
        tokens.push(Token {
            c: '\n',
            line,
            literal: true,
        });
    }
    tokens
}

/// The text of some tokens, with line breaks joined the way the language
/// needs.
fn text_of(tokens: &[Token]) -> String {
    let raw: String = tokens.iter().map(|t| t.c).collect();
    let parts: Vec<&str> = raw.split('\n').collect();
    join(&parts)
}

/// Joins pieces of text, each trimmed: a space between English words,
/// nothing next to Chinese.
fn join(parts: &[&str]) -> String {
    let mut out = String::new();
    for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        if let (Some(last), Some(next)) = (out.chars().last(), part.chars().next()) {
            if last.is_ascii() && next.is_ascii() {
                out.push(' ');
            }
        }
        out.push_str(part);
    }
    out
}

fn find(tokens: &[Token], from: usize, c: char) -> Option<usize> {
    tokens[from..]
        .iter()
        .position(|t| t.is(c))
        .map(|i| i + from)
}

type Failure = (usize, Problem);

fn fail(line: usize, zh: impl Into<String>, en: impl Into<String>) -> Failure {
    (line, (zh.into(), en.into()))
}

/// One answer inside the braces.
struct Item {
    correct_marker: bool,
    weight: Option<f64>,
    text: String,
    feedback: Option<String>,
    line: usize,
}

fn question(chunk: &Chunk) -> Result<Draft, Failure> {
    let first_line = chunk.lines[0].0;
    let tokens = tokens(&chunk.lines);
    let mut pos = tokens
        .iter()
        .position(|t| !t.c.is_whitespace())
        .unwrap_or(tokens.len());

    // ::title:: is used as the id when it is a valid one.
    let mut title = None;
    if pos + 1 < tokens.len() && tokens[pos].is(':') && tokens[pos + 1].is(':') {
        let close = (pos + 2..tokens.len().saturating_sub(1))
            .find(|&i| tokens[i].is(':') && tokens[i + 1].is(':'))
            .ok_or_else(|| {
                fail(
                    tokens[pos].line,
                    "题目名称 ::…:: 没有结束的 “::”。",
                    "The question title ::…:: is not closed with \"::\".",
                )
            })?;
        title = Some(text_of(&tokens[pos + 2..close]));
        pos = close + 2;
    }
    while pos < tokens.len() && tokens[pos].c.is_whitespace() {
        pos += 1;
    }
    // A text-format marker such as [html] or [markdown] says how Moodle
    // renders the text; the app shows plain text either way.
    if pos < tokens.len() && tokens[pos].is('[') {
        if let Some(end) = find(&tokens, pos, ']') {
            let marker = text_of(&tokens[pos + 1..end]).to_ascii_lowercase();
            if ["html", "moodle", "plain", "markdown"].contains(&marker.as_str()) {
                pos = end + 1;
            }
        }
    }

    let Some(open) = find(&tokens, pos, '{') else {
        return Err(fail(
            first_line,
            "这道题没有答案部分 {…}：GIFT 题目的答案写在大括号里，例如 {=正确答案 ~错误答案}。",
            "This question has no answer block {…}: GIFT answers go in braces, e.g. {=right ~wrong}.",
        ));
    };
    let open_line = tokens[open].line;
    let Some(close) = find(&tokens, open + 1, '}') else {
        return Err(fail(
            open_line,
            "答案部分的大括号没有闭合：缺少 “}”。",
            "The answer block is not closed: \"}\" is missing.",
        ));
    };
    if let Some(extra) = find(&tokens, close + 1, '{') {
        return Err(fail(
            tokens[extra].line,
            "一道题只能有一个答案部分 {…}。如果文字里要用大括号，请写成 \\{ 和 \\}。",
            "A question can have only one answer block {…}. To use braces in the text, write \\{ and \\}.",
        ));
    }
    let before = text_of(&tokens[pos..open]);
    let after = text_of(&tokens[close + 1..]);
    let mut block = &tokens[open + 1..close];

    // General feedback: #### at the end of the block.
    let mut general = None;
    if let Some(start) =
        (0..block.len().saturating_sub(3)).find(|&i| (i..i + 4).all(|j| block[j].is('#')))
    {
        general = Some(text_of(&block[start + 4..])).filter(|t| !t.is_empty());
        block = &block[..start];
    }
    let block_text = text_of(block);
    if block_text.is_empty() {
        return Err(fail(
            open_line,
            "答案部分是空的 {}：这是问答题，题库不支持问答题。",
            "The answer block {} is empty: that is an essay question, which banks do not support.",
        ));
    }

    // A fill-in stem gets ____ where the braces were, unless the text
    // already marks its blank and the braces only close the question.
    let fill_stem = || -> String {
        if after.is_empty() && count_blanks(&before) > 0 {
            before.clone()
        } else {
            join(&[&before, "____", &after])
        }
    };

    let numeric = block
        .iter()
        .find(|t| !t.c.is_whitespace())
        .is_some_and(|t| t.is('#'));
    let (body, stem, feedback) = if numeric {
        // Numeric: only a plain number can become a fill-in answer.
        let value = block_text.trim_start_matches('#').trim().to_string();
        if value.contains(':')
            || value.contains("..")
            || value.contains('=')
            || value.parse::<f64>().is_err()
        {
            return Err(fail(
                open_line,
                "带误差或范围的数值题（如 {#5:1}）不支持：请改成只写一个数，或改为填空题 {=答案}。",
                "Numeric questions with a tolerance or range (e.g. {#5:1}) are not supported: give a single number, or use a short answer {=answer}.",
            ));
        }
        let blanks = vec![Blank {
            zh: vec![value],
            en: Vec::new(),
        }];
        (Body::Fill { blanks }, fill_stem(), None)
    } else if let Some((answer, feedback)) = true_false(block) {
        (Body::Judge { answer }, join(&[&before, &after]), feedback)
    } else {
        let items = items(block)?;
        if items.iter().all(|item| item.correct_marker) {
            // Short answer: every = is an accepted answer of one blank.
            if let Some(item) = items.iter().find(|item| item.text.contains("->")) {
                return Err(fail(
                    item.line,
                    "配对题（=甲 -> 乙）不支持：题库只有单选、多选、判断和填空。",
                    "Matching questions (=a -> b) are not supported: banks have single, multiple, true/false and fill-in questions.",
                ));
            }
            let accepted: Vec<String> = items
                .iter()
                .filter(|item| item.weight.is_none_or(|w| w >= 100.0))
                .map(|item| item.text.clone())
                .collect();
            if accepted.is_empty() {
                return Err(fail(
                    open_line,
                    "没有得满分的答案：填空题的每个可接受答案都应写成 =答案（不带 %50% 之类的部分分）。",
                    "No answer earns full marks: write each accepted answer as =answer, without partial weights such as %50%.",
                ));
            }
            let feedback = items.iter().find_map(|item| item.feedback.clone());
            let blanks = vec![Blank {
                zh: accepted,
                en: Vec::new(),
            }];
            (Body::Fill { blanks }, fill_stem(), feedback)
        } else {
            let correct: Vec<usize> = items
                .iter()
                .enumerate()
                .filter(|(_, item)| item.correct_marker || item.weight.is_some_and(|w| w > 0.0))
                .map(|(i, _)| i)
                .collect();
            if correct.is_empty() {
                return Err(fail(
                    open_line,
                    "没有正确选项：用 = 标出正确答案，或多选题用 ~%50% 这样的正分值标出各个正确选项。",
                    "No option is marked correct: mark the right answer with =, or for several right answers give them positive weights such as ~%50%.",
                ));
            }
            let options: Vec<Choice> = items
                .iter()
                .map(|item| Choice {
                    text: LocalText {
                        zh: item.text.clone(),
                        en: None,
                    },
                    fixed: false,
                })
                .collect();
            let feedback = correct.iter().find_map(|&i| items[i].feedback.clone());
            let stem = if after.is_empty() {
                before.clone()
            } else {
                join(&[&before, "（　）", &after])
            };
            let body = if correct.len() == 1 {
                Body::Single {
                    options,
                    answer: correct[0],
                }
            } else {
                Body::Multiple {
                    options,
                    answer: correct,
                }
            };
            (body, stem, feedback)
        }
    };
    if stem.trim().is_empty() {
        return Err(fail(
            first_line,
            "题干是空的。",
            "The question text is empty.",
        ));
    }
    Ok(Draft {
        line: first_line,
        id: title.filter(|title| is_id(title, MAX_QUESTION_ID)),
        stem: LocalText { zh: stem, en: None },
        body,
        explanation: general.or(feedback).map(|zh| LocalText { zh, en: None }),
        source: None,
        tags: chunk.category.iter().cloned().collect(),
        difficulty: Difficulty::Medium,
        columns: HashMap::new(),
        raw_kind: None,
        raw_answer: None,
        raw_options: None,
    })
}

/// Reads `{T}`, `{FALSE#why}`, `{TRUE#wrong-answer feedback#right-answer
/// feedback}`; `None` when the block is not a true/false answer.
fn true_false(block: &[Token]) -> Option<(bool, Option<String>)> {
    let parts: Vec<&[Token]> = block.split(|t| t.is('#')).collect();
    let answer = match text_of(parts[0]).to_ascii_uppercase().as_str() {
        "T" | "TRUE" => true,
        "F" | "FALSE" => false,
        _ => return None,
    };
    let feedback: Vec<String> = parts[1..].iter().map(|p| text_of(p)).collect();
    // The second feedback is shown after a right answer, which is what an
    // explanation says; fall back to the first.
    let explanation = feedback
        .get(1)
        .filter(|t| !t.is_empty())
        .or_else(|| feedback.first().filter(|t| !t.is_empty()))
        .cloned();
    Some((answer, explanation))
}

/// Splits an answer block into its `=` and `~` answers.
fn items(block: &[Token]) -> Result<Vec<Item>, Failure> {
    let starts: Vec<usize> = block
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is('=') || t.is('~'))
        .map(|(i, _)| i)
        .collect();
    let Some(&first) = starts.first() else {
        let line = block.first().map_or(0, |t| t.line);
        return Err(fail(
            line,
            "答案部分无法识别：单选/多选写 {=正确 ~错误}，判断写 {T} 或 {F}，填空写 {=答案}。",
            "The answer block is not recognised: choices are {=right ~wrong}, true/false {T} or {F}, short answers {=answer}.",
        ));
    };
    if !text_of(&block[..first]).is_empty() {
        return Err(fail(
            block[0].line,
            "答案部分开头有多余的文字：每个答案应以 = 或 ~ 开头。如果答案里要用 = 或 ~，请写成 \\= 和 \\~。",
            "Unexpected text at the start of the answer block: each answer starts with = or ~. To use = or ~ in an answer, write \\= and \\~.",
        ));
    }
    let mut items = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(block.len());
        let mut body = &block[start + 1..end];
        let line = block[start].line;
        let mut weight = None;
        let lead = body
            .iter()
            .position(|t| !t.c.is_whitespace())
            .unwrap_or(body.len());
        if lead < body.len() && body[lead].is('%') {
            let Some(close) = find(body, lead + 1, '%') else {
                return Err(fail(
                    line,
                    "分值 %…% 没有结束的 “%”。",
                    "The weight %…% is not closed with \"%\".",
                ));
            };
            let raw = text_of(&body[lead + 1..close]);
            let Ok(value) = raw.parse::<f64>() else {
                return Err(fail(
                    line,
                    format!("分值“%{raw}%”不是数字。"),
                    format!("The weight \"%{raw}%\" is not a number."),
                ));
            };
            weight = Some(value);
            body = &body[close + 1..];
        }
        let (text, feedback) = match find(body, 0, '#') {
            Some(hash) => (
                text_of(&body[..hash]),
                Some(text_of(&body[hash + 1..])).filter(|t| !t.is_empty()),
            ),
            None => (text_of(body), None),
        };
        if text.is_empty() {
            return Err(fail(
                line,
                "有一个答案是空的。",
                "One of the answers is empty.",
            ));
        }
        items.push(Item {
            correct_marker: block[start].is('='),
            weight,
            text,
            feedback,
            line,
        });
    }
    Ok(items)
}
