//! What a page shows for a route the other page renders (see
//! [`crate::route::Page`]): an old bookmark of `#/progress` on `index.html`,
//! a host's `configure` on `records.html`. It opens that page at once, with
//! a link in case the browser does not follow.

use crate::platform::Platform;
use quiz_core::Lang;
use yew::prelude::*;

crate::messages! {
    /// The notice's words.
    struct Text {
        /// Said while the other page opens.
        opening:
            "正在打开……",
            "Opening…";
        /// The link, for a browser that stays.
        open:
            "打开页面",
            "Open the page";
    }
}

/// Props of [`OtherPageNotice`].
#[derive(Properties, PartialEq)]
pub struct OtherPageNoticeProps {
    /// The other page's file and the route's hash, e.g.
    /// `records.html#/progress`.
    pub href: AttrValue,
    /// The I/O services: the host opens the page, so tests can record it.
    pub platform: Platform,
    /// The current language.
    pub lang: Lang,
}

/// Opens `href` in place of this page (the back button skips the detour)
/// and says so meanwhile.
#[function_component(OtherPageNotice)]
pub fn other_page_notice(props: &OtherPageNoticeProps) -> Html {
    let text = Text::of(props.lang);
    {
        let host = props.platform.host.clone();
        use_effect_with(props.href.clone(), move |href| host.open(href));
    }
    html! {
        <p class="loading other-page" role="status" aria-live="polite">
            <span class="loading__spinner" aria-hidden="true"></span>
            { text.opening }{ " " }
            <a href={props.href.clone()}>{ text.open }</a>
        </p>
    }
}
