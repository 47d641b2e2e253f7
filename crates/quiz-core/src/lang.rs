//! The two interface languages.

use serde::{Deserialize, Serialize};

/// A language the app can show. Chinese is the members' language and the
/// default; English must work for everything too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    #[serde(rename = "zh")]
    Zh,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// The BCP 47 tag, for `<html lang>` and for storing the choice.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Reads a stored or URL-given language; anything unknown is `None` so the
    /// caller can fall back to the default instead of failing.
    pub fn parse(value: &str) -> Option<Lang> {
        let lower = value.trim().to_ascii_lowercase();
        if lower == "zh" || lower.starts_with("zh-") {
            Some(Lang::Zh)
        } else if lower == "en" || lower.starts_with("en-") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The other language, for a one-tap switch.
    pub fn toggled(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_and_rejects_unknown() {
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::parse(" EN "), Some(Lang::En));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
        assert_eq!(Lang::parse(Lang::En.code()), Some(Lang::En));
        assert_eq!(Lang::parse(Lang::Zh.code()), Some(Lang::Zh));
    }
}
