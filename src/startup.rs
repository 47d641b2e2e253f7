//! What the app does before its first render.
//!
//! The first thing a member sees is the page the link names, and that page
//! needs the bank list, and often a bank. Yew renders, lets the browser
//! paint, and only then runs effects; on a slow phone each paint of a
//! "loading" page costs a few hundred milliseconds before the next file is
//! even read. So the list, and the bank a link names, are loaded here,
//! while `index.html`'s own "loading" text is still on screen, and the
//! app's first render is the page itself.

use crate::load::LoadState;
use crate::load::{load_bank, load_manifest, PreloadedBank, BANKS_DIR};
use crate::platform::Fetcher;
use crate::route::Route;
use quiz_core::Manifest;
use std::rc::Rc;

/// What was loaded before the first render.
pub struct Preloaded {
    /// The bank list.
    pub manifest: LoadState<Rc<Manifest>>,
    /// The bank the link names, when it is in the list.
    pub bank: Option<PreloadedBank>,
}

/// Starts fetching the bank `route` names (banks are published as
/// `questions/<id>.json`, and the list that confirms the file name arrives
/// later), loads and checks the bank list, then the bank as the list names
/// it (taking over the request already under way when the names agree).
pub async fn preload(fetcher: Rc<dyn Fetcher>, route: &Route) -> Preloaded {
    let id = match route {
        Route::Bank { id } | Route::Study { id, .. } => Some(id),
        _ => None,
    };
    if let Some(id) = id {
        fetcher.prefetch(&format!("{BANKS_DIR}{id}.json"));
    }
    let manifest = load_manifest(fetcher.clone()).await;
    let entry = match (&manifest, id) {
        (LoadState::Ready(manifest), Some(id)) => manifest.bank(id).cloned(),
        _ => None,
    };
    let bank = match entry {
        Some(entry) => Some(PreloadedBank {
            state: load_bank(fetcher, &entry.file, &entry.id).await,
            file: entry.file,
        }),
        None => None,
    };
    Preloaded { manifest, bank }
}
