//! The 收藏 toggle on a question.

use crate::hooks::{ProgressContext, ProgressEvent};
use crate::i18n::strings;
use quiz_core::Lang;
use yew::prelude::*;

/// Props of [`FavouriteButton`].
#[derive(Properties, PartialEq)]
pub struct FavouriteButtonProps {
    /// The question's id.
    pub question: String,
    /// The current language.
    pub lang: Lang,
}

/// 收藏: marks a question to practise later. Shown only where progress is
/// available (a component test may render questions without it).
#[function_component(FavouriteButton)]
pub fn favourite_button(props: &FavouriteButtonProps) -> Html {
    let Some(progress) = use_context::<ProgressContext>() else {
        return html! {};
    };
    let text = strings(props.lang);
    let on = progress.progress.is_favourite(&props.question);
    let onclick = {
        let (on_event, question) = (progress.on_event.clone(), props.question.clone());
        Callback::from(move |_: MouseEvent| {
            on_event.emit(ProgressEvent::Favourite(question.clone()))
        })
    };
    html! {
        <button type="button" class={classes!("favourite", on.then_some("favourite--on"))}
            aria-pressed={on.to_string()} {onclick}>
            <span class="favourite__mark" aria-hidden="true">{ if on { "★ " } else { "☆ " } }</span>
            { if on { text.favourite_remove } else { text.favourite_add } }
        </button>
    }
}
