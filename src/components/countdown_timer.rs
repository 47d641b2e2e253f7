use crate::i18n::{clock_text, strings};
use quiz_core::Lang;
use yew::prelude::*;

/// Props of [`CountdownTimer`].
#[derive(Properties, PartialEq)]
pub struct CountdownTimerProps {
    /// Milliseconds left.
    pub remaining_ms: u64,
    /// The current language.
    pub lang: Lang,
}

/// The always-visible countdown. Screen readers hear it only when it
/// crosses five minutes, one minute and ten seconds, not every second.
#[function_component(CountdownTimer)]
pub fn countdown_timer(props: &CountdownTimerProps) -> Html {
    let text = strings(props.lang);
    let seconds = props.remaining_ms.div_ceil(1000);
    let announcement = match seconds {
        0..=10 => text.time_ten_seconds,
        11..=60 => text.time_warning,
        61..=300 => text.time_five,
        _ => "",
    };
    let class = classes!("timer", (seconds <= 60).then_some("timer--warning"));
    html! {
        <div class={class}>
            <span class="timer__label">{ text.time_left }</span>
            <span role="timer" aria-live="off" class="timer__value">{ clock_text(props.remaining_ms) }</span>
            <span class="sr-only" aria-live="assertive" aria-atomic="true">{ announcement }</span>
        </div>
    }
}
