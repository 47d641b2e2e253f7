//! 备份与恢复: exporting progress, importing a backup with a preview, and the copies kept aside.

use super::QuarantineList;
use crate::hooks::{ProgressContext, ProgressEvent};
use crate::i18n::{strings, Strings};
use crate::platform::files::{chosen_file, copy_selected, offer_download, read_text};
use crate::platform::Platform;
use crate::progress_store::StoreStatus;
use crate::route::{Page, Route};
use quiz_core::progress::{
    date_of_day, export_backup, preview_merge, read_backup, BackupError, MergePreview, Progress,
    MAX_BACKUP_BYTES,
};
use quiz_core::Lang;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props of [`BackupPage`].
#[derive(Properties, PartialEq)]
pub struct BackupPageProps {
    /// The clock, for the export time and the file name, and the storage
    /// where unreadable progress was kept aside, to offer it.
    pub platform: Platform,
    /// The current language.
    pub lang: Lang,
}

/// Where the import stands.
#[derive(Clone, PartialEq)]
enum Import {
    /// Nothing checked yet.
    Idle,
    /// The text was refused, and why.
    Refused(BackupError),
    /// The chosen file could not be read at all.
    FileUnreadable,
    /// A valid backup and what merging it would change.
    Checked(Rc<Progress>, MergePreview),
    /// Merged.
    Done,
}

/// What the export buttons last did.
#[derive(Clone, Copy, PartialEq)]
enum Export {
    Idle,
    Shown,
    FileFailed,
    Copied,
    CopyManual,
}

/// 备份与恢复: export all progress as a file or as text to copy (WeChat's
/// browser cannot save files), and import a backup: checked first, with a
/// preview of what it adds and what the history's bounds would cut, then
/// merged. Also offers the unreadable progress kept aside.
#[function_component(BackupPage)]
pub fn backup_page(props: &BackupPageProps) -> Html {
    let text = strings(props.lang);
    let context = use_context::<ProgressContext>();
    let export = use_state(|| Export::Idle);
    let import = use_state(|| Import::Idle);
    let pasted = use_state(String::new);
    let area = use_node_ref();
    // The text shown for copying, fixed when shown so re-rendering (after
    // a copy, say) neither rewrites it nor drops the member's selection.
    let shown_text = use_state(|| None::<Rc<str>>);
    let Some(context) = context else {
        return html! {};
    };
    // The backup is serialised only when asked for: it can run to hundreds
    // of kilobytes, and this page re-renders on every keystroke of a paste.
    let backup_text = {
        let (progress, clock) = (context.progress.clone(), props.platform.clock.clone());
        move || export_backup(&progress, clock.now_ms())
    };
    let file_name = format!(
        "lxyz-quiz-backup-{}.json",
        date_of_day(props.platform.clock.local_day())
    );

    let on_save = {
        let (export, shown_text, backup_text) =
            (export.clone(), shown_text.clone(), backup_text.clone());
        Callback::from(move |_: MouseEvent| {
            let text = backup_text();
            if offer_download(&file_name, &text).is_err() {
                shown_text.set(Some(text.into()));
                export.set(Export::FileFailed);
            }
        })
    };
    let on_show = {
        let (export, shown_text) = (export.clone(), shown_text.clone());
        Callback::from(move |_: MouseEvent| {
            shown_text.set(Some(backup_text().into()));
            export.set(Export::Shown);
        })
    };
    let on_copy = {
        let (export, area) = (export.clone(), area.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                export.set(if copy_selected(&area) {
                    Export::Copied
                } else {
                    Export::CopyManual
                });
            }
        })
    };
    let check = {
        let (import, current, clock) = (
            import.clone(),
            context.progress.clone(),
            props.platform.clock.clone(),
        );
        move |candidate: &str| {
            import.set(match read_backup(candidate, clock.now_ms()) {
                Ok(incoming) => {
                    let preview = preview_merge(&current, &incoming);
                    Import::Checked(Rc::new(incoming), preview)
                }
                Err(error) => Import::Refused(error),
            })
        }
    };
    let on_input = {
        let (pasted, import) = (pasted.clone(), import.clone());
        Callback::from(move |event: InputEvent| {
            if let Some(area) = event.target_dyn_into::<HtmlTextAreaElement>() {
                pasted.set(area.value());
                import.set(Import::Idle);
            }
        })
    };
    let on_check = {
        let (pasted, check) = (pasted.clone(), check.clone());
        Callback::from(move |_: MouseEvent| check(&pasted))
    };
    let on_pick = {
        let (pasted, check, import) = (pasted.clone(), check.clone(), import.clone());
        Callback::from(move |event: Event| {
            let Some(file) = chosen_file(&event) else {
                return;
            };
            // The size is known before reading: a wrong, huge file is
            // refused without loading it into the page.
            if file.size() > MAX_BACKUP_BYTES as f64 {
                pasted.set(String::new());
                import.set(Import::Refused(BackupError::TooLarge));
                return;
            }
            let (pasted, check, import) = (pasted.clone(), check.clone(), import.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match read_text(file).await {
                    Some(content) => {
                        check(&content);
                        pasted.set(content);
                    }
                    None => import.set(Import::FileUnreadable),
                }
            });
        })
    };
    let on_merge = {
        let (import, on_event) = (import.clone(), context.on_event.clone());
        Callback::from(move |_: MouseEvent| {
            if let Import::Checked(incoming, _) = &*import {
                on_event.emit(ProgressEvent::Import(incoming.clone()));
                import.set(Import::Done);
            }
        })
    };
    let read_only = matches!(context.status, StoreStatus::ReadOnly { .. });

    html! {
        <article class="backup-page">
            <a class="back-link" href={Route::Progress.href_from(Page::Records)}><span class="back-link__mark" aria-hidden="true">{ "← " }</span>{ text.nav_progress }</a>
            <h2>{ text.nav_backup }</h2>
            <p>{ text.backup_intro }</p>
            <p class="backup-keep-note">{ text.backup_keep_note }</p>
            <section class="backup-export" aria-labelledby="export-heading">
                <h3 id="export-heading">{ text.export_heading }</h3>
                <p class="backup-export__buttons">
                    <button type="button" class="button export-file" onclick={on_save}>{ text.export_file }</button>
                    <button type="button" class="button button--secondary export-text" onclick={on_show}>{ text.export_text }</button>
                </p>
                if *export == Export::FileFailed {
                    <p class="notice" role="status">{ text.export_file_failed }</p>
                }
                if let Some(shown) = (*shown_text).clone() {
                    <textarea class="backup-export__text" readonly=true rows="6" ref={area}
                        aria-label={text.export_heading} value={shown.to_string()} />
                    <p>
                        <button type="button" class="button button--secondary copy-backup" onclick={on_copy}>{ text.copy_text }</button>
                    </p>
                    if *export == Export::Copied {
                        <p class="notice" role="status">{ text.copied }</p>
                    }
                    if *export == Export::CopyManual {
                        <p class="notice" role="status">{ text.copy_manual }</p>
                    }
                }
            </section>
            <section class="backup-import" aria-labelledby="import-heading">
                <h3 id="import-heading">{ text.import_heading }</h3>
                <p>{ text.import_intro }</p>
                if read_only {
                    <p class="notice" role="status">{ text.import_read_only }</p>
                } else {
                    <label class="file-pick backup-import__file">
                        <span class="button button--secondary">{ text.import_pick }</span>
                        <input class="file-pick__input" type="file" accept=".json,application/json,text/plain" onchange={on_pick} />
                    </label>
                    <label class="backup-import__paste">{ text.import_paste }
                        <textarea rows="4" value={(*pasted).clone()} oninput={on_input} />
                    </label>
                    <p><button type="button" class="button button--secondary import-check" onclick={on_check}>{ text.import_check }</button></p>
                    { import_outcome(&import, text, on_merge) }
                }
            </section>
            <QuarantineList platform={props.platform.clone()} lang={props.lang} />
        </article>
    }
}

