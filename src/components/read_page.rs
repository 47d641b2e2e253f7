//! 背题: reading a bank's questions with their answers.

use super::QuestionCard;
use crate::i18n::strings;
use crate::route::{Activity, Route, StudyOptions};
use quiz_core::{Bank, Lang};
use std::rc::Rc;
use yew::prelude::*;

/// What [`read_page`] shows.
#[derive(PartialEq)]
pub struct ReadPageProps {
    /// The bank to read.
    pub bank: Rc<Bank>,
    /// Only questions with this tag, when set.
    pub tag: Option<String>,
    /// The current language.
    pub lang: Lang,
}

/// 背题: every question with its answer, explanation and source, filtered
/// by chapter or topic through links (so the back button works).
pub fn read_page(props: &ReadPageProps) -> Html {
    let text = strings(props.lang);
    let lang = props.lang;
    let bank = &props.bank;
    let mut tags: Vec<&str> = Vec::new();
    for question in &bank.questions {
        for tag in &question.tags {
            if !tags.contains(&tag.as_str()) {
                tags.push(tag);
            }
        }
    }
    let link = |tag: Option<&str>| {
        Route::study(
            &bank.id,
            Activity::Read,
            StudyOptions {
                tag: tag.map(str::to_string),
                ..Default::default()
            },
        )
        .to_hash()
    };
    let shown: Vec<_> = bank
        .questions
        .iter()
        .filter(|q| props.tag.as_ref().is_none_or(|tag| q.tags.contains(tag)))
        .collect();
    html! {
        <section class="read" aria-labelledby="read-heading">
            <a class="back-link" href={Route::Bank { id: bank.id.clone() }.to_hash()}><span class="back-link__mark" aria-hidden="true">{ "← " }</span>{ text.back_to_bank }</a>
            <h2 id="read-heading">{ format!("{} · {}", bank.title.get(lang), text.read_label) }</h2>
            <nav class="tag-filter" aria-label={text.tags_heading}>
                <a class={classes!("tag", props.tag.is_none().then_some("tag--current"))} href={link(None)}
                    aria-current={props.tag.is_none().then_some("page")}>{ text.filter_all }</a>
                { for tags.iter().map(|tag| {
                    let current = props.tag.as_deref() == Some(*tag);
                    html! {
                        <a class={classes!("tag", current.then_some("tag--current"))} href={link(Some(tag))}
                            aria-current={current.then_some("page")} data-tag={tag.to_string()}>{ bank.tag_name(tag, lang) }</a>
                    }
                }) }
            </nav>
            <p class="read__count">{ format!("{} {}", shown.len(), text.questions_unit) }</p>
            <div class="question-list">
                { for shown.iter().enumerate().map(|(i, question)| html! {
                    <QuestionCard key={question.id.clone()} question={(*question).clone()} number={i + 1} {lang} />
                }) }
            </div>
        </section>
    }
}
