//! Opening a file or a published bank in the browser, and what is needed
//! to publish it again.
//!
//! The steps that touch the browser (reading a picked file, fetching the
//! bank list and a published bank) are here; deciding what a file holds
//! and what is wrong with it is `bank_tools::open`, the same code as the
//! CLI's. A file is refused by its size before it is read, and the check
//! runs in steps that give the browser its main thread back, so a large
//! or hostile file never freezes the page.

use bank_tools::export::Style;
use bank_tools::open::{self, Kind, Opened, Problem, Request};
use bank_tools::publish::{publish, Publication};
use quiz_app::load::{BANKS_DIR, MANIFEST_URL};
use quiz_app::platform::pacing::{next_task, Pacer};
use quiz_app::platform::Fetcher;
use quiz_core::diagnostic::Message;
use quiz_core::manifest::{parse_manifest, Manifest};
use quiz_core::{check_bank, Bank};
use std::rc::Rc;
use wasm_bindgen_futures::JsFuture;

/// The most bytes of a spreadsheet or text export the page reads: a bank
/// of 20,000 questions (the most a bank may hold) is well under this as a
/// workbook or CSV, and a browser tab should not hold several copies of a
/// mistaken 60 MB file while it is refused.
pub const MAX_IMPORT_BYTES: f64 = 24.0 * 1024.0 * 1024.0;

/// The most bytes of a bank JSON file: what the app itself accepts.
pub const MAX_JSON_BYTES: f64 = quiz_core::bank::MAX_BANK_BYTES as f64;

/// A file or published bank as opened, with what publishing it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// The bank (when it has no errors) and every problem.
    pub opened: Opened,
    /// The bank as published now, when the bank list has one with the
    /// same id, to tell whether its questions changed.
    pub published: Option<Rc<Bank>>,
    /// How the bank file is written: the opened file's style for a bank
    /// JSON, the published file's for an import of a published bank, so a
    /// diff of the published file shows only what changed.
    pub style: Style,
}

impl Loaded {
    /// A file refused before it was opened, with one message.
    pub fn refused(file: &str, message: Message) -> Loaded {
        Loaded {
            opened: Opened {
                file: file.to_string(),
                kind: None,
                bank: None,
                draft: None,
                origins: Vec::new(),
                style: Default::default(),
                problems: vec![Problem::whole_file(message)],
            },
            published: None,
            style: Style::default(),
        }
    }

    /// A draft restored from the browser's storage: no published bank or
    /// file style is known, so the bank is written in the default style.
    pub fn restored(file: &str) -> Loaded {
        Loaded {
            opened: Opened {
                file: file.to_string(),
                kind: None,
                bank: None,
                draft: None,
                origins: Vec::new(),
                style: Style::default(),
                problems: Vec::new(),
            },
            published: None,
            style: Style::default(),
        }
    }

    /// The same opened file with its bank as edited, for the files to
    /// publish.
    pub fn with_bank(&self, bank: Bank) -> Loaded {
        Loaded {
            opened: Opened {
                file: self.opened.file.clone(),
                kind: self.opened.kind,
                bank: Some(bank),
                draft: None,
                origins: Vec::new(),
                style: self.opened.style.clone(),
                problems: Vec::new(),
            },
            published: self.published.clone(),
            style: self.style.clone(),
        }
    }

    /// The files to publish, when the bank has no errors: the bank with
    /// its version and date brought up to date, and the bank list with its
    /// entry updated. `Err` carries why no index.json can be made (the
    /// bank list is unknown, or the one it would write is refused); the
    /// bank alone can still be downloaded then.
    pub fn publication(
        &self,
        manifest: Option<&Manifest>,
        today: &str,
    ) -> Option<Result<Publication, Vec<Message>>> {
        let bank = self.opened.bank.as_ref()?;
        Some(match manifest {
            Some(manifest) => publish(bank, Some(manifest), self.published.as_deref(), today)
                .map_err(|problems| {
                    problems
                        .into_iter()
                        .map(|(zh, en)| Message::new(zh, en))
                        .collect()
                }),
            None => Err(Vec::new()),
        })
    }
}

/// Why a file is refused by its size, before it is read.
pub fn too_large(file: &str, size: f64) -> Option<Message> {
    let limit = if file.to_ascii_lowercase().ends_with(".json") {
        MAX_JSON_BYTES
    } else {
        MAX_IMPORT_BYTES
    };
    if size <= limit {
        return None;
    }
    let mb = |bytes: f64| (bytes / 1_048_576.0).round() as u64;
    Some(Message::new(
        format!(
            "“{file}”太大（{} MB），本页最多打开 {} MB 的文件：一个题库用不了这么多。请确认选对了文件，或把题目分成几个文件。",
            mb(size),
            mb(limit)
        ),
        format!(
            "\"{file}\" is too large ({} MB); this page opens files of up to {} MB, far more than a bank needs. Check that it is the right file, or split the questions into several files.",
            mb(size),
            mb(limit)
        ),
    ))
}

