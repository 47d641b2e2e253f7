//! A question shown with its answer, for reading (背题).

use super::question_view::blanks_text;
use super::FavouriteButton;
use crate::i18n::strings;
use quiz_core::bank::{letter, Body, Question};
use quiz_core::Lang;
use yew::prelude::*;

/// Props of [`QuestionCard`].
#[derive(Properties, PartialEq)]
pub struct QuestionCardProps {
    /// The question.
    pub question: Question,
    /// Its 1-based number in the list.
    pub number: usize,
    /// The current language.
    pub lang: Lang,
}

/// A question with its answer, explanation and source shown, for reading
/// (背题) and for coordinators' previews. All text is rendered as text
/// nodes: bank files are untrusted.
#[function_component(QuestionCard)]
pub fn question_card(props: &QuestionCardProps) -> Html {
    let text = strings(props.lang);
    let question = &props.question;
    let lang = props.lang;
    let answer: String = match &question.body {
        Body::Single { answer, .. } => letter(*answer).to_string(),
        Body::Multiple { answer, .. } => answer.iter().map(|&i| letter(i)).collect(),
        Body::Judge { answer: true } => text.judge_true.to_string(),
        Body::Judge { answer: false } => text.judge_false.to_string(),
        Body::Fill { blanks } => blanks_text(blanks, lang),
    };
    let correct: Vec<usize> = match &question.body {
        Body::Single { answer, .. } => vec![*answer],
        Body::Multiple { answer, .. } => answer.clone(),
        _ => Vec::new(),
    };
    html! {
        <article class="question-card" data-question={question.id.clone()}>
            <p class="question-card__meta">
                <span class="question-card__number">{ format!("{}.", props.number) }</span>
                <span class="question-card__type">{ question.kind().label(lang) }</span>
                <FavouriteButton question={question.id.clone()} {lang} />
            </p>
            <p class="question-card__stem">{ question.stem.get(lang).to_string() }</p>
            if !question.options().is_empty() {
                <ol class="question-card__options" type="A">
                    { for question.options().iter().enumerate().map(|(i, option)| {
                        let class = if correct.contains(&i) { "option option--correct" } else { "option" };
                        html! {
                            <li class={class}>
                                <span class="option__letter">{ format!("{}. ", letter(i)) }</span>
                                { option.text.get(lang).to_string() }
                            </li>
                        }
                    }) }
                </ol>
            }
            <p class="question-card__answer"><strong>{ text.answer_label }{ "：" }</strong>{ answer }</p>
            if let Some(explanation) = &question.explanation {
                <p class="question-card__explanation"><strong>{ text.explanation_label }{ "：" }</strong>{ explanation.get(lang).to_string() }</p>
            }
            if let Some(source) = &question.source {
                <p class="question-card__source"><strong>{ text.source_label }{ "：" }</strong>{ source.get(lang).to_string() }</p>
            }
        </article>
    }
}
