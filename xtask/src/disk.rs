//! Free space on the disk that holds `target/`, checked before a test run.
//!
//! A full disk stops a build half-way with rustc's "No space left on
//! device", many minutes into the run and far from the cause. Saying so
//! first, with the figures, lets a person free space before waiting.

use std::path::Path;

/// What a test run from a clean clone writes under `target/` (debug builds
/// for the host and for wasm32, the release pages, the tests' binaries):
/// measured at 2.9 GB at its peak with `CARGO_INCREMENTAL=0`, as CI runs
/// it, and 4.2 GB with incremental compilation's caches; with a margin.
pub const FRESH_RUN_BYTES: u64 = 5 * GB;

const GB: u64 = 1_000_000_000;

/// Prints a warning when the disk holding `root` has less free space than a
/// run from scratch needs. A warm `target/` needs far less, so this warns
/// rather than stops.
pub fn warn_if_low(root: &Path) {
    let Some(free) = free_bytes(root) else {
        return;
    };
    if let Some(warning) = low_space_warning(free, FRESH_RUN_BYTES) {
        eprintln!("xtask: {warning}");
    }
}

/// The warning for `free` bytes against `needed`, or `None` when there is
/// enough.
fn low_space_warning(free: u64, needed: u64) -> Option<String> {
    (free < needed).then(|| {
        format!(
            "only {:.1} GB free on the disk that holds target/; a run from a clean clone \
             writes about {:.0} GB there. If the build stops with \"No space left on device\", \
             free some space (`cargo clean` empties target/) and run it again.",
            free as f64 / GB as f64,
            needed as f64 / GB as f64,
        )
    })
}

#[cfg(unix)]
fn free_bytes(path: &Path) -> Option<u64> {
    let stats = rustix::fs::statvfs(path).ok()?;
    Some(stats.f_bavail.saturating_mul(stats.f_frsize))
}

#[cfg(not(unix))]
fn free_bytes(_path: &Path) -> Option<u64> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_disk_short_of_a_fresh_run_is_named_with_its_figures() {
        let warning = low_space_warning(1_700_000_000, FRESH_RUN_BYTES).unwrap();
        assert!(warning.contains("only 1.7 GB free"), "{warning}");
        assert!(warning.contains("about 5 GB"), "{warning}");
        assert!(warning.contains("cargo clean"), "{warning}");
        assert_eq!(low_space_warning(FRESH_RUN_BYTES, FRESH_RUN_BYTES), None);
    }

    #[cfg(unix)]
    #[test]
    fn the_free_space_of_this_disk_can_be_read() {
        assert!(free_bytes(Path::new(".")).is_some_and(|free| free > 0));
    }
}
