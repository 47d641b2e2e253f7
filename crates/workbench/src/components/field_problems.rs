//! The problems of one field, shown beside it in the form.

use bank_tools::open::Problem;
use quiz_core::{Lang, Severity};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`FieldProblems`].
#[derive(Properties, PartialEq)]
pub struct FieldProblemsProps {
    /// The problems of the question or bank the form shows.
    pub problems: Rc<Vec<Problem>>,
    /// The field's path (`questions[3].answer`, `paper.sections`): the
    /// problems of it and of anything inside it are shown.
    pub path: AttrValue,
    /// Problems of exactly this path only (for a question's own line).
    #[prop_or_default]
    pub exact: bool,
    /// The current language.
    pub lang: Lang,
}

/// Whether `field` is `path` or inside it.
pub fn is_within(field: &str, path: &str) -> bool {
    field == path
        || field
            .strip_prefix(path)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

/// The messages of the problems at a field, right under it, as text.
#[function_component(FieldProblems)]
pub fn field_problems(props: &FieldProblemsProps) -> Html {
    let path = props.path.as_str();
    let mine: Vec<&Problem> = props
        .problems
        .iter()
        .filter(|p| {
            if props.exact {
                p.field == path
            } else {
                is_within(&p.field, path)
            }
        })
        .collect();
    if mine.is_empty() {
        return html! {};
    }
    html! {
        <ul class="wb-field-problems">
            { for mine.into_iter().map(|p| {
                let class = match p.severity {
                    Severity::Error => "wb-field-problem wb-field-problem--error",
                    Severity::Warning => "wb-field-problem wb-field-problem--warning",
                };
                html! { <li class={class}>{ p.message.get(props.lang).to_string() }</li> }
            }) }
        </ul>
    }
}
