//! `quizbank check`: every problem in every file, with source snippets.

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as ReportSeverity};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, Config};
use quiz_core::bank::MAX_BANK_BYTES;
use quiz_core::json::LineIndex;
use quiz_core::manifest::{
    check_manifest, cross_check, looks_like_manifest, BankFile, MAX_MANIFEST_BYTES,
};
use quiz_core::{check_bank, Bank, Diagnostic, Severity};
use quizbank::lint::{self, Lint, LintCode, Retired, Source, Terms};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// How results are printed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// Snippets with both languages, for people.
    Human,
    /// One JSON document, for scripts and CI.
    Json,
}

/// Everything one run found.
pub struct Findings {
    /// Each file read, with its text, for snippets.
    pub files: Vec<(String, String)>,
    /// Every problem `check_bank` and `check_manifest` found, in file
    /// order.
    pub diagnostics: Vec<Diagnostic>,
    /// What the bank lints found (near-duplicates, terminology, answer
    /// balance), after the files' own problems.
    pub lints: Vec<Lint>,
    /// Banks that loaded, by file name.
    pub banks: Vec<(String, Bank)>,
    /// Folders that held nothing to check: no `index.json` and no bank
    /// file. A check of nothing must not pass as a clean check.
    pub empty_folders: Vec<String>,
}

impl Findings {
    /// Everything found, files' own problems first, then lints.
    fn items(&self) -> impl Iterator<Item = Item<'_>> {
        self.diagnostics
            .iter()
            .map(Item::Core)
            .chain(self.lints.iter().map(Item::Lint))
    }

    fn count(&self, severity: Severity) -> usize {
        self.items()
            .filter(|item| item.severity() == severity)
            .count()
    }

    fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }
}

/// One reported problem, from the file checks or from the lints; both
/// are printed, counted and serialised the same way.
#[derive(Clone, Copy)]
pub enum Item<'f> {
    /// A problem `check_bank` or `check_manifest` found.
    Core(&'f Diagnostic),
    /// A lint's finding.
    Lint(&'f Lint),
}

impl<'f> Item<'f> {
    fn severity(self) -> Severity {
        match self {
            Item::Core(d) => d.severity,
            Item::Lint(l) => l.severity,
        }
    }

    fn code(self) -> &'static str {
        match self {
            Item::Core(d) => d.code.as_str(),
            Item::Lint(l) => l.code.as_str(),
        }
    }

    fn file(self) -> &'f str {
        match self {
            Item::Core(d) => &d.file,
            Item::Lint(l) => &l.file,
        }
    }

    fn line(self) -> usize {
        match self {
            Item::Core(d) => d.line,
            Item::Lint(l) => l.line,
        }
    }

    fn column(self) -> usize {
        match self {
            Item::Core(d) => d.column,
            Item::Lint(l) => l.column,
        }
    }

    fn span(self) -> quiz_core::json::Span {
        match self {
            Item::Core(d) => d.span,
            Item::Lint(l) => l.span,
        }
    }

    fn path(self) -> &'f str {
        match self {
            Item::Core(d) => &d.path,
            Item::Lint(l) => &l.path,
        }
    }

    fn question(self) -> Option<&'f str> {
        match self {
            Item::Core(d) => d.question.as_deref(),
            Item::Lint(l) => l.question.as_deref(),
        }
    }

    fn message(self) -> &'f quiz_core::diagnostic::Message {
        match self {
            Item::Core(d) => &d.message,
            Item::Lint(l) => &l.message,
        }
    }
}

impl serde::Serialize for Item<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Item::Core(d) => d.serialize(serializer),
            Item::Lint(l) => l.serialize(serializer),
        }
    }
}

