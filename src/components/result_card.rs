//! The result card (成绩卡片): a picture of an exam's result, drawn on a
//! canvas in the browser, for members to forward to their branch's WeChat
//! group as proof of study. The text layout is [`crate::card`]'s; this file
//! only asks for a name, paints the lines and offers the picture.

use crate::card::{layout, CardText, Role, BAND_HEIGHT, CARD_HEIGHT, CARD_WIDTH, MAX_NAME};
use crate::platform::files::offer_blob;
use crate::platform::Platform;
use quiz_core::Lang;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// Where the member's name for the card is kept on this device.
pub const CARD_NAME_KEY: &str = "lxyz-quiz:card-name";

crate::messages! {
    /// The card's words.
    struct Texts {
        heading:
            "成绩卡片",
            "Result card";
        name_label:
            "姓名（可不填，只保存在本机）",
            "Your name (optional, kept on this device only)";
        name_line:
            "姓名：",
            "Name: ";
        make:
            "生成成绩卡片",
            "Make a result card";
        remake:
            "重新生成",
            "Make it again";
        save:
            "保存图片",
            "Save image";
        share:
            "分享",
            "Share";
        long_press:
            "在微信中：长按图片，可保存或发送给朋友。",
            "In WeChat: long-press the picture to save or forward it.";
        alt:
            "成绩卡片",
            "Result card";
        colon:
            "：",
            ": ";
        paper:
            "试卷",
            "Paper";
        failed:
            "无法生成图片：此浏览器不支持画布。请截屏保存成绩。",
            "Cannot draw the picture: this browser has no canvas. Please take a screenshot.";
        save_failed:
            "此浏览器无法下载文件：请长按图片保存。",
            "This browser cannot download files: long-press the picture to save it.";
    }
}

/// What the card shows, in the interface's language, except the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardFacts {
    /// The module's title.
    pub module_title: String,
    /// The bank's title.
    pub bank_title: String,
    /// The bank's id, for the file name.
    pub bank_id: String,
    /// The score line ("86 / 100 分").
    pub score: String,
    /// 及格 / 不及格 and whether it is a pass.
    pub verdict: (String, bool),
    /// Questions right, time used.
    pub details: Vec<String>,
    /// The shared paper's code, when the exam used one.
    pub paper: Option<String>,
    /// When the exam ended, local time (`YYYY-MM-DD HH:MM`).
    pub when: String,
}

/// Props of [`ResultCard`].
#[derive(Properties, PartialEq)]
pub struct ResultCardProps {
    /// What the card says.
    pub facts: CardFacts,
    /// Its storage is where the name is remembered.
    pub platform: Platform,
    /// The current language.
    pub lang: Lang,
}

/// A made card: the PNG as a data URL for the `<img>` (WeChat saves and
/// forwards an image's long press, and cannot download files; a data URL
/// survives where a blob URL may not), and its description. The same PNG
/// as a blob, for saving and sharing, is kept beside it once the browser
/// has encoded it.
#[derive(Clone, PartialEq)]
struct Made {
    url: String,
    alt: String,
}

