//! Shared helpers for the workbench's browser tests: mounting the page
//! with fake platform services, handing it files the way a drop or the
//! file picker does, and waiting for it to finish.

#![allow(dead_code)]

use quiz_app::platform::{Clock, FetchError, FetchFuture, Fetcher, MemoryStorage, Platform};
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::Element;
use workbench::components::{Workbench, WorkbenchProps};
use yew::Renderer;

/// The manifest the shipped banks are published with.
pub const INDEX: &[u8] = include_bytes!("../../../../questions/index.json");
/// The shipped charter bank.
pub const CHARTER: &[u8] = include_bytes!("../../../../questions/charter.json");
/// The template workbook coordinators start from.
pub const TEMPLATE_XLSX: &[u8] = include_bytes!("../../../../questions/templates/题库模板.xlsx");
/// The same template as CSV (UTF-8 with BOM).
pub const TEMPLATE_CSV: &[u8] = include_bytes!("../../../../questions/templates/题库模板.csv");
/// A Moodle GIFT export.
pub const SAMPLE_GIFT: &[u8] = include_bytes!("../../../quizbank/tests/fixtures/sample.gift");
/// An Aiken export.
pub const SAMPLE_AIKEN: &[u8] = include_bytes!("../../../quizbank/tests/fixtures/sample.txt");

/// 2026-12-06 12:00 in China.
pub const NOON_6_DECEMBER: u64 = 1_796_529_600_000;

/// A fetcher that answers from a table; unknown URLs get a 404.
#[derive(Default)]
pub struct FakeFetcher {
    answers: HashMap<String, Vec<u8>>,
}

impl FakeFetcher {
    /// Answers `url` with `body`.
    pub fn with(mut self, url: &str, body: &[u8]) -> Self {
        self.answers.insert(url.to_string(), body.to_vec());
        self
    }

    /// The shipped bank list and charter bank, as beside a deployed page.
    pub fn published() -> Self {
        FakeFetcher::default()
            .with("questions/index.json", INDEX)
            .with("questions/charter.json", CHARTER)
    }
}

impl Fetcher for FakeFetcher {
    fn fetch(&self, url: &str) -> FetchFuture {
        let answer = self
            .answers
            .get(url)
            .cloned()
            .ok_or(FetchError::Status(404));
        Box::pin(async move { answer })
    }
}

/// A clock stopped at [`NOON_6_DECEMBER`].
pub struct FixedClock;

impl Clock for FixedClock {
    fn now_ms(&self) -> u64 {
        NOON_6_DECEMBER
    }

    fn fresh_seed(&self) -> u64 {
        1
    }

    fn local_day(&self) -> i32 {
        (NOON_6_DECEMBER / 86_400_000) as i32
    }
}

/// Mounts the workbench in a fresh element with in-memory storage, the
/// given fetcher and the fixed clock; returns the element and the storage.
pub async fn mount_workbench(fetcher: FakeFetcher) -> (Element, Rc<MemoryStorage>) {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let storage = Rc::new(MemoryStorage::default());
    let props = WorkbenchProps {
        platform: Platform {
            storage: storage.clone(),
            fetcher: Rc::new(fetcher),
            clock: Rc::new(FixedClock),
            host: Rc::new(quiz_app::platform::BrowserHost),
        },
    };
    Renderer::<Workbench>::with_root_and_props(root.clone(), props).render();
    settle().await;
    (root, storage)
}

/// Lets spawned futures finish, then flushes rendering.
pub async fn settle() {
    for _ in 0..5 {
        yew::platform::time::sleep(Duration::from_millis(10)).await;
        yew::scheduler::flush().await;
    }
}

/// A browser `File` with `bytes`, as the picker or a drop gives it.
pub fn file(name: &str, bytes: &[u8]) -> web_sys::File {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::File::new_with_u8_array_sequence(&parts, name).unwrap()
}

/// A `DataTransfer` holding `file`, as a drag from the desktop carries it.
fn transfer(file: &web_sys::File) -> web_sys::DataTransfer {
    let transfer = web_sys::DataTransfer::new().unwrap();
    transfer.items().add_with_file(file).unwrap();
    transfer
}

/// Drops a file with `bytes` on the drop zone.
pub fn drop_file(root: &Element, name: &str, bytes: &[u8]) {
    let init = web_sys::DragEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_data_transfer(Some(&transfer(&file(name, bytes))));
    let event = web_sys::DragEvent::new_with_event_init_dict("drop", &init).unwrap();
    root.query_selector(".wb-drop")
        .unwrap()
        .expect("a drop zone")
        .dispatch_event(&event)
        .unwrap();
}

/// Picks a file with `bytes` in the file picker.
pub fn pick_file(root: &Element, name: &str, bytes: &[u8]) {
    let input: web_sys::HtmlInputElement = root
        .query_selector(".wb-drop__input")
        .unwrap()
        .expect("a file input")
        .unchecked_into();
    input.set_files(transfer(&file(name, bytes)).files().as_ref());
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("change", &init).unwrap();
    input.dispatch_event(&event).unwrap();
}

/// Taps the first element matching `selector`.
pub fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

