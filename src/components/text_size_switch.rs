//! The text-size switch in the header (标准 / 大 / 特大), for members who
//! need larger text, with its own zh/en strings.

use crate::hooks::TextSize;
use quiz_core::Lang;
use yew::prelude::*;

/// The switch's words in one language.
struct Texts {
    /// The group's name, read before its buttons.
    group: &'static str,
    /// One label per size, in [`TextSize::ALL`]'s order.
    sizes: [&'static str; 3],
}

/// The switch's words in `lang`.
fn texts(lang: Lang) -> &'static Texts {
    const ZH: Texts = Texts {
        group: "文字大小",
        sizes: ["标准", "大", "特大"],
    };
    const EN: Texts = Texts {
        group: "Text size",
        sizes: ["Standard", "Large", "Largest"],
    };
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// Props of [`TextSizeSwitch`].
#[derive(Properties, PartialEq)]
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
#[function_component(TextSizeSwitch)]
pub fn text_size_switch(props: &TextSizeSwitchProps) -> Html {
    let texts = texts(props.lang);
    html! {
        <div class="text-size" role="group" aria-label={texts.group}>
            <span class="text-size__label" aria-hidden="true">{ texts.group }</span>
            { for TextSize::ALL.into_iter().zip(texts.sizes).map(|(size, label)| {
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
