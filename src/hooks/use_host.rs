//! The façade for events sent to an embedding portal page.

use crate::platform::{Host, HostEvent};
use crate::quiz_state::QuizState;
use crate::route::link_language;
use gloo_events::EventListener;
use quiz_core::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// Tells the embedding page when a quiz starts (once, unless it opens
/// already finished) and when it is submitted, with its result, through
/// `host` (the platform's; on a page that is not embedded the boot script
/// drops the events).
#[hook]
pub fn use_host_events(host: Rc<dyn Host>, state: UseReducerHandle<QuizState>) {
    {
        let (host, state) = (host.clone(), state.clone());
        use_effect_with((), move |_| {
            if !state.session.is_finished() {
                host.post(&HostEvent::started(&state.session));
            }
        });
    }
    let finished = state.session.is_finished();
    use_effect_with(finished, move |finished| {
        if *finished {
            host.post(&HostEvent::finished(&state.session, &state.bank));
        }
    });
}

/// Applies `lang=zh|en` from the address (a menu link, or a host's
/// `configure`) when the page opens and whenever the hash changes, so a
/// member's own switch afterwards is not overridden.
#[hook]
pub fn use_link_language(on_switch_language: Callback<Lang>) {
    use_effect_with((), move |_| {
        let apply = move || {
            let hash = web_sys::window()
                .and_then(|window| window.location().hash().ok())
                .unwrap_or_default();
            if let Some(lang) = link_language(&hash) {
                on_switch_language.emit(lang);
            }
        };
        apply();
        let listener = web_sys::window()
            .map(|window| EventListener::new(&window, "hashchange", move |_| apply()));
        move || drop(listener)
    });
}
