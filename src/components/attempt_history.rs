//! The progress page's history of finished exams and practice rounds.

use crate::i18n::{clock_text, date_time_text, strings};
use quiz_core::progress::Progress;
use quiz_core::session::Score;
use quiz_core::{Lang, Manifest};
use std::rc::Rc;
use yew::prelude::*;

/// Attempts listed at first and added by each "show more".
const PAGE: usize = 20;

/// Props of [`AttemptHistory`].
#[derive(Properties, PartialEq)]
pub struct AttemptHistoryProps {
    /// The member's progress; its attempts are stored oldest first.
    pub progress: Rc<Progress>,
    /// The banks, for their titles.
    pub manifest: Rc<Manifest>,
    /// The member's time-zone offset, for dates.
    pub utc_offset_ms: i64,
    /// The current language.
    pub lang: Lang,
}

/// The history of finished exams and practice rounds, newest first: bank,
/// mode, score, pass, time used and date, and each question's outcome.
#[function_component(AttemptHistory)]
pub fn attempt_history(props: &AttemptHistoryProps) -> Html {
    let text = strings(props.lang);
    let shown = use_state(|| PAGE);
    let attempts = &props.progress.attempts;
    if attempts.is_empty() {
        return html! { <p class="history__empty">{ text.history_empty }</p> };
    }
    let on_more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    let title = |bank: &str| {
        props.manifest.bank(bank).map_or(bank.to_string(), |entry| {
            entry.title.get(props.lang).to_string()
        })
    };
    html! {
        <>
            <ol class="history__list">
                { for attempts.iter().rev().take(*shown).map(|attempt| {
                    let exam = attempt.mode == "exam";
                    let mode = if exam { text.exam_label } else { text.practice_mode };
                    let when = date_time_text(attempt.started_ms as i64 + props.utc_offset_ms);
                    let wrong = attempt.outcomes.iter().filter(|(_, o)| *o != 'c').count();
                    html! {
                        <li class="history__item" key={attempt.id.clone()} data-bank={attempt.bank.clone()}>
                            <p class="history__head">
                                <strong>{ title(&attempt.bank) }</strong>{ " · " }{ mode }
                                <time class="history__when">{ when }</time>
                            </p>
                            <p class="history__figures">
                                <span>{ format!("{} {}/{}", text.score_label, Score(attempt.score), Score(attempt.max)) }</span>
                                if exam {
                                    <span class={if attempt.passed { "badge badge--passed" } else { "badge badge--failed" }}>
                                        { if attempt.passed { text.passed } else { text.failed } }
                                    </span>
                                }
                                <span>{ format!("{} {}", text.time_used, clock_text(attempt.duration_ms)) }</span>
                            </p>
                            if !attempt.outcomes.is_empty() {
                                <details class="history__outcomes">
                                    <summary>{ format!("{} ({} {} / {} {})", text.outcomes_label,
                                        attempt.outcomes.len() - wrong, text.correct_count, wrong, text.wrong) }</summary>
                                    <ol>
                                        { for attempt.outcomes.iter().map(|(id, outcome)| html! {
                                            <li class={format!("outcome outcome--{outcome}")}>
                                                <span class="outcome__mark" aria-hidden="true">{ mark(*outcome) }</span>
                                                { id }{ " " }{ outcome_text(*outcome, props.lang) }
                                            </li>
                                        }) }
                                    </ol>
                                </details>
                            }
                        </li>
                    }
                }) }
            </ol>
            if attempts.len() > *shown {
                <button type="button" class="button button--secondary history__more" onclick={on_more}>
                    { format!("{} ({})", text.show_more, attempts.len() - *shown) }
                </button>
            }
        </>
    }
}

fn mark(outcome: char) -> &'static str {
    match outcome {
        'c' => "✓",
        'p' => "◐",
        'w' => "✗",
        _ => "–",
    }
}

fn outcome_text(outcome: char, lang: Lang) -> &'static str {
    let text = strings(lang);
    match outcome {
        'c' => text.correct,
        'p' => text.partial,
        'w' => text.wrong,
        _ => text.unanswered,
    }
}
