//! Reading a bank file: every problem found in one pass, with positions.
//! The generic reading (objects, numbers, ids, texts) is the crate's
//! checked reader; here are the bank as a whole and its tags, with the
//! questions in `question.rs` and the paper in `paper.rs`.

mod paper;
mod question;

use super::fields;
use super::{Bank, Question};
use crate::diagnostic::{Checked, Code, Severity};
use crate::json::{LineIndex, Node, Value};
use crate::limits::{MAX_BANK_ID, MAX_DESCRIPTION, MAX_SHORT_TEXT, MAX_TITLE, VERSION};
use crate::reader::{finish, parse_file, start_of, Path, Reader};
use crate::LocalText;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

pub use crate::limits::{MAX_BANK_BYTES, MAX_QUESTIONS};

/// Reads and checks a bank file. `file` names it in the diagnostics.
pub fn check_bank(file: &str, bytes: &[u8]) -> Checked<Bank> {
    let mut no_pause = || -> PauseFuture { Box::pin(std::future::ready(())) };
    let mut checking = check_bank_in_steps(file, bytes, None, &mut no_pause);
    // With pauses that are ready at once, the check finishes on its first poll.
    match checking
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(checked) => checked,
        Poll::Pending => unreachable!("a pause that is ready at once never suspends"),
    }
}

/// A pause between steps of a long check: what the caller awaits, e.g. a
/// zero-delay timer so the browser can paint and handle input.
pub type PauseFuture = Pin<Box<dyn Future<Output = ()>>>;

/// Questions checked between two pauses: about 1.5 ms of work on a phone
/// for typical questions, so no step of a large bank blocks the page.
pub const QUESTIONS_PER_STEP: usize = 100;

/// [`check_bank`] in steps: the JSON is parsed in one step, then the
/// questions are checked [`QUESTIONS_PER_STEP`] at a time with `pause`
/// awaited in between, so a large bank never holds the browser's main
/// thread for long. quiz-core reads no clock: how long a pause lasts is the
/// caller's choice. The result is exactly [`check_bank`]'s.
///
/// The future is boxed so that the app and [`check_bank`] share one copy
/// of the checker's code.
///
/// `expected_id` is the id the manifest lists for this file, when the
/// caller has one: a bank whose own id differs is refused with the problem
/// at its `id`, since progress, links and the daily set are keyed by it.
pub fn check_bank_in_steps<'a>(
    file: &'a str,
    bytes: &'a [u8],
    expected_id: Option<&'a str>,
    pause: &'a mut dyn FnMut() -> PauseFuture,
) -> Pin<Box<dyn Future<Output = Checked<Bank>> + 'a>> {
    Box::pin(async move {
        let (text, root, mut problems) = match parse_file(file, bytes, MAX_BANK_BYTES) {
            Ok(parsed) => parsed,
            Err(diagnostics) => {
                return Checked {
                    value: None,
                    diagnostics,
                }
            }
        };
        let value = match root {
            Some(tree) => {
                pause().await;
                let index = LineIndex::new(text);
                let mut reader = Reader::new(&mut problems, &index);
                reader.bank(tree.root(), expected_id, pause).await
            }
            None => None,
        };
        finish(file, text, problems, value)
    })
}

