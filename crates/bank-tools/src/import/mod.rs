//! Reading questions from the files coordinators already have.
//!
//! Coordinators keep questions in Excel or WPS sheets, or export them from
//! Moodle as GIFT or Aiken text. Each reader turns its format into drafts;
//! this module checks the drafts the same way for every format, numbers
//! the questions, turns Chinese tag names into tag keys and builds a bank
//! that `quiz_core::check_bank` accepts. Every problem found is reported
//! with its row or line, in Chinese and English, so one run lists all the
//! fixes a coordinator has to make.

mod aiken;
mod archive;
mod csv;
mod gift;
pub(crate) mod notation;
pub(crate) mod table;
mod xlsx;

use quiz_core::bank::repeated_option_message;
use quiz_core::bank::{count_blanks, letter, Body, Choice, Difficulty, Paper, Section};
use quiz_core::limits::{
    is_id, MAX_BANK_ID, MAX_BLANKS, MAX_LONG_TEXT, MAX_QUESTIONS, MAX_QUESTION_ID, MAX_SHORT_TEXT,
    MAX_TAGS, OPTIONS,
};
use quiz_core::normalize::normalize_answer;
use quiz_core::{Bank, Lang, LocalText, Question, QuestionType};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::Path;

/// Files larger than this are refused before reading: a real question
/// sheet is far smaller, and a mistaken file should fail fast. Public so a
/// caller that reads files (the CLI, a browser page) refuses them by size
/// before loading them.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// The file formats `quizbank import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// A sheet saved as CSV by Excel or WPS, in UTF-8 (with or without BOM)
    /// or in GBK/GB18030 as Chinese Excel saves it.
    Csv,
    /// An Excel workbook (`.xlsx` or `.xlsm`). Old `.xls`, LibreOffice
    /// `.ods` and password-protected files are recognised and refused with a
    /// request to save them as `.xlsx`, since coordinators rarely know which
    /// one they have.
    Xlsx,
    /// Moodle's GIFT text format.
    Gift,
    /// Moodle's Aiken text format (multiple choice only).
    Aiken,
}

impl Format {
    /// Guesses the format from the file extension, so coordinators need not
    /// name it; `None` when the extension is not one we read.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "csv" => Some(Format::Csv),
            "xlsx" | "xlsm" | "xls" | "ods" => Some(Format::Xlsx),
            "gift" => Some(Format::Gift),
            "aiken" | "txt" => Some(Format::Aiken),
            _ => None,
        }
    }

    /// Guesses the format from a file name as a browser gives it (no
    /// folders), by the same rule as [`Format::from_path`].
    pub fn from_name(name: &str) -> Option<Format> {
        Format::from_path(Path::new(name))
    }

    /// Reads a format name as given on the command line (`--from xlsx`).
    pub fn parse(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "xlsx" | "xls" | "excel" | "ods" => Some(Format::Xlsx),
            "gift" => Some(Format::Gift),
            "aiken" | "txt" => Some(Format::Aiken),
            _ => None,
        }
    }

    /// The name used on the command line and in messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Gift => "gift",
            Format::Aiken => "aiken",
        }
    }

    /// Spreadsheets count rows, text files count lines; messages use the
    /// word the coordinator sees in their program.
    fn is_sheet(self) -> bool {
        matches!(self, Format::Csv | Format::Xlsx)
    }
}

/// One problem in an imported file, located so a coordinator can find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The file, as the caller named it.
    pub file: String,
    /// The row number as the spreadsheet shows it, or the line of a text
    /// file; 0 when the problem concerns the whole file.
    pub line: usize,
    /// The column as its header is written in the file (e.g. `答案`), or the
    /// spreadsheet letter when the column has no header.
    pub column: Option<String>,
    /// What is wrong and how to fix it, in Chinese.
    pub zh: String,
    /// The same in English.
    pub en: String,
}

