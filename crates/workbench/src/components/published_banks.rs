//! The banks published beside the page (`questions/index.json`), each
//! one click from being opened for editing.

use crate::i18n::strings;
use quiz_core::manifest::Manifest;
use quiz_core::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// Whether the published bank list beside the page has been read.
#[derive(Clone, PartialEq)]
pub enum ManifestState {
    /// Still being fetched.
    Loading,
    /// Read and checked.
    Ready(Rc<Manifest>),
    /// Missing or unreadable: the page opened from a file, or offline.
    Unavailable,
}

/// Props of [`PublishedBanks`].
#[derive(Properties, PartialEq)]
pub struct PublishedBanksProps {
    /// The bank list.
    pub manifest: ManifestState,
    /// The current language.
    pub lang: Lang,
    /// Called with the id of the bank to open.
    pub on_open: Callback<String>,
}

/// The published banks from `questions/index.json`, each with a button
/// that opens it, so a coordinator can check or update what members see.
#[function_component(PublishedBanks)]
pub fn published_banks(props: &PublishedBanksProps) -> Html {
    let text = strings(props.lang);
    let body = match &props.manifest {
        ManifestState::Loading => {
            html! { <p class="wb-note" role="status">{ text.published_loading }</p> }
        }
        ManifestState::Unavailable => {
            html! { <p class="wb-note">{ text.published_unavailable }</p> }
        }
        ManifestState::Ready(manifest) => html! {
            <ul class="wb-published__list">
                { for manifest.banks.iter().map(|entry| {
                    let on_click = {
                        let on_open = props.on_open.clone();
                        let id = entry.id.clone();
                        Callback::from(move |_: MouseEvent| on_open.emit(id.clone()))
                    };
                    html! {
                        <li key={entry.id.clone()} class="wb-published__item">
                            <span class="wb-published__title">{ entry.title.get(props.lang).to_string() }</span>
                            <code class="wb-published__id">{ entry.file.clone() }</code>
                            <button type="button" class="button button--secondary wb-published__open"
                                data-bank={entry.id.clone()} onclick={on_click}>{ text.open_published }</button>
                        </li>
                    }
                }) }
            </ul>
        },
    };
    html! {
        <section class="wb-published" aria-labelledby="wb-published-heading">
            <h2 id="wb-published-heading">{ text.published_heading }</h2>
            { body }
        </section>
    }
}
