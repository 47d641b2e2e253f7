//! Matching typed answers the way a person would judge them.
//!
//! Members type on phones with Chinese input methods, which switch between
//! full-width and half-width forms: "１９２１" and "1921", "ＡＢＣ" and "abc",
//! "，" and "," must all count as the same answer.

/// Folds `text` for comparison: full-width letters, digits and punctuation
/// become half-width, common CJK punctuation becomes its ASCII counterpart,
/// letters become lower-case, and all white space is removed.
pub fn normalize_answer(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            // Full-width ASCII forms: ！ to ～.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '。' | '｡' => '.',
            '、' => ',',
            '“' | '”' | '「' | '」' | '『' | '』' => '"',
            '‘' | '’' => '\'',
            '【' | '〔' => '[',
            '】' | '〕' => ']',
            '《' | '〈' => '<',
            '》' | '〉' => '>',
            '—' | '–' => '-',
            '…' => '.',
            other => other,
        };
        if c.is_whitespace() {
            continue;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Whether a typed answer matches any of the accepted ones.
pub fn answer_matches(typed: &str, accepted: &[String]) -> bool {
    let typed = normalize_answer(typed);
    !typed.is_empty()
        && accepted
            .iter()
            .any(|answer| normalize_answer(answer) == typed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_width_case_and_spaces() {
        assert_eq!(normalize_answer("１９２１"), "1921");
        assert_eq!(normalize_answer("ＡＢＣ"), "abc");
        assert_eq!(normalize_answer(" One  Year "), "oneyear");
        assert_eq!(normalize_answer("实事求是，"), "实事求是,");
        assert_eq!(normalize_answer("实事　求是。"), "实事求是.");
        assert_eq!(normalize_answer("《党章》"), "<党章>");
    }

    #[test]
    fn matches_any_accepted_answer() {
        let accepted = vec!["一".to_string(), "1".to_string()];
        assert!(answer_matches("１", &accepted));
        assert!(answer_matches(" 一 ", &accepted));
        assert!(!answer_matches("二", &accepted));
        assert!(!answer_matches("   ", &accepted));
    }
}
