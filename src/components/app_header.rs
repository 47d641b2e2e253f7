//! The page header with the app's name, the language switch and the
//! controls every page offers (the text size).

use crate::i18n::strings;
use quiz_core::Lang;
use yew::prelude::*;

/// What [`app_header`] shows.
#[derive(PartialEq)]
pub struct AppHeaderProps {
    /// The current language.
    pub lang: Lang,
    /// Called with the language the member switched to.
    pub on_switch_language: Callback<Lang>,
    /// Further controls shown on every page under the title (the text
    /// size switch).
    pub children: Html,
}

/// The page header: the app's name and the one-tap language switch.
pub fn app_header(props: &AppHeaderProps) -> Html {
    let text = strings(props.lang);
    let onclick = {
        let on_switch = props.on_switch_language.clone();
        let next = props.lang.toggled();
        Callback::from(move |_: MouseEvent| on_switch.emit(next))
    };
    let next = props.lang.toggled();
    html! {
        <header class="app-header">
            <div class="app-header__titles">
                <h1 class="app-header__title">{ text.app_title }</h1>
                <p class="app-header__tagline">{ text.app_tagline }</p>
            </div>
            <button
                type="button"
                class="lang-switch"
                lang={next.code()}
                aria-label={text.switch_language_hint}
                {onclick}
            >
                { text.switch_language }
            </button>
            { props.children.clone() }
        </header>
    }
}
