//! Finding and installing the tools the build and the tests need.
//!
//! Nothing here downloads a prebuilt binary: Rust tools come from crates.io
//! through `cargo install`, wasm-opt (binaryen) and axe-core from the npm
//! registry, the browser from Debian's packages. Each is checked first and installed only
//! when missing or at the wrong version.

use crate::process::{output, run};
use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The Trunk release that builds with this toolchain (0.22 needs a newer rustc).
const TRUNK_VERSION: &str = "0.21.14";
/// binaryen's version as its wasm-opt reports it; matches `tools/package.json`
/// and `Trunk.toml`.
const WASM_OPT_VERSION: &str = "132";
/// The axe-core release the end-to-end tests inject into pages; matches
/// `tools/package.json`.
const AXE_VERSION: &str = "4.14.1";
/// The cargo-fuzz release `cargo xtask fuzz` installs.
const CARGO_FUZZ_VERSION: &str = "0.13.2";
/// The Lighthouse release the bench runs; matches
/// `bench/lighthouse/package.json`.
const LIGHTHOUSE_VERSION: &str = "12.8.2";

/// Debian packages for the browser tests.
const DEBIAN_PACKAGES: [&str; 3] = ["chromium", "chromium-driver", "fonts-noto-cjk"];
/// Debian packages `dist` needs (brotli compresses the hashed files) and
/// the deployment tests need (nginx serves dist/ with `deploy/nginx.conf`),
/// each with the program that shows it is installed.
const DEBIAN_TOOLS: [(&str, &str); 2] = [("brotli", "brotli"), ("nginx", "/usr/sbin/nginx")];

/// The environment the build and test commands run in.
pub struct Tools {
    path: OsString,
    chromedriver: Option<PathBuf>,
}

impl Tools {
    /// Makes sure everything `serve` and `dist` need is installed.
    pub fn ensure_build() -> Result<Tools, String> {
        let started = Instant::now();
        let tools = Tools {
            path: tool_path(),
            chromedriver: None,
        };
        tools.ensure_wasm_target()?;
        tools.ensure_cargo_tool("trunk", "trunk", TRUNK_VERSION, true)?;
        let bindgen = wasm_bindgen_version()?;
        tools.ensure_cargo_tool("wasm-bindgen-cli", "wasm-bindgen", &bindgen, false)?;
        tools.ensure_wasm_opt()?;
        println!(
            "xtask: build tools ready in {:.0} s (trunk {TRUNK_VERSION}, wasm-bindgen {bindgen}, wasm-opt {WASM_OPT_VERSION})",
            started.elapsed().as_secs_f64()
        );
        Ok(tools)
    }

    /// Makes sure everything `dist` needs is installed: the build tools and
    /// brotli for the precompressed copies.
    pub fn ensure_dist() -> Result<Tools, String> {
        let tools = Tools::ensure_build()?;
        tools.ensure_debian_tool(DEBIAN_TOOLS[0])?;
        Ok(tools)
    }

    /// Makes sure everything `test` needs is installed, build tools included.
    pub fn ensure_test() -> Result<Tools, String> {
        let mut tools = Tools::ensure_dist()?;
        tools.ensure_components()?;
        tools.ensure_axe()?;
        tools.ensure_browser()?;
        tools.ensure_debian_tool(DEBIAN_TOOLS[1])?;
        Ok(tools)
    }

    /// Makes sure everything `bench` needs is installed: what `test`
    /// needs, and Lighthouse (from the npm registry, into
    /// `bench/lighthouse/`), which the bench runs against the browser.
    pub fn ensure_bench() -> Result<Tools, String> {
        let tools = Tools::ensure_test()?;
        tools.ensure_lighthouse()?;
        Ok(tools)
    }

    /// Makes sure cargo-fuzz is installed, for `cargo xtask fuzz`.
    pub fn ensure_fuzz() -> Result<Tools, String> {
        let tools = Tools {
            path: tool_path(),
            chromedriver: None,
        };
        tools.ensure_cargo_tool("cargo-fuzz", "cargo-fuzz", CARGO_FUZZ_VERSION, true)?;
        Ok(tools)
    }

