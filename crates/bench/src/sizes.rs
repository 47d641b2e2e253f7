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
    /// The member's records page (`records.html`, 我的学习 and 备份, and the
    /// files named after it), with the stylesheet it shares with the app:
    /// what a member downloads on opening it.
    Records,
    /// The coordinators' workbench (`workbench.html` and the files named
    /// after it, as `cargo xtask dist` builds them), with the stylesheet it
    /// shares with the app.
    Workbench,
    /// The bench's one-component Yew page, in a folder of its own: the
    /// yardstick for what Yew itself weighs.
    Reference,
}

impl Bundle {
    /// Whether the file `name` at the top of `dist/` belongs to the bundle.
    fn contains(self, name: &str) -> bool {
        let workbench = name == "workbench.html" || name.starts_with("workbench-");
        let records = name == "records.html" || name.starts_with("records-");
        let style = name.starts_with("style-") && name.ends_with(".css");
        match self {
            Bundle::App => !workbench && !records,
            Bundle::Records => records || style,
            Bundle::Reference => true,
            Bundle::Workbench => workbench || style,
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

/// Crates the member's WebAssembly must not contain: quiz-core's `tools`
/// feature brings serde_json for the CLI, the schema and the workbench,
/// and a feature unified into the app's build by mistake would ship it to
/// every member.
pub const NOT_IN_MEMBER_WASM: [&str; 3] = ["serde_json", "bank_tools", "calamine"];

/// How many times `name` occurs in `bytes`: in a build that keeps function
/// names, how many functions of that crate (mangled names carry the crate's
/// name) made it in.
pub fn count_mentions(bytes: &[u8], name: &str) -> usize {
    let needle = name.as_bytes();
    if needle.is_empty() {
        return 0;
    }
    bytes
        .windows(needle.len())
        .filter(|window| *window == needle)
        .count()
}

/// The bytes of code and markup (wasm, js, css, html; not the service
/// worker, which is fetched after the app runs) that a page load received,
/// from the bench server's log lines (`200 /path br 1234 B`).
pub fn code_bytes(requests: &[String]) -> usize {
    requests
        .iter()
        .filter_map(|line| {
            let mut parts = line.split_whitespace();
            let (status, path, _, bytes) =
                (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
            let name = path.rsplit('/').next().unwrap_or(path);
            let code = KINDS.iter().any(|kind| name.ends_with(&format!(".{kind}")));
            (status == "200" && code && !NOT_IN_FIRST_LOAD.contains(&name))
                .then(|| bytes.parse::<usize>().ok())
                .flatten()
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_bytes_count_what_was_sent_of_code_and_markup() {
        let log = [
            "200 /index.html br 900 B",
            "200 /quiz-app-1.wasm br 190000 B",
            "200 /questions/index.json br 700 B",
            "200 /questions/charter.json br 30000 B",
            "200 /sw.js br 2000 B",
            "304 /style-2.css",
            "200 /style-2.css br 4000 B",
        ]
        .map(String::from);
        assert_eq!(code_bytes(&log), 900 + 190_000 + 4000);
    }

    #[test]
    fn mentions_are_counted() {
        assert_eq!(
            count_mentions(b"a serde_json b serde_json", "serde_json"),
            2
        );
        assert_eq!(count_mentions(b"serde", "serde_json"), 0);
    }
}
