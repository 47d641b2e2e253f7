//! Transfer sizes of the built app: what a phone downloads on a first visit.

use std::io::Write;
use std::path::Path;

/// The app's files by kind: the bytes of each kind in `dist/`, banks aside.
#[derive(Debug, Default, Clone, Copy)]
pub struct KindSize {
    /// Bytes on disk.
    pub raw: usize,
    /// After `gzip -9`.
    pub gzip: usize,
    /// After brotli at quality 11 (the `brotli -11` CLI's setting).
    pub brotli: usize,
}

/// The kinds the issue asks for, in the order the table prints them.
pub const KINDS: [&str; 4] = ["wasm", "js", "css", "html"];

/// Files at the top of `dist` that a first visit does not download: the
/// device check page (opened only when something is wrong) and the service
/// worker (registered after the app runs, fetched off the critical path).
const NOT_IN_FIRST_LOAD: [&str; 4] = ["check.html", "check.js", "check.css", "sw.js"];

/// The two pages built into `dist/`, each with its own WebAssembly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// The member app (`index.html`): what every member downloads.
    App,
    /// The coordinators' workbench (`workbench.html` and the files named
    /// after it, as `cargo xtask dist` builds them), with the stylesheet it
    /// shares with the app.
    Workbench,
}

impl Bundle {
    /// Whether the file `name` at the top of `dist/` belongs to the bundle.
    fn contains(self, name: &str) -> bool {
        let workbench = name == "workbench.html" || name.starts_with("workbench-");
        match self {
            Bundle::App => !workbench,
            Bundle::Workbench => {
                workbench || (name.starts_with("style-") && name.ends_with(".css"))
            }
        }
    }
}

/// Measures every file of each kind at the top of `dist` that belongs to
/// `bundle` (the banks in `dist/questions/` are data and are measured on
/// their own).
pub fn measure(dist: &Path, bundle: Bundle) -> Result<Vec<(&'static str, KindSize)>, String> {
    let entries = std::fs::read_dir(dist)
        .map_err(|error| format!("cannot read {}: {error}", dist.display()))?;
    let mut totals: Vec<(&'static str, KindSize)> = KINDS
        .iter()
        .map(|&kind| (kind, KindSize::default()))
        .collect();
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if NOT_IN_FIRST_LOAD
            .iter()
            .any(|name| entry.file_name() == *name)
            || !bundle.contains(&entry.file_name().to_string_lossy())
        {
            continue;
        }
        let Some(ext) = path.extension().and_then(|ext| ext.to_str()) else {
            continue;
        };
        let Some((_, total)) = totals.iter_mut().find(|(kind, _)| *kind == ext) else {
            continue;
        };
        let bytes = std::fs::read(&path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        total.raw += bytes.len();
        total.gzip += gzip(&bytes).len();
        total.brotli += brotli(&bytes).len();
    }
    Ok(totals)
}

/// `gzip -9`.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// Brotli at quality 11 with a 4 MB window, as `brotli -11` writes it.
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let mut input = bytes;
    // Reading from a slice and writing to a Vec cannot fail.
    let _ = brotli::BrotliCompress(&mut input, &mut out, &params);
    out
}
