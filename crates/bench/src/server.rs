//! A static file server that behaves like a well-configured production one,
//! so the browser's throttled loads see realistic bytes and round trips.
//!
//! Every file is compressed once at start-up (brotli when the browser offers
//! it, else gzip), so no request waits for compression. Files whose names
//! carry Trunk's content hash are cached for a year as immutable; every other
//! file (`index.html`, the banks) must be revalidated and answers `304 Not
//! Modified` to a matching `If-None-Match`, as a coordinator's replaced bank
//! must be seen on the next visit. Latency and bandwidth are left to
//! Chromium's network emulation.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

/// Files larger than this are sent uncompressed: only the parse probe uses
/// them, unthrottled, and compressing them would only slow start-up.
const MAX_COMPRESSED: usize = 4 * 1024 * 1024;

/// One file, ready to send in each encoding.
struct Entry {
    identity: Vec<u8>,
    gzip: Option<Vec<u8>>,
    brotli: Option<Vec<u8>>,
    etag: String,
    immutable: bool,
}

/// A running server; it stops when dropped.
pub struct CachingServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    log: Arc<Mutex<Vec<String>>>,
}

impl CachingServer {
    /// Serves every file under `root`, compressed once, at a free port.
    pub fn start(root: &Path) -> Result<CachingServer, String> {
        let mut files = HashMap::new();
        load_tree(root, root, &mut files)?;
        let files = Arc::new(files);
        let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        let stop = Arc::new(AtomicBool::new(false));
        let log = Arc::new(Mutex::new(Vec::new()));
        let (stopping, logging) = (stop.clone(), log.clone());
        thread::spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = stream {
                    let (files, log) = (files.clone(), logging.clone());
                    thread::spawn(move || {
                        let _ = serve(stream, &files, &log);
                    });
                }
            }
        });
        Ok(CachingServer { addr, stop, log })
    }

    /// The base URL, ending in `/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// The requests served since the last call, as `status path encoding`,
    /// so a run can show what went over the network.
    pub fn take_log(&self) -> Vec<String> {
        self.log
            .lock()
            .map(|mut log| std::mem::take(&mut *log))
            .unwrap_or_default()
    }
}

impl Drop for CachingServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(self.addr);
    }
}

/// Reads and compresses every file under `dir`, keyed by its URL path.
fn load_tree(root: &Path, dir: &Path, files: &mut HashMap<String, Entry>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|error| format!("cannot read {}: {error}", dir.display()))?;
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            load_tree(root, &path, files)?;
            continue;
        }
        let bytes = std::fs::read(&path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        let key = url_path(root, &path);
        let compress = bytes.len() <= MAX_COMPRESSED && compressible(&path);
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        files.insert(
            key,
            Entry {
                gzip: compress.then(|| crate::sizes::gzip(&bytes)),
                brotli: compress.then(|| crate::sizes::brotli(&bytes)),
                etag: format!("\"{:016x}\"", fnv1a(&bytes)),
                immutable: has_content_hash(name),
                identity: bytes,
            },
        );
    }
    Ok(())
}

/// `/questions/index.json` for `root/questions/index.json`.
fn url_path(root: &Path, path: &Path) -> String {
    let relative: PathBuf = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let parts: Vec<String> = relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect();
    format!("/{}", parts.join("/"))
}

fn compressible(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|ext| ext.to_str()),
        Some("html" | "js" | "css" | "wasm" | "json" | "svg" | "webmanifest")
    )
}

/// True for Trunk's hashed names, e.g. `quiz-app-1a2b3c4d5e6f7a8b_bg.wasm`.
pub fn has_content_hash(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A cheap content hash for the ETag.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn serve(
    stream: TcpStream,
    files: &HashMap<String, Entry>,
    log: &Mutex<Vec<String>>,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut accept = String::new();
    let mut if_none_match = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            match name.trim().to_ascii_lowercase().as_str() {
                "accept-encoding" => accept = value.trim().to_ascii_lowercase(),
                "if-none-match" => if_none_match = value.trim().to_string(),
                _ => {}
            }
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let mut path = target.split(['?', '#']).next().unwrap_or("/").to_string();
    if path.ends_with('/') {
        path.push_str("index.html");
    }
    let mut stream = stream;
    let Some(entry) = files.get(&path) else {
        record(log, format!("404 {path}"));
        return write_head(&mut stream, "404 Not Found", &[("Content-Length", "0")]);
    };
    let cache = if entry.immutable {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    if if_none_match == entry.etag {
        record(log, format!("304 {path}"));
        return write_head(
            &mut stream,
            "304 Not Modified",
            &[("ETag", &entry.etag), ("Cache-Control", cache)],
        );
    }
    let offers = |coding: &str| accept.split(',').any(|c| c.trim().starts_with(coding));
    let (body, encoding) = match (&entry.brotli, &entry.gzip) {
        (Some(br), _) if offers("br") => (br, Some("br")),
        (_, Some(gz)) if offers("gzip") => (gz, Some("gzip")),
        _ => (&entry.identity, None),
    };
    record(
        log,
        format!(
            "200 {path} {} {} B",
            encoding.unwrap_or("identity"),
            body.len()
        ),
    );
    let length = body.len().to_string();
    let mut headers = vec![
        ("Content-Type", e2e::mime(Path::new(&path))),
        ("Content-Length", length.as_str()),
        ("Cache-Control", cache),
        ("ETag", entry.etag.as_str()),
        ("Vary", "Accept-Encoding"),
    ];
    if let Some(encoding) = encoding {
        headers.push(("Content-Encoding", encoding));
    }
    write_head(&mut stream, "200 OK", &headers)?;
    if method != "HEAD" {
        stream.write_all(body)?;
    }
    stream.flush()
}

fn record(log: &Mutex<Vec<String>>, line: String) {
    if let Ok(mut log) = log.lock() {
        log.push(line);
    }
}

fn write_head(
    stream: &mut TcpStream,
    status: &str,
    headers: &[(&str, &str)],
) -> std::io::Result<()> {
    let mut head = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::has_content_hash;

    #[test]
    fn recognises_trunk_hashed_names() {
        assert!(has_content_hash("quiz-app-0123456789abcdef_bg.wasm"));
        assert!(has_content_hash("quiz-app-0123456789abcdef.js"));
        assert!(has_content_hash("style-0123456789abcdef.css"));
        assert!(!has_content_hash("index.html"));
        assert!(!has_content_hash("charter.json"));
        assert!(!has_content_hash("bench-1k.json"));
    }
}
