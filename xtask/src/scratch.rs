//! A temporary folder for the browsers that tests and benchmarks start,
//! removed when the run ends.
//!
//! chromedriver and Chromium leave their folders behind in the temporary
//! directory (a profile of about 13 MB and a socket folder per browser)
//! whenever a browser is not shut down the way they expect, which
//! wasm-bindgen's test runner never does: left in `/tmp`, each
//! `cargo xtask test` added hundreds of megabytes until a machine's disk
//! filled and the build failed with "No space left on device". Giving the
//! browsers' commands a `TMPDIR` of their own, removed afterwards, keeps the
//! machine as it was whatever the browsers do.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where, under the project, the browsers' temporary files go.
const SCRATCH: &str = "target/browser-tmp";

/// The browsers' temporary folder, empty when made and removed on drop.
pub struct BrowserScratch {
    path: PathBuf,
}

impl BrowserScratch {
    /// Makes an empty folder under `root`, clearing one an interrupted run
    /// left behind.
    pub fn create(root: &Path) -> Result<BrowserScratch, String> {
        let path = root.join(SCRATCH);
        if path.exists() {
            fs::remove_dir_all(&path)
                .map_err(|error| format!("cannot clear {} ({error})", path.display()))?;
        }
        fs::create_dir_all(&path)
            .map_err(|error| format!("cannot create {} ({error})", path.display()))?;
        Ok(BrowserScratch { path })
    }

    /// Points `command`'s temporary files (and those of the browsers it
    /// starts) at this folder.
    pub fn apply<'a>(&self, command: &'a mut Command) -> &'a mut Command {
        command.env("TMPDIR", &self.path)
    }
}

impl Drop for BrowserScratch {
    fn drop(&mut self) {
        // A browser still shutting down may hold a file for a moment; what
        // is left is cleared by the next run's `create`.
        let _ = fs::remove_dir_all(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_browsers_leftovers_go_with_the_scratch_folder() {
        let root = std::env::temp_dir().join(format!("xtask-scratch-{}", std::process::id()));
        let stale = root
            .join(SCRATCH)
            .join("org.chromium.Chromium.scoped_dir.old");
        fs::create_dir_all(&stale).unwrap();

        let scratch = BrowserScratch::create(&root).unwrap();
        assert!(
            !stale.exists(),
            "an interrupted run's leftovers are cleared"
        );
        let mut command = Command::new("sh");
        scratch.apply(&mut command).args([
            "-c",
            "mkdir \"$TMPDIR/org.chromium.Chromium.scoped_dir.new\"",
        ]);
        assert!(command.status().unwrap().success());
        let left = root
            .join(SCRATCH)
            .join("org.chromium.Chromium.scoped_dir.new");
        assert!(
            left.exists(),
            "the command's temporary files went to the scratch folder"
        );

        drop(scratch);
        assert!(!root.join(SCRATCH).exists());
        fs::remove_dir_all(&root).unwrap();
    }
}
