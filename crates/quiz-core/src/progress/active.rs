//! An unfinished exam as stored, so a reload or crash resumes it with the
//! same questions, order, answers and deadline.
//!
//! The stored form is this module's own, not the engine's [`Session`]:
//! conversions in both directions check the data, so a damaged or foreign
//! value is refused instead of resuming a broken attempt.

use crate::bank::QuestionType;
use crate::json::read::Fields;
use crate::json::write::push_object;
use crate::session::{Item, Mode, Plan, Response, Selection, Session};
use serde::{Deserialize, Serialize};

/// The stored-form version of an unfinished attempt.
pub const ACTIVE_SCHEMA: u32 = 1;

/// An unfinished attempt as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedAttempt {
    /// The bank.
    pub bank: String,
    /// The bank's version when it started.
    pub bank_version: u32,
    /// `exam` or `practice`.
    pub mode: String,
    /// How questions were chosen: `paper`, `paper:N`, `sequential`,
    /// `tag:KEY`, `random:N` or `ids`.
    pub selection: String,
    /// The ids of an `ids` selection.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub selection_ids: Vec<String>,
    /// The time allowed.
    pub time_limit_ms: Option<u64>,
    /// The seed of the draw.
    pub seed: u64,
    /// When it started.
    pub started_ms: u64,
    /// When it ends.
    pub deadline_ms: Option<u64>,
    /// Partial credit for multiple choice.
    pub partial_credit: bool,
    /// The pass mark in percent.
    pub pass_percent: u32,
    /// The question on screen.
    pub current: usize,
    /// The questions and answers.
    pub items: Vec<SavedItem>,
}

/// One question of a stored attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedItem {
    /// The question id.
    pub id: String,
    /// The type key.
    pub kind: String,
    /// Display order of options.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order: Vec<usize>,
    /// Points.
    pub points: u32,
    /// The answer: nothing, chosen options, true/false, or typed blanks.
    #[serde(default)]
    pub answer: SavedAnswer,
    /// Flagged for review.
    #[serde(default)]
    pub flagged: bool,
    /// Practice: checked.
    #[serde(default)]
    pub checked: bool,
}

/// A stored answer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SavedAnswer {
    /// Not answered.
    #[default]
    None,
    /// Chosen option indexes (bank order).
    Choices(Vec<usize>),
    /// True or false.
    Judge(bool),
    /// Typed blanks.
    Blanks(Vec<String>),
}

impl SavedAttempt {
    /// The stored form of an unfinished session.
    pub fn from_session(session: &Session) -> SavedAttempt {
        let (selection, selection_ids) = match &session.plan.selection {
            Selection::Paper { count: None } => ("paper".to_string(), Vec::new()),
            Selection::Paper { count: Some(n) } => (format!("paper:{n}"), Vec::new()),
            Selection::Sequential => ("sequential".to_string(), Vec::new()),
            Selection::Tag { tag } => (format!("tag:{tag}"), Vec::new()),
            Selection::Random { count } => (format!("random:{count}"), Vec::new()),
            Selection::Ids { ids } => ("ids".to_string(), ids.clone()),
            Selection::Shared { code, count: None } => (format!("shared:{code}"), Vec::new()),
            Selection::Shared {
                code,
                count: Some(n),
            } => (format!("shared:{code}:{n}"), Vec::new()),
        };
        SavedAttempt {
            bank: session.bank_id.clone(),
            bank_version: session.bank_version,
            mode: match session.plan.mode {
                Mode::Exam => "exam".into(),
                Mode::Practice => "practice".into(),
            },
            selection,
            selection_ids,
            time_limit_ms: session.plan.time_limit_ms,
            seed: session.seed,
            started_ms: session.started_ms,
            deadline_ms: session.deadline_ms,
            partial_credit: session.partial_credit,
            pass_percent: session.pass_percent,
            current: session.current,
            items: session
                .items
                .iter()
                .map(|item| SavedItem {
                    id: item.id.clone(),
                    kind: item.kind.key().to_string(),
                    order: item.order.clone(),
                    points: item.points,
                    answer: match &item.response {
                        Response::Empty => SavedAnswer::None,
                        Response::Choices(chosen) => SavedAnswer::Choices(chosen.clone()),
                        Response::Judge(value) => SavedAnswer::Judge(*value),
                        Response::Blanks(blanks) => SavedAnswer::Blanks(blanks.clone()),
                    },
                    flagged: item.flagged,
                    checked: item.checked,
                })
                .collect(),
        }
    }

