//! The modal confirmation before an exam is submitted.

use crate::i18n::strings;
use quiz_core::Lang;
use wasm_bindgen::JsCast;
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
    /// Keep answering: the buttons, Escape or the browser closed the dialog.
    pub on_cancel: Callback<()>,
}

/// "Submit now?", saying how many questions are unanswered, as a modal
/// `<dialog>`: opened with `showModal`, so it takes focus itself (screen
/// readers read its question and the unanswered count; a key press that
/// opened it cannot also press one of its buttons), its buttons are the
/// next Tab presses and Tab stays inside it, the page behind is inert, and
/// Escape closes it. The element that had focus before it opened gets it
/// back when it closes.
#[function_component(SubmitDialog)]
pub fn submit_dialog(props: &SubmitDialogProps) -> Html {
    let text = strings(props.lang);
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            let opener = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.active_element())
                .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
            let dialog = dialog.cast::<web_sys::HtmlDialogElement>();
            if let Some(dialog) = &dialog {
                // A dialog that cannot be modal (it is never already open
                // here) still shows its buttons, inline.
                if dialog.show_modal().is_err() {
                    dialog.set_open(true);
                }
                // Browsers that follow the older rule focus the first
                // button despite `autofocus` on the dialog.
                let _ = dialog.focus();
            }
            move || {
                // The page behind stays inert, and cannot take focus back,
                // until the dialog is closed; it is removed just after.
                if let Some(dialog) = dialog {
                    dialog.close();
                }
                // The opener is gone once the exam is submitted; the result
                // page then takes focus itself.
                if let Some(opener) = opener.filter(|opener| opener.is_connected()) {
                    let _ = opener.focus();
                }
            }
        });
    }
    let detail = if props.unanswered == 0 {
        text.all_answered.to_string()
    } else {
        format!("{} {}", props.unanswered, text.unanswered_left)
    };
    // A modal dialog keeps the page behind out of reach, but Tab past its
    // last button (or Shift+Tab before its first) would still leave for the
    // browser's own controls: wrap around inside it instead.
    let (keep_going, confirm) = (use_node_ref(), use_node_ref());
    let on_keep_focus = {
        let (keep_going, confirm) = (keep_going.clone(), confirm.clone());
        Callback::from(move |event: KeyboardEvent| {
            if event.key() != "Tab" {
                return;
            }
            let focused = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.active_element());
            let on = |button: &NodeRef| {
                button
                    .get()
                    .zip(focused.as_ref())
                    .is_some_and(|(button, focused)| button == *focused.unchecked_ref())
            };
            let to = match (event.shift_key(), on(&keep_going), on(&confirm)) {
                // Backwards from the first button or the dialog itself.
                (true, _, false) => &confirm,
                // Forwards from the last button.
                (false, _, true) => &keep_going,
                _ => return,
            };
            if let Some(to) = to.cast::<web_sys::HtmlElement>() {
                event.prevent_default();
                let _ = to.focus();
            }
        })
    };
    let on_confirm = props.on_confirm.reform(|_: MouseEvent| ());
    let on_keep_going = props.on_cancel.reform(|_: MouseEvent| ());
    // Escape fires `cancel`; the page's state closes the dialog by removing
    // it, so the browser's own closing is not needed.
    let on_escape = props
        .on_cancel
        .reform(|event: Event| event.prevent_default());
    // Whatever else closes it (a browser that ignores the above) tells the
    // page too.
    let on_close = props.on_cancel.reform(|_: Event| ());
    html! {
        <dialog ref={dialog} class="dialog" role="alertdialog" tabindex="-1" autofocus=true aria-labelledby="submit-title" aria-describedby="submit-detail"
            oncancel={on_escape} onclose={on_close} onkeydown={on_keep_focus}>
            <h2 id="submit-title">{ text.submit_confirm }</h2>
            <p id="submit-detail" class={classes!((props.unanswered > 0).then_some("dialog__warning"))}>{ detail }</p>
            <div class="dialog__actions">
                <button type="button" class="button button--secondary dialog__cancel" ref={keep_going} onclick={on_keep_going}>{ text.keep_going }</button>
                <button type="button" class="button dialog__confirm" ref={confirm} onclick={on_confirm}>{ text.submit }</button>
            </div>
        </dialog>
    }
}
