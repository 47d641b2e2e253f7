//! The JSON text of the stored types, written and read by hand.
//!
//! The format is exactly what the derived serde implementations produce
//! (the tests below hold the two together), so values stored by earlier
//! builds read back unchanged. Doing it by hand keeps `serde_json`'s
//! generic code out of the WebAssembly; see [`crate::json::write`].

use super::active::{SavedAnswer, SavedAttempt, SavedItem};
use super::{Attempt, DayRecord, Progress, QuestionRecord, Review};
use crate::json::read::{self, Fields, ReadError};
use crate::json::write::{push_array, push_object, push_string, push_uint};
use crate::json::Node;

/// Appends `progress` as a JSON object.
pub fn write_progress(out: &mut String, progress: &Progress) {
    push_object(out, |object| {
        push_array(object.key("attempts"), &progress.attempts, write_attempt);
        push_object(object.key("questions"), |records| {
            for (id, record) in &progress.questions {
                write_record(records.key(id), record);
            }
        });
        push_object(object.key("days"), |calendar| {
            for (day, record) in &progress.days {
                let mut key = String::new();
                crate::json::write::push_int(&mut key, i64::from(*day));
                push_object(calendar.key(&key), |day| {
                    day.uint("answered", record.answered)
                        .uint("right", record.right);
                });
            }
        });
        object.uint("pruned", progress.pruned);
    });
}

fn write_attempt(out: &mut String, attempt: &Attempt) {
    push_object(out, |object| {
        object
            .string("id", &attempt.id)
            .string("bank", &attempt.bank)
            .uint("bank_version", attempt.bank_version)
            .string("mode", &attempt.mode)
            .uint("score", attempt.score)
            .uint("max", attempt.max)
            .bool("passed", attempt.passed)
            .uint("started_ms", attempt.started_ms)
            .uint("duration_ms", attempt.duration_ms);
        if !attempt.outcomes.is_empty() {
            push_array(
                object.key("outcomes"),
                &attempt.outcomes,
                |out, (id, outcome)| {
                    out.push('[');
                    push_string(out, id);
                    out.push(',');
                    push_string(out, outcome.encode_utf8(&mut [0; 4]));
                    out.push(']');
                },
            );
        }
    });
}

fn write_record(out: &mut String, record: &QuestionRecord) {
    push_object(out, |object| {
        if !record.bank.is_empty() {
            object.string("bank", &record.bank);
        }
        object
            .uint("seen", record.seen)
            .uint("right", record.right)
            .uint("streak", record.streak)
            .bool("wrong_book", record.wrong_book)
            .bool("favourite", record.favourite);
        push_object(object.key("review"), |review| {
            review
                .int("due", record.review.due)
                .uint("interval", record.review.interval)
                .uint("ease", record.review.ease)
                .uint("reps", record.review.reps);
        });
        object.uint("updated_ms", record.updated_ms);
    });
}

/// Reads progress from its JSON object.
pub fn read_progress(node: Node<'_>) -> Result<Progress, ReadError> {
    let fields = Fields::of(node, "progress")?;
    let mut progress = Progress::default();
    if let Some(attempts) = fields.get("attempts")? {
        progress.attempts = read::elements(attempts, "attempts")?
            .iter()
            .map(read_attempt)
            .collect::<Result<_, _>>()?;
    }
    if let Some(questions) = fields.get("questions")? {
        for member in read::members(questions, "questions")?.iter() {
            let record = read_record(member.value)
                .map_err(|error| format!("question {}: {error}", member.key()))?;
            progress.questions.insert(member.key().into_owned(), record);
        }
    }
    if let Some(days) = fields.get("days")? {
        for member in read::members(days, "days")?.iter() {
            let key = member.key();
            let day =
                read::parse_int(&key).ok_or_else(|| format!("days: {key} is not a day number"))?;
            let record = Fields::of(member.value, "day")?;
            progress.days.insert(
                day,
                DayRecord {
                    answered: record.uint("answered")?,
                    right: record.uint("right")?,
                },
            );
        }
    }
    progress.pruned = fields.uint_or_zero("pruned")?;
    Ok(progress)
}

