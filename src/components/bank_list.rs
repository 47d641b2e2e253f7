//! The home page: the banks, the study streak and the links to progress and backup.

use crate::i18n::strings;
use crate::route::{Page, QuestionSet, Route};
use quiz_core::progress::{study_streak, Progress};
use quiz_core::session::Score;
use quiz_core::{Lang, Manifest};
use std::rc::Rc;
use yew::prelude::*;

/// What [`bank_list`] shows.
#[derive(PartialEq)]
pub struct BankListProps {
    /// The banks to show.
    pub manifest: Rc<Manifest>,
    /// The current language.
    pub lang: Lang,
    /// The member's progress, for best scores and the study streak.
    pub progress: Option<Rc<Progress>>,
    /// Today's day number, for the streak.
    pub today: i32,
}

/// The home page's list of banks: title, description and question count.
pub fn bank_list(props: &BankListProps) -> Html {
    let text = strings(props.lang);
    let due_today = |bank: &str| {
        props
            .progress
            .as_ref()
            .map_or(0, |p| p.bank_tally(bank, props.today).due)
    };
    html! {
        <section class="bank-list" aria-labelledby="bank-list-heading">
            if let Some(progress) = props.progress.as_ref().filter(|p| !p.days.is_empty()) {
                <p class="streak">
                    <span>{ text.streak }{ " " }<strong>{ study_streak(progress, props.today) }</strong></span>
                    <span>{ text.today_answered }{ " " }<strong>{ progress.days.get(&props.today).map_or(0, |d| d.answered) }</strong></span>
                </p>
            }
            <nav class="home-nav">
                <a class="home-nav__link home-nav__progress" href={Route::Progress.href_from(Page::Main)}>{ text.nav_progress }</a>
                <a class="home-nav__link home-nav__backup" href={Route::Backup.href_from(Page::Main)}>{ text.nav_backup }</a>
            </nav>
            <h2 id="bank-list-heading">{ text.banks_heading }</h2>
            <ul class="bank-list__items">
                { for props.manifest.banks.iter().map(|bank| {
                    let due = due_today(&bank.id);
                    html! {
                    <li class="bank-card" key={bank.id.clone()} data-bank={bank.id.clone()}>
                        <h3 class="bank-card__title">
                            <a class="bank-card__link" href={Route::Bank { id: bank.id.clone() }.to_hash()}>
                                { bank.title.get(props.lang) }
                                // A mark for the eye alone: the link's name is the title.
                                <span class="bank-card__mark" aria-hidden="true">{ " ›" }</span>
                            </a>
                        </h3>
                        <p class="bank-card__description">{ bank.description.get(props.lang) }</p>
                        <p class="bank-card__meta">
                            <span class="bank-card__count">
                                { format!("{} {}", bank.count, text.questions_unit) }
                            </span>
                            <span class="bank-card__updated">
                                { format!("{} {}", text.updated, bank.updated) }
                            </span>
                            if let Some((score, max)) = props.progress.as_ref().and_then(|p| p.best_exam(&bank.id)) {
                                <span class="bank-card__best">
                                    { format!("{} {}/{}", text.best_score, Score(score), Score(max)) }
                                </span>
                            }
                        </p>
                        if due > 0 {
                            <a class="bank-card__due" href={Route::practice_set(&bank.id, QuestionSet::Due).to_hash()}>
                                { format!("{} {} {}", text.due_review, due, text.questions_unit) }
                            </a>
                        }
                    </li>
                    }
                }) }
            </ul>
            <p class="bank-list__texts">{ text.texts_in_force }</p>
        </section>
    }
}
