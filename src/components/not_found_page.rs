//! The page for a wrong or outdated link.

use crate::i18n::strings;
use crate::route::Route;
use quiz_core::Lang;
use yew::prelude::*;

/// What [`not_found_page`] shows.
#[derive(PartialEq)]
pub struct NotFoundPageProps {
    /// What the link asked for, shown as text.
    pub asked: String,
    /// A more specific reason, when known (e.g. "There is no such bank").
    pub reason: Option<&'static str>,
    /// The current language.
    pub lang: Lang,
}

/// A clear page for a wrong or outdated link, with the way back.
pub fn not_found_page(props: &NotFoundPageProps) -> Html {
    let text = strings(props.lang);
    html! {
        <section class="not-found" role="alert">
            <h2>{ props.reason.unwrap_or(text.not_found_heading) }</h2>
            <p>{ text.not_found_text }</p>
            <p><code>{ props.asked.clone() }</code></p>
            <a class="button" href={Route::Home.to_hash()}><span class="back-link__mark" aria-hidden="true">{ "← " }</span>{ text.back_to_banks }</a>
        </section>
    }
}