    /// The session to resume, or `None` when the stored data does not hold
    /// together (then it is discarded rather than resumed wrongly).
    pub fn to_session(&self) -> Option<Session> {
        let mode = match self.mode.as_str() {
            "exam" => Mode::Exam,
            "practice" => Mode::Practice,
            _ => return None,
        };
        let selection = match self.selection.split_once(':') {
            None if self.selection == "paper" => Selection::Paper { count: None },
            None if self.selection == "sequential" => Selection::Sequential,
            None if self.selection == "ids" => Selection::Ids {
                ids: self.selection_ids.clone(),
            },
            Some(("paper", n)) => Selection::Paper {
                count: Some(n.parse().ok()?),
            },
            Some(("tag", tag)) => Selection::Tag {
                tag: tag.to_string(),
            },
            Some(("random", n)) => Selection::Random {
                count: n.parse().ok()?,
            },
            Some(("shared", rest)) => match rest.split_once(':') {
                None => Selection::Shared {
                    code: rest.to_string(),
                    count: None,
                },
                Some((code, n)) => Selection::Shared {
                    code: code.to_string(),
                    count: Some(n.parse().ok()?),
                },
            },
            _ => return None,
        };
        if self.items.is_empty() || self.current >= self.items.len() {
            return None;
        }
        let mut items = Vec::with_capacity(self.items.len());
        for saved in &self.items {
            let kind = QuestionType::from_key(&saved.kind)?;
            let mut sorted = saved.order.clone();
            crate::order::sort(&mut sorted);
            if sorted.iter().enumerate().any(|(i, &o)| i != o) {
                return None;
            }
            let response = match (&saved.answer, kind) {
                (SavedAnswer::None, _) => Response::Empty,
                (SavedAnswer::Choices(chosen), QuestionType::Single | QuestionType::Multiple)
                    if chosen.iter().all(|&c| c < saved.order.len()) =>
                {
                    Response::Choices(chosen.clone())
                }
                (SavedAnswer::Judge(value), QuestionType::Judge) => Response::Judge(*value),
                (SavedAnswer::Blanks(blanks), QuestionType::Fill) => {
                    Response::Blanks(blanks.clone())
                }
                _ => return None,
            };
            items.push(Item {
                id: saved.id.clone(),
                kind,
                order: saved.order.clone(),
                points: saved.points,
                response,
                flagged: saved.flagged,
                checked: saved.checked,
            });
        }
        Some(Session {
            bank_id: self.bank.clone(),
            bank_version: self.bank_version,
            plan: Plan {
                mode,
                selection,
                time_limit_ms: self.time_limit_ms,
            },
            seed: self.seed,
            items,
            current: self.current,
            started_ms: self.started_ms,
            deadline_ms: self.deadline_ms,
            partial_credit: self.partial_credit,
            pass_percent: self.pass_percent,
            finished: None,
        })
    }

