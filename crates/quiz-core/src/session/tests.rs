//! Tests of the quiz engine: draws, shuffles, deadlines, answers and grading.

use super::*;
use crate::check_bank;

const BANK: &str = r#"{
  "id": "t", "version": 2, "updated": "2026-11-28",
  "title": {"zh": "测试"}, "description": {"zh": "测试"},
  "paper": {"time_limit_minutes": 1, "pass_percent": 60, "sections": [
    {"type": "single", "count": 2, "points": 2}, {"type": "multiple", "count": 1, "points": 4},
    {"type": "judge", "count": 1, "points": 1}, {"type": "fill", "count": 1, "points": 3}]},
  "questions": [
    {"id": "s1", "type": "single", "stem": {"zh": "一"}, "options": [{"zh": "甲"}, {"zh": "乙"}, {"zh": "丙"}, {"zh": "以上都不对", "fixed": true}], "answer": "B", "tags": ["a"]},
    {"id": "s2", "type": "single", "stem": {"zh": "二"}, "options": [{"zh": "甲"}, {"zh": "乙"}], "answer": "A", "tags": ["a"]},
    {"id": "s3", "type": "single", "stem": {"zh": "三"}, "options": [{"zh": "甲"}, {"zh": "乙"}], "answer": "A", "tags": ["b"]},
    {"id": "m1", "type": "multiple", "stem": {"zh": "四"}, "options": [{"zh": "甲"}, {"zh": "乙"}, {"zh": "丙"}, {"zh": "丁"}], "answer": "ACD", "tags": ["b"]},
    {"id": "j1", "type": "judge", "stem": {"zh": "五"}, "answer": false},
    {"id": "f1", "type": "fill", "stem": {"zh": "____年____月"}, "answer": [{"zh": ["一九二一", "1921"]}, {"zh": ["七"], "en": ["July", "7"]}]}
  ]
}"#;

fn bank() -> Bank {
    let checked = check_bank("t.json", BANK.as_bytes());
    assert_eq!(checked.error_count(), 0, "{:?}", checked.diagnostics);
    checked.value.unwrap()
}

fn exam(limit_ms: Option<u64>, seed: u64) -> Session {
    let plan = Plan {
        mode: Mode::Exam,
        selection: Selection::Paper { count: None },
        time_limit_ms: limit_ms,
    };
    Session::start(&bank(), plan, seed, 1_000).unwrap()
}

fn index_of(session: &Session, id: &str) -> usize {
    session.items.iter().position(|item| item.id == id).unwrap()
}

/// Picks bank option `option` of item `index` through the shuffled order.
fn pick(session: &mut Session, index: usize, option: usize, now: u64) -> Result<(), Refused> {
    let shown = session.items[index]
        .order
        .iter()
        .position(|&o| o == option)
        .unwrap();
    session.choose(index, shown, now)
}

/// Answers every question correctly.
fn answer_all(session: &mut Session, now: u64) {
    for index in 0..session.items.len() {
        match session.items[index].id.as_str() {
            "s1" => pick(session, index, 1, now).unwrap(),
            "s2" | "s3" => pick(session, index, 0, now).unwrap(),
            "m1" => {
                for option in [0, 2, 3] {
                    pick(session, index, option, now).unwrap();
                }
            }
            "j1" => session.judge(index, false, now).unwrap(),
            "f1" => {
                session.fill(index, 0, 2, "１９２１", now).unwrap();
                session.fill(index, 1, 2, " july ", now).unwrap();
            }
            other => panic!("unexpected {other}"),
        }
    }
}

#[test]
fn the_paper_draws_its_sections_grouped_by_type() {
    let session = exam(Some(60_000), 7);
    let kinds: Vec<QuestionType> = session.items.iter().map(|i| i.kind).collect();
    assert_eq!(
        kinds,
        [
            QuestionType::Single,
            QuestionType::Single,
            QuestionType::Multiple,
            QuestionType::Judge,
            QuestionType::Fill
        ]
    );
    assert_eq!(session.deadline_ms, Some(61_000));
    assert_eq!(session.items[2].points, 4);
}

