//! Opening whatever file a coordinator has, with every problem in it.
//!
//! A coordinator drops a spreadsheet, a Moodle export or a bank JSON on
//! the workbench and expects one list of everything to fix, each problem
//! at the place they would edit: the sheet's row and column name for a
//! spreadsheet, the line for a text export, line and column for JSON.
//! [`open`] tells the formats apart, imports with the same code as
//! `quizbank import`, checks the result with quiz-core's checker in steps
//! (the caller's pause lets a page paint and take input between them) and
//! runs the bank lints, then maps every problem back to where it is in the
//! file the coordinator opened.

use crate::draft::DraftBank;
use crate::export::Style;
use crate::import::{self, Format, LocatedError, Origin};
use crate::lint::{self, Source};
use quiz_core::bank::{check_bank_in_steps, PauseFuture};
use quiz_core::diagnostic::{Message, MAX_PROBLEMS};
use quiz_core::manifest::looks_like_manifest;
use quiz_core::{Bank, Lang, Severity};

/// What kind of file was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A bank JSON file, as published in `questions/`.
    Bank,
    /// A file the importer reads: a spreadsheet or a Moodle export.
    Import(Format),
}

impl Kind {
    /// Tells the kind from the first bytes and the name: a workbook is one
    /// whatever its name (coordinators rename files), then the extension
    /// decides, then a text starting with `{` is taken for JSON. `None`
    /// when nothing fits.
    pub fn of(name: &str, bytes: &[u8]) -> Option<Kind> {
        if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Some(Kind::Import(Format::Xlsx));
        }
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".json") {
            return Some(Kind::Bank);
        }
        if let Some(format) = Format::from_name(name) {
            return Some(Kind::Import(format));
        }
        let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let first = text.iter().find(|b| !b.is_ascii_whitespace());
        (first == Some(&b'{')).then_some(Kind::Bank)
    }

    /// Whether places in this kind of file are spreadsheet rows.
    fn is_sheet(self) -> bool {
        matches!(self, Kind::Import(Format::Csv | Format::Xlsx))
    }
}

/// Where a problem is, in the terms of the file the coordinator opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The whole file, or the bank as a whole (its paper, its tag names).
    File,
    /// A spreadsheet cell, row or column.
    Cell {
        /// The worksheet, when the problem names one.
        sheet: Option<String>,
        /// The row as the spreadsheet numbers it; 0 when only a column is
        /// concerned.
        row: usize,
        /// The column's header as written (e.g. 答案), or its letter.
        column: Option<String>,
    },
    /// A place in a text file.
    Text {
        /// 1-based line.
        line: usize,
        /// 1-based column in characters, when known.
        column: Option<usize>,
    },
}

impl Place {
    /// The place in words, for the problem list: "第 5 行「答案」列" or
    /// "row 5, column 答案", "第 3 行第 7 列" or "line 3, column 7".
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (Place::File, Lang::Zh) => "整个文件".into(),
            (Place::File, Lang::En) => "whole file".into(),
            (Place::Cell { sheet, row, column }, _) => {
                let mut parts = Vec::new();
                if let Some(sheet) = sheet {
                    parts.push(match lang {
                        Lang::Zh => format!("工作表“{sheet}”"),
                        Lang::En => format!("sheet \"{sheet}\""),
                    });
                }
                if *row > 0 {
                    parts.push(match lang {
                        Lang::Zh => format!("第 {row} 行"),
                        Lang::En => format!("row {row}"),
                    });
                }
                if let Some(column) = column {
                    parts.push(match lang {
                        Lang::Zh => format!("「{column}」列"),
                        Lang::En => format!("column {column}"),
                    });
                }
                match lang {
                    Lang::Zh => parts.join(""),
                    Lang::En => parts.join(", "),
                }
            }
            (Place::Text { line, column }, Lang::Zh) => match column {
                Some(column) => format!("第 {line} 行第 {column} 列"),
                None => format!("第 {line} 行"),
            },
            (Place::Text { line, column }, Lang::En) => match column {
                Some(column) => format!("line {line}, column {column}"),
                None => format!("line {line}"),
            },
        }
    }

    /// A number that orders places in file order (the whole file first).
    fn order(&self) -> usize {
        match self {
            Place::File => 0,
            Place::Cell { row, .. } => *row,
            Place::Text { line, .. } => *line,
        }
    }
}

