//! The exam countdown, derived from the deadline, with sparing announcements.

use crate::i18n::{clock_text, strings};
use quiz_core::Lang;
use yew::prelude::*;

/// The times left, in seconds and longest first, that screen readers hear
/// announced; an exam hears only those shorter than itself.
const THRESHOLDS_S: [u64; 4] = [15 * 60, 5 * 60, 60, 10];

/// How long an announcement stays in the live region after its threshold is
/// crossed, in seconds: long enough for a tick a second to place it, short
/// enough that a screen reader browsing the page never reads it out stale.
const SHOWN_FOR_S: u64 = 10;

/// The id of the timer's visible label, which names it.
const LABEL_ID: &str = "timer-label";

/// What [`countdown_timer`] shows.
#[derive(PartialEq)]
pub struct CountdownTimerProps {
    /// Milliseconds left.
    pub remaining_ms: u64,
    /// The exam's whole length in milliseconds, so that a short exam is
    /// never told of a threshold it started below.
    pub total_ms: u64,
    /// The current language.
    pub lang: Lang,
}

/// The always-visible countdown, named by its label. Screen readers hear it
/// only as it crosses 15 minutes, 5 minutes, one minute and ten seconds
/// left, and only those thresholds the exam's length crosses, never every
/// second.
pub fn countdown_timer(props: &CountdownTimerProps) -> Html {
    let text = strings(props.lang);
    let seconds = props.remaining_ms.div_ceil(1000);
    let announcement = match crossed_threshold(seconds, props.total_ms.div_ceil(1000)) {
        Some(10) => text.time_ten_seconds.to_string(),
        Some(60) => text.time_warning.to_string(),
        Some(threshold) => text.time_minutes_left(threshold / 60),
        None => String::new(),
    };
    let class = classes!("timer", (seconds <= 60).then_some("timer--warning"));
    html! {
        <div class={class}>
            <span class="timer__label" id={LABEL_ID}>{ text.time_left }</span>
            <span role="timer" aria-live="off" aria-labelledby={LABEL_ID} class="timer__value">{ clock_text(props.remaining_ms) }</span>
            <span class="sr-only" aria-live="assertive" aria-atomic="true">{ announcement }</span>
        </div>
    }
}

/// The threshold just crossed with `remaining_s` left of an exam `total_s`
/// long: one shorter than the exam, crossed less than [`SHOWN_FOR_S`]
/// seconds ago (the last one stays until the end).
fn crossed_threshold(remaining_s: u64, total_s: u64) -> Option<u64> {
    THRESHOLDS_S
        .into_iter()
        .filter(|&threshold| threshold < total_s)
        .find(|&threshold| {
            remaining_s <= threshold
                && (threshold <= SHOWN_FOR_S || remaining_s + SHOWN_FOR_S > threshold)
        })
}