#[test]
fn the_same_seed_gives_the_same_attempt_and_others_differ() {
    assert_eq!(exam(None, 42), exam(None, 42));
    let orders: std::collections::HashSet<Vec<Vec<usize>>> = (0..20)
        .map(|seed| {
            exam(None, seed)
                .items
                .iter()
                .map(|i| i.order.clone())
                .collect()
        })
        .collect();
    assert!(orders.len() > 5, "shuffles barely vary: {}", orders.len());
}

#[test]
fn fixed_options_keep_their_place() {
    // Draw s1 for certain, under many seeds, so the shuffle is exercised
    // every time (a paper draw might leave it out).
    let mut moved = false;
    for seed in 0..50 {
        let plan = Plan {
            mode: Mode::Exam,
            selection: Selection::Ids {
                ids: vec!["s1".into()],
            },
            time_limit_ms: None,
        };
        let session = Session::start(&bank(), plan, seed, 1_000).unwrap();
        let order = &session.items[0].order;
        assert_eq!(session.items[0].id, "s1");
        assert_eq!(order[3], 3, "seed {seed}: the fixed option moved");
        moved |= order[..3] != [0, 1, 2];
    }
    assert!(moved, "the other options were never shuffled");
}

#[test]
fn remaining_time_counts_down_from_the_deadline_and_never_rises() {
    let mut session = exam(Some(60_000), 1);
    assert_eq!(session.remaining_ms(1_000), Some(60_000));
    assert_eq!(session.remaining_ms(31_000), Some(30_000));
    assert_eq!(
        session.remaining_ms(500),
        Some(60_000).map(|r: u64| r + 500)
    );
    let mut last = u64::MAX;
    for now in (1_000..70_000).step_by(999) {
        session.tick(now);
        let left = session.remaining_ms(now).unwrap();
        assert!(left <= last);
        last = left;
    }
    assert_eq!(last, 0);
}

#[test]
fn answers_after_the_deadline_are_refused_and_the_exam_submits_itself() {
    let mut session = exam(Some(60_000), 3);
    let judge = index_of(&session, "j1");
    session.judge(judge, false, 30_000).unwrap();
    assert_eq!(session.judge(judge, true, 61_000), Err(Refused::TimeUp));
    assert_eq!(
        session.finished,
        Some(Finished {
            at_ms: 61_000,
            reason: FinishReason::TimeUp
        })
    );
    assert_eq!(session.judge(judge, true, 62_000), Err(Refused::Finished));
    let grade = session.grade(&bank());
    assert_eq!(grade.time_used_ms, 60_000);
    assert_eq!(
        grade.outcomes[judge],
        Outcome::Correct,
        "the answer given in time counts"
    );
}

#[test]
fn a_phone_that_slept_past_the_deadline_submits_on_first_look() {
    let mut session = exam(Some(60_000), 3);
    answer_all(&mut session, 2_000);
    // An hour later, the first thing the app does is look at the time.
    assert!(session.tick(3_600_000));
    assert_eq!(session.finished.unwrap().reason, FinishReason::TimeUp);
    assert_eq!(session.finished.unwrap().at_ms, 61_000);
    assert_eq!(session.remaining_ms(3_600_000), Some(0));
    assert!(session.grade(&bank()).passed);
    // Submitting late is the same time-up, not a new submission.
    let mut late = exam(Some(60_000), 3);
    late.submit(100_000);
    assert_eq!(
        late.finished.unwrap(),
        Finished {
            at_ms: 61_000,
            reason: FinishReason::TimeUp
        }
    );
}