impl ImportError {
    /// Builds a problem; public so callers that read files (the CLI) can
    /// report a file they could not read in the same shape.
    pub fn new(
        file: &str,
        line: usize,
        column: Option<String>,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> Self {
        ImportError {
            file: file.to_string(),
            line,
            column,
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// Whether the location is a spreadsheet row (rather than a text line),
    /// judged by the file name since that is all an error carries.
    fn in_sheet(&self) -> bool {
        let extension = Path::new(&self.file)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        matches!(
            extension.as_deref(),
            Some("csv" | "xlsx" | "xlsm" | "xls" | "ods")
        ) || self.file.contains(" › ")
    }
}

impl fmt::Display for ImportError {
    /// Writes the place first, then the Chinese and English messages on
    /// their own lines, the way `quizbank check` prints problems.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = if self.in_sheet() { "row" } else { "line" };
        match (self.line, &self.column) {
            (0, None) => write!(f, "{}:", self.file)?,
            (0, Some(column)) => write!(f, "{}「{column}」列 / column {column}:", self.file)?,
            (line, None) => write!(f, "{} 第 {line} 行 / {unit} {line}:", self.file)?,
            (line, Some(column)) => write!(
                f,
                "{} 第 {line} 行「{column}」列 / {unit} {line}, column {column}:",
                self.file
            )?,
        }
        write!(f, "\n  {}\n  {}", self.zh, self.en)
    }
}

impl std::error::Error for ImportError {}

/// Reads questions from the bytes of a file in `format` into a new bank.
///
/// `file_name` only names the file in error messages; `today` becomes the
/// bank's `updated` date. On failure every problem found is returned, in
/// file order.
pub fn import_bytes(
    bytes: &[u8],
    format: Format,
    bank_id: &str,
    today: &str,
    file_name: &str,
) -> Result<Bank, Vec<ImportError>> {
    import_located(bytes, format, bank_id, today, file_name).map(|imported| imported.bank)
}

/// [`import_bytes`], also returning where each question came from, for a
/// page that shows later problems at their row and column.
pub fn import_located(
    bytes: &[u8],
    format: Format,
    bank_id: &str,
    today: &str,
    file_name: &str,
) -> Result<Imported, Vec<ImportError>> {
    let context = Context {
        file: file_name,
        bank_id,
        today,
    };
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![too_large(file_name, bytes.len() as u64)]);
    }
    let parsed = parse(bytes, format, file_name);
    let format = effective_format(bytes, format);
    match parsed {
        Ok(parsed) => assemble(&context, format, parsed),
        Err(errors) => Err(errors),
    }
}

/// The format a file is read in: a workbook is read as one whatever its
/// name, since coordinators rename files.
fn effective_format(bytes: &[u8], format: Format) -> Format {
    if looks_like_workbook(bytes) {
        Format::Xlsx
    } else {
        format
    }
}

/// Reads the questions of a file, refusing it by its size first.
fn parse(bytes: &[u8], format: Format, file_name: &str) -> Result<Parsed, Vec<ImportError>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![too_large(file_name, bytes.len() as u64)]);
    }
    match effective_format(bytes, format) {
        Format::Csv => csv::read(bytes, file_name).and_then(|rows| table::read(rows, file_name)),
        Format::Xlsx => xlsx::read(bytes, file_name),
        Format::Gift => text(bytes, file_name).map(|text| gift::read(&text, file_name)),
        Format::Aiken => text(bytes, file_name).map(|text| aiken::read(&text, file_name)),
    }
}

/// The refusal of a file over [`MAX_FILE_BYTES`], public so a caller that
/// refuses a file by its size says the same as the importer.
pub fn too_large(file: &str, bytes: u64) -> ImportError {
    let limit = MAX_FILE_BYTES / 1_048_576;
    ImportError::new(
        file,
        0,
        None,
        format!(
            "文件过大（{} MB），上限 {limit} MB：请把题目分成几个文件。",
            bytes / 1_048_576
        ),
        format!(
            "The file is too large ({} MB); the limit is {limit} MB: split the questions into several files.",
            bytes / 1_048_576
        ),
    )
}

/// Whether the bytes are an Excel (zip or old binary) workbook.
fn looks_like_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// Decodes a text file: UTF-8 (with or without BOM), UTF-16 with BOM
/// (Excel's "Unicode text"), or GB18030 as saved by Chinese Windows
/// Notepad and Excel. Line breaks become `\n`.
pub(crate) fn text(bytes: &[u8], file: &str) -> Result<String, Vec<ImportError>> {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding != encoding_rs::UTF_8 {
            let (text, _, _) = encoding.decode(bytes);
            return Ok(text.replace("\r\n", "\n").replace('\r', "\n"));
        }
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.replace("\r\n", "\n").replace('\r', "\n"));
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(vec![ImportError::new(
            file,
            0,
            None,
            "文件既不是 UTF-8 也不是 GBK 编码：请在 Excel 或记事本中“另存为”，选择“CSV UTF-8”或 UTF-8 编码。",
            "The file is neither UTF-8 nor GBK: use \"Save as\" in Excel or Notepad and choose \"CSV UTF-8\" or UTF-8.",
        )]);
    }
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// What every reader needs to name the file and the bank.
struct Context<'c> {
    file: &'c str,
    bank_id: &'c str,
    today: &'c str,
}

impl Context<'_> {
    fn whole_file(&self, zh: String, en: String) -> ImportError {
        ImportError::new(self.file, 0, None, zh, en)
    }
}

/// The parts of a question a problem can be in; readers of spreadsheets
/// map them to column headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Part {
    Id,
    Stem(Lang),
    /// An option by index.
    Option(usize, Lang),
    Answer(Lang),
    Explanation(Lang),
    Source(Lang),
    Tags,
    /// The question type (spreadsheets only).
    Type,
    /// The difficulty (spreadsheets only).
    Difficulty,
    /// The fixed options (spreadsheets only).
    Fixed,
}