fn read_attempt(node: Node<'_>) -> Result<Attempt, ReadError> {
    let fields = Fields::of(node, "attempt")?;
    let mut outcomes = Vec::new();
    if let Some(list) = fields.get("outcomes")? {
        for pair in read::elements(list, "outcomes")?.iter() {
            let pair: Vec<Node<'_>> = read::elements(pair, "outcome")?.iter().collect();
            let [id, outcome] = pair[..] else {
                return Err("outcome: expected [id, outcome]".into());
            };
            let outcome = read::string(outcome, "outcome")?;
            let mut chars = outcome.chars();
            let (Some(outcome), None) = (chars.next(), chars.next()) else {
                return Err("outcome: expected one character".into());
            };
            outcomes.push((read::string(id, "outcome")?.to_string(), outcome));
        }
    }
    Ok(Attempt {
        id: fields.string("id")?,
        bank: fields.string("bank")?,
        bank_version: fields.uint("bank_version")?,
        mode: fields.string("mode")?,
        score: fields.uint("score")?,
        max: fields.uint("max")?,
        passed: fields.bool("passed")?,
        started_ms: fields.uint("started_ms")?,
        duration_ms: fields.uint("duration_ms")?,
        outcomes,
    })
}

fn read_record(node: Node<'_>) -> Result<QuestionRecord, ReadError> {
    let fields = Fields::of(node, "record")?;
    let review = match fields.get("review")? {
        None => Review::default(),
        Some(review) => {
            let review = Fields::of(review, "review")?;
            Review {
                due: read::int(review.required("due")?, "due")?,
                interval: review.uint("interval")?,
                ease: review.uint("ease")?,
                reps: review.uint("reps")?,
            }
        }
    };
    Ok(QuestionRecord {
        bank: fields.string_or_empty("bank")?,
        seen: fields.uint("seen")?,
        right: fields.uint("right")?,
        streak: fields.uint("streak")?,
        wrong_book: fields.bool_or_false("wrong_book")?,
        favourite: fields.bool_or_false("favourite")?,
        review,
        updated_ms: fields.uint("updated_ms")?,
    })
}

/// Appends an unfinished attempt as a JSON object.
pub fn write_saved_attempt(out: &mut String, saved: &SavedAttempt) {
    push_object(out, |object| {
        object
            .string("bank", &saved.bank)
            .uint("bank_version", saved.bank_version)
            .string("mode", &saved.mode)
            .string("selection", &saved.selection);
        if !saved.selection_ids.is_empty() {
            push_array(
                object.key("selection_ids"),
                &saved.selection_ids,
                |out, id| push_string(out, id),
            );
        }
        object
            .opt_int("time_limit_ms", saved.time_limit_ms)
            .uint("seed", saved.seed)
            .uint("started_ms", saved.started_ms)
            .opt_int("deadline_ms", saved.deadline_ms)
            .bool("partial_credit", saved.partial_credit)
            .uint("pass_percent", saved.pass_percent)
            .uint("current", saved.current as u64);
        push_array(object.key("items"), &saved.items, write_saved_item);
    });
}

fn write_saved_item(out: &mut String, item: &SavedItem) {
    push_object(out, |object| {
        object.string("id", &item.id).string("kind", &item.kind);
        if !item.order.is_empty() {
            push_array(object.key("order"), &item.order, push_index);
        }
        object.uint("points", item.points);
        let answer = object.key("answer");
        match &item.answer {
            SavedAnswer::None => push_string(answer, "none"),
            SavedAnswer::Choices(chosen) => push_object(answer, |choices| {
                push_array(choices.key("choices"), chosen, push_index);
            }),
            SavedAnswer::Judge(value) => push_object(answer, |judge| {
                judge.bool("judge", *value);
            }),
            SavedAnswer::Blanks(blanks) => push_object(answer, |typed| {
                push_array(typed.key("blanks"), blanks, |out, text| {
                    push_string(out, text)
                });
            }),
        }
        object
            .bool("flagged", item.flagged)
            .bool("checked", item.checked);
    });
}

fn push_index(out: &mut String, index: &usize) {
    push_uint(out, *index as u64);
}

/// Reads an unfinished attempt from its JSON object.
pub fn read_saved_attempt(node: Node<'_>) -> Result<SavedAttempt, ReadError> {
    let fields = Fields::of(node, "attempt")?;
    let selection_ids = match fields.get("selection_ids")? {
        None => Vec::new(),
        Some(ids) => read_strings(ids, "selection_ids")?,
    };
    Ok(SavedAttempt {
        bank: fields.string("bank")?,
        bank_version: fields.uint("bank_version")?,
        mode: fields.string("mode")?,
        selection: fields.string("selection")?,
        selection_ids,
        time_limit_ms: fields.opt_uint("time_limit_ms")?,
        seed: fields.uint("seed")?,
        started_ms: fields.uint("started_ms")?,
        deadline_ms: fields.opt_uint("deadline_ms")?,
        partial_credit: fields.bool("partial_credit")?,
        pass_percent: fields.uint("pass_percent")?,
        current: fields.uint("current")?,
        items: read::elements(fields.required("items")?, "items")?
            .iter()
            .map(read_saved_item)
            .collect::<Result<_, _>>()?,
    })
}