    /// A command with the project's tools first on `PATH`.
    pub fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command.env("PATH", &self.path);
        command.env("TRUNK_SKIP_VERSION_CHECK", "true");
        if let Some(driver) = &self.chromedriver {
            command.env("CHROMEDRIVER", driver);
            // The browser tests' first run compiles and loads a large debug
            // bundle on a shared machine: give it time.
            command.env("WASM_BINDGEN_TEST_TIMEOUT", "180");
        }
        command
    }

    /// `trunk`, configured never to fetch tools.
    pub fn trunk(&self) -> Command {
        self.command("trunk")
    }

    fn which(&self, program: &str) -> Option<PathBuf> {
        env::split_paths(&self.path)
            .map(|dir| dir.join(program))
            .find(|candidate| candidate.is_file())
    }

    fn ensure_wasm_target(&self) -> Result<(), String> {
        let installed = output(
            self.command("rustup")
                .args(["target", "list", "--installed"]),
        )
        .unwrap_or_default();
        if installed
            .lines()
            .any(|line| line.trim() == "wasm32-unknown-unknown")
        {
            return Ok(());
        }
        println!("xtask: installing the wasm32-unknown-unknown target");
        run(self
            .command("rustup")
            .args(["target", "add", "wasm32-unknown-unknown"]))
    }

    fn ensure_components(&self) -> Result<(), String> {
        let has = |sub: &str| output(self.command("cargo").args([sub, "--version"])).is_some();
        if has("fmt") && has("clippy") {
            return Ok(());
        }
        println!("xtask: installing rustfmt and clippy");
        run(self
            .command("rustup")
            .args(["component", "add", "rustfmt", "clippy"]))
    }

    /// Installs `krate` at `version` unless `binary --version` already says so.
    fn ensure_cargo_tool(
        &self,
        krate: &str,
        binary: &str,
        version: &str,
        locked: bool,
    ) -> Result<(), String> {
        let reported = output(self.command(binary).arg("--version")).unwrap_or_default();
        if reported.split_whitespace().nth(1) == Some(version) {
            return Ok(());
        }
        println!(
            "xtask: installing {krate} {version} with cargo install (found: {}); this takes a few minutes once",
            if reported.is_empty() { "none" } else { &reported }
        );
        let mut command = self.command("cargo");
        command.args(["install", &format!("{krate}@{version}")]);
        if locked {
            command.arg("--locked");
        }
        run(&mut command)
    }

    fn ensure_wasm_opt(&self) -> Result<(), String> {
        let reported = output(self.command("wasm-opt").arg("--version")).unwrap_or_default();
        if reported.starts_with(&format!("wasm-opt version {WASM_OPT_VERSION} ")) {
            return Ok(());
        }
        if self.which("npm").is_none() {
            return Err(format!(
                "wasm-opt {WASM_OPT_VERSION} is needed and npm is missing: install Node.js and npm (Debian: apt-get install nodejs npm)"
            ));
        }
        println!("xtask: installing binaryen {WASM_OPT_VERSION} (wasm-opt) from the npm registry into tools/");
        run(self
            .command("npm")
            .args(["ci", "--no-audit", "--no-fund", "--prefix", "tools"]))
    }

    /// Installs axe-core from the npm registry into `tools/` (with the rest
    /// of `tools/package.json`) unless that version is there: the
    /// end-to-end tests inject its `axe.min.js` into the pages they audit.
    fn ensure_axe(&self) -> Result<(), String> {
        let manifest = crate::project_root().join("tools/node_modules/axe-core/package.json");
        let installed = std::fs::read_to_string(&manifest).unwrap_or_default();
        if installed.contains(&format!("\"version\": \"{AXE_VERSION}\"")) {
            return Ok(());
        }
        if self.which("npm").is_none() {
            return Err(format!(
                "axe-core {AXE_VERSION} is needed for the accessibility tests and npm is missing: install Node.js and npm (Debian: apt-get install nodejs npm)"
            ));
        }
        println!("xtask: installing axe-core {AXE_VERSION} from the npm registry into tools/");
        run(self
            .command("npm")
            .args(["ci", "--no-audit", "--no-fund", "--prefix", "tools"]))
    }

    /// Installs Lighthouse at the version `bench/lighthouse/package.json`
    /// pins unless it is there. It is kept apart from `tools/` so the test
    /// set-up does not download it.
    fn ensure_lighthouse(&self) -> Result<(), String> {
        let folder = crate::project_root().join("bench/lighthouse");
        let manifest = folder.join("node_modules/lighthouse/package.json");
        let installed = std::fs::read_to_string(&manifest).unwrap_or_default();
        if installed.contains(&format!("\"version\": \"{LIGHTHOUSE_VERSION}\"")) {
            return Ok(());
        }
        if self.which("npm").is_none() {
            return Err(format!(
                "Lighthouse {LIGHTHOUSE_VERSION} is needed for the bench and npm is missing: install Node.js and npm (Debian: apt-get install nodejs npm)"
            ));
        }
        println!("xtask: installing Lighthouse {LIGHTHOUSE_VERSION} from the npm registry into bench/lighthouse/");
        run(self
            .command("npm")
            .args(["ci", "--no-audit", "--no-fund", "--prefix"])
            .arg(&folder))
    }

    /// Installs a Debian package unless its program is already there.
    fn ensure_debian_tool(&self, (package, program): (&str, &str)) -> Result<(), String> {
        if Path::new(program).is_file() || self.which(program).is_some() {
            return Ok(());
        }
        if !(is_debian() && is_root()) {
            return Err(format!(
                "{program} is needed: install it, e.g. on Debian/Ubuntu as root: apt-get install {package}"
            ));
        }
        println!("xtask: installing {package} with apt-get");
        run(self.command("apt-get").args(["update", "-qq"]))?;
        run(self
            .command("apt-get")
            .args(["install", "-y", "-qq", "--no-install-recommends", package])
            .env("DEBIAN_FRONTEND", "noninteractive"))
    }

    fn ensure_browser(&mut self) -> Result<(), String> {
        let have_browser = self.which("chromium").is_some() && self.which("chromedriver").is_some();
        let have_fonts = !is_debian() || debian_package_installed("fonts-noto-cjk");
        if !(have_browser && have_fonts) {
            if is_debian() && is_root() {
                println!(
                    "xtask: installing {} with apt-get",
                    DEBIAN_PACKAGES.join(", ")
                );
                run(self.command("apt-get").args(["update", "-qq"]))?;
                run(self
                    .command("apt-get")
                    .args(["install", "-y", "-qq", "--no-install-recommends"])
                    .args(DEBIAN_PACKAGES)
                    .env("DEBIAN_FRONTEND", "noninteractive"))?;
            } else if !have_browser {
                return Err(format!(
                    "the browser tests need Chromium and its ChromeDriver (and CJK fonts). Install them, e.g. on Debian/Ubuntu as root: apt-get install {}",
                    DEBIAN_PACKAGES.join(" ")
                ));
            } else {
                println!("xtask: warning: CJK fonts (fonts-noto-cjk) are missing; Chinese text renders as boxes in screenshots");
            }
        }
        self.chromedriver = self.which("chromedriver");
        if self.chromedriver.is_none() {
            return Err(
                "chromedriver is still not on PATH after installing chromium-driver".into(),
            );
        }
        Ok(())
    }
}

/// `PATH` with the project's npm tools and cargo's bin folder first.
fn tool_path() -> OsString {
    let root = crate::project_root();
    let mut dirs = vec![root.join("tools/node_modules/.bin"), cargo_bin()];
    if let Some(path) = env::var_os("PATH") {
        dirs.extend(env::split_paths(&path));
    }
    env::join_paths(dirs).unwrap_or_default()
}

/// Where `cargo install` puts binaries.
fn cargo_bin() -> PathBuf {
    env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

/// The `wasm-bindgen` version in `Cargo.lock`: the CLI must match it exactly.
fn wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(crate::project_root().join("Cargo.lock"))
        .map_err(|error| format!("cannot read Cargo.lock: {error}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|line| line.trim().strip_prefix("version = \""))
            {
                return Ok(version.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen entry".into())
}

fn is_debian() -> bool {
    Path::new("/etc/debian_version").is_file()
}

fn is_root() -> bool {
    output(Command::new("id").arg("-u")).as_deref() == Some("0")
}

fn debian_package_installed(package: &str) -> bool {
    output(Command::new("dpkg-query").args(["-W", "-f=${Status}", package]))
        .is_some_and(|status| status.ends_with("installed"))
}