/// Reads every path: folders (their `index.json` and the banks it lists),
/// manifests, or single bank files. Fails only when a path can't be read.
pub fn collect(paths: &[PathBuf]) -> Result<Findings, String> {
    let mut findings = Findings {
        files: Vec::new(),
        diagnostics: Vec::new(),
        lints: Vec::new(),
        banks: Vec::new(),
        empty_folders: Vec::new(),
    };
    for path in paths {
        if path.is_dir() {
            let manifest = path.join("index.json");
            if manifest.is_file() {
                check_manifest_file(&manifest, &mut findings)?;
            } else {
                let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
                    .map_err(|e| format!("无法读取 cannot read {}: {e}", path.display()))?
                    .filter_map(Result::ok)
                    .map(|entry| entry.path())
                    .filter(|p| is_bank_candidate(p))
                    .collect();
                entries.sort();
                if entries.is_empty() {
                    findings.empty_folders.push(path.display().to_string());
                }
                for entry in entries {
                    check_bank_file(&entry, &mut findings)?;
                }
            }
        } else {
            // A single file may be either kind: the larger limit applies
            // until its first bytes tell which it is.
            match read(path, MAX_BANK_BYTES)? {
                Contents::Bytes(bytes) if looks_like_manifest(&bytes) => {
                    check_manifest_file(path, &mut findings)?;
                }
                Contents::Bytes(_) => {
                    check_bank_file(path, &mut findings)?;
                }
                Contents::TooLarge(size) => too_large(path, size, MAX_BANK_BYTES, &mut findings),
            }
        }
    }
    if paths.len() > 1 || findings.banks.len() > 1 {
        duplicate_ids_across(&mut findings);
    }
    run_lints(&mut findings)?;
    Ok(findings)
}

/// The name of the terminology list, looked for beside the banks.
pub const TERMS_FILE: &str = "terms.json";

/// The name of the list of retired question ids, looked for beside the
/// banks.
pub const RETIRED_FILE: &str = "retired.json";

/// Whether a `.json` file beside the banks is one of the lists the checks
/// read rather than a bank.
pub fn is_side_list(name: &str) -> bool {
    name == TERMS_FILE || name == RETIRED_FILE
}

/// The most bytes a list beside the banks may have: a few hundred terms or
/// retired ids are tens of kilobytes.
const MAX_LIST_BYTES: usize = 1024 * 1024;

/// Runs the bank lints on the banks that loaded: near-duplicates within
/// and across them, answer balance, and the terminology list of each
/// bank's folder when it has one.
fn run_lints(findings: &mut Findings) -> Result<(), String> {
    let texts: HashMap<&str, &str> = findings
        .files
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect();
    let sources: Vec<Source> = findings
        .banks
        .iter()
        .filter_map(|(file, bank)| {
            texts
                .get(file.as_str())
                .map(|text| Source { file, text, bank })
        })
        .collect();
    let mut lints = lint::lint(&sources);
    // The lists beside the banks, read once per folder.
    let mut lists: Vec<(PathBuf, Option<Terms>, Option<Retired>)> = Vec::new();
    let mut extra_files: Vec<(String, String)> = Vec::new();
    for source in &sources {
        let folder = Path::new(source.file)
            .parent()
            .unwrap_or(Path::new("."))
            .to_path_buf();
        let list = match lists.iter().position(|(dir, _, _)| *dir == folder) {
            Some(at) => at,
            None => {
                let terms = read_list(
                    &folder.join(TERMS_FILE),
                    LintCode::TermsFile,
                    Terms::parse,
                    &mut lints,
                    &mut extra_files,
                )?;
                let retired = read_list(
                    &folder.join(RETIRED_FILE),
                    LintCode::RetiredFile,
                    Retired::parse,
                    &mut lints,
                    &mut extra_files,
                )?;
                lists.push((folder, terms, retired));
                lists.len() - 1
            }
        };
        if let Some(terms) = &lists[list].1 {
            lints.extend(lint::terminology(*source, terms));
        }
        if let Some(retired) = &lists[list].2 {
            lints.extend(lint::retired_ids(*source, retired));
        }
    }
    findings.files.extend(extra_files);
    findings.lints = lints;
    Ok(())
}

/// How a list beside the banks is parsed: the list, or where it is wrong
/// and why.
type ParseList<T> = fn(&[u8]) -> Result<T, (usize, usize, quiz_core::diagnostic::Message)>;

