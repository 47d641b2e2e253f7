//! A quiz session: the questions drawn for one attempt, the member's
//! answers, the deadline, and the grade.
//!
//! Everything is a pure function of the bank, a plan, a seed and the
//! `now_ms` values callers pass in: no clock is read here. Time is a
//! deadline in epoch milliseconds, never a count of ticks, so a phone that
//! slept through the end of an exam submits it the first time it looks.
//! The whole session serialises, so an unfinished exam can be resumed.

mod draw;
mod grade;
pub mod shared;

pub use grade::{Breakdown, Grade, Outcome, Score};

use crate::bank::{Bank, Body, QuestionType};
use serde::{Deserialize, Serialize};

/// How answers are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// 模拟考试: timed, answers and correctness hidden until submitted.
    Exam,
    /// 练习: untimed, each answer checked at once with its explanation.
    Practice,
}

/// Which questions a session asks, and in what order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Selection {
    /// The bank's default paper; with `count`, the paper scaled to that many
    /// questions, keeping its mix of types.
    Paper {
        /// The total number of questions, when the member chose one.
        count: Option<u32>,
    },
    /// Every question, in bank order (顺序练习).
    Sequential,
    /// Every question with this tag, shuffled (专项练习).
    Tag {
        /// The tag key.
        tag: String,
    },
    /// A number of questions from the whole bank, shuffled.
    Random {
        /// How many.
        count: u32,
    },
    /// These questions in this order (wrong-answer book, daily set).
    Ids {
        /// Question ids; ids the bank no longer has are skipped.
        ids: Vec<String>,
    },
    /// A shared paper (统一试卷): the bank's paper, scaled to `count` when
    /// given, drawn by a link's code so a whole branch gets the same
    /// questions and option order (see [`shared`]).
    Shared {
        /// The paper's code, normalized (`K7QF-3M2A`).
        code: String,
        /// The total number of questions, when the link gives one.
        count: Option<u32>,
    },
}

impl Selection {
    /// The shared paper's code, for the result page and card.
    pub fn paper_code(&self) -> Option<&str> {
        match self {
            Selection::Shared { code, .. } => Some(code),
            _ => None,
        }
    }
}

/// What a member asked for when starting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Exam or practice.
    pub mode: Mode,
    /// Which questions.
    pub selection: Selection,
    /// The time allowed, when timed.
    pub time_limit_ms: Option<u64>,
}

/// Why a session could not start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartError {
    /// The selection matches no question (e.g. an unknown tag).
    NoQuestions,
    /// A shared paper's code was made for another bank, or for this bank
    /// before its questions changed.
    PaperDoesNotFit,
}

/// One drawn question and the member's work on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// The question's id in the bank.
    pub id: String,
    /// Its type, kept so the session can be shown before the bank loads.
    pub kind: QuestionType,
    /// Display order of options: `order[shown] = index in the bank file`.
    pub order: Vec<usize>,
    /// Points for a correct answer.
    pub points: u32,
    /// The member's answer so far.
    pub response: Response,
    /// Marked for review.
    pub flagged: bool,
    /// Practice: the answer was confirmed and the solution shown.
    pub checked: bool,
}

/// A member's answer, in the bank's terms (option indexes as in the file).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
pub enum Response {
    /// Not answered.
    #[default]
    Empty,
    /// Chosen options, ascending bank indexes.
    Choices(Vec<usize>),
    /// True or false.
    Judge(bool),
    /// Text typed into each blank.
    Blanks(Vec<String>),
}

impl Response {
    /// Whether anything was answered.
    pub fn is_answered(&self) -> bool {
        match self {
            Response::Empty => false,
            Response::Choices(chosen) => !chosen.is_empty(),
            Response::Judge(_) => true,
            Response::Blanks(blanks) => blanks.iter().any(|b| !b.trim().is_empty()),
        }
    }
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finished {
    /// When it ended; for a time-up, the deadline itself.
    pub at_ms: u64,
    /// Why.
    pub reason: FinishReason,
}

/// Why a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FinishReason {
    /// The member submitted.
    Submitted,
    /// The deadline passed.
    TimeUp,
}

/// Why an action was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The session has ended.
    Finished,
    /// The deadline passed; the session is now submitted.
    TimeUp,
    /// Practice: this answer was already checked.
    AlreadyChecked,
    /// No such question or option.
    OutOfRange,
    /// The answer does not fit the question type.
    WrongKind,
}

