//! The editing session: the draft of the open bank, its undo history,
//! which question is open, and the live check of what was typed.
//!
//! The reducer ([`Session`] with [`Action`]) only changes state; checking
//! and saving happen in the hooks' effects ([`crate::hooks`]). Every edit
//! bumps [`Session::revision`], which the live check and the saved draft
//! follow, so an older check never overwrites a newer one.

use bank_tools::draft::{DraftBank, Edit};
use bank_tools::import::Origin;
use bank_tools::lint::{self, Source};
use bank_tools::open::{Opened, Place, Problem};
use quiz_core::bank::{check_bank_in_steps, PauseFuture};
use quiz_core::diagnostic::MAX_PROBLEMS;
use quiz_core::{Bank, Severity};
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use yew::Reducible;

/// The most undo steps kept; typing in one field counts once.
const UNDO_STEPS: usize = 100;

/// What the editor keeps about a question besides its text: where it came
/// from in the opened file and what the importer found in it, which stand
/// until the question is edited (the live check then speaks for it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The row or line it was read from.
    pub origin: Option<Origin>,
    /// The importer's problems, with field paths inside the question.
    #[serde(skip)]
    pub notes: Vec<Problem>,
}

/// One step of the undo history.
#[derive(Debug, Clone, PartialEq)]
struct Step {
    draft: DraftBank,
    meta: Vec<Meta>,
    /// The field edited, so typing in one field is one step.
    field: Option<(usize, String)>,
}

/// The open bank as the editor holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// Which opening this is: each file opened (or draft restored) gets a
    /// new number, so checks and saves of an earlier one are told apart.
    pub epoch: u64,
    /// The opened file's name.
    pub file: String,
    /// Whether places are spreadsheet rows (else text lines).
    pub sheet: bool,
    /// The draft.
    pub draft: DraftBank,
    /// One entry per question of the draft.
    pub meta: Vec<Meta>,
    /// The problems found when the file was opened, located in the file;
    /// shown until the first edit.
    pub opened_problems: Rc<Vec<Problem>>,
    /// Bumped by every change of the draft.
    pub revision: u64,
    /// The question shown in the form.
    pub selected: usize,
    /// The field to focus after the next render, as a path inside the
    /// question (`answer`) or the bank (`bank:paper.time_limit_minutes`).
    pub focus: Option<(u64, String)>,
    undo: Vec<Step>,
}

/// The form of a session kept in the browser's storage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// The opened file's name.
    pub file: String,
    /// Whether places are spreadsheet rows.
    pub sheet: bool,
    /// The draft.
    pub draft: DraftBank,
    /// Where each question came from.
    pub meta: Vec<Meta>,
}

impl Session {
    /// A session on an opened file's draft; `None` when nothing could be
    /// read into one.
    pub fn open(opened: &Opened) -> Option<Session> {
        let draft = opened.draft.clone()?;
        let sheet = matches!(
            opened.kind,
            Some(bank_tools::open::Kind::Import(
                bank_tools::import::Format::Csv | bank_tools::import::Format::Xlsx
            ))
        );
        let mut meta: Vec<Meta> = (0..draft.questions.len())
            .map(|i| Meta {
                origin: opened.origins.get(i).cloned(),
                notes: Vec::new(),
            })
            .collect();
        if opened.bank.is_none() {
            for problem in &opened.problems {
                if let Some((index, _)) = split_path(&problem.field) {
                    if let Some(m) = meta.get_mut(index) {
                        m.notes.push(problem.clone());
                    }
                }
            }
        }
        Some(Session {
            epoch: next_epoch(),
            file: opened.file.clone(),
            sheet,
            draft,
            meta,
            opened_problems: Rc::new(opened.problems.clone()),
            revision: 0,
            selected: 0,
            focus: None,
            undo: Vec::new(),
        })
    }

    /// A session on a draft kept in storage.
    pub fn restore(saved: Saved) -> Session {
        let mut meta = saved.meta;
        meta.resize(saved.draft.questions.len(), Meta::default());
        Session {
            epoch: next_epoch(),
            file: saved.file,
            sheet: saved.sheet,
            draft: saved.draft,
            meta,
            opened_problems: Rc::new(Vec::new()),
            // A restored draft is checked live at once.
            revision: 1,
            selected: 0,
            focus: None,
            undo: Vec::new(),
        }
    }

