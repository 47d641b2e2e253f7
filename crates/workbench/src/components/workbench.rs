//! The workbench page: opening a file or a published bank, the kept draft,
//! the editor with its live check, trying the bank and downloading it.

use super::{
    BankSummary, DownloadPanel, EditorView, FileOpener, ManifestState, PageHeader, ProblemList,
    PublishedBanks, TryIt,
};
use crate::editor::{Action, Desk, DeskAction, Session};
use crate::hooks::{forget_draft, kept_draft, use_kept_draft, use_live_check, Kept};
use crate::i18n::strings;
use crate::opening::{self, Loaded};
use bank_tools::open::Problem;
use quiz_app::components::PaperLinkMaker;
use quiz_app::hooks::use_language;
use quiz_app::platform::Platform;
use quiz_core::diagnostic::Message;
use quiz_core::{Bank, Severity};
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

quiz_app::messages! {
    /// The page's words about the kept draft and the bank being edited (the rest are in [`crate::i18n::Strings`]).
    struct Texts {
        /// Before the file name of the draft kept from last time.
        draft_kept: "上次的草稿还在：", "Your last draft is still here: ";
        /// The button that opens the kept draft.
        continue_draft: "继续上次的草稿", "Continue the last draft";
        /// The button that forgets the kept draft.
        discard: "放弃", "Discard";
        /// The button that closes the bank being edited.
        close_bank: "关闭当前题库", "Close this bank";
        /// While the live check runs on the latest change.
        checking: "正在检查……", "Checking…";
        /// Said while the edited bank has errors.
        fix_here:
            "题库有错误，改正后才能下载：点问题旁的“打开”在本页改正。",
            "The bank has errors and cannot be downloaded until they are fixed: click Open beside a problem to fix it here.";
        /// When the browser refuses to keep the draft.
        kept_blocked:
            "这个浏览器不允许本页保存草稿（可能是隐私模式，或本页被嵌在别的网站里）：编辑和下载照常，但关闭页面前请先下载。",
            "This browser does not let the page keep your draft (private mode, or the page is embedded in another site): editing and downloading work as usual, but download before you close the page.";
        /// In place of the shared-paper link maker while the bank differs
        /// from the published one (a paper code fits only the bank as
        /// members have it).
        paper_links_published_only:
            "共享试卷链接只为已发布的题库生成：发布这份题库后，在“打开已发布的题库”里打开它，再生成链接。",
            "Shared-paper links are made for the published bank: publish this bank, then open it under Open a published bank to make them.";
        /// When the browser's storage is too full to keep the draft.
        kept_full:
            "浏览器的存储已满，草稿没有保存：编辑和下载照常，但关闭页面前请先下载。",
            "The browser's storage is full, so the draft was not kept: editing and downloading work as usual, but download before you close the page.";
    }
    impl {
        /// How many questions the kept draft has.
        fn draft_size(count: usize): "（{count} 道题）", "（{count} questions）";
    }
}

/// Props of [`Workbench`].
#[derive(Properties, PartialEq)]
pub struct WorkbenchProps {
    /// Storage (the language preference and the draft), fetching (the
    /// published banks) and the clock (today's date): fakes in tests.
    pub platform: Platform,
}

/// What the page shows of the last file opened, when it was not put in
/// the editor (it could not be read, or would replace other work).
#[derive(Clone, PartialEq)]
enum Status {
    /// Nothing to say.
    Idle,
    /// A file is being read and checked.
    Busy(String),
    /// A file that did not open in the editor, with why.
    Refused(Rc<Loaded>),
}

/// The message for a file that would replace an edited draft of another
/// bank: the draft is kept, the coordinator decides.
fn other_bank(file: &str, id: &str, open: &str) -> Problem {
    Problem::whole_file(Message::new(
            format!("“{file}”是题库“{id}”，不是正在编辑的题库“{open}”：没有打开它，当前草稿没有改动。要换一个题库，请先下载当前题库，再点“关闭当前题库”。"),
            format!("\"{file}\" is bank \"{id}\", not \"{open}\", the bank being edited: it was not opened and the draft is unchanged. To switch banks, download the current one, then click \"Close this bank\"."),
    ))
}

