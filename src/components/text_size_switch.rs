//! The text-size switch in the header (标准 / 大 / 特大), for members who
//! need larger text, with its own zh/en strings.

use crate::hooks::TextSize;
use quiz_core::Lang;
use yew::prelude::*;

crate::messages! {
    /// The switch's words.
    struct Texts {
        /// The group's name, read before its buttons.
        group:
            "文字大小",
            "Text size";
        /// The label of [`TextSize::Standard`].
        standard:
            "标准",
            "Standard";
        /// The label of [`TextSize::Large`].
        large:
            "大",
            "Large";
        /// The label of [`TextSize::Largest`].
        largest:
            "特大",
            "Largest";
    }
}

impl Texts {
    /// The label of `size`.
    fn size(&self, size: TextSize) -> &'static str {
        match size {
            TextSize::Standard => self.standard,
            TextSize::Large => self.large,
            TextSize::Largest => self.largest,
        }
    }
}

/// What [`text_size_switch`] shows.
#[derive(PartialEq)]
pub struct TextSizeSwitchProps {
    /// The size in use.
    pub size: TextSize,
    /// Called with the size the member chose.
    pub on_choose: Callback<TextSize>,
    /// The current language.
    pub lang: Lang,
}

/// Three buttons, one per size; the one in use is pressed
/// (`aria-pressed`), so a screen reader says which size is on.
pub fn text_size_switch(props: &TextSizeSwitchProps) -> Html {
    let texts = Texts::of(props.lang);
    html! {
        <div class="text-size" role="group" aria-label={texts.group}>
            <span class="text-size__label" aria-hidden="true">{ texts.group }</span>
            { for TextSize::ALL.into_iter().map(|size| {
                let label = texts.size(size);
                let on_choose = props.on_choose.clone();
                let pressed = size == props.size;
                html! {
                    <button type="button"
                        class={classes!("text-size__option", pressed.then_some("is-on"))}
                        data-size={size.key()}
                        aria-pressed={pressed.to_string()}
                        onclick={Callback::from(move |_: MouseEvent| on_choose.emit(size))}>
                        { label }
                    </button>
                }
            }) }
        </div>
    }
}
