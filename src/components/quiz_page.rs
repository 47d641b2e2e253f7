//! A running exam or practice round, then its result.

use super::{CountdownTimer, QuestionNavigator, QuestionView, ResultView, SubmitDialog};
use crate::hooks::use_host;
use crate::hooks::{ProgressContext, ProgressEvent};
use crate::i18n::strings;
use crate::platform::Clock;
use crate::platform::HostEvent;
use crate::platform::StoreHandle;
use crate::progress_store::save_active;
use crate::quiz_state::{answered_by_one_tap, QuizAction, QuizState};
use gloo_events::EventListener;
use quiz_core::session::{Mode, Outcome};
use quiz_core::Lang;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`QuizPage`].
#[derive(Properties, PartialEq)]
pub struct QuizPageProps {
    /// The started attempt.
    pub initial: QuizState,
    /// The clock, for `now_ms` and fresh seeds.
    pub clock: ClockHandle,
    /// The page title (the bank's name).
    pub title: String,
    /// Where "back" leads.
    pub back: Back,
    /// The attempt was resumed from storage.
    #[prop_or_default]
    pub resumed: bool,
    /// An unfinished exam was found but no longer fits the bank, so this
    /// is a new draw; the page says why.
    #[prop_or_default]
    pub resume_discarded: bool,
    /// Where the unfinished exam is saved after every answer.
    #[prop_or_default]
    pub storage: Option<StoreHandle>,
    /// The current language.
    pub lang: Lang,
}

/// Where the quiz's "back" control leads.
#[derive(Clone, PartialEq)]
pub enum Back {
    /// A link, e.g. to the bank page.
    Link(String),
    /// A callback, e.g. to close a preview's practice.
    Action(Callback<()>),
}

/// A shared clock that compares by identity, for props.
#[derive(Clone)]
pub struct ClockHandle(pub Rc<dyn Clock>);

