//! Key-value storage that never panics.
//!
//! `localStorage` is fragile: a third-party iframe may block it (SecurityError
//! on access), Safari's private mode may refuse writes (QuotaExceededError),
//! and WeChat may clear it. Every call here returns a `Result`.

use std::cell::RefCell;
use std::collections::BTreeMap;
use wasm_bindgen::{JsCast, JsValue};

/// Why a storage call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// Storage cannot be used at all (blocked, missing, or access threw).
    Unavailable(String),
    /// A write was refused because the store is full.
    QuotaExceeded,
    /// Any other failure of a single call.
    Failed(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable(why) => write!(f, "storage unavailable ({why})"),
            StorageError::QuotaExceeded => f.write_str("storage is full"),
            StorageError::Failed(why) => write!(f, "storage call failed ({why})"),
        }
    }
}

/// The storage operations the app needs.
pub trait KeyValueStore {
    /// Reads a value; `Ok(None)` when the key is absent.
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Writes a value.
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Deletes a value; deleting an absent key is not an error.
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key stored, so kept-aside copies can be found and bounded.
    fn keys(&self) -> Result<Vec<String>, StorageError>;

    /// Whether what is written here is still there on the member's next
    /// visit. A store that lasts only while the tab is open (see
    /// [`super::TabStorage`]) says no, and the app tells the member their
    /// progress is not being saved.
    fn durable(&self) -> bool {
        true
    }
}

/// `window.localStorage`, looked up afresh on every call so a store that
/// becomes available (or unavailable) is noticed.
#[derive(Default)]
pub struct BrowserStorage;

impl BrowserStorage {
    fn store() -> Result<web_sys::Storage, StorageError> {
        let window =
            web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(storage),
            Ok(None) => Err(StorageError::Unavailable("localStorage is missing".into())),
            Err(error) => Err(StorageError::Unavailable(describe(&error))),
        }
    }
}

impl KeyValueStore for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Self::store()?
            .get_item(key)
            .map_err(|error| StorageError::Failed(describe(&error)))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        Self::store()?.set_item(key, value).map_err(|error| {
            if is_quota_error(&error) {
                StorageError::QuotaExceeded
            } else {
                StorageError::Failed(describe(&error))
            }
        })
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        Self::store()?
            .remove_item(key)
            .map_err(|error| StorageError::Failed(describe(&error)))
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let store = Self::store()?;
        let length = store
            .length()
            .map_err(|error| StorageError::Failed(describe(&error)))?;
        let mut keys = Vec::new();
        for index in 0..length {
            if let Ok(Some(key)) = store.key(index) {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

/// Browsers name the quota error differently (Firefox used code 1014).
fn is_quota_error(error: &JsValue) -> bool {
    error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|exception| {
            let name = exception.name();
            name == "QuotaExceededError"
                || name == "NS_ERROR_DOM_QUOTA_REACHED"
                || exception.code() == 22
        })
}

/// A short description of a thrown JS value for messages and logs.
pub(super) fn describe(error: &JsValue) -> String {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        format!("{}: {}", exception.name(), exception.message())
    } else if let Some(error) = error.dyn_ref::<js_sys::Error>() {
        format!("{}: {}", error.name(), error.message())
    } else {
        error.as_string().unwrap_or_else(|| "unknown error".into())
    }
}

/// A store in memory: the fallback when the browser's is unusable, and the
/// default in tests.
#[derive(Default)]
pub struct MemoryStorage {
    entries: RefCell<BTreeMap<String, String>>,
}

impl KeyValueStore for MemoryStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.entries
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}

/// `localStorage`, or while the browser blocks it, this tab's
/// [`super::TabStorage`]: the member's pages keep their keys across the
/// move between `index.html` and `records.html` and across a reload, and
/// say that nothing lasts beyond the tab. Which one serves is decided on
/// every call, as [`BrowserStorage`] looks storage up on every call.
#[derive(Default)]
pub struct DeviceOrTabStorage {
    tab: super::TabStorage,
}

impl DeviceOrTabStorage {
    /// The store that serves a call now.
    fn current(&self) -> &dyn KeyValueStore {
        match BrowserStorage::store() {
            Ok(_) => &BrowserStorage,
            Err(_) => &self.tab,
        }
    }
}

impl KeyValueStore for DeviceOrTabStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.current().get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.current().set(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.current().remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.current().keys()
    }

    fn durable(&self) -> bool {
        self.current().durable()
    }
}
