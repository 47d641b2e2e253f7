//! The progress page's per-bank table.

use crate::i18n::strings;
use crate::route::{Page, QuestionSet, Route};
use quiz_core::progress::Progress;
use quiz_core::session::Score;
use quiz_core::{Lang, Manifest};
use std::rc::Rc;
use yew::prelude::*;

/// What [`bank_tally_table`] shows.
#[derive(PartialEq)]
pub struct BankTallyTableProps {
    /// The banks.
    pub manifest: Rc<Manifest>,
    /// The member's progress.
    pub progress: Rc<Progress>,
    /// Today's day number, for due reviews.
    pub today: i32,
    /// The current language.
    pub lang: Lang,
}

/// Per-bank figures side by side: questions answered, accuracy, reviews due
/// today (a link to review them), the wrong-answer book and the best exam.
pub fn bank_tally_table(props: &BankTallyTableProps) -> Html {
    let text = strings(props.lang);
    html! {
        <section class="tallies" aria-labelledby="tallies-heading">
            <h3 id="tallies-heading">{ text.tallies_heading }</h3>
            <table class="tallies__table">
                <thead>
                    <tr>
                        <th scope="col"><span class="sr-only">{ text.banks_heading }</span></th>
                        <th scope="col">{ text.col_answered }</th>
                        <th scope="col">{ text.col_accuracy }</th>
                        <th scope="col">{ text.col_due }</th>
                        <th scope="col">{ text.col_wrong }</th>
                        <th scope="col">{ text.col_best }</th>
                    </tr>
                </thead>
                <tbody>
                    { for props.manifest.banks.iter().map(|bank| {
                        let tally = props.progress.bank_tally(&bank.id, props.today);
                        html! {
                            <tr data-bank={bank.id.clone()}>
                                <th scope="row">
                                    <a href={Route::Bank { id: bank.id.clone() }.href_from(Page::Records)}>{ bank.title.get(props.lang) }</a>
                                </th>
                                // Each cell names its column for the narrow layout,
                                // where the rows stack (large text on a phone).
                                <td data-label={text.col_answered}>{ tally.questions }</td>
                                <td data-label={text.col_accuracy}>{ tally.percent().map_or("–".to_string(), |p| format!("{p}%")) }</td>
                                <td data-label={text.col_due}>{ count_link(tally.due, Route::practice_set(&bank.id, QuestionSet::Due).href_from(Page::Records)) }</td>
                                <td data-label={text.col_wrong}>{ count_link(tally.wrong_book, Route::practice_set(&bank.id, QuestionSet::Wrong).href_from(Page::Records)) }</td>
                                <td data-label={text.col_best}>{ props.progress.best_exam(&bank.id)
                                    .map_or("–".to_string(), |(score, max)| format!("{}/{}", Score(score), Score(max))) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </section>
    }
}

/// A count that links to practising those questions, when there are any.
fn count_link(count: u32, href: String) -> Html {
    if count > 0 {
        html! { <a {href}>{ count }</a> }
    } else {
        html! { { 0 } }
    }
}