/// The check's verdict: why a text was refused, or what merging adds.
fn import_outcome(import: &Import, text: &Strings, on_merge: Callback<MouseEvent>) -> Html {
    match import {
        Import::Idle => html! {},
        Import::Done => {
            html! { <p class="notice import-done" role="status">{ text.import_done }</p> }
        }
        Import::Refused(error) => html! {
            <p class="error-text import-refused" role="alert">{ refusal(error, text) }</p>
        },
        Import::FileUnreadable => html! {
            <p class="error-text import-refused" role="alert">{ text.backup_unreadable_file }</p>
        },
        Import::Checked(_, preview) if !preview.changes_anything() => html! {
            <p class="notice import-preview" role="status">{ text.preview_nothing }</p>
        },
        Import::Checked(_, preview) => {
            let lines: [(usize, PreviewLine); 6] = [
                (preview.new_attempts, Strings::preview_new_attempts),
                (preview.new_questions, Strings::preview_new_questions),
                (preview.newer_questions, Strings::preview_newer_questions),
                (preview.new_days, Strings::preview_new_days),
                (preview.pruned, Strings::preview_pruned),
                (preview.details_dropped, Strings::preview_details_dropped),
            ];
            html! {
                <div class="import-preview" role="status">
                    <p>{ text.import_preview }</p>
                    <ul>
                        { for lines.iter().filter(|(n, _)| *n > 0).map(|(n, line)| html! {
                            <li>{ line(text, *n) }</li>
                        }) }
                    </ul>
                    <button type="button" class="button import-merge" onclick={on_merge}>{ text.import_merge }</button>
                </div>
            }
        }
    }
}

/// One line of the import preview, a message about a count.
type PreviewLine = fn(&Strings, usize) -> String;

fn refusal(error: &BackupError, text: &Strings) -> String {
    match error {
        BackupError::Empty => text.backup_empty.to_string(),
        BackupError::TooLarge => text.backup_too_large.to_string(),
        BackupError::NotJson => text.backup_not_json.to_string(),
        BackupError::NotBackup => text.backup_not_backup.to_string(),
        BackupError::Newer { .. } => text.backup_newer.to_string(),
        BackupError::Damaged { reason } => format!("{} {reason}", text.backup_damaged),
        BackupError::TooManyAttempts { count } => text.backup_too_many(*count),
    }
}
