//! The downloads that publish a bank: its JSON, the updated `index.json`
//! and the workbook for the next round of edits.

use crate::files::{bank_workbook, offer_bytes, XLSX_TYPE};
use crate::i18n::strings;
use crate::opening::Loaded;
use bank_tools::export::bank_json_styled;
use quiz_app::platform::files::offer_download;
use quiz_core::manifest::Manifest;
use quiz_core::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`DownloadPanel`].
#[derive(Properties, PartialEq)]
pub struct DownloadPanelProps {
    /// The opened file; the panel shows only when its bank has no errors.
    pub loaded: Rc<Loaded>,
    /// The published bank list, when it could be read.
    pub manifest: Option<Rc<Manifest>>,
    /// Today's date in China, for `updated`.
    pub today: AttrValue,
    /// The current language.
    pub lang: Lang,
}

/// The files to publish: the bank JSON (written in the published file's
/// style, with the version raised when the questions changed and today's
/// date) and `index.json` with the bank's entry brought in line; and the
/// bank as a workbook for the next round of edits. Shown only for a bank
/// without errors; warnings do not stop it.
#[function_component(DownloadPanel)]
pub fn download_panel(props: &DownloadPanelProps) -> Html {
    let text = strings(props.lang);
    let lang = props.lang;
    let blocked = use_state(|| false);
    // Why the workbook could not be written, should that ever happen.
    let failed = use_state(|| None::<String>);
    let publication = {
        let deps = (
            props.loaded.clone(),
            props.manifest.clone(),
            props.today.clone(),
        );
        use_memo(deps, |(loaded, manifest, today)| {
            loaded.publication(manifest.as_deref(), today)
        })
    };
    let Some(bank) = props.loaded.opened.bank.as_ref() else {
        return html! {};
    };
    let (bank_to_write, index) = match &*publication {
        Some(Ok(publication)) => (publication.bank.clone(), Some(publication)),
        _ => (bank.clone(), None),
    };
    let bank_name = format!("{}.json", bank_to_write.id);
    let workbook_name = format!("{}.xlsx", bank_to_write.id);
    let on_download_workbook = {
        let blocked = blocked.clone();
        let failed = failed.clone();
        let bank = bank_to_write.clone();
        let name = workbook_name.clone();
        Callback::from(move |_: MouseEvent| match bank_workbook(&bank) {
            Ok(bytes) => blocked.set(offer_bytes(&name, &bytes, XLSX_TYPE).is_err()),
            Err(error) => failed.set(Some(error)),
        })
    };
    let on_download_bank = {
        let blocked = blocked.clone();
        let style = props.loaded.style.clone();
        let name = bank_name.clone();
        Callback::from(move |_: MouseEvent| {
            let json = bank_json_styled(&bank_to_write, &style);
            blocked.set(offer_download(&name, &json).is_err());
        })
    };
    let index_part = match (&*publication, index) {
        (_, Some(publication)) => {
            let on_download_index = {
                let blocked = blocked.clone();
                let json = publication.manifest_json.clone();
                Callback::from(move |_: MouseEvent| {
                    blocked.set(offer_download("index.json", &json).is_err());
                })
            };
            html! {
                <>
                    <button type="button" class="button wb-download__index" onclick={on_download_index}>{ text.download_index }</button>
                    if publication.changes.is_empty() {
                        <p class="wb-note wb-download__changes">{ text.index_unchanged }</p>
                    } else {
                        <p class="wb-note wb-download__changes">
                            { text.index_changes }{ " " }
                            { publication.changes.iter().map(|(zh, en)| match lang {
                                Lang::Zh => zh.clone(),
                                Lang::En => en.clone(),
                            }).collect::<Vec<_>>().join(text.changes_separator) }
                        </p>
                    }
                </>
            }
        }
        (Some(Err(problems)), None) if !problems.is_empty() => html! {
            <ul class="wb-note wb-download__problems" role="alert">
                { for problems.iter().map(|message| html! { <li>{ message.get(lang).to_string() }</li> }) }
            </ul>
        },
        _ => html! { <p class="wb-note wb-download__no-index">{ text.index_unavailable }</p> },
    };
    html! {
        <section class="wb-download" aria-labelledby="wb-download-heading">
            <h2 id="wb-download-heading">{ text.download_heading }</h2>
            <p class="wb-note">{ text.download_help }</p>
            <button type="button" class="button wb-download__bank" onclick={on_download_bank}>
                { text.download_bank }{ " " }<code>{ bank_name }</code>
            </button>
            { index_part }
            <button type="button" class="button button--secondary wb-download__workbook" onclick={on_download_workbook}>
                { text.download_workbook }{ " " }<code>{ workbook_name }</code>
            </button>
            <p class="wb-note">{ text.download_workbook_help }</p>
            if let Some(error) = &*failed {
                <p class="wb-note wb-download__failed" role="alert">{ error.clone() }</p>
            }
            if *blocked {
                <p class="wb-note wb-download__blocked" role="alert">{ text.download_blocked }</p>
            }
        </section>
    }
}