impl Part {
    /// The field path inside a question that this part is written to, as
    /// `check_bank` names fields (`stem`, `options[2].en`, `answer`).
    fn field(self) -> String {
        let lang = |base: String, lang: Lang| match lang {
            Lang::Zh => base,
            Lang::En => format!("{base}.en"),
        };
        match self {
            Part::Id => "id".into(),
            Part::Stem(l) => lang("stem".into(), l),
            Part::Option(i, l) => lang(format!("options[{i}]"), l),
            // Fill answers are per blank (`answer[0].en`); the answer
            // column holds them all.
            Part::Answer(_) => "answer".into(),
            Part::Explanation(l) => lang("explanation".into(), l),
            Part::Source(l) => lang("source".into(), l),
            Part::Tags => "tags".into(),
            Part::Type => "type".into(),
            Part::Difficulty => "difficulty".into(),
            Part::Fixed => "options".into(),
        }
    }
}

/// Where a question of an imported bank came from, so a problem the
/// bank's check finds later (a missing explanation, say) is shown at the
/// row and column the coordinator edits rather than in generated JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Origin {
    /// The row (spreadsheets) or line (text formats) the question starts on.
    pub line: usize,
    /// Column names by the field path inside the question they fill
    /// (`stem`, `stem.en`, `options[1]`, `answer`…); empty for text formats.
    pub columns: BTreeMap<String, String>,
}

impl Origin {
    /// The column holding `field` (a path inside the question such as
    /// `options[1].en` or `answer[0]`): the column of the longest field
    /// path that `field` starts with, so `answer[0].en` finds 答案.
    pub fn column(&self, field: &str) -> Option<&str> {
        self.columns
            .iter()
            .filter(|(key, _)| {
                field == key.as_str()
                    || field
                        .strip_prefix(key.as_str())
                        .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
            })
            .max_by_key(|(key, _)| key.len())
            .map(|(_, column)| column.as_str())
    }
}

/// An imported bank with where each question came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The bank, exactly as [`import_bytes`] returns it.
    pub bank: Bank,
    /// One origin per question, in the bank's order.
    pub origins: Vec<Origin>,
}

/// A question as read from a file, before ids and tag keys are assigned.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    /// The row or line the question starts on.
    pub line: usize,
    /// The id written in the file, already checked.
    pub id: Option<String>,
    pub stem: LocalText,
    pub body: Body,
    pub explanation: Option<LocalText>,
    pub source: Option<LocalText>,
    /// Tags as written: keys or display names.
    pub tags: Vec<String>,
    pub difficulty: Difficulty,
    /// Where each part's cells are, for messages (spreadsheets only).
    pub columns: HashMap<Part, String>,
    /// The type as written, when it names no type (a broken question).
    pub raw_kind: Option<String>,
    /// The answer as written, when it could not be read (a broken
    /// question): the editor shows it for the coordinator to fix.
    pub raw_answer: Option<String>,
    /// Every option as written, gaps included, when the question is broken
    /// (its body may have none, e.g. a judge question with options).
    pub raw_options: Option<Vec<Choice>>,
}

impl Draft {
    /// What is left of a text-format question that could not be read: its
    /// text as the stem, so the coordinator can rebuild it in the forms.
    pub(crate) fn unread(line: usize, stem: String, options: Vec<Choice>) -> Draft {
        Draft {
            line,
            id: None,
            stem: LocalText { zh: stem, en: None },
            body: Body::Single {
                options: options.clone(),
                answer: 0,
            },
            explanation: None,
            source: None,
            tags: Vec::new(),
            difficulty: Difficulty::Medium,
            columns: HashMap::new(),
            raw_kind: None,
            raw_answer: Some(String::new()),
            raw_options: Some(options),
        }
    }

    fn column(&self, part: Part) -> Option<String> {
        self.columns.get(&part).cloned()
    }
}

/// A question in file order. A question with errors keeps its slot (so
/// later questions keep their numbers) and as much of it as was read,
/// marked broken: `quizbank import` refuses the file, the workbench shows
/// the question in its forms to be fixed.
#[derive(Debug, Clone)]
pub(crate) struct Slot {
    pub draft: Draft,
    pub broken: bool,
}

impl Slot {
    /// A question read without errors.
    pub fn ok(draft: Draft) -> Slot {
        Slot {
            draft,
            broken: false,
        }
    }

    /// What was read of a question with errors.
    pub fn broken(draft: Draft) -> Slot {
        Slot {
            draft,
            broken: true,
        }
    }

    /// The question, when it was read without errors.
    fn usable(&self) -> Option<&Draft> {
        (!self.broken).then_some(&self.draft)
    }
}

/// What a reader produces: questions in order, tag names declared in the
/// file (the tag sheet of a workbook), and the problems it found.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub slots: Vec<Slot>,
    pub declared_tags: BTreeMap<String, LocalText>,
    pub errors: Vec<ImportError>,
}

