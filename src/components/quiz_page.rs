//! A running exam or practice round, then its result.

use super::{
    countdown_timer, CountdownTimerProps, QuestionNavigator, QuestionView, ResultView, SubmitDialog,
};
use crate::hooks::{
    use_countdown, use_host_events, use_quiz_keys, use_record_progress, use_save_unfinished,
};
use crate::i18n::strings;
use crate::platform::{Clock, Platform};
use crate::quiz_state::{answered_by_one_tap, QuizAction, QuizState};
use quiz_core::session::{Mode, Outcome};
use quiz_core::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`QuizPage`].
#[derive(Properties, PartialEq)]
pub struct QuizPageProps {
    /// The started attempt.
    pub initial: QuizState,
    /// The clock (`now_ms`, fresh seeds), the storage the unfinished exam
    /// is saved in after every answer, and the embedding page's host.
    pub platform: Platform,
    /// The page title (the bank's name).
    pub title: String,
    /// Where the "back" control leads: the bank page in the app, the
    /// editor in the workbench's "try it".
    pub back: Back,
    /// The attempt was resumed from storage.
    #[prop_or_default]
    pub resumed: bool,
    /// An unfinished exam was found but no longer fits the bank, so this
    /// is a new draw; the page says why.
    #[prop_or_default]
    pub resume_discarded: bool,
    /// The current language.
    pub lang: Lang,
}

/// Where the quiz's "back" control leads.
#[derive(Clone, PartialEq)]
pub enum Back {
    /// A link, e.g. to the bank page.
    Link(AttrValue),
    /// A callback, e.g. the workbench closing its "try it" without leaving
    /// the page (and the coordinator's draft).
    Action(Callback<()>),
}

