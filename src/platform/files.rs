//! Moving text in and out of the browser for backups: saving a file,
//! copying to the clipboard, reading a chosen file. Every step can fail
//! (WeChat's browser blocks downloads, old phones lack the clipboard API),
//! so each returns a result and the page offers the next way instead.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The browser could not start a download (no document, no Blob URLs, or
/// downloads blocked); the page then offers the text to copy instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DownloadBlocked;

/// Offers `text` as a file download named `name`.
pub fn offer_download(name: &str, text: &str) -> Result<(), DownloadBlocked> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| DownloadBlocked)?;
    offer_blob(name, &blob)
}

/// Offers `blob` as a file download named `name`: the one way the app and
/// the workbench hand the browser a file to save.
pub fn offer_blob(name: &str, blob: &web_sys::Blob) -> Result<(), DownloadBlocked> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(DownloadBlocked)?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|_| DownloadBlocked)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| DownloadBlocked)?
        .dyn_into()
        .map_err(|_| DownloadBlocked)?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The click has started the download; the URL may go once it returns.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Selects the text in `area` and copies it. Returns whether the browser
/// confirmed the copy; when it did not, the text stays selected so a long
/// press copies it.
pub fn copy_selected(area: &web_sys::HtmlTextAreaElement) -> bool {
    area.select();
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false)
}

/// The first file chosen in a file input, if any.
pub fn chosen_file(event: &web_sys::Event) -> Option<web_sys::File> {
    event
        .target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?
        .files()?
        .get(0)
}

/// Reads a chosen file as UTF-8 text; `None` if the browser cannot.
pub async fn read_text(file: web_sys::File) -> Option<String> {
    JsFuture::from(file.text()).await.ok()?.as_string()
}
