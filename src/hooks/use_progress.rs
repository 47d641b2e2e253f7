//! The façade for the member's progress: loading, recording and saving it.

use crate::platform::{Clock, KeyValueStore};
use crate::progress_store::{load, progress_key, save, Loaded, StoreStatus};
use gloo_events::EventListener;
use quiz_core::progress::Progress;
use quiz_core::session::Session;
use quiz_core::Bank;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Something to remember.
#[derive(Clone, PartialEq)]
pub enum ProgressEvent {
    /// A session finished: add it to the history (once).
    Finished(Rc<Session>, Rc<Bank>),
    /// A question was marked or unmarked as a favourite.
    Favourite(String),
    /// A backup was imported: merge it in, dropping nothing.
    Import(Rc<Progress>),
    /// A practice answer was checked.
    Answered {
        /// The question's bank.
        bank: String,
        /// The question.
        question: String,
        /// Whether it was right.
        right: bool,
    },
}

/// Progress as components see it, shared through a context.
#[derive(Clone, PartialEq)]
pub struct ProgressContext {
    /// What is known.
    pub progress: Rc<Progress>,
    /// How saving stands.
    pub status: StoreStatus,
    /// Records an event; saving happens in an effect.
    pub on_event: Callback<ProgressEvent>,
}

/// Loads progress once (or takes what the start-up code loaded: see
/// [`crate::startup`]), records events, and saves after every change (and
/// when the page is hidden), merging with other tabs' saves.
#[hook]
pub fn use_progress(
    storage: Rc<dyn KeyValueStore>,
    clock: Rc<dyn Clock>,
    preloaded: Option<Rc<Loaded>>,
) -> ProgressContext {
    let state = {
        let (storage, clock) = (storage.clone(), clock.clone());
        use_state(move || match preloaded {
            Some(loaded) => (Rc::new(loaded.progress.clone()), loaded.status.clone()),
            None => {
                let loaded = load(storage.as_ref(), clock.now_ms());
                (Rc::new(loaded.progress), loaded.status)
            }
        })
    };
    // Bumped by local changes only, so adopting a merge does not save again.
    let revision = use_state(|| 0u64);
    let latest = use_mut_ref(|| state.0.clone());
    *latest.borrow_mut() = state.0.clone();

    // Save after each local change, adopting what other tabs added.
    {
        let (state, storage, clock) = (state.clone(), storage.clone(), clock.clone());
        use_effect_with(*revision, move |revision| {
            if *revision > 0 && !matches!(state.1, StoreStatus::ReadOnly { .. }) {
                let (merged, status) = save(storage.as_ref(), &state.0, clock.now_ms());
                // Adopt the merge, and the saved marks once storage holds
                // this tab's changes.
                if merged != *state.0 || status != state.1 || merged.unsaved != state.0.unsaved {
                    state.set((Rc::new(merged), status));
                }
            }
        });
    }
    // Another tab saved: merge its records in.
    {
        let (state, storage, clock, latest) = (
            state.clone(),
            storage.clone(),
            clock.clone(),
            latest.clone(),
        );
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let on_storage = window.as_ref().map(|window| {
                let (state, storage, clock, latest) = (
                    state.clone(),
                    storage.clone(),
                    clock.clone(),
                    latest.clone(),
                );
                EventListener::new(window, "storage", move |event| {
                    let ours = event
                        .dyn_ref::<web_sys::StorageEvent>()
                        .and_then(|e| e.key())
                        .is_none_or(|key| key == progress_key());
                    if ours {
                        let mut progress = (*latest.borrow().clone()).clone();
                        let theirs = load(storage.as_ref(), clock.now_ms());
                        progress.merge(&theirs.progress);
                        state.set((Rc::new(progress), theirs.status));
                    }
                })
            });
            // Save once more when the page is hidden or closed: WeChat may
            // kill a backgrounded page without warning, and mobile browsers
            // often skip `pagehide` but fire `visibilitychange`.
            let save_now = {
                let (state, storage, clock, latest) = (
                    state.clone(),
                    storage.clone(),
                    clock.clone(),
                    latest.clone(),
                );
                std::rc::Rc::new(move || {
                    if !matches!(state.1, StoreStatus::ReadOnly { .. }) {
                        let _ = save(storage.as_ref(), &latest.borrow(), clock.now_ms());
                    }
                })
            };
            let on_hide = window.as_ref().map(|window| {
                let save_now = save_now.clone();
                EventListener::new(window, "pagehide", move |_| save_now())
            });
            let document = window.as_ref().and_then(web_sys::Window::document);
            let on_hidden = document.map(|document| {
                let hidden = document.clone();
                EventListener::new(&document, "visibilitychange", move |_| {
                    if hidden.hidden() {
                        save_now()
                    }
                })
            });
            move || drop((on_storage, on_hide, on_hidden))
        });
    }
    let on_event = {
        let (state, revision, clock, latest) = (
            state.clone(),
            revision.clone(),
            clock.clone(),
            latest.clone(),
        );
        Callback::from(move |event: ProgressEvent| {
            let now = clock.now_ms();
            let today = clock.local_day();
            let mut progress = (*latest.borrow().clone()).clone();
            let changed = match event {
                ProgressEvent::Finished(session, bank) => {
                    progress.record_session(&session, &bank, now, today)
                }
                ProgressEvent::Import(backup) => {
                    let before = progress.clone();
                    progress.merge(&backup);
                    progress != before
                }
                ProgressEvent::Favourite(question) => {
                    progress.toggle_favourite(&question, now);
                    true
                }
                ProgressEvent::Answered {
                    bank,
                    question,
                    right,
                } => {
                    progress.record_answer(&bank, &question, right, now, today);
                    true
                }
            };
            if changed {
                let progress = Rc::new(progress);
                *latest.borrow_mut() = progress.clone();
                state.set((progress, state.1.clone()));
                revision.set(*revision + 1);
            }
        })
    };
    ProgressContext {
        progress: state.0.clone(),
        status: state.1.clone(),
        on_event,
    }
}
