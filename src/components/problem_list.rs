//! The located problems of a bank or manifest, as `quizbank check` reports them.

use quiz_core::{Diagnostic, Lang, Severity};
use yew::prelude::*;

crate::messages! {
    /// The problem list's own sentence.
    struct Text {}
    impl {
        /// Where a problem is in its file.
        fn place(line: usize, column: usize):
            "第 {line} 行第 {column} 列",
            "Line {line}, column {column}";
    }
}

/// What [`problem_list`] shows.
#[derive(PartialEq)]
pub struct ProblemListProps {
    /// The problems, in file order.
    pub problems: Vec<Diagnostic>,
    /// The current language.
    pub lang: Lang,
}

/// Located problems of a bank or manifest file, the same report
/// `quizbank check` prints: place, field, question and message.
pub fn problem_list(props: &ProblemListProps) -> Html {
    let text = Text::of(props.lang);
    html! {
        <ul class="problems">
            { for props.problems.iter().map(|problem| {
                let place = text.place(problem.line, problem.column);
                let class = match problem.severity {
                    Severity::Error => "problem problem--error",
                    Severity::Warning => "problem problem--warning",
                };
                let label = problem.severity.label(props.lang);
                html! {
                    <li class={class}>
                        <span class="problem__severity">{ label }</span>
                        <span class="problem__place">{ place }</span>
                        if let Some(question) = &problem.question {
                            <code class="problem__question">{ question.clone() }</code>
                        }
                        if !problem.path.is_empty() {
                            <code class="problem__path">{ problem.path.clone() }</code>
                        }
                        <span class="problem__message">{ problem.message.get(props.lang).to_string() }</span>
                    </li>
                }
            }) }
        </ul>
    }
}
