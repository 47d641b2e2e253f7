//! The coordinators' maker of shared-paper links on the bank page: choose
//! the paper, get a link that gives the whole branch the same questions,
//! copy it, or open its QR code in the workbench (drawn there, so the QR
//! encoder stays out of the members' download).

use super::PaperTexts;
use crate::platform::files::copy_selected;
use crate::platform::Platform;
use crate::route::{COUNT_RANGE, SECONDS_RANGE};
use quiz_core::session::shared::new_code;
use quiz_core::{Bank, Lang};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props of [`PaperLinkMaker`].
#[derive(Properties, PartialEq)]
pub struct PaperLinkMakerProps {
    /// The bank the paper is drawn from.
    pub bank: Rc<Bank>,
    /// Its clock gives the code's random salt.
    pub platform: Platform,
    /// The current language.
    pub lang: Lang,
}

/// The link to a shared paper, in the query form (`?bank=…&mode=exam&paper=…`)
/// that survives WeChat's sharing, which may drop a link's `#` part.
/// `base` is the app's address without query or hash; `size` is the
/// question count and time in seconds when they differ from the bank's
/// paper.
pub fn paper_link(base: &str, bank_id: &str, code: &str, size: Option<(u32, u32)>) -> String {
    let mut link = format!("{base}?bank={bank_id}&mode=exam&paper={code}");
    if let Some((count, seconds)) = size {
        link.push_str(&format!("&n={count}&t={seconds}"));
    }
    link
}

/// The member app's address (without query or hash) for a link made on
/// the page at `origin` and `pathname`: the page itself on the app's bank
/// page, but the app's `index.html` beside the workbench when the maker is
/// shown there, so members never land in the coordinators' tool.
pub fn app_base(origin: &str, pathname: &str) -> String {
    // Plain pushes rather than `format!`: this is in the members' bundle.
    let folder = ["workbench.html", "workbench"]
        .iter()
        .find_map(|page| pathname.strip_suffix(page))
        .filter(|folder| folder.ends_with('/'));
    let mut base = String::from(origin);
    match folder {
        Some(folder) => {
            base.push_str(folder);
            base.push_str("index.html");
        }
        None => base.push_str(pathname),
    }
    base
}

/// What the maker has made.
#[derive(Clone, PartialEq)]
struct Made {
    code: String,
    link: String,
}

/// Whether the last copy worked.
#[derive(Clone, Copy, PartialEq)]
enum Copy {
    Not,
    Done,
    ByHand,
}