/// Reads a list beside the banks (`terms.json`, `retired.json`) when there
/// is one; a list that cannot be parsed is reported as an error with
/// `code`, since the check the coordinator expects would silently not
/// happen.
fn read_list<T>(
    path: &Path,
    code: LintCode,
    parse: ParseList<T>,
    lints: &mut Vec<Lint>,
    files: &mut Vec<(String, String)>,
) -> Result<Option<T>, String> {
    if !path.exists() {
        return Ok(None);
    }
    let name = path.display().to_string();
    let bytes = match read(path, MAX_LIST_BYTES)? {
        Contents::Bytes(bytes) => bytes,
        Contents::TooLarge(size) => {
            lints.push(list_problem(
                code,
                &name,
                1,
                1,
                quiz_core::diagnostic::Message::new(
                    format!("{name} 过大（{size} 字节），上限 {MAX_LIST_BYTES} 字节。"),
                    format!("{name} is too large ({size} bytes); the limit is {MAX_LIST_BYTES}."),
                ),
            ));
            return Ok(None);
        }
    };
    files.push((name.clone(), String::from_utf8_lossy(&bytes).into_owned()));
    match parse(&bytes) {
        Ok(list) => Ok(Some(list)),
        Err((line, column, message)) => {
            lints.push(list_problem(code, &name, line, column, message));
            Ok(None)
        }
    }
}

fn list_problem(
    code: LintCode,
    file: &str,
    line: usize,
    column: usize,
    message: quiz_core::diagnostic::Message,
) -> Lint {
    Lint {
        severity: Severity::Error,
        code,
        file: file.to_string(),
        line,
        column,
        span: Default::default(),
        path: String::new(),
        question: None,
        message,
    }
}

fn is_bank_candidate(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "json")
        && !path.file_name().is_some_and(|name| {
            let name = name.to_string_lossy();
            name.ends_with(".schema.json") || is_side_list(&name)
        })
}

/// A file's bytes, or only its size when that is over the limit.
pub(crate) enum Contents {
    /// The whole file (at most the limit and one byte more, should it grow
    /// while being read).
    Bytes(Vec<u8>),
    /// The file's size, over the limit: it was not read.
    TooLarge(u64),
}

