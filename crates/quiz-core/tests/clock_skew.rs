//! A member's changes survive any clock: two tabs answer, mark favourites
//! and save the way the app does (re-read, merge, write) while the
//! device clock jumps back and forth, and every change a tab saves is what
//! storage holds afterwards.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use quiz_core::progress::Progress;

/// One step: which tab acts, what it does, to which question, and what the
/// clock reads then.
#[derive(Debug, Clone)]
struct Step {
    tab: usize,
    favourite: bool,
    right: bool,
    question: usize,
    now_ms: u64,
}

/// Clock readings: ordinary times, jumps far ahead or back, and the
/// extremes a crafted backup could plant.
fn clock() -> impl Strategy<Value = u64> {
    prop_oneof![
        4 => 1_700_000_000_000u64..1_700_000_100_000,
        2 => 0u64..1_000,
        2 => 1_800_000_000_000u64..1_900_000_000_000,
        1 => Just(u64::MAX),
        1 => Just(u64::MAX - 1),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    (0usize..2, any::<bool>(), any::<bool>(), 0usize..3, clock()).prop_map(
        |(tab, favourite, right, question, now_ms)| Step {
            tab,
            favourite,
            right,
            question,
            now_ms,
        },
    )
}

/// What a save does in the app: what storage holds is read, merged into the
/// tab's copy, and written; the tab adopts the result, its changes saved.
fn save(tab: &mut Progress, stored: &mut Progress) {
    let mut merged = tab.clone();
    merged.merge(stored);
    merged.mark_saved();
    *stored = merged.clone();
    *tab = merged;
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_saved_change_is_kept_under_any_clock(
        planted in clock(),
        steps in proptest::collection::vec(step(), 1..40),
    ) {
        // Storage starts with a record stamped by a clock far ahead (or a
        // crafted backup), for every question.
        let mut stored = Progress::default();
        for question in 0..3 {
            stored.record_answer("charter", &format!("q{question}"), true, planted, 1);
        }
        let mut tabs = [stored.clone(), stored.clone()];
        for step in steps {
            let id = format!("q{}", step.question);
            let tab = &mut tabs[step.tab];
            if step.favourite {
                tab.toggle_favourite(&id, step.now_ms);
            } else {
                tab.record_answer("charter", &id, step.right, step.now_ms, 2);
            }
            let changed = tab.questions[&id].clone();
            save(tab, &mut stored);
            let kept = &stored.questions[&id];
            prop_assert_eq!(kept.favourite, changed.favourite, "favourite undone");
            prop_assert_eq!(kept.seen, changed.seen, "answer undone");
            prop_assert_eq!(kept.wrong_book, changed.wrong_book, "wrong-answer book undone");
            prop_assert_eq!(kept.review, changed.review, "review schedule undone");
        }
    }
}

#[test]
fn an_answer_after_the_clock_is_set_back_is_kept() {
    // The phone's clock ran a day ahead when the question was first
    // answered, then was corrected; the member answers it again.
    let ahead = 1_700_086_400_000;
    let corrected = 1_700_000_000_000;
    let mut stored = Progress::default();
    stored.record_answer("charter", "q", false, ahead, 1);
    let mut tab = stored.clone();
    tab.record_answer("charter", "q", true, corrected, 2);
    tab.toggle_favourite("q", corrected + 1);
    save(&mut tab, &mut stored);
    assert_eq!(stored.questions["q"].seen, 2);
    assert!(stored.questions["q"].favourite);
}