/// The name field, the button that draws the card, then the card itself
/// with "save" and, where the system share sheet takes files, "share".
#[function_component(ResultCard)]
pub fn result_card(props: &ResultCardProps) -> Html {
    let words = Texts::of(props.lang);
    let name = {
        let storage = props.platform.storage.clone();
        use_state(move || {
            storage
                .get(CARD_NAME_KEY)
                .ok()
                .flatten()
                .map(|name| name.chars().take(MAX_NAME).collect::<String>())
                .unwrap_or_default()
        })
    };
    let made = use_state(|| None::<Made>);
    let blob = use_mut_ref(|| None::<web_sys::Blob>);
    let can_share = use_state(|| false);
    let problem = use_state(|| None::<&'static str>);
    // The name used for the last card, saved once the card is made.
    let used_name = use_state(|| None::<String>);
    {
        let storage = props.platform.storage.clone();
        use_effect_with((*used_name).clone(), move |used| {
            if let Some(used) = used {
                let saved = if used.is_empty() {
                    storage.remove(CARD_NAME_KEY)
                } else {
                    storage.set(CARD_NAME_KEY, used)
                };
                if let Err(error) = saved {
                    web_sys::console::warn_1(
                        &format!("quiz: could not save the card's name: {error}").into(),
                    );
                }
            }
        });
    }
    let on_input = {
        let name = name.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                name.set(input.value());
            }
        })
    };
    let on_make = {
        let (name, made, blob, can_share, problem, used_name) = (
            name.clone(),
            made.clone(),
            blob.clone(),
            can_share.clone(),
            problem.clone(),
            used_name.clone(),
        );
        let facts = props.facts.clone();
        let lang = props.lang;
        Callback::from(move |_: MouseEvent| {
            let typed: String = name.trim().chars().take(MAX_NAME).collect();
            let texts = Texts::of(lang);
            let card = CardText {
                module_title: facts.module_title.clone(),
                bank_title: facts.bank_title.clone(),
                name: (!typed.is_empty()).then(|| format!("{}{typed}", texts.name_line)),
                score: facts.score.clone(),
                verdict: Some(facts.verdict.clone()),
                details: facts.details.clone(),
                paper: facts
                    .paper
                    .as_ref()
                    .map(|code| format!("{} {code}", texts.paper)),
                when: facts.when.clone(),
            };
            match paint(&card) {
                Ok(canvas) => {
                    let url = canvas.to_data_url().unwrap_or_default();
                    let alt = format!(
                        "{}{}{} {} {}",
                        texts.alt, texts.colon, facts.bank_title, facts.score, facts.verdict.0
                    );
                    made.set(Some(Made { url, alt }));
                    problem.set(None);
                    used_name.set(Some(typed));
                    // The blob for saving and sharing; the browser encodes
                    // it in the background.
                    *blob.borrow_mut() = None;
                    let (blob, can_share) = (blob.clone(), can_share.clone());
                    let done = Closure::once_into_js(move |encoded: Option<web_sys::Blob>| {
                        if let Some(encoded) = encoded {
                            can_share.set(share_file(&encoded).is_some());
                            *blob.borrow_mut() = Some(encoded);
                        }
                    });
                    let _ = canvas.to_blob(done.unchecked_ref());
                }
                Err(_) => problem.set(Some(texts.failed)),
            }
        })
    };
    let file_name = format!(
        "result-{}-{}.png",
        props.facts.bank_id,
        props.facts.when.replace([' ', ':'], "-").replace("--", "-")
    );
    let on_save = {
        let (blob, problem) = (blob.clone(), problem.clone());
        let file_name = file_name.clone();
        let lang = props.lang;
        Callback::from(move |_: MouseEvent| {
            let saved = blob
                .borrow()
                .as_ref()
                .map(|blob| offer_blob(&file_name, blob).is_ok());
            if saved != Some(true) {
                problem.set(Some(Texts::of(lang).save_failed));
            }
        })
    };
    let on_share = {
        let blob = blob.clone();
        let title = props.facts.bank_title.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(file) = blob.borrow().as_ref().and_then(share_file) {
                share(&file, &title);
            }
        })
    };
    html! {
        <section class="result-card" aria-labelledby="result-card-heading">
            <h3 id="result-card-heading">{ words.heading }</h3>
            <label class="result-card__name">
                { words.name_label }
                <input type="text" class="result-card__name-input" maxlength={MAX_NAME.to_string()}
                    autocomplete="name" value={(*name).clone()} oninput={on_input} />
            </label>
            <button type="button" class="button result-card__make" onclick={on_make}>
                { if made.is_some() { words.remake } else { words.make } }
            </button>
            if let Some(message) = *problem {
                <p class="error-text result-card__problem" role="alert">{ message }</p>
            }
            if let Some(made) = &*made {
                <img class="result-card__image" src={made.url.clone()} alt={made.alt.clone()}
                    width={CARD_WIDTH.to_string()} height={CARD_HEIGHT.to_string()} />
                <p class="hint">{ words.long_press }</p>
                <div class="result-card__actions">
                    <button type="button" class="button button--secondary result-card__save" onclick={on_save}>{ words.save }</button>
                    if *can_share {
                        <button type="button" class="button button--secondary result-card__share" onclick={on_share}>{ words.share }</button>
                    }
                </div>
            }
        </section>
    }
}

