//! The panel that explains a failed load instead of a blank page.

use super::{problem_list, ProblemListProps};
use crate::i18n::strings;
use crate::load::{LoadError, LoadProblem};
use quiz_core::Lang;
use yew::prelude::*;

/// What [`error_panel`] shows.
#[derive(PartialEq)]
pub struct ErrorPanelProps {
    /// What failed.
    pub error: LoadError,
    /// The current language.
    pub lang: Lang,
    /// Called when the member asks to try again.
    pub on_retry: Callback<()>,
}

/// A visible, specific explanation of a failed load, in place of a blank
/// page: which file, what is wrong, and a retry button.
pub fn error_panel(props: &ErrorPanelProps) -> Html {
    let text = strings(props.lang);
    let onclick = {
        let on_retry = props.on_retry.clone();
        Callback::from(move |_: MouseEvent| on_retry.emit(()))
    };
    html! {
        <section class="error-panel" role="alert" aria-labelledby="error-heading">
            <h2 id="error-heading">{ text.error_heading }</h2>
            <p class="error-panel__file">
                { text.error_file }{ "：" }<code>{ props.error.file.clone() }</code>
            </p>
            <p class="error-panel__message">{ props.error.message(props.lang) }</p>
            if let LoadProblem::Invalid(problems) = &props.error.problem {
                { problem_list(&ProblemListProps { problems: problems.clone(), lang: props.lang }) }
            }
            <p class="error-panel__help">{ text.error_help }</p>
            <button type="button" class="button" {onclick}>{ text.retry }</button>
        </section>
    }
}
