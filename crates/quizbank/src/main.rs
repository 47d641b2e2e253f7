//! `quizbank`: the coordinators' tool for question banks.
//!
//! Exit codes: 0 when everything is fine, 1 when a file has problems to
//! fix, 2 when the command itself could not run (bad arguments, unreadable
//! file).

mod check;
mod cli;
mod manifest_update;
mod starter;
mod stats;

use check::Output;
use cli::{CheckArgs, Command, ExportArgs, ImportArgs, ManifestArgs, NewArgs, Report, StatsArgs};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let command = match cli::parse(std::env::args().skip(1)) {
        cli::Parsed::Run(command) => command,
        cli::Parsed::Exit(code) => return ExitCode::from(code),
    };
    let result = match command {
        Command::Check(args) => cmd_check(args),
        Command::Manifest(args) => cmd_manifest(args),
        Command::Stats(args) => cmd_stats(args),
        Command::New(args) => cmd_new(args),
        Command::Import(args) => cmd_import(args),
        Command::Export(args) => cmd_export(args),
        // Help is printed while parsing.
        Command::Help(_) => Ok(0),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("quizbank: {message}");
            eprintln!("用法见 quizbank help / see `quizbank help` for usage");
            ExitCode::from(2)
        }
    }
}

fn output(report: Report) -> Output {
    match report {
        Report::Human => Output::Human,
        Report::Json => Output::Json,
    }
}

fn cmd_check(args: CheckArgs) -> Result<u8, String> {
    let findings = check::collect(&args.paths)?;
    Ok(check::report(&findings, output(args.report), args.strict))
}

fn cmd_stats(args: StatsArgs) -> Result<u8, String> {
    let findings = check::collect(&args.paths)?;
    if findings.banks.is_empty() {
        check::report(&findings, Output::Human, false);
        return Ok(1);
    }
    match output(args.report) {
        Output::Json => {
            let all: Vec<serde_json::Value> = findings
                .banks
                .iter()
                .map(|(_, bank)| stats::bank_stats(bank))
                .collect();
            println!("{}", serde_json::to_string_pretty(&all).unwrap_or_default());
        }
        Output::Human => {
            for (file, bank) in &findings.banks {
                stats::print_bank(file, bank);
                println!();
            }
        }
    }
    Ok(0)
}

fn cmd_new(args: NewArgs) -> Result<u8, String> {
    let id = args.id;
    if !quiz_core::manifest::is_valid_id(&id) {
        return Err(format!("编号“{id}”无效：只能用小写字母、数字和 - / id must be lower-case letters, digits and -"));
    }
    let out = args
        .output
        .unwrap_or_else(|| PathBuf::from(format!("questions/{id}.json")));
    write_new(&out, starter::starter_bank(&id, &today()).as_bytes(), false)?;
    println!("已生成 wrote {}", out.display());
    println!("下一步 next: 编辑题目，然后运行 edit the questions, then run: quizbank check {0} && quizbank manifest {1}",
        out.display(), out.parent().unwrap_or(Path::new(".")).display());
    Ok(0)
}

fn cmd_manifest(args: ManifestArgs) -> Result<u8, String> {
    let dir = args.dir;
    match manifest_update::update(&dir, &today()) {
        Ok(update) => {
            let index = dir.join("index.json");
            if update.changes.is_empty() {
                println!("{} 已是最新 is up to date", index.display());
                return Ok(0);
            }
            for (path, text) in &update.rewrites {
                std::fs::write(path, text)
                    .map_err(|e| format!("无法写入 cannot write {}: {e}", path.display()))?;
            }
            std::fs::write(&index, manifest_update::to_json(&update.manifest))
                .map_err(|e| format!("无法写入 cannot write {}: {e}", index.display()))?;
            for change in &update.changes {
                println!("  {change}");
            }
            println!("已更新 updated {}", index.display());
            Ok(0)
        }
        Err(manifest_update::Refusal::Problems(problems)) => {
            for problem in problems {
                eprintln!("{problem}");
            }
            Ok(1)
        }
        Err(manifest_update::Refusal::Unreadable(message)) => Err(message),
    }
}

