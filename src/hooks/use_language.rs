//! The interface language: chosen, remembered and switched.

use crate::platform::KeyValueStore;
use quiz_core::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// The storage key of the language preference.
pub const LANGUAGE_KEY: &str = "lxyz-quiz:lang";

/// The interface language: Chinese unless the member chose English before.
///
/// The choice is saved in an effect, so a blocked store only means the
/// choice is forgotten on the next visit, never an error on screen.
#[hook]
pub fn use_language(storage: Rc<dyn KeyValueStore>) -> (Lang, Callback<Lang>) {
    let lang = {
        let storage = storage.clone();
        use_state(move || {
            storage
                .get(LANGUAGE_KEY)
                .ok()
                .flatten()
                .and_then(|value| Lang::parse(&value))
                .unwrap_or_default()
        })
    };
    let chosen = use_mut_ref(|| false);
    {
        let chosen = chosen.clone();
        use_effect_with(*lang, move |lang| {
            if let Some(root) = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.document_element())
            {
                let _ = root.set_attribute("lang", lang.code());
            }
            // Only an explicit choice is saved, so the default can change later.
            if *chosen.borrow() {
                if let Err(error) = storage.set(LANGUAGE_KEY, lang.code()) {
                    web_sys::console::warn_1(
                        &format!("quiz: could not save the language: {error}").into(),
                    );
                }
            }
        });
    }
    let on_change = {
        let lang = lang.clone();
        Callback::from(move |next: Lang| {
            *chosen.borrow_mut() = true;
            lang.set(next);
        })
    };
    (*lang, on_change)
}