#[test]
fn answering_every_key_scores_the_maximum() {
    let mut session = exam(Some(60_000), 9);
    answer_all(&mut session, 5_000);
    session.submit(20_000);
    let grade = session.grade(&bank());
    assert_eq!(grade.score, grade.max);
    assert_eq!(grade.max, Score::points(2 * 2 + 4 + 1 + 3));
    assert_eq!(grade.correct, 5);
    assert!(grade.passed);
    assert_eq!(grade.time_used_ms, 19_000);
    let types: Vec<&str> = grade.by_type.iter().map(|b| b.key.as_str()).collect();
    assert_eq!(types, ["single", "multiple", "judge", "fill"]);
}

#[test]
fn multiple_choice_is_all_or_nothing_unless_partial_credit() {
    for (partial, expected, score) in [
        (false, Outcome::Wrong, Score(0)),
        (true, Outcome::Partial, Score(4)),
    ] {
        let mut session = exam(None, 5);
        session.partial_credit = partial;
        let multiple = index_of(&session, "m1");
        pick(&mut session, multiple, 0, 2_000).unwrap();
        pick(&mut session, multiple, 2, 2_000).unwrap();
        assert_eq!(session.outcome(multiple, &bank()), expected);
        session.submit(3_000);
        let grade = session.grade(&bank());
        let by_multiple = grade.by_type.iter().find(|b| b.key == "multiple").unwrap();
        assert_eq!(by_multiple.score, score);
        // A wrong option spoils partial credit.
        pick(&mut session, multiple, 1, 2_000).unwrap_err();
    }
    let mut session = exam(None, 5);
    session.partial_credit = true;
    let multiple = index_of(&session, "m1");
    pick(&mut session, multiple, 0, 2_000).unwrap();
    pick(&mut session, multiple, 1, 2_000).unwrap();
    assert_eq!(session.outcome(multiple, &bank()), Outcome::Wrong);
    // Choosing again deselects.
    pick(&mut session, multiple, 1, 2_000).unwrap();
    assert_eq!(session.items[multiple].response, Response::Choices(vec![0]));
}

#[test]
fn single_choice_replaces_and_judge_and_fill_grade_exactly() {
    let mut session = exam(None, 11);
    let single = index_of(&session, "s1");
    pick(&mut session, single, 0, 2_000).unwrap();
    pick(&mut session, single, 1, 2_000).unwrap();
    assert_eq!(session.items[single].response, Response::Choices(vec![1]));
    assert_eq!(session.outcome(single, &bank()), Outcome::Correct);
    let judge = index_of(&session, "j1");
    session.judge(judge, true, 2_000).unwrap();
    assert_eq!(session.outcome(judge, &bank()), Outcome::Wrong);
    let fill = index_of(&session, "f1");
    session.fill(fill, 0, 2, "1921", 2_000).unwrap();
    assert_eq!(
        session.outcome(fill, &bank()),
        Outcome::Wrong,
        "one blank of two"
    );
    session.fill(fill, 1, 2, "７", 2_000).unwrap();
    assert_eq!(session.outcome(fill, &bank()), Outcome::Correct);
    assert_eq!(session.judge(fill, true, 2_000), Err(Refused::WrongKind));
    assert_eq!(session.unanswered(), 2);
}

#[test]
fn practice_reveals_each_answer_once_checked_and_locks_it() {
    let plan = Plan {
        mode: Mode::Practice,
        selection: Selection::Sequential,
        time_limit_ms: Some(1),
    };
    let mut session = Session::start(&bank(), plan, 1, 0).unwrap();
    assert_eq!(session.deadline_ms, None, "practice is untimed");
    let ids: Vec<&str> = session.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        ["s1", "s2", "s3", "m1", "j1", "f1"],
        "sequential keeps bank order"
    );
    session.judge(4, true, 10).unwrap();
    assert_eq!(session.check(4, &bank(), 10), Ok(Outcome::Wrong));
    assert_eq!(session.judge(4, false, 10), Err(Refused::AlreadyChecked));
    let mut exam = exam(None, 1);
    assert_eq!(exam.check(0, &bank(), 10), Err(Refused::WrongKind));
}