/// The drafts with their ids and tag keys assigned, and every problem.
struct Assembled {
    slots: Vec<Slot>,
    ids: Vec<String>,
    tag_names: BTreeMap<String, LocalText>,
    keys: HashMap<String, String>,
    errors: Vec<ImportError>,
}

/// Checks the drafts and assigns ids and tag keys: to every question, the
/// broken ones included, so a question fixed in the workbench gets the id
/// and tag keys that importing the corrected file gives it.
fn assign(context: &Context, format: Format, parsed: Parsed) -> Assembled {
    let Parsed {
        slots,
        declared_tags,
        mut errors,
    } = parsed;
    let file = context.file;
    if !is_id(context.bank_id, MAX_BANK_ID) {
        errors.push(context.whole_file(
            format!(
                "题库编号“{}”无效：只能用小写英文字母、数字和“-”，长度 1 到 {MAX_BANK_ID}，例如 charter。",
                context.bank_id
            ),
            format!(
                "Bank id \"{}\" is invalid: use 1–{MAX_BANK_ID} lower-case letters, digits and '-', e.g. charter.",
                context.bank_id
            ),
        ));
    }
    if !is_date(context.today) {
        errors.push(context.whole_file(
            format!("日期“{}”无效：请写成 YYYY-MM-DD。", context.today),
            format!("Date \"{}\" is invalid: write YYYY-MM-DD.", context.today),
        ));
    }
    if slots.is_empty() && errors.is_empty() {
        let (zh, en) = if format.is_sheet() {
            (
                "没有找到题目：表头下面没有填写题目的行。",
                "No questions found: there are no question rows under the header.",
            )
        } else {
            ("没有找到题目。", "No questions found.")
        };
        errors.push(context.whole_file(zh.into(), en.into()));
    }
    if slots.len() > MAX_QUESTIONS {
        errors.push(context.whole_file(
            format!(
                "题目太多（{} 道），一个题库最多 {} 道：请拆分成几个文件。",
                slots.len(),
                MAX_QUESTIONS
            ),
            format!(
                "Too many questions ({}); a bank holds at most {}: split them into several files.",
                slots.len(),
                MAX_QUESTIONS
            ),
        ));
    }

    // Ids: the one written in the file, else the bank id and the question's
    // position, so re-importing the same sheet gives the same ids.
    let unit = if format.is_sheet() { "row" } else { "line" };
    let mut first_use: HashMap<String, usize> = HashMap::new();
    let mut ids: Vec<String> = Vec::with_capacity(slots.len());
    for (index, slot) in slots.iter().enumerate() {
        let draft = &slot.draft;
        let generated = draft.id.is_none();
        let id = draft
            .id
            .clone()
            .unwrap_or_else(|| format!("{}-{:03}", context.bank_id, index + 1));
        // A broken question's problems are already listed; its id is only
        // compared once it is fixed.
        if slot.broken {
            ids.push(id);
            continue;
        }
        if let Some(&first) = first_use.get(&id) {
            let (zh, en) = if generated {
                (
                    format!("自动生成的编号“{id}”与第 {first} 行的编号重复：请在编号列为这道题填写一个不同的编号。"),
                    format!("The generated id \"{id}\" is already used on {unit} {first}: give this question its own id in the id column."),
                )
            } else {
                (
                    format!("编号“{id}”与第 {first} 行重复：每道题的编号必须唯一。"),
                    format!(
                        "Id \"{id}\" is already used on {unit} {first}: every id must be unique."
                    ),
                )
            };
            errors.push(ImportError::new(
                file,
                draft.line,
                draft.column(Part::Id),
                zh,
                en,
            ));
        } else {
            first_use.insert(id.clone(), draft.line);
        }
        ids.push(id);
    }

    for draft in slots.iter().filter_map(Slot::usable) {
        validate(draft, file, &mut errors);
    }

    let (tag_names, keys) = resolve_tags(&slots, declared_tags);
    errors.sort_by_key(|e| e.line);
    Assembled {
        slots,
        ids,
        tag_names,
        keys,
        errors,
    }
}

impl Assembled {
    /// The tag keys of a question, each once, in the order written.
    fn tags_of(&self, draft: &Draft) -> Vec<String> {
        let mut tags: Vec<String> = Vec::new();
        for tag in &draft.tags {
            let key = self.keys[tag].clone();
            if !tags.contains(&key) {
                tags.push(key);
            }
        }
        tags
    }
}

/// Where a draft came from.
fn origin_of(draft: &Draft) -> Origin {
    Origin {
        line: draft.line,
        columns: draft
            .columns
            .iter()
            .map(|(part, column)| (part.field(), column.clone()))
            .collect(),
    }
}

/// Checks the drafts, assigns ids and tag keys and builds the bank.
fn assemble(
    context: &Context,
    format: Format,
    parsed: Parsed,
) -> Result<Imported, Vec<ImportError>> {
    let assembled = assign(context, format, parsed);
    if assembled.errors.is_empty() {
        Ok(build(context, &assembled))
    } else {
        Err(assembled.errors)
    }
}

