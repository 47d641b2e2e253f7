//! The root component.

use crate::components::{
    AppHeader, BackupPage, BankList, BankPage, ErrorPanel, LoadingNotice, NotFoundPage,
    PreviewMoved, ProgressPage, StudyPage, TextSizeSwitch,
};
use crate::hooks::{use_language, use_manifest, use_progress, use_route, ProgressContext};
use crate::hooks::{use_link_language, use_text_size, use_update_notice};
use crate::i18n::strings;
use crate::load::{LoadState, PreloadedBank};
use crate::platform::Platform;
use crate::progress_store::StoreStatus;
use crate::route::Route;
use quiz_core::Manifest;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Shell`].
#[derive(Properties, PartialEq)]
pub struct ShellProps {
    /// The I/O services; tests pass in-memory or faulty ones.
    pub platform: Platform,
    /// The bank list when it was loaded before the first render (see
    /// [`crate::startup`]); `None` loads it on mount.
    #[prop_or_default]
    pub preloaded_manifest: Option<LoadState<Rc<Manifest>>>,
    /// The bank the opening link named, loaded with the list; the bank and
    /// study pages use it when it is their entry's file.
    #[prop_or_default]
    pub preloaded_bank: Option<PreloadedBank>,
}

/// The whole app over any platform: header, then the loading state, the
/// error panel or the bank list.
#[function_component(Shell)]
pub fn shell(props: &ShellProps) -> Html {
    let (lang, on_switch_language) = use_language(props.platform.storage.clone());
    let (text_size, on_choose_text_size) = use_text_size(props.platform.storage.clone());
    let (manifest, on_retry) = use_manifest(
        props.platform.fetcher.clone(),
        props.preloaded_manifest.clone(),
    );
    let progress = use_progress(props.platform.storage.clone(), props.platform.clock.clone());
    let route = use_route();
    use_link_language(on_switch_language.clone());
    let new_questions = use_update_notice();
    let text = strings(lang);
    let body = match (route, manifest) {
        // An old link to the preview, which moved to the workbench.
        (Route::Preview, _) => html! { <PreviewMoved {lang} /> },
        // Backups work from saved progress alone, even when the manifest fails.
        (Route::Backup, _) => {
            html! {
                <BackupPage platform={props.platform.clone()} {lang} />
            }
        }
        (_, LoadState::Loading) => html! { <LoadingNotice {lang} /> },
        (_, LoadState::Failed(error)) => html! { <ErrorPanel {error} {lang} {on_retry} /> },
        (Route::Home, LoadState::Ready(manifest)) => html! {
            <BankList {manifest} {lang} progress={Some(progress.progress.clone())}
                today={props.platform.clock.local_day()} />
        },
        (Route::Bank { id }, LoadState::Ready(manifest)) => match manifest.bank(&id) {
            Some(entry) => html! {
                <BankPage key={id.clone()} entry={entry.clone()} platform={props.platform.clone()}
                    preloaded={props.preloaded_bank.clone()} {lang} />
            },
            None => html! { <NotFoundPage asked={id} reason={Some(text.unknown_bank)} {lang} /> },
        },
        (
            Route::Study {
                id,
                activity,
                options,
                ignored,
            },
            LoadState::Ready(manifest),
        ) => match manifest.bank(&id) {
            Some(entry) => {
                // A new key restarts the page when the link changes.
                let key = Route::study(&id, activity, options.clone()).to_hash();
                html! {
                    <StudyPage {key} entry={entry.clone()} {activity} {options} {ignored}
                        platform={props.platform.clone()} preloaded={props.preloaded_bank.clone()} {lang} />
                }
            }
            None => html! { <NotFoundPage asked={id} reason={Some(text.unknown_bank)} {lang} /> },
        },
        (Route::Progress, LoadState::Ready(manifest)) => html! {
            <ProgressPage {manifest} platform={props.platform.clone()} {lang} />
        },
        (Route::NotFound(asked), LoadState::Ready(_)) => html! { <NotFoundPage {asked} {lang} /> },
    };
    let banner = match &progress.status {
        StoreStatus::Saving => None,
        StoreStatus::Unavailable => Some(text.storage_unavailable),
        StoreStatus::WriteFailed => Some(text.storage_write_failed),
        StoreStatus::ReadOnly { shown: true, .. } => Some(text.storage_read_only),
        StoreStatus::ReadOnly { shown: false, .. } => Some(text.storage_read_only_hidden),
        StoreStatus::Quarantined { .. } => Some(text.storage_quarantined),
    };
    html! {
        <ContextProvider<ProgressContext> context={progress.clone()}>
            <AppHeader {lang} {on_switch_language}>
                <TextSizeSwitch size={text_size} on_choose={on_choose_text_size} {lang} />
            </AppHeader>
            if let Some(message) = banner {
                <p class="storage-banner" role="status">{ message }</p>
            }
            if new_questions {
                // The service worker cached newly published questions.
                <p class="update-banner" role="status">
                    { text.new_questions }{ " " }
                    <button type="button" class="button update-banner__reload"
                        onclick={Callback::from(|_| reload())}>{ text.reload }</button>
                </p>
            }
            <main class="app-main" id="main">{ body }</main>
            <footer class="app-footer">
                <p>{ text.device_note }</p>
                // A list of links, each a full-size tap target.
                <ul class="app-footer__links">
                    <li><a href={Route::Backup.to_hash()}>{ text.nav_backup }</a></li>
                    <li><a class="app-footer__workbench" href="workbench.html">{ text.workbench_link }</a></li>
                    <li><a href="check.html">{ text.check_link }</a></li>
                </ul>
            </footer>
        </ContextProvider<ProgressContext>>
    }
}

/// Reloads the page, for newly published questions.
fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
