//! Grading a session.

use super::{Item, Response, Session};
use crate::bank::{Bank, Body, QuestionType};
use crate::normalize::answer_matches;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A score in half points, so partial credit stays exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub struct Score(pub u32);

impl Score {
    /// Whole points.
    pub fn points(points: u32) -> Score {
        Score(points * 2)
    }
}

impl fmt::Display for Score {
    /// "12" or "12.5".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 % 2 == 0 {
            write!(f, "{}", self.0 / 2)
        } else {
            write!(f, "{}.5", self.0 / 2)
        }
    }
}

/// How one answer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Right: full points.
    Correct,
    /// Multiple choice with partial credit: some right, none wrong.
    Partial,
    /// Answered, but wrong.
    Wrong,
    /// Not answered.
    Unanswered,
}

impl Outcome {
    /// Whether the answer earned full points.
    pub fn is_correct(self) -> bool {
        self == Outcome::Correct
    }
}

/// Scores of one group of questions (a type or a tag).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breakdown {
    /// The type key (`single`, …) or the tag key.
    pub key: String,
    /// Points earned.
    pub score: Score,
    /// Points possible.
    pub max: Score,
    /// Questions answered right.
    pub correct: usize,
    /// Questions in the group.
    pub total: usize,
}

/// A graded session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grade {
    /// Points earned.
    pub score: Score,
    /// Points possible.
    pub max: Score,
    /// Whether the score reaches the pass mark.
    pub passed: bool,
    /// From start to submission, or to the deadline on a time-up.
    pub time_used_ms: u64,
    /// Questions answered right.
    pub correct: usize,
    /// By question type, in the order of [`QuestionType::ALL`].
    pub by_type: Vec<Breakdown>,
    /// By tag, in the order tags first appear.
    pub by_tag: Vec<Breakdown>,
    /// Each question's outcome, in session order.
    pub outcomes: Vec<Outcome>,
}

/// The outcome of `item` against the bank's `body`.
pub(super) fn outcome(item: &Item, body: &Body, partial_credit: bool) -> Outcome {
    if !item.response.is_answered() {
        return Outcome::Unanswered;
    }
    let right = match (body, &item.response) {
        (Body::Single { answer, .. }, Response::Choices(chosen)) => chosen.as_slice() == [*answer],
        (Body::Multiple { answer, .. }, Response::Choices(chosen)) => {
            if chosen == answer {
                true
            } else if partial_credit && chosen.iter().all(|c| answer.contains(c)) {
                return Outcome::Partial;
            } else {
                false
            }
        }
        (Body::Judge { answer }, Response::Judge(value)) => answer == value,
        (Body::Fill { blanks }, Response::Blanks(typed)) => {
            blanks.len() == typed.len()
                && blanks.iter().zip(typed).all(|(blank, text)| {
                    answer_matches(text, &blank.zh) || answer_matches(text, &blank.en)
                })
        }
        _ => false,
    };
    if right {
        Outcome::Correct
    } else {
        Outcome::Wrong
    }
}

fn earned(outcome: Outcome, points: u32) -> Score {
    match outcome {
        Outcome::Correct => Score::points(points),
        Outcome::Partial => Score(points),
        Outcome::Wrong | Outcome::Unanswered => Score(0),
    }
}

pub(super) fn grade(session: &Session, bank: &Bank) -> Grade {
    // One lookup table instead of a scan of the bank per item, so grading
    // stays instant however large the bank is.
    let by_id: std::collections::HashMap<&str, &crate::bank::Question> =
        bank.questions.iter().map(|q| (q.id.as_str(), q)).collect();
    let outcomes: Vec<Outcome> = session
        .items
        .iter()
        .map(|item| match by_id.get(item.id.as_str()) {
            Some(question) => outcome(item, &question.body, session.partial_credit),
            None => Outcome::Unanswered,
        })
        .collect();
    let mut by_type: Vec<Breakdown> = Vec::new();
    let mut by_tag: Vec<Breakdown> = Vec::new();
    let mut score = Score(0);
    let mut max = Score(0);
    for (item, &outcome) in session.items.iter().zip(&outcomes) {
        let points = earned(outcome, item.points);
        score.0 += points.0;
        max.0 += Score::points(item.points).0;
        let tags = by_id
            .get(item.id.as_str())
            .map_or(&[][..], |q| q.tags.as_slice());
        add(&mut by_type, item.kind.key(), points, item.points, outcome);
        for tag in tags {
            add(&mut by_tag, tag, points, item.points, outcome);
        }
    }
    // One entry per type: the order is total, so the smaller unstable sort
    // gives the stable result.
    crate::order::sort_by_key(&mut by_type, |b| QuestionType::from_key(&b.key));
    let passed = u64::from(score.0) * 100 >= u64::from(max.0) * u64::from(session.pass_percent);
    let end = session.finished.map_or(session.started_ms, |f| f.at_ms);
    Grade {
        score,
        max,
        passed,
        time_used_ms: end.saturating_sub(session.started_ms),
        correct: outcomes.iter().filter(|o| o.is_correct()).count(),
        by_type,
        by_tag,
        outcomes,
    }
}

fn add(groups: &mut Vec<Breakdown>, key: &str, earned: Score, points: u32, outcome: Outcome) {
    let index = match groups.iter().position(|g| g.key == key) {
        Some(index) => index,
        None => {
            groups.push(Breakdown {
                key: key.to_string(),
                score: Score(0),
                max: Score(0),
                correct: 0,
                total: 0,
            });
            groups.len() - 1
        }
    };
    let group = &mut groups[index];
    group.score.0 += earned.0;
    group.max.0 += Score::points(points).0;
    group.total += 1;
    group.correct += usize::from(outcome.is_correct());
}
