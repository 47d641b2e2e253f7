//! Where a coordinator gives the page a file: a drop zone and a file
//! picker, nothing uploaded.

use crate::i18n::strings;
use quiz_core::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`FileOpener`].
#[derive(Properties, PartialEq)]
pub struct FileOpenerProps {
    /// The current language.
    pub lang: Lang,
    /// Called with the file dropped or picked.
    pub on_open: Callback<web_sys::File>,
}

/// The drop zone and file picker. Nothing is uploaded: the chosen file is
/// handed to the page, which reads it in the browser.
#[function_component(FileOpener)]
pub fn file_opener(props: &FileOpenerProps) -> Html {
    let text = strings(props.lang);
    let dragging = use_state(|| false);
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            // Without this the browser opens the file itself on drop.
            event.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dragging = dragging.clone();
        let on_open = props.on_open.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            let file = event
                .data_transfer()
                .and_then(|transfer| transfer.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                on_open.emit(file);
            }
        })
    };
    let on_change = {
        let on_open = props.on_open.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_open.emit(file);
            }
            // Picking the same file again (after fixing it) must open it again.
            input.set_value("");
        })
    };
    let class = classes!("wb-drop", dragging.then_some("wb-drop--over"));
    html! {
        <section {class} ondragover={on_drag_over} ondragenter={Callback::from(|event: DragEvent| event.prevent_default())}
            ondragleave={on_drag_leave} ondrop={on_drop}>
            <p class="wb-drop__lead">{ text.drop_here }</p>
            <label class="file-pick">
                <span class="button">{ text.pick_file }</span>
                <input class="file-pick__input wb-drop__input" type="file"
                    accept=".xlsx,.xlsm,.xls,.ods,.csv,.gift,.txt,.json,application/json,text/csv"
                    onchange={on_change} />
            </label>
            <p class="wb-drop__note">{ text.formats }</p>
            <p class="wb-drop__note">{ text.nothing_uploaded }</p>
        </section>
    }
}
