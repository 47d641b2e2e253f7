//! `quizbank manifest`: bring `index.json` in line with the bank files.
//!
//! After editing a bank, a coordinator runs one command instead of counting
//! questions by hand: counts, versions and dates are copied from each bank,
//! and bank files in the folder that the manifest does not list are added.

use quiz_core::manifest::{check_manifest, BankEntry, Manifest};
use quiz_core::{check_bank, Bank};
use std::path::Path;

/// What changed, one line per change, in both languages.
pub struct Update {
    /// The new manifest.
    pub manifest: Manifest,
    /// Human-readable changes.
    pub changes: Vec<String>,
    /// Bank files whose version was raised because their questions
    /// changed: each path with its new text, to write with the manifest.
    pub rewrites: Vec<(std::path::PathBuf, String)>,
}

/// Why the manifest was not updated.
#[derive(Debug)]
pub enum Refusal {
    /// Problems in the files to fix first, one message each, in both
    /// languages (exit code 1).
    Problems(Vec<String>),
    /// `index.json` exists but could not be read (exit code 2): starting a
    /// new manifest over it would drop every bank it lists.
    Unreadable(String),
}

/// Computes the updated manifest for the folder `dir`. Refuses with a list
/// of reasons when a bank has errors (fix those first: `quizbank check`),
/// when a bank file's id differs from the id the manifest publishes, or
/// when the manifest it would write does not pass the manifest's own check.
///
/// Each entry records its bank's [`Bank::questions_fingerprint`]. When the
/// questions changed since and the bank file's version was not raised, the
/// version is raised by one and `updated` set to `today` (the coordinator's
/// local date), in the bank file and the manifest alike, so an unchanged
/// version always means unchanged questions.
pub fn update(dir: &Path, today: &str) -> Result<Update, Refusal> {
    let index = dir.join("index.json");
    let existing = match index.symlink_metadata() {
        // Only a manifest that is not there at all is started afresh.
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        _ => match crate::check::read(&index, quiz_core::manifest::MAX_MANIFEST_BYTES) {
            Ok(crate::check::Contents::Bytes(bytes)) => Some(bytes),
            // The manifest's own check reports the size, in its words.
            Ok(crate::check::Contents::TooLarge(_)) => {
                Some(vec![b' '; quiz_core::manifest::MAX_MANIFEST_BYTES + 1])
            }
            Err(error) => {
                return Err(Refusal::Unreadable(format!(
                    "{error}\n没有更新清单：新建一个会丢掉它列出的题库。/ the manifest was not updated: starting a new one would drop the banks it lists."
                )))
            }
        },
    };
    let mut manifest = match existing {
        Some(bytes) => {
            let checked = check_manifest(&index.display().to_string(), &bytes);
            match checked.value {
                Some(manifest) => manifest,
                None => {
                    return Err(Refusal::Problems(
                        checked
                            .diagnostics
                            .iter()
                            .map(|d| {
                                format!("{}: {} / {}", d.location(), d.message.zh, d.message.en)
                            })
                            .collect(),
                    ))
                }
            }
        }
        None => Manifest {
            schema: Some("./manifest.schema.json".into()),
            banks: Vec::new(),
        },
    };
    let mut problems = Vec::new();
    let mut changes = Vec::new();
    let mut rewrites = Vec::new();
    let load = |file: &str, problems: &mut Vec<String>| -> Option<Bank> {
        let path = dir.join(file);
        let bytes = match crate::check::read(&path, quiz_core::bank::MAX_BANK_BYTES) {
            Ok(crate::check::Contents::Bytes(bytes)) => bytes,
            Ok(crate::check::Contents::TooLarge(size)) => {
                problems.push(format!(
                    "{0} 过大（{1} 字节），上限 {2} 字节 / {0} is too large ({1} bytes); the limit is {2} bytes",
                    path.display(),
                    size,
                    quiz_core::bank::MAX_BANK_BYTES
                ));
                return None;
            }
            Err(message) => {
                problems.push(message);
                return None;
            }
        };
        let checked = check_bank(file, &bytes);
        if checked.value.is_none() {
            problems.push(format!(
                "{} 有 {} 个错误，请先运行 quizbank check 修正 / has {} error(s): run `quizbank check` and fix them first",
                path.display(),
                checked.error_count(),
                checked.error_count()
            ));
        }
        checked.value
    };
    for entry in &mut manifest.banks {
        let Some(mut bank) = load(&entry.file, &mut problems) else {
            continue;
        };
        let fingerprint = bank.questions_fingerprint();
        let changed = entry
            .fingerprint
            .as_deref()
            .is_some_and(|recorded| recorded != fingerprint);
        if changed && bank.version <= entry.version && entry.id == bank.id {
            let raised = entry.version + 1;
            let path = dir.join(&entry.file);
            match raise_version(&path, raised, today) {
                Ok(text) => {
                    changes.push(format!(
                        "{}: 题目有改动，version {} → {raised}，updated → {today} / questions changed: version {} → {raised}, updated → {today}",
                        entry.file, bank.version, bank.version
                    ));
                    rewrites.push((path, text));
                    bank.version = raised;
                    bank.updated = today.to_string();
                }
                Err(problem) => problems.push(problem),
            }
        }
        if entry.fingerprint.as_deref() != Some(fingerprint.as_str()) {
            if entry.fingerprint.is_none() {
                changes.push(format!(
                    "{}: 记录题目指纹 recorded the questions' fingerprint",
                    entry.file
                ));
            }
            entry.fingerprint = Some(fingerprint);
        }
        if entry.count as usize != bank.questions.len() {
            changes.push(format!(
                "{}: count {} → {}",
                entry.file,
                entry.count,
                bank.questions.len()
            ));
            entry.count = bank.questions.len() as u32;
        }
        if entry.version != bank.version {
            changes.push(format!(
                "{}: version {} → {}",
                entry.file, entry.version, bank.version
            ));
            entry.version = bank.version;
        }
        if entry.updated != bank.updated {
            changes.push(format!(
                "{}: updated {} → {}",
                entry.file, entry.updated, bank.updated
            ));
            entry.updated = bank.updated.clone();
        }
        if entry.id != bank.id {
            // The published id is in members' links and saved progress: a
            // different id in the bank file is far more often a typo there
            // than a rename, so it is never copied over.
            problems.push(format!(
                "{file}：题库文件里的 id 是“{new}”，清单里是“{old}”。已发布题库的编号不能改（链接和学习记录都用它）：如果是题库文件写错了，请改回“{old}”；确实要改名，请手动修改 index.json。/ {file}: the bank file's id is \"{new}\" but the manifest publishes \"{old}\". A published bank's id must not change (links and saved progress use it): if the bank file is wrong, change it back to \"{old}\"; to rename the bank on purpose, edit index.json by hand.",
                file = dir.join(&entry.file).display(),
                new = bank.id,
                old = entry.id,
            ));
            continue;
        }
    }
    let mut unlisted: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .filter(|name| {
                    name.ends_with(".json")
                        && name != "index.json"
                        && !crate::check::is_side_list(name)
                        && !name.ends_with(".schema.json")
                })
                .filter(|name| !manifest.banks.iter().any(|entry| &entry.file == name))
                .collect()
        })
        .unwrap_or_default();
    unlisted.sort();
    for file in unlisted {
        let Some(bank) = load(&file, &mut problems) else {
            continue;
        };
        changes.push(format!("{file}: 新增到清单 added to the manifest"));
        manifest.banks.push(BankEntry {
            id: bank.id.clone(),
            file,
            title: bank.title.clone(),
            description: bank.description.clone(),
            version: bank.version,
            updated: bank.updated.clone(),
            count: bank.questions.len() as u32,
            fingerprint: Some(bank.questions_fingerprint()),
            span: Default::default(),
        });
    }
    if problems.is_empty() && !changes.is_empty() {
        problems.extend(check_written(&index, &manifest));
    }
    if problems.is_empty() {
        Ok(Update {
            manifest,
            changes,
            rewrites,
        })
    } else {
        Err(Refusal::Problems(problems))
    }
}

