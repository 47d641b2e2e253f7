use super::{
    BankSummary, DownloadPanel, FileOpener, ManifestState, PageHeader, ProblemList, PublishedBanks,
};
use crate::i18n::strings;
use crate::opening::{self, Loaded};
use bank_tools::open::Problem;
use quiz_app::hooks::use_language;
use quiz_app::platform::Platform;
use quiz_core::Bank;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Workbench`].
#[derive(Properties, PartialEq)]
pub struct WorkbenchProps {
    /// Storage (the language preference), fetching (the published banks)
    /// and the clock (today's date): fakes in tests.
    pub platform: Platform,
}

/// What the page shows below the openers.
#[derive(Clone, PartialEq)]
enum Status {
    /// Nothing opened yet.
    Idle,
    /// A file is being read and checked.
    Busy(String),
    /// A file was opened (or refused).
    Done(Rc<Shown>),
}

/// An opened file with the parts the page's components take, shared so a
/// re-render (a language switch) copies no bank or problem list.
#[derive(PartialEq)]
struct Shown {
    loaded: Rc<Loaded>,
    bank: Option<Rc<Bank>>,
    problems: Rc<Vec<Problem>>,
}

impl Shown {
    fn new(loaded: Loaded) -> Shown {
        Shown {
            bank: loaded.opened.bank.clone().map(Rc::new),
            problems: Rc::new(loaded.opened.problems.clone()),
            loaded: Rc::new(loaded),
        }
    }
}

/// The workbench page: open a file or a published bank, see every
/// problem, download the files to publish.
#[function_component(Workbench)]
pub fn workbench(props: &WorkbenchProps) -> Html {
    let platform = &props.platform;
    // The app's own language choice: the same stored key, the page's
    // `lang` attribute, and a choice saved only when made.
    let (lang, on_switch_language) = use_language(platform.storage.clone());
    let manifest = use_state(|| ManifestState::Loading);
    let status = use_state(|| Status::Idle);
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
        move |name: String| {
            let number = latest.borrow().get() + 1;
            latest.borrow().set(number);
            status.set(Status::Busy(name));
            let status = status.clone();
            let latest = latest.clone();
            move |loaded: Loaded| {
                if latest.borrow().get() == number {
                    status.set(Status::Done(Rc::new(Shown::new(loaded))));
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
    let text = strings(lang);
    let report = match &*status {
        Status::Idle => html! {},
        Status::Busy(name) => html! {
            <p class="wb-status wb-status--busy" role="status">{ text.reading }{ " " }<code>{ name.clone() }</code>{ "……" }</p>
        },
        Status::Done(shown) => {
            let opened = &shown.loaded.opened;
            let errors = opened.error_count();
            let warnings = opened.warning_count();
            let problems = shown.problems.clone();
            html! {
                <section class="wb-report" aria-live="polite">
                    <h2 class="wb-report__file"><code>{ opened.file.clone() }</code></h2>
                    <p class={classes!("wb-status", if errors > 0 { "wb-status--bad" } else { "wb-status--ok" })}
                        role={if errors > 0 { "alert" } else { "status" }}>
                        <span class="wb-status__counts">
                            { errors }{ " " }{ text.errors_count }{ " · " }{ warnings }{ " " }{ text.warnings_count }
                        </span>
                        { " " }
                        { if errors > 0 { text.fix_errors_first } else if warnings > 0 { text.bank_ready } else { text.no_problems } }
                    </p>
                    if let Some(bank) = &shown.bank {
                        <BankSummary bank={bank.clone()} lang={lang} />
                    }
                    if !problems.is_empty() {
                        <h3>{ text.problems_heading }</h3>
                        <ProblemList file={AttrValue::from(opened.file.clone())} {problems} lang={lang} />
                    }
                    if opened.bank.is_some() && errors == 0 {
                        <DownloadPanel loaded={shown.loaded.clone()} manifest={ready_manifest.clone()}
                            today={AttrValue::from(today.clone())} lang={lang} />
                    }
                </section>
            }
        }
    };
    html! {
        <>
            <PageHeader lang={lang} {on_switch_language} />
            <main class="wb-main" id="main">
                <FileOpener lang={lang} on_open={on_open_file} />
                // The report right under the opener, where the coordinator looks.
                { report }
                <PublishedBanks manifest={(*manifest).clone()} lang={lang} on_open={on_open_published} />
            </main>
        </>
    }
}