/// The bank of questions assembled without errors.
fn build(context: &Context, assembled: &Assembled) -> Imported {
    let origins = assembled
        .slots
        .iter()
        .map(|s| origin_of(&s.draft))
        .collect();
    let questions: Vec<Question> = assembled
        .slots
        .iter()
        .zip(&assembled.ids)
        .map(|(slot, id)| {
            let draft = slot.draft.clone();
            Question {
                id: id.clone(),
                tags: assembled.tags_of(&draft),
                stem: draft.stem,
                body: draft.body,
                explanation: draft.explanation,
                source: draft.source,
                difficulty: draft.difficulty,
            }
        })
        .collect();
    let paper = default_paper(&questions);
    let bank = new_bank(context, assembled.tag_names.clone(), paper, questions);
    Imported { bank, origins }
}

/// A new bank of `questions`, named by its id until the coordinator names it.
fn new_bank(
    context: &Context,
    tag_names: BTreeMap<String, LocalText>,
    paper: Paper,
    questions: Vec<Question>,
) -> Bank {
    Bank {
        schema: Some("./bank.schema.json".to_string()),
        id: context.bank_id.to_string(),
        version: 1,
        updated: context.today.to_string(),
        title: LocalText {
            zh: context.bank_id.to_string(),
            en: None,
        },
        description: LocalText {
            zh: context.bank_id.to_string(),
            en: None,
        },
        tag_names,
        paper,
        questions,
    }
}

/// A problem of an imported file, tied to the question it is in (by its
/// index in the draft) and the field path inside it, so the workbench can
/// show it beside the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedError {
    /// The problem, located in the file.
    pub error: ImportError,
    /// The question's index, when the problem is in one.
    pub question: Option<usize>,
    /// The field path inside the question (`answer`, `options[1].en`), or
    /// empty for the question as a whole.
    pub field: String,
}

/// What the workbench gets from a file: the bank when it imports without
/// errors (exactly [`import_located`]'s), and otherwise as much as was read,
/// as a draft to fix in the forms, with every problem tied to its question.
#[derive(Debug, Clone)]
pub struct Drafted {
    /// The bank, when the file has no errors.
    pub imported: Option<Imported>,
    /// Every question read, broken ones included; `None` when no question
    /// could be read at all (no header row, not a workbook…).
    pub draft: Option<crate::draft::DraftBank>,
    /// Where each question of the draft came from.
    pub origins: Vec<Origin>,
    /// Every problem, in file order.
    pub errors: Vec<LocatedError>,
}

/// [`import_located`] for the workbench: a file with errors still gives a
/// draft of every question read (a broken question keeps what was written,
/// e.g. its answer text), with ids and tag keys assigned as importing the
/// corrected file would assign them.
pub fn import_drafts(
    bytes: &[u8],
    format: Format,
    bank_id: &str,
    today: &str,
    file_name: &str,
) -> Drafted {
    let context = Context {
        file: file_name,
        bank_id,
        today,
    };
    let whole = |errors: Vec<ImportError>| Drafted {
        imported: None,
        draft: None,
        origins: Vec::new(),
        errors: errors
            .into_iter()
            .map(|error| LocatedError {
                error,
                question: None,
                field: String::new(),
            })
            .collect(),
    };
    let parsed = match parse(bytes, format, file_name) {
        Ok(parsed) => parsed,
        Err(errors) => return whole(errors),
    };
    let format = effective_format(bytes, format);
    let assembled = assign(&context, format, parsed);
    if assembled.slots.is_empty() {
        return whole(assembled.errors);
    }
    let origins: Vec<Origin> = assembled
        .slots
        .iter()
        .map(|s| origin_of(&s.draft))
        .collect();
    let lines: Vec<usize> = origins.iter().map(|o| o.line).collect();
    let errors = assembled
        .errors
        .iter()
        .map(|error| {
            // A question starts on its line; a problem further down a text
            // question's lines is still in it.
            let question = (error.line > 0)
                .then(|| lines.partition_point(|&line| line <= error.line))
                .and_then(|after| after.checked_sub(1));
            let field = question
                .and_then(|q| {
                    let column = error.column.as_ref()?;
                    assembled.slots[q]
                        .draft
                        .columns
                        .iter()
                        .find(|(_, c)| *c == column)
                        .map(|(part, _)| part.field())
                })
                .unwrap_or_default();
            LocatedError {
                error: error.clone(),
                question,
                field,
            }
        })
        .collect();
    let questions: Vec<std::rc::Rc<crate::draft::DraftQuestion>> = assembled
        .slots
        .iter()
        .zip(&assembled.ids)
        .map(|(slot, id)| {
            let draft = &slot.draft;
            let question = Question {
                id: id.clone(),
                tags: assembled.tags_of(draft),
                stem: draft.stem.clone(),
                body: draft.body.clone(),
                explanation: draft.explanation.clone(),
                source: draft.source.clone(),
                difficulty: draft.difficulty,
            };
            let mut form = crate::draft::DraftQuestion::of(&question);
            if slot.broken {
                if let Some(kind) = &draft.raw_kind {
                    form.kind = kind.clone();
                }
                if let Some(answer) = &draft.raw_answer {
                    form.answer = answer.clone();
                    if matches!(draft.body, Body::Fill { .. }) {
                        form.blanks.clear();
                    }
                }
                if let Some(options) = &draft.raw_options {
                    form.options = options
                        .iter()
                        .map(|c| crate::draft::DraftOption {
                            text: crate::draft::Text::of(&c.text),
                            fixed: c.fixed,
                        })
                        .collect();
                }
            }
            std::rc::Rc::new(form)
        })
        .collect();
    let imported = assembled
        .errors
        .is_empty()
        .then(|| build(&context, &assembled));
    let bank = new_bank(
        &context,
        assembled.tag_names.clone(),
        Paper {
            time_limit_minutes: 30,
            pass_percent: 60,
            partial_credit: false,
            sections: Vec::new(),
        },
        Vec::new(),
    );
    let mut draft = crate::draft::DraftBank::of(&bank);
    draft.auto_paper = true;
    draft.questions = questions;
    Drafted {
        imported,
        draft: Some(draft),
        origins,
        errors,
    }
}

