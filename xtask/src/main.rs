//! `cargo xtask`: the project's automation, in Rust so it runs wherever
//! cargo does.
//!
//! - `serve`: install what is missing, build, and serve the app.
//! - `test`: install what tests need, then run every check and test layer.
//! - `dist`: the deployable, size-optimised build in `dist/`.
//! - `bench`: build `dist/`, then print (and with `--check`, enforce) the
//!   size, speed and memory figures.

mod process;
mod tools;

mod disk;
mod dist;
mod imports;
mod scratch;

use process::{run, Step, Summary};
use scratch::BrowserScratch;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use tools::Tools;

const USAGE: &str = "\
cargo xtask <command>

Commands:
  serve [--address ADDR] [--port PORT] [--release]
        Install what is missing, build, and serve the app with the built-in
        banks (default http://127.0.0.1:8080) and the coordinators'
        workbench (/workbench.html, built once at start).
  test  Install what the tests need, then run fmt, clippy (native and wasm32),
        native tests, browser tests in headless Chromium and end-to-end tests
        against the release build. Prints a summary; non-zero on any failure.
  dist  Build the deployable, size-optimised app and the workbench page
        (workbench.html, its own WebAssembly) into dist/: content-hashed
        files with .br/.gz copies, an external boot script (no inline
        script), and the service worker sw.js. See DEPLOY.md.
  bench [--check] [--runs N] [--only sizes,storage,probe,load,layouts,lighthouse]
        Build dist/ and the bench's one-component Yew reference page, then
        print transfer sizes, what the exam deep link downloads,
        first-question times under the Lighthouse mobile preset in headless
        Chromium (and their ratio to the reference page's), bank parse
        speed, memory and storage figures, and Lighthouse's scores (see
        BENCHMARKS.md). With --check, exit non-zero when a figure exceeds
        bench/budgets.toml. Installs what `test` needs and Lighthouse
        (npm, into bench/lighthouse/).
  fuzz [--seconds N] [--target check_bank|check_manifest]
        Fuzz the bank and manifest parsers with cargo-fuzz (libFuzzer) for N
        seconds per target (default 60), seeded with the shipped banks and
        the malformed corpus.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    if let Err(error) = std::env::set_current_dir(&root) {
        eprintln!("xtask: cannot enter {}: {error}", root.display());
        return ExitCode::FAILURE;
    }
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&args[1..]),
        Some("test") => test(),
        Some("dist") => Tools::ensure_dist().and_then(|tools| dist(&tools)),
        Some("fuzz") => fuzz(&args[1..]),
        Some("bench") => bench(&args[1..]),
        Some("help" | "--help" | "-h") | None => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command {other:?}\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root: the parent of this crate's folder.
fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace")
        .to_path_buf()
}

fn serve(args: &[String]) -> Result<(), String> {
    let mut address = "127.0.0.1".to_string();
    let mut port = "8080".to_string();
    let mut release = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--address" => address = rest.next().ok_or("--address needs a value")?.clone(),
            "--port" => port = rest.next().ok_or("--port needs a value")?.clone(),
            "--release" => release = true,
            other => return Err(format!("serve: unknown option {other:?}\n\n{USAGE}")),
        }
    }
    port.parse::<u16>()
        .map_err(|_| format!("--port {port:?} is not a port number"))?;
    let tools = Tools::ensure_build()?;
    let workbench = build_workbench(&tools, release)?;
    let records = build_records(&tools, release)?;
    println!("xtask: serving on http://{address}:{port}/, /records.html and /workbench.html (Ctrl-C stops; the records page and the workbench are rebuilt on the next start)");
    let mut command = tools.trunk();
    command
        .env("QUIZ_WORKBENCH_DIST", &workbench)
        .env("QUIZ_RECORDS_DIST", &records);
    command.args([
        "serve",
        "--offline",
        "--dist",
        SERVE_DIST,
        "--address",
        &address,
        "--port",
        &port,
    ]);
    if release {
        command.arg("--release");
    }
    run(&mut command).map(|_| ())
}

/// Where `serve` builds the app: not `dist/`, which holds the release
/// build that is deployed and that the end-to-end tests drive, so serving
/// a development build never leaves one there.
const SERVE_DIST: &str = "target/serve-dist";

/// Where Trunk builds the workbench page (see `Trunk.workbench.toml`).
const WORKBENCH_DIST: &str = "target/workbench-dist";

