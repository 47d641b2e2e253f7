//! Recording a quiz in the member's progress: results and checked answers.

use super::{ProgressContext, ProgressEvent};
use crate::quiz_state::QuizState;
use std::rc::Rc;
use yew::prelude::*;

/// Tells the progress hook (through its context) of a finished session
/// and of each practice answer as it is checked; the progress hook saves
/// them in its own effect. Without a progress context (a component test)
/// nothing is recorded.
#[hook]
pub fn use_record_progress(state: UseReducerHandle<QuizState>) {
    let progress = use_context::<ProgressContext>();
    let finished = state.session.is_finished();
    {
        let (progress, state) = (progress.clone(), state.clone());
        use_effect_with(finished, move |finished| {
            if let (true, Some(progress)) = (*finished, progress) {
                progress.on_event.emit(ProgressEvent::Finished(
                    Rc::new(state.session.clone()),
                    state.bank.clone(),
                ));
            }
        });
    }
    let checked: Vec<bool> = state
        .session
        .items
        .iter()
        .map(|item| item.checked)
        .collect();
    let previous = use_mut_ref(|| checked.clone());
    use_effect_with(checked, move |checked| {
        let newly: Vec<usize> = checked
            .iter()
            .zip(previous.borrow().iter())
            .enumerate()
            .filter(|(_, (now, before))| **now && !**before)
            .map(|(index, _)| index)
            .collect();
        *previous.borrow_mut() = checked.clone();
        if let Some(progress) = progress {
            for index in newly {
                let right = state.session.outcome(index, &state.bank).is_correct();
                let question = state.session.items[index].id.clone();
                progress.on_event.emit(ProgressEvent::Answered {
                    bank: state.bank.id.clone(),
                    question,
                    right,
                });
            }
        }
    });
}
