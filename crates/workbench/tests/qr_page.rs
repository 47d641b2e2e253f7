//! Browser tests of the workbench's QR page (`workbench.html#qr=<link>`),
//! which draws the QR code of a shared paper's link for coordinators.

#![cfg(target_arch = "wasm32")]

use quiz_app::platform::{MemoryStorage, Platform};
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen_test::*;
use workbench::components::{qr_link, qr_path, QrPage, QrPageProps};

wasm_bindgen_test_configure!(run_in_browser);

const LINK: &str = "https://portal.example.com/quiz/?bank=charter&mode=exam&paper=K7QF-3M2A";

/// Mounts the QR page for `hash` in a fresh element and lets it render.
async fn mount(hash: &str) -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let platform = Platform {
        storage: Rc::new(MemoryStorage::default()),
        ..Platform::browser()
    };
    let props = QrPageProps {
        hash: hash.to_string(),
        platform,
    };
    yew::Renderer::<QrPage>::with_root_and_props(root.clone(), props).render();
    for _ in 0..3 {
        yew::platform::time::sleep(Duration::from_millis(10)).await;
        yew::scheduler::flush().await;
    }
    root
}

/// `encodeURIComponent`, as the member app's link maker writes the hash.
fn encoded(link: &str) -> String {
    String::from(js_sys::encode_uri_component(link))
}

#[wasm_bindgen_test]
async fn the_link_is_drawn_as_a_qr_code_with_the_link_under_it() {
    let root = mount(&format!("#qr={}", encoded(LINK))).await;
    let svg = root
        .query_selector("svg.qr-page__code")
        .unwrap()
        .expect("a QR code");
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    // A version-5 code (37 modules) for this link, with its quiet zone.
    assert_eq!(svg.get_attribute("viewBox").as_deref(), Some("0 0 45 45"));
    let path = root.query_selector("svg path").unwrap().unwrap();
    let d = path.get_attribute("d").unwrap();
    // The three finder patterns' corners are dark modules.
    for corner in ["M4 4h1", "M40 4h1", "M4 40h1"] {
        assert!(d.contains(corner), "{corner} missing");
    }
    let link = root.query_selector(".qr-page__link a").unwrap().unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some(LINK));
    assert_eq!(link.text_content().as_deref(), Some(LINK));
}

#[wasm_bindgen_test]
async fn anything_but_a_web_link_is_refused_with_a_way_back() {
    for hash in [
        format!("#qr={}", encoded("javascript:alert(1)")),
        "#qr=".to_string(),
        "#qr=%E0%A4%A".to_string(),
    ] {
        let root = mount(&hash).await;
        assert!(
            root.query_selector("svg").unwrap().is_none(),
            "{hash} was drawn"
        );
        let bad = root.query_selector(".qr-page__bad").unwrap().unwrap();
        assert_eq!(bad.get_attribute("role").as_deref(), Some("alert"));
        assert!(root
            .query_selector("a[href='workbench.html']")
            .unwrap()
            .is_some());
    }
    assert_eq!(
        qr_link(&format!("#qr={}", encoded(LINK))).as_deref(),
        Some(LINK)
    );
    assert!(qr_path(LINK).is_some());
}