impl<'r> Reader<'r> {
    /// The whole bank: its fields, then the checks across them (tags in
    /// use, sections that can draw their counts).
    async fn bank(
        &mut self,
        root: Node<'r>,
        expected_id: Option<&str>,
        pause: &mut dyn FnMut() -> PauseFuture,
    ) -> Option<Bank> {
        let path = Path::ROOT;
        let fields = self.object(root, &path, fields::BANK)?;
        let schema = fields.get("$schema").and_then(|node| {
            self.string(node, &path.field("$schema"))
                .map(Cow::into_owned)
        });
        let id = fields
            .get("id")
            .and_then(|node| self.id(node, &path.field("id"), MAX_BANK_ID));
        if let (Some(id), Some(expected), Some(node)) = (&id, expected_id, fields.get("id")) {
            if id != expected {
                self.error(
                    Code::IdMismatch,
                    node.span(),
                    &path.field("id"),
                    format!("这个文件的 id 是“{id}”，但题库清单（index.json）为它登记的编号是“{expected}”：请把两处改成一致。"),
                    format!("This file's id is \"{id}\" but the bank list (index.json) lists it as \"{expected}\": make the two the same."),
                );
            }
        }
        let version = fields.get("version").and_then(|node| {
            self.number(
                node,
                &path.field("version"),
                *VERSION.start(),
                *VERSION.end(),
            )
        });
        let updated = fields
            .get("updated")
            .and_then(|node| self.date(node, &path.field("updated")));
        let title = fields
            .get("title")
            .and_then(|node| self.text(node, &path.field("title"), MAX_TITLE));
        let description = fields
            .get("description")
            .and_then(|node| self.text(node, &path.field("description"), MAX_DESCRIPTION));
        let tag_names = match fields.get("tag_names") {
            Some(node) => self.tag_names(node, &path.field("tag_names")),
            None => Some(BTreeMap::new()),
        };
        self.declared_tags = tag_names
            .as_ref()
            .filter(|names| !names.is_empty())
            .map(|names| names.keys().cloned().collect());
        let questions = match fields.get("questions") {
            Some(node) => self.questions(node, &path.field("questions"), pause).await,
            None => None,
        };
        let paper = fields
            .get("paper")
            .and_then(|node| self.paper(node, &path.field("paper")));

        // Checks across fields, once each part is known.
        if let (Some(questions), Some(tag_names)) = (&questions, &tag_names) {
            self.check_tags(root, questions, tag_names, fields.get("tag_names"));
        }
        if let (Some(paper), Some(questions), Some(paper_node)) =
            (&paper, &questions, fields.get("paper"))
        {
            self.check_paper(paper, questions, paper_node);
        }
        Some(Bank {
            schema,
            id: id?,
            version: version?,
            updated: updated?,
            title: title?,
            description: description?,
            tag_names: tag_names?,
            paper: paper?,
            questions: questions?,
        })
    }

    fn tag_names(&mut self, node: Node, path: &Path) -> Option<BTreeMap<String, LocalText>> {
        let Value::Object(members) = node.value() else {
            self.wrong_type(
                node,
                path,
                "对象 {\"标签\": {\"zh\": …}}",
                "an object {\"tag\": {\"zh\": …}}",
            );
            return None;
        };
        let mut names = BTreeMap::new();
        let mut ok = true;
        for member in members.iter() {
            let key_text = member.key();
            let child = path.field(&key_text);
            let key = self.id_text(key_text.clone(), member.key_span(), &child, MAX_BANK_ID);
            let text = self.text(member.value, &child, MAX_SHORT_TEXT);
            match (key, text) {
                (Some(key), Some(text)) => {
                    names.insert(key, text);
                }
                _ => ok = false,
            }
        }
        ok.then_some(names)
    }

    /// Warns about declared tags no question uses (unknown tags were
    /// reported where they appear).
    fn check_tags(
        &mut self,
        root: Node,
        questions: &[Question],
        names: &BTreeMap<String, LocalText>,
        names_node: Option<Node>,
    ) {
        let span = names_node.map_or(root.span(), |node| node.span());
        for name in names.keys() {
            if questions.iter().any(|q| q.tags.contains(name)) {
                continue;
            }
            let path = Path::ROOT;
            self.report(
                Severity::Warning,
                Code::UnusedTag,
                start_of(span),
                &path.field("tag_names").field(name),
                format!("标签“{name}”已定义但没有题目使用。"),
                format!("Tag \"{name}\" is declared but no question uses it."),
            );
        }
    }
}

#[cfg(test)]
mod step_tests {
    use super::*;
    use std::cell::Cell;
    use std::rc::Rc;

