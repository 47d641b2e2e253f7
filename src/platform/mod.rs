//! Browser I/O behind small traits: storage, fetch, the clock, events for an
//! embedding page, files for backups and the panic display.
//!
//! Components never call `web_sys` for I/O directly; they get a [`Platform`]
//! as a prop, so tests can hand them an in-memory or faulty one.

pub mod clock;
pub mod fetch;
pub mod files;
pub mod pacing;
pub mod panic;
pub mod storage;
pub mod tab_storage;

pub mod host;

use std::rc::Rc;

pub use clock::{BrowserClock, Clock};
pub use fetch::{BrowserFetcher, FetchError, FetchFuture, Fetcher};
pub use storage::{BrowserStorage, DeviceOrTabStorage, KeyValueStore, MemoryStorage, StorageError};
pub use tab_storage::TabStorage;

pub use host::{BrowserHost, Host, HostEvent};

/// Marks a step of loading on the browser's performance timeline (the
/// DevTools performance panel and `cargo xtask bench` show them), so slow
/// start-ups can be taken apart. Does nothing where marks are unsupported.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}

/// The I/O services the app uses: the one way they reach components, as a
/// prop of every component that does I/O (see ARCHITECTURE.md). A test
/// builds one with the fakes it needs (full or blocked storage, a fetcher
/// that fails, a fixed clock, a host that records), and the compiler sees
/// to it that no such component is rendered without one.
#[derive(Clone)]
pub struct Platform {
    /// Where preferences and progress are kept.
    pub storage: Rc<dyn KeyValueStore>,
    /// How bank files are fetched.
    pub fetcher: Rc<dyn Fetcher>,
    /// The time and random seeds.
    pub clock: Rc<dyn Clock>,
    /// Where quiz events for an embedding page go.
    pub host: Rc<dyn Host>,
}

impl Platform {
    /// The real browser services, with `localStorage` as it is (the
    /// workbench's drafts, which a tab could not hold, use this).
    pub fn browser() -> Self {
        Platform {
            storage: Rc::new(BrowserStorage),
            fetcher: Rc::new(BrowserFetcher),
            clock: Rc::new(BrowserClock),
            host: Rc::new(BrowserHost),
        }
    }

    /// The member's pages: the browser's services, but while `localStorage`
    /// is blocked, keys are kept in the tab ([`DeviceOrTabStorage`]), so the
    /// move between the app's two pages and a reload lose nothing.
    pub fn members() -> Self {
        Platform {
            storage: Rc::new(DeviceOrTabStorage::default()),
            ..Platform::browser()
        }
    }
}

impl PartialEq for Platform {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.storage, &other.storage)
            && Rc::ptr_eq(&self.fetcher, &other.fetcher)
            && Rc::ptr_eq(&self.clock, &other.clock)
            && Rc::ptr_eq(&self.host, &other.host)
    }
}
