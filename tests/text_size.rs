//! Browser tests of the text-size switch (适老化): on every page, applied
//! to the whole document, remembered, and still working when storage is
//! blocked.

#![cfg(target_arch = "wasm32")]

mod support;

use quiz_app::app::Shell;
use quiz_app::hooks::TEXT_SIZE_KEY;
use quiz_app::load::MANIFEST_URL;
use quiz_app::platform::{KeyValueStore, MemoryStorage, Platform, StorageError};
use std::rc::Rc;
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A store that refuses every call, as a blocked iframe's does.
struct Blocked;

impl KeyValueStore for Blocked {
    fn get(&self, _: &str) -> Result<Option<String>, StorageError> {
        Err(StorageError::Unavailable("SecurityError: blocked".into()))
    }
    fn set(&self, _: &str, _: &str) -> Result<(), StorageError> {
        Err(StorageError::Unavailable("SecurityError: blocked".into()))
    }
    fn remove(&self, _: &str) -> Result<(), StorageError> {
        Err(StorageError::Unavailable("SecurityError: blocked".into()))
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Err(StorageError::Unavailable("SecurityError: blocked".into()))
    }
}

/// The root element's text size, as the style sheet reads it.
fn document_size() -> Option<String> {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap()
        .get_attribute("data-text-size")
}

/// The root element's computed font size in CSS px.
fn root_font_px() -> f64 {
    let window = web_sys::window().unwrap();
    let root = window.document().unwrap().document_element().unwrap();
    let style = window.get_computed_style(&root).unwrap().unwrap();
    let size = style.get_property_value("font-size").unwrap();
    size.trim_end_matches("px").parse().unwrap()
}

/// Adds the app's own style sheet to the test page once, so sizes are
/// computed as in the app.
fn add_style_sheet() {
    let document = web_sys::window().unwrap().document().unwrap();
    if document.get_element_by_id("app-style").is_none() {
        let style = document.create_element("style").unwrap();
        style.set_id("app-style");
        style.set_text_content(Some(include_str!("../assets/style.css")));
        document.head().unwrap().append_child(&style).unwrap();
    }
}

/// The shell over `storage`, on the home page.
async fn shell(storage: Rc<dyn KeyValueStore>) -> web_sys::Element {
    add_style_sheet();
    set_hash("#/");
    let mut platform: Platform = platform(FakeFetcher::default().with(MANIFEST_URL, MANIFEST));
    platform.storage = storage;
    mount::<Shell>(shell_props(platform)).await
}

/// The pressed state of each size button, in order.
fn pressed(root: &web_sys::Element) -> Vec<String> {
    let buttons = root.query_selector_all(".text-size__option").unwrap();
    (0..buttons.length())
        .map(|at| {
            use wasm_bindgen::JsCast;
            buttons
                .get(at)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
                .get_attribute("aria-pressed")
                .unwrap_or_default()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_chosen_size_scales_the_page_and_is_remembered() {
    let storage = Rc::new(MemoryStorage::default());
    let root = shell(storage.clone()).await;
    // Standard at first, and nothing saved until the member chooses.
    assert_eq!(document_size().as_deref(), Some("standard"));
    assert_eq!(pressed(&root), ["true", "false", "false"]);
    let standard = root_font_px();
    let group = root.query_selector(".text-size").unwrap().unwrap();
    assert_eq!(group.get_attribute("role").as_deref(), Some("group"));
    assert_eq!(
        group.get_attribute("aria-label").as_deref(),
        Some("文字大小")
    );
    assert_eq!(storage.get(TEXT_SIZE_KEY).unwrap(), None);

    click(&root, "[data-size=largest]");
    settle().await;
    assert_eq!(document_size().as_deref(), Some("largest"));
    assert_eq!(pressed(&root), ["false", "false", "true"]);
    assert!(
        (root_font_px() - standard * 1.5).abs() < 0.5,
        "{} vs {standard}",
        root_font_px()
    );
    assert_eq!(
        storage.get(TEXT_SIZE_KEY).unwrap().as_deref(),
        Some("largest")
    );

    // The next visit starts at the saved size.
    root.set_text_content(None);
    let again = shell(storage.clone()).await;
    assert_eq!(document_size().as_deref(), Some("largest"));
    assert_eq!(pressed(&again), ["false", "false", "true"]);
    click(&again, "[data-size=standard]");
    settle().await;
    assert_eq!(document_size().as_deref(), Some("standard"));
    again.set_text_content(None);
}

#[wasm_bindgen_test]
async fn the_switch_works_with_storage_blocked() {
    let root = shell(Rc::new(Blocked)).await;
    assert!(
        root.query_selector(".bank-card").unwrap().is_some(),
        "the page did not load"
    );
    click(&root, "[data-size=large]");
    settle().await;
    assert_eq!(document_size().as_deref(), Some("large"));
    assert_eq!(pressed(&root), ["false", "true", "false"]);
    click(&root, "[data-size=standard]");
    settle().await;
    assert_eq!(document_size().as_deref(), Some("standard"));
    root.set_text_content(None);
}
