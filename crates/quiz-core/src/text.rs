//! Bilingual text as it appears in bank files.

use crate::Lang;
use serde::{Deserialize, Serialize};

/// A text with a required Chinese version and an optional English one.
///
/// Coordinators write Chinese first; English is added when someone has the
/// time, so the app must fall back to Chinese rather than show nothing.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalText {
    /// The Chinese text; always present.
    pub zh: String,
    /// The English text, when a translation exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl LocalText {
    /// Builds a text with both languages (used by tests and the importer).
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        LocalText {
            zh: zh.into(),
            en: Some(en.into()),
        }
    }

    /// The text to show in `lang`, falling back to Chinese when the English
    /// version is missing or blank.
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.en) {
            (Lang::En, Some(en)) if !en.trim().is_empty() => en,
            _ => &self.zh,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_falls_back_to_chinese() {
        let both = LocalText::new("党章", "Constitution");
        assert_eq!(both.get(Lang::En), "Constitution");
        assert_eq!(both.get(Lang::Zh), "党章");
        let zh_only = LocalText {
            zh: "党章".into(),
            en: None,
        };
        assert_eq!(zh_only.get(Lang::En), "党章");
        let blank_en = LocalText {
            zh: "党章".into(),
            en: Some("  ".into()),
        };
        assert_eq!(blank_en.get(Lang::En), "党章");
    }
}