/// Builds the coordinators' workbench (`workbench.html` and its own
/// WebAssembly) into [`WORKBENCH_DIST`] and returns that folder. Yew has
/// no WebAssembly splitting, so the page is a Trunk build of its own; the
/// app's build copies it in (the post-build hook in `Trunk.toml`).
fn build_workbench(tools: &Tools, release: bool) -> Result<PathBuf, String> {
    build_page(tools, "Trunk.workbench.toml", WORKBENCH_DIST, release)
}

/// Where Trunk builds the member's records page (see `Trunk.records.toml`).
const RECORDS_DIST: &str = "target/records-dist";

/// Builds the member's records page (`records.html`: 我的学习 and 备份, with
/// its own WebAssembly, `src/bin/records.rs`) into [`RECORDS_DIST`] and
/// returns that folder; the app's build copies it in, as it does the
/// workbench. See `quiz_app::route::Page` for why it is a page of its own.
fn build_records(tools: &Tools, release: bool) -> Result<PathBuf, String> {
    build_page(tools, "Trunk.records.toml", RECORDS_DIST, release)
}

/// One Trunk build of a page with its own WebAssembly, into `dist`.
fn build_page(tools: &Tools, config: &str, dist: &str, release: bool) -> Result<PathBuf, String> {
    let mut command = tools.trunk();
    command.args(["--config", config, "build", "--offline"]);
    if release {
        command.arg("--release");
    }
    run(&mut command)?;
    Ok(project_root().join(dist))
}

/// The release build of the app with the workbench merged in, as Trunk
/// leaves it in `dist/` (before [`dist::finish`]).
fn trunk_release(tools: &Tools) -> Result<(), String> {
    let workbench = build_workbench(tools, true)?;
    let records = build_records(tools, true)?;
    run(tools
        .trunk()
        .env("QUIZ_WORKBENCH_DIST", &workbench)
        .env("QUIZ_RECORDS_DIST", &records)
        .args(["build", "--offline", "--release", "--dist", "dist"]))
    .map(|_| ())
}

/// Builds the release app into `dist/`.
fn dist(tools: &Tools) -> Result<(), String> {
    let started = Instant::now();
    trunk_release(tools)?;
    dist::finish(&project_root().join("dist"), &project_root().join("web"))?;
    println!(
        "xtask: dist/ built in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn test() -> Result<(), String> {
    let setup_started = Instant::now();
    let tools = Tools::ensure_test()?;
    let setup = setup_started.elapsed();
    disk::warn_if_low(&project_root());
    let scratch = BrowserScratch::create(&project_root())?;
    let mut summary = Summary::default();
    let cargo = || tools.command("cargo");

    summary.step(Step::new("fmt"), cargo().args(["fmt", "--all", "--check"]));
    summary.step(
        Step::new("clippy (native)"),
        cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ]),
    );
    summary.step(
        Step::new("clippy (wasm32)"),
        cargo().args([
            "clippy",
            "-p",
            "quiz-app",
            "-p",
            "quiz-core",
            "-p",
            "bank-tools",
            "-p",
            "workbench",
            "--all-targets",
            "--target",
            "wasm32-unknown-unknown",
            "--locked",
            "--",
            "-D",
            "warnings",
        ]),
    );
    summary.step(
        Step::new("native tests").counting_tests(),
        cargo().args(["test", "--workspace", "--exclude", "e2e", "--locked"]),
    );
    summary.step(
        Step::new("browser tests (wasm-bindgen-test, headless Chromium)").counting_tests(),
        scratch.apply(&mut cargo()).args([
            "test",
            "-p",
            "quiz-app",
            "-p",
            "workbench",
            "--target",
            "wasm32-unknown-unknown",
            "--locked",
        ]),
    );
    let built = {
        let started = Instant::now();
        let result = trunk_release(&tools);
        summary.record(
            "release build (dist/: app, records page, workbench)",
            started.elapsed(),
            result,
        )
    };
    // Boot script, service worker and precompressed copies, as `dist` does.
    let built = built && {
        let started = Instant::now();
        let result = dist::finish(&project_root().join("dist"), &project_root().join("web"));
        summary.record(
            "finish dist/ (boot script, sw.js, .br/.gz)",
            started.elapsed(),
            result,
        )
    };
    if built {
        summary.step(
            Step::new("end-to-end tests (release build, 390x844)").counting_tests(),
            scratch
                .apply(&mut cargo())
                .args(["test", "-p", "e2e", "--locked", "--", "--test-threads=1"])
                .env("QUIZ_DIST", project_root().join("dist")),
        );
    } else {
        summary.skip("end-to-end tests", "the release build failed");
    }
    summary.print(setup);
    if summary.failed() {
        Err("some checks failed (see above)".into())
    } else {
        Ok(())
    }
}

