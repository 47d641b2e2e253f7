//! Saving an unfinished exam, so a reload or a crash resumes it.

use crate::platform::KeyValueStore;
use crate::progress_store::save_active;
use quiz_core::session::{Mode, Session};
use std::rc::Rc;
use yew::prelude::*;

/// Saves an exam in `storage` after every change of its session; once it
/// is finished the saved copy is removed (it is in the history). Practice
/// is not saved. Returns whether the last save failed, which the page must
/// say: the member must not reload then.
#[hook]
pub fn use_save_unfinished(storage: Rc<dyn KeyValueStore>, session: Session) -> bool {
    let failed = use_state(|| false);
    {
        let failed = failed.clone();
        use_effect_with(session, move |session| {
            if session.plan.mode == Mode::Exam {
                let saved = save_active(storage.as_ref(), session);
                if let Err(error) = &saved {
                    web_sys::console::warn_1(
                        &format!("quiz: could not save the exam: {error}").into(),
                    );
                }
                if *failed != saved.is_err() {
                    failed.set(saved.is_err());
                }
            }
        });
    }
    *failed
}
