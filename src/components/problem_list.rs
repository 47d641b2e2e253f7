//! The located problems of a bank or manifest, as `quizbank check` reports them.

use quiz_core::{Diagnostic, Lang, Severity};
use yew::prelude::*;

/// Props of [`ProblemList`].
#[derive(Properties, PartialEq)]
pub struct ProblemListProps {
    /// The problems, in file order.
    pub problems: Vec<Diagnostic>,
    /// The current language.
    pub lang: Lang,
}

/// Located problems of a bank or manifest file, the same report
/// `quizbank check` prints: place, field, question and message.
#[function_component(ProblemList)]
pub fn problem_list(props: &ProblemListProps) -> Html {
    html! {
        <ul class="problems">
            { for props.problems.iter().map(|problem| {
                let place = match props.lang {
                    Lang::Zh => format!("第 {} 行第 {} 列", problem.line, problem.column),
                    Lang::En => format!("Line {}, column {}", problem.line, problem.column),
                };
                let (class, label) = match (problem.severity, props.lang) {
                    (Severity::Error, Lang::Zh) => ("problem problem--error", "错误"),
                    (Severity::Error, Lang::En) => ("problem problem--error", "Error"),
                    (Severity::Warning, Lang::Zh) => ("problem problem--warning", "提示"),
                    (Severity::Warning, Lang::En) => ("problem problem--warning", "Warning"),
                };
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