/// Reads a file only when it is a regular file within `limit` bytes, as
/// its metadata says: a huge file is refused without being loaded into
/// memory, and a named pipe or device is never opened (reading one could
/// block forever or never end). Fails for files that are not regular or
/// cannot be read.
pub(crate) fn read(path: &Path, limit: usize) -> Result<Contents, String> {
    use std::io::Read;
    let cannot = |e: std::io::Error| format!("无法读取 cannot read {}: {e}", path.display());
    let metadata = std::fs::metadata(path).map_err(cannot)?;
    if !metadata.is_file() {
        return Err(format!(
            "{0} 不是普通文件，不会读取 / {0} is not a regular file; not read",
            path.display()
        ));
    }
    if metadata.len() > limit as u64 {
        return Ok(Contents::TooLarge(metadata.len()));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    std::fs::File::open(path)
        .and_then(|file| file.take(limit as u64 + 1).read_to_end(&mut bytes))
        .map_err(cannot)?;
    Ok(Contents::Bytes(bytes))
}

/// Records a file refused by its size, with the message `check_bank` gives
/// for a file over the limit.
fn too_large(path: &Path, size: u64, limit: usize, findings: &mut Findings) {
    let name = path.display().to_string();
    let megabytes = |bytes: u64| format!("{:.1} MB", bytes as f64 / 1_048_576.0);
    findings.files.push((name.clone(), String::new()));
    findings.diagnostics.push(Diagnostic {
        severity: Severity::Error,
        code: quiz_core::diagnostic::Code::TooLarge,
        file: name,
        line: 1,
        column: 1,
        span: Default::default(),
        path: String::new(),
        question: None,
        message: quiz_core::diagnostic::Message::new(
            format!(
                "文件过大（{}），上限为 {}：请把题目拆分到几个文件。",
                megabytes(size),
                megabytes(limit as u64)
            ),
            format!(
                "The file is too large ({}); the limit is {}: split it into several files.",
                megabytes(size),
                megabytes(limit as u64)
            ),
        ),
    });
}

fn check_bank_file(path: &Path, findings: &mut Findings) -> Result<Option<usize>, String> {
    let bytes = match read(path, MAX_BANK_BYTES)? {
        Contents::Bytes(bytes) => bytes,
        Contents::TooLarge(size) => {
            too_large(path, size, MAX_BANK_BYTES, findings);
            return Ok(None);
        }
    };
    let name = path.display().to_string();
    let checked = check_bank(&name, &bytes);
    findings
        .files
        .push((name.clone(), String::from_utf8_lossy(&bytes).into_owned()));
    findings.diagnostics.extend(checked.diagnostics);
    Ok(checked.value.map(|bank| {
        findings.banks.push((name, bank));
        findings.banks.len() - 1
    }))
}

fn check_manifest_file(path: &Path, findings: &mut Findings) -> Result<(), String> {
    let bytes = match read(path, MAX_MANIFEST_BYTES)? {
        Contents::Bytes(bytes) => bytes,
        Contents::TooLarge(size) => {
            too_large(path, size, MAX_MANIFEST_BYTES, findings);
            return Ok(());
        }
    };
    let name = path.display().to_string();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let checked = check_manifest(&name, &bytes);
    findings.files.push((name.clone(), text.clone()));
    findings.diagnostics.extend(checked.diagnostics);
    let Some(manifest) = checked.value else {
        return Ok(());
    };
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut loaded: Vec<Option<usize>> = Vec::new();
    let mut missing: Vec<bool> = Vec::new();
    for entry in &manifest.banks {
        let file = folder.join(&entry.file);
        if file.is_file() {
            loaded.push(check_bank_file(&file, findings)?);
            missing.push(false);
        } else {
            loaded.push(None);
            missing.push(true);
        }
    }
    let statuses: Vec<BankFile> = loaded
        .iter()
        .zip(&missing)
        .map(|(index, missing)| match (index, missing) {
            (_, true) => BankFile::Missing,
            (Some(index), _) => BankFile::Loaded(&findings.banks[*index].1),
            (None, _) => BankFile::Invalid,
        })
        .collect();
    let problems = cross_check(&name, &text, &manifest, &statuses);
    findings.diagnostics.extend(problems);
    Ok(())
}

/// Question ids must be unique across all banks checked together (the
/// manifest check already covers banks it lists).
fn duplicate_ids_across(findings: &mut Findings) {
    let mut owners: HashMap<&str, &str> = HashMap::new();
    let mut extra = Vec::new();
    for (file, bank) in &findings.banks {
        for question in &bank.questions {
            if let Some(first) = owners.insert(&question.id, file) {
                if first != file {
                    extra.push((file.clone(), question.id.clone(), first.to_string()));
                }
            }
        }
    }
    for (file, id, first) in extra {
        let already = findings.diagnostics.iter().any(|d| {
            d.code == quiz_core::diagnostic::Code::DuplicateId && d.question.as_deref() == Some(&id)
        });
        if already {
            continue;
        }
        findings.diagnostics.push(Diagnostic {
            severity: Severity::Error,
            code: quiz_core::diagnostic::Code::DuplicateId,
            file: file.clone(),
            line: 1,
            column: 1,
            span: Default::default(),
            path: "questions".into(),
            question: Some(id.clone()),
            message: quiz_core::diagnostic::Message::new(
                format!("题目编号“{id}”同时出现在 {first} 和 {file} 中：编号在所有题库中都必须唯一。"),
                format!("Question id \"{id}\" is used in both {first} and {file}: ids must be unique across banks."),
            ),
        });
    }
}

/// The most problems listed per file. A minified bank with one mistake
/// repeated in every question would otherwise print thousands; the counts
/// still include them all.
pub const MAX_LISTED_PER_FILE: usize = 200;

/// The most characters of a source line shown around a problem: a minified
/// bank is one line of megabytes, and reprinting it for every problem
/// printed hundreds of megabytes.
const EXCERPT_CHARS: usize = 120;

/// How many of those characters come before the problem's column.
const EXCERPT_BEFORE: usize = 40;

/// Prints the findings and returns the exit code: 0 clean (warnings
/// allowed unless `strict`), 1 when problems must be fixed or a folder
/// held nothing to check.
pub fn report(findings: &Findings, output: Output, strict: bool) -> u8 {
    let failed = findings.errors() > 0
        || (strict && findings.warnings() > 0)
        || !findings.empty_folders.is_empty();
    let (listed, omitted) = listed(findings.items());
    match output {
        Output::Json => {
            let document = serde_json::json!({
                "ok": !failed,
                "nothing_to_check": findings.empty_folders,
                "errors": findings.errors(),
                "warnings": findings.warnings(),
                "files": findings.files.iter().map(|(name, _)| name).collect::<Vec<_>>(),
                "banks": findings.banks.iter().map(|(file, bank)| serde_json::json!({
                    "file": file, "id": bank.id, "questions": bank.questions.len(),
                })).collect::<Vec<_>>(),
                "diagnostics": listed,
                "omitted": omitted.iter().map(|(file, count)| serde_json::json!({
                    "file": file, "count": count,
                })).collect::<Vec<_>>(),
            });
            println!(
                "{}",
                serde_json::to_string_pretty(&document).unwrap_or_default()
            );
        }
        Output::Human => print_human(findings, &listed, &omitted),
    }
    u8::from(failed)
}

/// The problems to list, at most [`MAX_LISTED_PER_FILE`] per file in the
/// order found, and how many more each file has.
fn listed<'f>(items: impl Iterator<Item = Item<'f>>) -> (Vec<Item<'f>>, Vec<(&'f str, usize)>) {
    let mut per_file: HashMap<&str, usize> = HashMap::new();
    let mut omitted: Vec<(&str, usize)> = Vec::new();
    let mut listed = Vec::new();
    for item in items {
        let seen = per_file.entry(item.file()).or_default();
        *seen += 1;
        if *seen <= MAX_LISTED_PER_FILE {
            listed.push(item);
        } else if let Some(entry) = omitted.iter_mut().find(|(file, _)| *file == item.file()) {
            entry.1 += 1;
        } else {
            omitted.push((item.file(), 1));
        }
    }
    (listed, omitted)
}

