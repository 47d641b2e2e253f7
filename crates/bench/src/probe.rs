//! Parse speed, memory and grading in the browser's WebAssembly.
//!
//! `crates/bench-wasm` is built with the app's release profile and
//! `wasm-opt -Oz`, as Trunk builds the app. A page times its calls with
//! `performance.now()` and, on the same bytes in the same page, times
//! `new TextDecoder().decode(bytes)` + `JSON.parse`: the browser's own, and
//! fastest possible, way to read JSON.

use crate::server::CachingServer;
use e2e::Phone;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The page that loads the probes and times them.
const PAGE: &str = r#"<!doctype html>
<meta charset="utf-8">
<title>quiz bench probes</title>
<script type="module">
import init, * as probe from './pkg/bench_wasm.js';
const banks = {};
window.probe = {
  ready: init({ module_or_path: './pkg/bench_wasm_bg.wasm' }).then(() => true),
  async fetch(name) {
    const t0 = performance.now();
    const response = await fetch(`banks/${name}.json`, { cache: 'no-store' });
    const bytes = new Uint8Array(await response.arrayBuffer());
    banks[name] = bytes;
    return { ms: performance.now() - t0, bytes: bytes.length };
  },
  wasm(name) {
    const t0 = performance.now();
    const count = probe.check(banks[name]);
    return { ms: performance.now() - t0, count };
  },
  tree(name) {
    const t0 = performance.now();
    const members = probe.parse_json(banks[name]);
    return { ms: performance.now() - t0, members };
  },
  js(name) {
    const t0 = performance.now();
    const value = JSON.parse(new TextDecoder().decode(banks[name]));
    return { ms: performance.now() - t0, count: value.questions.length };
  },
  load(name) {
    const before = probe.memory_bytes();
    const count = probe.load(banks[name]);
    return { count, before, after: probe.memory_bytes() };
  },
  prepare(count) { return probe.prepare_exam(count); },
  grade(times) {
    const t0 = performance.now();
    const score = probe.grade(times);
    return { ms: (performance.now() - t0) / times, score };
  },
};
</script>
"#;

/// The figures for one bank size.
#[derive(Debug, Clone)]
pub struct ParseFigures {
    /// The bank's size label, e.g. `5k`.
    pub label: String,
    /// The file's size in bytes.
    pub bytes: usize,
    /// Fetching it from the local server, unthrottled, in milliseconds.
    pub fetch_ms: f64,
    /// `check_bank` in WebAssembly (bytes copied in, parsed, validated),
    /// best of the runs, in milliseconds.
    pub wasm_ms: f64,
    /// Of which UTF-8 and the JSON tree (`json::parse` alone), best of the
    /// runs.
    pub tree_ms: f64,
    /// `TextDecoder` + `JSON.parse` of the same bytes, best of the runs.
    pub js_ms: f64,
}

/// Everything the probe page measures.
#[derive(Debug, Clone)]
pub struct ProbeFigures {
    /// Parse speed per bank size.
    pub parse: Vec<ParseFigures>,
    /// Linear memory after loading the 5k bank, in bytes.
    pub memory_5k: f64,
    /// Linear memory before it, in bytes.
    pub memory_empty: f64,
    /// Grading one answered 100-question exam, best of the runs, in
    /// milliseconds.
    pub grade_100_ms: f64,
}

/// Builds the probes and the page into `work`, serves them with `banks`
/// (label and bytes) and runs every measurement `runs` times.
pub async fn run(
    root: &Path,
    work: &Path,
    banks: &[(String, Vec<u8>)],
    runs: usize,
) -> Result<ProbeFigures, String> {
    build(root, work)?;
    std::fs::write(work.join("index.html"), PAGE).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(work.join("banks")).map_err(|e| e.to_string())?;
    for (label, bytes) in banks {
        std::fs::write(work.join("banks").join(format!("{label}.json")), bytes)
            .map_err(|e| e.to_string())?;
    }
    let server = CachingServer::start(work)?;
    let phone = Phone::start().await;
    let result = measure(&phone, &server, banks, runs).await;
    phone.close().await;
    result
}