/// A folded section: the default paper or a chosen size, a button that
/// makes the code and link, and the link to copy, try or show as a QR code.
#[function_component(PaperLinkMaker)]
pub fn paper_link_maker(props: &PaperLinkMakerProps) -> Html {
    let texts = PaperTexts::of(props.lang);
    let bank = &props.bank;
    let paper_count: u32 = bank.paper.sections.iter().map(|s| s.count).sum();
    let custom = use_state(|| false);
    let count = use_state(|| paper_count.clamp(*COUNT_RANGE.start(), *COUNT_RANGE.end()));
    let minutes = use_state(|| bank.paper.time_limit_minutes);
    let made = use_state(|| None::<Made>);
    let copied = use_state(|| Copy::Not);
    let area = use_node_ref();

    let on_default = {
        let (custom, made) = (custom.clone(), made.clone());
        Callback::from(move |_: Event| {
            custom.set(false);
            made.set(None);
        })
    };
    let on_custom = {
        let (custom, made) = (custom.clone(), made.clone());
        Callback::from(move |_: Event| {
            custom.set(true);
            made.set(None);
        })
    };
    let number =
        |state: UseStateHandle<u32>, made: UseStateHandle<Option<Made>>, range: (u32, u32)| {
            Callback::from(move |event: Event| {
                if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                    if let Ok(value) = input.value().trim().parse::<u32>() {
                        state.set(value.clamp(range.0, range.1));
                        made.set(None);
                    }
                }
            })
        };
    let on_count = number(
        count.clone(),
        made.clone(),
        (*COUNT_RANGE.start(), *COUNT_RANGE.end()),
    );
    let on_minutes = number(
        minutes.clone(),
        made.clone(),
        (SECONDS_RANGE.start().div_ceil(60), SECONDS_RANGE.end() / 60),
    );
    let on_make = {
        let (bank, clock, made, copied) = (
            props.bank.clone(),
            props.platform.clock.clone(),
            made.clone(),
            copied.clone(),
        );
        let size = custom.then(|| (*count, *minutes * 60));
        Callback::from(move |_: MouseEvent| {
            let code = new_code(&bank, clock.fresh_seed());
            let base = web_sys::window()
                .and_then(|window| {
                    let location = window.location();
                    Some(app_base(
                        &location.origin().ok()?,
                        &location.pathname().ok()?,
                    ))
                })
                .unwrap_or_default();
            let link = paper_link(&base, &bank.id, &code, size);
            made.set(Some(Made { code, link }));
            copied.set(Copy::Not);
        })
    };
    let on_copy = {
        let (area, copied) = (area.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                copied.set(if copy_selected(&area) {
                    Copy::Done
                } else {
                    Copy::ByHand
                });
            }
        })
    };
    let on_focus = Callback::from(|event: FocusEvent| {
        if let Some(area) = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlTextAreaElement>().ok())
        {
            area.select();
        }
    });
    let default_label = texts.default_paper(paper_count, bank.paper.time_limit_minutes);
    html! {
        <details class="paper-maker">
            <summary>{ texts.maker_heading }</summary>
            <p class="hint">{ texts.maker_hint }</p>
            <fieldset class="paper-maker__size">
                <legend class="sr-only">{ texts.maker_heading }</legend>
                <label class="toggle">
                    <input type="radio" name="paper-size" class="paper-maker__default" checked={!*custom} onchange={on_default} />
                    { default_label }
                </label>
                <label class="toggle">
                    <input type="radio" name="paper-size" class="paper-maker__custom" checked={*custom} onchange={on_custom} />
                    { texts.custom_paper }
                </label>
                if *custom {
                    <div class="custom-exam paper-maker__numbers">
                        <label>{ texts.count }
                            <input type="number" class="paper-maker__count" inputmode="numeric" min="1" max="100"
                                value={count.to_string()} onchange={on_count} />
                        </label>
                        <label>{ texts.minutes }
                            <input type="number" class="paper-maker__minutes" inputmode="numeric" min="1" max="180"
                                value={minutes.to_string()} onchange={on_minutes} />
                        </label>
                    </div>
                }
            </fieldset>
            <button type="button" class="button paper-maker__make" onclick={on_make}>
                { if made.is_some() { texts.make_new } else { texts.make } }
            </button>
            if let Some(made) = &*made {
                <p class="paper-maker__code">{ texts.paper }{ " " }<strong>{ made.code.clone() }</strong></p>
                <label class="paper-maker__link-label">{ texts.link_label }
                    <textarea class="paper-maker__link" readonly=true rows="3" ref={area}
                        value={made.link.clone()} onfocus={on_focus} />
                </label>
                <div class="paper-maker__actions">
                    <button type="button" class="button paper-maker__copy" onclick={on_copy}>{ texts.copy }</button>
                    <a class="button button--secondary paper-maker__qr" target="_blank" rel="noopener"
                        href={format!("workbench.html#qr={}", String::from(js_sys::encode_uri_component(&made.link)))}>{ texts.qr }</a>
                    <a class="button button--secondary paper-maker__try" href={made.link.clone()}>{ texts.try_it }</a>
                </div>
                { match *copied {
                    Copy::Done => html! { <p class="paper-maker__copied" role="status">{ texts.copied }</p> },
                    Copy::ByHand => html! { <p class="paper-maker__copied" role="status">{ texts.copy_by_hand }</p> },
                    Copy::Not => html! {},
                } }
            }
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_use_the_query_form_and_carry_a_chosen_size() {
        assert_eq!(
            paper_link(
                "https://portal.example.com/quiz/",
                "charter",
                "K7QF-3M2A",
                None
            ),
            "https://portal.example.com/quiz/?bank=charter&mode=exam&paper=K7QF-3M2A"
        );
        assert_eq!(
            paper_link(
                "https://p.example/index.html",
                "rules",
                "K7QF-3M2A",
                Some((20, 900))
            ),
            "https://p.example/index.html?bank=rules&mode=exam&paper=K7QF-3M2A&n=20&t=900"
        );
    }

    #[test]
    fn links_made_in_the_workbench_point_at_the_member_app_beside_it() {
        let origin = "https://portal.example.com";
        // On the app's own pages the link goes to the page itself.
        assert_eq!(
            app_base(origin, "/quiz/"),
            "https://portal.example.com/quiz/"
        );
        assert_eq!(
            app_base(origin, "/quiz/index.html"),
            "https://portal.example.com/quiz/index.html"
        );
        assert_eq!(app_base(origin, "/"), "https://portal.example.com/");
        // In the workbench it goes to the app's index.html in its folder.
        assert_eq!(
            app_base(origin, "/quiz/workbench.html"),
            "https://portal.example.com/quiz/index.html"
        );
        assert_eq!(
            app_base(origin, "/workbench.html"),
            "https://portal.example.com/index.html"
        );
        assert_eq!(
            app_base(origin, "/quiz/workbench"),
            "https://portal.example.com/quiz/index.html"
        );
        // A page merely named like it is not the workbench.
        assert_eq!(
            app_base(origin, "/my-workbench.html/"),
            "https://portal.example.com/my-workbench.html/"
        );
    }
}
