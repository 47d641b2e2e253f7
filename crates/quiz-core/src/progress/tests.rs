//! Tests of progress: recording, merging, bounds, the daily set and streaks.

use super::*;
use crate::check_bank;
use crate::session::{Mode, Plan, Selection, Session};

fn attempt(id: &str, started_ms: u64, outcomes: usize) -> Attempt {
    Attempt {
        id: id.into(),
        bank: "charter".into(),
        bank_version: 1,
        mode: "exam".into(),
        score: 10,
        max: 20,
        passed: false,
        started_ms,
        duration_ms: 1_000,
        outcomes: (0..outcomes)
            .map(|i| (format!("charter-{i:03}"), 'c'))
            .collect(),
    }
}

#[test]
fn round_trips_through_the_stored_form() {
    let mut progress = Progress::default();
    progress.attempts.push(attempt("a", 1, 3));
    progress.record_answer("charter", "charter-001", false, 5, 20_000);
    progress.toggle_favourite("charter-002", 6);
    let stored = encode(&progress);
    assert!(stored.contains(r#""schema":2"#), "{stored}");
    assert_eq!(decode(Some(&stored)), Decoded::Current(progress));
    assert_eq!(decode(None), Decoded::Empty);
}

#[test]
fn newer_schemas_are_left_alone_and_garbage_is_reported() {
    assert_eq!(
        decode(Some(r#"{"schema": 99, "progress": {}}"#)),
        Decoded::Newer {
            version: 99,
            readable: Some(Box::default())
        }
    );
    // A newer schema that this build cannot read is still left alone.
    assert_eq!(
        decode(Some(
            r#"{"schema": 99, "progress": {"attempts": {"moved": true}}}"#
        )),
        Decoded::Newer {
            version: 99,
            readable: None
        }
    );
    for bad in [
        "{\"schema\": 1, \"progress\": {\"attempts\": [",
        "null",
        "{\"progress\": {}}",
        "{\"schema\": 1}",
        "{\"schema\": 1, \"progress\": {\"attempts\": 5}}",
    ] {
        assert!(
            matches!(decode(Some(bad)), Decoded::Corrupt { .. }),
            "{bad}"
        );
    }
}

#[test]
fn the_wrong_book_takes_misses_and_lets_go_after_three_right_in_a_row() {
    let mut progress = Progress::default();
    progress.record_answer("charter", "q", false, 1, 100);
    assert!(progress.questions["q"].wrong_book);
    progress.record_answer("charter", "q", true, 2, 100);
    progress.record_answer("charter", "q", true, 3, 101);
    assert!(
        progress.questions["q"].wrong_book,
        "two in a row is not enough"
    );
    progress.record_answer("charter", "q", true, 4, 102);
    assert!(!progress.questions["q"].wrong_book);
    assert_eq!(progress.wrong_book(["q", "r"]), Vec::<String>::new());
    assert_eq!(
        progress.days[&100],
        DayRecord {
            answered: 2,
            right: 1
        }
    );
}

#[test]
fn sm2_grows_intervals_on_right_answers_and_resets_on_misses() {
    let mut review = Review::default();
    assert!(!review.is_due(0), "never-seen questions are not due");
    review = review.after(true, 0);
    assert_eq!((review.interval, review.due), (1, 1));
    review = review.after(true, 1);
    assert_eq!((review.interval, review.due), (6, 7));
    review = review.after(true, 7);
    assert_eq!((review.interval, review.due), (15, 22));
    assert!(review.is_due(22) && !review.is_due(21));
    review = review.after(false, 22);
    assert_eq!(
        (review.interval, review.due, review.reps, review.ease),
        (1, 23, 0, 1_960)
    );
    for _ in 0..5 {
        review = review.after(false, 23);
    }
    assert_eq!(review.ease, 1_300, "ease never drops below 1.3");
}

#[test]
fn merging_keeps_every_attempt_and_the_newer_question_record() {
    let mut mine = Progress::default();
    mine.attempts.push(attempt("a", 1, 2));
    mine.record_answer("charter", "q", true, 10, 5);
    let mut theirs = Progress::default();
    theirs.attempts.push(attempt("b", 2, 2));
    theirs.attempts.push(attempt("a", 1, 2));
    theirs.record_answer("charter", "q", false, 20, 5);
    theirs.record_answer("charter", "r", true, 15, 6);
    mine.mark_saved();
    mine.merge(&theirs);
    let ids: Vec<&str> = mine.attempts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert!(
        mine.questions["q"].wrong_book,
        "the newer record (the miss) wins"
    );
    assert!(mine.questions.contains_key("r"));
    // Merging is idempotent.
    let once = mine.clone();
    mine.merge(&theirs);
    assert_eq!(mine, once);
}

#[test]
fn history_is_bounded_and_pruning_is_counted() {
    let mut progress = Progress::default();
    let mut incoming = Progress::default();
    for i in 0..(MAX_ATTEMPTS + 50) {
        incoming
            .attempts
            .push(attempt(&format!("a{i:05}"), i as u64, 40));
    }
    progress.merge(&incoming);
    assert_eq!(progress.attempts.len(), MAX_ATTEMPTS);
    assert_eq!(progress.pruned, 50);
    let detailed = progress
        .attempts
        .iter()
        .filter(|a| !a.outcomes.is_empty())
        .count();
    assert_eq!(detailed, DETAILED_ATTEMPTS);
    // The footprint target: at most 500k UTF-16 code units after 1,000
    // attempts, with every shipped question answered (records with review
    // schedules) and a year of study days.
    for i in 0..300 {
        for day in 0..3 {
            progress.record_answer("charter", &format!("charter-{i:03}"), i % 3 != 0, 1, day);
        }
        progress.toggle_favourite(&format!("charter-{i:03}"), 2);
    }
    for day in 0..365 {
        progress.record_answer("charter", "charter-000", true, 3, 20_000 + day);
    }
    let stored = encode(&progress);
    let units = stored.encode_utf16().count();
    eprintln!("footprint after {MAX_ATTEMPTS} attempts: {units} UTF-16 units");
    assert!(units <= 500_000, "{units} UTF-16 units");
}

#[test]
fn the_daily_set_is_the_same_for_everyone_and_changes_with_the_day_and_version() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../questions/charter.json"
    ))
    .unwrap();
    let mut bank = check_bank("charter.json", &bytes).value.unwrap();
    let today = daily_set(&bank, "2026-11-28", 10);
    assert_eq!(today.len(), 10);
    assert_eq!(today, daily_set(&bank, "2026-11-28", 10));
    assert_ne!(today, daily_set(&bank, "2026-11-29", 10));
    // The file order does not matter, the version does.
    bank.questions.reverse();
    assert_eq!(today, daily_set(&bank, "2026-11-28", 10));
    bank.version += 1;
    assert_ne!(today, daily_set(&bank, "2026-11-28", 10));
}

/// A bank of 30 judge questions, `g-00` to `g-29`, that never changes.
fn golden_bank() -> crate::Bank {
    let questions: Vec<String> = (0..30)
        .map(|i| {
            format!(
                r#"{{"id": "g-{i:02}", "type": "judge", "stem": {{"zh": "第{i}题"}}, "answer": true, "explanation": {{"zh": "解"}}, "source": {{"zh": "出处"}}}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"id": "golden", "version": 1, "updated": "2026-12-06", "title": {{"zh": "金"}}, "description": {{"zh": "金"}}, "paper": {{"time_limit_minutes": 10, "pass_percent": 60, "sections": [{{"type": "judge", "count": 5, "points": 2}}]}}, "questions": [{}]}}"#,
        questions.join(",")
    );
    check_bank("golden.json", text.as_bytes()).value.unwrap()
}

#[test]
fn the_daily_set_of_a_date_is_pinned_across_builds() {
    // Everyone in a branch gets the same daily set, on every build: a
    // dependency upgrade (the shuffle, the generator) that changed it would
    // give members of one branch different questions on the same day.
    let bank = golden_bank();
    for (date, expected) in GOLDEN_DAILY {
        assert_eq!(daily_set(&bank, date, 5), *expected, "{date}");
    }
}

#[test]
fn day_numbers_and_streaks() {
    assert_eq!(
        day_number("1970-01-01"),
        None,
        "dates before 2000 are not valid bank dates"
    );
    assert_eq!(day_number("2000-01-01"), Some(10_957));
    assert_eq!(day_number("2026-11-28"), Some(20_785));
    assert_eq!(day_number("2026-02-30"), None);
    for date in ["2000-01-01", "2024-02-29", "2026-11-28", "2099-12-31"] {
        assert_eq!(date_of_day(day_number(date).unwrap()), date);
    }
    let mut progress = Progress::default();
    for day in [95, 97, 98, 99] {
        progress.record_answer("charter", "q", true, 1, day);
    }
    assert_eq!(study_streak(&progress, 99), 3);
    assert_eq!(
        study_streak(&progress, 100),
        3,
        "not broken before today's practice"
    );
    assert_eq!(study_streak(&progress, 101), 0);
}

#[test]
fn a_finished_exam_is_recorded_once_with_every_answer() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../questions/rules.json"
    ))
    .unwrap();
    let bank = check_bank("rules.json", &bytes).value.unwrap();
    let plan = Plan {
        mode: Mode::Exam,
        selection: Selection::Paper { count: Some(5) },
        time_limit_ms: Some(60_000),
    };
    let mut session = Session::start(&bank, plan, 4, 1_000).unwrap();
    session
        .judge(
            session
                .items
                .iter()
                .position(|i| i.kind == crate::bank::QuestionType::Judge)
                .unwrap_or(0),
            true,
            2_000,
        )
        .ok();
    let mut progress = Progress::default();
    assert!(
        !progress.record_session(&session, &bank, 3_000, 10),
        "unfinished sessions are not history"
    );
    session.submit(3_000);
    assert!(progress.record_session(&session, &bank, 3_000, 10));
    assert!(
        !progress.record_session(&session, &bank, 3_000, 10),
        "recorded once"
    );
    let attempt = &progress.attempts[0];
    assert_eq!(attempt.outcomes.len(), 5);
    assert_eq!(attempt.duration_ms, 2_000);
    assert_eq!(
        progress.best_exam("rules"),
        Some((attempt.score, attempt.max))
    );
    let answered: u32 = progress.days.values().map(|d| d.answered).sum();
    assert_eq!(
        answered as usize,
        session.items.len() - session.unanswered()
    );
}

