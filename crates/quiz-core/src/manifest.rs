//! `questions/index.json`: the list of banks the app offers.
//!
//! The manifest is fetched at run time, so coordinators can publish a new
//! bank by copying files to the server without rebuilding the WASM.

use crate::{Lang, LocalText};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Manifests larger than this are refused before parsing: a real one lists a
/// handful of banks and is a few kilobytes.
pub const MAX_MANIFEST_BYTES: usize = 256 * 1024;

/// The parsed manifest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The JSON Schema reference that lets editors validate while typing.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The banks, in the order the home page shows them.
    pub banks: Vec<BankEntry>,
}

/// One bank as the home page lists it, before its file is loaded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
}

/// Where in the file a problem is, 1-based, when it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// The line, counting from 1.
    pub line: usize,
    /// The column in characters, counting from 1.
    pub column: usize,
}

/// Why a manifest was refused. Each variant maps to a message a coordinator
/// can act on without reading code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ManifestError {
    /// The file is bigger than [`MAX_MANIFEST_BYTES`].
    TooLarge {
        /// The file's size in bytes.
        bytes: usize,
    },
    /// The bytes are not valid UTF-8 JSON.
    Syntax {
        /// Where the parser stopped.
        at: Position,
        /// The parser's own description.
        detail: String,
    },
    /// Valid JSON of the wrong shape: an unknown, missing or mistyped field.
    Shape {
        /// Where the parser stopped.
        at: Position,
        /// The parser's own description.
        detail: String,
    },
    /// The `banks` list is empty.
    NoBanks,
    /// A bank id is not lower-case letters, digits and `-`.
    BadId {
        /// The offending id.
        id: String,
    },
    /// Two entries share an id.
    DuplicateId {
        /// The repeated id.
        id: String,
    },
    /// A file name that is not a plain relative `.json` path.
    BadFile {
        /// The bank the entry belongs to.
        id: String,
        /// The offending file name.
        file: String,
    },
}

impl ManifestError {
    /// A plain-language message in `lang`, naming what to fix.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ManifestError::TooLarge { bytes }, Lang::Zh) => format!(
                "文件过大（{bytes} 字节），上限为 {MAX_MANIFEST_BYTES} 字节。"
            ),
            (ManifestError::TooLarge { bytes }, Lang::En) => format!(
                "The file is too large ({bytes} bytes); the limit is {MAX_MANIFEST_BYTES} bytes."
            ),
            (ManifestError::Syntax { at, detail }, Lang::Zh) => format!(
                "第 {} 行第 {} 列：不是有效的 JSON（{detail}）。",
                at.line, at.column
            ),
            (ManifestError::Syntax { at, detail }, Lang::En) => format!(
                "Line {}, column {}: not valid JSON ({detail}).",
                at.line, at.column
            ),
            (ManifestError::Shape { at, detail }, Lang::Zh) => format!(
                "第 {} 行第 {} 列：内容结构不对（{detail}）。",
                at.line, at.column
            ),
            (ManifestError::Shape { at, detail }, Lang::En) => format!(
                "Line {}, column {}: unexpected content ({detail}).",
                at.line, at.column
            ),
            (ManifestError::NoBanks, Lang::Zh) => "“banks”列表是空的，至少要列出一个题库。".into(),
            (ManifestError::NoBanks, Lang::En) => {
                "The \"banks\" list is empty; list at least one bank.".into()
            }
            (ManifestError::BadId { id }, Lang::Zh) => {
                format!("题库编号“{id}”无效：只能用小写字母、数字和“-”，1 到 40 个字符。")
            }
            (ManifestError::BadId { id }, Lang::En) => format!(
                "Bank id \"{id}\" is invalid: use 1–40 lower-case letters, digits and '-'."
            ),
            (ManifestError::DuplicateId { id }, Lang::Zh) => {
                format!("题库编号“{id}”出现了不止一次。")
            }
            (ManifestError::DuplicateId { id }, Lang::En) => {
                format!("Bank id \"{id}\" is listed more than once.")
            }
            (ManifestError::BadFile { id, file }, Lang::Zh) => format!(
                "题库“{id}”的文件名“{file}”无效：应是同一目录下的 .json 文件名，例如 charter.json。"
            ),
            (ManifestError::BadFile { id, file }, Lang::En) => format!(
                "Bank \"{id}\": file name \"{file}\" is invalid; use a .json file in the same folder, e.g. charter.json."
            ),
        }
    }
}

impl fmt::Display for ManifestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ManifestError {}

