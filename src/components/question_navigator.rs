//! The numbered buttons that jump between a quiz's questions.

use crate::i18n::strings;
use quiz_core::session::{Item, Outcome};
use quiz_core::Lang;
use yew::prelude::*;

/// Props of [`QuestionNavigator`].
#[derive(Properties, PartialEq)]
pub struct QuestionNavigatorProps {
    /// The session's items.
    pub items: Vec<Item>,
    /// The question on screen.
    pub current: usize,
    /// Outcomes to colour by, once they may be shown.
    #[prop_or_default]
    pub outcomes: Option<Vec<Outcome>>,
    /// The current language.
    pub lang: Lang,
    /// Jump to a question.
    pub on_goto: Callback<usize>,
}

/// Numbered buttons for every question, showing answered, flagged and
/// current, so members can jump around and see what is left.
#[function_component(QuestionNavigator)]
pub fn question_navigator(props: &QuestionNavigatorProps) -> Html {
    let text = strings(props.lang);
    html! {
        <nav class="navigator" aria-label={text.navigator}>
            <ol class="navigator__items">
                { for props.items.iter().enumerate().map(|(index, item)| {
                    let on_goto = props.on_goto.clone();
                    let outcome = props.outcomes.as_ref().and_then(|o| o.get(index)).copied();
                    let class = classes!(
                        "navigator__item",
                        item.response.is_answered().then_some("navigator__item--answered"),
                        item.flagged.then_some("navigator__item--flagged"),
                        (index == props.current).then_some("navigator__item--current"),
                        match outcome {
                            Some(Outcome::Correct) => Some("navigator__item--correct"),
                            Some(Outcome::Wrong | Outcome::Unanswered | Outcome::Partial) => Some("navigator__item--wrong"),
                            None => None,
                        },
                    );
                    let mut label = format!("{}", index + 1);
                    if item.response.is_answered() {
                        label.push_str(&format!(" {}", text.answered));
                    }
                    if item.flagged {
                        label.push_str(&format!(" {}", text.flagged));
                    }
                    html! {
                        <li>
                            <button type="button" {class} aria-label={label}
                                aria-current={(index == props.current).then_some("step")}
                                onclick={Callback::from(move |_: MouseEvent| on_goto.emit(index))}>
                                { index + 1 }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}
