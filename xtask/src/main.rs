//! `cargo xtask`: the project's automation, in Rust so it runs wherever
//! cargo does.
//!
//! - `serve`: install what is missing, build, and serve the app.
//! - `test`: install what tests need, then run every check and test layer.
//! - `dist`: the deployable, size-optimised build in `dist/`.

mod process;
mod tools;

use process::{run, Step, Summary};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use tools::Tools;

const USAGE: &str = "\
cargo xtask <command>

Commands:
  serve [--address ADDR] [--port PORT] [--release]
        Install what is missing, build, and serve the app with the built-in
        banks (default http://127.0.0.1:8080).
  test  Install what the tests need, then run fmt, clippy (native and wasm32),
        native tests, browser tests in headless Chromium and end-to-end tests
        against the release build. Prints a summary; non-zero on any failure.
  dist  Build the deployable, size-optimised app into dist/.
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
        Some("dist") => Tools::ensure_build().and_then(|tools| dist(&tools)),
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
    println!("xtask: serving on http://{address}:{port}/ (Ctrl-C stops)");
    let mut command = tools.trunk();
    command.args(["serve", "--offline", "--address", &address, "--port", &port]);
    if release {
        command.arg("--release");
    }
    run(&mut command).map(|_| ())
}

/// Builds the release app into `dist/`.
fn dist(tools: &Tools) -> Result<(), String> {
    let started = Instant::now();
    run(tools
        .trunk()
        .args(["build", "--offline", "--release", "--dist", "dist"]))?;
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
        cargo().args([
            "test",
            "-p",
            "quiz-app",
            "--target",
            "wasm32-unknown-unknown",
            "--locked",
        ]),
    );
    let built = summary.step(
        Step::new("release build (dist/)"),
        tools
            .trunk()
            .args(["build", "--offline", "--release", "--dist", "dist"]),
    );
    if built {
        summary.step(
            Step::new("end-to-end tests (release build, 390x844)").counting_tests(),
            cargo()
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
