//! `quizbank`: the coordinators' tool for question banks.
//!
//! Exit codes: 0 when everything is fine, 1 when a file has problems to
//! fix, 2 when the command itself could not run (bad arguments, unreadable
//! file).

mod check;
mod manifest_update;
mod starter;
mod stats;

use check::Output;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
quizbank — 题库工具 / question-bank tool

用法 Usage:
  quizbank check [PATH…] [--format human|json] [--strict]
      检查题库和清单，列出所有问题 / check banks and the manifest, listing every problem
      (default PATH: questions/; --strict also fails on warnings)
  quizbank manifest [DIR]
      按题库文件更新 index.json 的题数、版本和日期，并加入未列出的题库
      / update index.json counts, versions and dates from the bank files, adding unlisted banks
  quizbank stats [PATH…] [--format human|json]
      按题型、标签、难度统计 / counts by type, tag and difficulty
  quizbank import FILE --bank ID [-o FILE] [--from csv|xlsx|gift|aiken] [--force] [--allow-errors]
      从表格（.xlsx/.csv，UTF-8 或 GBK）、GIFT 或 Aiken 文本导入题目；模板见 questions/templates/
      / import from a spreadsheet (.xlsx/.csv, UTF-8 or GBK), GIFT or Aiken text; templates in questions/templates/
  quizbank export BANK [--format csv|xlsx] [-o FILE]
      把题库导出为表格，可修改后再导入 / export a bank as a spreadsheet that imports back
  quizbank new ID [-o FILE]
      生成一个可直接修改的新题库 / write a starter bank to edit
  quizbank help
      显示本说明 / show this help

退出码 Exit codes: 0 没有问题 OK · 1 文件有问题 problems found · 2 命令无法执行 usage or I/O error
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("check") => cmd_check(&args[1..]),
        Some("manifest") => cmd_manifest(&args[1..]),
        Some("stats") => cmd_stats(&args[1..]),
        Some("new") => cmd_new(&args[1..]),
        Some("import") => cmd_import(&args[1..]),
        Some("export") => cmd_export(&args[1..]),
        Some("help" | "--help" | "-h") | None => {
            print!("{USAGE}");
            Ok(0)
        }
        Some(other) => Err(format!("未知命令 unknown command: {other}")),
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

/// Options shared by the commands that read files.
struct Options {
    paths: Vec<PathBuf>,
    output: Output,
    strict: bool,
    out_file: Option<PathBuf>,
    bank: Option<String>,
    from: Option<String>,
    sheet: Option<String>,
    force: bool,
    allow_errors: bool,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        paths: Vec::new(),
        output: Output::Human,
        strict: false,
        out_file: None,
        bank: None,
        from: None,
        sheet: None,
        force: false,
        allow_errors: false,
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |name: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| format!("{name} 需要一个值 / {name} needs a value"))
        };
        match arg.as_str() {
            "--format" => match value("--format")?.as_str() {
                "human" => options.output = Output::Human,
                "json" => options.output = Output::Json,
                // `export` takes a spreadsheet format here.
                sheet @ ("csv" | "xlsx") => options.sheet = Some(sheet.to_string()),
                other => {
                    return Err(format!(
                    "--format 的值无效 / invalid --format value: {other} (human, json, csv, xlsx)"
                ))
                }
            },
            "--strict" => options.strict = true,
            "--force" => options.force = true,
            "--allow-errors" => options.allow_errors = true,
            "--bank" => options.bank = Some(value("--bank")?),
            "--from" => options.from = Some(value("--from")?),
            "-o" | "--output" => options.out_file = Some(PathBuf::from(value("-o")?)),
            flag if flag.starts_with('-') => {
                return Err(format!("未知选项 unknown option: {flag}"))
            }
            path => options.paths.push(PathBuf::from(path)),
        }
    }
    Ok(options)
}

fn cmd_check(args: &[String]) -> Result<u8, String> {
    let mut options = parse_options(args)?;
    if options.paths.is_empty() {
        options.paths.push(PathBuf::from("questions"));
    }
    let findings = check::collect(&options.paths)?;
    Ok(check::report(&findings, options.output, options.strict))
}

