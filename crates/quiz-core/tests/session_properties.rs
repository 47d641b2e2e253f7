//! Properties of quiz sessions over the shipped banks and random seeds and
//! answers: the score never exceeds the maximum, the answer key scores the
//! maximum, and a session saved at any point resumes identically.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use quiz_core::bank::{Body, QuestionType};
use quiz_core::progress::SavedAttempt;
use quiz_core::session::{Mode, Plan, Selection, Session};
use quiz_core::{check_bank, Bank};
use std::sync::OnceLock;

fn bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(|| {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../questions/rules.json"
        ))
        .unwrap();
        check_bank("rules.json", &bytes).value.unwrap()
    })
}

fn start(seed: u64, count: Option<u32>) -> Session {
    let plan = Plan {
        mode: Mode::Exam,
        selection: Selection::Paper { count },
        time_limit_ms: Some(1_800_000),
    };
    Session::start(bank(), plan, seed, 0).unwrap()
}

/// Applies one random action (by number) to question `index`.
fn act(session: &mut Session, index: usize, action: u8, now: u64) {
    let index = index % session.items.len();
    let item = &session.items[index];
    let _ = match item.kind {
        QuestionType::Single | QuestionType::Multiple => {
            let shown = usize::from(action) % item.order.len();
            session.choose(index, shown, now)
        }
        QuestionType::Judge => session.judge(index, action % 2 == 0, now),
        QuestionType::Fill => session.fill(
            index,
            0,
            1,
            ["一", "1", "x", ""][usize::from(action) % 4],
            now,
        ),
    };
    if action % 7 == 0 {
        session.toggle_flag(index);
    }
}

/// Answers every question with the bank's key.
fn answer_key(session: &mut Session) {
    for index in 0..session.items.len() {
        let id = session.items[index].id.clone();
        let question = bank().questions.iter().find(|q| q.id == id).unwrap();
        let order = session.items[index].order.clone();
        let shown = |option: usize| order.iter().position(|&o| o == option).unwrap();
        match &question.body {
            Body::Single { answer, .. } => session.choose(index, shown(*answer), 1).unwrap(),
            Body::Multiple { answer, .. } => {
                for option in answer {
                    session.choose(index, shown(*option), 1).unwrap();
                }
            }
            Body::Judge { answer } => session.judge(index, *answer, 1).unwrap(),
            Body::Fill { blanks } => {
                for (i, blank) in blanks.iter().enumerate() {
                    session
                        .fill(index, i, blanks.len(), &blank.zh[0], 1)
                        .unwrap();
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn the_score_never_exceeds_the_maximum(
        seed in any::<u64>(),
        count in proptest::option::of(1u32..60),
        actions in proptest::collection::vec((0usize..200, any::<u8>()), 0..80),
    ) {
        let mut session = start(seed, count);
        for (i, (index, action)) in actions.iter().enumerate() {
            act(&mut session, *index, *action, 10 + i as u64);
        }
        session.submit(5_000);
        let grade = session.grade(bank());
        prop_assert!(grade.score <= grade.max);
        prop_assert_eq!(grade.outcomes.len(), session.items.len());
        if let Some(count) = count {
            prop_assert!(session.items.len() <= count as usize);
        }
    }

    #[test]
    fn the_answer_key_scores_the_maximum(seed in any::<u64>(), count in proptest::option::of(1u32..60)) {
        let mut session = start(seed, count);
        answer_key(&mut session);
        session.submit(2);
        let grade = session.grade(bank());
        prop_assert_eq!(grade.score, grade.max);
        prop_assert!(grade.passed);
    }

    #[test]
    fn a_session_saved_at_any_point_resumes_identically(
        seed in any::<u64>(),
        before in proptest::collection::vec((0usize..200, any::<u8>()), 0..30),
        after in proptest::collection::vec((0usize..200, any::<u8>()), 0..30),
    ) {
        let mut session = start(seed, None);
        for (index, action) in &before {
            act(&mut session, *index, *action, 100);
        }
        // The path the app takes: the stored form, its text, and back.
        let saved = SavedAttempt::from_session(&session).encode();
        let decoded = SavedAttempt::decode(&saved);
        prop_assert!(decoded.is_some(), "unreadable: {}", saved);
        let mut resumed = decoded.unwrap().to_session().unwrap();
        if session.is_finished() {
            // A finished exam is removed, not resumed; what is compared is
            // everything else.
            resumed.finished = session.finished;
        }
        prop_assert_eq!(&resumed, &session);
        for (index, action) in &after {
            act(&mut session, *index, *action, 200);
            act(&mut resumed, *index, *action, 200);
        }
        session.submit(300);
        resumed.submit(300);
        prop_assert_eq!(resumed.grade(bank()), session.grade(bank()));
    }
}
