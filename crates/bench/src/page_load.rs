//! Time to the first question that is visible and answerable, in headless
//! Chromium at phone size under the Lighthouse mobile preset.
//!
//! A script injected before the page's own watches the DOM and records
//! `performance.now()` (milliseconds since navigation started) at the first
//! animation frame after an enabled option button or blank input of the
//! first question exists. The same script collects long tasks (over 50 ms of
//! main-thread work) with the Long Tasks API.

use crate::cdp;
use crate::server::CachingServer;
use e2e::Phone;
use serde_json::Value;
use std::path::Path;
use std::time::{Duration, Instant};

/// The script run in every page before the app.
const PROBE: &str = r#"(() => {
  const bench = window.__bench = { firstQuestion: null, longTasks: [], started: null };
  addEventListener('TrunkApplicationStarted', () => { bench.started = performance.now(); });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  const answerable = '.question .choice:not([disabled]), .question .blank__input:not([disabled])';
  let seen = false;
  const observer = new MutationObserver(() => {
    if (!seen && document.querySelector(answerable)) {
      seen = true;
      observer.disconnect();
      requestAnimationFrame(() => {
        bench.resources = performance.getEntriesByType('resource')
          .map((r) => [r.name.split('/').pop(), Math.round(r.startTime), Math.round(r.responseEnd)]);
        bench.marks = performance.getEntriesByType('mark')
          .map((m) => [m.name, Math.round(m.startTime)]);
        bench.firstQuestion = performance.now();
      });
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();"#;

/// How long one load may take before the run fails.
const LOAD_TIMEOUT: Duration = Duration::from_secs(60);

/// One measured load.
#[derive(Debug, Clone)]
pub struct Load {
    /// Milliseconds from navigation start to the first answerable question.
    pub first_question_ms: f64,
    /// The longest main-thread task before that moment, in milliseconds
    /// (0 when no task exceeded 50 ms).
    pub longest_task_ms: f64,
    /// The longest task from the app's receiving the bank's bytes to that
    /// moment: checking the bank and showing its first question, without
    /// the app's own start-up (the bank is preloaded alongside it).
    pub longest_bank_task_ms: f64,
    /// The longest task while the bank is checked alone (from its bytes
    /// reaching the app to the app's `quiz:bank-checked` mark), without
    /// rendering; `None` without the marks.
    pub longest_check_task_ms: Option<f64>,
    /// What the server sent, one line a request.
    pub requests: Vec<String>,
    /// When the WebAssembly app had started, and each resource's start and
    /// end, in milliseconds since navigation: the waterfall.
    pub timeline: String,
}

/// A cold and a repeat visit of the same link, in one fresh browser.
#[derive(Debug, Clone)]
pub struct Visit {
    /// A fresh profile: empty HTTP cache, no compiled-code cache.
    pub cold: Load,
    /// The same link opened again: HTTP cache and revalidation.
    pub repeat: Load,
}

/// Opens `link` (relative to the server's root) in a fresh phone, cold and
/// then again as a repeat visit.
pub async fn visit(server: &CachingServer, link: &str) -> Result<Visit, String> {
    let phone = Phone::start().await;
    let result = visit_with(&phone, server, link).await;
    phone.close().await;
    result
}

async fn visit_with(phone: &Phone, server: &CachingServer, link: &str) -> Result<Visit, String> {
    let client = &phone.client;
    cdp::mobile_preset(client).await?;
    cdp::before_every_page(client, PROBE).await?;
    cdp::send(client, "Network.clearBrowserCache", serde_json::json!({})).await?;
    let url = format!("{}{link}", server.url());
    server.take_log();
    let cold = load(phone, &url).await?;
    let cold = Load {
        requests: server.take_log(),
        ..cold
    };
    client
        .goto("about:blank")
        .await
        .map_err(|error| error.to_string())?;
    server.take_log();
    let repeat = load(phone, &url).await?;
    let repeat = Load {
        requests: server.take_log(),
        ..repeat
    };
    Ok(Visit { cold, repeat })
}

async fn load(phone: &Phone, url: &str) -> Result<Load, String> {
    phone
        .client
        .goto(url)
        .await
        .map_err(|error| format!("cannot open {url}: {error}"))?;
    let started = Instant::now();
    loop {
        let bench = phone.eval("window.__bench || null").await;
        if let Some(first) = bench["firstQuestion"].as_f64() {
            let tasks: Vec<(f64, f64)> = bench["longTasks"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|task| {
                    (
                        task[0].as_f64().unwrap_or(f64::MAX),
                        task[1].as_f64().unwrap_or(0.0),
                    )
                })
                .collect();
            // The bank's loading starts when the app has its bytes (the
            // app's `quiz:bank-fetched` mark): its request is preloaded and
            // may start before the app does, whose start-up is not the
            // bank's. Without the mark, the bank's request: the last JSON
            // file fetched that is not the manifest.
            let mark = |name: &str| {
                bench["marks"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|m| m[0].as_str() == Some(name))
                    .filter_map(|m| m[1].as_f64())
                    .next_back()
            };
            let bank_fetched = mark("quiz:bank-fetched");
            let bank_start = bank_fetched.unwrap_or_else(|| {
                bench["resources"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|r| {
                        let name = r[0].as_str().unwrap_or("");
                        name.ends_with(".json") && name != "index.json"
                    })
                    .filter_map(|r| r[1].as_f64())
                    .next_back()
                    .unwrap_or(0.0)
            });
            // Every task that runs at some point in the window counts,
            // including one that began just before it.
            let longest_in = |from: f64, to: f64| {
                tasks
                    .iter()
                    .filter(|(at, took)| at + took > from && *at < to)
                    .map(|(_, took)| *took)
                    .fold(0.0, f64::max)
            };
            let (longest, longest_bank) = (longest_in(0.0, first), longest_in(bank_start, first));
            let longest_check = bank_fetched
                .zip(mark("quiz:bank-checked"))
                .map(|(from, to)| longest_in(from, to));
            let mut timeline = format!(
                "app started {}",
                bench["started"]
                    .as_f64()
                    .map_or("?".into(), |t| format!("{t:.0}"))
            );
            for resource in bench["resources"].as_array().into_iter().flatten() {
                timeline.push_str(&format!(
                    "; {} {}-{}",
                    resource[0].as_str().unwrap_or("?"),
                    resource[1],
                    resource[2]
                ));
            }
            for mark in bench["marks"].as_array().into_iter().flatten() {
                timeline.push_str(&format!(
                    "; {} {}",
                    mark[0].as_str().unwrap_or("?"),
                    mark[1]
                ));
            }
            let tasks: Vec<String> = tasks
                .iter()
                .map(|(at, took)| format!("{at:.0}+{took:.0}"))
                .collect();
            timeline.push_str(&format!("; long tasks at+ms: {}", tasks.join(" ")));
            return Ok(Load {
                first_question_ms: first,
                longest_task_ms: longest,
                longest_bank_task_ms: longest_bank,
                longest_check_task_ms: longest_check,
                requests: Vec::new(),
                timeline,
            });
        }
        if started.elapsed() > LOAD_TIMEOUT {
            let body = phone
                .eval("document.body ? document.body.innerText : ''")
                .await;
            return Err(format!(
                "no answerable question at {url} after {} s; the page shows: {}",
                LOAD_TIMEOUT.as_secs(),
                body.as_str().unwrap_or_default()
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Copies `dist` to `to` and publishes `bytes` as bank `id` in it, listed in
/// the manifest as a coordinator would add it.
pub fn dist_with_bank(
    dist: &Path,
    to: &Path,
    id: &str,
    bytes: &[u8],
    count: usize,
) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(to);
    e2e::copy_dir(dist, to);
    let file = format!("{id}.json");
    std::fs::write(to.join("questions").join(&file), bytes).map_err(|e| e.to_string())?;
    let index = to.join("questions/index.json");
    let text = std::fs::read_to_string(&index).map_err(|e| e.to_string())?;
    let mut manifest: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let entry = serde_json::json!({
        "id": id,
        "file": file,
        "title": {"zh": format!("基准测试题库（{count} 题）"), "en": format!("Benchmark bank ({count} questions)")},
        "description": {"zh": "用于测量加载速度。", "en": "For measuring loading."},
        "version": 1,
        "updated": "2026-11-28",
        "count": count,
    });
    manifest["banks"]
        .as_array_mut()
        .ok_or("questions/index.json has no banks list")?
        .push(entry);
    let text = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?;
    std::fs::write(&index, text).map_err(|e| e.to_string())
}