/// One problem in an opened file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Errors keep the bank from being downloaded; warnings do not.
    pub severity: Severity,
    /// Where it is in the opened file.
    pub place: Place,
    /// The question's id, when the problem is inside a question.
    pub question: Option<String>,
    /// The field's path in the bank (`questions[3].answer`), when known:
    /// the form editor uses it to open the field.
    pub field: String,
    /// What is wrong and how to fix it.
    pub message: Message,
}

impl Problem {
    /// An error with the whole file (it could not be read, or was refused),
    /// with no question or field to open.
    pub fn whole_file(message: Message) -> Problem {
        Problem {
            severity: Severity::Error,
            place: Place::File,
            question: None,
            field: String::new(),
            message,
        }
    }
}

/// What opening a file gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// The file's name, as the coordinator sees it.
    pub file: String,
    /// What kind of file it was taken for; `None` when not recognised.
    pub kind: Option<Kind>,
    /// The bank, when the file has no errors.
    pub bank: Option<Bank>,
    /// The bank as the editor holds it: whenever any question could be
    /// read, errors included, so they can be fixed in the page.
    pub draft: Option<DraftBank>,
    /// Where each question of the draft came from, for an imported file:
    /// a problem found after an edit is still shown at its row.
    pub origins: Vec<Origin>,
    /// How a bank JSON file was written, so writing the bank back keeps
    /// it (see [`crate::export::bank_json_styled`]); the default style for
    /// an imported file, as `quizbank import` writes it.
    pub style: Style,
    /// Every problem, in file order (at most [`MAX_PROBLEMS`] and one
    /// that counts the rest).
    pub problems: Vec<Problem>,
}

impl Opened {
    /// The number of errors.
    pub fn error_count(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    /// The number of warnings.
    pub fn warning_count(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
            .count()
    }
}

/// What [`open`] needs besides the bytes.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The file's name: messages name it, and its extension tells the
    /// format.
    pub file: &'a str,
    /// The id an imported bank gets (a bank JSON has its own).
    pub bank_id: &'a str,
    /// Today's date, `YYYY-MM-DD`: an imported bank's `updated`.
    pub today: &'a str,
    /// The id a bank JSON must have, when it is opened as a published
    /// bank the manifest lists under that id.
    pub expected_id: Option<&'a str>,
    /// The published bank of the imported file's id, when there is one: a
    /// spreadsheet holds only questions and tag names, so the bank keeps
    /// the published title, description and paper (see [`carry_over`]).
    pub published: Option<&'a Bank>,
}

/// Opens the bytes of a file: imports or reads the bank, checks it in
/// steps (awaiting `pause` between them), runs the lints and locates every
/// problem in the file as opened. Never panics on bad input: what cannot
/// be read is a problem naming the file.
pub async fn open(
    request: Request<'_>,
    bytes: &[u8],
    pause: &mut dyn FnMut() -> PauseFuture,
) -> Opened {
    let file = request.file;
    let kind = Kind::of(file, bytes);
    let mut opened = Opened {
        file: file.to_string(),
        kind,
        bank: None,
        draft: None,
        origins: Vec::new(),
        style: Style::default(),
        problems: Vec::new(),
    };
    if bytes.is_empty() {
        opened.problems.push(whole_file(
            format!("“{file}”是空的（0 字节）：请确认文件已保存完整，再重新打开。"),
            format!("\"{file}\" is empty (0 bytes): make sure the file was saved completely, then open it again."),
        ));
        return opened;
    }
    match kind {
        None => opened.problems.push(whole_file(
            format!("无法识别“{file}”的格式：请打开 Excel 表格（.xlsx）、CSV（.csv）、GIFT（.gift）、Aiken（.txt）或题库文件（.json）。"),
            format!("Cannot tell the format of \"{file}\": open an Excel sheet (.xlsx), a CSV (.csv), GIFT (.gift), Aiken (.txt) or a bank file (.json)."),
        )),
        Some(Kind::Bank) => open_bank(&mut opened, request, bytes, pause).await,
        Some(Kind::Import(format)) => open_import(&mut opened, request, format, bytes, pause).await,
    }
    finish(&mut opened.problems);
    opened
}

