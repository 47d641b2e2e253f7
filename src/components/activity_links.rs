//! The bank page's ways to study: links for every activity and a form for a custom exam.

use crate::i18n::strings;
use crate::route::{Activity, QuestionSet, Route, StudyOptions, COUNT_RANGE};
use quiz_core::{Bank, Lang};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What [`activity_links`] shows.
#[derive(PartialEq)]
pub struct ActivityLinksProps {
    /// The bank.
    pub bank: Rc<Bank>,
    /// Questions of this bank in the member's wrong-answer book.
    pub wrong_count: usize,
    /// Questions of this bank the member marked as favourites.
    pub favourite_count: usize,
    /// Questions due for spaced review today (the link shows when any are).
    pub due_count: usize,
    /// The current language.
    pub lang: Lang,
}

/// The ways to study a bank, as plain links (so portal menus and WeChat can
/// link to them too), and a small form for a custom exam.
pub fn activity_links(props: &ActivityLinksProps) -> Html {
    let text = strings(props.lang);
    let bank = &props.bank;
    let id = bank.id.clone();
    let link = |activity| Route::study(&id, activity, StudyOptions::default()).to_hash();
    let paper_count: u32 = bank.paper.sections.iter().map(|s| s.count).sum();
    let on_submit = {
        let id = id.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(form) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            else {
                return;
            };
            let value = |name: &str| {
                form.get_with_name(name)
                    .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
                    .and_then(|input| input.value().trim().parse::<u32>().ok())
            };
            let options = StudyOptions {
                count: value("n").map(|n| n.clamp(*COUNT_RANGE.start(), *COUNT_RANGE.end())),
                seconds: value("minutes").map(|m| m.clamp(1, 180) * 60),
                ..Default::default()
            };
            if let Some(window) = web_sys::window() {
                let _ = window
                    .location()
                    .set_hash(&Route::study(&id, Activity::Exam, options).to_hash());
            }
        })
    };
    let items = [
        (Activity::Exam, text.exam_label, text.exam_hint),
        (Activity::Practice, text.practice_label, text.practice_hint),
        (
            Activity::Sequential,
            text.sequential_label,
            text.sequential_hint,
        ),
        (Activity::Read, text.read_label, text.read_hint),
    ];
    // The member's own sets, shown when they hold any question.
    let own_sets = [
        (
            QuestionSet::Due,
            props.due_count,
            text.due_review,
            text.due_review_hint,
        ),
        (
            QuestionSet::Wrong,
            props.wrong_count,
            text.wrong_book,
            text.wrong_book_hint,
        ),
        (
            QuestionSet::Favourites,
            props.favourite_count,
            text.favourites,
            text.favourites_hint,
        ),
    ];
    html! {
        <section class="activities" aria-labelledby="activities-heading">
            <h3 id="activities-heading">{ text.activities_heading }</h3>
            <ul class="activities__list">
                { for items.into_iter().map(|(activity, label, hint)| html! {
                    <li>
                        <a class={classes!("activity", format!("activity--{}", activity.key()))} href={link(activity)}>
                            <span class="activity__label">{ label }</span>
                            <span class="activity__hint">{ hint }</span>
                        </a>
                    </li>
                }) }
            </ul>
            <ul class="activities__list activities__list--mine">
                <li>
                    <a class="activity activity--daily" href={Route::practice_set(&id, QuestionSet::Daily).to_hash()}>
                        <span class="activity__label">{ text.daily }</span>
                        <span class="activity__hint">{ text.daily_hint }</span>
                    </a>
                </li>
                { for own_sets.into_iter().filter(|(_, count, _, _)| *count > 0).map(|(set, count, label, hint)| html! {
                    <li>
                        <a class={format!("activity activity--{}", set.key())} href={Route::practice_set(&id, set).to_hash()}>
                            <span class="activity__label">{ format!("{label} ({count})") }</span>
                            <span class="activity__hint">{ hint }</span>
                        </a>
                    </li>
                }) }
            </ul>
            <form class="custom-exam" onsubmit={on_submit}>
                <h4>{ text.custom_exam }</h4>
                <label>{ text.question_count }
                    <input type="number" name="n" inputmode="numeric" min="1" max="100" value={paper_count.to_string()} />
                </label>
                <label>{ text.time_minutes }
                    <input type="number" name="minutes" inputmode="numeric" min="1" max="180" value={bank.paper.time_limit_minutes.to_string()} />
                </label>
                <button type="submit" class="button">{ text.start }</button>
            </form>
        </section>
    }
}