/// The mock exam a new bank starts with: the usual branch-test layout,
/// drawing no more questions of a type than the bank has.
pub fn default_paper(questions: &[Question]) -> Paper {
    default_paper_of(questions.iter().map(Question::kind))
}

/// [`default_paper`] from the questions' types alone.
pub fn default_paper_of(kinds: impl Iterator<Item = QuestionType>) -> Paper {
    let kinds: Vec<QuestionType> = kinds.collect();
    const LAYOUT: [(QuestionType, u32, u32); 4] = [
        (QuestionType::Single, 15, 2),
        (QuestionType::Multiple, 10, 3),
        (QuestionType::Judge, 10, 2),
        (QuestionType::Fill, 5, 4),
    ];
    let sections = LAYOUT
        .iter()
        .filter_map(|&(kind, count, points)| {
            let available = kinds.iter().filter(|&&k| k == kind).count();
            let count = count.min(u32::try_from(available).unwrap_or(u32::MAX));
            (count > 0).then_some(Section {
                kind,
                count,
                points,
            })
        })
        .collect();
    Paper {
        time_limit_minutes: 30,
        pass_percent: 60,
        partial_credit: false,
        sections,
    }
}

/// Turns the tags as written into keys.
///
/// A tag that is a declared key or a valid key is kept; a declared display
/// name maps to its key; any other text (usually Chinese, such as 第一章 党员)
/// gets a generated key `tag-1`, `tag-2`, … in first-seen order, with the
/// text as its display name. Returns the bank's tag names and the key of
/// every tag text used.
fn resolve_tags(
    slots: &[Slot],
    mut names: BTreeMap<String, LocalText>,
) -> (BTreeMap<String, LocalText>, HashMap<String, String>) {
    let written: Vec<&String> = slots.iter().flat_map(|s| &s.draft.tags).collect();
    let mut taken: BTreeSet<String> = names.keys().cloned().collect();
    taken.extend(
        written
            .iter()
            .filter(|t| is_id(t, MAX_BANK_ID))
            .map(|t| t.to_string()),
    );
    let by_name: HashMap<String, String> = names
        .iter()
        .flat_map(|(key, name)| {
            let mut pairs = vec![(normalize_answer(&name.zh), key.clone())];
            if let Some(en) = &name.en {
                pairs.push((normalize_answer(en), key.clone()));
            }
            pairs
        })
        .collect();
    let mut keys: HashMap<String, String> = HashMap::new();
    let mut generated: HashMap<String, String> = HashMap::new();
    let mut next = 1;
    for tag in written {
        if keys.contains_key(tag) {
            continue;
        }
        let key = if names.contains_key(tag.as_str()) || is_id(tag, MAX_BANK_ID) {
            tag.clone()
        } else if let Some(key) = by_name.get(&normalize_answer(tag)) {
            key.clone()
        } else if let Some(key) = generated.get(&normalize_answer(tag)) {
            key.clone()
        } else {
            let key = loop {
                let candidate = format!("tag-{next}");
                next += 1;
                if !taken.contains(&candidate) {
                    break candidate;
                }
            };
            taken.insert(key.clone());
            generated.insert(normalize_answer(tag), key.clone());
            names.insert(
                key.clone(),
                LocalText {
                    zh: tag.clone(),
                    en: None,
                },
            );
            key
        };
        keys.insert(tag.clone(), key);
    }
    // Once any tag has a name, check_bank wants every used key declared;
    // a key without a name shows as itself.
    if !names.is_empty() {
        for key in keys.values() {
            names.entry(key.clone()).or_insert_with(|| LocalText {
                zh: key.clone(),
                en: None,
            });
        }
    }
    (names, keys)
}

