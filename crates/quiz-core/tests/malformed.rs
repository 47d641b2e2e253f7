//! A corpus of broken bank files, each the kind of mistake coordinators
//! make, with the exact problem, place and message the checker must give.
//! `tests/malformed/*.json` are the files; every one must be listed here.

use quiz_core::check_bank;
use quiz_core::diagnostic::{Code, Severity};
use std::path::PathBuf;

/// file, code, line, column, a phrase of the English message, a phrase of
/// the Chinese one. The listed problem is the first in the file.
const EXPECTED: &[(&str, Code, usize, usize, &str, &str)] = &[
    (
        "answer-lowercase",
        Code::BadAnswer,
        32,
        17,
        "write upper-case option letters",
        "大写选项字母",
    ),
    (
        "answer-not-among-options",
        Code::BadAnswer,
        32,
        17,
        "E is not among the options; there are 4 (A to D)",
        "只有 A 到 D 共 4 个选项",
    ),
    (
        "bad-date",
        Code::BadValue,
        5,
        14,
        "write YYYY-MM-DD",
        "请写成 YYYY-MM-DD",
    ),
    (
        "bad-difficulty",
        Code::BadValue,
        36,
        21,
        "did you mean \"easy\"",
        "是不是“easy”",
    ),
    (
        "bad-question-id",
        Code::BadId,
        39,
        13,
        "Id \"Base 002\" is invalid",
        "编号“Base 002”无效",
    ),
    (
        "bank-id-invalid",
        Code::BadId,
        3,
        9,
        "Id \"我的题库\" is invalid",
        "只能用小写英文字母",
    ),
    (
        "duplicate-field",
        Code::DuplicateField,
        33,
        7,
        "appears twice (first on line 32)",
        "重复出现（第一次在第 32 行）",
    ),
    (
        "duplicate-option",
        Code::DuplicateOption,
        29,
        9,
        "Option C is the same as option B",
        "选项 C 与选项 B 相同",
    ),
    (
        "duplicate-question-id",
        Code::DuplicateId,
        54,
        13,
        "\"base-001\" is used twice (first on line 23)",
        "重复（第一次在第 23 行）",
    ),
    (
        "empty-text",
        Code::EmptyText,
        27,
        16,
        "\"questions[0].options[0].zh\" is empty",
        "是空的",
    ),
    (
        "fill-answer-not-list",
        Code::WrongType,
        66,
        17,
        "should be a list with one entry per blank",
        "每个空一项",
    ),
    (
        "fill-blank-mismatch",
        Code::BlankMismatch,
        65,
        15,
        "Chinese stem has 1 blank(s) (marked ____) but the answer lists 2",
        "中文题干里有 1 个空",
    ),
    (
        "fill-en-blank-mismatch",
        Code::BlankMismatch,
        65,
        15,
        "English stem has 0 blank(s)",
        "英文题干里有 0 个空",
    ),
    (
        "judge-answer-chinese",
        Code::BadAnswer,
        57,
        17,
        "\"错\" should be false",
        "应写成 false",
    ),
    (
        "judge-with-options",
        Code::OptionsNotAllowed,
        57,
        18,
        "take no options",
        "不需要选项",
    ),
    (
        "missing-explanation",
        Code::MissingExplanation,
        62,
        5,
        "has no explanation",
        "没有解析",
    ),
    (
        "missing-stem",
        Code::MissingField,
        53,
        5,
        "Missing required field \"stem\"",
        "缺少必填字段“stem”",
    ),
    (
        "multiple-with-one",
        Code::MultipleWithOne,
        48,
        17,
        "only one correct answer",
        "只有一个正确答案",
    ),
    (
        "paper-asks-too-many",
        Code::PaperTooMany,
        18,
        33,
        "draws 5 fill questions but the bank has only 1",
        "只有 1 道",
    ),
    (
        "paper-duplicate-section",
        Code::DuplicateSection,
        18,
        7,
        "lists \"judge\" twice",
        "出现了两次",
    ),
    (
        "pass-percent-out-of-range",
        Code::BadValue,
        13,
        21,
        "from 1 to 100, not 160",
        "1 到 100 之间",
    ),
    (
        "single-with-several",
        Code::SingleWithSeveral,
        32,
        17,
        "this one lists 2",
        "只能有一个答案",
    ),
    (
        "syntax-chinese-quotes",
        Code::Syntax,
        4,
        14,
        "Full-width '“'",
        "中文标点““”",
    ),
    (
        "syntax-comment",
        Code::Syntax,
        4,
        17,
        "cannot contain comments",
        "不能写注释",
    ),
    (
        "syntax-empty",
        Code::Syntax,
        1,
        1,
        "The file is empty",
        "文件是空的",
    ),
    (
        "syntax-fullwidth-colon",
        Code::Syntax,
        48,
        15,
        "must be the ASCII ':'",
        "半角的“:”",
    ),
    (
        "syntax-fullwidth-comma",
        Code::Syntax,
        57,
        22,
        "must be the ASCII ','",
        "半角的“,”",
    ),
    (
        "syntax-missing-comma",
        Code::Syntax,
        33,
        7,
        "is a comma missing?",
        "是否漏了逗号",
    ),
    (
        "syntax-not-utf8",
        Code::Syntax,
        6,
        20,
        "not UTF-8",
        "不是 UTF-8",
    ),
    (
        "syntax-raw-newline",
        Code::Syntax,
        67,
        33,
        "raw line break",
        "不能直接换行",
    ),
    (
        "syntax-single-quotes",
        Code::Syntax,
        3,
        3,
        "not single quotes",
        "不能用单引号",
    ),
    (
        "syntax-trailing-comma",
        Code::Syntax,
        37,
        5,
        "Extra comma after the last item",
        "多了一个逗号",
    ),
    (
        "syntax-unquoted-key",
        Code::Syntax,
        4,
        3,
        "Field names must be in double quotes",
        "字段名要用英文双引号",
    ),
    (
        "syntax-unterminated",
        Code::Syntax,
        72,
        1,
        "ends unexpectedly",
        "意外结束",
    ),
    (
        "text-not-object",
        Code::WrongType,
        6,
        12,
        "{\"zh\": \"新题库\"}",
        "要写成",
    ),
    (
        "too-few-options",
        Code::OptionCount,
        26,
        18,
        "Use 2 to 8 options; there are 1",
        "2 到 8 个",
    ),
    (
        "unknown-field-chinese",
        Code::UnknownField,
        57,
        7,
        "Unknown field \"答案\"; did you mean \"answer\"?",
        "是不是“answer”",
    ),
    (
        "unknown-field-typo",
        Code::UnknownField,
        32,
        7,
        "Unknown field \"anwser\"; did you mean \"answer\"?",
        "不认识的字段“anwser”",
    ),
    (
        "unknown-tag",
        Code::UnknownTag,
        35,
        16,
        "Tag \"member\" is not declared in tag_names; did you mean \"members\"?",
        "是不是“members”",
    ),
    (
        "unknown-type",
        Code::BadValue,
        55,
        15,
        "did you mean \"judge\"",
        "题型“判断”无效",
    ),
    (
        "wrong-type-version-string",
        Code::WrongType,
        4,
        14,
        "should be a number without quotes: write 1",
        "不要加引号",
    ),
];

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/malformed")
}

