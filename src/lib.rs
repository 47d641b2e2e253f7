//! The Yew shell of the quiz module: it renders `quiz-core` state and sends
//! events; all browser I/O sits behind the traits in [`platform`] so tests can
//! inject faults.

pub mod app;
pub mod components;
pub mod hooks;
pub mod i18n;
pub mod load;
pub mod platform;
pub mod progress_store;
pub mod quiz_state;
pub mod route;

use wasm_bindgen::JsCast;

/// Starts the app: installs the panic hook, then mounts [`app::App`] in
/// `#app`, replacing the static "loading" text that `index.html` shows while
/// the WASM downloads.
pub fn run() {
    platform::mark("quiz:wasm-started");
    platform::panic::install();
    let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("app"))
    else {
        web_sys::console::error_1(&"quiz: #app element is missing from index.html".into());
        return;
    };
    root.set_text_content(None);
    if let Ok(root) = root.dyn_into::<web_sys::Element>() {
        yew::Renderer::<app::App>::with_root(root).render();
    }
}
