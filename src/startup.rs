//! What the app does before its first render.
//!
//! The first thing a member sees is the page the link names, and that page
//! needs the bank list, and often a bank. Yew renders, lets the browser
//! paint, and only then runs effects; on a slow phone that paint of a
//! "loading" page costs a few hundred milliseconds before the bank list is
//! even read. So the list is loaded here, while `index.html`'s own
//! "loading" text is still on screen, and the app's first render is the
//! page itself.

use crate::hooks::{load_manifest, BANKS_DIR};
use crate::load::LoadState;
use crate::platform::Fetcher;
use crate::route::Route;
use quiz_core::Manifest;
use std::rc::Rc;

/// Starts fetching the bank `route` names (banks are published as
/// `questions/<id>.json`; the list that confirms the file name arrives
/// later, and the bank's loader takes over this request), then loads and
/// checks the bank list.
pub async fn preload(fetcher: Rc<dyn Fetcher>, route: &Route) -> LoadState<Rc<Manifest>> {
    if let Route::Bank { id } | Route::Study { id, .. } = route {
        fetcher.prefetch(&format!("{BANKS_DIR}{id}.json"));
    }
    load_manifest(fetcher).await
}
