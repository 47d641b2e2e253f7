//! The coordinators' preview of a bank file picked on their device.

use super::{Back, BankSummary, ClockHandle, ProblemList, QuestionCard, QuizStarter};
use crate::i18n::strings;
use crate::route::Route;
use quiz_core::session::{Mode, Plan, Selection};
use quiz_core::{check_bank, Bank, Diagnostic, Lang, Severity};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// Props of [`PreviewPage`].
#[derive(Properties, PartialEq)]
pub struct PreviewPageProps {
    /// The clock, for practising with the previewed file.
    pub clock: ClockHandle,
    /// The current language.
    pub lang: Lang,
}

/// What the preview shows for the chosen file.
#[derive(Clone, PartialEq)]
enum Picked {
    Nothing,
    Unreadable,
    Checked {
        name: String,
        bank: Option<Rc<Bank>>,
        diagnostics: Rc<Vec<Diagnostic>>,
    },
}

/// The coordinators' preview: pick a bank file from this device (it is read
/// locally, never uploaded), see the same report `quizbank check` gives,
/// and read its questions before publishing.
#[function_component(PreviewPage)]
pub fn preview_page(props: &PreviewPageProps) -> Html {
    let text = strings(props.lang);
    let lang = props.lang;
    let picked = use_state(|| Picked::Nothing);
    let practising = use_state(|| false);
    if let (
        true,
        Picked::Checked {
            bank: Some(bank), ..
        },
    ) = (*practising, &*picked)
    {
        let on_back = {
            let practising = practising.clone();
            Callback::from(move |()| practising.set(false))
        };
        let plan = Plan {
            mode: Mode::Practice,
            selection: Selection::Sequential,
            time_limit_ms: None,
        };
        return html! {
            <QuizStarter bank={bank.clone()} {plan} clock={props.clock.clone()}
                title={bank.title.get(lang).to_string()} back={Back::Action(on_back)} {lang} />
        };
    }
    let on_practise = {
        let practising = practising.clone();
        Callback::from(move |_: MouseEvent| practising.set(true))
    };
    let on_change = {
        let picked = picked.clone();
        Callback::from(move |event: Event| {
            let Some(file) = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|input| input.files())
                .and_then(|files| files.get(0))
            else {
                return;
            };
            let picked = picked.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let result = JsFuture::from(file.array_buffer()).await;
                let Ok(buffer) = result else {
                    picked.set(Picked::Unreadable);
                    return;
                };
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                picked.set(check(name, &bytes));
            });
        })
    };
    let report = match &*picked {
        Picked::Nothing => html! {},
        Picked::Unreadable => {
            html! { <p class="preview__status preview__status--bad" role="alert">{ text.preview_read_failed }</p> }
        }
        Picked::Checked {
            name,
            bank,
            diagnostics,
        } => html! {
            <section class="preview__report" aria-live="polite">
                <h3><code>{ name.clone() }</code></h3>
                if !diagnostics.iter().any(|d| d.severity == Severity::Error) {
                    <p class="preview__status preview__status--ok">{ text.preview_ok }</p>
                } else {
                    <p class="preview__status preview__status--bad" role="alert">{ text.preview_refused }</p>
                }
                if !diagnostics.is_empty() {
                    <ProblemList problems={(**diagnostics).clone()} {lang} />
                }
                if let Some(bank) = bank {
                    <h3 class="preview__title">{ bank.title.get(lang).to_string() }</h3>
                    <button type="button" class="button preview__practise" onclick={on_practise.clone()}>{ text.practice_preview }</button>
                    <BankSummary bank={bank.clone()} {lang} />
                    <h3>{ text.question_list }</h3>
                    <div class="question-list">
                        { for bank.questions.iter().enumerate().map(|(i, question)| html! {
                            <QuestionCard key={question.id.clone()} question={question.clone()} number={i + 1} {lang} />
                        }) }
                    </div>
                }
            </section>
        },
    };
    html! {
        <section class="preview" aria-labelledby="preview-heading">
            <a class="back-link" href={Route::Home.to_hash()}><span class="back-link__mark" aria-hidden="true">{ "← " }</span>{ text.back_to_banks }</a>
            <h2 id="preview-heading">{ text.preview_heading }</h2>
            <p>{ text.preview_intro }</p>
            <label class="file-pick">
                <span class="button">{ text.preview_pick }</span>
                <input class="file-pick__input" type="file" accept=".json,application/json" onchange={on_change} />
            </label>
            { report }
        </section>
    }
}

/// Checks picked bytes; a pure step kept apart from the browser's file API.
fn check(name: String, bytes: &[u8]) -> Picked {
    let checked = check_bank(&name, bytes);
    Picked::Checked {
        name,
        bank: checked.value.map(Rc::new),
        diagnostics: Rc::new(checked.diagnostics),
    }
}
