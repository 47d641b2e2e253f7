//! What an embedding page and the service worker see of the app: quiz
//! events through a recording host, the `lang` link parameter, and the
//! "new questions" notice.

mod support;

use quiz_app::app::Shell;
use quiz_app::hooks::UPDATE_EVENT;
use quiz_app::load::MANIFEST_URL;
use quiz_app::platform::{Host, HostEvent, Platform};
use std::cell::RefCell;
use std::rc::Rc;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A host that keeps every event.
#[derive(Default)]
struct Recorder(RefCell<Vec<HostEvent>>);

impl Host for Recorder {
    fn post(&self, event: &HostEvent) {
        self.0.borrow_mut().push(event.clone());
    }

    fn open(&self, _href: &str) {}
}

fn set_hash(hash: &str) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
}

fn click(root: &web_sys::Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
}

fn fetcher() -> FakeFetcher {
    FakeFetcher::default()
        .with(MANIFEST_URL, MANIFEST)
        .with("questions/charter.json", BANK)
}

#[wasm_bindgen_test]
async fn a_quiz_tells_the_host_when_it_starts_and_when_it_is_submitted() {
    set_hash("#/bank/charter/exam?n=2&t=600");
    let recorder = Rc::new(Recorder::default());
    let root = mount::<Shell>(shell_props(Platform {
        host: recorder.clone(),
        ..platform(fetcher())
    }))
    .await;
    settle().await;
    // Only this shell's platform has the recorder: shells other tests left
    // mounted follow the hash too, but tell their own hosts.
    let started = HostEvent::Started {
        bank: "charter".into(),
        mode: "exam",
    };
    assert_eq!(
        recorder.0.borrow().as_slice(),
        std::slice::from_ref(&started)
    );
    click(&root, ".quiz__submit");
    settle().await;
    click(&root, ".dialog__confirm");
    settle().await;
    let events: Vec<HostEvent> = recorder.0.borrow().iter().cloned().collect();
    let finished: Vec<&HostEvent> = events.iter().filter(|event| **event != started).collect();
    assert_eq!(finished.len(), 1, "{events:?}");
    let HostEvent::Finished {
        bank,
        mode,
        score,
        max,
        passed,
        ..
    } = finished[0]
    else {
        panic!("not finished: {events:?}");
    };
    assert_eq!((bank.as_str(), *mode), ("charter", "exam"));
    assert_eq!(score.0, 0);
    assert!(max.0 > 0);
    assert!(!passed);
    assert!(finished[0].to_json().contains(r#""type":"finished""#));
    set_hash("");
}

#[wasm_bindgen_test]
async fn a_lang_parameter_in_the_link_chooses_the_language() {
    set_hash("#/?lang=en");
    let root = mount::<Shell>(shell_props(platform(fetcher()))).await;
    settle().await;
    set_hash("");
    let text = root.text_content().unwrap();
    assert!(text.contains("The Party Constitution"), "{text}");
}

#[wasm_bindgen_test]
async fn the_service_workers_notice_offers_a_reload() {
    let root = mount::<Shell>(shell_props(platform(fetcher()))).await;
    assert!(root.query_selector(".update-banner").unwrap().is_none());
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new(UPDATE_EVENT).unwrap())
        .unwrap();
    settle().await;
    let banner = root
        .query_selector(".update-banner")
        .unwrap()
        .expect("the notice");
    assert!(banner.text_content().unwrap().contains("有新的题目"));
    assert!(banner.query_selector("button").unwrap().is_some());
}
