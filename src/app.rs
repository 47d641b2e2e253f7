//! The root component.

use crate::components::{AppHeader, BankList, ErrorPanel, LoadingNotice};
use crate::hooks::{use_language, use_manifest};
use crate::i18n::strings;
use crate::load::LoadState;
use crate::platform::Platform;
use yew::prelude::*;

/// The app as the browser runs it, with the real platform services.
#[function_component(App)]
pub fn app() -> Html {
    let platform = use_memo((), |_| Platform::browser());
    html! { <Shell platform={(*platform).clone()} /> }
}

/// Props of [`Shell`].
#[derive(Properties, PartialEq)]
pub struct ShellProps {
    /// The I/O services; tests pass in-memory or faulty ones.
    pub platform: Platform,
}

/// The whole app over any platform: header, then the loading state, the
/// error panel or the bank list.
#[function_component(Shell)]
pub fn shell(props: &ShellProps) -> Html {
    let (lang, on_switch_language) = use_language(props.platform.storage.clone());
    let (manifest, on_retry) = use_manifest(props.platform.fetcher.clone());
    let body = match manifest {
        LoadState::Loading => html! { <LoadingNotice {lang} /> },
        LoadState::Failed(error) => html! { <ErrorPanel {error} {lang} {on_retry} /> },
        LoadState::Ready(manifest) => html! { <BankList {manifest} {lang} /> },
    };
    html! {
        <>
            <AppHeader {lang} {on_switch_language} />
            <main class="app-main" id="main">{ body }</main>
            <footer class="app-footer"><p>{ strings(lang).footer_note }</p></footer>
        </>
    }
}
