use crate::i18n::strings;
use quiz_core::Lang;
use yew::prelude::*;

/// Props of [`SubmitDialog`].
#[derive(Properties, PartialEq)]
pub struct SubmitDialogProps {
    /// Questions still unanswered.
    pub unanswered: usize,
    /// The current language.
    pub lang: Lang,
    /// Submit.
    pub on_confirm: Callback<()>,
    /// Keep answering.
    pub on_cancel: Callback<()>,
}

/// "Submit now?", saying how many questions are unanswered.
#[function_component(SubmitDialog)]
pub fn submit_dialog(props: &SubmitDialogProps) -> Html {
    let text = strings(props.lang);
    let detail = if props.unanswered == 0 {
        text.all_answered.to_string()
    } else {
        format!("{} {}", props.unanswered, text.unanswered_left)
    };
    let on_confirm = props.on_confirm.reform(|_: MouseEvent| ());
    let on_cancel = props.on_cancel.reform(|_: MouseEvent| ());
    html! {
        <div class="dialog-backdrop">
            <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="submit-title" aria-describedby="submit-detail">
                <h2 id="submit-title">{ text.submit_confirm }</h2>
                <p id="submit-detail" class={classes!((props.unanswered > 0).then_some("dialog__warning"))}>{ detail }</p>
                <div class="dialog__actions">
                    <button type="button" class="button button--secondary" onclick={on_cancel}>{ text.keep_going }</button>
                    <button type="button" class="button dialog__confirm" onclick={on_confirm}>{ text.submit }</button>
                </div>
            </div>
        </div>
    }
}
