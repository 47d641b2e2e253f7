//! The interface language: chosen, remembered and switched.

use super::use_preference::{use_preference, Preference};
use crate::platform::KeyValueStore;
use quiz_core::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// The storage key of the language preference.
pub const LANGUAGE_KEY: &str = "lxyz-quiz:lang";

impl Preference for Lang {
    const KEY: &'static str = LANGUAGE_KEY;
    const ATTRIBUTE: &'static str = "lang";
    const NAME: &'static str = "language";

    fn code(self) -> &'static str {
        Lang::code(self)
    }

    fn parse(value: &str) -> Option<Lang> {
        Lang::parse(value)
    }
}

/// The interface language: Chinese unless the member chose English before
/// (see [`use_preference`]).
#[hook]
pub fn use_language(storage: Rc<dyn KeyValueStore>) -> (Lang, Callback<Lang>) {
    use_preference(storage)
}