/// The font of a card line: the system's UI font, whose CJK glyphs every
/// phone has. Sizes are whole pixels: formatting a float would pull Rust's
/// float printing (kilobytes) into the members' download.
fn font(px: f64, bold: bool) -> String {
    let px = px.round() as u32;
    format!(
        "{} {px}px system-ui, -apple-system, \"PingFang SC\", \"Noto Sans CJK SC\", \"Microsoft YaHei\", sans-serif",
        if bold { "bold" } else { "normal" }
    )
}

/// Paints the card on a new canvas of the card's fixed size (whatever the
/// screen's pixel ratio, so every phone makes the same picture).
fn paint(card: &CardText) -> Result<web_sys::HtmlCanvasElement, JsValue> {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_width(CARD_WIDTH);
    canvas.set_height(CARD_HEIGHT);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .dyn_into()?;
    let (width, height) = (f64::from(CARD_WIDTH), f64::from(CARD_HEIGHT));
    // A warm paper background, the Party red band, a thin red frame.
    context.set_fill_style_str("#fffaf2");
    context.fill_rect(0.0, 0.0, width, height);
    context.set_fill_style_str("#b3121b");
    context.fill_rect(0.0, 0.0, width, BAND_HEIGHT);
    context.set_stroke_style_str("#b3121b");
    context.set_line_width(8.0);
    context.stroke_rect(4.0, 4.0, width - 8.0, height - 8.0);
    let measure = |text: &str, px: f64, bold: bool| {
        context.set_font(&font(px, bold));
        context
            .measure_text(text)
            .map(|metrics| metrics.width())
            .unwrap_or(text.chars().count() as f64 * px)
    };
    let lines = layout(card, &measure);
    context.set_text_align("center");
    context.set_text_baseline("alphabetic");
    for line in &lines {
        context.set_font(&font(line.px, line.bold));
        context.set_fill_style_str(match line.role {
            Role::Module => "#ffffff",
            Role::Passed => "#1f7a3a",
            Role::Failed | Role::Paper | Role::Score => "#b3121b",
            Role::When => "#5c5c5c",
            Role::Title | Role::Name | Role::Detail => "#1f1f1f",
        });
        context.fill_text(&line.text, line.x, line.y)?;
    }
    Ok(canvas)
}

/// The card as a file the system share sheet takes, when this browser's
/// `navigator.canShare` says it takes image files; `None` otherwise (most
/// desktop browsers, WeChat).
fn share_file(blob: &web_sys::Blob) -> Option<web_sys::File> {
    let navigator = web_sys::window()?.navigator();
    let can_share: js_sys::Function = js_sys::Reflect::get(&navigator, &"canShare".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = web_sys::FilePropertyBag::new();
    options.set_type("image/png");
    let parts = js_sys::Array::of1(blob);
    let file =
        web_sys::File::new_with_blob_sequence_and_options(&parts, "result.png", &options).ok()?;
    let data = share_data(&file, None);
    let able = can_share.call1(&navigator, &data).ok()?;
    able.as_bool().unwrap_or(false).then_some(file)
}

/// `{ files: [file], title }` for `navigator.share`.
fn share_data(file: &web_sys::File, title: Option<&str>) -> js_sys::Object {
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(file));
    if let Some(title) = title {
        let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    }
    data
}

/// Opens the system share sheet with the card; a member who closes it is
/// not an error.
fn share(file: &web_sys::File, title: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let Ok(share) = js_sys::Reflect::get(&navigator, &"share".into())
        .and_then(|share| share.dyn_into::<js_sys::Function>())
    else {
        return;
    };
    if let Ok(promise) = share.call1(&navigator, &share_data(file, Some(title))) {
        if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}
