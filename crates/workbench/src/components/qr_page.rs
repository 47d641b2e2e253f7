//! The QR code of a shared-paper link (`workbench.html#qr=<link>`), which
//! the member app's bank page opens for coordinators: drawn here so the QR
//! encoder (the `qrcode` crate) stays out of the members' download.

use qrcode::{Color, EcLevel, QrCode};
use quiz_app::hooks::use_language;
use quiz_app::platform::Platform;
use yew::prelude::*;

quiz_app::messages! {
    /// The page's words.
    struct Texts {
        heading:
            "统一试卷二维码",
            "Shared paper QR code";
        hint:
            "长按或截屏保存二维码，发到支部群：扫码即打开这份统一试卷。",
            "Long-press or take a screenshot to save the code and post it in the branch's group: scanning it opens the shared paper.";
        label:
            "链接",
            "Link";
        bad_link:
            "地址中没有可生成二维码的链接。请在题库页面的“统一试卷链接”中点击“二维码”。",
            "The address holds no link to draw. On a bank's page, open “Shared paper link” and tap “QR code”.";
        open_workbench:
            "打开题库工作台",
            "Open the workbench";
        alt:
            "统一试卷链接的二维码",
            "QR code of the shared paper link";
    }
}

/// The link a `#qr=` hash carries, when it is an http(s) address (nothing
/// else is drawn or linked, whoever made the address).
pub fn qr_link(hash: &str) -> Option<String> {
    let encoded = hash.strip_prefix('#').unwrap_or(hash).strip_prefix("qr=")?;
    let link = String::from(js_sys::decode_uri_component(encoded).ok()?);
    let lower = link.to_ascii_lowercase();
    ((lower.starts_with("https://") || lower.starts_with("http://")) && link.len() <= 2_000)
        .then_some(link)
}

/// An SVG path of the code's dark modules, one unit a module, with the
/// quiet zone of four modules the standard asks for around it; and the
/// side of the whole square in modules.
pub fn qr_path(link: &str) -> Option<(String, usize)> {
    let code = QrCode::with_error_correction_level(link.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let mut path = String::new();
    for (index, color) in code.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            let (x, y) = (index % width + 4, index / width + 4);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Some((path, width + 8))
}

/// Props of [`QrPage`].
#[derive(Properties, PartialEq)]
pub struct QrPageProps {
    /// The location's hash, `#qr=<url-encoded link>`.
    pub hash: String,
    /// Storage for the language choice, shared with the member app.
    pub platform: Platform,
}

/// The QR code of the link, large and black on white (what scanners read
/// best, in either theme), with the link written under it.
#[function_component(QrPage)]
pub fn qr_page(props: &QrPageProps) -> Html {
    let (lang, _) = use_language(props.platform.storage.clone());
    let texts = Texts::of(lang);
    let drawn = qr_link(&props.hash).and_then(|link| qr_path(&link).map(|qr| (link, qr)));
    html! {
        <main class="qr-page">
            <h1>{ texts.heading }</h1>
            if let Some((link, (path, side))) = drawn {
                <p>{ texts.hint }</p>
                // A fixed size that fits a phone, scans well from another
                // screen and needs no style (the page's policy allows none
                // inline).
                <svg class="qr-page__code" role="img" aria-label={texts.alt} width="320" height="320"
                    viewBox={format!("0 0 {side} {side}")} shape-rendering="crispEdges">
                    <rect width={side.to_string()} height={side.to_string()} fill="#ffffff" />
                    <path d={path} fill="#000000" />
                </svg>
                <p class="qr-page__link">{ texts.label }{ "：" }<a href={link.clone()}>{ link.clone() }</a></p>
            } else {
                <p class="qr-page__bad" role="alert">{ texts.bad_link }</p>
                <a class="button" href="workbench.html">{ texts.open_workbench }</a>
            }
        </main>
    }
}
