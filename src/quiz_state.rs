//! The state of a running quiz page: a `quiz-core` session plus what the
//! page shows around it. Actions carry `now_ms` from the platform clock; the
//! reducer never reads the clock or saves anything.

use quiz_core::bank::{Bank, Body, QuestionType};
use quiz_core::session::{Mode, Plan, Refused, Session, StartError};
use std::rc::Rc;
use yew::Reducible;

/// The page state.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizState {
    /// The bank the session draws from.
    pub bank: Rc<Bank>,
    /// The attempt.
    pub session: Session,
    /// The latest time seen, for the countdown.
    pub now_ms: u64,
    /// The submit confirmation is open.
    pub confirming: bool,
    /// Why the last action was refused, to tell the member.
    pub refused: Option<Refused>,
}

/// What the member (or the clock) did.
#[derive(Debug, Clone, PartialEq)]
pub enum QuizAction {
    /// Chose the option shown at `shown` of question `index`.
    Choose {
        /// The question.
        index: usize,
        /// The option's display position.
        shown: usize,
        /// When.
        now_ms: u64,
    },
    /// Answered a true-or-false question.
    Judge {
        /// The question.
        index: usize,
        /// The answer.
        value: bool,
        /// When.
        now_ms: u64,
    },
    /// Typed into a blank.
    Fill {
        /// The question.
        index: usize,
        /// The blank.
        blank: usize,
        /// The text.
        text: String,
        /// When.
        now_ms: u64,
    },
    /// Practice: confirmed the current answer.
    Check {
        /// When.
        now_ms: u64,
    },
    /// Jumped to a question.
    Goto(usize),
    /// Next question.
    Next,
    /// Previous question.
    Previous,
    /// Flagged or unflagged a question.
    ToggleFlag(usize),
    /// Asked to submit: opens the confirmation.
    AskSubmit,
    /// Closed the confirmation.
    CancelSubmit,
    /// Confirmed the submission.
    Submit {
        /// When.
        now_ms: u64,
    },
    /// The clock moved on.
    Tick {
        /// Now.
        now_ms: u64,
    },
    /// A key was pressed (A–H / 1–8 choose, Enter confirms, arrows move).
    Key {
        /// `KeyboardEvent.key`.
        key: String,
        /// When.
        now_ms: u64,
    },
    /// Started a fresh attempt with a new seed.
    Restart {
        /// The new seed.
        seed: u64,
        /// When.
        now_ms: u64,
    },
}

impl QuizState {
    /// Starts an attempt.
    pub fn start(
        bank: Rc<Bank>,
        plan: Plan,
        seed: u64,
        now_ms: u64,
    ) -> Result<QuizState, StartError> {
        let session = Session::start(&bank, plan, seed, now_ms)?;
        Ok(QuizState {
            bank,
            session,
            now_ms,
            confirming: false,
            refused: None,
        })
    }

    /// Continues a saved session.
    pub fn resume(bank: Rc<Bank>, session: Session, now_ms: u64) -> QuizState {
        QuizState {
            bank,
            session,
            now_ms,
            confirming: false,
            refused: None,
        }
    }

    /// The bank question behind session item `index`.
    pub fn question(&self, index: usize) -> Option<&quiz_core::Question> {
        let id = &self.session.items.get(index)?.id;
        self.bank.questions.iter().find(|q| &q.id == id)
    }

    /// Maps a key press to an action on the current question.
    fn key_action(&self, key: &str, now_ms: u64) -> Option<QuizAction> {
        let index = self.session.current;
        let item = self.session.items.get(index)?;
        let choice = match key {
            "ArrowRight" => return Some(QuizAction::Next),
            "ArrowLeft" => return Some(QuizAction::Previous),
            "Enter" => {
                return Some(
                    if self.session.plan.mode == Mode::Practice
                        && !item.checked
                        && item.response.is_answered()
                    {
                        QuizAction::Check { now_ms }
                    } else if index + 1 < self.session.items.len() {
                        QuizAction::Next
                    } else if self.session.plan.mode == Mode::Exam {
                        QuizAction::AskSubmit
                    } else {
                        return None;
                    },
                );
            }
            _ => {
                let c = key.chars().next()?;
                if key.chars().count() != 1 {
                    return None;
                }
                match c.to_ascii_uppercase() {
                    letter @ 'A'..='H' => letter as usize - 'A' as usize,
                    digit @ '1'..='8' => digit as usize - '1' as usize,
                    _ => return None,
                }
            }
        };
        match self.question(index).map(|q| &q.body) {
            Some(Body::Judge { .. }) if choice < 2 => Some(QuizAction::Judge {
                index,
                value: choice == 0,
                now_ms,
            }),
            Some(Body::Single { .. } | Body::Multiple { .. }) if choice < item.order.len() => {
                Some(QuizAction::Choose {
                    index,
                    shown: choice,
                    now_ms,
                })
            }
            _ => None,
        }
    }
}

