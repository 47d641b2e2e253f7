//! What a coordinator uploads to publish a bank: the bank file and the
//! bank list `index.json` brought in line with it.
//!
//! The app shows "new questions" and redraws the daily set when a bank's
//! version goes up, and lists each bank's question count and date from
//! `index.json`. A coordinator should not have to know any of that: the
//! version goes up by one when the questions changed since the published
//! copy, the date becomes today's (in China), and the list's entry follows
//! the bank, as `quizbank manifest` does on the command line.

use crate::export::manifest_json;
use quiz_core::manifest::{check_manifest, BankEntry, Manifest};
use quiz_core::Bank;

/// The files to publish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publication {
    /// The bank with its version and date brought up to date.
    pub bank: Bank,
    /// The bank list with the bank's entry updated (or added).
    pub manifest: Manifest,
    /// `index.json` as a file, checked by the app's own manifest check.
    pub manifest_json: String,
    /// What changed in the list, one line each, in Chinese and English.
    pub changes: Vec<(String, String)>,
}

/// Prepares `bank` for publishing in `manifest` (the published
/// `index.json`, or `None` for a new list). `published` is the bank file
/// as published now, when there is one, to tell whether its questions
/// changed; `today` is `YYYY-MM-DD` in China.
///
/// The version is one more than the published one (the list's entry or
/// the bank's own, whichever is higher) when the questions differ from
/// the published bank's, or when there is nothing to compare with;
/// otherwise it stays. The date becomes `today` whenever anything but the
/// version and date changed. Refuses, with the problems in both languages,
/// when the list it would write does not pass the app's manifest check.
pub fn publish(
    bank: &Bank,
    manifest: Option<&Manifest>,
    published: Option<&Bank>,
    today: &str,
) -> Result<Publication, Vec<(String, String)>> {
    let mut manifest = manifest.cloned().unwrap_or_else(|| Manifest {
        schema: Some("./manifest.schema.json".into()),
        banks: Vec::new(),
    });
    let entry_version = manifest.bank(&bank.id).map(|entry| entry.version);
    let base = entry_version
        .into_iter()
        .chain(published.map(|p| p.version))
        .max();
    let questions_changed = published.is_none_or(|p| p.questions != bank.questions);
    let anything_changed = published.is_none_or(|p| {
        let mut same_dates = p.clone();
        same_dates.version = bank.version;
        same_dates.updated.clone_from(&bank.updated);
        same_dates != *bank
    });
    let mut bank = bank.clone();
    match (base, questions_changed) {
        (Some(base), true) => bank.version = base + 1,
        (Some(base), false) => bank.version = base,
        // A new bank starts at its own version (1 when imported).
        (None, _) => {}
    }
    if anything_changed {
        bank.updated = today.to_string();
    } else if let Some(published) = published {
        bank.updated.clone_from(&published.updated);
    }
    let count = u32::try_from(bank.questions.len()).unwrap_or(u32::MAX);
    let mut changes = Vec::new();
    match manifest.banks.iter_mut().find(|entry| entry.id == bank.id) {
        Some(entry) => {
            if entry.count != count {
                changes.push((
                    format!("题目数 {} → {count}", entry.count),
                    format!("count {} → {count}", entry.count),
                ));
                entry.count = count;
            }
            if entry.version != bank.version {
                changes.push((
                    format!("版本 {} → {}", entry.version, bank.version),
                    format!("version {} → {}", entry.version, bank.version),
                ));
                entry.version = bank.version;
            }
            entry.fingerprint = Some(bank.questions_fingerprint());
            if entry.updated != bank.updated {
                changes.push((
                    format!("更新日期 {} → {}", entry.updated, bank.updated),
                    format!("updated {} → {}", entry.updated, bank.updated),
                ));
                entry.updated.clone_from(&bank.updated);
            }
        }
        None => {
            changes.push((
                format!("新增题库 {}（{}.json）", bank.id, bank.id),
                format!("new bank {} ({}.json)", bank.id, bank.id),
            ));
            manifest.banks.push(BankEntry {
                id: bank.id.clone(),
                file: format!("{}.json", bank.id),
                title: bank.title.clone(),
                description: bank.description.clone(),
                version: bank.version,
                updated: bank.updated.clone(),
                count,
                fingerprint: Some(bank.questions_fingerprint()),
                span: Default::default(),
            });
        }
    }
    let text = manifest_json(&manifest);
    let checked = check_manifest("index.json", text.as_bytes());
    let problems: Vec<(String, String)> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == quiz_core::Severity::Error)
        .map(|d| {
            (
                format!("要下载的 index.json 有问题：{}", d.message.zh),
                format!("The index.json to download has a problem: {}", d.message.en),
            )
        })
        .collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Publication {
        bank,
        manifest,
        manifest_json: text,
        changes,
    })
}