    /// What is kept in storage.
    pub fn saved(&self) -> Saved {
        Saved {
            file: self.file.clone(),
            sheet: self.sheet,
            draft: self.draft.clone(),
            meta: self.meta.clone(),
        }
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether the draft was changed since the file was opened: such a
    /// draft is kept in storage and is not replaced by another file.
    pub fn edited(&self) -> bool {
        self.revision > 0
    }
}

thread_local! {
    static EPOCH: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A new session number.
fn next_epoch() -> u64 {
    EPOCH.with(|e| {
        e.set(e.get() + 1);
        e.get()
    })
}

/// What the page does to a session.
#[derive(Debug, Clone)]
pub enum Action {
    /// A change from the forms.
    Edit(Edit),
    /// Undoes the last change.
    Undo,
    /// Opens a question in the form.
    Select(usize),
    /// Opens a question (or the bank form, `None`) and focuses a field.
    Focus(Option<usize>, String),
}

/// The page's editing state: the open session, if any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Desk {
    /// The session being edited.
    pub session: Option<Rc<Session>>,
}

/// What happens to the desk.
#[derive(Debug, Clone)]
pub enum DeskAction {
    /// Puts a session on the desk (an opened file, a restored draft).
    Load(Box<Session>),
    /// Closes the session (the coordinator discards it).
    Close,
    /// A change to the open session.
    Session(Action),
}

impl Reducible for Desk {
    type Action = DeskAction;

    fn reduce(self: Rc<Self>, action: DeskAction) -> Rc<Self> {
        Rc::new(match action {
            DeskAction::Load(session) => Desk {
                session: Some(Rc::new(*session)),
            },
            DeskAction::Close => Desk { session: None },
            DeskAction::Session(action) => Desk {
                session: self
                    .session
                    .as_ref()
                    .map(|session| Rc::new(session.reduce(action))),
            },
        })
    }
}

impl Session {
    /// The session after an action.
    pub fn reduce(&self, action: Action) -> Session {
        let mut next = self.clone();
        match action {
            Action::Edit(edit) => {
                let field = field_of(&edit);
                let same_field = field.is_some()
                    && next.undo.last().and_then(|s| s.field.as_ref()) == field.as_ref();
                if !same_field {
                    next.undo.push(Step {
                        draft: self.draft.clone(),
                        meta: self.meta.clone(),
                        field: field.clone(),
                    });
                    if next.undo.len() > UNDO_STEPS {
                        next.undo.remove(0);
                    }
                }
                apply_meta(&mut next.meta, &edit);
                if let Some(index) = edit.question() {
                    if let Some(m) = next.meta.get_mut(index) {
                        m.notes.clear();
                    }
                }
                next.selected = match &edit {
                    Edit::Add(_) => next.draft.questions.len(),
                    Edit::Duplicate(index) => index + 1,
                    Edit::Move(index, true) => index.saturating_sub(1),
                    Edit::Move(index, false) => {
                        (index + 1).min(next.draft.questions.len().saturating_sub(1))
                    }
                    _ => next.selected,
                };
                next.draft.apply(edit);
                next.selected = next
                    .selected
                    .min(next.draft.questions.len().saturating_sub(1));
                next.revision += 1;
            }
            Action::Undo => {
                if let Some(step) = next.undo.pop() {
                    next.draft = step.draft;
                    next.meta = step.meta;
                    if let Some((index, _)) = step.field {
                        next.selected = index;
                    }
                    next.selected = next
                        .selected
                        .min(next.draft.questions.len().saturating_sub(1));
                    next.revision += 1;
                }
            }
            Action::Select(index) => {
                next.selected = index.min(next.draft.questions.len().saturating_sub(1));
            }
            Action::Focus(question, field) => {
                if let Some(index) = question {
                    next.selected = index.min(next.draft.questions.len().saturating_sub(1));
                }
                let stamp = next.focus.as_ref().map_or(0, |(n, _)| n + 1);
                next.focus = Some((stamp, field));
            }
        }
        next
    }
}

/// The question and field an edit types into, so consecutive keystrokes
/// in one field make one undo step.
fn field_of(edit: &Edit) -> Option<(usize, String)> {
    use bank_tools::draft::QuestionEdit as Q;
    match edit {
        Edit::Question(index, change) => {
            let field = match change {
                Q::Id(_) => "id".to_string(),
                Q::Stem(lang, _) => format!("stem.{lang:?}"),
                Q::OptionText(i, lang, _) => format!("options[{i}].{lang:?}"),
                Q::Blank(i, lang, _) => format!("answer[{i}].{lang:?}"),
                Q::Explanation(lang, _) => format!("explanation.{lang:?}"),
                Q::Source(lang, _) => format!("source.{lang:?}"),
                _ => return None,
            };
            Some((*index, field))
        }
        Edit::BankId(_) => Some((usize::MAX, "id".into())),
        Edit::Title(lang, _) => Some((usize::MAX, format!("title.{lang:?}"))),
        Edit::Description(lang, _) => Some((usize::MAX, format!("description.{lang:?}"))),
        Edit::TagName(key, lang, _) => Some((usize::MAX, format!("tag.{key}.{lang:?}"))),
        _ => None,
    }
}

/// Keeps each question's meta beside it when questions are added, copied,
/// deleted or moved.
fn apply_meta(meta: &mut Vec<Meta>, edit: &Edit) {
    match edit {
        Edit::Add(_) => meta.push(Meta::default()),
        Edit::Duplicate(index) if *index < meta.len() => {
            meta.insert(index + 1, Meta::default());
        }
        Edit::Delete(index) if *index < meta.len() => {
            meta.remove(*index);
        }
        Edit::Move(index, up) => {
            let other = if *up {
                index.checked_sub(1)
            } else {
                Some(index + 1)
            };
            if let Some(other) = other.filter(|&o| o < meta.len() && *index < meta.len()) {
                meta.swap(*index, other);
            }
        }
        _ => {}
    }
}

/// Splits `questions[3].answer` into 3 and `answer` (empty for the
/// question itself).
pub fn split_path(path: &str) -> Option<(usize, &str)> {
    let rest = path.strip_prefix("questions[")?;
    let (index, rest) = rest.split_once(']')?;
    Some((index.parse().ok()?, rest.strip_prefix('.').unwrap_or(rest)))
}

/// What the live check found in a revision of the draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Live {
    /// The session checked.
    pub epoch: u64,
    /// The revision checked.
    pub revision: u64,
    /// Every problem, placed by question and field (and the row it came
    /// from, for an imported question).
    pub problems: Rc<Vec<Problem>>,
    /// The bank, when the draft has no errors.
    pub bank: Option<Rc<Bank>>,
    /// Whether the lints have run on this revision (they follow once
    /// typing has paused longer).
    pub linted: bool,
}