#[test]
fn every_malformed_file_gets_its_specific_message_and_place() {
    let mut failures = Vec::new();
    for &(name, code, line, column, en, zh) in EXPECTED {
        let file = format!("{name}.json");
        let bytes = std::fs::read(corpus_dir().join(&file)).unwrap();
        let checked = check_bank(&file, &bytes);
        let first = checked.diagnostics.first();
        let ok = first.is_some_and(|d| {
            d.code == code
                && (d.line, d.column) == (line, column)
                && d.message.en.contains(en)
                && d.message.zh.contains(zh)
                && d.file == file
        });
        if !ok {
            failures.push(format!(
                "{file}: expected {code:?} at {line}:{column}, got {first:#?}"
            ));
        }
        let has_errors = checked
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error);
        assert_eq!(
            checked.value.is_none(),
            has_errors,
            "{file}: a bank loads exactly when it has no errors"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_corpus_is_large_and_every_file_is_listed() {
    let mut files: Vec<String> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    files.sort();
    assert!(files.len() >= 30, "only {} malformed files", files.len());
    for file in files {
        let name = file.trim_end_matches(".json");
        assert!(
            EXPECTED.iter().any(|(listed, ..)| *listed == name),
            "{file} has no expectation"
        );
    }
}

#[test]
fn warnings_do_not_stop_a_bank_from_loading() {
    for name in ["missing-explanation", "multiple-with-one"] {
        let bytes = std::fs::read(corpus_dir().join(format!("{name}.json"))).unwrap();
        let checked = check_bank(name, &bytes);
        assert!(checked.value.is_some(), "{name} should load with a warning");
        assert_eq!(checked.error_count(), 0);
        assert_eq!(checked.warning_count(), 1);
    }
}
