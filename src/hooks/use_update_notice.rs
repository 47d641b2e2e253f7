//! The "new questions available" notice from the service worker.

use gloo_events::EventListener;
use yew::prelude::*;

/// The window event the boot script raises when the service worker has
/// cached newly published questions.
pub const UPDATE_EVENT: &str = "lxyz-quiz:update";

/// Whether newly published questions are waiting for a reload.
///
/// The boot script marks `<html data-quiz-update>` too, so a notice that
/// arrived before the app mounted is not lost.
#[hook]
pub fn use_update_notice() -> bool {
    let waiting = use_state(|| {
        web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.document_element())
            .is_some_and(|root| root.has_attribute("data-quiz-update"))
    });
    {
        let waiting = waiting.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, UPDATE_EVENT, move |_| waiting.set(true))
            });
            move || drop(listener)
        });
    }
    *waiting
}