impl PartialEq for ClockHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
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
    let clock = props.clock.0.clone();
    let session = &state.session;
    let finished = session.is_finished();
    let timed = session.deadline_ms.is_some();

    // The countdown: a tick a second while a timed session runs, and one
    // at once whenever the page becomes visible again.
    {
        let dispatcher = state.dispatcher();
        let clock = clock.clone();
        use_effect_with(timed && !finished, move |running| {
            let mut guards = None;
            if *running {
                let tick = {
                    let dispatcher = dispatcher.clone();
                    let clock = clock.clone();
                    move || {
                        dispatcher.dispatch(QuizAction::Tick {
                            now_ms: clock.now_ms(),
                        })
                    }
                };
                tick();
                let interval = gloo_timers::callback::Interval::new(1_000, tick.clone());
                let visible = web_sys::window()
                    .and_then(|w| w.document())
                    .map(|document| {
                        EventListener::new(&document, "visibilitychange", move |_| tick())
                    });
                guards = Some((interval, visible));
            }
            move || drop(guards)
        });
    }
    // Keyboard: A–H / 1–8 choose, Enter confirms, arrows move.
    {
        let dispatcher = state.dispatcher();
        let clock = clock.clone();
        use_effect_with(finished, move |finished| {
            let listener = (!*finished)
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

    // Remember finished sessions and checked practice answers; the
    // progress hook saves them in its own effect.
    let progress = use_context::<ProgressContext>();
    {
        let (progress, state) = (progress.clone(), state.clone());
        use_effect_with(finished, move |finished| {
            if let (true, Some(progress)) = (*finished, progress) {
                progress.on_event.emit(ProgressEvent::Finished(
                    Rc::new(state.session.clone()),
                    state.bank.clone(),
                ));
            }
        });
    }
    {
        let checked: Vec<bool> = session.items.iter().map(|item| item.checked).collect();
        let (progress, state) = (progress.clone(), state.clone());
        let previous = use_mut_ref(|| checked.clone());
        use_effect_with(checked, move |checked| {
            let newly: Vec<usize> = checked
                .iter()
                .zip(previous.borrow().iter())
                .enumerate()
                .filter(|(_, (now, before))| **now && !**before)
                .map(|(index, _)| index)
                .collect();
            *previous.borrow_mut() = checked.clone();
            if let Some(progress) = progress {
                for index in newly {
                    let right = state.session.outcome(index, &state.bank).is_correct();
                    let question = state.session.items[index].id.clone();
                    progress.on_event.emit(ProgressEvent::Answered {
                        bank: state.bank.id.clone(),
                        question,
                        right,
                    });
                }
            }
        });
    }

    // Tell an embedding page when the quiz starts and when it is submitted.
    let host = use_host();
    {
        let (host, state) = (host.clone(), state.clone());
        use_effect_with((), move |_| {
            if !state.session.is_finished() {
                host.emit(HostEvent::started(&state.session));
            }
        });
    }
    {
        let state = state.clone();
        use_effect_with(finished, move |finished| {
            if *finished {
                host.emit(HostEvent::finished(&state.session, &state.bank));
            }
        });
    }

    // Save an unfinished exam after every change, so a reload or crash
    // resumes it; once finished it is removed (it is in the history).
    // A failed save is said on the page: the member must not reload.
    let active_save_failed = use_state(|| false);
    {
        let storage = props.storage.clone();
        let session = state.session.clone();
        let failed = active_save_failed.clone();
        use_effect_with(session, move |session| {
            if let Some(storage) = storage.filter(|_| session.plan.mode == Mode::Exam) {
                let saved = save_active(storage.0.as_ref(), session);
                if let Err(error) = &saved {
                    web_sys::console::warn_1(
                        &format!("quiz: could not save the exam: {error}").into(),
                    );
                }
                if *failed != saved.is_err() {
                    failed.set(saved.is_err());
                }
            }
        });
    }

    let back = match &props.back {
        Back::Link(href) => {
            html! { <a class="back-link" href={href.clone()}><span class="back-link__mark" aria-hidden="true">{ "← " }</span>{ text.back_to_bank }</a> }
        }
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
                <ResultView state={Rc::new((*state).clone())} {lang} {on_retake} clock={props.clock.clone()} storage={props.storage.clone()} />
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

    let dispatch = |make: fn(&Rc<dyn Clock>) -> QuizAction| {
        let dispatcher = state.dispatcher();
        let clock = clock.clone();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(make(&clock)))
    };
    let on_choose = {
        let dispatcher = state.dispatcher();
        let clock = clock.clone();
        Callback::from(move |shown| {
            dispatcher.dispatch(QuizAction::Choose {
                index,
                shown,
                now_ms: clock.now_ms(),
            })
        })
    };
    let on_judge = {
        let dispatcher = state.dispatcher();
        let clock = clock.clone();
        Callback::from(move |value| {
            dispatcher.dispatch(QuizAction::Judge {
                index,
                value,
                now_ms: clock.now_ms(),
            })
        })
    };
    let on_fill = {
        let dispatcher = state.dispatcher();
        let clock = clock.clone();
        Callback::from(move |(blank, text): (usize, String)| {
            dispatcher.dispatch(QuizAction::Fill {
                index,
                blank,
                text,
                now_ms: clock.now_ms(),
            })
        })
    };
    let on_goto = {
        let dispatcher = state.dispatcher();
        Callback::from(move |to| dispatcher.dispatch(QuizAction::Goto(to)))
    };
    let on_flag = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(QuizAction::ToggleFlag(index)))
    };
    let on_previous = dispatch(|_| QuizAction::Previous);
    let on_next = dispatch(|_| QuizAction::Next);
    let on_check = dispatch(|clock| QuizAction::Check {
        now_ms: clock.now_ms(),
    });
    let on_ask_submit = dispatch(|_| QuizAction::AskSubmit);
    let on_finish_practice = dispatch(|clock| QuizAction::Submit {
        now_ms: clock.now_ms(),
    });
    let on_confirm = {
        let dispatcher = state.dispatcher();
        let clock = clock.clone();
        Callback::from(move |()| {
            dispatcher.dispatch(QuizAction::Submit {
                now_ms: clock.now_ms(),
            })
        })
    };
    let on_cancel = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(QuizAction::CancelSubmit))
    };
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
                        <CountdownTimer {remaining_ms} {total_ms} {lang} />
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
            if *active_save_failed {
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
