//! Browser I/O behind small traits: storage, fetch and the panic display.
//!
//! Components never call `web_sys` for I/O directly; they get a [`Platform`]
//! from context, so tests can hand them an in-memory or faulty one.

pub mod clock;
pub mod fetch;
pub mod files;
pub mod pacing;
pub mod panic;
pub mod storage;

pub mod host;

use std::rc::Rc;

pub use clock::{BrowserClock, Clock};
pub use fetch::{BrowserFetcher, FetchError, FetchFuture, Fetcher};
pub use storage::{BrowserStorage, KeyValueStore, MemoryStorage, StorageError};

pub use host::{BrowserHost, Host, HostEvent};

/// Marks a step of loading on the browser's performance timeline (the
/// DevTools performance panel and `cargo xtask bench` show them), so slow
/// start-ups can be taken apart. Does nothing where marks are unsupported.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}

/// The I/O services the app uses, shared through a Yew context.
#[derive(Clone)]
pub struct Platform {
    /// Where preferences and progress are kept.
    pub storage: Rc<dyn KeyValueStore>,
    /// How bank files are fetched.
    pub fetcher: Rc<dyn Fetcher>,
    /// The time and random seeds.
    pub clock: Rc<dyn Clock>,
}

impl Platform {
    /// The real browser services.
    pub fn browser() -> Self {
        Platform {
            storage: Rc::new(BrowserStorage),
            fetcher: Rc::new(BrowserFetcher),
            clock: Rc::new(BrowserClock),
        }
    }
}

impl PartialEq for Platform {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.storage, &other.storage)
            && Rc::ptr_eq(&self.fetcher, &other.fetcher)
            && Rc::ptr_eq(&self.clock, &other.clock)
    }
}

/// A shared store that compares by identity, for props.
#[derive(Clone)]
pub struct StoreHandle(pub Rc<dyn KeyValueStore>);

impl PartialEq for StoreHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
