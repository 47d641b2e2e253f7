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
    // Chinese options mostly start with different ideographs, which fold
    // to themselves: those differ without setting up the folding.
    let ideograph = |text: &str| text.chars().next().filter(|&c| is_ideograph(c));
    if let (Some(x), Some(y)) = (ideograph(a), ideograph(b)) {
        if x != y {
            return false;
        }
    }
    folded(a).eq(folded(b))
}

/// Whether `c` is a common CJK ideograph: neither folded, nor white space,
/// nor cased.
fn is_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// The characters of `text` as [`normalize_answer`] writes them.
fn folded(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter_map(|c| {
        // Ideographs, most of a Chinese answer, are neither folded, nor
        // white space, nor cased: they skip the Unicode tables.
        if is_ideograph(c) {
            return Some(c);
        }
        let c = half_width(c);
        (!c.is_whitespace()).then(|| fold_case(c))
    })
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

/// A full-width or CJK punctuation character as its ASCII counterpart.
fn half_width(c: char) -> char {
    match c {
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
    }
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

    /// The folding written plainly, character by character, as it was
    /// before the fast paths.
    fn reference(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            let c = half_width(c);
            if c.is_whitespace() {
                continue;
            }
            out.push(fold_case(c));
        }
        out
    }

    #[test]
    fn fast_paths_fold_as_the_plain_rules() {
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
            "Éire",
            "éire",
            "ΣΑΣ",
            "σασ",
            "МОСКВА",
            "一\u{3000}二　三",
            "中文English混合ＴＥＸＴ！",
            "\u{4DFF}\u{4E00}\u{9FFF}\u{A000}",
            "",
            " ",
        ];
        for a in texts {
            assert_eq!(normalize_answer(a), reference(a), "{a:?}");
            for b in texts {
                assert_eq!(
                    same_answer(a, b),
                    reference(a) == reference(b),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    // Property tests run natively: proptest has no wasm32 backend here.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Comparing answers (with its shortcut for different first
        /// ideographs) agrees with comparing their folded forms.
        #[test]
        fn same_answer_is_equal_folding(
            a in "[一二中 Ａa。.\u{3000}\u{4DFF}\u{A000}]{0,4}",
            b in "[一二中 Ａa。.\u{3000}\u{4DFF}\u{A000}]{0,4}",
        ) {
            proptest::prop_assert_eq!(same_answer(&a, &b), reference(&a) == reference(&b));
        }
    }

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
    fn matches_any_accepted_answer() {
        let accepted = vec!["一".to_string(), "1".to_string()];
        assert!(answer_matches("１", &accepted));
        assert!(answer_matches(" 一 ", &accepted));
        assert!(!answer_matches("二", &accepted));
        assert!(!answer_matches("   ", &accepted));
    }
}
