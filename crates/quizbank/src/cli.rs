//! The command line, parsed by clap: each command takes only its own flags
//! (an unknown one is refused, never ignored), and `--help` shows the
//! bilingual help of the command it follows.
//!
//! The command and argument types carry their help in `about` and `help`
//! attributes, in both languages, rather than in doc comments: clap would
//! show a doc comment as the English-only long help.

use clap::builder::PossibleValue;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use quizbank::import::Format;
use std::path::PathBuf;

/// The layout of every help page, with headings in both languages.
const HELP_TEMPLATE: &str = "\
{about-with-newline}
用法 Usage: {usage}

{all-args}{after-help}";

/// What every help page ends with.
const EXIT_CODES: &str = "\
退出码 Exit codes: 0 没有问题 OK · 1 文件有问题 problems found · 2 命令无法执行 usage or I/O error";

#[derive(Parser, Debug)]
#[command(
    name = "quizbank",
    about = "quizbank — 题库工具 / question-bank tool",
    after_help = EXIT_CODES,
    subcommand_help_heading = "命令 Commands",
    next_help_heading = "选项 Options",
    disable_help_subcommand = true,
    disable_version_flag = true
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    #[command(
        about = "检查题库和清单，列出所有问题 / check banks and the manifest, listing every problem"
    )]
    Check(CheckArgs),
    #[command(
        about = "按题库文件更新 index.json 的题数、版本和日期，并加入未列出的题库 / update index.json counts, versions and dates from the bank files, adding unlisted banks"
    )]
    Manifest(ManifestArgs),
    #[command(
        about = "按题型、标签、难度统计，并看答案分布 / counts by type, tag and difficulty, and the answer balance"
    )]
    Stats(StatsArgs),
    #[command(
        about = "从表格（.xlsx/.csv，UTF-8 或 GBK）、GIFT 或 Aiken 文本导入题目；模板见 questions/templates/ / import from a spreadsheet (.xlsx/.csv, UTF-8 or GBK), GIFT or Aiken text; templates in questions/templates/"
    )]
    Import(ImportArgs),
    #[command(
        about = "把题库导出为表格，可修改后再导入 / export a bank as a spreadsheet that imports back"
    )]
    Export(ExportArgs),
    #[command(about = "生成一个可直接修改的新题库 / write a starter bank to edit")]
    New(NewArgs),
    #[command(about = "显示本说明，或某个命令的说明 / show this help, or a command's")]
    Help(HelpArgs),
}

#[derive(Args, Debug)]
pub(crate) struct HelpArgs {
    #[arg(
        value_name = "COMMAND",
        help = "要看说明的命令 / the command to explain"
    )]
    pub(crate) command: Option<String>,
}

#[derive(Args, Debug)]
pub(crate) struct CheckArgs {
    #[arg(
        value_name = "PATH",
        default_value = "questions",
        help = "题库文件、index.json 或文件夹 / bank files, index.json or folders"
    )]
    pub(crate) paths: Vec<PathBuf>,
    #[arg(
        long,
        visible_alias = "format",
        value_name = "FORMAT",
        default_value = "human",
        help = "报告格式：human 给人看，json 给脚本 / report format: human for people, json for scripts"
    )]
    pub(crate) report: Report,
    #[arg(long, help = "有警告也算失败 / fail on warnings too")]
    pub(crate) strict: bool,
}

#[derive(Args, Debug)]
pub(crate) struct StatsArgs {
    #[arg(
        value_name = "PATH",
        default_value = "questions",
        help = "题库文件、index.json 或文件夹 / bank files, index.json or folders"
    )]
    pub(crate) paths: Vec<PathBuf>,
    #[arg(
        long,
        visible_alias = "format",
        value_name = "FORMAT",
        default_value = "human",
        help = "报告格式：human 给人看，json 给脚本 / report format: human for people, json for scripts"
    )]
    pub(crate) report: Report,
}

#[derive(Args, Debug)]
pub(crate) struct ManifestArgs {
    #[arg(
        value_name = "DIR",
        default_value = "questions",
        help = "放 index.json 和题库的文件夹 / the folder of index.json and the banks"
    )]
    pub(crate) dir: PathBuf,
}