impl Reducible for QuizState {
    type Action = QuizAction;

    fn reduce(self: Rc<Self>, action: QuizAction) -> Rc<Self> {
        if let QuizAction::Key { key, now_ms } = &action {
            // The submit dialog is modal: keys act on it, not on the
            // questions behind it.
            if self.confirming {
                return self;
            }
            return match self.key_action(key, *now_ms) {
                Some(mapped) => self.reduce(mapped),
                None => self,
            };
        }
        let mut next = (*self).clone();
        next.refused = None;
        let session = &mut next.session;
        let result = match action {
            QuizAction::Choose {
                index,
                shown,
                now_ms,
            } => {
                next.now_ms = now_ms;
                session
                    .choose(index, shown, now_ms)
                    .and_then(|()| check_on_tap(session, &next.bank, index, now_ms))
            }
            QuizAction::Judge {
                index,
                value,
                now_ms,
            } => {
                next.now_ms = now_ms;
                session
                    .judge(index, value, now_ms)
                    .and_then(|()| check_on_tap(session, &next.bank, index, now_ms))
            }
            QuizAction::Fill {
                index,
                blank,
                text,
                now_ms,
            } => {
                next.now_ms = now_ms;
                let count = next
                    .bank
                    .questions
                    .iter()
                    .find(|q| q.id == session.items[index.min(session.items.len() - 1)].id)
                    .map_or(0, |q| Session::blank_count(&q.body));
                session.fill(index, blank, count, &text, now_ms)
            }
            QuizAction::Check { now_ms } => {
                next.now_ms = now_ms;
                let index = session.current;
                session.check(index, &next.bank, now_ms).map(|_| ())
            }
            QuizAction::Goto(index) => {
                session.goto(index);
                Ok(())
            }
            QuizAction::Next => {
                session.next();
                Ok(())
            }
            QuizAction::Previous => {
                session.previous();
                Ok(())
            }
            QuizAction::ToggleFlag(index) => {
                session.toggle_flag(index);
                Ok(())
            }
            QuizAction::AskSubmit => {
                next.confirming = !session.is_finished();
                Ok(())
            }
            QuizAction::CancelSubmit => {
                next.confirming = false;
                Ok(())
            }
            QuizAction::Submit { now_ms } => {
                next.now_ms = now_ms;
                next.confirming = false;
                session.submit(now_ms);
                Ok(())
            }
            QuizAction::Tick { now_ms } => {
                // The countdown never goes up, even if the clock is set back.
                next.now_ms = now_ms.max(next.now_ms);
                if session.tick(now_ms) {
                    next.confirming = false;
                }
                Ok(())
            }
            QuizAction::Restart { seed, now_ms } => {
                let plan = session.plan.clone();
                match Session::start(&next.bank, plan, seed, now_ms) {
                    Ok(fresh) => {
                        *session = fresh;
                        next.now_ms = now_ms;
                        next.confirming = false;
                    }
                    Err(_) => return self,
                }
                Ok(())
            }
            QuizAction::Key { .. } => unreachable!("handled above"),
        };
        if let Err(refused) = result {
            next.refused = Some(refused);
            if refused == Refused::TimeUp {
                next.confirming = false;
            }
        }
        Rc::new(next)
    }
}

/// Whether question `index`'s answer is a single tap (single choice or
/// true/false), which practice checks at once; multiple choice and fill-in
/// answers take several steps, so the member confirms them.
pub fn answered_by_one_tap(session: &Session, index: usize) -> bool {
    session
        .items
        .get(index)
        .is_some_and(|item| matches!(item.kind, QuestionType::Single | QuestionType::Judge))
}