/// Reads and checks a bank JSON file, with lints when it loads.
async fn open_bank(
    opened: &mut Opened,
    request: Request<'_>,
    bytes: &[u8],
    pause: &mut dyn FnMut() -> PauseFuture,
) {
    let file = request.file;
    if bytes.len() <= quiz_core::manifest::MAX_MANIFEST_BYTES && looks_like_manifest(bytes) {
        opened.problems.push(whole_file(
            format!("“{file}”是题库清单（index.json），不是题库：请打开一个题库文件，或用“打开已发布的题库”。"),
            format!("\"{file}\" is the bank list (index.json), not a bank: open a bank file, or use \"Open a published bank\"."),
        ));
        return;
    }
    let checked = check_bank_in_steps(file, bytes, request.expected_id, pause).await;
    opened
        .problems
        .extend(checked.diagnostics.into_iter().map(|d| Problem {
            severity: d.severity,
            place: Place::Text {
                line: d.line,
                column: Some(d.column),
            },
            question: d.question,
            field: d.path,
            message: d.message,
        }));
    if let Some(bank) = checked.value {
        // The lints are one more long step: let the page breathe first.
        pause().await;
        // The checker accepted the bytes, so they are UTF-8 (a BOM would
        // only shift the lints' columns).
        let text = String::from_utf8_lossy(bytes);
        let lints = lint::lint(&[Source {
            file,
            text: &text,
            bank: &bank,
        }]);
        opened.problems.extend(lints.into_iter().map(|l| Problem {
            severity: l.severity,
            place: Place::Text {
                line: l.line,
                column: Some(l.column),
            },
            question: l.question,
            field: l.path,
            message: l.message,
        }));
        opened.style = Style::of(&text);
        opened.draft = Some(DraftBank::of(&bank));
        opened.bank = Some(bank);
    } else {
        // A bank with errors is still opened in the editor, as far as its
        // JSON can be read, so they can be fixed there.
        opened.draft = crate::draft::read_json(bytes);
    }
}

/// Imports a spreadsheet or text export, then checks the bank it makes
/// as the app would, locating what the check finds at the question's row.
async fn open_import(
    opened: &mut Opened,
    request: Request<'_>,
    format: Format,
    bytes: &[u8],
    pause: &mut dyn FnMut() -> PauseFuture,
) {
    let file = request.file;
    let sheet = Kind::Import(format).is_sheet();
    let drafted = import::import_drafts(bytes, format, request.bank_id, request.today, file);
    let published = request
        .published
        .filter(|published| published.id == request.bank_id);
    opened.origins = drafted.origins;
    let Some(imported) = drafted.imported else {
        let ids: Vec<String> = drafted
            .draft
            .iter()
            .flat_map(|d| d.questions.iter().map(|q| q.id.clone()))
            .collect();
        opened.problems.extend(
            drafted
                .errors
                .into_iter()
                .map(|e| import_problem(e, sheet, &ids)),
        );
        opened.draft = drafted.draft.map(|mut draft| {
            if let Some(published) = published {
                draft.carry_over(published);
            }
            draft
        });
        return;
    };
    let imported = match published {
        Some(published) => import::Imported {
            bank: carry_over(&imported.bank, published),
            origins: imported.origins,
        },
        None => imported,
    };
    // The import was one long step; the page gets its turn before the next.
    pause().await;
    let json = crate::bank_json(&imported.bank);
    let checked = check_bank_in_steps(file, json.as_bytes(), None, pause).await;
    let located = |path: &str| locate(path, &imported.origins, sheet);
    for d in checked.diagnostics {
        opened.problems.push(Problem {
            severity: d.severity,
            place: located(&d.path),
            question: d.question,
            field: d.path,
            message: d.message,
        });
    }
    if let Some(bank) = checked.value {
        pause().await;
        let lints = lint::lint(&[Source {
            file,
            text: &json,
            bank: &bank,
        }]);
        for l in lints {
            opened.problems.push(Problem {
                severity: l.severity,
                place: located(&l.path),
                question: l.question,
                field: l.path,
                message: l.message,
            });
        }
        let mut draft = DraftBank::of(&bank);
        // A new bank's paper is the default one for its questions' types,
        // as `quizbank import` lays it out, until it is set in the form.
        draft.auto_paper = published.is_none();
        opened.draft = Some(draft);
        opened.bank = Some(bank);
    }
}