#[test]
fn an_unsaved_change_wins_over_a_later_stamp_in_storage() {
    // Another tab answered the question at a later stamp (its clock read
    // later); this tab then changed it without having seen that.
    let mut stored = Progress::default();
    stored.record_answer("charter", "q", false, 500, 5);
    stored.mark_saved();
    let mut mine = Progress::default();
    mine.toggle_favourite("q", 100);
    mine.merge(&stored);
    assert!(mine.questions["q"].favourite, "the unsaved change is kept");
    assert!(
        mine.questions["q"].updated_ms > 500,
        "and stamped after what it replaced, so other tabs adopt it"
    );
    // Once saved, the record merges by its stamp like any other.
    mine.mark_saved();
    let mut newer = stored.clone();
    newer.record_answer("charter", "q", true, 900, 5);
    newer.mark_saved();
    mine.merge(&newer);
    assert_eq!(mine.questions["q"].seen, 2);
}

/// Pinned daily sets of [`golden_bank`].
const GOLDEN_DAILY: &[(&str, [&str; 5])] = &[
    ("2026-12-06", ["g-02", "g-22", "g-03", "g-19", "g-01"]),
    ("2027-01-01", ["g-05", "g-24", "g-18", "g-12", "g-29"]),
    ("2030-06-15", ["g-24", "g-00", "g-22", "g-03", "g-10"]),
];