/// One attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// The bank the questions come from.
    pub bank_id: String,
    /// The bank's version when the session started.
    pub bank_version: u32,
    /// How the session was asked for.
    pub plan: Plan,
    /// The seed the draw and shuffles came from.
    pub seed: u64,
    /// The questions, in the order shown.
    pub items: Vec<Item>,
    /// The question on screen.
    pub current: usize,
    /// When the session started.
    pub started_ms: u64,
    /// When a timed session ends.
    pub deadline_ms: Option<u64>,
    /// Multiple choice: half points for a selection with no wrong option.
    pub partial_credit: bool,
    /// Percentage of the maximum needed to pass.
    pub pass_percent: u32,
    /// Set once the session ends.
    pub finished: Option<Finished>,
}

impl Session {
    /// Draws and shuffles the questions for `plan` from `bank`,
    /// deterministically for a given `seed`.
    pub fn start(bank: &Bank, plan: Plan, seed: u64, now_ms: u64) -> Result<Session, StartError> {
        if let Selection::Shared { code, .. } = &plan.selection {
            shared::check_code(bank, code).map_err(|_| StartError::PaperDoesNotFit)?;
        }
        let items = draw::draw(bank, &plan.selection, seed);
        if items.is_empty() {
            return Err(StartError::NoQuestions);
        }
        let deadline_ms = match plan.mode {
            Mode::Exam => plan.time_limit_ms.map(|limit| now_ms.saturating_add(limit)),
            Mode::Practice => None,
        };
        Ok(Session {
            bank_id: bank.id.clone(),
            bank_version: bank.version,
            plan,
            seed,
            items,
            current: 0,
            started_ms: now_ms,
            deadline_ms,
            partial_credit: bank.paper.partial_credit,
            pass_percent: bank.paper.pass_percent,
            finished: None,
        })
    }

    /// Milliseconds left, never negative; `None` when untimed.
    pub fn remaining_ms(&self, now_ms: u64) -> Option<u64> {
        let deadline = self.deadline_ms?;
        let until = self.finished.map_or(now_ms, |finished| finished.at_ms);
        Some(deadline.saturating_sub(until))
    }

    /// Whether the session has ended.
    pub fn is_finished(&self) -> bool {
        self.finished.is_some()
    }

    /// Notices the time: a session past its deadline is submitted as it
    /// stands. Returns true when this call ended it.
    pub fn tick(&mut self, now_ms: u64) -> bool {
        if self.finished.is_some() {
            return false;
        }
        match self.deadline_ms {
            Some(deadline) if now_ms >= deadline => {
                self.finished = Some(Finished {
                    at_ms: deadline,
                    reason: FinishReason::TimeUp,
                });
                true
            }
            _ => false,
        }
    }

    /// Checks that answering is still allowed, ending the session at the
    /// deadline if it has passed.
    fn writable(&mut self, index: usize, now_ms: u64) -> Result<&mut Item, Refused> {
        if self.tick(now_ms) {
            return Err(Refused::TimeUp);
        }
        if self.finished.is_some() {
            return Err(Refused::Finished);
        }
        let item = self.items.get_mut(index).ok_or(Refused::OutOfRange)?;
        if item.checked {
            return Err(Refused::AlreadyChecked);
        }
        Ok(item)
    }

    /// Chooses the option shown at position `shown` of question `index`:
    /// single choice replaces the choice, multiple choice toggles it.
    pub fn choose(&mut self, index: usize, shown: usize, now_ms: u64) -> Result<(), Refused> {
        let item = self.writable(index, now_ms)?;
        let &option = item.order.get(shown).ok_or(Refused::OutOfRange)?;
        let mut chosen = match &item.response {
            Response::Choices(chosen) => chosen.clone(),
            _ => Vec::new(),
        };
        match item.kind {
            QuestionType::Single => chosen = vec![option],
            QuestionType::Multiple => {
                if let Some(at) = chosen.iter().position(|&c| c == option) {
                    chosen.remove(at);
                } else {
                    chosen.push(option);
                    crate::order::sort(&mut chosen);
                }
            }
            QuestionType::Judge | QuestionType::Fill => return Err(Refused::WrongKind),
        }
        item.response = if chosen.is_empty() {
            Response::Empty
        } else {
            Response::Choices(chosen)
        };
        Ok(())
    }

