//! Checking stays linear and bounded whatever a file looks like: a
//! minified (one-line) bank is located as fast as a pretty-printed one, and
//! a file with a flood of problems keeps the first [`MAX_PROBLEMS`] and says
//! how many more there are.

#![cfg(not(target_arch = "wasm32"))]

use quiz_core::diagnostic::{Code, MAX_PROBLEMS};
use quiz_core::json::LineIndex;
use quiz_core::{check_bank, Severity};

/// A bank of `n` questions, each with one unknown key: every question has
/// a problem to locate. `pretty` puts each question on its own lines.
fn bank_with_problems(n: usize, pretty: bool) -> String {
    let questions: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id": "q-{i}", "type": "judge", "stem": {{"zh": "题{i}"}}, "answer": true, "explanation": {{"zh": "解"}}, "source": {{"zh": "出处"}}, "colour": "red"}}"#
            )
        })
        .collect();
    let separator = if pretty { ",\n    " } else { "," };
    format!(
        r#"{{"id": "big", "version": 1, "updated": "2026-12-06", "title": {{"zh": "大"}}, "questions": [{}]}}"#,
        questions.join(separator)
    )
}

#[test]
fn ascending_positions_match_one_by_one_positions() {
    for text in [
        "ab\n题目\n\n{\"x\": 1}\r\nend",
        "一行里的很多字，one line only, no breaks at all",
    ] {
        let index = LineIndex::new(text);
        let offsets: Vec<usize> = (0..=text.len())
            .filter(|&at| text.is_char_boundary(at))
            .collect();
        let one_by_one: Vec<(usize, usize)> =
            offsets.iter().map(|&at| index.line_col(at)).collect();
        assert_eq!(index.line_cols_ascending(&offsets), one_by_one);
        for &at in &offsets {
            assert_eq!(index.line(at), index.line_col(at).0);
        }
    }
}

#[test]
fn a_minified_bank_is_located_like_a_pretty_one() {
    // 16,000 problems on one line: counting each column from the line's
    // start took seconds natively; one pass takes milliseconds.
    let minified = bank_with_problems(16_000, false);
    let pretty = bank_with_problems(16_000, true);
    let (one_line, many_lines) = (
        check_bank("big.json", minified.as_bytes()),
        check_bank("big.json", pretty.as_bytes()),
    );
    assert_eq!(one_line.diagnostics.len(), MAX_PROBLEMS + 1);
    assert_eq!(many_lines.diagnostics.len(), MAX_PROBLEMS + 1);
    let first = &one_line.diagnostics[0];
    assert_eq!(first.line, 1);
    let expected_column = minified[..first.span.start].chars().count() + 1;
    assert_eq!(first.column, expected_column);
    let last_listed = &one_line.diagnostics[MAX_PROBLEMS - 1];
    assert_eq!(
        last_listed.column,
        minified[..last_listed.span.start].chars().count() + 1
    );
}

#[test]
fn a_flood_of_problems_is_cut_with_a_count_of_the_rest() {
    let text = bank_with_problems(3_000, true);
    let checked = check_bank("flood.json", text.as_bytes());
    assert!(checked.value.is_none());
    assert_eq!(checked.diagnostics.len(), MAX_PROBLEMS + 1);
    let more = checked.diagnostics.last().unwrap();
    assert_eq!(more.code, Code::MoreProblems);
    assert_eq!(more.severity, Severity::Error, "the omitted include errors");
    // 3,000 unknown keys, one a question, and whatever the top level lacks.
    let listed_unknown = checked
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::UnknownField)
        .count();
    let omitted = 3_000 - listed_unknown;
    assert!(omitted >= 2_000);
    assert!(
        more.message.zh.contains(&format!("另有 {omitted} 个问题")),
        "{}",
        more.message.zh
    );
    assert!(
        more.message
            .en
            .starts_with(&format!("{omitted} more problems")),
        "{}",
        more.message.en
    );
    assert!(
        checked.diagnostics[..MAX_PROBLEMS]
            .windows(2)
            .all(|pair| pair[0].span.start <= pair[1].span.start),
        "the listed problems are in file order"
    );
}
