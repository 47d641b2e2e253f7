//! One question to answer, by tap, key or typing.

use super::FavouriteButton;
use crate::i18n::strings;
use quiz_core::bank::{letter, Body, Question};
use quiz_core::session::{Item, Outcome, Response};
use quiz_core::Lang;
use yew::prelude::*;

/// Props of [`QuestionView`].
#[derive(Properties, PartialEq)]
pub struct QuestionViewProps {
    /// The bank question.
    pub question: Question,
    /// The session's item: option order and the member's answer.
    pub item: Item,
    /// Its 1-based number.
    pub number: usize,
    /// Show the solution (practice after checking, or a finished exam).
    pub revealed: bool,
    /// The answer's outcome, shown when revealed.
    pub outcome: Outcome,
    /// Answers can no longer change.
    pub locked: bool,
    /// The current language.
    pub lang: Lang,
    /// Chose the option at a display position.
    pub on_choose: Callback<usize>,
    /// Answered true or false.
    pub on_judge: Callback<bool>,
    /// Typed into blank `.0`.
    pub on_fill: Callback<(usize, String)>,
}

/// One question to answer: tap an option (or press A–H / 1–8), tap true or
/// false, or type into blanks. All bank text is rendered as text.
#[function_component(QuestionView)]
pub fn question_view(props: &QuestionViewProps) -> Html {
    let text = strings(props.lang);
    let lang = props.lang;
    let question = &props.question;
    let chosen: Vec<usize> = match &props.item.response {
        Response::Choices(chosen) => chosen.clone(),
        _ => Vec::new(),
    };
    let correct: Vec<usize> = match &question.body {
        Body::Single { answer, .. } => vec![*answer],
        Body::Multiple { answer, .. } => answer.clone(),
        _ => Vec::new(),
    };
    let answer_area = match &question.body {
        Body::Single { options, .. } | Body::Multiple { options, .. } => {
            let multiple = matches!(question.body, Body::Multiple { .. });
            html! {
                <div class="choices" role="group" aria-label={question.kind().label(lang)}>
                    { for props.item.order.iter().enumerate().map(|(shown, &option)| {
                        let selected = chosen.contains(&option);
                        let on_choose = props.on_choose.clone();
                        let class = classes!(
                            "choice",
                            selected.then_some("choice--selected"),
                            (props.revealed && correct.contains(&option)).then_some("choice--correct"),
                            (props.revealed && selected && !correct.contains(&option)).then_some("choice--wrong"),
                        );
                        html! {
                            <button type="button" {class}
                                role={if multiple { "checkbox" } else { "radio" }}
                                aria-checked={selected.to_string()}
                                disabled={props.locked}
                                data-option={option.to_string()}
                                onclick={Callback::from(move |_: MouseEvent| on_choose.emit(shown))}>
                                <span class="choice__letter" aria-hidden="true">{ letter(shown) }</span>
                                <span class="choice__text">{ options[option].text.get(lang).to_string() }</span>
                            </button>
                        }
                    }) }
                </div>
            }
        }
        Body::Judge { answer } => {
            let current = match props.item.response {
                Response::Judge(value) => Some(value),
                _ => None,
            };
            html! {
                <div class="choices choices--judge" role="group" aria-label={question.kind().label(lang)}>
                    { for [(true, text.true_label, "A"), (false, text.false_label, "B")].into_iter().map(|(value, label, key)| {
                        let on_judge = props.on_judge.clone();
                        let selected = current == Some(value);
                        let class = classes!(
                            "choice",
                            selected.then_some("choice--selected"),
                            (props.revealed && *answer == value).then_some("choice--correct"),
                            (props.revealed && selected && *answer != value).then_some("choice--wrong"),
                        );
                        html! {
                            <button type="button" {class} role="radio" aria-checked={selected.to_string()}
                                disabled={props.locked} data-judge={value.to_string()}
                                onclick={Callback::from(move |_: MouseEvent| on_judge.emit(value))}>
                                <span class="choice__letter" aria-hidden="true">{ key }</span>
                                <span class="choice__text">{ label }</span>
                            </button>
                        }
                    }) }
                </div>
            }
        }
        Body::Fill { blanks } => {
            let typed: Vec<String> = match &props.item.response {
                Response::Blanks(typed) => typed.clone(),
                _ => Vec::new(),
            };
            html! {
                <div class="blanks">
                    { for (0..blanks.len()).map(|blank| {
                        let on_fill = props.on_fill.clone();
                        let value = typed.get(blank).cloned().unwrap_or_default();
                        let oninput = Callback::from(move |event: InputEvent| {
                            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                                on_fill.emit((blank, input.value()));
                            }
                        });
                        html! {
                            <label class="blank">
                                <span class="blank__label">{ text.blank_label(blank + 1) }</span>
                                <input type="text" class="blank__input" {value} {oninput}
                                    disabled={props.locked} autocomplete="off" enterkeyhint="done"
                                    data-blank={blank.to_string()} />
                            </label>
                        }
                    }) }
                </div>
            }
        }
    };
    let verdict = match props.outcome {
        Outcome::Correct => ("verdict verdict--correct", text.correct),
        Outcome::Partial => ("verdict verdict--partial", text.partial),
        Outcome::Wrong => ("verdict verdict--wrong", text.wrong),
        Outcome::Unanswered => ("verdict verdict--wrong", text.unanswered),
    };
    html! {
        <article class="question" data-question={question.id.clone()} data-type={question.kind().key()}>
            <p class="question__meta">
                <span>{ format!("{}.", props.number) }</span>
                <span>{ question.kind().label(lang) }</span>
                <FavouriteButton question={question.id.clone()} {lang} />
            </p>
            <h2 class="question__stem">{ question.stem.get(lang).to_string() }</h2>
            { answer_area }
            if props.revealed {
                <section class="solution" aria-live="polite">
                    <p class={verdict.0}>{ verdict.1 }</p>
                    <p class="solution__answer"><strong>{ text.answer_label }{ "：" }</strong>{ answer_text(question, lang) }</p>
                    if let Some(explanation) = &question.explanation {
                        <p class="solution__explanation"><strong>{ text.explanation_label }{ "：" }</strong>{ explanation.get(lang).to_string() }</p>
                    }
                    if let Some(source) = &question.source {
                        <p class="solution__source"><strong>{ text.source_label }{ "：" }</strong>{ source.get(lang).to_string() }</p>
                    }
                </section>
            }
        </article>
    }
}

/// The correct answer as text, in bank option letters for choices.
pub fn answer_text(question: &Question, lang: Lang) -> String {
    let text = strings(lang);
    match &question.body {
        Body::Single { options, answer } => options[*answer].text.get(lang).to_string(),
        Body::Multiple { options, answer } => answer
            .iter()
            .map(|&i| options[i].text.get(lang).to_string())
            .collect::<Vec<_>>()
            .join("；"),
        Body::Judge { answer: true } => text.true_label.to_string(),
        Body::Judge { answer: false } => text.false_label.to_string(),
        Body::Fill { blanks } => blanks_text(blanks, lang),
    }
}

/// The first accepted answer of each blank in `lang` (Chinese when there is
/// no English one), joined.
pub fn blanks_text(blanks: &[quiz_core::bank::Blank], lang: Lang) -> String {
    blanks
        .iter()
        .map(|blank| match lang {
            Lang::En if !blank.en.is_empty() => blank.en[0].as_str(),
            _ => blank.zh[0].as_str(),
        })
        .collect::<Vec<_>>()
        .join(" / ")
}
