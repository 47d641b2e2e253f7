//! What a bank holds, shown on its page before a member chooses an activity.

use crate::i18n::strings;
use crate::route::{Activity, Route, StudyOptions};
use quiz_core::bank::QuestionType;
use quiz_core::{Bank, Lang};
use yew::prelude::*;

crate::messages! {
    /// The summary's own sentences.
    struct Text {}
    impl {
        /// The default paper in one line: questions, full marks, time
        /// limit and pass mark.
        fn paper_line(questions: u32, points: u32, minutes: u32, pass: u32):
            "{questions} 题 · 满分 {points} 分 · {minutes} 分钟 · 及格线 {pass}%",
            "{questions} questions · {points} points · {minutes} minutes · Pass mark {pass}%";
    }
}

/// What [`bank_summary`] shows.
#[derive(PartialEq)]
pub struct BankSummaryProps {
    /// The bank to describe.
    pub bank: std::rc::Rc<quiz_core::Bank>,
    /// The current language.
    pub lang: Lang,
}

/// What a bank holds: questions by type, chapters and topics (each a link
/// to practise it), and the default mock exam.
pub fn bank_summary(props: &BankSummaryProps) -> Html {
    let text = strings(props.lang);
    let bank: &Bank = &props.bank;
    let lang = props.lang;
    // Tags in the order the bank first uses them, which follows its chapters.
    let mut tags: Vec<(&str, usize)> = Vec::new();
    for question in &bank.questions {
        for tag in &question.tags {
            match tags.iter_mut().find(|(seen, _)| seen == tag) {
                Some((_, count)) => *count += 1,
                None => tags.push((tag, 1)),
            }
        }
    }
    let paper = &bank.paper;
    let paper_questions: u32 = paper.sections.iter().map(|s| s.count).sum();
    let paper_line = Text::of(lang).paper_line(
        paper_questions,
        paper.total_points(),
        paper.time_limit_minutes,
        paper.pass_percent,
    );
    html! {
        <section class="bank-summary" aria-labelledby="bank-contents-heading">
            <h3 id="bank-contents-heading">{ text.bank_contents }</h3>
            <dl class="type-counts">
                { for QuestionType::ALL.iter().map(|kind| html! {
                    <div class="type-counts__item" data-type={kind.key()}>
                        <dt>{ kind.label(lang) }</dt>
                        <dd>{ bank.count_of(*kind) }</dd>
                    </div>
                }) }
            </dl>
            if !tags.is_empty() {
                <h3>{ text.tags_heading }</h3>
                <p class="hint">{ text.topic_hint }</p>
                <ul class="tag-list">
                    { for tags.iter().map(|(tag, count)| {
                        let name = bank.tag_name(tag, lang);
                        let label = html! { <>{ name }<span class="tag__count">{ count }</span></> };
                        let href = Route::study(&bank.id, Activity::Practice, StudyOptions { tag: Some(tag.to_string()), ..Default::default() }).to_hash();
                        html! { <li data-tag={tag.to_string()}><a class="tag" {href}>{ label }</a></li> }
                    }) }
                </ul>
            }
            <h3>{ text.paper_heading }</h3>
            <p class="paper-line">{ paper_line }</p>
        </section>
    }
}
