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
    out.extend(folded(text));
    out
}

/// Whether `a` and `b` are the same once folded as [`normalize_answer`]
/// folds them. It compares character by character and stops at the first
/// difference, copying nothing: the bank checker compares every pair of a
/// question's options, and options usually differ in their first
/// characters.
pub(crate) fn same_answer(a: &str, b: &str) -> bool {
    folded(a).eq(folded(b))
}

/// The characters of `text` as [`normalize_answer`] writes them.
fn folded(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .map(|c| match c {
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
        })
        .filter(|c| !c.is_whitespace())
        .flat_map(|c| {
            // Ideographs, most of a Chinese answer, have no case: only the
            // others are looked up in the case tables.
            let ideograph = ('\u{4E00}'..='\u{9FFF}').contains(&c);
            let (uncased, cased) = match ideograph {
                true => (Some(c), None),
                false => (None, Some(c.to_lowercase())),
            };
            uncased.into_iter().chain(cased.into_iter().flatten())
        })
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
    fn same_answer_compares_as_normalize_answer_folds() {
        let texts = [
            "坚持社会主义道路",
            "abc-1,2",
            "ＡＢＣ",
            "A B",
            "ab",
            "以上都是。",
            "以上都是.",
            "“四个意识”",
            "\"四个意识\"",
            "İ",
            "i\u{307}",
            "",
            " ",
        ];
        for a in texts {
            for b in texts {
                assert_eq!(
                    same_answer(a, b),
                    normalize_answer(a) == normalize_answer(b),
                    "{a:?} {b:?}"
                );
            }
        }
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