/// A running exam or practice: the question, the controls, the navigator,
/// the countdown, the submit confirmation, then the result.
#[function_component(QuizPage)]
pub fn quiz_page(props: &QuizPageProps) -> Html {
    let text = strings(props.lang);
    let lang = props.lang;
    let state = {
        let initial = props.initial.clone();
        use_reducer(move || initial)
    };
    let clock = props.platform.clock.clone();
    let session = &state.session;
    let finished = session.is_finished();
    let timed = session.deadline_ms.is_some();

    use_countdown(state.dispatcher(), clock.clone(), timed && !finished);
    use_quiz_keys(state.dispatcher(), clock.clone(), !finished);
    use_record_progress(state.clone());
    use_host_events(props.platform.host.clone(), state.clone());
    let active_save_failed =
        use_save_unfinished(props.platform.storage.clone(), state.session.clone());

    let back = match &props.back {
        Back::Link(href) => html! {
            <a class="back-link" href={href.clone()}><span class="back-link__mark" aria-hidden="true">{ "← " }</span>{ text.back_to_bank }</a>
        },
        Back::Action(on_back) => html! {
            <button type="button" class="back-link button--secondary" onclick={on_back.reform(|_: MouseEvent| ())}><span class="back-link__mark" aria-hidden="true">{ "← " }</span>{ text.back_to_bank }</button>
        },
    };
    if finished {
        let on_retake = {
            let dispatcher = state.dispatcher();
            let clock = clock.clone();
            Callback::from(move |()| {
                dispatcher.dispatch(QuizAction::Restart {
                    seed: clock.fresh_seed(),
                    now_ms: clock.now_ms(),
                })
            })
        };
        return html! {
            <div class="quiz quiz--finished">
                { back }
                <ResultView state={Rc::new((*state).clone())} {lang} {on_retake} platform={props.platform.clone()} />
            </div>
        };
    }

    let index = session.current;
    let item = session.items[index].clone();
    let Some(question) = state.question(index).cloned() else {
        return html! {};
    };
    let practice = session.plan.mode == Mode::Practice;
    let revealed = practice && item.checked;
    let outcome = if revealed {
        session.outcome(index, &state.bank)
    } else {
        Outcome::Unanswered
    };
    let answered = session.items.len() - session.unanswered();
    let total = session.items.len();

    let on_choose = action(&state, &clock, move |shown, now_ms| QuizAction::Choose {
        index,
        shown,
        now_ms,
    });
    let on_judge = action(&state, &clock, move |value, now_ms| QuizAction::Judge {
        index,
        value,
        now_ms,
    });
    let on_fill = action(&state, &clock, move |(blank, text), now_ms| {
        QuizAction::Fill {
            index,
            blank,
            text,
            now_ms,
        }
    });
    let on_goto = action(&state, &clock, |to, _| QuizAction::Goto(to));
    let on_flag = action(&state, &clock, move |_: MouseEvent, _| {
        QuizAction::ToggleFlag(index)
    });
    let on_previous = action(&state, &clock, |_: MouseEvent, _| QuizAction::Previous);
    let on_next = action(&state, &clock, |_: MouseEvent, _| QuizAction::Next);
    let on_check = action(&state, &clock, |_: MouseEvent, now_ms| QuizAction::Check {
        now_ms,
    });
    let on_ask_submit = action(&state, &clock, |_: MouseEvent, _| QuizAction::AskSubmit);
    let on_finish_practice = action(&state, &clock, |_: MouseEvent, now_ms| QuizAction::Submit {
        now_ms,
    });
    let on_confirm = action(&state, &clock, |(), now_ms| QuizAction::Submit { now_ms });
    let on_cancel = action(&state, &clock, |(), _| QuizAction::CancelSubmit);
    let remaining = session.remaining_ms(state.now_ms);
    // The exam's whole length, so that the countdown announces only the
    // thresholds this exam crosses.
    let total_ms = session
        .deadline_ms
        .map_or(0, |deadline| deadline.saturating_sub(session.started_ms));

    html! {
        <div class={classes!("quiz", if practice { "quiz--practice" } else { "quiz--exam" })}>
            <div class="quiz__bar">
                { back }
                <p class="quiz__title">{ props.title.clone() }</p>
                <div class="quiz__status">
                    <span class="quiz__position">{ format!("{} {} {}", index + 1, text.question_of, total) }</span>
                    if let Some(remaining_ms) = remaining {
                        { countdown_timer(&CountdownTimerProps { remaining_ms, total_ms, lang }) }
                    }
                </div>
                <progress class="quiz__progress" max={total.to_string()} value={answered.to_string()}
                    aria-label={format!("{} {answered}/{total}", text.answered)}></progress>
            </div>
            if props.resumed && !practice {
                <p class="notice resumed" role="status">{ text.resumed }</p>
            }
            if props.resume_discarded && !practice {
                <p class="notice resume-discarded" role="status">{ text.resume_discarded }</p>
            }
            if active_save_failed {
                <p class="notice active-save-failed" role="alert">{ text.active_save_failed }</p>
            }
            <QuestionView question={question.clone()} item={item.clone()} number={index + 1} {revealed} {outcome}
                locked={revealed} {lang} {on_choose} {on_judge} {on_fill} />
            <div class="quiz__controls">
                <button type="button" class="button button--secondary quiz__previous" disabled={index == 0} onclick={on_previous}>{ text.previous }</button>
                if !practice {
                    <button type="button" class={classes!("button", "button--secondary", "quiz__flag", item.flagged.then_some("is-on"))}
                        aria-pressed={item.flagged.to_string()} onclick={on_flag}>
                        { if item.flagged { text.unflag } else { text.flag } }
                    </button>
                }
                // One-tap answers are checked as they are given.
                if practice && !item.checked && !answered_by_one_tap(session, index) {
                    <button type="button" class="button quiz__check" disabled={!item.response.is_answered()} onclick={on_check}>{ text.check_answer }</button>
                }
                if index + 1 < total {
                    <button type="button" class="button quiz__next" onclick={on_next}>{ text.next }</button>
                }
            </div>
            <QuestionNavigator items={session.items.clone()} current={index} {lang} {on_goto} />
            <div class="quiz__finish">
                if practice {
                    <button type="button" class="button button--secondary quiz__submit" onclick={on_finish_practice}>{ text.finish_practice }</button>
                } else {
                    <button type="button" class="button quiz__submit" onclick={on_ask_submit}>{ text.submit }</button>
                }
            </div>
            if state.confirming {
                <SubmitDialog unanswered={session.unanswered()} {lang} {on_confirm} {on_cancel} />
            }
        </div>
    }
}

/// A callback that dispatches the action `make` builds from the event's
/// value and the clock's time at that moment: actions carry `now_ms`, so
/// the reducer reads no clock.
fn action<T: 'static>(
    state: &UseReducerHandle<QuizState>,
    clock: &Rc<dyn Clock>,
    make: impl Fn(T, u64) -> QuizAction + 'static,
) -> Callback<T> {
    let (dispatcher, clock) = (state.dispatcher(), clock.clone());
    Callback::from(move |value| dispatcher.dispatch(make(value, clock.now_ms())))
}
