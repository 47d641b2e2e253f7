//! What an opened bank is at a glance: its title, id, questions by type,
//! version and date, so a coordinator sees the file was read as they meant.

use crate::i18n::strings;
use quiz_core::{Bank, Lang, QuestionType};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`BankSummary`].
#[derive(Properties, PartialEq)]
pub struct BankSummaryProps {
    /// The bank that loaded.
    pub bank: Rc<Bank>,
    /// The current language.
    pub lang: Lang,
}

/// What an opened bank is: title, id, version, date and how many
/// questions of each type, so the coordinator sees at a glance that the
/// right file was read.
#[function_component(BankSummary)]
pub fn bank_summary(props: &BankSummaryProps) -> Html {
    let text = strings(props.lang);
    let bank = &props.bank;
    let by_type = QuestionType::ALL
        .iter()
        .map(|&kind| format!("{} {}", kind.label(props.lang), bank.count_of(kind)))
        .collect::<Vec<_>>()
        .join(" · ");
    html! {
        <section class="wb-summary">
            <h2 class="wb-summary__title">{ bank.title.get(props.lang).to_string() }</h2>
            <dl class="wb-summary__facts">
                <dt>{ text.bank_id }</dt><dd><code class="wb-summary__id">{ bank.id.clone() }</code></dd>
                <dt>{ text.question_count }</dt><dd class="wb-summary__count">{ bank.questions.len() }{ " (" }{ by_type }{ ")" }</dd>
                <dt>{ text.version }</dt><dd>{ bank.version }</dd>
                <dt>{ text.updated }</dt><dd>{ bank.updated.clone() }</dd>
            </dl>
        </section>
    }
}
