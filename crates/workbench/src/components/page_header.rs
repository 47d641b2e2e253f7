//! The workbench's header: its title, what it is for and the language
//! switch the member app shares.

use crate::i18n::strings;
use quiz_core::Lang;
use yew::prelude::*;

/// Props of [`PageHeader`].
#[derive(Properties, PartialEq)]
pub struct PageHeaderProps {
    /// The current language.
    pub lang: Lang,
    /// Called with the language the coordinator switched to.
    pub on_switch_language: Callback<Lang>,
}

/// The page's heading and the language switch, the same one-tap switch as
/// the member app's, so the choice carries between the two pages.
#[function_component(PageHeader)]
pub fn page_header(props: &PageHeaderProps) -> Html {
    let text = strings(props.lang);
    let on_click = {
        let on_switch = props.on_switch_language.clone();
        let next = props.lang.toggled();
        Callback::from(move |_: MouseEvent| on_switch.emit(next))
    };
    html! {
        <header class="wb-header">
            <div>
                <h1 class="wb-header__title">{ text.title }</h1>
                <p class="wb-header__intro">{ text.intro }</p>
            </div>
            <button type="button" class="button button--secondary wb-header__lang"
                lang={props.lang.toggled().code()} aria-label={text.switch_language_hint} onclick={on_click}>
                { text.switch_language }
            </button>
        </header>
    }
}
