//! The notation coordinators write in cells and text files: type names,
//! answer letters, 对/错, difficulty words, fill-in answers and tag lists.
//!
//! Reading is forgiving (full-width letters, Chinese punctuation, several
//! synonyms) because people type on Chinese input methods; writing uses one
//! canonical form so an exported sheet reads back unchanged.

use quiz_core::bank::{letter, Difficulty, QuestionType};
use quiz_core::normalize::normalize_answer;

/// A message in both languages, turned into an error by the caller, who
/// knows the row and column.
pub(crate) type Problem = (String, String);

/// Folds a header or keyword for matching: half-width, lower case, no
/// spaces, Chinese punctuation as ASCII.
pub(crate) fn fold(text: &str) -> String {
    normalize_answer(text)
}

/// Reads a question type as people write it: 单选, 单选题, single, …
pub(crate) fn parse_type(text: &str) -> Option<QuestionType> {
    let folded = fold(text);
    let kind = match folded.as_str() {
        "单选" | "单选题" | "单项选择" | "单项选择题" | "single" | "singlechoice" | "radio" => {
            QuestionType::Single
        }
        "多选" | "多选题" | "多项选择" | "多项选择题" | "不定项选择" | "不定项选择题"
        | "multiple" | "multiplechoice" | "multi" | "checkbox" => QuestionType::Multiple,
        "判断" | "判断题" | "是非" | "是非题" | "对错" | "judge" | "truefalse" | "true/false"
        | "true-false" | "tf" => QuestionType::Judge,
        "填空" | "填空题" | "fill" | "fillin" | "fill-in" | "blank" | "blanks" => {
            QuestionType::Fill
        }
        _ => return None,
    };
    Some(kind)
}

/// The type name written in exported sheets.
pub(crate) fn type_label(kind: QuestionType) -> &'static str {
    match kind {
        QuestionType::Single => "单选",
        QuestionType::Multiple => "多选",
        QuestionType::Judge => "判断",
        QuestionType::Fill => "填空",
    }
}

/// The message for a type cell that is not one of the four types.
pub(crate) fn unknown_type(text: &str) -> Problem {
    (
        format!("题型“{text}”无法识别：请写 单选、多选、判断 或 填空。"),
        format!("Unknown question type \"{text}\": write 单选 (single), 多选 (multiple), 判断 (true/false) or 填空 (fill)."),
    )
}

/// Reads option letters: `B`, `ACD`, `A,C,D`, `A、C、D`, `acd`, `ＡＣＤ`.
/// Returns the option indexes, ascending.
pub(crate) fn parse_letters(text: &str) -> Result<Vec<usize>, Problem> {
    let folded: String = fold(text)
        .chars()
        .filter(|c| !matches!(c, ',' | ';' | '/' | '|' | '.'))
        .collect();
    if folded.is_empty() {
        return Err((
            "答案是空的：请写正确选项的字母，例如 B 或 ACD。".into(),
            "The answer is empty: write the letters of the correct options, e.g. B or ACD.".into(),
        ));
    }
    let mut indexes = Vec::with_capacity(folded.len());
    for c in folded.chars() {
        if !c.is_ascii_lowercase() {
            return Err((
                format!("答案“{text}”无效：请只写选项字母，例如 B 或 ACD。"),
                format!("Answer \"{text}\" is invalid: write only option letters, e.g. B or ACD."),
            ));
        }
        let index = usize::from(c as u8 - b'a');
        if indexes.contains(&index) {
            return Err((
                format!("答案“{text}”里字母 {} 重复了。", letter(index)),
                format!("Answer \"{text}\" repeats the letter {}.", letter(index)),
            ));
        }
        indexes.push(index);
    }
    indexes.sort_unstable();
    Ok(indexes)
}

/// Checks that every answer letter names an existing option.
pub(crate) fn letters_in_range(
    text: &str,
    indexes: &[usize],
    options: usize,
) -> Result<(), Problem> {
    let Some(&bad) = indexes.iter().find(|&&i| i >= options) else {
        return Ok(());
    };
    if options == 0 {
        return Err((
            format!("答案是 {}，但这道题没有选项。", letter(bad)),
            format!(
                "The answer is {}, but the question has no options.",
                letter(bad)
            ),
        ));
    }
    Err((
        format!(
            "答案“{text}”里的 {} 不在选项中：只有 A 到 {} 共 {options} 个选项。",
            letter(bad),
            letter(options - 1)
        ),
        format!(
            "Answer \"{text}\": {} is not among the options; there are {options} (A to {}).",
            letter(bad),
            letter(options - 1)
        ),
    ))
}

