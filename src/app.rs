//! The root component, once for each of the module's two pages.

use crate::components::{
    app_header, bank_list, error_panel, loading_notice, not_found_page, preview_moved,
    text_size_switch, AppHeaderProps, BackupPage, BankListProps, BankPage, ErrorPanelProps,
    LoadingNoticeProps, NotFoundPageProps, OtherPageNotice, PreviewMovedProps, ProgressPage,
    StudyPage, TextSizeSwitchProps,
};
use crate::hooks::{use_language, use_manifest, use_progress, use_route, ProgressContext};
use crate::hooks::{use_link_language, use_text_size, use_update_notice};
use crate::i18n::strings;
use crate::load::{LoadState, PreloadedBank};
use crate::platform::Platform;
use crate::progress_store::{Loaded, StoreStatus};
use crate::route::{current_hash, Page, Route};
use quiz_core::{BankEntry, Lang, Manifest};
use std::rc::Rc;
use yew::prelude::*;

/// The routes one page renders. Each page's WebAssembly names its own
/// [`Pages`] when it mounts [`AppShell`]; the compiler then leaves the other
/// page's components out of that binary, which is the point of having two.
pub trait Pages: 'static {
    /// Which page this is.
    const PAGE: Page;

    /// The main area for `route`, one of this page's routes
    /// ([`Route::page`] is `PAGE`).
    fn body(route: Route, scene: &Scene<'_>) -> Html;
}

/// What a page's body is rendered from: the services, the language and
/// the state the shell loaded.
pub struct Scene<'a> {
    /// The I/O services.
    pub platform: &'a Platform,
    /// The current language.
    pub lang: Lang,
    /// The bank list, as far as it loaded.
    pub manifest: &'a LoadState<Rc<Manifest>>,
    /// Loads the bank list again after a failure.
    pub on_retry: &'a Callback<()>,
    /// The member's progress.
    pub progress: &'a ProgressContext,
    /// The bank the opening link named, when it was loaded with the list.
    pub preloaded_bank: &'a Option<PreloadedBank>,
}

impl Scene<'_> {
    /// `page` once the bank list is in, the loading line or the list's
    /// error (with a retry) before.
    pub fn with_manifest(&self, page: impl FnOnce(&Rc<Manifest>) -> Html) -> Html {
        let lang = self.lang;
        match self.manifest {
            LoadState::Loading => loading_notice(&LoadingNoticeProps { lang }),
            LoadState::Failed(error) => {
                let on_retry = self.on_retry.clone();
                error_panel(&ErrorPanelProps {
                    error: error.clone(),
                    lang,
                    on_retry,
                })
            }
            LoadState::Ready(manifest) => page(manifest),
        }
    }

    /// `page` for the bank `id` once the bank list is in, or the page
    /// saying there is no such bank.
    pub fn with_bank(&self, id: String, page: impl FnOnce(&BankEntry) -> Html) -> Html {
        let lang = self.lang;
        self.with_manifest(|manifest| match manifest.bank(&id) {
            Some(entry) => page(entry),
            None => not_found_page(&NotFoundPageProps {
                asked: id,
                reason: Some(strings(lang).unknown_bank),
                lang,
            }),
        })
    }
}

/// `index.html`: the bank list, banks, quizzes and study.
pub struct MainPages;

impl Pages for MainPages {
    const PAGE: Page = Page::Main;

    fn body(route: Route, scene: &Scene<'_>) -> Html {
        let lang = scene.lang;
        let platform = scene.platform.clone();
        match route {
            // An old link to the preview, which moved to the workbench.
            Route::Preview => preview_moved(&PreviewMovedProps { lang }),
            Route::Home => scene.with_manifest(|manifest| {
                bank_list(&BankListProps {
                    manifest: manifest.clone(),
                    lang,
                    progress: Some(scene.progress.progress.clone()),
                    today: platform.clock.local_day(),
                })
            }),
            Route::Bank { id } => scene.with_bank(id.clone(), |entry| {
                html! {
                    <BankPage key={id} entry={entry.clone()} {platform}
                        preloaded={scene.preloaded_bank.clone()} {lang} />
                }
            }),
            Route::Study {
                id,
                activity,
                options,
                ignored,
            } => scene.with_bank(id.clone(), |entry| {
                // A new key restarts the page when the link changes.
                let key = Route::study(&id, activity, options.clone()).to_hash();
                html! {
                    <StudyPage {key} entry={entry.clone()} {activity} {options} {ignored}
                        {platform} preloaded={scene.preloaded_bank.clone()} {lang} />
                }
            }),
            Route::NotFound(asked) => scene.with_manifest(|_| {
                not_found_page(&NotFoundPageProps {
                    asked,
                    reason: None,
                    lang,
                })
            }),
            // The records page's routes never reach here (see `AppShell`).
            Route::Progress | Route::Backup => html! {},
        }
    }
}

/// `records.html`: 我的学习 and 备份.
pub struct RecordsPages;

impl Pages for RecordsPages {
    const PAGE: Page = Page::Records;

    fn body(route: Route, scene: &Scene<'_>) -> Html {
        let lang = scene.lang;
        let platform = scene.platform.clone();
        match route {
            // Backups work from saved progress alone, even when the bank
            // list fails.
            Route::Backup => html! { <BackupPage {platform} {lang} /> },
            Route::Progress => scene.with_manifest(|manifest| {
                html! { <ProgressPage manifest={manifest.clone()} {platform} {lang} /> }
            }),
            // The main page's routes never reach here (see `AppShell`).
            _ => html! {},
        }
    }
}

/// The app of `index.html`.
pub type Shell = AppShell<MainPages>;

/// The app of `records.html`.
pub type RecordsShell = AppShell<RecordsPages>;

/// Props of [`AppShell`].
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
    /// The member's progress when the start-up code read it while the
    /// files downloaded; `None` reads it on mount.
    #[prop_or_default]
    pub preloaded_progress: Option<Rc<Loaded>>,
}

/// A whole page of the app over any platform: header, banners, the
/// route's body and the footer. A route that belongs to the other page
/// (an old bookmark, a host's `configure`, a link typed by hand) is opened
/// there, hash and all.
#[function_component(AppShell)]
pub fn app_shell<P: Pages>(props: &ShellProps) -> Html {
    let (lang, on_switch_language) = use_language(props.platform.storage.clone());
    let (text_size, on_choose_text_size) = use_text_size(props.platform.storage.clone());
    let (manifest, on_retry) = use_manifest(
        props.platform.fetcher.clone(),
        props.preloaded_manifest.clone(),
    );
    let progress = use_progress(
        props.platform.storage.clone(),
        props.platform.clock.clone(),
        props.preloaded_progress.clone(),
    );
    let route = use_route();
    use_link_language(on_switch_language.clone());
    let new_questions = use_update_notice();
    let text = strings(lang);
    let body = if route.page() == P::PAGE {
        let scene = Scene {
            platform: &props.platform,
            lang,
            manifest: &manifest,
            on_retry: &on_retry,
            progress: &progress,
            preloaded_bank: &props.preloaded_bank,
        };
        P::body(route, &scene)
    } else {
        let href = route.page().link(&current_hash());
        html! { <OtherPageNotice {href} platform={props.platform.clone()} {lang} /> }
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
            { app_header(&AppHeaderProps {
                lang,
                on_switch_language,
                children: text_size_switch(&TextSizeSwitchProps { size: text_size, on_choose: on_choose_text_size, lang }),
            }) }
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
                    <li><a href={Route::Backup.href_from(P::PAGE)}>{ text.nav_backup }</a></li>
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