#[test]
fn tag_and_id_selections() {
    let plan = |selection| Plan {
        mode: Mode::Practice,
        selection,
        time_limit_ms: None,
    };
    let session = Session::start(&bank(), plan(Selection::Tag { tag: "b".into() }), 3, 0).unwrap();
    let mut ids: Vec<&str> = session.items.iter().map(|i| i.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["m1", "s3"]);
    assert_eq!(
        Session::start(&bank(), plan(Selection::Tag { tag: "nope".into() }), 3, 0),
        Err(StartError::NoQuestions)
    );
    let session = Session::start(
        &bank(),
        plan(Selection::Ids {
            ids: vec!["j1".into(), "gone".into(), "s2".into()],
        }),
        3,
        0,
    )
    .unwrap();
    let ids: Vec<&str> = session.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["j1", "s2"]);
}

#[test]
fn a_chosen_count_keeps_the_mix_and_is_capped_by_the_bank() {
    let counts = draw::section_counts(&bank(), &bank().paper, Some(3));
    assert_eq!(counts.iter().map(|(_, c)| c).sum::<usize>(), 3);
    let counts = draw::section_counts(&bank(), &bank().paper, Some(100));
    assert_eq!(
        counts.iter().map(|(_, c)| c).sum::<usize>(),
        6,
        "only six questions exist"
    );
}

#[test]
fn a_serialised_session_resumes_identically() {
    let mut session = exam(Some(60_000), 13);
    let single = index_of(&session, "s2");
    pick(&mut session, single, 0, 2_000).unwrap();
    session.toggle_flag(single);
    session.goto(3);
    let text = serde_json::to_string(&session).unwrap();
    let mut resumed: Session = serde_json::from_str(&text).unwrap();
    assert_eq!(resumed, session);
    answer_all(&mut resumed, 3_000);
    answer_all(&mut session, 3_000);
    resumed.submit(4_000);
    session.submit(4_000);
    assert_eq!(resumed.grade(&bank()), session.grade(&bank()));
}

/// A shared-paper exam of [`bank`] (or another) with `code`.
fn shared_exam(
    bank: &Bank,
    code: &str,
    count: Option<u32>,
    seed: u64,
) -> Result<Session, StartError> {
    let plan = Plan {
        mode: Mode::Exam,
        selection: Selection::Shared {
            code: code.to_string(),
            count,
        },
        time_limit_ms: Some(60_000),
    };
    Session::start(bank, plan, seed, 1_000)
}

/// Each item's id and option order, the shape of a paper.
fn shape(session: &Session) -> Vec<(String, Vec<usize>)> {
    session
        .items
        .iter()
        .map(|item| (item.id.clone(), item.order.clone()))
        .collect()
}

#[test]
fn a_shared_paper_is_pinned_for_this_bank_and_code() {
    // Golden values: if this test fails, the draw changed and every link a
    // branch has posted would give its members different papers.
    let bank = bank();
    let code = shared::new_code(&bank, 0x5eed);
    assert_eq!(code, "FRR2-N72T");
    let session = shared_exam(&bank, &code, None, 1).unwrap();
    let golden: Vec<(String, Vec<usize>)> = [
        ("s3", vec![1, 0]),
        ("s2", vec![0, 1]),
        ("m1", vec![1, 2, 3, 0]),
        ("j1", vec![]),
        ("f1", vec![]),
    ]
    .into_iter()
    .map(|(id, order)| (id.to_string(), order))
    .collect();
    assert_eq!(shape(&session), golden);
    // The whole bank through the same code: the fixed option (以上都不对)
    // stays last.
    let all = shared_exam(&bank, &code, Some(6), 1).unwrap();
    let golden_all: Vec<(String, Vec<usize>)> = [
        ("s3", vec![1, 0]),
        ("s2", vec![0, 1]),
        ("s1", vec![0, 1, 2, 3]),
        ("m1", vec![1, 2, 3, 0]),
        ("j1", vec![]),
        ("f1", vec![]),
    ]
    .into_iter()
    .map(|(id, order)| (id.to_string(), order))
    .collect();
    assert_eq!(shape(&all), golden_all);
    assert_eq!(shared::questions_hash(&bank), 10_110_653_840_394_239_429);
}