/// Reads a true/false answer: 对/错, 正确/错误, √/×, true/false, T/F, …
pub(crate) fn parse_judge(text: &str) -> Result<bool, Problem> {
    match fold(text).as_str() {
        "对" | "正确" | "是" | "√" | "✓" | "✔" | "true" | "t" | "yes" | "y" | "right" => Ok(true),
        "错" | "错误" | "否" | "不对" | "×" | "✗" | "✘" | "x" | "false" | "f" | "no" | "n"
        | "wrong" => Ok(false),
        _ => Err((
            format!("判断题的答案“{text}”无法识别：请写“对”或“错”（也可写 正确/错误、√/×）。"),
            format!("True/false answer \"{text}\" is not recognised: write 对 (true) or 错 (false); 正确/错误, √/× and true/false also work."),
        )),
    }
}

/// The true/false answer written in exported sheets.
pub(crate) fn judge_label(answer: bool) -> &'static str {
    if answer {
        "对"
    } else {
        "错"
    }
}

/// Reads a difficulty: 易/中/难, 简单/一般/困难, easy/medium/hard, 1/2/3.
/// An empty cell is medium.
pub(crate) fn parse_difficulty(text: &str) -> Result<Difficulty, Problem> {
    match fold(text).as_str() {
        "" | "中" | "一般" | "中等" | "适中" | "普通" | "medium" | "normal" | "2" | "2.0" => {
            Ok(Difficulty::Medium)
        }
        "易" | "简单" | "容易" | "低" | "easy" | "1" | "1.0" => Ok(Difficulty::Easy),
        "难" | "困难" | "较难" | "高" | "hard" | "difficult" | "3" | "3.0" => Ok(Difficulty::Hard),
        _ => Err((
            format!("难度“{text}”无法识别：请写 易、中 或 难（也可写 1、2、3）。"),
            format!("Difficulty \"{text}\" is not recognised: write 易 (easy), 中 (medium) or 难 (hard), or 1, 2, 3."),
        )),
    }
}

/// The difficulty written in exported sheets.
pub(crate) fn difficulty_label(difficulty: Difficulty) -> &'static str {
    match difficulty {
        Difficulty::Easy => "易",
        Difficulty::Medium => "中",
        Difficulty::Hard => "难",
    }
}

/// Splits a tag cell on `,` `，` `、` `;` `；` and line breaks.
pub(crate) fn split_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for part in text.split([',', '，', '、', ';', '；', '\n']) {
        let tag = part.trim().trim_matches('\u{3000}').to_string();
        if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

/// Separators between the blanks of a fill-in answer.
const BLANK_SEPARATORS: [char; 4] = ['|', '｜', ';', '；'];
/// Separators between the accepted answers of one blank.
const ALTERNATIVE_SEPARATORS: [char; 2] = ['/', '／'];

/// Reads a fill-in answer: blanks separated by `|` or `;`, accepted
/// answers of one blank by `/`, e.g. `一/1|两年`. A backslash makes the
/// next character literal, so `2\/3` is the single answer "2/3".
pub(crate) fn parse_fill(text: &str) -> Result<Vec<Vec<String>>, Problem> {
    let mut blanks = Vec::new();
    for (i, blank) in split_escaped(text, &BLANK_SEPARATORS).iter().enumerate() {
        let answers: Vec<String> = split_escaped(blank, &ALTERNATIVE_SEPARATORS)
            .iter()
            .map(|answer| unescape(answer).trim().to_string())
            .filter(|answer| !answer.is_empty())
            .collect();
        if answers.is_empty() {
            return Err((
                format!("第 {} 个空没有答案：多个空的答案用 | 分隔，例如 一/1|两年。", i + 1),
                format!("Blank {} has no answer: separate the answers of several blanks with |, e.g. one/1|two years.", i + 1),
            ));
        }
        blanks.push(answers);
    }
    Ok(blanks)
}

/// Reads the English fill-in answers, which may leave single blanks
/// empty (e.g. `|two years`) when only some have a translation.
pub(crate) fn parse_fill_optional(text: &str) -> Vec<Vec<String>> {
    split_escaped(text, &BLANK_SEPARATORS)
        .iter()
        .map(|blank| {
            split_escaped(blank, &ALTERNATIVE_SEPARATORS)
                .iter()
                .map(|answer| unescape(answer).trim().to_string())
                .filter(|answer| !answer.is_empty())
                .collect()
        })
        .collect()
}

/// Writes accepted answers in the notation `parse_fill` reads.
pub(crate) fn format_fill<'a>(blanks: impl IntoIterator<Item = &'a [String]>) -> String {
    blanks
        .into_iter()
        .map(|answers| {
            answers
                .iter()
                .map(|answer| escape(answer))
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// Splits on unescaped separators, keeping escapes for the next level.
fn split_escaped(text: &str, separators: &[char]) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            let current = parts.last_mut().expect("parts is never empty");
            current.push('\\');
            if let Some(next) = chars.next() {
                current.push(next);
            }
        } else if separators.contains(&c) {
            parts.push(String::new());
        } else {
            parts.last_mut().expect("parts is never empty").push(c);
        }
    }
    parts
}

