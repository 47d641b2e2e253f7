//! The unreadable progress kept aside, offered on the backup page: nothing
//! else reads it, and a member (or whoever helps them) may still recover
//! answers from the text.

use crate::i18n::{date_time_text, strings};
use crate::platform::files::offer_download;
use crate::platform::Platform;
use crate::progress_store::{quarantined, MAX_QUARANTINED};
use quiz_core::Lang;
use yew::prelude::*;

/// Props of [`QuarantineList`].
#[derive(Properties, PartialEq)]
pub struct QuarantineListProps {
    /// The storage the copies are kept in, and the clock for the local
    /// time each copy was kept aside.
    pub platform: Platform,
    /// The current language.
    pub lang: Lang,
}

/// Lists each kept-aside copy with a way to save it as a file or show its
/// text to copy (WeChat cannot save files); renders nothing when there are
/// none.
#[function_component(QuarantineList)]
pub fn quarantine_list(props: &QuarantineListProps) -> Html {
    let text = strings(props.lang);
    let copies = use_memo(props.platform.clone(), |platform| {
        quarantined(platform.storage.as_ref())
    });
    let shown = use_state(|| None::<u64>);
    if copies.is_empty() {
        return html! {};
    }
    let clock = &props.platform.clock;
    let offset = clock.utc_offset_ms(clock.now_ms());
    html! {
        <section class="backup-quarantine" aria-labelledby="quarantine-heading">
            <h3 id="quarantine-heading">{ text.quarantine_heading }</h3>
            <p>{ text.quarantine_intro(MAX_QUARANTINED) }</p>
            <ul class="quarantine-list">
                { for copies.iter().map(|copy| {
                    let kept_ms = copy.kept_ms;
                    let on_save = {
                        let (content, shown) = (copy.text.clone(), shown.clone());
                        Callback::from(move |_: MouseEvent| {
                            let name = format!("lxyz-quiz-unreadable-{kept_ms}.txt");
                            if offer_download(&name, &content).is_err() {
                                shown.set(Some(kept_ms));
                            }
                        })
                    };
                    let on_show = {
                        let shown = shown.clone();
                        Callback::from(move |_: MouseEvent| shown.set(Some(kept_ms)))
                    };
                    html! {
                        <li class="quarantine-copy">
                            <p>{ format!("{} {}", text.quarantine_kept_at, date_time_text(kept_ms as i64 + offset)) }</p>
                            <p class="backup-export__buttons">
                                <button type="button" class="button button--secondary quarantine-save" onclick={on_save}>{ text.export_file }</button>
                                <button type="button" class="button button--secondary quarantine-show" onclick={on_show}>{ text.export_text }</button>
                            </p>
                            if *shown == Some(kept_ms) {
                                <textarea class="backup-export__text" readonly=true rows="4"
                                    aria-label={text.quarantine_heading} value={copy.text.clone()} />
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