#[derive(Args, Debug)]
pub(crate) struct ImportArgs {
    #[arg(value_name = "FILE", help = "要导入的文件 / the file to import")]
    pub(crate) file: PathBuf,
    #[arg(
        long,
        value_name = "ID",
        help = "新题库的编号（小写字母、数字和 -）/ the new bank's id (lower-case letters, digits and -)"
    )]
    pub(crate) bank: String,
    #[arg(
        short,
        long,
        value_name = "FILE",
        help = "写到哪里（默认 questions/ID.json）/ where to write (default questions/ID.json)"
    )]
    pub(crate) output: Option<PathBuf>,
    #[arg(
        long,
        value_name = "FORMAT",
        help = "文件格式，默认按扩展名判断 / the file's format, by default guessed from its extension"
    )]
    pub(crate) from: Option<SourceFormat>,
    #[arg(long, help = "覆盖已有的输出文件 / overwrite an existing output file")]
    pub(crate) force: bool,
    #[arg(
        long,
        help = "导入的题库有错误也写出（之后直接改 JSON）/ write the bank even when it has errors (to fix the JSON afterwards)"
    )]
    pub(crate) allow_errors: bool,
}

#[derive(Args, Debug)]
pub(crate) struct ExportArgs {
    #[arg(
        value_name = "BANK",
        help = "题库文件，或 questions/ 里的题库编号 / a bank file, or the id of a bank in questions/"
    )]
    pub(crate) bank: PathBuf,
    #[arg(
        long,
        alias = "format",
        value_name = "FORMAT",
        default_value = "xlsx",
        help = "表格格式 / spreadsheet format"
    )]
    pub(crate) to: SheetFormat,
    #[arg(
        short,
        long,
        value_name = "FILE",
        help = "写到哪里（默认 ID.xlsx 或 ID.csv）/ where to write (default ID.xlsx or ID.csv)"
    )]
    pub(crate) output: Option<PathBuf>,
    #[arg(long, help = "覆盖已有的输出文件 / overwrite an existing output file")]
    pub(crate) force: bool,
}

#[derive(Args, Debug)]
pub(crate) struct NewArgs {
    #[arg(
        value_name = "ID",
        help = "新题库的编号，例如 branch-3 / the new bank's id, e.g. branch-3"
    )]
    pub(crate) id: String,
    #[arg(
        short,
        long,
        value_name = "FILE",
        help = "写到哪里（默认 questions/ID.json）/ where to write (default questions/ID.json)"
    )]
    pub(crate) output: Option<PathBuf>,
}

/// How `check` and `stats` print what they found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Report {
    /// Snippets with both languages, for people.
    #[value(help = "带原文片段的中英文报告 / snippets with both languages, for people")]
    Human,
    /// One JSON document, for scripts and CI.
    #[value(help = "一个 JSON 文档，给脚本和 CI / one JSON document, for scripts and CI")]
    Json,
}

/// The spreadsheet `export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum SheetFormat {
    /// An Excel workbook with drop-down lists and a tag sheet.
    #[value(
        help = "Excel 工作簿，带下拉列表和标签表 / an Excel workbook with drop-down lists and a tag sheet"
    )]
    Xlsx,
    /// CSV in UTF-8 with a byte order mark, as Excel opens it.
    #[value(help = "UTF-8 的 CSV，Excel 可直接打开 / CSV in UTF-8, as Excel opens it")]
    Csv,
}

impl SheetFormat {
    /// The file extension, which is also the name on the command line.
    pub(crate) fn extension(self) -> &'static str {
        match self {
            SheetFormat::Xlsx => "xlsx",
            SheetFormat::Csv => "csv",
        }
    }
}

/// The formats `import --from` names, wrapping the library's [`Format`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SourceFormat(pub(crate) Format);

impl ValueEnum for SourceFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            SourceFormat(Format::Csv),
            SourceFormat(Format::Xlsx),
            SourceFormat(Format::Gift),
            SourceFormat(Format::Aiken),
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let value = PossibleValue::new(self.0.name());
        Some(match self.0 {
            Format::Csv => {
                value.help("表格另存的 CSV（UTF-8 或 GBK）/ a sheet saved as CSV (UTF-8 or GBK)")
            }
            Format::Xlsx => value
                .aliases(["xls", "excel"])
                .help("Excel 工作簿 .xlsx / an Excel workbook, .xlsx"),
            Format::Gift => value.help("Moodle GIFT 文本 / Moodle GIFT text"),
            Format::Aiken => value
                .alias("txt")
                .help("Moodle Aiken 文本（单选）/ Moodle Aiken text (single choice)"),
        })
    }
}

/// Gives a command's help page headings, and a help flag, in both
/// languages.
fn bilingual(command: clap::Command) -> clap::Command {
    command
        .help_template(HELP_TEMPLATE)
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help("显示说明 / show this help"),
        )
        .mut_args(|arg| {
            let heading = if arg.is_positional() {
                "参数 Arguments"
            } else {
                "选项 Options"
            };
            arg.help_heading(heading)
        })
}

