//! A bank's own page: its contents, or why it could not be loaded.

use super::{
    activity_links, bank_summary, error_panel, loading_notice, problem_list, tag_accuracy,
    ActivityLinksProps, BankSummaryProps, ErrorPanelProps, LoadingNoticeProps, PaperLinkMaker,
    ProblemListProps, TagAccuracyProps,
};
use crate::hooks::{use_bank, ProgressContext};
use crate::i18n::strings;
use crate::load::LoadState;
use crate::load::PreloadedBank;
use crate::platform::Platform;
use crate::route::Route;
use quiz_core::{BankEntry, Lang};
use yew::prelude::*;

/// Props of [`BankPage`].
#[derive(Properties, PartialEq)]
pub struct BankPageProps {
    /// The manifest's entry for the bank.
    pub entry: BankEntry,
    /// The I/O services.
    pub platform: Platform,
    /// The bank, when the start-up code loaded it for the link that opened
    /// the app; used only if it is this entry's file.
    #[prop_or_default]
    pub preloaded: Option<PreloadedBank>,
    /// The current language.
    pub lang: Lang,
}

/// One bank: loads its file and shows what it holds, or why it could not
/// be loaded.
#[function_component(BankPage)]
pub fn bank_page(props: &BankPageProps) -> Html {
    let text = strings(props.lang);
    let lang = props.lang;
    let (bank, on_retry) = use_bank(
        props.platform.fetcher.clone(),
        props.entry.clone(),
        props.preloaded.clone(),
    );
    let progress = use_context::<ProgressContext>();
    let today = props.platform.clock.local_day();
    let body = match bank {
        LoadState::Loading => loading_notice(&LoadingNoticeProps { lang }),
        LoadState::Failed(error) => error_panel(&ErrorPanelProps {
            error,
            lang,
            on_retry,
        }),
        LoadState::Ready(loaded) => html! {
            <>
                { activity_links(&ActivityLinksProps {
                    bank: loaded.bank.clone(),
                    lang,
                    wrong_count: progress.as_ref().map_or(0, |p| p.progress.wrong_book(loaded.bank.questions.iter().map(|q| q.id.as_str())).len()),
                    favourite_count: progress.as_ref().map_or(0, |p| p.progress.favourites(loaded.bank.questions.iter().map(|q| q.id.as_str())).len()),
                    due_count: progress.as_ref().map_or(0, |p| p.progress.due(loaded.bank.questions.iter().map(|q| q.id.as_str()), today).len()),
                }) }
                if let Some(progress) = &progress {
                    { tag_accuracy(&TagAccuracyProps { bank: loaded.bank.clone(), progress: progress.progress.clone(), lang }) }
                }
                { bank_summary(&BankSummaryProps { bank: loaded.bank.clone(), lang }) }
                <PaperLinkMaker bank={loaded.bank.clone()} platform={props.platform.clone()} {lang} />
                if !loaded.warnings.is_empty() {
                    <details class="bank-warnings">
                        <summary>{ format!("{} ({})", text.warnings_heading, loaded.warnings.len()) }</summary>
                        { problem_list(&ProblemListProps { problems: loaded.warnings.clone(), lang }) }
                    </details>
                }
            </>
        },
    };
    html! {
        <article class="bank-page" data-bank={props.entry.id.clone()}>
            <a class="back-link" href={Route::Home.to_hash()}><span class="back-link__mark" aria-hidden="true">{ "← " }</span>{ text.back_to_banks }</a>
            <h2 class="bank-page__title">{ props.entry.title.get(lang) }</h2>
            <p class="bank-page__description">{ props.entry.description.get(lang) }</p>
            { body }
        </article>
    }
}