fn read_saved_item(node: Node<'_>) -> Result<SavedItem, ReadError> {
    let fields = Fields::of(node, "item")?;
    let order = match fields.get("order")? {
        None => Vec::new(),
        Some(order) => read_indexes(order, "order")?,
    };
    let answer = match fields.get("answer")? {
        None => SavedAnswer::None,
        Some(answer) => read_saved_answer(answer)?,
    };
    Ok(SavedItem {
        id: fields.string("id")?,
        kind: fields.string("kind")?,
        order,
        points: fields.uint("points")?,
        answer,
        flagged: fields.bool_or_false("flagged")?,
        checked: fields.bool_or_false("checked")?,
    })
}

/// An answer as serde writes an enum: `"none"`, or an object with the
/// variant's name as its one key.
fn read_saved_answer(node: Node<'_>) -> Result<SavedAnswer, ReadError> {
    if let Ok(name) = read::string(node, "answer") {
        return match name.as_ref() {
            "none" => Ok(SavedAnswer::None),
            _ => Err(format!("answer: unknown kind {name}")),
        };
    }
    let members: Vec<_> = read::members(node, "answer")?.iter().collect();
    let [member] = members[..] else {
        return Err("answer: expected one kind".into());
    };
    match member.key().as_ref() {
        "choices" => read_indexes(member.value, "choices").map(SavedAnswer::Choices),
        "judge" => read::boolean(member.value, "judge").map(SavedAnswer::Judge),
        "blanks" => read_strings(member.value, "blanks").map(SavedAnswer::Blanks),
        other => Err(format!("answer: unknown kind {other}")),
    }
}

fn read_indexes(node: Node<'_>, what: &str) -> Result<Vec<usize>, ReadError> {
    read::elements(node, what)?
        .iter()
        .map(|index| read::uint(index, what))
        .collect()
}

fn read_strings(node: Node<'_>, what: &str) -> Result<Vec<String>, ReadError> {
    read::elements(node, what)?
        .iter()
        .map(|text| read::string(text, what).map(std::borrow::Cow::into_owned))
        .collect()
}

