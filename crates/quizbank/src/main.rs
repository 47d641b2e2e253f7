//! `quizbank`: the coordinators' tool for question banks.
//!
//! Exit codes: 0 when everything is fine, 1 when a file has problems, 2 when
//! the command itself could not run (bad arguments, unreadable file).

use quiz_core::manifest::parse_manifest;
use quiz_core::Lang;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
quizbank — 题库工具 / question-bank tool

用法 Usage:
  quizbank check [PATH]   检查题库清单 / check the manifest (default: questions/)
  quizbank help           显示本说明 / show this help
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check(args.get(1).map(PathBuf::from)),
        Some("help" | "--help" | "-h") | None => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!("未知命令 unknown command: {other}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Checks the manifest in `path` (a folder holding `index.json`, or the file).
fn check(path: Option<PathBuf>) -> ExitCode {
    let path = path.unwrap_or_else(|| PathBuf::from("questions"));
    let manifest_path = if path.is_dir() {
        path.join("index.json")
    } else {
        path
    };
    let bytes = match std::fs::read(&manifest_path) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!(
                "无法读取 cannot read {}: {error}",
                manifest_path.display()
            );
            return ExitCode::from(2);
        }
    };
    match parse_manifest(&bytes) {
        Ok(manifest) => {
            println!(
                "{}: {} 个题库 banks, OK",
                display(&manifest_path),
                manifest.banks.len()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}: 错误 error", display(&manifest_path));
            eprintln!("  {}", error.message(Lang::Zh));
            eprintln!("  {}", error.message(Lang::En));
            ExitCode::from(1)
        }
    }
}

fn display(path: &Path) -> String {
    path.display().to_string()
}
