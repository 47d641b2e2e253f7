//! `questions/index.json`: the list of banks the app offers.
//!
//! The manifest is fetched at run time, so coordinators can publish a new
//! bank by copying files to the server without rebuilding the WASM.

use crate::bank::fields;
use crate::bank::Bank;
use crate::diagnostic::{Checked, Code, Diagnostic, Message, Problems, Severity};
use crate::json::{self, Node, Span};
use crate::reader::{read_file, Path, Reader};
use crate::LocalText;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;

pub use crate::limits::{MAX_BANKS, MAX_MANIFEST_BYTES};
use crate::limits::{MAX_BANK_ID, MAX_DESCRIPTION, MAX_QUESTIONS, MAX_TITLE, VERSION};

/// The parsed manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Manifest {
    /// The JSON Schema reference that lets editors validate while typing.
    #[serde(rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The banks, in the order the home page shows them.
    pub banks: Vec<BankEntry>,
}

impl Manifest {
    /// The entry with `id`.
    pub fn bank(&self, id: &str) -> Option<&BankEntry> {
        self.banks.iter().find(|bank| bank.id == id)
    }
}

/// One bank as the home page lists it, before its file is loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BankEntry {
    /// The bank's id, used in deep links such as `#/bank/charter/exam`.
    pub id: String,
    /// The bank file, relative to `index.json`.
    pub file: String,
    /// The bank's name.
    pub title: LocalText,
    /// One or two sentences on what the bank covers.
    pub description: LocalText,
    /// Raised by coordinators whenever questions change.
    pub version: u32,
    /// The date of the last change, `YYYY-MM-DD`.
    pub updated: String,
    /// How many questions the bank holds.
    pub count: u32,
    /// [`Bank::questions_fingerprint`] when `version` was last set, so a
    /// change of questions without a new version is caught: saved exams,
    /// the daily set and the "new questions" notice rely on the version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    /// Where the entry starts in the manifest, for cross-file diagnostics.
    #[serde(skip)]
    pub span: Span,
}

/// Reads and checks a manifest. `file` names it in the diagnostics.
pub fn check_manifest(file: &str, bytes: &[u8]) -> Checked<Manifest> {
    read_file(file, bytes, MAX_MANIFEST_BYTES, read_manifest)
}

/// Parses a manifest, returning its errors when it is refused.
pub fn parse_manifest(file: &str, bytes: &[u8]) -> Result<Manifest, Vec<Diagnostic>> {
    let checked = check_manifest(file, bytes);
    checked.value.ok_or(checked.diagnostics)
}

/// True for ids made of 1–40 lower-case ASCII letters, digits and `-`:
/// safe in URLs, file names and storage keys.
pub fn is_valid_id(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn read_manifest(reader: &mut Reader, root: Node) -> Option<Manifest> {
    let path = Path::ROOT;
    let fields = reader.object(root, &path, fields::MANIFEST)?;
    let schema = fields.get("$schema").and_then(|node| {
        reader
            .string(node, &path.field("$schema"))
            .map(Cow::into_owned)
    });
    let banks_path = path.field("banks");
    let items = reader.array(fields.get("banks")?, &banks_path)?;
    let banks_node = fields.get("banks")?;
    if items.is_empty() || items.len() > MAX_BANKS {
        reader.error(
            Code::BadValue,
            banks_node.span(),
            &banks_path,
            format!(
                "“banks”要列出 1 到 {MAX_BANKS} 个题库，这里有 {} 个。",
                items.len()
            ),
            format!(
                "\"banks\" must list 1 to {MAX_BANKS} banks; it has {}.",
                items.len()
            ),
        );
        return None;
    }
    let mut banks: Vec<BankEntry> = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let entry_path = banks_path.index(i);
        match read_entry(reader, item, &entry_path) {
            Some(entry) => {
                for (key, value, zh_name, en_name) in [
                    ("id", &entry.id, "题库编号", "Bank id"),
                    ("file", &entry.file, "文件", "File"),
                ] {
                    let clash = banks.iter().find(|other| {
                        let other_value = if key == "id" { &other.id } else { &other.file };
                        other_value == value
                    });
                    if clash.is_some() {
                        reader.error(
                            Code::DuplicateId,
                            item.span(),
                            &entry_path.field(key),
                            format!("{zh_name}“{value}”在清单里出现了不止一次。"),
                            format!("{en_name} \"{value}\" is listed more than once."),
                        );
                        ok = false;
                    }
                }
                banks.push(entry);
            }
            None => ok = false,
        }
    }
    ok.then_some(Manifest { schema, banks })
}

