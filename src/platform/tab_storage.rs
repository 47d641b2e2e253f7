//! A store that lasts as long as the browser tab: `window.name`.
//!
//! A browser that blocks `localStorage` (a third-party iframe, a strict
//! privacy setting) blocks `sessionStorage` with it, and the member's
//! progress could then live only in the page's memory. But 我的学习 and
//! 备份 are a page of their own (`records.html`, see
//! [`crate::route::Page`]): opening them would forget this visit's
//! attempts, and the way back would forget them again, as would a reload
//! in the middle of an exam. The browser keeps `window.name` across
//! navigations and reloads in one tab, and clears it when the tab moves to
//! another site, so while storage is blocked the app keeps its keys there,
//! and says that they last only as long as the page is open.
//!
//! Only the member's pages use it ([`crate::platform::Platform::members`]);
//! a frame's name is then the app's, so a portal must not target links at
//! the frame by name (DEPLOY.md says so).

use super::storage::{KeyValueStore, StorageError};
use js_sys::{Object, Reflect, JSON};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

/// What `window.name` starts with when it holds the app's keys; any other
/// name (a frame's, a previous site's) is taken as an empty store.
const MARKER: &str = "quiz-tab-store:1:";

/// The app's keys in `window.name`, as a JSON object of strings. It is read
/// once, on first use, and written through on every change: only this page
/// runs in the tab meanwhile.
#[derive(Default)]
pub struct TabStorage {
    entries: RefCell<Option<Object>>,
}

impl TabStorage {
    /// The entries, read from `window.name` the first time.
    fn entries(&self) -> Result<Object, StorageError> {
        if let Some(entries) = self.entries.borrow().as_ref() {
            return Ok(entries.clone());
        }
        let name = window()?.name().map_err(|error| failed(&error))?;
        let entries = name
            .strip_prefix(MARKER)
            .and_then(|text| JSON::parse(text).ok())
            .and_then(|value| value.dyn_into::<Object>().ok())
            .unwrap_or_default();
        *self.entries.borrow_mut() = Some(entries.clone());
        Ok(entries)
    }

    /// Writes the entries back to `window.name`.
    fn write(&self, entries: &Object) -> Result<(), StorageError> {
        let text = JSON::stringify(entries).map_err(|error| failed(&error))?;
        let text = text.as_string().unwrap_or_default();
        window()?
            .set_name(&format!("{MARKER}{text}"))
            .map_err(|error| failed(&error))
    }
}

impl KeyValueStore for TabStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        let entries = self.entries()?;
        let value = Reflect::get(&entries, &key.into()).map_err(|error| failed(&error))?;
        Ok(value.as_string())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let entries = self.entries()?;
        Reflect::set(&entries, &key.into(), &value.into()).map_err(|error| failed(&error))?;
        self.write(&entries)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        let entries = self.entries()?;
        if Reflect::has(&entries, &key.into()).unwrap_or(false) {
            Reflect::delete_property(&entries, &key.into()).map_err(|error| failed(&error))?;
            self.write(&entries)?;
        }
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(Object::keys(&self.entries()?)
            .iter()
            .filter_map(|key| key.as_string())
            .collect())
    }

    fn durable(&self) -> bool {
        false
    }
}

fn window() -> Result<web_sys::Window, StorageError> {
    web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))
}

fn failed(error: &JsValue) -> StorageError {
    StorageError::Failed(super::storage::describe(error))
}
