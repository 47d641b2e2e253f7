//! The Yew shell of the quiz module: it renders `quiz-core` state and sends
//! events; all browser I/O sits behind the traits in [`platform`] so tests can
//! inject faults.

pub mod app;
pub mod card;
pub mod components;
pub mod hooks;
pub mod i18n;
pub mod load;
pub mod messages;
pub mod platform;
pub mod progress_store;
pub mod quiz_state;
pub mod route;
pub mod startup;

use wasm_bindgen::JsCast;

/// Starts the app: installs the panic hook, loads the bank list and the
/// linked bank (see [`startup`]), then mounts [`app::Shell`] in `#app`,
/// replacing the static "loading" text that `index.html` shows meanwhile.
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
    let Ok(root) = root.dyn_into::<web_sys::Element>() else {
        return;
    };
    let platform = platform::Platform::browser();
    let route = route::Route::parse(&route::current_hash());
    wasm_bindgen_futures::spawn_local(async move {
        let preloaded = startup::preload(platform.fetcher.clone(), &route).await;
        root.set_text_content(None);
        let props = app::ShellProps {
            platform,
            preloaded_manifest: Some(preloaded.manifest),
            preloaded_bank: preloaded.bank,
        };
        yew::Renderer::<app::Shell>::with_root_and_props(root, props).render();
    });
}