/// What the check of a draft found, before the lints.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The problems `check_bank` found, and the importer's notes.
    pub problems: Vec<Problem>,
    /// The bank, when it has no errors.
    pub bank: Option<Bank>,
    /// The draft as bank JSON, for the lints.
    pub json: String,
}

/// Where a problem at `path` is shown: at its question's sheet row and
/// column, or text line, when it was imported; else by question (the
/// problem list words it from the path).
fn place(session: &Session, path: &str) -> Place {
    let Some((index, field)) = split_path(path) else {
        return Place::File;
    };
    match session.meta.get(index).and_then(|m| m.origin.as_ref()) {
        Some(origin) if session.sheet => Place::Cell {
            sheet: None,
            row: origin.line,
            column: origin.column(field).map(str::to_string),
        },
        Some(origin) => Place::Text {
            line: origin.line,
            column: None,
        },
        None => Place::File,
    }
}

/// Checks a draft as the app would check its file, in steps: the draft is
/// written in the bank format with quiz-core's serializer, checked with
/// `check_bank_in_steps`, and every problem placed at its question (and
/// its row, for an imported one). The importer's notes stand in for the
/// checker's on a question not yet edited.
pub async fn check(session: &Session, pause: &mut dyn FnMut() -> PauseFuture) -> Checked {
    let file = format!("{}.json", session.draft.id);
    let json = session.draft.to_bank_json();
    let checked = check_bank_in_steps(&file, json.as_bytes(), None, pause).await;
    let mut problems: Vec<Problem> = Vec::new();
    // Notes first, each at its question's current index.
    let mut noted: Vec<String> = Vec::new();
    for (index, meta) in session.meta.iter().enumerate() {
        for note in &meta.notes {
            let field = split_path(&note.field).map_or("", |(_, f)| f);
            let path = if field.is_empty() {
                format!("questions[{index}]")
            } else {
                format!("questions[{index}].{field}")
            };
            noted.push(path.clone());
            problems.push(Problem {
                field: path,
                question: session.draft.questions.get(index).map(|q| q.id.clone()),
                ..note.clone()
            });
        }
    }
    let already_noted = |path: &str| {
        noted.iter().any(|n| {
            path == n
                || path
                    .strip_prefix(n.as_str())
                    .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
        })
    };
    for d in checked.diagnostics {
        if already_noted(&d.path) {
            continue;
        }
        problems.push(Problem {
            severity: d.severity,
            place: place(session, &d.path),
            question: d.question,
            field: d.path,
            message: d.message,
        });
    }
    let errors = problems.iter().any(|p| p.severity == Severity::Error);
    Checked {
        problems,
        bank: checked.value.filter(|_| !errors),
        json,
    }
}

