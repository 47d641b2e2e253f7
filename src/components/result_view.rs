//! The result of a finished attempt and the review of its questions.

use super::{CardFacts, PaperTexts, QuestionView, ResultCard};
use crate::i18n::{clock_text, date_time_text, strings};
use crate::platform::Platform;
use crate::quiz_state::QuizState;
use quiz_core::bank::QuestionType;
use quiz_core::session::{FinishReason, Mode, Outcome};
use quiz_core::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ResultView`].
#[derive(Properties, PartialEq)]
pub struct ResultViewProps {
    /// The finished quiz.
    pub state: Rc<QuizState>,
    /// The current language.
    pub lang: Lang,
    /// Start again with a fresh draw.
    pub on_retake: Callback<()>,
    /// The clock, for the local time on the result card, and the storage
    /// where the card remembers the member's name.
    pub platform: Platform,
}

/// The grade: score, pass or fail, time used, breakdowns by type and
/// chapter, and a review of every question with a "wrong only" filter.
#[function_component(ResultView)]
pub fn result_view(props: &ResultViewProps) -> Html {
    let text = strings(props.lang);
    let lang = props.lang;
    let session = &props.state.session;
    let bank = &props.state.bank;
    let grade = session.grade(bank);
    let wrong_only = use_state(|| false);
    let toggle = {
        let wrong_only = wrong_only.clone();
        Callback::from(move |_: Event| wrong_only.set(!*wrong_only))
    };
    let time_up = session
        .finished
        .is_some_and(|f| f.reason == FinishReason::TimeUp);
    let exam = session.plan.mode == Mode::Exam;
    let verdict = if grade.passed {
        text.passed
    } else {
        text.failed
    };
    let row = |label: String, b: &quiz_core::session::Breakdown| {
        html! {
            <tr>
                <th scope="row">{ label }</th>
                <td>{ format!("{}/{}", b.correct, b.total) }</td>
                <td>{ format!("{}/{}", b.score, b.max) }</td>
            </tr>
        }
    };
    // Column headers, so a screen reader names each figure's column.
    let head = |first: &'static str| {
        html! {
            <thead>
                <tr>
                    <th scope="col">{ first }</th>
                    <th scope="col">{ text.correct_count }</th>
                    <th scope="col">{ text.score_label }</th>
                </tr>
            </thead>
        }
    };
    let on_retake = props.on_retake.reform(|_: MouseEvent| ());
    // What an exam's result card says.
    let card = exam.then(|| {
        let ended = session.finished.map_or(session.started_ms, |f| f.at_ms);
        let offset = props.platform.clock.utc_offset_ms(ended);
        CardFacts {
            module_title: text.app_title.to_string(),
            bank_title: bank.title.get(lang).to_string(),
            bank_id: bank.id.clone(),
            score: format!("{} / {} {}", grade.score, grade.max, text.points),
            verdict: (verdict.to_string(), grade.passed),
            details: vec![
                format!(
                    "{} {}/{}",
                    text.correct_count,
                    grade.correct,
                    session.items.len()
                ),
                format!("{} {}", text.time_used, clock_text(grade.time_used_ms)),
            ],
            paper: session.plan.selection.paper_code().map(str::to_string),
            when: date_time_text(ended as i64 + offset),
        }
    });
    // The controls that had focus (the submit dialog's, or the question's
    // when time ran out) are gone: focus moves to the result's heading, so
    // keyboard and screen reader users start reading here.
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(heading) = heading.cast::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
        });
    }
    html! {
        <section class="result" aria-labelledby="result-heading">
            <h2 id="result-heading" tabindex="-1" ref={heading}>{ text.result_heading }</h2>
            if time_up {
                <p class="result__time-up" role="alert">{ text.time_up }</p>
            }
            <div class={classes!("score-card", if grade.passed { "score-card--passed" } else { "score-card--failed" })}>
                <p class="score-card__score"><span class="score-card__value">{ grade.score.to_string() }</span>{ format!(" / {} {}", grade.max, text.points) }</p>
                if exam {
                    <p class="score-card__verdict">{ verdict }</p>
                }
                <p class="score-card__meta">
                    { format!("{} {}/{}", text.correct_count, grade.correct, session.items.len()) }
                    { " · " }
                    { format!("{} {}", text.time_used, clock_text(grade.time_used_ms)) }
                </p>
                // The branch's shared paper, so a coordinator sees at a glance
                // that this is the paper the branch was sent.
                if let Some(code) = session.plan.selection.paper_code() {
                    <p class="score-card__paper">{ PaperTexts::of(lang).paper }{ " " }<strong>{ code.to_string() }</strong></p>
                }
            </div>
            if let Some(facts) = card {
                <ResultCard {facts} platform={props.platform.clone()} {lang} />
            }
            <h3>{ text.by_type }</h3>
            <table class="breakdown">
                { head(text.col_type) }
                <tbody>
                    { for grade.by_type.iter().map(|b| row(
                        QuestionType::from_key(&b.key).map_or(b.key.clone(), |k| k.label(lang).to_string()), b)) }
                </tbody>
            </table>
            if !grade.by_tag.is_empty() {
                <h3>{ text.by_tag }</h3>
                <table class="breakdown">
                    { head(text.col_tag) }
                    <tbody>{ for grade.by_tag.iter().map(|b| row(bank.tag_name(&b.key, lang), b)) }</tbody>
                </table>
            }
            <div class="result__actions">
                <button type="button" class="button result__retake" onclick={on_retake}>
                    { if exam { text.retake } else { text.practice_again } }
                </button>
            </div>
            <h3>{ text.review }</h3>
            <label class="toggle">
                <input type="checkbox" class="review__wrong-only" checked={*wrong_only} onchange={toggle} />
                { text.wrong_only }
            </label>
            <div class="review">
                { for session.items.iter().enumerate().filter(|(i, _)| !*wrong_only || !grade.outcomes[*i].is_correct()).filter_map(|(i, item)| {
                    let question = props.state.question(i)?.clone();
                    Some(html! {
                        <div class={classes!("review__item", (grade.outcomes[i] != Outcome::Correct).then_some("review__item--wrong"))} key={item.id.clone()}>
                            <QuestionView {question} item={item.clone()} number={i + 1} revealed={true}
                                outcome={grade.outcomes[i]} locked={true} {lang}
                                on_choose={Callback::noop()} on_judge={Callback::noop()} on_fill={Callback::noop()} />
                        </div>
                    })
                }) }
            </div>
        </section>
    }
}
