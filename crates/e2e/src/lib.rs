//! Helpers for the end-to-end tests: a static file server for the built
//! `dist/`, Debian's nginx with the shipped configuration, a phone-sized
//! headless Chromium driven over WebDriver, and audits of what it shows
//! (axe-core, tap targets, sideways scrolling).
//!
//! The tests need `cargo xtask test` (or `cargo xtask dist` first): they
//! fail with a clear message when `dist/` is missing, rather than skipping.

mod audit;
mod browser;
mod server;

mod nginx;

pub use audit::{axe_source, Violation, MIN_TARGET_PX};
pub use browser::Phone;
pub use server::{mime, StaticServer};

pub use nginx::{get, Nginx, Response, SUB_PATH};

use std::path::PathBuf;

/// The built app the tests drive: `$QUIZ_DIST`, or `dist/` at the workspace
/// root.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("QUIZ_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../dist"));
    assert!(
        dir.join("index.html").is_file(),
        "no built app at {}: run `cargo xtask dist` (or `cargo xtask test`) first",
        dir.display()
    );
    dir
}

/// Copies a built app so a test can alter its files (a broken manifest, a
/// hostile bank) without touching `dist/`.
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A free loopback port for a server or a driver.
pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free loopback port")
}
