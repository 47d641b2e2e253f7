//! A panic hook that replaces a blank page with a visible message.

use wasm_bindgen::JsCast;

/// Installs the hook. On a panic it logs the details to the console and
/// shows a bilingual notice with a reload link, built with text nodes only.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let details = info.to_string();
        web_sys::console::error_1(&format!("quiz panicked: {details}").into());
        show_notice();
    }));
}

fn show_notice() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    if document.get_element_by_id("panic-notice").is_some() {
        return;
    }
    let Ok(notice) = document.create_element("div") else {
        return;
    };
    notice.set_id("panic-notice");
    let _ = notice.set_attribute("role", "alert");
    let _ = notice.set_attribute("class", "panic-notice");
    for text in [
        "程序出错了，请重新加载页面。已作答的内容会尽量保留。",
        "Something went wrong. Please reload the page; your answers are kept where possible.",
    ] {
        if let Ok(paragraph) = document.create_element("p") {
            paragraph.set_text_content(Some(text));
            let _ = notice.append_child(&paragraph);
        }
    }
    if let Ok(link) = document.create_element("a") {
        // A plain link to the page itself (without the hash, which would only
        // scroll) reloads it without running any WASM, which may no longer
        // work after a panic.
        let href = web_sys::window()
            .map(|window| {
                let location = window.location();
                format!(
                    "{}{}",
                    location.pathname().unwrap_or_default(),
                    location.search().unwrap_or_default()
                )
            })
            .unwrap_or_default();
        let _ = link.set_attribute("href", &href);
        link.set_text_content(Some("重新加载 · Reload"));
        let _ = link.set_attribute("class", "button");
        let _ = notice.append_child(&link);
    }
    if let Some(notice) = notice.dyn_ref::<web_sys::HtmlElement>() {
        let _ = body.prepend_with_node_1(notice);
    }
}