/// The text of the bank file at `path` with its top-level `version` set to
/// `version` and `updated` to `today`, changing nothing else in the file
/// (layout and key order stay, so a diff shows only those two values).
fn raise_version(path: &Path, version: u32, today: &str) -> Result<String, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("无法读取 cannot read {}: {error}", path.display()))?;
    let tree = quiz_core::json::parse(&text)
        .map_err(|_| format!("{} 不是有效的 JSON / is not valid JSON", path.display()))?;
    let root = tree.root();
    let (Some(version_node), Some(updated_node)) = (root.get("version"), root.get("updated"))
    else {
        return Err(format!(
            "{} 缺少 version 或 updated / lacks version or updated",
            path.display()
        ));
    };
    let mut edits = [
        (version_node.span(), version.to_string()),
        (updated_node.span(), format!("\"{today}\"")),
    ];
    // Later spans first, so earlier offsets stay valid.
    edits.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
    let mut text = text.clone();
    for (span, value) in edits {
        text.replace_range(span.start..span.end, &value);
    }
    Ok(text)
}

/// Reads back the manifest about to be written with the app's own manifest
/// check, so `manifest` never writes an `index.json` the app refuses (a
/// bank's title may be 1,000 characters, a manifest's only 200). Each
/// problem names the bank file its entry came from.
fn check_written(index: &Path, manifest: &Manifest) -> Vec<String> {
    let text = to_json(manifest);
    let checked = check_manifest(&index.display().to_string(), text.as_bytes());
    checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == quiz_core::Severity::Error)
        .map(|d| {
            let entry = d
                .path
                .strip_prefix("banks[")
                .and_then(|rest| rest.split(']').next())
                .and_then(|index| index.parse::<usize>().ok())
                .and_then(|index| manifest.banks.get(index));
            let (zh_from, en_from) = entry.map_or((String::new(), String::new()), |entry| {
                (
                    format!("（来自题库文件 {}，请在那里修改）", entry.file),
                    format!(" (taken from the bank file {}: change it there)", entry.file),
                )
            });
            format!(
                "{}: 要写入的清单有问题，没有写入：{}{zh_from} / The manifest to be written has a problem, so it was not written: {}{en_from}",
                index.display(),
                d.message.zh,
                d.message.en
            )
        })
        .collect()
}

/// The manifest as written to disk: pretty JSON, Chinese unescaped.
pub fn to_json(manifest: &Manifest) -> String {
    // The same form the workbench downloads.
    quizbank::export::manifest_json(manifest)
}