/// Reads a picked or dropped file, refusing it by size first.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, Message> {
    let name = file.name();
    if let Some(message) = too_large(&name, file.size()) {
        return Err(message);
    }
    match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
        Err(_) => Err(Message::new(
            format!("浏览器读取不了“{name}”：文件可能已被移动或删除，或者没有读取权限。请重新选择。"),
            format!("The browser cannot read \"{name}\": it may have been moved or deleted, or is not readable. Choose it again."),
        )),
    }
}

/// Opens the bytes of a file: imports or reads it, checks it in steps
/// that yield to the browser, and looks up the published bank of the
/// same id, to update it (a spreadsheet keeps the published title, paper
/// and tag names) and to tell what changed when publishing. `expected_id`
/// is the id the bank list gives a published bank opened from it.
pub async fn open_bytes(
    fetcher: Rc<dyn Fetcher>,
    manifest: Option<Rc<Manifest>>,
    file: &str,
    bytes: &[u8],
    expected_id: Option<&str>,
    today: &str,
) -> Loaded {
    // Let the page paint "reading…" before the first long step.
    next_task().await;
    let bank_id = open::suggested_id(file);
    let kind = Kind::of(file, bytes);
    let listed = |id: &str| manifest.as_ref().and_then(|list| list.bank(id).cloned());
    // A spreadsheet named after a published bank updates it.
    let mut published = match (kind, listed(&bank_id)) {
        (Some(Kind::Import(_)), Some(entry)) => fetch_bank(&*fetcher, &entry.file).await,
        _ => None,
    };
    let mut pacer = Pacer::start();
    let mut pause = move || pacer.pause();
    let opened = open::open(
        Request {
            file,
            bank_id: &bank_id,
            today,
            expected_id,
            published: published.as_ref().map(|(bank, _)| bank),
        },
        bytes,
        &mut pause,
    )
    .await;
    if kind == Some(Kind::Bank) {
        let entry = opened.bank.as_ref().and_then(|bank| listed(&bank.id));
        published = match entry {
            // The published bank itself: what was opened is what is published.
            Some(entry) if expected_id == Some(entry.id.as_str()) => {
                opened.bank.clone().map(|bank| (bank, opened.style.clone()))
            }
            Some(entry) => fetch_bank(&*fetcher, &entry.file).await,
            None => None,
        };
    }
    // A bank file keeps its own style; an import takes the published one's.
    let style = match (kind, &published) {
        (Some(Kind::Import(_)), Some((_, style))) => style.clone(),
        _ => opened.style.clone(),
    };
    Loaded {
        opened,
        published: published.map(|(bank, _)| Rc::new(bank)),
        style,
    }
}

/// Fetches and checks a published bank file, with the style it is written
/// in; `None` when it cannot be had.
async fn fetch_bank(fetcher: &dyn Fetcher, file: &str) -> Option<(Bank, Style)> {
    let url = format!("{BANKS_DIR}{file}");
    let bytes = fetcher.fetch(&url).await.ok()?;
    let bank = check_bank(file, &bytes).value?;
    Some((bank, Style::of(&String::from_utf8_lossy(&bytes))))
}

/// Fetches the published bank list beside the page.
pub async fn fetch_manifest(fetcher: &dyn Fetcher) -> Option<Manifest> {
    let bytes = fetcher.fetch(MANIFEST_URL).await.ok()?;
    parse_manifest(MANIFEST_URL, &bytes).ok()
}

/// Fetches a published bank by its list entry and opens it as the bank
/// of that id.
pub async fn open_published(
    fetcher: Rc<dyn Fetcher>,
    manifest: Rc<Manifest>,
    id: &str,
    today: &str,
) -> Loaded {
    let Some(entry) = manifest.bank(id).cloned() else {
        return Loaded::refused(
            id,
            Message::new(
                format!("题库清单里没有“{id}”。"),
                format!("The bank list has no \"{id}\"."),
            ),
        );
    };
    let url = format!("{BANKS_DIR}{}", entry.file);
    match fetcher.fetch(&url).await {
        Ok(bytes) => open_bytes(fetcher, Some(manifest), &entry.file, &bytes, Some(id), today).await,
        Err(error) => Loaded::refused(
            &entry.file,
            Message::new(
                format!("无法下载已发布的题库 {url}（{error:?}）：请检查网络后重试。"),
                format!("Cannot download the published bank {url} ({error:?}): check the network and try again."),
            ),
        ),
    }
}

/// Today's date in China, for a bank's `updated`.
pub fn today(clock: &dyn quiz_app::platform::Clock) -> String {
    bank_tools::date::china_date(i64::try_from(clock.now_ms()).unwrap_or(i64::MAX))
}