/// The message for a file opened over an edited draft of the same bank.
fn unsaved_edits(file: &str, open: &str) -> Problem {
    Problem::whole_file(Message::new(
            format!("没有打开“{file}”：题库“{open}”正在编辑，有修改，当前草稿没有改动。要改用这个文件，请先下载当前题库（以免丢失修改），再点“关闭当前题库”后重新打开。"),
            format!("\"{file}\" was not opened: bank \"{open}\" is being edited and has changes, and the draft is unchanged. To use this file instead, download the current bank (so no change is lost), click \"Close this bank\", then open it again."),
    ))
}

/// The workbench page: open a file or a published bank, see every
/// problem, fix it in forms, download the files to publish.
#[function_component(Workbench)]
pub fn workbench(props: &WorkbenchProps) -> Html {
    let platform = &props.platform;
    // The app's own language choice: the same stored key, the page's
    // `lang` attribute, and a choice saved only when made.
    let (lang, on_switch_language) = use_language(platform.storage.clone());
    let manifest = use_state(|| ManifestState::Loading);
    let status = use_state(|| Status::Idle);
    let desk = use_reducer(Desk::default);
    let context = use_state(|| None::<Rc<Loaded>>);
    // A try of the bank as members see it hides the editor meanwhile.
    let trying = use_state(|| false);
    // The draft an earlier visit left, offered until a choice is made.
    let offer = {
        let storage = platform.storage.clone();
        use_state(move || kept_draft(&*storage))
    };
    // The session as of the last render, for opens that finish later.
    let current = use_mut_ref(|| None::<Rc<Session>>);
    *current.borrow_mut() = desk.session.clone();
    let live = use_live_check(desk.session.clone());
    let kept = use_kept_draft(platform.storage.clone(), desk.session.clone());
    // Each open gets a number; a slower earlier one never overwrites it.
    let latest = use_mut_ref(|| Cell::new(0u64));
    {
        let manifest = manifest.clone();
        let fetcher = platform.fetcher.clone();
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                manifest.set(match opening::fetch_manifest(&*fetcher).await {
                    Some(list) => ManifestState::Ready(Rc::new(list)),
                    None => ManifestState::Unavailable,
                });
            });
        });
    }
    let today = opening::today(&*platform.clock);
    let ready_manifest = match &*manifest {
        ManifestState::Ready(list) => Some(list.clone()),
        _ => None,
    };
    let begin = {
        let status = status.clone();
        let latest = latest.clone();
        let desk = desk.dispatcher();
        let context = context.clone();
        let current = current.clone();
        let trying = trying.clone();
        move |name: String| {
            let number = latest.borrow().get() + 1;
            latest.borrow().set(number);
            status.set(Status::Busy(name));
            let status = status.clone();
            let latest = latest.clone();
            let desk = desk.clone();
            let context = context.clone();
            let current = current.clone();
            let trying = trying.clone();
            move |mut loaded: Loaded| {
                if latest.borrow().get() != number {
                    return;
                }
                let open: Option<Rc<Session>> = current.borrow().clone();
                let session = Session::open(&loaded.opened);
                match (session, open) {
                    // Any file over an edited draft: keep the draft, say
                    // how to switch (download, then close).
                    (Some(session), Some(open)) if open.edited() => {
                        let problem = if session.draft.id == open.draft.id {
                            unsaved_edits(&loaded.opened.file, &open.draft.id)
                        } else {
                            other_bank(&loaded.opened.file, &session.draft.id, &open.draft.id)
                        };
                        loaded.opened.problems.insert(0, problem);
                        status.set(Status::Refused(Rc::new(loaded)));
                    }
                    (Some(session), _) => {
                        status.set(Status::Idle);
                        trying.set(false);
                        context.set(Some(Rc::new(loaded)));
                        desk.dispatch(DeskAction::Load(Box::new(session)));
                    }
                    // Nothing could be read: say why, the draft untouched.
                    (None, _) => status.set(Status::Refused(Rc::new(loaded))),
                }
            }
        }
    };
    let on_open_file = {
        let begin = begin.clone();
        let fetcher = platform.fetcher.clone();
        let manifest = ready_manifest.clone();
        let today = today.clone();
        Callback::from(move |file: web_sys::File| {
            let name = file.name();
            let finish = begin(name.clone());
            let fetcher = fetcher.clone();
            let manifest = manifest.clone();
            let today = today.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = match opening::read_file(&file).await {
                    Ok(bytes) => {
                        opening::open_bytes(fetcher, manifest, &name, &bytes, None, &today).await
                    }
                    Err(message) => Loaded::refused(&name, message),
                };
                finish(loaded);
            });
        })
    };
    let on_open_published = {
        let fetcher = platform.fetcher.clone();
        let manifest = ready_manifest.clone();
        let today = today.clone();
        Callback::from(move |id: String| {
            let Some(manifest) = manifest.clone() else {
                return;
            };
            let finish = begin(id.clone());
            let fetcher = fetcher.clone();
            let today = today.clone();
            wasm_bindgen_futures::spawn_local(async move {
                finish(opening::open_published(fetcher, manifest, &id, &today).await);
            });
        })
    };
    // Stable across renders, so the editor's parts that take it (the
    // problem list) re-render only when what they show changes.
    let on_action = {
        let desk = desk.dispatcher();
        let set_offer = offer.setter();
        use_callback((), move |action: Action, ()| {
            // The first edit of a newly opened file takes the earlier
            // draft's place in storage: it is no longer offered.
            if matches!(action, Action::Edit(_)) {
                set_offer.set(None);
            }
            desk.dispatch(DeskAction::Session(action))
        })
    };
    let on_close = {
        let desk = desk.dispatcher();
        let storage = platform.storage.clone();
        let context = context.clone();
        let status = status.clone();
        let trying = trying.clone();
        Callback::from(move |_: MouseEvent| {
            forget_draft(&*storage);
            trying.set(false);
            context.set(None);
            status.set(Status::Idle);
            desk.dispatch(DeskAction::Close);
        })
    };
    let text = strings(lang);
    let page = Texts::of(lang);

    let busy = match &*status {
        Status::Busy(name) => html! {
            <p class="wb-status wb-status--busy" role="status">{ text.reading }{ " " }<code>{ name.clone() }</code>{ "……" }</p>
        },
        _ => html! {},
    };
    let refused = match &*status {
        Status::Refused(loaded) => {
            let opened = &loaded.opened;
            html! {
                <section class="wb-report wb-report--refused" aria-live="polite">
                    <h2 class="wb-report__file"><code>{ opened.file.clone() }</code></h2>
                    <p class="wb-status wb-status--bad" role="alert">
                        <span class="wb-status__counts">
                            { opened.error_count() }{ " " }{ text.errors_count }{ " · " }{ opened.warning_count() }{ " " }{ text.warnings_count }
                        </span>
                        { " " }{ text.fix_errors_first }
                    </p>
                    <h3>{ text.problems_heading }</h3>
                    <ProblemList file={AttrValue::from(opened.file.clone())} problems={Rc::new(opened.problems.clone())} {lang} />
                </section>
            }
        }
        _ => html! {},
    };
    // The earlier draft is offered until it is continued or discarded, or
    // until a newly opened file is edited (which keeps it in its place).
    let restore = match (&*offer, desk.session.as_ref().filter(|s| s.edited())) {
        (Some(saved), None) => {
            let on_continue = {
                let offer = offer.clone();
                let trying = trying.clone();
                let desk = desk.dispatcher();
                let context = context.clone();
                let saved = saved.clone();
                Callback::from(move |_: MouseEvent| {
                    trying.set(false);
                    context.set(Some(Rc::new(Loaded::restored(&saved.file))));
                    desk.dispatch(DeskAction::Load(Box::new(Session::restore(saved.clone()))));
                    offer.set(None);
                })
            };
            let on_discard = {
                let offer = offer.clone();
                let storage = platform.storage.clone();
                Callback::from(move |_: MouseEvent| {
                    forget_draft(&*storage);
                    offer.set(None);
                })
            };
            html! {
                <section class="wb-restore" role="alert">
                    <p>
                        { page.draft_kept }<code>{ saved.file.clone() }</code>
                        { page.draft_size(saved.draft.questions.len()) }
                    </p>
                    <button type="button" class="button wb-restore__continue" onclick={on_continue}>{ page.continue_draft }</button>
                    { " " }
                    <button type="button" class="button button--secondary wb-restore__discard" onclick={on_discard}>{ page.discard }</button>
                </section>
            }
        }
        _ => html! {},
    };
    let editing = match (&desk.session, &*context) {
        (Some(session), Some(loaded)) => {
            // Problems and bank: as opened until the first edit, then the
            // live check's of the current revision.
            let current_live = live.as_ref().filter(|l| l.epoch == session.epoch);
            let fresh = current_live.filter(|l| l.revision == session.revision);
            // Whether the lints (warnings only) have run on what is shown.
            let linted = session.revision == 0 || fresh.is_some_and(|l| l.linted);
            let (problems, bank, checking): (Rc<Vec<Problem>>, Option<Rc<Bank>>, bool) = if session
                .revision
                == 0
            {
                (
                    session.opened_problems.clone(),
                    loaded.opened.bank.clone().map(Rc::new),
                    false,
                )
            } else if let Some(live) = fresh {
                (live.problems.clone(), live.bank.clone(), false)
            } else {
                (
                    current_live
                        .map_or_else(|| session.opened_problems.clone(), |l| l.problems.clone()),
                    None,
                    true,
                )
            };
            let errors = problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .count();
            let warnings = problems.len() - errors;
            let publishable = bank.as_ref().filter(|_| errors == 0).map(|bank| {
                if session.revision == 0 {
                    loaded.clone()
                } else {
                    Rc::new(loaded.with_bank((**bank).clone()))
                }
            });
            // Shared-paper links for the bank exactly as published: members
            // draw the paper from the published file, so a code made for
            // anything else would not fit it.
            let paper_links = match (&bank, &loaded.published) {
                (Some(bank), Some(published)) if bank == published => html! {
                    <PaperLinkMaker bank={published.clone()} platform={platform.clone()} {lang} />
                },
                (Some(_), _) => html! {
                    <p class="wb-note wb-paper-links">{ page.paper_links_published_only }</p>
                },
                (None, _) => html! {},
            };
            html! {
                <section class="wb-report wb-report--editing" aria-live="polite">
                    <div class="wb-report__head">
                        <h2 class="wb-report__file"><code>{ session.file.clone() }</code></h2>
                        <button type="button" class="button button--secondary wb-close" onclick={on_close}>{ page.close_bank }</button>
                    </div>
                    <p class={classes!("wb-status", if checking { "wb-status--busy" } else if errors > 0 { "wb-status--bad" } else { "wb-status--ok" })}
                        role="status" data-revision={session.revision.to_string()} data-checked={(!checking).to_string()}
                        data-linted={linted.to_string()}>
                        if checking {
                            { page.checking }
                        } else {
                            <span class="wb-status__counts">
                                { errors }{ " " }{ text.errors_count }{ " · " }{ warnings }{ " " }{ text.warnings_count }
                            </span>
                            { " " }
                            { if errors > 0 { page.fix_here } else if warnings > 0 { text.bank_ready } else { text.no_problems } }
                        }
                    </p>
                    { match kept {
                        Kept::Saved => html! {},
                        Kept::Blocked => html! { <p class="wb-note wb-kept wb-kept--blocked" role="alert">{ page.kept_blocked }</p> },
                        Kept::Full => html! { <p class="wb-note wb-kept wb-kept--full" role="alert">{ page.kept_full }</p> },
                    } }
                    if let Some(bank) = &bank {
                        if !checking && errors == 0 {
                            <BankSummary bank={bank.clone()} {lang} />
                            { paper_links }
                        }
                    }
                    if let (Some(bank), false) = (bank.as_ref().filter(|_| errors == 0), checking) {
                        <TryIt bank={bank.clone()} platform={platform.clone()} {lang}
                            on_running={{ let trying = trying.clone(); Callback::from(move |on| trying.set(on)) }} />
                    }
                    if !*trying {
                        if let Some(loaded) = publishable {
                            if !checking {
                                <DownloadPanel {loaded} manifest={ready_manifest.clone()}
                                    today={AttrValue::from(today.clone())} {lang} />
                            }
                        }
                        <EditorView session={session.clone()} {problems} {lang} {on_action} />
                    }
                </section>
            }
        }
        _ => html! {},
    };
    html! {
        <>
            <PageHeader lang={lang} {on_switch_language} />
            <main class="wb-main" id="main">
                <FileOpener lang={lang} on_open={on_open_file} />
                { busy }
                { refused }
                { restore }
                { editing }
                <PublishedBanks manifest={(*manifest).clone()} lang={lang} on_open={on_open_published} />
            </main>
        </>
    }
}
