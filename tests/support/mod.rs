//! Shared helpers for the browser tests: mounting a component into a fresh
//! element, and fake platform services.

#![allow(dead_code)]

use quiz_app::platform::{FetchError, FetchFuture, Fetcher, MemoryStorage, Platform};
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;
use web_sys::Element;
use yew::{BaseComponent, Renderer};

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

/// Lets spawned futures (fetches) finish, then flushes rendering.
pub async fn settle() {
    for _ in 0..5 {
        yew::platform::time::sleep(Duration::from_millis(10)).await;
        yew::scheduler::flush();
    }
}

/// A fetcher that answers from a table; unknown URLs get a 404.
#[derive(Default)]
pub struct FakeFetcher {
    answers: HashMap<String, Result<Vec<u8>, FetchError>>,
}

impl FakeFetcher {
    /// Answers `url` with `body`.
    pub fn with(mut self, url: &str, body: &str) -> Self {
        self.answers
            .insert(url.to_string(), Ok(body.as_bytes().to_vec()));
        self
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
}

/// A platform with in-memory storage and the given fetcher.
pub fn platform(fetcher: FakeFetcher) -> Platform {
    Platform {
        storage: Rc::new(MemoryStorage::default()),
        fetcher: Rc::new(fetcher),
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
