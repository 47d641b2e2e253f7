//! The progress page's study calendar heat-map.

use crate::i18n::strings;
use quiz_core::progress::{date_of_day, Progress, CALENDAR_WEEKS};
use quiz_core::Lang;
use std::rc::Rc;
use yew::prelude::*;

crate::messages! {
    /// The calendar's own sentence.
    struct Text {}
    impl {
        /// How many of the calendar's days had study.
        fn summary(weeks: usize, days: usize):
            "最近 {weeks} 周中有 {days} 天学习",
            "Studied on {days} days in the last {weeks} weeks";
    }
}

/// What [`study_calendar`] shows.
#[derive(PartialEq)]
pub struct StudyCalendarProps {
    /// The member's progress.
    pub progress: Rc<Progress>,
    /// Today's day number, the calendar's last day.
    pub today: i32,
    /// The current language.
    pub lang: Lang,
}

/// The study calendar: a heat-map of the last weeks, a column a week and a
/// square a day, darker for more answers, so "grasp learning daily" shows
/// at a glance. Each square names its date and count on hover or focus.
pub fn study_calendar(props: &StudyCalendarProps) -> Html {
    let text = strings(props.lang);
    let weeks = props.progress.calendar(props.today, CALENDAR_WEEKS);
    let studied = weeks
        .iter()
        .flatten()
        .flatten()
        .filter(|day| day.answered > 0)
        .count();
    let summary = Text::of(props.lang).summary(CALENDAR_WEEKS, studied);
    html! {
        <section class="calendar" aria-labelledby="calendar-heading">
            <h3 id="calendar-heading">{ text.calendar_heading }</h3>
            <p class="calendar__summary">{ &summary }</p>
            <div class="calendar__grid" role="img" aria-label={summary.clone()}>
                { for weeks.iter().flatten().map(|day| match day {
                    Some(day) => {
                        let label = format!("{} · {} {}", date_of_day(day.day), day.answered, text.questions_unit);
                        html! {
                            <span class={format!("calendar__day calendar__day--{}", day.level)}
                                title={label} data-day={date_of_day(day.day)}></span>
                        }
                    }
                    None => html! { <span class="calendar__day calendar__day--future"></span> },
                }) }
            </div>
            <p class="calendar__legend" aria-hidden="true">
                { text.calendar_less }
                { for (0..=4).map(|level| html! { <span class={format!("calendar__day calendar__day--{level}")}></span> }) }
                { text.calendar_more }
            </p>
        </section>
    }
}