/// The checks `check_bank` makes on a question, repeated here so problems
/// point at the row and column rather than at the generated JSON.
fn validate(draft: &Draft, file: &str, errors: &mut Vec<ImportError>) {
    let line = draft.line;
    let mut error = |part: Option<Part>, zh: String, en: String| {
        errors.push(ImportError::new(
            file,
            line,
            part.and_then(|p| draft.column(p)),
            zh,
            en,
        ));
    };
    let mut text = |part: Part, value: &LocalText, max: usize, zh_name: &str, en_name: &str| {
        for (lang, content) in [(Lang::Zh, Some(&value.zh)), (Lang::En, value.en.as_ref())] {
            let Some(content) = content else { continue };
            let (zh_lang, en_lang) = match lang {
                Lang::Zh => ("", ""),
                Lang::En => ("（英文）", " (English)"),
            };
            let part = match part {
                Part::Stem(_) => Part::Stem(lang),
                Part::Option(i, _) => Part::Option(i, lang),
                Part::Explanation(_) => Part::Explanation(lang),
                Part::Source(_) => Part::Source(lang),
                other => other,
            };
            if content.trim().is_empty() {
                error(
                    Some(part),
                    format!("{zh_name}{zh_lang}是空的。"),
                    format!("The {en_name}{en_lang} is empty."),
                );
            }
            let length = content.chars().count();
            if length > max {
                error(
                    Some(part),
                    format!("{zh_name}{zh_lang}太长（{length} 字），上限 {max} 字。"),
                    format!("The {en_name}{en_lang} is too long ({length} characters); the limit is {max}."),
                );
            }
        }
    };
    text(
        Part::Stem(Lang::Zh),
        &draft.stem,
        MAX_LONG_TEXT,
        "题干",
        "stem",
    );
    if let Some(explanation) = &draft.explanation {
        text(
            Part::Explanation(Lang::Zh),
            explanation,
            MAX_LONG_TEXT,
            "解析",
            "explanation",
        );
    }
    if let Some(source) = &draft.source {
        text(
            Part::Source(Lang::Zh),
            source,
            MAX_SHORT_TEXT,
            "出处",
            "source",
        );
    }
    for (i, option) in draft_options(&draft.body).iter().enumerate() {
        let zh_name = format!("选项 {}", letter(i));
        let en_name = format!("option {}", letter(i));
        text(
            Part::Option(i, Lang::Zh),
            &option.text,
            MAX_SHORT_TEXT,
            &zh_name,
            &en_name,
        );
    }
    match &draft.body {
        Body::Single { options, .. } | Body::Multiple { options, .. } => {
            let kind = if matches!(draft.body, Body::Single { .. }) {
                QuestionType::Single
            } else {
                QuestionType::Multiple
            };
            if !OPTIONS.contains(&options.len()) {
                let (fewest, most) = (OPTIONS.start(), OPTIONS.end());
                error(
                    Some(Part::Option(0, Lang::Zh)),
                    format!(
                        "{}要有 {fewest} 到 {most} 个选项，这里有 {} 个。",
                        kind.label(Lang::Zh),
                        options.len()
                    ),
                    format!(
                        "{} questions need {fewest} to {most} options; there are {}.",
                        kind.label(Lang::En),
                        options.len()
                    ),
                );
            }
            let mut seen: Vec<(String, usize)> = Vec::new();
            for (i, option) in options.iter().enumerate() {
                let key = normalize_answer(&option.text.zh);
                if let Some((_, first)) = seen.iter().find(|(text, _)| *text == key) {
                    let message = repeated_option_message(i, *first);
                    error(Some(Part::Option(i, Lang::Zh)), message.zh, message.en);
                }
                seen.push((key, i));
            }
        }
        Body::Judge { .. } => {}
        Body::Fill { blanks } => {
            if blanks.len() > MAX_BLANKS {
                error(
                    Some(Part::Answer(Lang::Zh)),
                    format!("填空题最多 {MAX_BLANKS} 个空，这里有 {} 个。", blanks.len()),
                    format!(
                        "A fill-in question has at most {MAX_BLANKS} blanks; this one has {}.",
                        blanks.len()
                    ),
                );
            }
            let stems = [
                (Lang::Zh, Some(&draft.stem.zh)),
                (Lang::En, draft.stem.en.as_ref()),
            ];
            for (lang, stem) in stems {
                let Some(stem) = stem else { continue };
                let found = count_blanks(stem);
                let (zh_lang, en_lang) = match lang {
                    Lang::Zh => ("", ""),
                    Lang::En => ("英文", "English "),
                };
                if found == 0 {
                    error(
                        Some(Part::Stem(lang)),
                        format!("{zh_lang}题干里没有空：请用 ____（下划线）或（　）标出要填的地方。"),
                        format!("The {en_lang}stem has no blank: mark each blank with ____ (underscores) or ( )."),
                    );
                } else if found != blanks.len() {
                    error(
                        Some(Part::Answer(lang)),
                        format!(
                            "{zh_lang}题干里有 {found} 个空，答案却给了 {} 个：多个空的答案用 | 分隔，同一个空的几种答案用 / 分隔。",
                            blanks.len()
                        ),
                        format!(
                            "The {en_lang}stem has {found} blank(s) but the answer gives {}: separate blanks with | and alternatives for one blank with /.",
                            blanks.len()
                        ),
                    );
                }
            }
            for (i, blank) in blanks.iter().enumerate() {
                for (lang, answers) in [(Lang::Zh, &blank.zh), (Lang::En, &blank.en)] {
                    for answer in answers {
                        let length = answer.chars().count();
                        if length > MAX_SHORT_TEXT {
                            error(
                                Some(Part::Answer(lang)),
                                format!("第 {} 个空的答案太长（{length} 字），上限 {MAX_SHORT_TEXT} 字。", i + 1),
                                format!("An answer for blank {} is too long ({length} characters); the limit is {MAX_SHORT_TEXT}.", i + 1),
                            );
                        }
                    }
                }
            }
        }
    }
    let mut unique_tags: Vec<&String> = Vec::new();
    for tag in &draft.tags {
        if !unique_tags.contains(&tag) {
            unique_tags.push(tag);
        }
    }
    if unique_tags.len() > MAX_TAGS {
        error(
            Some(Part::Tags),
            format!("标签太多（{} 个），最多 {MAX_TAGS} 个。", unique_tags.len()),
            format!("Too many tags ({}); at most {MAX_TAGS}.", unique_tags.len()),
        );
    }
    for tag in unique_tags {
        if tag.chars().count() > MAX_SHORT_TEXT {
            error(
                Some(Part::Tags),
                format!("标签“{}…”太长。", tag.chars().take(12).collect::<String>()),
                format!(
                    "Tag \"{}…\" is too long.",
                    tag.chars().take(12).collect::<String>()
                ),
            );
        }
    }
}

