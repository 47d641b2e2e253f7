//! The hash route the page shows.

use crate::route::{current_hash, Route};
use gloo_events::EventListener;
use yew::prelude::*;

/// The current route, following `hashchange` so links, the back button and
/// deep links all work without a router dependency.
#[hook]
pub fn use_route() -> Route {
    let route = use_state(|| Route::parse(&current_hash()));
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    route.set(Route::parse(&current_hash()));
                })
            });
            move || drop(listener)
        });
    }
    (*route).clone()
}