fn print_human(findings: &Findings, listed: &[Item], omitted: &[(&str, usize)]) {
    for folder in &findings.empty_folders {
        println!("{folder} 里没有可检查的文件：既没有 index.json，也没有题库 .json 文件。");
        println!("Nothing to check in {folder}: it has no index.json and no bank .json file.");
    }
    let texts: HashMap<&str, LineIndex> = findings
        .files
        .iter()
        .map(|(name, text)| (name.as_str(), LineIndex::new(text)))
        .collect();
    let config = Config::default();
    let mut stdout = std::io::stdout();
    for &item in listed {
        let severity = match item.severity() {
            Severity::Error => ReportSeverity::Error,
            Severity::Warning => ReportSeverity::Warning,
        };
        let message = item.message();
        let mut notes = vec![message.en.clone()];
        let mut context = Vec::new();
        if let Some(question) = item.question() {
            context.push(format!("题目 question: {question}"));
        }
        if !item.path().is_empty() {
            context.push(format!("字段 field: {}", item.path()));
        }
        if !context.is_empty() {
            notes.push(context.join(" · "));
        }
        let mut report = Report::new(severity)
            .with_message(message.zh.clone())
            .with_code(item.code())
            .with_notes(notes);
        let excerpt = findings
            .files
            .iter()
            .find(|(name, _)| *name == item.file())
            .zip(texts.get(item.file()))
            .map(|((name, text), index)| Excerpt::new(name, text, index, item));
        if let Some((excerpt, label)) = &excerpt {
            report = report.with_labels(vec![Label::primary((), label.clone())]);
            if term::emit_to_io_write(&mut stdout, &config, excerpt, &report).is_ok() {
                continue;
            }
        } else if term::emit_to_io_write(&mut stdout, &config, &NoFile, &report).is_ok() {
            continue;
        }
        println!(
            "{}:{}:{}: {}",
            item.file(),
            item.line(),
            item.column(),
            message.zh
        );
    }
    for (file, count) in omitted {
        println!(
            "{file}：还有 {count} 个问题未列出（每个文件最多列出 {MAX_LISTED_PER_FILE} 个）。"
        );
        println!("{file}: and {count} more problem(s), not listed (at most {MAX_LISTED_PER_FILE} are listed per file).");
    }
    let bank_count = findings.banks.len();
    let questions: usize = findings
        .banks
        .iter()
        .map(|(_, bank)| bank.questions.len())
        .sum();
    println!(
        "检查了 {} 个文件，{bank_count} 个题库共 {questions} 道题：{} 个错误，{} 个警告。",
        findings.files.len(),
        findings.errors(),
        findings.warnings()
    );
    println!(
        "Checked {} file(s), {bank_count} bank(s) with {questions} questions: {} error(s), {} warning(s).",
        findings.files.len(),
        findings.errors(),
        findings.warnings()
    );
}

