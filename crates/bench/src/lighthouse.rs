//! Lighthouse's scores for a deep link, printed beside the bench's own
//! figures: the number portal admins and reviewers quote.
//!
//! Lighthouse (from the npm registry, in `bench/lighthouse/`, installed by
//! `cargo xtask bench`) drives Debian's Chromium with its default mobile
//! preset (simulated slow 4G and a 4× slower CPU) against the bench's own
//! caching server. Its scores are printed, not budgeted: the bench's
//! first-question ratios are the budgets, measured the same way for the app
//! and the reference page.

use crate::server::CachingServer;
use std::path::Path;
use std::process::Command;

/// The categories printed, in Lighthouse's ids.
const CATEGORIES: [&str; 3] = ["performance", "accessibility", "best-practices"];

/// Runs Lighthouse once on `link` of the app in `dist` and prints each
/// category's score (0–100) and the performance metrics behind the first.
pub fn print_scores(root: &Path, dist: &Path, link: &str) -> Result<(), String> {
    let cli = root.join("bench/lighthouse/node_modules/lighthouse/cli/index.js");
    if !cli.is_file() {
        return Err(format!(
            "Lighthouse is not installed in {}: run `cargo xtask bench` (it installs it)",
            cli.display()
        ));
    }
    let server = CachingServer::start(dist)?;
    let url = format!("{}{link}", server.url());
    let chrome = std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let output = Command::new("node")
        .arg(&cli)
        .arg(&url)
        .arg(format!("--only-categories={}", CATEGORIES.join(",")))
        .args(["--output=json", "--output-path=stdout", "--quiet"])
        .arg("--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage")
        .env("CHROME_PATH", chrome)
        .output()
        .map_err(|error| format!("cannot start node for Lighthouse: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "Lighthouse failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .last()
                .unwrap_or_default()
        ));
    }
    let report: serde_json::Value = serde_json::from_slice(&output.stdout)
        .map_err(|error| format!("Lighthouse printed no report: {error}"))?;
    println!(
        "\n== Lighthouse {} (mobile preset, one run): {link}",
        report["lighthouseVersion"].as_str().unwrap_or("?")
    );
    for category in CATEGORIES {
        let score = report["categories"][category]["score"].as_f64();
        println!(
            "  {category:<16} {}",
            score.map_or("n/a".to_string(), |score| format!("{:.0}", score * 100.0))
        );
    }
    for audit in [
        "first-contentful-paint",
        "largest-contentful-paint",
        "total-blocking-time",
        "cumulative-layout-shift",
        "speed-index",
    ] {
        if let Some(shown) = report["audits"][audit]["displayValue"].as_str() {
            println!("    {audit:<26} {shown}");
        }
    }
    Ok(())
}
