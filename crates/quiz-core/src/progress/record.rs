//! Recording answers and finished attempts.

use super::{Attempt, Progress, WRONG_BOOK_STREAK};
use crate::bank::Bank;
use crate::session::{Grade, Mode, Outcome, Session};

impl Progress {
    /// Records one answer: counts, the wrong-answer book (in when wrong, out
    /// after [`WRONG_BOOK_STREAK`] right in a row), the spaced-review
    /// schedule and the study day.
    pub fn record_answer(
        &mut self,
        bank: &str,
        question: &str,
        right: bool,
        now_ms: u64,
        today: i32,
    ) {
        let record = self.questions.entry(question.to_string()).or_default();
        record.bank = bank.to_string();
        record.seen += 1;
        if right {
            record.right += 1;
            record.streak += 1;
            if record.streak >= WRONG_BOOK_STREAK {
                record.wrong_book = false;
            }
        } else {
            record.streak = 0;
            record.wrong_book = true;
        }
        record.review = record.review.after(right, today);
        record.touch(now_ms);
        self.mark_unsaved(question);
        let day = self.days.entry(today).or_default();
        day.answered += 1;
        day.right += u32::from(right);
    }

    /// Marks or unmarks a favourite.
    pub fn toggle_favourite(&mut self, question: &str, now_ms: u64) -> bool {
        let record = self.questions.entry(question.to_string()).or_default();
        record.favourite = !record.favourite;
        record.touch(now_ms);
        let favourite = record.favourite;
        self.mark_unsaved(question);
        favourite
    }

    /// Records a finished session: the attempt in the history and, for an
    /// exam (practice records each answer as it is checked), every answer.
    /// Recording the same attempt twice changes nothing.
    pub fn record_session(
        &mut self,
        session: &Session,
        bank: &Bank,
        now_ms: u64,
        today: i32,
    ) -> bool {
        let Some(finished) = session.finished else {
            return false;
        };
        let id = attempt_id(session);
        if self.attempts.iter().any(|a| a.id == id) {
            return false;
        }
        let grade: Grade = session.grade(bank);
        if session.plan.mode == Mode::Exam {
            for (item, outcome) in session.items.iter().zip(&grade.outcomes) {
                if *outcome != Outcome::Unanswered {
                    self.record_answer(
                        &session.bank_id,
                        &item.id,
                        outcome.is_correct(),
                        now_ms,
                        today,
                    );
                }
            }
        }
        self.attempts.push(Attempt {
            id,
            bank: session.bank_id.clone(),
            bank_version: session.bank_version,
            mode: match session.plan.mode {
                Mode::Exam => "exam".into(),
                Mode::Practice => "practice".into(),
            },
            score: grade.score.0,
            max: grade.max.0,
            passed: grade.passed,
            started_ms: session.started_ms,
            duration_ms: finished.at_ms.saturating_sub(session.started_ms),
            outcomes: session
                .items
                .iter()
                .zip(&grade.outcomes)
                .map(|(item, outcome)| (item.id.clone(), outcome_code(*outcome)))
                .collect(),
        });
        self.rotate();
        true
    }
}

/// The attempt id: start time, bank and seed.
pub fn attempt_id(session: &Session) -> String {
    format!(
        "{}-{}-{:x}",
        session.started_ms, session.bank_id, session.seed
    )
}

fn outcome_code(outcome: Outcome) -> char {
    match outcome {
        Outcome::Correct => 'c',
        Outcome::Partial => 'p',
        Outcome::Wrong => 'w',
        Outcome::Unanswered => 'u',
    }
}
