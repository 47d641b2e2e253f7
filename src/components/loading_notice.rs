//! The line shown while a file loads.

use crate::i18n::strings;
use quiz_core::Lang;
use yew::prelude::*;

/// What [`loading_notice`] shows.
#[derive(PartialEq)]
pub struct LoadingNoticeProps {
    /// The current language.
    pub lang: Lang,
}

/// A polite, screen-reader-announced "loading" line.
pub fn loading_notice(props: &LoadingNoticeProps) -> Html {
    html! {
        <p class="loading" role="status" aria-live="polite">
            <span class="loading__spinner" aria-hidden="true"></span>
            { strings(props.lang).loading }
        </p>
    }
}