    /// Answers a true-or-false question.
    pub fn judge(&mut self, index: usize, value: bool, now_ms: u64) -> Result<(), Refused> {
        let item = self.writable(index, now_ms)?;
        if item.kind != QuestionType::Judge {
            return Err(Refused::WrongKind);
        }
        item.response = Response::Judge(value);
        Ok(())
    }

    /// Types into blank `blank` of a fill-in question with `count` blanks.
    pub fn fill(
        &mut self,
        index: usize,
        blank: usize,
        count: usize,
        text: &str,
        now_ms: u64,
    ) -> Result<(), Refused> {
        let item = self.writable(index, now_ms)?;
        if item.kind != QuestionType::Fill || blank >= count {
            return Err(Refused::WrongKind);
        }
        let mut blanks = match &item.response {
            Response::Blanks(blanks) => blanks.clone(),
            _ => Vec::new(),
        };
        blanks.resize(count, String::new());
        blanks[blank] = text.chars().take(200).collect();
        item.response = Response::Blanks(blanks);
        Ok(())
    }

    /// Practice: confirms the answer to question `index` and reveals the
    /// solution. Returns whether it was right.
    pub fn check(&mut self, index: usize, bank: &Bank, now_ms: u64) -> Result<Outcome, Refused> {
        if self.plan.mode != Mode::Practice {
            return Err(Refused::WrongKind);
        }
        let item = self.writable(index, now_ms)?;
        item.checked = true;
        Ok(self.outcome(index, bank))
    }

    /// Moves to question `index`.
    pub fn goto(&mut self, index: usize) {
        if index < self.items.len() {
            self.current = index;
        }
    }

    /// Moves to the next question, if any.
    pub fn next(&mut self) {
        self.goto(self.current + 1);
    }

    /// Moves to the previous question, if any.
    pub fn previous(&mut self) {
        self.goto(self.current.saturating_sub(1));
    }

    /// Marks or unmarks question `index` for review.
    pub fn toggle_flag(&mut self, index: usize) {
        if self.finished.is_none() {
            if let Some(item) = self.items.get_mut(index) {
                item.flagged = !item.flagged;
            }
        }
    }

    /// Ends the session. Past the deadline, it counts as a time-up at the
    /// deadline, with the answers given before it.
    pub fn submit(&mut self, now_ms: u64) {
        if self.tick(now_ms) || self.finished.is_some() {
            return;
        }
        self.finished = Some(Finished {
            at_ms: now_ms,
            reason: FinishReason::Submitted,
        });
    }

    /// How many questions have no answer yet.
    pub fn unanswered(&self) -> usize {
        self.items
            .iter()
            .filter(|item| !item.response.is_answered())
            .count()
    }

    /// How question `index` stands against the bank's answer.
    pub fn outcome(&self, index: usize, bank: &Bank) -> Outcome {
        let Some(item) = self.items.get(index) else {
            return Outcome::Unanswered;
        };
        match bank.questions.iter().find(|q| q.id == item.id) {
            Some(question) => grade::outcome(item, &question.body, self.partial_credit),
            None => Outcome::Unanswered,
        }
    }

    /// The grade: score, pass/fail, time used, breakdowns and each
    /// question's outcome.
    pub fn grade(&self, bank: &Bank) -> Grade {
        grade::grade(self, bank)
    }

    /// Whether every question of this session is still in `bank` as it was
    /// drawn: same id, same type, as many options (the saved display order
    /// indexes them) and as many blanks. A saved exam is resumed only when
    /// it fits, since a coordinator may edit a bank without raising its
    /// version, and an order that indexes past the options would otherwise
    /// fail on every reload.
    pub fn fits(&self, bank: &Bank) -> bool {
        let positions = crate::progress::index_by_id(bank.questions.iter().map(|q| q.id.as_str()));
        self.items.iter().all(|item| {
            let Some(question) = positions
                .get(item.id.as_str())
                .map(|&at| &bank.questions[at])
            else {
                return false;
            };
            let body = &question.body;
            let options = match body {
                Body::Single { options, .. } | Body::Multiple { options, .. } => options.len(),
                _ => 0,
            };
            let fits_response = match &item.response {
                Response::Blanks(typed) => typed.len() <= Self::blank_count(body),
                _ => true,
            };
            question.kind() == item.kind && item.order.len() == options && fits_response
        })
    }

    /// The fill-in blanks count of question `index`'s body, for callers
    /// that render inputs.
    pub fn blank_count(body: &Body) -> usize {
        match body {
            Body::Fill { blanks } => blanks.len(),
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests;
