//! The list of an opened file's problems: each with where it is, what to
//! do, and (in the editor) a button that opens its field.

use crate::i18n::strings;
use bank_tools::open::{Place, Problem};
use quiz_core::{Lang, Severity};
use std::rc::Rc;
use yew::prelude::*;

quiz_app::messages! {
    /// The problem list's own words for where a problem is.
    struct Texts {
        /// Where a problem of the bank's own details is.
        bank_details: "题库信息", "bank details";
    }
    impl {
        /// Where a problem of a question is, by the question's number.
        fn question_number(number: usize): "第 {number} 题", "question {number}";
        /// The line that stands for the problems not drawn.
        fn more_problems(more: usize, shown: usize):
            "另有 {more} 个问题未列出（只列出前 {shown} 个）：改正上面的问题后会继续列出。",
            "{more} more problems are not listed (only the first {shown} are): they follow as those above are fixed.";
    }
}

/// The most problems drawn at once: more would slow the page while the
/// coordinator works through the first ones.
const SHOWN: usize = 200;

/// Props of [`ProblemList`].
#[derive(Properties, PartialEq)]
pub struct ProblemListProps {
    /// The file the problems are in, named on every line.
    pub file: AttrValue,
    /// Every problem, in file order.
    pub problems: Rc<Vec<Problem>>,
    /// The current language.
    pub lang: Lang,
    /// Called with a problem's field path when its "Open" is clicked; no
    /// button without it.
    #[prop_or_default]
    pub on_open: Option<Callback<String>>,
}

/// Where a problem is, in words: its place in the file when it has one,
/// else its question's number or the bank's details.
fn where_is(problem: &Problem, lang: Lang) -> String {
    if problem.place != Place::File {
        return problem.place.describe(lang);
    }
    match crate::editor::split_path(&problem.field) {
        Some((index, _)) => Texts::of(lang).question_number(index + 1),
        None if !problem.field.is_empty() => Texts::of(lang).bank_details.into(),
        None => problem.place.describe(lang),
    }
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
            { for props.problems.iter().take(SHOWN).map(|problem| {
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
                            { " " }{ where_is(problem, lang) }
                        </span>
                        if let Some(question) = &problem.question {
                            <span class="wb-problem__question">{ text.question }{ " " }<code>{ question.clone() }</code></span>
                        }
                        if !problem.field.is_empty() {
                            <span class="wb-problem__field">{ text.field }{ " " }<code>{ problem.field.clone() }</code></span>
                        }
                        <span class="wb-problem__message">{ problem.message.get(lang).to_string() }</span>
                        if let (Some(on_open), false) = (&props.on_open, problem.field.is_empty()) {
                            <button type="button" class="wb-problem__open"
                                aria-label={format!("{} {}", text.open_field, where_is(problem, lang))} onclick={{
                                let on_open = on_open.clone();
                                let field = problem.field.clone();
                                Callback::from(move |_: MouseEvent| on_open.emit(field.clone()))
                            }}>{ text.open_field }</button>
                        }
                    </li>
                }
            }) }
            if props.problems.len() > SHOWN {
                <li class="wb-problem wb-problem--more">
                    { Texts::of(lang).more_problems(props.problems.len() - SHOWN, SHOWN) }
                </li>
            }
        </ol>
    }
}