/// True for ids made of 1–40 lower-case ASCII letters, digits and `-`:
/// safe in URLs, file names and storage keys.
pub fn is_valid_id(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// True for a plain file name in the manifest's folder: no directories, no
/// `..`, no URL scheme, ending in `.json`.
fn is_valid_file(file: &str) -> bool {
    file.ends_with(".json")
        && file.len() > ".json".len()
        && file.len() <= 100
        && file
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
        && !file.starts_with('.')
}

/// Parses and checks a manifest from the bytes of `index.json`.
pub fn parse_manifest(bytes: &[u8]) -> Result<Manifest, ManifestError> {
    if bytes.len() > MAX_MANIFEST_BYTES {
        return Err(ManifestError::TooLarge { bytes: bytes.len() });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let manifest: Manifest = serde_json::from_slice(bytes).map_err(|error| {
        let at = Position {
            line: error.line(),
            column: error.column(),
        };
        let detail = error.to_string();
        // serde_json appends " at line L column C"; the position is shown separately.
        let detail = match detail.rfind(" at line ") {
            Some(cut) => detail[..cut].to_string(),
            None => detail,
        };
        if error.is_data() {
            ManifestError::Shape { at, detail }
        } else {
            ManifestError::Syntax { at, detail }
        }
    })?;
    if manifest.banks.is_empty() {
        return Err(ManifestError::NoBanks);
    }
    let mut seen: Vec<&str> = Vec::with_capacity(manifest.banks.len());
    for bank in &manifest.banks {
        if !is_valid_id(&bank.id) {
            return Err(ManifestError::BadId {
                id: bank.id.clone(),
            });
        }
        if seen.contains(&bank.id.as_str()) {
            return Err(ManifestError::DuplicateId {
                id: bank.id.clone(),
            });
        }
        seen.push(&bank.id);
        if !is_valid_file(&bank.file) {
            return Err(ManifestError::BadFile {
                id: bank.id.clone(),
                file: bank.file.clone(),
            });
        }
    }
    Ok(manifest)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{
      "banks": [
        {"id": "charter", "file": "charter.json",
         "title": {"zh": "党章", "en": "The Party Constitution"},
         "description": {"zh": "党章自测"},
         "version": 1, "updated": "2026-11-28", "count": 70}
      ]
    }"#;

    #[test]
    fn parses_a_manifest() {
        let manifest = parse_manifest(GOOD.as_bytes()).unwrap();
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
        assert!(parse_manifest(&with_bom).is_ok());
    }

    #[test]
    fn syntax_error_has_position() {
        let err = parse_manifest(b"{\n  \"banks\": [\n    {,\n  ]\n}").unwrap_err();
        match &err {
            ManifestError::Syntax { at, .. } => assert_eq!((at.line, at.column), (3, 6)),
            other => panic!("expected a syntax error, got {other:?}"),
        }
        assert!(err.message(Lang::Zh).starts_with("第 3 行第 6 列"));
        assert!(err.message(Lang::En).starts_with("Line 3, column 6"));
    }

    #[test]
    fn unknown_field_is_a_shape_error_naming_the_field() {
        let text = GOOD.replace("\"count\"", "\"cuont\"");
        let err = parse_manifest(text.as_bytes()).unwrap_err();
        assert!(matches!(err, ManifestError::Shape { .. }), "{err:?}");
        assert!(err.message(Lang::En).contains("cuont"), "{}", err.message(Lang::En));
    }

    #[test]
    fn semantic_errors_are_typed() {
        let cases = [
            (GOOD.replace("\"id\": \"charter\"", "\"id\": \"Charter!\""), "BadId"),
            (GOOD.replace("charter.json", "../secret.json"), "BadFile"),
            (GOOD.replace("charter.json", "https://evil.example/x.json"), "BadFile"),
        ];
        for (text, expected) in cases {
            let err = parse_manifest(text.as_bytes()).unwrap_err();
            assert!(format!("{err:?}").starts_with(expected), "{err:?}");
        }
        assert_eq!(
            parse_manifest(br#"{"banks": []}"#).unwrap_err(),
            ManifestError::NoBanks
        );
        let entry = r#"{"id": "charter", "file": "a.json", "title": {"zh": "a"},
            "description": {"zh": "a"}, "version": 1, "updated": "2026-11-28", "count": 1}"#;
        let twice = format!(r#"{{"banks": [{entry}, {entry}]}}"#);
        assert_eq!(
            parse_manifest(twice.as_bytes()).unwrap_err(),
            ManifestError::DuplicateId {
                id: "charter".into()
            }
        );
    }

    #[test]
    fn refuses_oversized_input_before_parsing() {
        let big = vec![b' '; MAX_MANIFEST_BYTES + 1];
        assert_eq!(
            parse_manifest(&big).unwrap_err(),
            ManifestError::TooLarge {
                bytes: MAX_MANIFEST_BYTES + 1
            }
        );
    }
}