/// The part of one source line shown for a problem: at most
/// [`EXCERPT_CHARS`] characters around its column, with `…` where the line
/// goes on. It is the only "file" the snippet printer sees, so it never
/// reads (or prints) the rest of the line; line and column numbers are the
/// real ones.
struct Excerpt<'f> {
    name: &'f str,
    text: String,
    line: usize,
    column: usize,
}

impl<'f> Excerpt<'f> {
    /// The excerpt for `diagnostic` in the file `name` with `text`, and the
    /// problem's byte range within the excerpt (cut at its end).
    fn new(
        name: &'f str,
        text: &str,
        index: &LineIndex,
        item: Item,
    ) -> (Self, std::ops::Range<usize>) {
        let line = index.line_text(item.line());
        // Where the line starts in the text: the line is a slice of it.
        let line_start = (line.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
        let at = snap_to_char(
            line,
            item.span().start.saturating_sub(line_start).min(line.len()),
        );
        let from = line[..at]
            .char_indices()
            .rev()
            .nth(EXCERPT_BEFORE - 1)
            .map_or(0, |(offset, _)| offset);
        let to = line[from..]
            .char_indices()
            .nth(EXCERPT_CHARS)
            .map_or(line.len(), |(offset, _)| from + offset);
        let before = if from > 0 { "…" } else { "" };
        let after = if to < line.len() { "…" } else { "" };
        let excerpt = format!("{before}{}{after}", &line[from..to]);
        let end = item.span().end.saturating_sub(line_start).clamp(at, to);
        let end = snap_to_char(line, end);
        let label = before.len() + at - from..before.len() + end - from;
        (
            Excerpt {
                name,
                text: excerpt,
                line: item.line(),
                column: item.column(),
            },
            label,
        )
    }
}

impl<'a> Files<'a> for Excerpt<'_> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), _byte_index: usize) -> Result<usize, FilesError> {
        Ok(0)
    }

    fn line_number(&'a self, (): (), _line_index: usize) -> Result<usize, FilesError> {
        Ok(self.line)
    }

    fn column_number(
        &'a self,
        (): (),
        _line_index: usize,
        _byte_index: usize,
    ) -> Result<usize, FilesError> {
        Ok(self.column)
    }

    fn line_range(
        &'a self,
        (): (),
        line_index: usize,
    ) -> Result<std::ops::Range<usize>, FilesError> {
        match line_index {
            0 => Ok(0..self.text.len()),
            given => Err(FilesError::LineTooLarge { given, max: 0 }),
        }
    }
}

/// No file at all, for problems whose file was not kept.
struct NoFile;

impl<'a> Files<'a> for NoFile {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Err(FilesError::FileMissing)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Err(FilesError::FileMissing)
    }

    fn line_index(&'a self, (): (), _byte_index: usize) -> Result<usize, FilesError> {
        Err(FilesError::FileMissing)
    }

    fn line_range(
        &'a self,
        (): (),
        _line_index: usize,
    ) -> Result<std::ops::Range<usize>, FilesError> {
        Err(FilesError::FileMissing)
    }
}

/// Moves a byte offset back to a character boundary, so snippets of
/// Chinese text never split a character.
fn snap_to_char(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}