/// The bank lints (near-duplicates, terminology, answer balance) of a
/// checked draft, placed as [`check`] places problems. One step: the page
/// runs it only once typing has paused for a while.
pub fn lint(session: &Session, checked: &Checked) -> Vec<Problem> {
    let Some(bank) = &checked.bank else {
        return Vec::new();
    };
    let file = format!("{}.json", bank.id);
    lint::lint(&[Source {
        file: &file,
        text: &checked.json,
        bank,
    }])
    .into_iter()
    .map(|l| Problem {
        severity: l.severity,
        place: place(session, &l.path),
        question: l.question,
        field: l.path,
        message: l.message,
    })
    .collect()
}

/// Problems in question order, the bank's own first, at most as many as
/// opening a file lists.
pub fn in_order(mut problems: Vec<Problem>) -> Vec<Problem> {
    let errors = problems.iter().any(|p| p.severity == Severity::Error);
    problems.sort_by_key(|p| split_path(&p.field).map_or(0, |(i, _)| i + 1));
    if problems.len() > MAX_PROBLEMS {
        let more = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        problems.push(Problem {
            severity: if errors {
                Severity::Error
            } else {
                Severity::Warning
            },
            place: Place::File,
            question: None,
            field: String::new(),
            message: quiz_core::diagnostic::Message::new(
                format!("另有 {more} 个问题未列出（只列出前 {MAX_PROBLEMS} 个）。"),
                format!("{more} more problems are not listed (only the first {MAX_PROBLEMS} are)."),
            ),
        });
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use bank_tools::draft::QuestionEdit;
    use bank_tools::open::{open_now, Request};
    use quiz_core::Lang;

    /// The template CSV with its first answer naming no option.
    fn session() -> Session {
        let csv =
            include_str!("../../../questions/templates/题库模板.csv").replacen(",B,", ",Z,", 1);
        let opened = open_now(
            Request {
                file: "题库.csv",
                bank_id: "bank",
                today: "2026-12-06",
                expected_id: None,
                published: None,
            },
            csv.as_bytes(),
        );
        Session::open(&opened).expect("a draft")
    }

    fn stem(value: &str) -> Action {
        Action::Edit(Edit::Question(
            0,
            QuestionEdit::Stem(Lang::Zh, value.into()),
        ))
    }

    #[test]
    fn typing_in_one_field_is_one_undo_step() {
        let start = session();
        let typed = start
            .reduce(stem("一"))
            .reduce(stem("一二"))
            .reduce(stem("一二三"));
        assert_eq!(typed.revision, 3);
        assert_eq!(typed.draft.questions[0].stem.zh, "一二三");
        let undone = typed.reduce(Action::Undo);
        assert_eq!(undone.draft, start.draft);
        assert!(!undone.can_undo());
    }

    #[test]
    fn the_importers_notes_stand_until_their_question_is_edited() {
        let start = session();
        assert_eq!(start.meta[0].notes.len(), 1);
        assert_eq!(start.meta[0].origin.as_ref().map(|o| o.line), Some(2));
        let edited = start.reduce(Action::Edit(Edit::Question(
            0,
            QuestionEdit::Answer("B".into()),
        )));
        assert!(edited.meta[0].notes.is_empty());
    }

    #[test]
    fn where_a_question_came_from_follows_it_when_moved_deleted_and_undone() {
        let start = session();
        let moved = start.reduce(Action::Edit(Edit::Move(0, false)));
        assert_eq!(moved.draft.questions[1].id, "bank-001");
        assert_eq!(moved.meta[1].origin.as_ref().map(|o| o.line), Some(2));
        assert_eq!(moved.selected, 1);
        let deleted = moved.reduce(Action::Edit(Edit::Delete(1)));
        assert_eq!(deleted.draft.questions.len(), 3);
        assert_eq!(deleted.meta.len(), 3);
        let undone = deleted.reduce(Action::Undo);
        assert_eq!(undone.draft, moved.draft);
        assert_eq!(undone.meta, moved.meta);
    }

    #[test]
    fn a_kept_draft_restores_as_it_was() {
        let typed = session().reduce(stem("改过"));
        let text = serde_json::to_string(&typed.saved()).unwrap();
        let restored = Session::restore(serde_json::from_str(&text).unwrap());
        assert_eq!(restored.draft, typed.draft);
        assert_eq!(restored.meta[0].origin, typed.meta[0].origin);
        assert!(restored.edited());
    }

    #[test]
    fn problem_paths_split_into_question_and_field() {
        assert_eq!(
            split_path("questions[3].options[1].en"),
            Some((3, "options[1].en"))
        );
        assert_eq!(split_path("questions[0]"), Some((0, "")));
        assert_eq!(split_path("paper.sections[0]"), None);
    }
}