fn cmd_stats(args: &[String]) -> Result<u8, String> {
    let mut options = parse_options(args)?;
    if options.paths.is_empty() {
        options.paths.push(PathBuf::from("questions"));
    }
    let findings = check::collect(&options.paths)?;
    if findings.banks.is_empty() {
        check::report(&findings, Output::Human, false);
        return Ok(1);
    }
    match options.output {
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

fn cmd_new(args: &[String]) -> Result<u8, String> {
    let options = parse_options(args)?;
    let [id] = options.paths.as_slice() else {
        return Err(
            "new 需要一个题库编号 / new needs one bank id, e.g. quizbank new branch-3".into(),
        );
    };
    let id = id.to_string_lossy().to_string();
    if !quiz_core::manifest::is_valid_id(&id) {
        return Err(format!("编号“{id}”无效：只能用小写字母、数字和 - / id must be lower-case letters, digits and -"));
    }
    let out = options
        .out_file
        .unwrap_or_else(|| PathBuf::from(format!("questions/{id}.json")));
    write_new(&out, starter::starter_bank(&id, &today()).as_bytes(), false)?;
    println!("已生成 wrote {}", out.display());
    println!("下一步 next: 编辑题目，然后运行 edit the questions, then run: quizbank check {0} && quizbank manifest {1}",
        out.display(), out.parent().unwrap_or(Path::new(".")).display());
    Ok(0)
}

fn cmd_manifest(args: &[String]) -> Result<u8, String> {
    let options = parse_options(args)?;
    let dir = options
        .paths
        .first()
        .cloned()
        .unwrap_or_else(|| PathBuf::from("questions"));
    match manifest_update::update(&dir) {
        Ok(update) => {
            let index = dir.join("index.json");
            if update.changes.is_empty() {
                println!("{} 已是最新 is up to date", index.display());
                return Ok(0);
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

fn cmd_import(args: &[String]) -> Result<u8, String> {
    use quizbank::import::{import_file, Format};
    let options = parse_options(args)?;
    let [file] = options.paths.as_slice() else {
        return Err(
            "import 需要一个文件 / import needs one file: quizbank import 题库.xlsx --bank mybank"
                .into(),
        );
    };
    if !file.is_file() {
        return Err(format!("找不到文件 no such file: {}", file.display()));
    }
    let id = options
        .bank
        .ok_or("import 需要 --bank 题库编号 / import needs --bank ID")?;
    if !quiz_core::manifest::is_valid_id(&id) {
        return Err(format!("编号“{id}”无效：只能用小写字母、数字和 - / id must be lower-case letters, digits and -"));
    }
    let format = match &options.from {
        Some(name) => Some(Format::parse(name).ok_or_else(|| {
            format!("不认识的格式 unknown format: {name} (csv, xlsx, gift, aiken)")
        })?),
        None => None,
    };
    let out = options.out_file.unwrap_or_else(|| {
        let folder = Path::new("questions");
        if folder.is_dir() {
            folder.join(format!("{id}.json"))
        } else {
            PathBuf::from(format!("{id}.json"))
        }
    });
    refuse_existing(&out, options.force)?;
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
    let mut text = serde_json::to_string_pretty(&bank).map_err(|e| e.to_string())?;
    text.push('\n');
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
    if errors > 0 && !options.allow_errors {
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
    write_new(&out, text.as_bytes(), options.force)?;
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

fn cmd_export(args: &[String]) -> Result<u8, String> {
    let options = parse_options(args)?;
    let [bank_arg] = options.paths.as_slice() else {
        return Err("export 需要一个题库 / export needs one bank: quizbank export questions/charter.json --format xlsx".into());
    };
    let path = if bank_arg.is_file() {
        bank_arg.clone()
    } else {
        PathBuf::from("questions").join(format!("{}.json", bank_arg.display()))
    };
    let bytes = std::fs::read(&path)
        .map_err(|e| format!("无法读取 cannot read {}: {e}", path.display()))?;
    let checked = quiz_core::check_bank(&path.display().to_string(), &bytes);
    let Some(bank) = checked.value else {
        println!(
            "{} 有错误，请先运行 quizbank check 修正 / has errors: run `quizbank check` first",
            path.display()
        );
        return Ok(1);
    };
    let sheet = options.sheet.unwrap_or_else(|| "xlsx".into());
    let data = match sheet.as_str() {
        "csv" => quizbank::export::to_csv(&bank),
        _ => quizbank::export::to_xlsx(&bank)?,
    };
    let out = options
        .out_file
        .unwrap_or_else(|| PathBuf::from(format!("{}.{sheet}", bank.id)));
    refuse_existing(&out, options.force)?;
    write_new(&out, &data, options.force)?;
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

/// Today's date in UTC as `YYYY-MM-DD` (the CLI may read the clock; the core
/// never does).
fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs() / 86_400)
        .unwrap_or(0);
    quiz_core::progress::date_of_day(i32::try_from(days).unwrap_or(0))
}
