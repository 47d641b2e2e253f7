use super::{ClockHandle, QuizPage};
use crate::i18n::strings;
use crate::quiz_state::QuizState;
use quiz_core::session::Plan;
use quiz_core::{Bank, Lang};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`QuizStarter`].
#[derive(Properties, PartialEq)]
pub struct QuizStarterProps {
    /// The bank to draw from.
    pub bank: Rc<Bank>,
    /// What to draw and how.
    pub plan: Plan,
    /// The clock for `now_ms` and the seed.
    pub clock: ClockHandle,
    /// The page title.
    pub title: String,
    /// Where "back" leads; see [`QuizPage`].
    pub back: super::quiz_page::Back,
    /// The current language.
    pub lang: Lang,
}

/// Starts an attempt once, when mounted (so re-renders, e.g. a language
/// switch, keep the same questions), then hands it to [`QuizPage`].
#[function_component(QuizStarter)]
pub fn quiz_starter(props: &QuizStarterProps) -> Html {
    let started = {
        let (bank, plan, clock) = (
            props.bank.clone(),
            props.plan.clone(),
            props.clock.0.clone(),
        );
        use_state(move || QuizState::start(bank, plan, clock.fresh_seed(), clock.now_ms()))
    };
    match &*started {
        Ok(initial) => html! {
            <QuizPage initial={initial.clone()} clock={props.clock.clone()} title={props.title.clone()}
                back={props.back.clone()} lang={props.lang} />
        },
        Err(_) => html! {
            <section class="not-found" role="alert">
                <p>{ strings(props.lang).no_questions }</p>
            </section>
        },
    }
}
