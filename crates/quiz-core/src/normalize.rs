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
        out.push(fold_case(c));
    }
    out
}

/// Lower-cases the letters of the scripts answers are written in here:
/// Latin (ASCII and Latin-1), Greek and Cyrillic; anything else (Chinese
/// above all) is kept as typed. The standard library's full Unicode table
/// would cost the WebAssembly 15 KB, for letters no bank uses.
pub fn fold_case(c: char) -> char {
    let shift = match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' | 'Α'..='Ρ' | 'Σ'..='Ϋ' | 'А'..='Я' => 32,
        'Ѐ'..='Џ' => 80,
        _ => return c,
    };
    char::from_u32(c as u32 + shift).unwrap_or(c)
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
    fn case_folds_as_the_standard_library_does_where_it_folds() {
        let mut folded = 0;
        for c in (0..0x1_0000).filter_map(char::from_u32) {
            let mine = fold_case(c);
            if mine != c {
                folded += 1;
                assert_eq!(
                    c.to_lowercase().collect::<String>(),
                    mine.to_string(),
                    "{c}"
                );
            }
        }
        // ASCII 26, Latin-1 30, Greek 24 + 2 with diacritics, Cyrillic 48.
        assert_eq!(folded, 130);
        assert_eq!(normalize_answer("Éire ΑΘΗΝΑ МОСКВА"), "éireαθηναмосква");
    }

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
