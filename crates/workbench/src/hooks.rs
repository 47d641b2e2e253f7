//! The workbench's hooks: the façades of checking the draft as it is
//! edited and keeping it in the browser's storage.

use crate::editor::{self, Live, Saved, Session};
use quiz_app::platform::pacing::Pacer;
use quiz_app::platform::{KeyValueStore, StorageError};
use quiz_core::bank::PauseFuture;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use yew::prelude::*;

/// How long typing must stop before the draft is checked and saved: a
/// check of a 1,000-question bank is tens of milliseconds in steps, but
/// there is no reason to run one per keystroke.
pub const SETTLE_MS: u64 = 250;

/// How much longer typing must pause before the lints run (the
/// near-duplicate search is one step of up to a second on a large bank
/// full of similar questions).
pub const LINT_SETTLE_MS: u64 = 750;

/// The storage key of the draft being edited.
pub const DRAFT_KEY: &str = "quiz.workbench.draft";

/// Checks the session's draft after each edit, once typing settles, in
/// steps that leave the page responsive; a newer edit cancels an older
/// check (its next pause never ends, so the task is dropped). The lints
/// follow after a longer pause. `None` until the first check of an edited
/// draft finishes; the result names the revision it checked, so the page
/// can tell a stale one.
#[hook]
pub fn use_live_check(session: Option<Rc<Session>>) -> Option<Live> {
    let live = use_state(|| None::<Live>);
    let latest = use_mut_ref(|| Rc::new(Cell::new(0u64)));
    let key = session.as_ref().map(|s| (s.epoch, s.revision));
    {
        let live = live.clone();
        let latest = latest.borrow().clone();
        use_effect_with(key, move |key| {
            let stamp = latest.get() + 1;
            latest.set(stamp);
            if let (Some(session), Some((_, revision))) = (session, *key) {
                if revision > 0 {
                    wasm_bindgen_futures::spawn_local(async move {
                        yew::platform::time::sleep(Duration::from_millis(SETTLE_MS)).await;
                        if latest.get() != stamp {
                            return;
                        }
                        let mut pacer = Pacer::start();
                        let current = latest.clone();
                        let mut pause = move || -> PauseFuture {
                            if current.get() == stamp {
                                pacer.pause()
                            } else {
                                // A newer edit: this check never resumes.
                                Box::pin(std::future::pending())
                            }
                        };
                        let checked = editor::check(&session, &mut pause).await;
                        if latest.get() != stamp {
                            return;
                        }
                        let bank = checked.bank.clone().map(Rc::new);
                        live.set(Some(Live {
                            epoch: session.epoch,
                            revision,
                            problems: Rc::new(editor::in_order(checked.problems.clone())),
                            bank: bank.clone(),
                            linted: false,
                        }));
                        if bank.is_none() {
                            return;
                        }
                        // The lints are one long step on a large bank: they
                        // wait for a longer pause in typing, and an edit in
                        // the meantime drops them.
                        yew::platform::time::sleep(Duration::from_millis(LINT_SETTLE_MS)).await;
                        if latest.get() != stamp {
                            return;
                        }
                        let mut problems = checked.problems.clone();
                        problems.extend(editor::lint(&session, &checked));
                        if latest.get() == stamp {
                            live.set(Some(Live {
                                epoch: session.epoch,
                                revision,
                                problems: Rc::new(editor::in_order(problems)),
                                bank,
                                linted: true,
                            }));
                        }
                    });
                }
            }
        });
    }
    (*live).clone()
}

/// Whether the draft could be kept in the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// Saved (or nothing to save yet).
    Saved,
    /// Storage refused: blocked (a third-party iframe, private mode).
    Blocked,
    /// Storage is full.
    Full,
}

/// Keeps the session's draft in storage as it is edited (once typing
/// settles; an unedited file is not kept), and says when storage refuses
/// it; editing and downloading go on either way.
#[hook]
pub fn use_kept_draft(storage: Rc<dyn KeyValueStore>, session: Option<Rc<Session>>) -> Kept {
    let kept = use_state(|| Kept::Saved);
    let latest = use_mut_ref(|| Rc::new(Cell::new(0u64)));
    let key = session.as_ref().map(|s| (s.epoch, s.revision));
    {
        let kept = kept.clone();
        let latest = latest.borrow().clone();
        use_effect_with(key, move |_| {
            let stamp = latest.get() + 1;
            latest.set(stamp);
            // Only a draft with edits is kept: an unedited one is the file
            // on disk, and keeping it would overwrite an earlier draft not
            // yet continued or discarded.
            if let Some(session) = session.filter(|s| s.edited()) {
                wasm_bindgen_futures::spawn_local(async move {
                    yew::platform::time::sleep(Duration::from_millis(SETTLE_MS)).await;
                    if latest.get() != stamp {
                        return;
                    }
                    let text = serde_json::to_string(&session.saved()).unwrap_or_default();
                    kept.set(match storage.set(DRAFT_KEY, &text) {
                        Ok(()) => Kept::Saved,
                        Err(StorageError::QuotaExceeded) => Kept::Full,
                        Err(_) => Kept::Blocked,
                    });
                });
            }
        });
    }
    *kept
}

/// The draft kept by an earlier visit, when there is one that reads.
pub fn kept_draft(storage: &dyn KeyValueStore) -> Option<Saved> {
    let text = storage.get(DRAFT_KEY).ok()??;
    serde_json::from_str(&text).ok()
}

/// Forgets the kept draft (the coordinator chose to discard it).
pub fn forget_draft(storage: &dyn KeyValueStore) {
    let _ = storage.remove(DRAFT_KEY);
}
