//! A bank page's accuracy by chapter or topic.

use crate::i18n::strings;
use quiz_core::progress::Progress;
use quiz_core::{Bank, Lang};
use std::rc::Rc;
use yew::prelude::*;

/// What [`tag_accuracy`] shows.
#[derive(PartialEq)]
pub struct TagAccuracyProps {
    /// The bank, for its tags and their names.
    pub bank: Rc<Bank>,
    /// The member's progress.
    pub progress: Rc<Progress>,
    /// The current language.
    pub lang: Lang,
}

/// Accuracy by chapter or topic, so a member sees which chapters to study
/// again. Hidden until the member has answered something in the bank.
pub fn tag_accuracy(props: &TagAccuracyProps) -> Html {
    let text = strings(props.lang);
    let tallies = props.progress.tag_tallies(&props.bank);
    if tallies.iter().all(|t| t.answered == 0) {
        return html! {};
    }
    html! {
        <section class="tag-accuracy" aria-labelledby="tag-accuracy-heading">
            <h3 id="tag-accuracy-heading">{ text.by_chapter }</h3>
            <ul class="tag-accuracy__list">
                { for tallies.iter().map(|tally| {
                    let name = props.bank.tag_names.get(&tally.tag)
                        .map_or(tally.tag.as_str(), |name| name.get(props.lang));
                    html! {
                        <li class="tag-accuracy__item" data-tag={tally.tag.clone()}>
                            <span class="tag-accuracy__name">{ name }</span>
                            if let Some(percent) = tally.percent() {
                                // A meter, not a styled bar: no inline styles, so the
                                // portal's Content-Security-Policy can forbid them.
                                <meter class="tag-accuracy__bar" min="0" max="100" low="60" optimum="100"
                                    value={percent.to_string()} aria-hidden="true"></meter>
                                <span class="tag-accuracy__figure">
                                    { format!("{percent}% ({}/{})", tally.right, tally.answered) }
                                </span>
                            } else {
                                <span class="tag-accuracy__figure tag-accuracy__figure--none">{ text.not_answered_yet }</span>
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
