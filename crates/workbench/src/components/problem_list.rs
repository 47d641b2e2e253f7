use crate::i18n::strings;
use bank_tools::open::Problem;
use quiz_core::{Lang, Severity};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ProblemList`].
#[derive(Properties, PartialEq)]
pub struct ProblemListProps {
    /// The file the problems are in, named on every line.
    pub file: AttrValue,
    /// Every problem, in file order.
    pub problems: Rc<Vec<Problem>>,
    /// The current language.
    pub lang: Lang,
}

/// Every problem of an opened file at once, each with its place in the
/// file as the coordinator sees it (sheet row and column name, or line
/// and column), the question and field, and what to do. All text is
/// rendered as text: a cell holding HTML shows as the HTML it is.
#[function_component(ProblemList)]
pub fn problem_list(props: &ProblemListProps) -> Html {
    let text = strings(props.lang);
    let lang = props.lang;
    html! {
        <ol class="wb-problems">
            { for props.problems.iter().map(|problem| {
                let class = match problem.severity {
                    Severity::Error => "wb-problem wb-problem--error",
                    Severity::Warning => "wb-problem wb-problem--warning",
                };
                let label = problem.severity.label(lang);
                html! {
                    <li class={class}>
                        <span class="wb-problem__severity">{ label }</span>
                        <span class="wb-problem__place">
                            <span class="wb-problem__file">{ props.file.to_string() }</span>
                            { " " }{ problem.place.describe(lang) }
                        </span>
                        if let Some(question) = &problem.question {
                            <span class="wb-problem__question">{ text.question }{ " " }<code>{ question.clone() }</code></span>
                        }
                        if !problem.field.is_empty() {
                            <span class="wb-problem__field">{ text.field }{ " " }<code>{ problem.field.clone() }</code></span>
                        }
                        <span class="wb-problem__message">{ problem.message.get(lang).to_string() }</span>
                    </li>
                }
            }) }
        </ol>
    }
}