/// An imported bank as an update of the published bank of the same id:
/// the questions and tag names come from the import, the rest (title,
/// description, paper, schema reference, version and date) from the
/// published bank, since a spreadsheet does not hold them and the
/// importer would otherwise name the bank by its id and give it the
/// default paper. Tag names the import does not declare keep their
/// published names.
pub fn carry_over(imported: &Bank, published: &Bank) -> Bank {
    let mut tag_names = published.tag_names.clone();
    tag_names.extend(
        imported
            .tag_names
            .iter()
            .map(|(key, name)| (key.clone(), name.clone())),
    );
    let used: std::collections::BTreeSet<&String> =
        imported.questions.iter().flat_map(|q| &q.tags).collect();
    // A published name no question uses any more is dropped, as the
    // checker would warn about it; names the import declares stay.
    tag_names.retain(|key, _| used.contains(key) || imported.tag_names.contains_key(key));
    Bank {
        tag_names,
        questions: imported.questions.clone(),
        ..published.clone()
    }
}

/// An importer's problem, placed: the worksheet is in the file name the
/// importer gives (`题库.xlsx › 标签`); a problem in a question names it
/// and its field as the checker would (`questions[3].answer`).
fn import_problem(located: LocatedError, sheet: bool, ids: &[String]) -> Problem {
    let error = located.error;
    let place = match (sheet, error.line, &error.column) {
        (_, 0, None) => Place::File,
        (true, row, column) => Place::Cell {
            sheet: error
                .file
                .split_once(" › ")
                .map(|(_, sheet)| sheet.to_string()),
            row,
            column: column.clone(),
        },
        (false, 0, Some(_)) => Place::File,
        (false, line, _) => Place::Text { line, column: None },
    };
    let (question, field) = match located.question {
        Some(index) if located.field.is_empty() => {
            (ids.get(index).cloned(), format!("questions[{index}]"))
        }
        Some(index) => (
            ids.get(index).cloned(),
            format!("questions[{index}].{}", located.field),
        ),
        None => (None, String::new()),
    };
    Problem {
        severity: Severity::Error,
        place,
        question,
        field,
        message: Message::new(error.zh, error.en),
    }
}

/// Where a field of an imported bank came from: its question's row and
/// the column it was read from, or the question's line in a text export.
/// Fields outside questions (the paper, tag names) are the whole file's.
fn locate(path: &str, origins: &[Origin], sheet: bool) -> Place {
    let Some((index, field)) = question_field(path) else {
        return Place::File;
    };
    let Some(origin) = origins.get(index) else {
        return Place::File;
    };
    if sheet {
        Place::Cell {
            sheet: None,
            row: origin.line,
            column: origin.column(field).map(str::to_string),
        }
    } else {
        Place::Text {
            line: origin.line,
            column: None,
        }
    }
}

/// Splits `questions[3].options[1].en` into 3 and `options[1].en`.
fn question_field(path: &str) -> Option<(usize, &str)> {
    let rest = path.strip_prefix("questions[")?;
    let (index, rest) = rest.split_once(']')?;
    let index = index.parse().ok()?;
    Some((index, rest.strip_prefix('.').unwrap_or(rest)))
}