/// Characters a backslash protects in fill-in answers.
fn is_special(c: char) -> bool {
    c == '\\' || BLANK_SEPARATORS.contains(&c) || ALTERNATIVE_SEPARATORS.contains(&c)
}

/// Removes the backslash before special characters; other backslashes are
/// kept, since people rarely mean them as escapes.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&next) = chars.peek() {
                if is_special(next) {
                    out.push(next);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_special(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Turns empty brackets such as `（　）` or `()` in a fill-in stem into
/// `____`, the blank mark of the bank format, unless the stem already marks
/// its blanks with underscores.
pub(crate) fn fill_stem(stem: &str) -> String {
    if quiz_core::bank::count_blanks(stem) > 0 {
        return stem.to_string();
    }
    let chars: Vec<char> = stem.chars().collect();
    let mut out = String::with_capacity(stem.len());
    let mut i = 0;
    while i < chars.len() {
        if matches!(chars[i], '(' | '（') {
            let mut j = i + 1;
            while j < chars.len() && (chars[j].is_whitespace() || chars[j] == '\u{3000}') {
                j += 1;
            }
            if j < chars.len() && matches!(chars[j], ')' | '）') {
                out.push_str("____");
                i = j + 1;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_letters_in_many_spellings() {
        assert_eq!(parse_letters("B"), Ok(vec![1]));
        assert_eq!(parse_letters("ACD"), Ok(vec![0, 2, 3]));
        assert_eq!(parse_letters("A,C,D"), Ok(vec![0, 2, 3]));
        assert_eq!(parse_letters("A、C、D"), Ok(vec![0, 2, 3]));
        assert_eq!(parse_letters("dca"), Ok(vec![0, 2, 3]));
        assert_eq!(parse_letters("ＡＣ"), Ok(vec![0, 2]));
        assert_eq!(parse_letters("Ａ，Ｃ"), Ok(vec![0, 2]));
        assert!(parse_letters("AA").is_err());
        assert!(parse_letters("对").is_err());
        assert!(parse_letters("").is_err());
    }

    #[test]
    fn reads_judge_answers() {
        for yes in ["对", "正确", "√", "true", "TRUE", "T", "ｔ"] {
            assert_eq!(parse_judge(yes), Ok(true), "{yes}");
        }
        for no in ["错", "错误", "×", "false", "F"] {
            assert_eq!(parse_judge(no), Ok(false), "{no}");
        }
        assert!(parse_judge("可能").is_err());
    }

    #[test]
    fn fill_answers_round_trip_with_escapes() {
        let blanks = parse_fill("一/1|两年；三").unwrap();
        assert_eq!(blanks, vec![vec!["一", "1"], vec!["两年"], vec!["三"]]);
        let fraction = parse_fill(r"三分之二/2\/3").unwrap();
        assert_eq!(fraction, vec![vec!["三分之二", "2/3"]]);
        let tricky = vec![vec![
            "a|b".to_string(),
            r"c\d".to_string(),
            "e;f/g".to_string(),
        ]];
        let written = format_fill(tricky.iter().map(Vec::as_slice));
        assert_eq!(parse_fill(&written).unwrap(), tricky);
        assert!(parse_fill("一||二").is_err());
        assert_eq!(
            parse_fill_optional("|two"),
            vec![Vec::<String>::new(), vec!["two".to_string()]]
        );
    }

    #[test]
    fn converts_empty_brackets_in_fill_stems() {
        assert_eq!(fill_stem("预备期为（　）年"), "预备期为____年");
        assert_eq!(fill_stem("a () b ( ) c"), "a ____ b ____ c");
        assert_eq!(fill_stem("已有____，（　）不变"), "已有____，（　）不变");
        assert_eq!(fill_stem("（注）没有空"), "（注）没有空");
    }

    #[test]
    fn splits_tags() {
        assert_eq!(
            split_tags("党章, 纪律，总纲、 党员;members"),
            vec!["党章", "纪律", "总纲", "党员", "members"]
        );
        assert!(split_tags("  ").is_empty());
    }

    #[test]
    fn reads_types_and_difficulty() {
        assert_eq!(parse_type("单选题"), Some(QuestionType::Single));
        assert_eq!(parse_type(" Multiple "), Some(QuestionType::Multiple));
        assert_eq!(parse_type("判断"), Some(QuestionType::Judge));
        assert_eq!(parse_type("填空"), Some(QuestionType::Fill));
        assert_eq!(parse_type("问答"), None);
        assert_eq!(parse_difficulty("1"), Ok(Difficulty::Easy));
        assert_eq!(parse_difficulty("困难"), Ok(Difficulty::Hard));
        assert_eq!(parse_difficulty(""), Ok(Difficulty::Medium));
        assert!(parse_difficulty("超难").is_err());
    }
}
