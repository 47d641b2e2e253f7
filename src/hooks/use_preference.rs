//! A member's choice that is remembered and shown on the page's root
//! element: the interface language and the text size work the same way.

use crate::platform::KeyValueStore;
use std::rc::Rc;
use yew::prelude::*;

/// A choice kept in storage and applied as an attribute of `<html>`.
pub trait Preference: Copy + PartialEq + Default + 'static {
    /// The storage key.
    const KEY: &'static str;
    /// The root element's attribute that shows the choice (the style sheet
    /// and screen readers read it).
    const ATTRIBUTE: &'static str;
    /// What a console warning calls it.
    const NAME: &'static str;

    /// The stored value, also the attribute's value.
    fn code(self) -> &'static str;

    /// Reads a stored value; anything else is `None` (the default).
    fn parse(value: &str) -> Option<Self>;
}

/// The choice and a callback to change it. It is read from the store once;
/// a change is applied to `<html>` and saved in an effect, so a blocked
/// store only means the choice is forgotten on the next visit, never an
/// error on screen. Only an explicit choice is saved, so the default can
/// change later.
#[hook]
pub fn use_preference<T: Preference>(storage: Rc<dyn KeyValueStore>) -> (T, Callback<T>) {
    let value = {
        let storage = storage.clone();
        use_state(move || {
            storage
                .get(T::KEY)
                .ok()
                .flatten()
                .and_then(|value| T::parse(&value))
                .unwrap_or_default()
        })
    };
    let chosen = use_mut_ref(|| false);
    {
        let chosen = chosen.clone();
        use_effect_with(*value, move |value| {
            if let Some(root) = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.document_element())
            {
                let _ = root.set_attribute(T::ATTRIBUTE, value.code());
            }
            if *chosen.borrow() {
                if let Err(error) = storage.set(T::KEY, value.code()) {
                    web_sys::console::warn_1(
                        &format!("quiz: could not save the {}: {error}", T::NAME).into(),
                    );
                }
            }
        });
    }
    let on_change = {
        let value = value.clone();
        Callback::from(move |next: T| {
            *chosen.borrow_mut() = true;
            value.set(next);
        })
    };
    (*value, on_change)
}