/// Practice checks a one-tap answer as soon as it is given; an exam never
/// does.
fn check_on_tap(
    session: &mut Session,
    bank: &Bank,
    index: usize,
    now_ms: u64,
) -> Result<(), Refused> {
    if session.plan.mode == Mode::Practice && answered_by_one_tap(session, index) {
        session.check(index, bank, now_ms).map(|_| ())
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quiz_core::check_bank;
    use quiz_core::session::Selection;

    const BANK: &str = r#"{"id": "k", "version": 1, "updated": "2026-11-28",
      "title": {"zh": "k"}, "description": {"zh": "k"},
      "paper": {"time_limit_minutes": 1, "pass_percent": 60, "sections": [{"type": "single", "count": 1, "points": 1}]},
      "questions": [
        {"id": "k1", "type": "single", "stem": {"zh": "一"}, "options": [{"zh": "甲"}, {"zh": "乙"}, {"zh": "丙"}], "answer": "B"},
        {"id": "k2", "type": "judge", "stem": {"zh": "二"}, "answer": true}
      ]}"#;

    fn state(mode: Mode) -> Rc<QuizState> {
        let bank = Rc::new(check_bank("k.json", BANK.as_bytes()).value.unwrap());
        let plan = Plan {
            mode,
            selection: Selection::Sequential,
            time_limit_ms: Some(60_000),
        };
        Rc::new(QuizState::start(bank, plan, 1, 0).unwrap())
    }

    fn key(state: Rc<QuizState>, key: &str) -> Rc<QuizState> {
        state.reduce(QuizAction::Key {
            key: key.into(),
            now_ms: 10,
        })
    }

    #[test]
    fn letters_and_digits_choose_the_shown_option() {
        let state = key(state(Mode::Exam), "b");
        let shown_b = state.session.items[0].order[1];
        assert_eq!(
            state.session.items[0].response,
            quiz_core::session::Response::Choices(vec![shown_b])
        );
        let state = key(state, "3");
        let shown_c = state.session.items[0].order[2];
        assert_eq!(
            state.session.items[0].response,
            quiz_core::session::Response::Choices(vec![shown_c])
        );
        // Keys beyond the options do nothing.
        let before = state.clone();
        assert_eq!(key(state, "h"), before);
    }

    #[test]
    fn practice_checks_a_single_choice_or_true_false_answer_at_once() {
        let practice = key(state(Mode::Practice), "a");
        assert!(practice.session.items[0].checked, "checked on the key");
        let practice = key(practice, "b");
        assert_eq!(
            practice.refused,
            Some(Refused::AlreadyChecked),
            "and it stays as given"
        );
        let practice = key(key(practice, "Enter"), "b");
        assert_eq!(practice.session.current, 1);
        assert!(practice.session.items[1].checked);
        // An exam checks nothing.
        let exam = key(state(Mode::Exam), "a");
        assert!(!exam.session.items[0].checked);
    }

    #[test]
    fn enter_moves_on_in_practice_and_asks_to_submit_at_the_end_of_an_exam() {
        let practice = key(key(state(Mode::Practice), "a"), "Enter");
        assert!(practice.session.items[0].checked);
        assert_eq!(practice.session.current, 1);

        let exam = key(key(state(Mode::Exam), "ArrowRight"), "a");
        assert_eq!(
            exam.session.items[1].response,
            quiz_core::session::Response::Judge(true)
        );
        let exam = key(exam, "Enter");
        assert!(exam.confirming, "Enter on the last question asks to submit");
        let exam = key(exam.reduce(QuizAction::CancelSubmit), "ArrowLeft");
        assert_eq!(exam.session.current, 0);
    }

    #[test]
    fn keys_do_nothing_behind_the_open_submit_dialog() {
        let exam = key(state(Mode::Exam), "ArrowRight").reduce(QuizAction::AskSubmit);
        let exam = key(key(key(exam, "a"), "ArrowLeft"), "Enter");
        assert!(exam.confirming);
        assert_eq!(exam.session.current, 1);
        assert!(!exam.session.items[1].response.is_answered());
        let exam = key(exam.reduce(QuizAction::CancelSubmit), "ArrowLeft");
        assert_eq!(exam.session.current, 0, "keys work again once it is closed");
    }

    #[test]
    fn the_countdown_never_goes_up_and_time_up_closes_the_dialog() {
        let exam = state(Mode::Exam).reduce(QuizAction::Tick { now_ms: 30_000 });
        let exam = exam.reduce(QuizAction::Tick { now_ms: 20_000 });
        assert_eq!(exam.session.remaining_ms(exam.now_ms), Some(30_000));
        let exam = exam.reduce(QuizAction::AskSubmit);
        assert!(exam.confirming);
        let exam = exam.reduce(QuizAction::Tick { now_ms: 61_000 });
        assert!(exam.session.is_finished());
        assert!(!exam.confirming);
    }
}
