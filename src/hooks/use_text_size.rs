//! The text size (适老化): chosen, remembered and applied to the whole page.
//!
//! Every size in the style sheet is in `rem`, so scaling the root element's
//! font size scales text, spacing and controls together, on top of the
//! browser's or WeChat's own font setting.

use super::use_preference::{use_preference, Preference};
use crate::platform::KeyValueStore;
use std::rc::Rc;
use yew::prelude::*;

/// The storage key of the text-size preference.
pub const TEXT_SIZE_KEY: &str = "lxyz-quiz:text-size";

/// The three text sizes the header offers (标准 / 大 / 特大).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextSize {
    /// 标准: the browser's own size.
    #[default]
    Standard,
    /// 大: a quarter larger.
    Large,
    /// 特大: half as large again.
    Largest,
}

impl TextSize {
    /// Every size, smallest first, as the switch lists them.
    pub const ALL: [TextSize; 3] = [TextSize::Standard, TextSize::Large, TextSize::Largest];

    /// The stored value, also the root element's `data-text-size`, which
    /// the style sheet scales by.
    pub fn key(self) -> &'static str {
        match self {
            TextSize::Standard => "standard",
            TextSize::Large => "large",
            TextSize::Largest => "largest",
        }
    }

    /// Reads a stored value; anything else is `None` (and means standard).
    pub fn parse(value: &str) -> Option<TextSize> {
        TextSize::ALL.into_iter().find(|size| size.key() == value)
    }
}

impl Preference for TextSize {
    const KEY: &'static str = TEXT_SIZE_KEY;
    const ATTRIBUTE: &'static str = "data-text-size";
    const NAME: &'static str = "text size";

    fn code(self) -> &'static str {
        self.key()
    }

    fn parse(value: &str) -> Option<TextSize> {
        TextSize::parse(value)
    }
}

/// The text size and a callback to change it, applied to
/// `<html data-text-size>` (see [`use_preference`]): the switch works even
/// when the store is blocked.
#[hook]
pub fn use_text_size(storage: Rc<dyn KeyValueStore>) -> (TextSize, Callback<TextSize>) {
    use_preference(storage)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_round_trip_and_unknown_values_are_refused() {
        for size in TextSize::ALL {
            assert_eq!(TextSize::parse(size.key()), Some(size));
        }
        assert_eq!(TextSize::parse("huge"), None);
        assert_eq!(TextSize::default(), TextSize::Standard);
    }
}