fn read_entry(reader: &mut Reader, node: Node, path: &Path) -> Option<BankEntry> {
    let fields = reader.object(node, path, fields::MANIFEST_ENTRY)?;
    let id = fields
        .get("id")
        .and_then(|n| reader.id(n, &path.field("id"), MAX_BANK_ID));
    let file = fields.get("file").and_then(|n| {
        let file_path = path.field("file");
        let file = reader.string(n, &file_path)?;
        if is_valid_file(&file) {
            Some(file.into_owned())
        } else {
            reader.error(
                Code::BadValue,
                n.span(),
                &file_path,
                format!("文件名“{file}”无效：应是同一目录下的 .json 文件名（字母、数字、-、_），例如 charter.json。"),
                format!("File name \"{file}\" is invalid: use a .json file in the same folder (letters, digits, -, _), e.g. charter.json."),
            );
            None
        }
    });
    let title = fields
        .get("title")
        .and_then(|n| reader.text(n, &path.field("title"), MAX_TITLE));
    let description = fields
        .get("description")
        .and_then(|n| reader.text(n, &path.field("description"), MAX_DESCRIPTION));
    let version = fields
        .get("version")
        .and_then(|n| reader.number(n, &path.field("version"), *VERSION.start(), *VERSION.end()));
    let updated = fields
        .get("updated")
        .and_then(|n| reader.date(n, &path.field("updated")));
    let count = fields
        .get("count")
        .and_then(|n| reader.number(n, &path.field("count"), 0, MAX_QUESTIONS as u32));
    let fingerprint = match fields.get("fingerprint") {
        None => Some(None),
        Some(n) => {
            let fingerprint_path = path.field("fingerprint");
            reader.string(n, &fingerprint_path).and_then(|text| {
                if is_fingerprint(&text) {
                    Some(Some(text.into_owned()))
                } else {
                    reader.error(
                        Code::BadValue,
                        n.span(),
                        &fingerprint_path,
                        format!("指纹“{text}”无效：应是 16 位小写十六进制数，由 quizbank manifest 写入，不要手改。"),
                        format!("Fingerprint \"{text}\" is invalid: it is 16 lower-case hex digits written by `quizbank manifest`; do not edit it by hand."),
                    );
                    None
                }
            })
        }
    };
    Some(BankEntry {
        id: id?,
        file: file?,
        title: title?,
        description: description?,
        version: version?,
        updated: updated?,
        count: count?,
        fingerprint: fingerprint?,
        span: node.span(),
    })
}