/// A problem with the whole file, in both languages.
fn whole_file(zh: String, en: String) -> Problem {
    Problem::whole_file(Message::new(zh, en))
}

/// Puts problems in file order and keeps at most [`MAX_PROBLEMS`], adding
/// one that counts the rest: a hostile file could otherwise yield more
/// than a page can show.
fn finish(problems: &mut Vec<Problem>) {
    problems.sort_by_key(|p| p.place.order());
    if problems.len() > MAX_PROBLEMS {
        let omitted = &problems[MAX_PROBLEMS..];
        let count = omitted.len();
        let severity = if omitted.iter().any(|p| p.severity == Severity::Error) {
            Severity::Error
        } else {
            Severity::Warning
        };
        let place = omitted[0].place.clone();
        problems.truncate(MAX_PROBLEMS);
        problems.push(Problem {
            severity,
            place,
            question: None,
            field: String::new(),
            message: Message::new(
                format!("另有 {count} 个问题未列出（只列出前 {MAX_PROBLEMS} 个）：请先修正上面的问题，再打开一次。"),
                format!("{count} more problems are not listed (only the first {MAX_PROBLEMS} are): fix those above, then open the file again."),
            ),
        });
    }
}

/// Opens a file without pausing: [`open`] for callers with no page to
/// keep responsive (the CLI, native tests).
pub fn open_now(request: Request<'_>, bytes: &[u8]) -> Opened {
    use std::future::Future;
    use std::task::{Context, Poll, Waker};
    let mut no_pause = || -> PauseFuture { Box::pin(std::future::ready(())) };
    let mut opening = std::pin::pin!(open(request, bytes, &mut no_pause));
    // With pauses that are ready at once, opening finishes on its first poll.
    match opening
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(opened) => opened,
        Poll::Pending => unreachable!("a pause that is ready at once never suspends"),
    }
}

/// A bank id from a file name, for an imported file: the name's
/// lower-case letters, digits and dashes (`Charter 2026.xlsx` gives
/// `charter-2026`), or `bank` when nothing is left (a Chinese name).
pub fn suggested_id(file: &str) -> String {
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    let mut id = String::new();
    for c in stem.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
        if id.len() >= 30 {
            break;
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() {
        "bank".into()
    } else {
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_told_apart_by_content_then_name() {
        assert_eq!(Kind::of("a.json", b"{}"), Some(Kind::Bank));
        assert_eq!(Kind::of("a", b"\xEF\xBB\xBF {"), Some(Kind::Bank));
        assert_eq!(
            Kind::of("renamed.json", b"PK\x03\x04"),
            Some(Kind::Import(Format::Xlsx))
        );
        assert_eq!(Kind::of("a.CSV", b"x"), Some(Kind::Import(Format::Csv)));
        assert_eq!(Kind::of("a.docx", b"x"), None);
    }

    #[test]
    fn question_fields_are_split_from_paths() {
        assert_eq!(
            question_field("questions[3].options[1].en"),
            Some((3, "options[1].en"))
        );
        assert_eq!(question_field("questions[0]"), Some((0, "")));
        assert_eq!(question_field("paper.sections[0]"), None);
    }

    #[test]
    fn ids_are_suggested_from_names() {
        assert_eq!(suggested_id("Charter 2026.xlsx"), "charter-2026");
        assert_eq!(suggested_id("题库模板.xlsx"), "bank");
        assert_eq!(suggested_id("支部-branch_题库.csv"), "branch");
    }

    #[test]
    fn places_read_in_both_languages() {
        let cell = Place::Cell {
            sheet: Some("题库".into()),
            row: 5,
            column: Some("答案".into()),
        };
        assert_eq!(cell.describe(Lang::Zh), "工作表“题库”第 5 行「答案」列");
        assert_eq!(
            cell.describe(Lang::En),
            "sheet \"题库\", row 5, column 答案"
        );
        let text = Place::Text {
            line: 3,
            column: Some(7),
        };
        assert_eq!(text.describe(Lang::Zh), "第 3 行第 7 列");
        assert_eq!(text.describe(Lang::En), "line 3, column 7");
    }
}