// Property tests run natively: proptest has no wasm32 backend here.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::json::parse;
    use proptest::prelude::*;

    fn written<T>(value: &T, write: fn(&mut String, &T)) -> String {
        let mut out = String::new();
        write(&mut out, value);
        out
    }

    fn attempt() -> impl Strategy<Value = Attempt> {
        (
            ("[a-z0-9-]{0,6}", "\\PC{0,4}", any::<u32>(), "exam|practice"),
            (
                any::<u32>(),
                any::<u32>(),
                any::<bool>(),
                any::<u64>(),
                any::<u64>(),
            ),
            prop::collection::vec(("\\PC{0,5}", any::<char>()), 0..3),
        )
            .prop_map(
                |(
                    (id, bank, bank_version, mode),
                    (score, max, passed, started_ms, duration_ms),
                    outcomes,
                )| Attempt {
                    id,
                    bank,
                    bank_version,
                    mode,
                    score,
                    max,
                    passed,
                    started_ms,
                    duration_ms,
                    outcomes,
                },
            )
    }

    fn record() -> impl Strategy<Value = QuestionRecord> {
        (
            ("\\PC{0,4}", any::<u32>(), any::<u32>(), any::<u32>()),
            (any::<bool>(), any::<bool>(), any::<u64>()),
            (any::<i32>(), any::<u32>(), any::<u32>(), any::<u32>()),
        )
            .prop_map(
                |(
                    (bank, seen, right, streak),
                    (wrong_book, favourite, updated_ms),
                    (due, interval, ease, reps),
                )| {
                    QuestionRecord {
                        bank,
                        seen,
                        right,
                        streak,
                        wrong_book,
                        favourite,
                        review: Review {
                            due,
                            interval,
                            ease,
                            reps,
                        },
                        updated_ms,
                    }
                },
            )
    }

    fn progress() -> impl Strategy<Value = Progress> {
        (
            prop::collection::vec(attempt(), 0..4),
            prop::collection::btree_map("\\PC{0,6}", record(), 0..4),
            prop::collection::btree_map(any::<i32>(), (any::<u32>(), any::<u32>()), 0..4),
            any::<u32>(),
        )
            .prop_map(|(attempts, questions, days, pruned)| Progress {
                attempts,
                questions,
                days: days
                    .into_iter()
                    .map(|(day, (answered, right))| (day, DayRecord { answered, right }))
                    .collect(),
                pruned,
                ..Progress::default()
            })
    }

    fn saved_answer() -> impl Strategy<Value = SavedAnswer> {
        prop_oneof![
            Just(SavedAnswer::None),
            prop::collection::vec(any::<usize>(), 0..4).prop_map(SavedAnswer::Choices),
            any::<bool>().prop_map(SavedAnswer::Judge),
            prop::collection::vec("\\PC{0,5}", 0..3).prop_map(SavedAnswer::Blanks),
        ]
    }

    fn saved_attempt() -> impl Strategy<Value = SavedAttempt> {
        let item = (
            (
                "\\PC{0,5}",
                "single|multiple|judge|fill",
                prop::collection::vec(any::<usize>(), 0..4),
            ),
            (any::<u32>(), saved_answer(), any::<bool>(), any::<bool>()),
        )
            .prop_map(|((id, kind, order), (points, answer, flagged, checked))| {
                SavedItem {
                    id,
                    kind,
                    order,
                    points,
                    answer,
                    flagged,
                    checked,
                }
            });
        (
            (
                "\\PC{0,5}",
                any::<u32>(),
                "exam|practice",
                "paper|ids|tag:\\PC{0,3}",
            ),
            prop::collection::vec("\\PC{0,5}", 0..3),
            (
                any::<Option<u64>>(),
                any::<u64>(),
                any::<u64>(),
                any::<Option<u64>>(),
            ),
            (any::<bool>(), any::<u32>(), any::<usize>()),
            prop::collection::vec(item, 0..4),
        )
            .prop_map(
                |(
                    (bank, bank_version, mode, selection),
                    selection_ids,
                    (time_limit_ms, seed, started_ms, deadline_ms),
                    (partial_credit, pass_percent, current),
                    items,
                )| SavedAttempt {
                    bank,
                    bank_version,
                    mode,
                    selection,
                    selection_ids,
                    time_limit_ms,
                    seed,
                    started_ms,
                    deadline_ms,
                    partial_credit,
                    pass_percent,
                    current,
                    items,
                },
            )
    }

    /// The hand-written text is the derived serde text, value for value,
    /// and the reader reads both back unchanged: old stored values and new
    /// ones are the same format.
    fn written_and_read_as_serde_does<T>(
        value: &T,
        write: fn(&mut String, &T),
        read: fn(Node<'_>) -> Result<T, ReadError>,
    ) -> Result<(), TestCaseError>
    where
        T: serde::Serialize + PartialEq + std::fmt::Debug,
    {
        let text = written(value, write);
        let by_serde = serde_json::to_string(value).unwrap();
        prop_assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            serde_json::from_str::<serde_json::Value>(&by_serde).unwrap()
        );
        prop_assert_eq!(&read(parse(&text).unwrap().root()).unwrap(), value);
        prop_assert_eq!(&read(parse(&by_serde).unwrap().root()).unwrap(), value);
        Ok(())
    }

    proptest! {
        #[test]
        fn progress_is_written_and_read_as_serde_does(progress in progress()) {
            written_and_read_as_serde_does(&progress, write_progress, read_progress)?;
            // And serde reads what is written by hand.
            let text = written(&progress, write_progress);
            prop_assert_eq!(&serde_json::from_str::<Progress>(&text).unwrap(), &progress);
        }

        #[test]
        fn unfinished_attempts_are_written_and_read_as_serde_does(saved in saved_attempt()) {
            written_and_read_as_serde_does(&saved, write_saved_attempt, read_saved_attempt)?;
        }
    }

    #[test]
    fn defaults_and_refusals_follow_the_derived_rules() {
        // Everything in progress is optional.
        assert_eq!(
            read_progress(parse("{}").unwrap().root()).unwrap(),
            Progress::default()
        );
        // A record without review or flags takes the defaults.
        let record =
            r#"{"questions": {"q": {"seen": 2, "right": 1, "streak": 0, "updated_ms": 9}}}"#;
        let progress = read_progress(parse(record).unwrap().root()).unwrap();
        assert_eq!(progress.questions["q"].review, Review::default());
        assert_eq!(progress.questions["q"].bank, "");
        // Whatever serde refuses is refused, with a reason.
        for (text, reason) in [
            (
                r#"{"attempts": {}}"#,
                "attempts: expected a list, found an object {...}",
            ),
            (
                r#"{"questions": {"q": {"seen": 1}}}"#,
                "question q: missing field `right`",
            ),
            (
                r#"{"days": {"x": {"answered": 1, "right": 0}}}"#,
                "days: x is not a day number",
            ),
            (
                r#"{"pruned": 1.5}"#,
                "pruned: 1.5 is not a whole number in range",
            ),
            (r#"{"pruned": 1, "pruned": 2}"#, "duplicate field `pruned`"),
        ] {
            let parsed = parse(text).unwrap();
            assert_eq!(read_progress(parsed.root()).unwrap_err(), reason, "{text}");
            assert!(serde_json::from_str::<Progress>(text).is_err(), "{text}");
        }
    }
}
