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

/// Starts one of the module's pages (see [`route::Page`]): installs the
/// panic hook, loads the bank list and the linked bank (see [`startup`]),
/// then mounts [`app::AppShell`] in `#app`, replacing the static "loading"
/// text that the HTML page shows meanwhile. A link to a route of the other
/// page opens that page straight away, before anything loads.
pub fn run<P: app::Pages>() {
    platform::mark("quiz:wasm-started");
    platform::panic::install();
    let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("app"))
    else {
        web_sys::console::error_1(&"quiz: #app element is missing from the page".into());
        return;
    };
    let Ok(root) = root.dyn_into::<web_sys::Element>() else {
        return;
    };
    let platform = platform::Platform::members();
    let hash = route::current_hash();
    let route = route::Route::parse(&hash);
    if route.page() != P::PAGE {
        platform.host.open(&route.page().link(&hash));
        return;
    }
    // The files are on their way (the page preloads them): read the
    // member's progress meanwhile, rather than in the first render, which
    // would then be one long task with the page's first paint behind it
    // (opening storage and parsing a long history take tens of
    // milliseconds on a phone).
    let progress = progress_store::load(platform.storage.as_ref(), platform.clock.now_ms());
    wasm_bindgen_futures::spawn_local(async move {
        let preloaded = startup::preload(platform.fetcher.clone(), &route).await;
        root.set_text_content(None);
        let props = app::ShellProps {
            platform,
            preloaded_manifest: Some(preloaded.manifest),
            preloaded_bank: preloaded.bank,
            preloaded_progress: Some(std::rc::Rc::new(progress)),
        };
        yew::Renderer::<app::AppShell<P>>::with_root_and_props(root, props).render();
    });
}