    /// A bank of `count` judge questions; `broken` gives one of them a
    /// non-boolean answer.
    fn bank(count: usize, broken: Option<usize>) -> String {
        let questions: Vec<String> = (0..count)
            .map(|i| {
                let answer = if broken == Some(i) { "\"yes\"" } else { "true" };
                format!(
                    r#"{{"id": "q{i}", "type": "judge", "stem": {{"zh": "第 {i} 题"}}, "answer": {answer}}}"#
                )
            })
            .collect();
        format!(
            r#"{{"id": "steps", "version": 1, "updated": "2026-11-29",
              "title": {{"zh": "分步"}}, "description": {{"zh": "分步"}},
              "paper": {{"time_limit_minutes": 1, "pass_percent": 60,
                "sections": [{{"type": "judge", "count": 1, "points": 1}}]}},
              "questions": [{}]}}"#,
            questions.join(",\n")
        )
    }

    /// A pause that suspends once, as a timer would, counted.
    fn counting_pause(count: Rc<Cell<usize>>) -> impl FnMut() -> PauseFuture {
        move || {
            count.set(count.get() + 1);
            let mut suspended = false;
            Box::pin(std::future::poll_fn(move |_| {
                if suspended {
                    Poll::Ready(())
                } else {
                    suspended = true;
                    Poll::Pending
                }
            }))
        }
    }

    #[test]
    fn a_bank_whose_id_is_not_the_listed_one_is_refused_at_its_id() {
        let text = r#"{"id": "rules", "version": 1, "updated": "2026-11-29",
            "title": {"zh": "党规"}, "questions": [
            {"id": "r1", "type": "judge", "stem": {"zh": "题"}, "answer": true,
             "explanation": {"zh": "解"}, "source": {"zh": "出处"}}]}"#;
        let mut no_pause = || -> PauseFuture { Box::pin(std::future::ready(())) };
        let mut checking = check_bank_in_steps(
            "charter.json",
            text.as_bytes(),
            Some("charter"),
            &mut no_pause,
        );
        let Poll::Ready(checked) = checking
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        else {
            panic!("a ready pause never suspends")
        };
        let problem = checked
            .diagnostics
            .iter()
            .find(|d| d.code == Code::IdMismatch)
            .expect("the id is refused");
        assert_eq!((problem.line, problem.column), (1, 8));
        assert_eq!(problem.severity, Severity::Error);
        assert!(
            problem.message.zh.contains("“charter”"),
            "{}",
            problem.message.zh
        );
        assert!(
            check_bank("charter.json", text.as_bytes())
                .diagnostics
                .iter()
                .all(|d| d.code != Code::IdMismatch),
            "no list, no check"
        );
    }

    fn run_in_steps(text: &str, pauses: Rc<Cell<usize>>) -> (Checked<Bank>, usize) {
        let mut pause = counting_pause(pauses);
        let mut checking = check_bank_in_steps("steps.json", text.as_bytes(), None, &mut pause);
        let mut suspensions = 0;
        loop {
            match checking
                .as_mut()
                .poll(&mut Context::from_waker(Waker::noop()))
            {
                Poll::Ready(checked) => return (checked, suspensions),
                Poll::Pending => suspensions += 1,
            }
        }
    }

    #[test]
    fn a_large_bank_is_checked_in_steps_with_the_same_result() {
        let text = bank(250, None);
        let pauses = Rc::new(Cell::new(0));
        let (checked, suspensions) = run_in_steps(&text, pauses.clone());
        // After the parse, then after questions 100 and 200.
        assert_eq!(pauses.get(), 3);
        assert_eq!(suspensions, 3);
        let whole = check_bank("steps.json", text.as_bytes());
        assert_eq!(checked.value.unwrap(), whole.value.unwrap());
        assert_eq!(checked.diagnostics, whole.diagnostics);
    }

    #[test]
    fn problems_found_in_steps_are_those_found_at_once() {
        let text = bank(150, Some(120));
        let (checked, _) = run_in_steps(&text, Rc::new(Cell::new(0)));
        let whole = check_bank("steps.json", text.as_bytes());
        assert!(checked.value.is_none());
        assert!(!checked.diagnostics.is_empty());
        assert_eq!(checked.diagnostics, whole.diagnostics);
        // A file that is not JSON needs no pause at all.
        let pauses = Rc::new(Cell::new(0));
        let (checked, _) = run_in_steps("{", pauses.clone());
        assert_eq!(pauses.get(), 0);
        assert_eq!(checked.diagnostics[0].code, Code::Syntax);
    }
}
