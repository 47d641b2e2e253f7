//! The notice a shared paper's link shows when its code does not fit the
//! bank: the member must know this is not the branch's paper.

use super::PaperTexts;
use crate::route::Route;
use quiz_core::session::shared::CodeProblem;
use quiz_core::Lang;
use yew::prelude::*;

/// What [`paper_mismatch`] shows.
#[derive(PartialEq)]
pub struct PaperMismatchProps {
    /// The bank's id, for the link to its page.
    pub bank_id: String,
    /// The code as the link gave it.
    pub code: String,
    /// Why it does not fit.
    pub problem: CodeProblem,
    /// The current language.
    pub lang: Lang,
}

/// Says that the link's paper cannot be opened, why, and what to do, with
/// a link to the bank's page instead of a quietly different exam.
pub fn paper_mismatch(props: &PaperMismatchProps) -> Html {
    let texts = PaperTexts::of(props.lang);
    let why = match props.problem {
        CodeProblem::OtherBank => texts.other_bank,
        CodeProblem::Malformed => texts.malformed,
    };
    html! {
        <section class="not-found paper-mismatch" role="alert" aria-labelledby="paper-mismatch-heading">
            <h2 id="paper-mismatch-heading">{ texts.mismatch_heading }</h2>
            <p>{ why }</p>
            if !props.code.is_empty() {
                <p>{ texts.paper }{ " " }<code>{ props.code.clone() }</code></p>
            }
            <p>{ texts.mismatch_help }</p>
            <a class="button paper-mismatch__bank" href={Route::Bank { id: props.bank_id.clone() }.to_hash()}>{ texts.to_bank }</a>
        </section>
    }
}
