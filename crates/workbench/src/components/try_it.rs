//! Trying the bank as members will: practice in bank order, or the mock
//! exam on its paper, with the member app's own quiz components (linked
//! into this page's WebAssembly only, so members download nothing more).

use quiz_app::components::{Back, QuizStarter};
use quiz_app::platform::{MemoryStorage, Platform};
use quiz_core::session::{Mode, Plan, Selection};
use quiz_core::{Bank, Lang};
use std::rc::Rc;
use yew::prelude::*;

quiz_app::messages! {
    /// The words of trying the bank.
    struct Texts {
        /// The running try's accessible name.
        try_it_label: "试用", "Try it";
        /// Above the member's quiz while a try runs.
        running_note:
            "这是会员看到的样子；做题记录不会保存。点“返回”回到编辑。",
            "This is what members see; nothing is recorded. Back returns to editing.";
        /// The section's heading.
        heading: "试一试", "Try it";
        /// What the two buttons are for.
        intro: "发布前，像会员一样做一遍：", "Before publishing, take it as a member would: ";
        /// The button that starts practice in bank order.
        practise: "顺序练习", "Practise in order";
        /// The button that starts the mock exam.
        mock_exam: "模拟考试（按试卷）", "Mock exam (the paper)";
    }
}

/// Props of [`TryIt`].
#[derive(Properties, PartialEq)]
pub struct TryItProps {
    /// The bank as it would be published (no errors).
    pub bank: Rc<Bank>,
    /// The page's services: the clock for the exam's countdown and the
    /// draw. Its storage is not used: a try keeps nothing (see below).
    pub platform: Platform,
    /// The current language.
    pub lang: Lang,
    /// Called with whether a try is running, so the page hides the
    /// editor meanwhile.
    pub on_running: Callback<bool>,
}

/// The two ways to try the bank, then the member's quiz page itself.
#[function_component(TryIt)]
pub fn try_it(props: &TryItProps) -> Html {
    let lang = props.lang;
    let text = Texts::of(lang);
    let running = use_state(|| None::<Mode>);
    // The member's quiz saves an unfinished exam in storage, under the
    // bank's id; the workbench shares the app's origin, so a try would
    // leave an exam for members of this browser to resume. A try gets
    // storage of its own that is forgotten with it.
    let platform = {
        let platform = props.platform.clone();
        use_memo((), move |()| Platform {
            storage: Rc::new(MemoryStorage::default()),
            ..platform
        })
    };
    let start = |mode: Mode| {
        let running = running.clone();
        let on_running = props.on_running.clone();
        Callback::from(move |_: MouseEvent| {
            running.set(Some(mode));
            on_running.emit(true);
        })
    };
    if let Some(mode) = *running {
        let bank = &props.bank;
        let plan = match mode {
            Mode::Exam => Plan {
                mode: Mode::Exam,
                selection: Selection::Paper { count: None },
                time_limit_ms: Some(u64::from(bank.paper.time_limit_minutes) * 60_000),
            },
            Mode::Practice => Plan {
                mode: Mode::Practice,
                selection: Selection::Sequential,
                time_limit_ms: None,
            },
        };
        let on_back = {
            let running = running.clone();
            let on_running = props.on_running.clone();
            Callback::from(move |()| {
                running.set(None);
                on_running.emit(false);
            })
        };
        return html! {
            <section class="wb-try wb-try--running" aria-label={text.try_it_label}>
                <p class="wb-note">{ text.running_note }</p>
                <QuizStarter bank={bank.clone()} {plan} platform={(*platform).clone()}
                    title={bank.title.get(lang).to_string()} back={Back::Action(on_back)} {lang} />
            </section>
        };
    }
    html! {
        <section class="wb-try" aria-labelledby="wb-try-heading">
            <h2 id="wb-try-heading">{ text.heading }</h2>
            <p class="wb-note">{ text.intro }</p>
            <button type="button" class="button button--secondary wb-try__practice" onclick={start(Mode::Practice)}>{ text.practise }</button>
            { " " }
            <button type="button" class="button button--secondary wb-try__exam" onclick={start(Mode::Exam)}>{ text.mock_exam }</button>
        </section>
    }
}