/// Waits until the page shows the report of an opened file (at most 60 s
/// on a busy machine), then returns the report element.
pub async fn report(root: &Element) -> Element {
    for _ in 0..1_200 {
        settle_once().await;
        if root.query_selector(".wb-status--busy").unwrap().is_none() {
            if let Some(report) = root.query_selector(".wb-report").unwrap() {
                return report;
            }
        }
    }
    panic!("no report after 60 s: {:?}", root.text_content());
}

async fn settle_once() {
    yew::platform::time::sleep(Duration::from_millis(50)).await;
    yew::scheduler::flush().await;
}

/// The text of every element matching `selector`.
pub fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.text_content())
        .collect()
}

/// The text of the first element matching `selector`, or "".
pub fn text(root: &Element, selector: &str) -> String {
    texts(root, selector).into_iter().next().unwrap_or_default()
}

/// Mounts the workbench on `storage` (kept between mounts to stand for a
/// reload, or one that refuses writes), with the published banks.
pub async fn mount_on(storage: Rc<dyn quiz_app::platform::KeyValueStore>) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = WorkbenchProps {
        platform: Platform {
            storage,
            fetcher: Rc::new(FakeFetcher::published()),
            clock: Rc::new(FixedClock),
            host: Rc::new(quiz_app::platform::BrowserHost),
        },
    };
    Renderer::<Workbench>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

/// Storage that refuses everything, as in a blocked third-party iframe.
pub struct BlockedStorage;

impl quiz_app::platform::KeyValueStore for BlockedStorage {
    fn get(&self, _: &str) -> Result<Option<String>, quiz_app::platform::StorageError> {
        Err(quiz_app::platform::StorageError::Unavailable(
            "blocked".into(),
        ))
    }
    fn set(&self, _: &str, _: &str) -> Result<(), quiz_app::platform::StorageError> {
        Err(quiz_app::platform::StorageError::Unavailable(
            "blocked".into(),
        ))
    }
    fn remove(&self, _: &str) -> Result<(), quiz_app::platform::StorageError> {
        Err(quiz_app::platform::StorageError::Unavailable(
            "blocked".into(),
        ))
    }
    fn keys(&self) -> Result<Vec<String>, quiz_app::platform::StorageError> {
        Err(quiz_app::platform::StorageError::Unavailable(
            "blocked".into(),
        ))
    }
}

/// Types `value` into the first input or textarea matching `selector`,
/// as a keyboard does (an `input` event that bubbles).
pub fn type_into(root: &Element, selector: &str, value: &str) {
    let element = root
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"));
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(value);
    }
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    element.dispatch_event(&event).unwrap();
}

/// Waits until the editor's live check has caught up with the last edit
/// (at most 60 s), and returns the status text.
pub async fn checked(root: &Element) -> String {
    yew::scheduler::flush().await;
    for _ in 0..1_200 {
        settle_once().await;
        if let Some(status) = root
            .query_selector(".wb-report--editing .wb-status")
            .unwrap()
        {
            if status.get_attribute("data-checked").as_deref() == Some("true") {
                return status.text_content().unwrap_or_default();
            }
        }
    }
    panic!("the live check did not finish: {:?}", root.text_content());
}

/// Replaces the page's downloads with a record of them, so a test reads
/// what a click on a download button would have saved.
pub fn catch_downloads() {
    js_sys::Function::new_no_args(
        "if (window.__downloads) { window.__downloads.length = 0; return; }
         window.__downloads = [];
         const create = URL.createObjectURL;
         URL.createObjectURL = function (blob) { window.__lastBlob = blob; return create.call(URL, blob); };
         HTMLAnchorElement.prototype.click = function () {
           if (this.download) { window.__downloads.push({ name: this.download, blob: window.__lastBlob }); }
         };",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
}

/// The name and text of the last download caught by [`catch_downloads`].
pub async fn last_download() -> (String, String) {
    let window = web_sys::window().unwrap();
    let list: js_sys::Array = js_sys::Reflect::get(&window, &"__downloads".into())
        .unwrap()
        .unchecked_into();
    let last = list.get(list.length().checked_sub(1).expect("a download"));
    let name = js_sys::Reflect::get(&last, &"name".into())
        .unwrap()
        .as_string()
        .unwrap();
    let blob: web_sys::Blob = js_sys::Reflect::get(&last, &"blob".into())
        .unwrap()
        .unchecked_into();
    let text = wasm_bindgen_futures::JsFuture::from(blob.text())
        .await
        .unwrap()
        .as_string()
        .unwrap();
    (name, text)
}

/// The id of the element that has the keyboard focus.
pub fn focused_id() -> String {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

/// The template's CSV with two mistakes, in GBK as Chinese Excel saves
/// it: row 2's answer is not an option, row 4 has no stem.
pub fn gbk_csv_with_two_mistakes() -> Vec<u8> {
    let text = std::str::from_utf8(TEMPLATE_CSV).unwrap();
    let mut lines: Vec<String> = text
        .trim_start_matches('\u{feff}')
        .lines()
        .map(str::to_string)
        .collect();
    lines[1] = lines[1].replacen(",B,", ",Z,", 1);
    let cells: Vec<&str> = lines[3].splitn(3, ',').collect();
    lines[3] = format!("{},,{}", cells[0], cells[2]);
    let text = lines.join("\r\n") + "\r\n";
    let (bytes, _, _) = encoding_rs::GBK.encode(&text);
    bytes.into_owned()
}