/// Builds `dist/`, then runs the bench binary with `args`: it measures and,
/// with `--check`, compares with `bench/budgets.toml`.
fn bench(args: &[String]) -> Result<(), String> {
    let tools = Tools::ensure_bench()?;
    dist(&tools)?;
    let reference = build_reference(&tools)?;
    let scratch = BrowserScratch::create(&project_root())?;
    run(scratch
        .apply(&mut tools.command("cargo"))
        .args(["run", "-p", "bench", "--locked", "--"])
        .args(args)
        .env("QUIZ_DIST", project_root().join("dist"))
        .env("QUIZ_REFERENCE_DIST", reference))
}

/// Where Trunk builds the bench's reference page (see
/// `crates/bench-reference/Trunk.toml`).
const REFERENCE_DIST: &str = "target/bench-reference-dist";

/// Builds the bench's one-component Yew reference page with the app's
/// release profile and wasm-opt level, so the bench can divide the app's
/// load times by the reference's, measured in the same sitting.
fn build_reference(tools: &Tools) -> Result<PathBuf, String> {
    run(tools.trunk().args([
        "--config",
        "crates/bench-reference/Trunk.toml",
        "build",
        "--offline",
        "--release",
    ]))?;
    Ok(project_root().join(REFERENCE_DIST))
}

/// The fuzz targets in `fuzz/fuzz_targets/`.
const FUZZ_TARGETS: [&str; 2] = ["check_bank", "check_manifest"];

fn fuzz(args: &[String]) -> Result<(), String> {
    let mut seconds: u64 = 60;
    let mut targets: Vec<&str> = FUZZ_TARGETS.to_vec();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--seconds" => {
                let value = rest.next().ok_or("--seconds needs a number")?;
                seconds = value
                    .parse()
                    .map_err(|_| format!("--seconds {value:?} is not a whole number"))?;
            }
            "--target" => {
                let value = rest.next().ok_or("--target needs a name")?;
                let known = FUZZ_TARGETS
                    .iter()
                    .find(|target| *target == value)
                    .ok_or_else(|| {
                        format!("unknown fuzz target {value:?}; known: {FUZZ_TARGETS:?}")
                    })?;
                targets = vec![known];
            }
            other => return Err(format!("fuzz: unknown option {other:?}\n\n{USAGE}")),
        }
    }
    let tools = Tools::ensure_fuzz()?;
    let root = project_root();
    for target in targets {
        let corpus = root.join("fuzz/corpus").join(target);
        seed_corpus(&root, &corpus)?;
        println!("xtask: fuzzing {target} for {seconds} s");
        // cargo-fuzz passes nightly-only flags to rustc; the project has one
        // stable toolchain, so allow them for this build only.
        run(tools
            .command("cargo")
            .current_dir(root.join("fuzz"))
            .env("RUSTC_BOOTSTRAP", "1")
            .args(["fuzz", "run", target])
            .arg(&corpus)
            .args([
                "--",
                &format!("-max_total_time={seconds}"),
                "-max_len=262144",
                "-print_final_stats=1",
            ]))?;
    }
    Ok(())
}

/// Seeds the corpus with real banks and the malformed-file corpus, so the
/// fuzzer starts from inputs that reach deep into the checker.
fn seed_corpus(root: &Path, corpus: &Path) -> Result<(), String> {
    std::fs::create_dir_all(corpus)
        .map_err(|e| format!("cannot create {}: {e}", corpus.display()))?;
    for dir in ["questions", "crates/quiz-core/tests/malformed"] {
        let entries =
            std::fs::read_dir(root.join(dir)).map_err(|e| format!("cannot read {dir}: {e}"))?;
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            if path.extension().is_some_and(|ext| ext == "json") {
                let name = format!("seed-{}", entry.file_name().to_string_lossy());
                std::fs::copy(&path, corpus.join(name))
                    .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
            }
        }
    }
    Ok(())
}
