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
}

/// Computes the updated manifest for the folder `dir`. Fails with a list of
/// reasons when a bank has errors (fix those first: `quizbank check`).
pub fn update(dir: &Path) -> Result<Update, Vec<String>> {
    let index = dir.join("index.json");
    let mut manifest = match std::fs::read(&index) {
        Ok(bytes) => {
            let checked = check_manifest(&index.display().to_string(), &bytes);
            match checked.value {
                Some(manifest) => manifest,
                None => {
                    return Err(checked
                        .diagnostics
                        .iter()
                        .map(|d| format!("{}: {} / {}", d.location(), d.message.zh, d.message.en))
                        .collect())
                }
            }
        }
        Err(_) => Manifest {
            schema: Some("./manifest.schema.json".into()),
            banks: Vec::new(),
        },
    };
    let mut problems = Vec::new();
    let mut changes = Vec::new();
    let load = |file: &str, problems: &mut Vec<String>| -> Option<Bank> {
        let path = dir.join(file);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(error) => {
                problems.push(format!("无法读取 cannot read {}: {error}", path.display()));
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
        let Some(bank) = load(&entry.file, &mut problems) else {
            continue;
        };
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
            changes.push(format!("{}: id {} → {}", entry.file, entry.id, bank.id));
            entry.id = bank.id.clone();
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
            span: Default::default(),
        });
    }
    if problems.is_empty() {
        Ok(Update { manifest, changes })
    } else {
        Err(problems)
    }
}

/// The manifest as written to disk: pretty JSON, Chinese unescaped.
pub fn to_json(manifest: &Manifest) -> String {
    let mut text = serde_json::to_string_pretty(manifest).unwrap_or_default();
    text.push('\n');
    text
}
