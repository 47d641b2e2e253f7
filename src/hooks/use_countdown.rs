//! The exam's countdown: the quiz's clock ticks while a timed session runs.

use crate::platform::Clock;
use crate::quiz_state::{QuizAction, QuizState};
use gloo_events::EventListener;
use std::rc::Rc;
use yew::prelude::*;

/// While `running`, dispatches a tick with the clock's time every second,
/// and one at once whenever the page becomes visible again (phones pause
/// timers in the background), so the countdown and the automatic submission
/// at the deadline follow the real time.
#[hook]
pub fn use_countdown(
    dispatcher: UseReducerDispatcher<QuizState>,
    clock: Rc<dyn Clock>,
    running: bool,
) {
    use_effect_with(running, move |running| {
        let mut guards = None;
        if *running {
            let tick = move || {
                dispatcher.dispatch(QuizAction::Tick {
                    now_ms: clock.now_ms(),
                })
            };
            tick();
            let interval = gloo_timers::callback::Interval::new(1_000, tick.clone());
            let visible = web_sys::window()
                .and_then(|w| w.document())
                .map(|document| EventListener::new(&document, "visibilitychange", move |_| tick()));
            guards = Some((interval, visible));
        }
        move || drop(guards)
    });
}
