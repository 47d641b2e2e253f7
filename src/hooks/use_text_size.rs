//! The text size (适老化): chosen, remembered and applied to the whole page.
//!
//! Every size in the style sheet is in `rem`, so scaling the root element's
//! font size scales text, spacing and controls together, on top of the
//! browser's or WeChat's own font setting.

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

/// The text size and a callback to change it. The size is read from the
/// store once; a change is applied to `<html data-text-size>` and saved in
/// an effect, so a blocked store only means the choice is forgotten on the
/// next visit: the switch itself still works.
#[hook]
pub fn use_text_size(storage: Rc<dyn KeyValueStore>) -> (TextSize, Callback<TextSize>) {
    let size = {
        let storage = storage.clone();
        use_state(move || {
            storage
                .get(TEXT_SIZE_KEY)
                .ok()
                .flatten()
                .and_then(|value| TextSize::parse(&value))
                .unwrap_or_default()
        })
    };
    let chosen = use_mut_ref(|| false);
    {
        let chosen = chosen.clone();
        use_effect_with(*size, move |size| {
            if let Some(root) = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.document_element())
            {
                let _ = root.set_attribute("data-text-size", size.key());
            }
            // Only an explicit choice is saved, so the default can change later.
            if *chosen.borrow() {
                if let Err(error) = storage.set(TEXT_SIZE_KEY, size.key()) {
                    web_sys::console::warn_1(
                        &format!("quiz: could not save the text size: {error}").into(),
                    );
                }
            }
        });
    }
    let on_change = {
        let size = size.clone();
        Callback::from(move |next: TextSize| {
            *chosen.borrow_mut() = true;
            size.set(next);
        })
    };
    (*size, on_change)
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
