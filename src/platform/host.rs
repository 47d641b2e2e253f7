//! Events for the page that embeds the module (the portal's iframe host),
//! and opening the module's other page (see [`crate::route::Page`]).
//!
//! The app only says what happened; the boot script (`web/boot.js`) owns the
//! postMessage bridge with its origin allow-list, so the WASM carries no
//! embedding logic and a page that is not embedded costs nothing. Behind a
//! trait, reached through `Platform::host`, so browser tests can record the
//! events.

use quiz_core::json::write::push_object;
use quiz_core::session::{Mode, Score, Selection, Session};
use quiz_core::Bank;
use wasm_bindgen::{JsCast, JsValue};

/// Something the host page may want to know.
#[derive(Debug, Clone, PartialEq)]
pub enum HostEvent {
    /// A quiz started.
    Started {
        /// The bank's id.
        bank: String,
        /// `exam`, `practice` or `sequential`.
        mode: &'static str,
    },
    /// A quiz was submitted and its result recorded.
    Finished {
        /// The bank's id.
        bank: String,
        /// `exam`, `practice` or `sequential`.
        mode: &'static str,
        /// Points earned (halves allowed).
        score: Score,
        /// Points possible.
        max: Score,
        /// Whether the score reaches the pass mark.
        passed: bool,
        /// Seconds from start to submission.
        duration: u64,
    },
}

impl HostEvent {
    /// The `started` event of a session.
    pub fn started(session: &Session) -> HostEvent {
        HostEvent::Started {
            bank: session.bank_id.clone(),
            mode: mode_key(session),
        }
    }

    /// The `finished` event of a submitted session.
    pub fn finished(session: &Session, bank: &Bank) -> HostEvent {
        let grade = session.grade(bank);
        HostEvent::Finished {
            bank: session.bank_id.clone(),
            mode: mode_key(session),
            score: grade.score,
            max: grade.max,
            passed: grade.passed,
            duration: grade.time_used_ms / 1000,
        }
    }

    /// The message as documented in DEPLOY.md (the bridge adds `channel`),
    /// written with quiz-core's JSON writer: no `serde_json` and no float
    /// formatting in the WASM (scores print as "12" or "12.5").
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        push_object(&mut out, |object| match self {
            HostEvent::Started { bank, mode } => {
                object
                    .string("type", "started")
                    .string("bank", bank)
                    .string("mode", mode);
            }
            HostEvent::Finished {
                bank,
                mode,
                score,
                max,
                passed,
                duration,
            } => {
                object
                    .string("type", "finished")
                    .string("bank", bank)
                    .string("mode", mode);
                object.key("score").push_str(&score.to_string());
                object.key("max").push_str(&max.to_string());
                object.bool("passed", *passed).uint("duration", *duration);
            }
        });
        out
    }
}

/// The activity as links name it, so a host can compare with `configure`.
fn mode_key(session: &Session) -> &'static str {
    match (&session.plan.mode, &session.plan.selection) {
        (Mode::Exam, _) => "exam",
        (_, Selection::Sequential) => "sequential",
        _ => "practice",
    }
}

/// Where host events go, and how the other page is opened.
pub trait Host {
    /// Passes an event on; never fails visibly (embedding is optional).
    fn post(&self, event: &HostEvent);

    /// Replaces this page with `href`, the module's other page, so the back
    /// button returns to where the member came from, not to the detour.
    fn open(&self, href: &str);
}

/// Hands events to the boot script's bridge (`window.lxyzQuizHost`), which
/// posts them to the allowed origins only. Without the bridge (the dev
/// server, or a page that is not embedded) events are dropped.
pub struct BrowserHost;

impl Host for BrowserHost {
    fn post(&self, event: &HostEvent) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let bridge = js_sys::Reflect::get(&window, &JsValue::from_str("lxyzQuizHost"))
            .ok()
            .and_then(|value| value.dyn_into::<js_sys::Function>().ok());
        if let Some(bridge) = bridge {
            let _ = bridge.call1(&JsValue::NULL, &JsValue::from_str(&event.to_json()));
        }
    }

    fn open(&self, href: &str) {
        if let Some(window) = web_sys::window() {
            if let Err(error) = window.location().replace(href) {
                web_sys::console::warn_2(&"quiz: could not open".into(), &error);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_the_documented_json() {
        let started = HostEvent::Started {
            bank: "charter".into(),
            mode: "exam",
        };
        assert_eq!(
            started.to_json(),
            r#"{"type":"started","bank":"charter","mode":"exam"}"#
        );
        let finished = HostEvent::Finished {
            bank: "rules".into(),
            mode: "practice",
            score: Score(15),
            max: Score::points(10),
            passed: true,
            duration: 61,
        };
        let value: serde_json::Value = serde_json::from_str(&finished.to_json()).unwrap();
        assert_eq!(
            value,
            serde_json::json!({"type": "finished", "bank": "rules", "mode": "practice",
                "score": 7.5, "max": 10, "passed": true, "duration": 61})
        );
    }
}