#[test]
fn everyone_with_the_code_gets_the_same_paper_whatever_their_seed_or_file_order() {
    let bank = bank();
    let code = shared::new_code(&bank, 42);
    let first = shared_exam(&bank, &code, None, 1).unwrap();
    let second = shared_exam(&bank, &code, None, 0xdead_beef).unwrap();
    assert_eq!(shape(&first), shape(&second));
    // The same questions in another order in the file: the same paper.
    let mut reordered = bank.clone();
    reordered.questions.reverse();
    let third = shared_exam(&reordered, &code, None, 7).unwrap();
    assert_eq!(shape(&first), shape(&third));
    // The code as a member might type it.
    let typed = code.to_lowercase().replace('-', "");
    assert_eq!(shared::check_code(&bank, &typed), Ok(code.clone()));
    // Another code is (almost surely) another paper.
    let other = (1..20)
        .map(|seed| shared::new_code(&bank, seed * 7_919))
        .filter(|other| *other != code)
        .map(|other| shape(&shared_exam(&bank, &other, None, 1).unwrap()))
        .filter(|other| *other != shape(&first))
        .count();
    assert!(other > 10, "codes hardly change the paper: {other}");
    // With a count the paper scales, and stays shared.
    let three = shared_exam(&bank, &code, Some(3), 1).unwrap();
    assert_eq!(three.items.len(), 3);
    assert_eq!(
        shape(&three),
        shape(&shared_exam(&bank, &code, Some(3), 9).unwrap())
    );
    // A retake of a shared paper is the same paper.
    assert_eq!(
        shape(&first),
        shape(&shared_exam(&bank, &code, None, 99).unwrap())
    );
}

#[test]
fn a_code_does_not_fit_another_bank_or_changed_questions() {
    let bank = bank();
    let code = shared::new_code(&bank, 42);
    let mut changed = bank.clone();
    changed.questions[0].stem.zh.push('？');
    assert_ne!(
        shared::questions_hash(&bank),
        shared::questions_hash(&changed)
    );
    assert_eq!(
        shared::check_code(&changed, &code),
        Err(shared::CodeProblem::OtherBank)
    );
    assert_eq!(
        shared_exam(&changed, &code, None, 1).unwrap_err(),
        StartError::PaperDoesNotFit
    );
    let mut other = bank.clone();
    other.id = "rules".into();
    assert_eq!(
        shared::check_code(&other, &code),
        Err(shared::CodeProblem::OtherBank)
    );
    // The title, the paper's points and the version alone do not count.
    let mut retitled = bank.clone();
    retitled.title.zh = "新标题".into();
    retitled.version += 1;
    assert_eq!(shared::check_code(&retitled, &code), Ok(code.clone()));
    assert_eq!(
        shared::check_code(&bank, "not a code"),
        Err(shared::CodeProblem::Malformed)
    );
}

#[test]
fn an_unfinished_shared_paper_is_saved_and_resumed_with_its_code() {
    use crate::progress::SavedAttempt;
    let bank = bank();
    let code = shared::new_code(&bank, 42);
    for count in [None, Some(3)] {
        let session = shared_exam(&bank, &code, count, 1).unwrap();
        let saved = SavedAttempt::from_session(&session);
        let resumed = saved.to_session().unwrap();
        assert_eq!(resumed.plan, session.plan);
        assert_eq!(resumed.plan.selection.paper_code(), Some(code.as_str()));
    }
}