    /// The stored text, with its schema version.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        push_object(&mut out, |envelope| {
            envelope.uint("schema", ACTIVE_SCHEMA);
            super::codec::write_saved_attempt(envelope.key("attempt"), self);
        });
        out
    }

    /// Reads stored text; `None` for anything unreadable or from another
    /// schema version.
    pub fn decode(text: &str) -> Option<SavedAttempt> {
        let envelope = crate::json::parse(text).ok()?;
        let fields = Fields::of(envelope.root(), "").ok()?;
        if fields.uint::<u32>("schema").ok()? != ACTIVE_SCHEMA {
            return None;
        }
        super::codec::read_saved_attempt(fields.required("attempt").ok()?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check_bank;

    fn session() -> (Session, crate::Bank) {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../questions/charter.json"
        ))
        .unwrap();
        let bank = check_bank("charter.json", &bytes).value.unwrap();
        let plan = Plan {
            mode: Mode::Exam,
            selection: Selection::Paper { count: Some(12) },
            time_limit_ms: Some(600_000),
        };
        (Session::start(&bank, plan, 77, 1_000).unwrap(), bank)
    }

    #[test]
    fn an_unfinished_exam_resumes_with_the_same_questions_answers_and_deadline() {
        let (mut session, bank) = session();
        for index in 0..session.items.len() {
            match session.items[index].kind {
                QuestionType::Judge => session.judge(index, true, 2_000).unwrap(),
                QuestionType::Fill => session.fill(index, 0, 1, "一", 2_000).unwrap(),
                _ => session.choose(index, 0, 2_000).unwrap(),
            }
        }
        session.toggle_flag(3);
        session.goto(5);
        let stored = SavedAttempt::from_session(&session).encode();
        let resumed = SavedAttempt::decode(&stored).unwrap().to_session().unwrap();
        assert_eq!(resumed, session);
        assert_eq!(resumed.remaining_ms(301_000), Some(300_000));
        assert_eq!(resumed.grade(&bank), session.grade(&bank));
    }

    #[test]
    fn an_exam_whose_deadline_passed_meanwhile_submits_on_reopen() {
        let (mut session, bank) = session();
        session
            .judge(
                session
                    .items
                    .iter()
                    .position(|i| i.kind == QuestionType::Judge)
                    .unwrap(),
                true,
                2_000,
            )
            .unwrap();
        let stored = SavedAttempt::from_session(&session).encode();
        let mut resumed = SavedAttempt::decode(&stored).unwrap().to_session().unwrap();
        assert!(resumed.tick(10_000_000));
        assert_eq!(resumed.finished.unwrap().at_ms, 601_000);
        assert_eq!(
            resumed
                .grade(&bank)
                .outcomes
                .iter()
                .filter(|o| **o != crate::session::Outcome::Unanswered)
                .count(),
            1
        );
    }

    #[test]
    fn damaged_stored_attempts_are_refused() {
        let (session, _) = session();
        let good = SavedAttempt::from_session(&session);
        let mut bad_order = good.clone();
        bad_order.items[0].order = vec![0, 0, 1, 2];
        let mut bad_answer = good.clone();
        bad_answer.items[0].answer = SavedAnswer::Judge(true);
        let mut bad_current = good.clone();
        bad_current.current = 99;
        let mut bad_mode = good.clone();
        bad_mode.mode = "party".into();
        for bad in [bad_order, bad_answer, bad_current, bad_mode] {
            assert_eq!(bad.to_session(), None);
        }
        assert_eq!(
            SavedAttempt::decode("{\"schema\": 2, \"attempt\": {}}"),
            None
        );
        assert_eq!(SavedAttempt::decode("not json"), None);
    }

    #[test]
    fn a_saved_exam_fits_only_the_bank_it_was_drawn_from() {
        let (session, bank) = session();
        let resumed = SavedAttempt::decode(&SavedAttempt::from_session(&session).encode())
            .unwrap()
            .to_session()
            .unwrap();
        assert!(resumed.fits(&bank));
        let choice = session
            .items
            .iter()
            .find(|item| !item.order.is_empty())
            .unwrap()
            .id
            .clone();
        let fill = session
            .items
            .iter()
            .find(|item| item.kind == QuestionType::Fill)
            .map(|item| item.id.clone());
        // Each edit a coordinator might make without raising the version.
        type Edit = Box<dyn Fn(&mut crate::Bank)>;
        let (first, second, third) = (choice.clone(), choice.clone(), choice);
        let edits: Vec<Edit> = vec![
            Box::new(move |bank| {
                let q = bank.questions.iter_mut().find(|q| q.id == first).unwrap();
                match &mut q.body {
                    crate::bank::Body::Single { options, answer } => {
                        options.pop();
                        *answer = 0;
                    }
                    crate::bank::Body::Multiple { options, answer } => {
                        options.pop();
                        *answer = vec![0];
                    }
                    _ => unreachable!(),
                }
            }),
            Box::new(move |bank| bank.questions.retain(|q| q.id != second)),
            Box::new(move |bank| {
                let q = bank.questions.iter_mut().find(|q| q.id == third).unwrap();
                q.body = crate::bank::Body::Judge { answer: true };
            }),
        ];
        for edit in edits {
            let mut edited = bank.clone();
            edit(&mut edited);
            assert!(!resumed.fits(&edited));
            // The engine never indexes past the options of a fitting bank;
            // a session that does not fit is not resumed at all.
        }
        if let Some(fill) = fill {
            let mut with_answers = resumed.clone();
            let index = with_answers
                .items
                .iter()
                .position(|i| i.id == fill)
                .unwrap();
            with_answers.items[index].response =
                crate::session::Response::Blanks(vec!["一".into(); 30]);
            assert!(
                !with_answers.fits(&bank),
                "more typed blanks than the question has"
            );
        }
    }
}