/// True for a fingerprint as [`Bank::questions_fingerprint`] writes it.
fn is_fingerprint(text: &str) -> bool {
    text.len() == 16 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// True for a plain file name in the manifest's folder: no directories, no
/// `..`, no URL scheme, ending in `.json`.
fn is_valid_file(file: &str) -> bool {
    file.len() > ".json".len()
        && file.len() <= 100
        && file.ends_with(".json")
        && !file.starts_with('.')
        && file
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
}

/// What became of a bank file the manifest lists.
pub enum BankFile<'b> {
    /// The file does not exist.
    Missing,
    /// The file exists but has errors (reported on their own).
    Invalid,
    /// The file loaded.
    Loaded(&'b Bank),
}

/// Checks the manifest against the bank files it lists: files exist, ids,
/// versions and counts agree, and no question id is used in two banks.
/// `banks` is in manifest order.
pub fn cross_check(
    manifest_file: &str,
    manifest_text: &str,
    manifest: &Manifest,
    banks: &[BankFile],
) -> Vec<Diagnostic> {
    let mut problems = Problems::new();
    let mut owners: HashMap<&str, &str> = HashMap::new();
    for (entry, status) in manifest.banks.iter().zip(banks) {
        let at = Span {
            start: entry.span.start,
            end: entry.span.start + 1,
        };
        let bank = match status {
            BankFile::Missing => {
                problems.push(
                    Severity::Error,
                    Code::MissingFile,
                    at,
                    "banks.file",
                    None,
                    Message::new(
                        format!("清单列出的文件“{}”不存在。", entry.file),
                        format!("The listed file \"{}\" does not exist.", entry.file),
                    ),
                );
                continue;
            }
            BankFile::Invalid => continue,
            BankFile::Loaded(bank) => bank,
        };
        if bank.id != entry.id {
            problems.push(
                Severity::Error,
                Code::IdMismatch,
                at,
                "banks.id",
                None,
                Message::new(
                    format!(
                        "清单里的编号是“{}”，文件 {} 里的 id 却是“{}”。",
                        entry.id, entry.file, bank.id
                    ),
                    format!(
                        "The manifest says id \"{}\" but {} has id \"{}\".",
                        entry.id, entry.file, bank.id
                    ),
                ),
            );
        }
        #[cfg(feature = "tools")]
        if let Some(recorded) = &entry.fingerprint {
            if bank.version == entry.version && *recorded != bank.questions_fingerprint() {
                problems.push(
                    Severity::Error,
                    Code::VersionMismatch,
                    at,
                    "banks.fingerprint",
                    None,
                    Message::new(
                        format!(
                            "{} 的题目改过了，version 却还是 {}：请运行 quizbank manifest，它会把 version 加 1（未完成的考试、每日一练和“新题目”提示都靠 version 判断题目是否变化）。",
                            entry.file, bank.version
                        ),
                        format!(
                            "The questions of {} changed but its version is still {}: run `quizbank manifest`, which raises it by one (unfinished exams, the daily set and the \"new questions\" notice rely on the version to know questions changed).",
                            entry.file, bank.version
                        ),
                    ),
                );
            }
        }
        if bank.version != entry.version {
            problems.push(
                Severity::Error,
                Code::VersionMismatch,
                at,
                "banks.version",
                None,
                Message::new(
                    format!("清单里的版本是 {}，文件 {} 里是 {}：运行 quizbank manifest 更新清单。", entry.version, entry.file, bank.version),
                    format!("The manifest says version {} but {} has {}: run `quizbank manifest` to update it.", entry.version, entry.file, bank.version),
                ),
            );
        }
        if bank.questions.len() != entry.count as usize {
            problems.push(
                Severity::Error,
                Code::CountMismatch,
                at,
                "banks.count",
                None,
                Message::new(
                    format!("清单里写 {} 道题，文件 {} 实际有 {} 道：运行 quizbank manifest 更新清单。", entry.count, entry.file, bank.questions.len()),
                    format!("The manifest says {} questions but {} has {}: run `quizbank manifest` to update it.", entry.count, entry.file, bank.questions.len()),
                ),
            );
        }
        for question in &bank.questions {
            if let Some(first) = owners.insert(&question.id, &entry.file) {
                problems.push(
                    Severity::Error,
                    Code::DuplicateId,
                    at,
                    "banks",
                    Some(&question.id),
                    Message::new(
                        format!("题目编号“{}”同时出现在 {first} 和 {} 中：编号在所有题库中都必须唯一。", question.id, entry.file),
                        format!("Question id \"{}\" is used in both {first} and {}: ids must be unique across banks.", question.id, entry.file),
                    ),
                );
            }
        }
    }
    problems.locate(manifest_file, manifest_text)
}

/// Whether the root of a JSON document looks like a manifest (has "banks")
/// rather than a bank, so tools can accept either file.
pub fn looks_like_manifest(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes)
        .ok()
        .and_then(|text| json::parse(text).ok())
        .is_some_and(|tree| tree.root().get("banks").is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    #[test]
    fn a_bank_and_its_manifest_entry_share_their_limits() {
        // What a bank accepts, the manifest that copies its title and
        // description accepts too, and one character more both refuse.
        let check = |title: &str, description: &str| {
            let bank = format!(
                r#"{{"id": "b", "version": 1, "updated": "2026-12-06", "title": {{"zh": "{title}"}}, "description": {{"zh": "{description}"}}, "questions": [{{"id": "b-1", "type": "judge", "stem": {{"zh": "题"}}, "answer": true, "explanation": {{"zh": "解"}}, "source": {{"zh": "出处"}}}}]}}"#
            );
            let manifest = format!(
                r#"{{"banks": [{{"id": "b", "file": "b.json", "title": {{"zh": "{title}"}}, "description": {{"zh": "{description}"}}, "version": 1, "updated": "2026-12-06", "count": 1}}]}}"#
            );
            let bank_ok = crate::check_bank("b.json", bank.as_bytes())
                .diagnostics
                .iter()
                .all(|d| d.code != Code::TooLong);
            let manifest_ok = check_manifest("index.json", manifest.as_bytes())
                .value
                .is_some();
            (bank_ok, manifest_ok)
        };
        let (title, description) = ("题".repeat(MAX_TITLE), "述".repeat(MAX_DESCRIPTION));
        assert_eq!(check(&title, &description), (true, true));
        assert_eq!(check(&format!("{title}题"), &description), (false, false));
        assert_eq!(check(&title, &format!("{description}述")), (false, false));
    }

    const GOOD: &str = r#"{
      "banks": [
        {"id": "charter", "file": "charter.json",
         "title": {"zh": "党章", "en": "The Party Constitution"},
         "description": {"zh": "党章自测"},
         "version": 1, "updated": "2026-11-28", "count": 70}
      ]
    }"#;

    fn codes(text: &str) -> Vec<(Code, usize, usize)> {
        check_manifest("index.json", text.as_bytes())
            .diagnostics
            .iter()
            .map(|d| (d.code, d.line, d.column))
            .collect()
    }

    #[test]
    fn parses_a_manifest() {
        let manifest = parse_manifest("index.json", GOOD.as_bytes()).unwrap();
        assert_eq!(manifest.banks.len(), 1);
        let bank = &manifest.banks[0];
        assert_eq!(bank.id, "charter");
        assert_eq!(bank.title.get(Lang::En), "The Party Constitution");
        assert_eq!(bank.description.get(Lang::En), "党章自测");
        assert_eq!(bank.count, 70);
    }

    #[test]
    fn accepts_a_byte_order_mark() {
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), GOOD.as_bytes()].concat();
        assert!(parse_manifest("index.json", &with_bom).is_ok());
    }

    #[test]
    fn syntax_error_has_position_and_both_languages() {
        let errors =
            parse_manifest("index.json", b"{\n  \"banks\": [\n    {,\n  ]\n}").unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(
            (errors[0].code, errors[0].line, errors[0].column),
            (Code::Syntax, 3, 6)
        );
        assert!(
            errors[0].message.zh.contains("字段名"),
            "{}",
            errors[0].message.zh
        );
        assert!(
            errors[0].message.en.contains("field name"),
            "{}",
            errors[0].message.en
        );
    }

    #[test]
    fn unknown_field_suggests_the_right_name() {
        let errors = parse_manifest(
            "index.json",
            GOOD.replace("\"count\"", "\"cuont\"").as_bytes(),
        )
        .unwrap_err();
        let codes: Vec<Code> = errors.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec![Code::UnknownField]);
        assert!(
            errors[0].message.en.contains("did you mean \"count\""),
            "{}",
            errors[0].message.en
        );
        assert_eq!(errors[0].line, 6);
    }

    #[test]
    fn reports_every_problem_at_once() {
        let text = r#"{"banks": [
  {"id": "Charter!", "file": "../x.json", "title": {"zh": ""}, "description": {"zh": "d"},
   "version": 0, "updated": "2026-13-01", "count": "5"}
]}"#;
        let found: Vec<Code> = codes(text).into_iter().map(|(code, _, _)| code).collect();
        assert_eq!(
            found,
            vec![
                Code::BadId,
                Code::BadValue,
                Code::EmptyText,
                Code::BadValue,
                Code::BadValue,
                Code::WrongType
            ]
        );
    }

    #[test]
    fn duplicate_ids_and_files_are_errors() {
        let entry = r#"{"id": "charter", "file": "a.json", "title": {"zh": "a"},
            "description": {"zh": "a"}, "version": 1, "updated": "2026-11-28", "count": 1}"#;
        let twice = format!(r#"{{"banks": [{entry}, {entry}]}}"#);
        let found: Vec<Code> = codes(&twice).into_iter().map(|(code, _, _)| code).collect();
        assert_eq!(found, vec![Code::DuplicateId, Code::DuplicateId]);
    }

    #[test]
    fn refuses_oversized_input_before_parsing() {
        let big = vec![b' '; MAX_MANIFEST_BYTES + 1];
        assert_eq!(
            codes(std::str::from_utf8(&big).unwrap())[0].0,
            Code::TooLarge
        );
        assert_eq!(codes(r#"{"banks": []}"#)[0].0, Code::BadValue);
    }
}
