//! The bench's reference page: one Yew component that shows a question and
//! four answer buttons, built with the app's release profile.
//!
//! It is the smallest page a Yew app can be, so the app's first-question
//! time divided by this page's is what the app's own code and data cost,
//! measured in the same sitting; a busy machine slows both alike.

use yew::prelude::*;

/// The four answers, as a single-choice question shows them.
const CHOICES: [&str; 4] = ["党的领导", "人民当家作主", "依法治国", "以上都是"];

/// A question with four answer buttons and a line saying which was chosen:
/// the same markup (`.question .choice`) the bench waits for in the app.
#[function_component(Reference)]
fn reference() -> Html {
    let chosen = use_state(|| None::<usize>);
    let choices = CHOICES.iter().enumerate().map(|(index, text)| {
        let on_choose = {
            let chosen = chosen.clone();
            Callback::from(move |_| chosen.set(Some(index)))
        };
        html! { <button class="choice" type="button" onclick={on_choose}>{ *text }</button> }
    });
    html! {
        <main class="question">
            <h1>{ "下列哪一项是正确的？" }</h1>
            { for choices }
            <p>{ chosen.map_or_else(String::new, |index| format!("已选 {}", CHOICES[index])) }</p>
        </main>
    }
}

fn main() {
    yew::Renderer::<Reference>::new().render();
}