async fn measure(
    phone: &Phone,
    server: &CachingServer,
    banks: &[(String, Vec<u8>)],
    runs: usize,
) -> Result<ProbeFigures, String> {
    // Parse speed first, each size checked many times in one module.
    open(phone, server).await?;
    let mut parse = Vec::new();
    for (label, bytes) in banks {
        let fetched = eval(phone, &format!("window.probe.fetch('{label}')")).await?;
        let (mut wasm, mut js, mut tree) = (Vec::new(), Vec::new(), Vec::new());
        // Twice the runs, and the best of them: these are short, and the
        // least disturbed run is the one that measures the code.
        for _ in 0..runs * 2 {
            let t = eval(phone, &format!("window.probe.tree('{label}')")).await?;
            tree.push(t["ms"].as_f64().unwrap_or(f64::NAN));
            let w = eval(phone, &format!("window.probe.wasm('{label}')")).await?;
            let j = eval(phone, &format!("window.probe.js('{label}')")).await?;
            if w["count"] != j["count"] {
                return Err(format!(
                    "bank {label}: check_bank read {} questions, JSON.parse {}",
                    w["count"], j["count"]
                ));
            }
            wasm.push(w["ms"].as_f64().unwrap_or(f64::NAN));
            js.push(j["ms"].as_f64().unwrap_or(f64::NAN));
        }
        parse.push(ParseFigures {
            label: label.clone(),
            bytes: bytes.len(),
            fetch_ms: fetched["ms"].as_f64().unwrap_or(f64::NAN),
            wasm_ms: best(&wasm),
            tree_ms: best(&tree),
            js_ms: best(&js),
        });
    }
    open(phone, server).await?;
    // Memory on a fresh module: linear memory never shrinks, so the figure
    // includes the peak of parsing the 5k bank, as it does in the app, and
    // none of the larger banks' parses.
    eval(phone, "window.probe.fetch('5k')").await?;
    let memory = eval(phone, "window.probe.load('5k')").await?;
    if memory["count"].as_i64().unwrap_or(-1) < 0 {
        return Err("the 5k bank was refused by check_bank".into());
    }
    let items = eval(phone, "window.probe.prepare(100)").await?;
    if items.as_i64() != Some(100) {
        return Err(format!("the 100-question exam did not start: {items}"));
    }
    let mut grades = Vec::new();
    for _ in 0..runs {
        let graded = eval(phone, "window.probe.grade(20)").await?;
        grades.push(graded["ms"].as_f64().unwrap_or(f64::NAN));
    }
    Ok(ProbeFigures {
        parse,
        memory_5k: memory["after"].as_f64().unwrap_or(f64::NAN),
        memory_empty: memory["before"].as_f64().unwrap_or(f64::NAN),
        grade_100_ms: best(&grades),
    })
}

/// Opens the probe page afresh and waits for its module.
async fn open(phone: &Phone, server: &CachingServer) -> Result<(), String> {
    phone
        .client
        .goto(&server.url())
        .await
        .map_err(|error| error.to_string())?;
    let ready = eval(phone, "window.probe.ready").await?;
    if ready != Value::Bool(true) {
        return Err(format!("the probe page did not start: {ready}"));
    }
    Ok(())
}

/// The fastest of `times`: the run least disturbed by other work.
fn best(times: &[f64]) -> f64 {
    times.iter().copied().fold(f64::NAN, f64::min)
}

/// Evaluates `expression` in the page; WebDriver waits for a promise.
async fn eval(phone: &Phone, expression: &str) -> Result<Value, String> {
    phone
        .client
        .execute(&format!("return ({expression});"), vec![])
        .await
        .map_err(|error| format!("{expression}: {error}"))
}

/// Builds `bench-wasm` as the app is built: release profile, wasm-bindgen
/// for the web, then `wasm-opt -Oz`.
fn build(root: &Path, work: &Path) -> Result<(), String> {
    run_command(Command::new("cargo").current_dir(root).args([
        "build",
        "-p",
        "bench-wasm",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "--locked",
    ]))?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let wasm = target.join("wasm32-unknown-unknown/release/bench_wasm.wasm");
    let pkg = work.join("pkg");
    run_command(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--out-dir"])
            .arg(&pkg)
            .arg(&wasm),
    )?;
    let bg = pkg.join("bench_wasm_bg.wasm");
    run_command(
        Command::new("wasm-opt")
            .args([
                "-Oz",
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int",
            ])
            .arg(&bg)
            .arg("-o")
            .arg(&bg),
    )
}

fn run_command(command: &mut Command) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|error| format!("cannot start {:?}: {error}", command.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{:?} failed ({status})", command.get_program()))
    }
}
