//! The quiz's keyboard: A–H / 1–8 choose, Enter confirms, arrows move.

use crate::platform::Clock;
use crate::quiz_state::{QuizAction, QuizState};
use gloo_events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// While `active`, turns the document's key presses into quiz actions
/// (what each key does is `QuizState`'s rule, tested natively); keys typed
/// into text fields stay there, and Enter on a focused button or link is
/// left to click it.
#[hook]
pub fn use_quiz_keys(
    dispatcher: UseReducerDispatcher<QuizState>,
    clock: Rc<dyn Clock>,
    active: bool,
) {
    use_effect_with(active, move |active| {
        let listener = active
            .then(|| web_sys::window().and_then(|w| w.document()))
            .flatten()
            .map(|document| {
                EventListener::new(&document, "keydown", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if event.ctrl_key() || event.meta_key() || event.alt_key() {
                        return;
                    }
                    let typing = event
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|el| {
                            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                        });
                    let key = event.key();
                    if typing && key != "Enter" {
                        return;
                    }
                    if key == "Enter" {
                        if let Some(el) = event
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        {
                            // Enter on a focused button already clicks it.
                            if el.tag_name() == "BUTTON" || el.tag_name() == "A" {
                                return;
                            }
                        }
                    }
                    // ← and → move between questions wherever focus is,
                    // answer options included (the README promises it);
                    // only text fields keep them, for the caret. Enter
                    // acts here alone: it must not also click whatever
                    // takes focus next, such as the submit dialog's
                    // buttons.
                    if matches!(key.as_str(), "ArrowLeft" | "ArrowRight" | "Enter") {
                        event.prevent_default();
                    }
                    dispatcher.dispatch(QuizAction::Key {
                        key,
                        now_ms: clock.now_ms(),
                    });
                })
            });
        move || drop(listener)
    });
}