fn cmd_import(args: ImportArgs) -> Result<u8, String> {
    use quizbank::import::import_file;
    let file = &args.file;
    if !file.is_file() {
        return Err(format!("找不到文件 no such file: {}", file.display()));
    }
    let id = args.bank.clone();
    if !quiz_core::manifest::is_valid_id(&id) {
        return Err(format!("编号“{id}”无效：只能用小写字母、数字和 - / id must be lower-case letters, digits and -"));
    }
    let format = args.from.map(|from| from.0);
    let out = args.output.clone().unwrap_or_else(|| {
        let folder = Path::new("questions");
        if folder.is_dir() {
            folder.join(format!("{id}.json"))
        } else {
            PathBuf::from(format!("{id}.json"))
        }
    });
    refuse_existing(&out, args.force)?;
    let bank = match import_file(file, format, &id, &today()) {
        Ok(bank) => bank,
        Err(errors) => {
            for error in &errors {
                println!("{error}\n");
            }
            println!(
                "导入失败：{} 处问题，请修改后重试。 / Import failed: {} problem(s) to fix.",
                errors.len(),
                errors.len()
            );
            return Ok(1);
        }
    };
    // The same form the workbench downloads.
    let text = quizbank::export::bank_json(&bank);
    // The imported bank must pass the same checks as a hand-written one.
    let checked = quiz_core::check_bank(&format!("{id}.json"), text.as_bytes());
    for diagnostic in &checked.diagnostics {
        println!(
            "{}: {}\n  {}",
            diagnostic.location(),
            diagnostic.message.zh,
            diagnostic.message.en
        );
    }
    let errors = checked.error_count();
    if errors > 0 && !args.allow_errors {
        println!(
            "没有写入 {}：导入的题库有 {errors} 个错误（见上）。请修改原文件后重新导入，或加 --allow-errors 照样写出、再直接修改 JSON。",
            out.display()
        );
        println!(
            "Did not write {}: the imported bank has {errors} error(s) (above). Fix the source file and import again, or add --allow-errors to write it anyway and fix the JSON.",
            out.display()
        );
        return Ok(1);
    }
    write_new(&out, text.as_bytes(), args.force)?;
    println!(
        "已导入 {} 道题到 {} / imported {} questions into {}",
        bank.questions.len(),
        out.display(),
        bank.questions.len(),
        out.display()
    );
    println!("下一步 next: 修改 title 和 description，然后运行 / edit title and description, then run: quizbank check {} && quizbank manifest", out.display());
    Ok(u8::from(checked.error_count() > 0))
}

fn cmd_export(args: ExportArgs) -> Result<u8, String> {
    let bank_arg = &args.bank;
    let path = if bank_arg.is_file() {
        bank_arg.clone()
    } else {
        PathBuf::from("questions").join(format!("{}.json", bank_arg.display()))
    };
    // Over the limit, `check_bank` reports the size from the first bytes.
    let bytes = match check::read(&path, quiz_core::bank::MAX_BANK_BYTES)? {
        check::Contents::Bytes(bytes) => bytes,
        check::Contents::TooLarge(_) => vec![b' '; quiz_core::bank::MAX_BANK_BYTES + 1],
    };
    let checked = quiz_core::check_bank(&path.display().to_string(), &bytes);
    let Some(bank) = checked.value else {
        println!(
            "{} 有错误，请先运行 quizbank check 修正 / has errors: run `quizbank check` first",
            path.display()
        );
        return Ok(1);
    };
    let data = match args.to {
        cli::SheetFormat::Csv => quizbank::export::to_csv(&bank),
        cli::SheetFormat::Xlsx => quizbank::export::to_xlsx(&bank)?,
    };
    let out = args
        .output
        .unwrap_or_else(|| PathBuf::from(format!("{}.{}", bank.id, args.to.extension())));
    refuse_existing(&out, args.force)?;
    write_new(&out, &data, args.force)?;
    println!(
        "已导出 {} 道题到 {} / exported {} questions to {}",
        bank.questions.len(),
        out.display(),
        bank.questions.len(),
        out.display()
    );
    Ok(0)
}

/// Refuses early, before any work, when `out` exists (even as a link to
/// nothing) and `force` does not allow overwriting it.
fn refuse_existing(out: &Path, force: bool) -> Result<(), String> {
    if !force && out.symlink_metadata().is_ok() {
        return Err(already_exists(out));
    }
    Ok(())
}

fn already_exists(out: &Path) -> String {
    format!(
        "{} 已存在；要覆盖请加 --force / already exists; add --force to overwrite",
        out.display()
    )
}

/// Writes `data` to a new file at `out`. Without `force` the file must not
/// exist: it is created exclusively, so neither an existing file nor a
/// symbolic link (even one pointing nowhere) is written through.
fn write_new(out: &Path, data: &[u8], force: bool) -> Result<(), String> {
    use std::io::Write;
    let cannot = |e: std::io::Error| format!("无法写入 cannot write {}: {e}", out.display());
    if force {
        return std::fs::write(out, data).map_err(cannot);
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(out)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => already_exists(out),
            _ => cannot(e),
        })?;
    file.write_all(data).map_err(cannot)
}

/// Today's date where the coordinator is, as `YYYY-MM-DD`: the date they
/// would write by hand (in UTC, a bank edited in China before 08:00 got
/// yesterday's date). The time zone is the system's, or `TZ` when set. The
/// CLI may read the clock; the core never does.
fn today() -> String {
    chrono::Local::now().format("%Y-%m-%d").to_string()
}
