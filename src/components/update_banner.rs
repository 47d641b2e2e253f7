use crate::hooks::use_update_notice;
use crate::i18n::strings;
use quiz_core::Lang;
use yew::prelude::*;

/// Props of [`UpdateBanner`].
#[derive(Properties, PartialEq)]
pub struct UpdateBannerProps {
    /// The current language.
    pub lang: Lang,
}

/// "New questions available", with a reload button, once the service worker
/// has cached a bank version a coordinator published; nothing otherwise.
#[function_component(UpdateBanner)]
pub fn update_banner(props: &UpdateBannerProps) -> Html {
    let waiting = use_update_notice();
    if !waiting {
        return Html::default();
    }
    let text = strings(props.lang);
    let on_reload = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    html! {
        <p class="update-banner" role="status">
            { text.new_questions }{ " " }
            <button type="button" class="button update-banner__reload" onclick={on_reload}>
                { text.reload }
            </button>
        </p>
    }
}
