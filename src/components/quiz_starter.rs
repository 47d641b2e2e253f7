//! Starts or resumes an attempt once, then hands it to the quiz page.

use super::{Back, QuizPage};
use crate::i18n::strings;
use crate::platform::Platform;
use crate::progress_store::load_active;
use crate::quiz_state::QuizState;
use quiz_core::session::{Mode, Plan};
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
    /// The clock for `now_ms` and the seed, and the storage an unfinished
    /// exam is resumed from and saved in.
    pub platform: Platform,
    /// The page title.
    pub title: String,
    /// Where the "back" control leads; see [`QuizPage`].
    pub back: Back,
    /// The current language.
    pub lang: Lang,
}

/// Starts an attempt once, when mounted (so re-renders, e.g. a language
/// switch, keep the same questions), then hands it to [`QuizPage`].
#[function_component(QuizStarter)]
pub fn quiz_starter(props: &QuizStarterProps) -> Html {
    let started = {
        let (bank, plan, clock, storage) = (
            props.bank.clone(),
            props.plan.clone(),
            props.platform.clock.clone(),
            props.platform.storage.clone(),
        );
        use_state(move || {
            let now = clock.now_ms();
            // An unfinished exam of this bank resumes where it was left, with
            // its deadline; if that passed meanwhile, it submits now. One
            // from another version of the bank, or that no longer fits its
            // questions, is not resumed, and the page says so.
            // A shared paper's link resumes only that paper: the member
            // opened it to take the branch's paper, not another exam.
            let saved = (plan.mode == Mode::Exam)
                .then(|| load_active(storage.as_ref(), &bank.id))
                .flatten()
                .filter(|session| session.plan.mode == Mode::Exam)
                .filter(|session| {
                    plan.selection.paper_code().is_none()
                        || session.plan.selection == plan.selection
                });
            let discarded = saved.as_ref().is_some_and(|session| {
                session.bank_version != bank.version || !session.fits(&bank)
            });
            let started = match saved.filter(|_| !discarded) {
                Some(mut session) => {
                    session.tick(now);
                    Ok((QuizState::resume(bank, session, now), true, false))
                }
                None => QuizState::start(bank, plan, clock.fresh_seed(), now)
                    .map(|state| (state, false, discarded)),
            };
            crate::platform::mark("quiz:session-started");
            started
        })
    };
    match &*started {
        Ok((initial, resumed, resume_discarded)) => html! {
            <QuizPage initial={initial.clone()} resumed={*resumed} resume_discarded={*resume_discarded} platform={props.platform.clone()}
                title={props.title.clone()} back={props.back.clone()} lang={props.lang} />
        },
        Err(_) => html! {
            <section class="not-found" role="alert">
                <p>{ strings(props.lang).no_questions }</p>
            </section>
        },
    }
}
