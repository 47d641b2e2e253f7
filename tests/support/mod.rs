//! Shared helpers for the browser tests: mounting a component into a fresh
//! element, and fake platform services.

#![allow(dead_code)]

use quiz_app::app::ShellProps;
use quiz_app::platform::{
    Clock, FetchError, FetchFuture, Fetcher, Host, HostEvent, MemoryStorage, Platform,
};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;
use web_sys::Element;
use yew::{function_component, BaseComponent, Html, Properties, Renderer};

/// A fresh `<div>` attached to the page, so each test renders in isolation.
pub fn fresh_root() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Renders `C` with `props` and lets Yew's scheduler settle (rendering is
/// scheduled, not synchronous).
pub async fn mount<C>(props: C::Properties) -> Element
where
    C: BaseComponent,
{
    let root = fresh_root();
    Renderer::<C>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

/// Renders what a view function returned (the app's stateless parts are
/// functions over their props, not components) and lets Yew settle.
pub async fn mount_view(view: Html) -> Element {
    mount::<ViewOf>(ViewOfProps { view }).await
}

/// Props of [`ViewOf`].
#[derive(Properties, PartialEq)]
pub struct ViewOfProps {
    /// What to render.
    pub view: Html,
}

/// A component that renders the view it is given, for [`mount_view`].
#[function_component(ViewOf)]
fn view_of(props: &ViewOfProps) -> Html {
    props.view.clone()
}

/// The props of a page's shell with only its services: the shell loads the
/// bank list, banks and progress itself, as it does when nothing was
/// preloaded. A test that preloads one sets that field over these.
pub fn shell_props(platform: Platform) -> ShellProps {
    ShellProps {
        platform,
        preloaded_manifest: None,
        preloaded_bank: None,
        preloaded_progress: None,
    }
}

/// Points the page at a route, as a deep link would; the shell reads the
/// hash when it mounts and follows later changes.
pub fn set_hash(hash: &str) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
}

/// Taps the first element under `root` matching `selector`.
pub fn click(root: &Element, selector: &str) {
    use wasm_bindgen::JsCast;
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

/// Lets spawned futures (fetches) finish, then flushes rendering.
pub async fn settle() {
    for _ in 0..5 {
        yew::platform::time::sleep(Duration::from_millis(10)).await;
        yew::scheduler::flush().await;
    }
}

/// A fetcher that answers from a table; unknown URLs get a 404.
#[derive(Default)]
pub struct FakeFetcher {
    answers: HashMap<String, Result<Vec<u8>, FetchError>>,
    prefetched: Rc<RefCell<Vec<String>>>,
}

impl FakeFetcher {
    /// Answers `url` with `body`.
    pub fn with(mut self, url: &str, body: &str) -> Self {
        self.answers
            .insert(url.to_string(), Ok(body.as_bytes().to_vec()));
        self
    }

    /// The URLs prefetched so far, readable after the fetcher has been
    /// handed to a platform.
    pub fn prefetched(&self) -> Rc<RefCell<Vec<String>>> {
        self.prefetched.clone()
    }

    /// Answers `url` with `error`.
    pub fn failing(mut self, url: &str, error: FetchError) -> Self {
        self.answers.insert(url.to_string(), Err(error));
        self
    }
}

impl Fetcher for FakeFetcher {
    fn fetch(&self, url: &str) -> FetchFuture {
        let answer = self
            .answers
            .get(url)
            .cloned()
            .unwrap_or(Err(FetchError::Status(404)));
        Box::pin(async move { answer })
    }

    fn prefetch(&self, url: &str) {
        self.prefetched.borrow_mut().push(url.to_string());
    }
}

/// The host of tests: events are dropped, as outside a portal, and the
/// module's other page is never opened (that would take the test runner's
/// own page away); `opened` keeps what the app asked to open.
#[derive(Default)]
pub struct TestHost {
    /// Every `href` the app asked to open, in order.
    pub opened: RefCell<Vec<String>>,
}

impl Host for TestHost {
    fn post(&self, _event: &HostEvent) {}

    fn open(&self, href: &str) {
        self.opened.borrow_mut().push(href.to_string());
    }
}

/// A platform with in-memory storage, the given fetcher, a fixed clock and
/// a [`TestHost`].
pub fn platform(fetcher: FakeFetcher) -> Platform {
    Platform {
        storage: Rc::new(MemoryStorage::default()),
        fetcher: Rc::new(fetcher),
        clock: Rc::new(FixedClock::default()),
        host: Rc::new(TestHost::default()),
    }
}

/// The manifest used across tests: two banks, one without English.
pub const MANIFEST: &str = r#"{
  "banks": [
    {"id": "charter", "file": "charter.json",
     "title": {"zh": "党章", "en": "The Party Constitution"},
     "description": {"zh": "党章自测", "en": "Constitution self-test"},
     "version": 3, "updated": "2026-11-28", "count": 72},
    {"id": "rules", "file": "rules.json",
     "title": {"zh": "党规"},
     "description": {"zh": "党规自测"},
     "version": 1, "updated": "2026-11-01", "count": 65}
  ]
}"#;

/// A small valid bank with one question of each type.
pub const BANK: &str = r#"{
  "id": "charter", "version": 3, "updated": "2026-11-28",
  "title": {"zh": "党章", "en": "The Party Constitution"},
  "description": {"zh": "党章自测"},
  "tag_names": {"members": {"zh": "第一章 党员", "en": "Ch. 1 Members"}},
  "paper": {"time_limit_minutes": 10, "pass_percent": 60, "sections": [
    {"type": "single", "count": 1, "points": 25}, {"type": "multiple", "count": 1, "points": 25},
    {"type": "judge", "count": 1, "points": 25}, {"type": "fill", "count": 1, "points": 25}]},
  "questions": [
    {"id": "charter-001", "type": "single", "stem": {"zh": "预备期多长？", "en": "How long is probation?"},
     "options": [{"zh": "半年"}, {"zh": "一年"}, {"zh": "两年"}], "answer": "B",
     "explanation": {"zh": "第七条。"}, "source": {"zh": "党章第七条"}, "tags": ["members"]},
    {"id": "charter-002", "type": "multiple", "stem": {"zh": "哪些是处分？"},
     "options": [{"zh": "警告"}, {"zh": "罚款"}, {"zh": "留党察看"}], "answer": "AC",
     "explanation": {"zh": "第四十一条。"}, "source": {"zh": "党章第四十一条"}, "tags": ["members"]},
    {"id": "charter-003", "type": "judge", "stem": {"zh": "预备党员有表决权。"}, "answer": false,
     "explanation": {"zh": "第七条。"}, "source": {"zh": "党章第七条"}, "tags": ["members"]},
    {"id": "charter-004", "type": "fill", "stem": {"zh": "预备期为____年。"},
     "answer": [{"zh": ["一", "1"]}],
     "explanation": {"zh": "第七条。"}, "source": {"zh": "党章第七条"}, "tags": ["members"]}
  ]
}"#;

/// A clock the test moves by hand, with predictable seeds.
#[derive(Default)]
pub struct FixedClock {
    /// The current time.
    pub now: Cell<u64>,
    seeds: Cell<u64>,
}

impl Clock for FixedClock {
    fn now_ms(&self) -> u64 {
        self.now.get()
    }

    fn fresh_seed(&self) -> u64 {
        self.seeds.set(self.seeds.get() + 1);
        self.seeds.get()
    }

    fn local_day(&self) -> i32 {
        (self.now.get() / 86_400_000) as i32
    }
}
