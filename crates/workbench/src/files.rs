//! Offering a file made in the page as a download.
//!
//! The member app's `offer_download` writes text as JSON; a workbook is
//! bytes of another type, made into a blob here and handed to the app's
//! `offer_blob`. Nothing leaves the computer: the browser saves the bytes
//! it is handed.

use quiz_app::platform::files::{offer_blob, DownloadBlocked};

/// The media type of an Excel workbook.
pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Offers `bytes` as a file download named `name` of media type `mime`.
pub fn offer_bytes(name: &str, bytes: &[u8], mime: &str) -> Result<(), DownloadBlocked> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| DownloadBlocked)?;
    offer_blob(name, &blob)
}

/// The bank as a workbook for the next round of edits in Excel or WPS:
/// the template's layout with ids (so progress stays keyed to the same
/// questions) and tags by their Chinese names, which the workbook's 标签
/// sheet maps back to the same keys when it is opened again.
pub fn bank_workbook(bank: &quiz_core::Bank) -> Result<Vec<u8>, String> {
    bank_tools::export::to_xlsx_with(
        bank,
        bank_tools::export::ExportOptions {
            ids: true,
            tag_names: true,
        },
    )
}