/// What parsing the command line came to.
pub(crate) enum Parsed {
    /// A command to run.
    Run(Command),
    /// Help was printed, or asked for: exit with this code.
    Exit(u8),
}

/// Parses `args` (without the program name). Help goes to standard output
/// (exit 0); an unknown command or flag, or a missing or invalid value,
/// is explained in both languages on standard error (exit 2).
pub(crate) fn parse(args: impl IntoIterator<Item = String>) -> Parsed {
    let mut command =
        bilingual(Cli::command()).mut_subcommands(|sub| bilingual(sub.after_help(EXIT_CODES)));
    let args: Vec<String> = std::iter::once("quizbank".to_string())
        .chain(args)
        .collect();
    if args.len() == 1 {
        let _ = command.print_help();
        return Parsed::Exit(0);
    }
    let result = command
        .try_get_matches_from_mut(&args)
        .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches));
    match result {
        Ok(Cli {
            command: Command::Help(HelpArgs { command: name }),
        }) => {
            let Some(name) = name else {
                let _ = command.print_help();
                return Parsed::Exit(0);
            };
            // The same page as `quizbank <command> --help`, which clap
            // prints as its answer to that command line.
            match command.try_get_matches_from_mut(["quizbank", name.as_str(), "--help"]) {
                Err(page) if page.kind() == clap::error::ErrorKind::DisplayHelp => {
                    let _ = page.print();
                    Parsed::Exit(0)
                }
                _ => {
                    eprintln!("quizbank: 未知命令 unknown command: {name}");
                    eprintln!("用法见 quizbank help / see `quizbank help` for usage");
                    Parsed::Exit(2)
                }
            }
        }
        Ok(cli) => Parsed::Run(cli.command),
        Err(error) => {
            use clap::error::ErrorKind;
            if matches!(
                error.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
            ) {
                let _ = error.print();
                return Parsed::Exit(0);
            }
            let zh = match error.kind() {
                ErrorKind::InvalidSubcommand => "未知命令",
                ErrorKind::UnknownArgument => "未知选项或多余的参数",
                ErrorKind::InvalidValue => "选项的值无效",
                ErrorKind::MissingRequiredArgument => "缺少必需的参数",
                ErrorKind::MissingSubcommand => "缺少命令",
                ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => "参数个数不对",
                ErrorKind::ArgumentConflict => "选项互相冲突",
                _ => "命令行参数有误",
            };
            eprintln!("quizbank: {zh}（说明见下）/ invalid command line (below)");
            let _ = error.print();
            eprintln!("用法见 quizbank help / see `quizbank help` for usage");
            Parsed::Exit(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Option<Command> {
        match parse(args.iter().map(|a| a.to_string())) {
            Parsed::Run(command) => Some(command),
            Parsed::Exit(_) => None,
        }
    }

    #[test]
    fn the_definition_is_consistent() {
        bilingual(Cli::command())
            .mut_subcommands(bilingual)
            .debug_assert();
    }

    #[test]
    fn each_command_takes_only_its_own_flags() {
        assert!(run(&["check", "--strict"]).is_some());
        assert!(run(&["export", "questions/charter.json", "--strict"]).is_none());
        assert!(run(&["stats", "--strict"]).is_none());
        assert!(run(&["new", "x", "--force"]).is_none());
        assert!(run(&["manifest", "--bank", "x"]).is_none());
    }

    #[test]
    fn report_and_sheet_formats_have_their_own_names() {
        let Some(Command::Check(args)) = run(&["check", "--report", "json"]) else {
            panic!("check --report json");
        };
        assert_eq!(args.report, Report::Json);
        assert_eq!(args.paths, [PathBuf::from("questions")]);
        // The old spelling stays where it meant one thing.
        let Some(Command::Check(args)) = run(&["check", "--format", "json", "a.json"]) else {
            panic!("check --format json");
        };
        assert_eq!(args.report, Report::Json);
        let Some(Command::Export(args)) = run(&["export", "a.json", "--to", "csv"]) else {
            panic!("export --to csv");
        };
        assert_eq!(args.to, SheetFormat::Csv);
        let Some(Command::Export(args)) = run(&["export", "a.json", "--format", "csv"]) else {
            panic!("export --format csv");
        };
        assert_eq!(args.to, SheetFormat::Csv);
        // A sheet format is not a report format, nor the other way round.
        assert!(run(&["check", "--format", "xlsx"]).is_none());
        assert!(run(&["export", "a.json", "--to", "json"]).is_none());
        let Some(Command::Import(args)) =
            run(&["import", "a.txt", "--bank", "b", "--from", "excel"])
        else {
            panic!("import --from excel");
        };
        assert_eq!(args.from, Some(SourceFormat(Format::Xlsx)));
    }
}
