//! 题库工作台, the coordinators' workbench: open the question files they
//! have (Excel, CSV, GIFT, Aiken, bank JSON) in the browser, see every
//! problem at its place, and download the files to publish, with no
//! toolchain and nothing uploaded.
//!
//! It is a page of its own, `workbench.html`, with its own WebAssembly, so
//! members never download it. The work is done by `bank-tools` (the same
//! code as `quizbank`), the member app's platform layer does the browser
//! I/O, and the components here only show and route.

pub mod components;
pub mod editor;
pub mod files;
pub mod hooks;
pub mod i18n;
pub mod opening;

use wasm_bindgen::JsCast;

/// Starts the workbench: installs the member app's panic notice and
/// mounts [`components::Workbench`] in `#app`, replacing the static
/// "loading" text of `workbench.html`.
pub fn run() {
    quiz_app::platform::panic::install();
    let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("app"))
        .and_then(|root| root.dyn_into::<web_sys::Element>().ok())
    else {
        web_sys::console::error_1(&"workbench: #app element is missing".into());
        return;
    };
    root.set_text_content(None);
    // `#qr=<link>`: the QR code of a shared paper's link, which the member
    // app's bank page opens (see `components::QrPage`).
    let hash = web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default();
    if hash.starts_with("#qr=") {
        let props = components::QrPageProps {
            hash,
            platform: quiz_app::platform::Platform::browser(),
        };
        yew::Renderer::<components::QrPage>::with_root_and_props(root, props).render();
        return;
    }
    let props = components::WorkbenchProps {
        platform: quiz_app::platform::Platform::browser(),
    };
    yew::Renderer::<components::Workbench>::with_root_and_props(root, props).render();
}