fn draft_options(body: &Body) -> &[Choice] {
    match body {
        Body::Single { options, .. } | Body::Multiple { options, .. } => options,
        Body::Judge { .. } | Body::Fill { .. } => &[],
    }
}

/// Checks a question id written in a file; the message explains the rule.
pub(crate) fn check_id(id: &str) -> Result<(), (String, String)> {
    if is_id(id, MAX_QUESTION_ID) {
        return Ok(());
    }
    let lower = id.to_ascii_lowercase();
    let hint = if lower != id && is_id(&lower, MAX_QUESTION_ID) {
        (
            format!("，请改成小写“{lower}”"),
            format!("; write it in lower case: \"{lower}\""),
        )
    } else {
        (String::new(), String::new())
    };
    Err((
        format!("编号“{id}”无效：只能用小写英文字母、数字和“-”，长度 1 到 {MAX_QUESTION_ID}，例如 charter-001{}。", hint.0),
        format!("Id \"{id}\" is invalid: use 1–{MAX_QUESTION_ID} lower-case letters, digits and '-', e.g. charter-001{}.", hint.1),
    ))
}

/// True for a real calendar date written `YYYY-MM-DD`, by the same rule
/// `quiz_core::check_bank` applies.
fn is_date(text: &str) -> bool {
    quiz_core::calendar::is_valid_date(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_format_from_extension() {
        assert_eq!(
            Format::from_path(Path::new("题库.XLSX")),
            Some(Format::Xlsx)
        );
        assert_eq!(Format::from_path(Path::new("a.csv")), Some(Format::Csv));
        assert_eq!(Format::from_path(Path::new("a.gift")), Some(Format::Gift));
        assert_eq!(Format::from_path(Path::new("a.txt")), Some(Format::Aiken));
        assert_eq!(Format::from_path(Path::new("a.aiken")), Some(Format::Aiken));
        assert_eq!(Format::from_path(Path::new("a.docx")), None);
    }

    #[test]
    fn checks_dates() {
        assert!(is_date("2026-01-01"));
        assert!(is_date("2028-02-29"));
        assert!(!is_date("2026-02-29"));
        assert!(!is_date("2026-1-01"));
    }

    #[test]
    fn displays_place_and_both_languages() {
        let error = ImportError::new("题库.csv", 5, Some("答案".into()), "中文", "English");
        assert_eq!(
            error.to_string(),
            "题库.csv 第 5 行「答案」列 / row 5, column 答案:\n  中文\n  English"
        );
        let error = ImportError::new("a.gift", 3, None, "中文", "English");
        assert_eq!(
            error.to_string(),
            "a.gift 第 3 行 / line 3:\n  中文\n  English"
        );
    }
}
