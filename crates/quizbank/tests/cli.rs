//! The `quizbank` command as coordinators and scripts use it: exit codes,
//! the human report and the JSON report.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn quizbank(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quizbank"))
        .args(args)
        .current_dir(workspace())
        .output()
        .expect("run quizbank")
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn the_shipped_questions_are_clean_even_strictly() {
    let output = quizbank(&["check", "questions/", "--strict", "--report", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["errors"], 0, "{report:#}");
    // Every warning of quiz-core's own checks counts; the bank lints
    // (their codes are listed in quizbank::lint::LintCode) are held to
    // account by the ignored test below until the banks are rewritten.
    let lint_codes = [
        "near-duplicate",
        "untranslated-term",
        "answer-letter-skew",
        "judge-skew",
        "guessable-multiple",
    ];
    let warnings: Vec<&serde_json::Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| !lint_codes.contains(&d["code"].as_str().unwrap()))
        .collect();
    assert!(warnings.is_empty(), "{warnings:#?}");
}

/// The whole strict check, bank lints included: no near-duplicates inside
/// or across the shipped banks, the official English of every listed term,
/// and no answer pattern a blind strategy could pass on.
#[test]
fn the_shipped_questions_pass_the_bank_lints_strictly() {
    let output = quizbank(&["check", "questions/", "--strict"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("0 error(s), 0 warning(s)"));
}

#[test]
fn a_broken_bank_exits_1_with_a_snippet_in_both_languages() {
    let output = quizbank(&[
        "check",
        "crates/quiz-core/tests/malformed/unknown-field-typo.json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("error[unknown-field]"), "{text}");
    assert!(text.contains("unknown-field-typo.json:32:7"), "{text}");
    assert!(
        text.contains("\"anwser\": \"B\","),
        "no source snippet: {text}"
    );
    assert!(
        text.contains("不认识的字段“anwser”，是不是“answer”？"),
        "{text}"
    );
    assert!(text.contains("did you mean \"answer\"?"), "{text}");
}

#[test]
fn json_output_lists_every_problem_with_its_place() {
    let output = quizbank(&[
        "check",
        "--format",
        "json",
        "crates/quiz-core/tests/malformed/fill-blank-mismatch.json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["ok"], false);
    assert_eq!(report["errors"], 2);
    let first = &report["diagnostics"][0];
    assert_eq!(first["code"], "blank-mismatch");
    assert_eq!(first["line"], 65);
    assert_eq!(first["question"], "base-004");
    assert_eq!(first["path"], "questions[3].stem.zh");
    assert!(first["message"]["zh"]
        .as_str()
        .unwrap()
        .contains("中文题干"));
}

#[test]
fn warnings_pass_unless_strict() {
    let file = "crates/quiz-core/tests/malformed/missing-explanation.json";
    assert_eq!(quizbank(&["check", file]).status.code(), Some(0));
    assert_eq!(
        quizbank(&["check", file, "--strict"]).status.code(),
        Some(1)
    );
}

#[test]
fn each_command_refuses_flags_it_does_not_take() {
    // `export --strict` used to be accepted and ignored.
    let output = quizbank(&["export", "questions/charter.json", "--strict"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("未知选项"), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("'--strict'"),
        "{}",
        stderr(&output)
    );
    // A sheet format is not a report format.
    assert_eq!(
        quizbank(&["check", "--report", "xlsx"]).status.code(),
        Some(2)
    );
    assert_eq!(quizbank(&["stats", "--strict"]).status.code(), Some(2));
    assert_eq!(
        quizbank(&["import", "a.csv"]).status.code(),
        Some(2),
        "--bank is required"
    );
    // Help, for the tool and for each command, in both languages.
    let output = quizbank(&["help"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("命令 Commands"));
    for command in ["check", "manifest", "stats", "import", "export", "new"] {
        let output = quizbank(&[command, "--help"]);
        assert_eq!(output.status.code(), Some(0), "{command}");
        let text = stdout(&output);
        assert!(text.contains(&format!("quizbank {command}")), "{text}");
        assert!(text.contains("选项 Options"), "{text}");
        assert_eq!(stdout(&quizbank(&["help", command])), text, "{command}");
    }
}

#[test]
fn usage_and_io_errors_exit_2() {
    assert_eq!(
        quizbank(&["check", "no/such/file.json"]).status.code(),
        Some(2)
    );
    assert_eq!(quizbank(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(
        quizbank(&["check", "--format", "yaml"]).status.code(),
        Some(2)
    );
    assert_eq!(
        quizbank(&["import", "no-such.xlsx", "--bank", "x"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn a_new_bank_imports_exports_and_updates_the_manifest_in_one_command_each() {
    let dir = std::env::temp_dir().join(format!("quizbank-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let bank = dir.join("branch-3.json");
    let bank_arg = bank.to_str().unwrap();
    assert_eq!(
        quizbank(&["new", "branch-3", "-o", bank_arg]).status.code(),
        Some(0)
    );
    assert_eq!(
        quizbank(&["check", bank_arg, "--strict"]).status.code(),
        Some(0)
    );

    // A spreadsheet exported from the bank imports back to the same questions.
    let sheet = dir.join("branch-3.xlsx");
    let sheet_arg = sheet.to_str().unwrap();
    assert_eq!(
        quizbank(&["export", bank_arg, "--to", "xlsx", "-o", sheet_arg])
            .status
            .code(),
        Some(0)
    );
    let again = dir.join("again.json");
    let output = quizbank(&[
        "import",
        sheet_arg,
        "--bank",
        "branch-3",
        "-o",
        again.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let first = quiz_core::check_bank("a", &std::fs::read(&bank).unwrap())
        .value
        .unwrap();
    let second = quiz_core::check_bank("b", &std::fs::read(&again).unwrap())
        .value
        .unwrap();
    assert_eq!(first.questions, second.questions);
    std::fs::remove_file(&again).unwrap();

    // `manifest` creates index.json listing the bank with the right count.
    let output = quizbank(&["manifest", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let index = std::fs::read(dir.join("index.json")).unwrap();
    let manifest = quiz_core::manifest::parse_manifest("index.json", &index).unwrap();
    assert_eq!(manifest.banks[0].id, "branch-3");
    assert_eq!(manifest.banks[0].count, 4);
    assert_eq!(
        quizbank(&["check", dir.to_str().unwrap(), "--strict"])
            .status
            .code(),
        Some(0)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A folder of its own under the system's temporary folder, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quizbank-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn checking_an_empty_folder_is_not_a_pass() {
    let dir = scratch("empty");
    let output = quizbank(&["check", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("没有可检查的文件"),
        "{}",
        stdout(&output)
    );
    assert!(
        stdout(&output).contains("Nothing to check in"),
        "{}",
        stdout(&output)
    );
    let output = quizbank(&["check", "--report", "json", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["ok"], false);
    assert_eq!(report["nothing_to_check"][0], dir.to_str().unwrap());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_import_with_errors_is_not_written_unless_asked() {
    let dir = scratch("import-errors");
    // Control characters pass the importer, but JSON writes each as six
    // bytes, so this 6 MB sheet makes a bank over check_bank's 32 MB limit.
    let stem: String = std::iter::repeat_n('\u{1}', 3_900).collect();
    let mut csv = String::from("题型,题干,答案\n");
    for _ in 0..1_500 {
        csv.push_str(&format!("判断,{stem}甲,对\n"));
    }
    let sheet = dir.join("big.csv");
    std::fs::write(&sheet, csv).unwrap();
    let out = dir.join("big.json");
    let args = [
        "import",
        sheet.to_str().unwrap(),
        "--bank",
        "big",
        "-o",
        out.to_str().unwrap(),
    ];
    let output = quizbank(&args);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("the limit is 32.0 MB"), "{text}");
    assert!(text.contains("Did not write"), "{text}");
    assert!(!out.exists(), "a bank with errors was written");

    let output = quizbank(&[&args[..], &["--allow-errors"]].concat());
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(out.exists(), "--allow-errors writes the bank");
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn output_files_are_never_written_through_a_dangling_link() {
    let dir = scratch("symlink");
    let target = dir.join("elsewhere.json");
    let link = dir.join("link.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let link_arg = link.to_str().unwrap();
    let sheet = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sample.csv");
    let attempts: [Vec<&str>; 3] = [
        vec!["new", "branch-9", "-o", link_arg],
        vec![
            "import",
            sheet.to_str().unwrap(),
            "--bank",
            "branch-9",
            "-o",
            link_arg,
        ],
        vec![
            "export",
            "questions/charter.json",
            "--to",
            "csv",
            "-o",
            link_arg,
        ],
    ];
    for args in attempts {
        let output = quizbank(&args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stdout(&output)
        );
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("already exists"),
            "{args:?}"
        );
        assert!(!target.exists(), "{args:?} wrote through the link");
    }
    // --force is the coordinator saying the file may be replaced.
    let output = quizbank(&[
        "export",
        "questions/charter.json",
        "--to",
        "csv",
        "-o",
        link_arg,
        "--force",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A folder with a starter bank `id` in `file` (made by `quizbank new`).
fn folder_with_bank(name: &str, id: &str) -> PathBuf {
    let dir = scratch(name);
    let bank = dir.join(format!("{id}.json"));
    let output = quizbank(&["new", id, "-o", bank.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    dir
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn manifest_never_renames_a_published_bank() {
    let dir = folder_with_bank("manifest-id", "branch-3");
    let dir_arg = dir.to_str().unwrap();
    assert_eq!(quizbank(&["manifest", dir_arg]).status.code(), Some(0));
    let published = std::fs::read(dir.join("index.json")).unwrap();
    // A typo in the bank file's id.
    let bank = dir.join("branch-3.json");
    let text = std::fs::read_to_string(&bank).unwrap();
    std::fs::write(
        &bank,
        text.replacen("\"id\": \"branch-3\"", "\"id\": \"branch-33\"", 1),
    )
    .unwrap();
    let output = quizbank(&["manifest", dir_arg]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        stderr(&output).contains("\"branch-33\""),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("已发布题库的编号不能改"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(dir.join("index.json")).unwrap(), published);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn manifest_refuses_an_index_it_cannot_read() {
    let dir = folder_with_bank("manifest-unreadable", "branch-3");
    // A folder where the manifest should be cannot be read as a file.
    std::fs::create_dir(dir.join("index.json")).unwrap();
    let output = quizbank(&["manifest", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("the manifest was not updated"),
        "{}",
        stderr(&output)
    );
    assert!(
        !stderr(&output).contains("cannot write"),
        "{}",
        stderr(&output)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn manifest_checks_what_it_writes() {
    let dir = folder_with_bank("manifest-title", "branch-3");
    let bank = dir.join("branch-3.json");
    // The manifest shows a bank's title on the home page and holds at most
    // 200 characters; a bank's title has the same limit, so the bank check
    // already refuses one the manifest could not hold.
    let long: String = std::iter::repeat_n('党', 300).collect();
    let text = std::fs::read_to_string(&bank).unwrap();
    std::fs::write(&bank, text.replacen("新题库（请修改名称）", &long, 1)).unwrap();
    let check = quizbank(&["check", bank.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(1), "{}", stdout(&check));
    assert!(stdout(&check).contains("200"), "{}", stdout(&check));
    let output = quizbank(&["manifest", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let message = stderr(&output);
    assert!(message.contains("branch-3.json"), "{message}");
    assert!(
        !dir.join("index.json").exists(),
        "an invalid manifest was written"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs quizbank, killing it when it takes more than `seconds`: a check
/// that reads what it should refuse could block or take minutes.
#[cfg(unix)]
fn quizbank_within(args: &[&str], seconds: u64) -> Option<Output> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quizbank"))
        .args(args)
        .current_dir(workspace())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run quizbank");
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(seconds) {
        if child.try_wait().expect("wait").is_some() {
            return Some(child.wait_with_output().expect("output"));
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

#[cfg(unix)]
#[test]
fn check_refuses_special_and_huge_files_without_reading_them() {
    let dir = scratch("special");
    // A named pipe with no writer: opening it to read would block forever.
    let pipe = dir.join("pipe.json");
    let made = Command::new("mkfifo").arg(&pipe).status().expect("mkfifo");
    assert!(made.success());
    let output = quizbank_within(&["check", pipe.to_str().unwrap()], 10)
        .expect("check blocked on a named pipe");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("is not a regular file"),
        "{}",
        stderr(&output)
    );

    // A sparse 8 GB file: reading it first would take minutes and all the
    // memory; its size alone refuses it.
    let huge = dir.join("huge.json");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(8 << 30)
        .unwrap();
    let output = quizbank_within(&["check", huge.to_str().unwrap()], 10)
        .expect("check read the whole huge file");
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("the limit is 32.0 MB"),
        "{}",
        stdout(&output)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A starter bank (from `quizbank new`) as JSON, for tests to reshape.
fn starter_json(dir: &Path, id: &str) -> serde_json::Value {
    let file = dir.join(format!("{id}-starter.json"));
    let output = quizbank(&["new", id, "-o", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    std::fs::remove_file(&file).unwrap();
    value
}

#[test]
fn a_minified_bank_with_many_problems_prints_excerpts_and_a_bounded_list() {
    let dir = scratch("minified");
    let mut bank = starter_json(&dir, "mini");
    let template = bank["questions"][2].clone();
    let questions: Vec<serde_json::Value> = (0..300)
        .map(|i| {
            let mut question = template.clone();
            question["id"] = format!("mini-{i:03}").into();
            question["anwser"] = true.into();
            question
        })
        .collect();
    bank["questions"] = questions.into();
    let file = dir.join("mini.json");
    std::fs::write(&file, serde_json::to_string(&bank).unwrap()).unwrap();
    assert!(std::fs::metadata(&file).unwrap().len() > 100_000);

    let output = quizbank(&["check", "--report", "json", file.to_str().unwrap()]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let errors = report["errors"].as_u64().unwrap();
    assert!(errors >= 300, "{errors}");
    assert_eq!(report["diagnostics"].as_array().unwrap().len(), 200);
    assert_eq!(report["omitted"][0]["count"], errors - 200);

    let output = quizbank(&["check", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.len() < 300_000, "{} bytes printed", text.len());
    assert!(text.contains("error[unknown-field]"), "{}", &text[..2_000]);
    assert!(
        text.contains(&format!("还有 {} 个问题未列出", errors - 200)),
        "{}",
        &text[text.len() - 1_000..]
    );
    assert!(text.contains(&format!("and {} more problem(s)", errors - 200)));
    assert!(text.contains(&format!("{errors} error(s)")));
    // Source lines are excerpts: a window around the column, marked.
    let source_lines: Vec<&str> = text.lines().filter(|l| l.starts_with("1 │")).collect();
    assert_eq!(source_lines.len(), 200);
    for line in source_lines {
        assert!(line.chars().count() < 140, "{line}");
        assert!(line.contains('…'), "{line}");
    }
    assert!(text.contains("mini.json:1:"), "{}", &text[..2_000]);

    let _ = std::fs::remove_dir_all(&dir);
}

/// The date `offset_hours` east of UTC, now, as `YYYY-MM-DD`.
fn date_at_offset(offset_hours: i64) -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
        + offset_hours * 3_600;
    quiz_core::progress::date_of_day(seconds.div_euclid(86_400) as i32)
}

#[test]
fn new_and_import_write_the_coordinators_local_date() {
    let dir = scratch("local-date");
    // Shanghai is UTC+8 all year; the two extremes are 26 hours apart, so
    // at any moment at least one of them is not on UTC's date.
    let shanghai = if Path::new("/usr/share/zoneinfo/Asia/Shanghai").exists() {
        "Asia/Shanghai"
    } else {
        "CST-8"
    };
    let sheet = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sample.csv");
    for (zone, offset) in [(shanghai, 8), ("<+14>-14", 14), ("<-12>12", -12)] {
        let updated = |file: &Path| {
            let bank: serde_json::Value =
                serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
            bank["updated"].as_str().unwrap().to_string()
        };
        let run = |args: &[&str]| {
            let before = date_at_offset(offset);
            let output = Command::new(env!("CARGO_BIN_EXE_quizbank"))
                .args(args)
                .env("TZ", zone)
                .output()
                .expect("run quizbank");
            assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
            [before, date_at_offset(offset)]
        };
        let new = dir.join(format!("new{offset}.json"));
        let dates = run(&["new", "branch-3", "-o", new.to_str().unwrap()]);
        assert!(dates.contains(&updated(&new)), "TZ={zone}: {dates:?}");
        let imported = dir.join(format!("import{offset}.json"));
        let dates = run(&[
            "import",
            sheet.to_str().unwrap(),
            "--bank",
            "mybank",
            "-o",
            imported.to_str().unwrap(),
        ]);
        assert!(dates.contains(&updated(&imported)), "TZ={zone}: {dates:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_lints_terms_and_near_duplicates_beside_the_banks() {
    let dir = folder_with_bank("lints", "branch-3");
    let dir_arg = dir.to_str().unwrap();
    // A second bank whose first question repeats the first bank's judge
    // question; its other stems are its own.
    let mut bank = starter_json(&dir, "branch-4");
    let copy = bank["questions"][2]["stem"]["zh"].clone();
    bank["questions"][0]["stem"]["zh"] = copy;
    bank["questions"][1]["stem"]["zh"] = "下列哪些属于党员应当履行的义务和遵守的纪律要求？".into();
    bank["questions"][2]["stem"]["zh"] = "中国共产党以马克思列宁主义作为自己的行动指南。".into();
    bank["questions"][3]["stem"]["zh"] = "党的最高理想和最终目标是实现____主义。".into();
    std::fs::write(
        dir.join("branch-4.json"),
        serde_json::to_string_pretty(&bank).unwrap(),
    )
    .unwrap();
    std::fs::write(
        dir.join("terms.json"),
        r#"{"$comment": "test list", "terms": [
            {"zh": "党章", "en": ["Party Constitution"], "source": "test"},
            {"zh": "预备党员", "en": ["probationary member"], "source": "test"}
        ]}"#,
    )
    .unwrap();
    let output = quizbank(&["check", "--report", "json", dir_arg]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(output.status.code(), Some(0), "warnings only: {report:#}");
    let found: Vec<(String, String, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["question"].as_str().unwrap_or("").to_string(),
                d["path"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let term = |id: &str, path: &str| {
        (
            "untranslated-term".to_string(),
            id.to_string(),
            path.to_string(),
        )
    };
    // The starter's first stem says "probationary period", not
    // "probationary member"; "Party Constitution" is there.
    assert!(
        found.contains(&term("branch-3-001", "questions[0].stem.en")),
        "{found:#?}"
    );
    assert!(
        found.contains(&term("branch-4-001", "questions[0].stem.en")),
        "{found:#?}"
    );
    // Its English has "Party Constitution": only the other term is named.
    let stem_terms: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["question"] == "branch-3-001" && d["path"] == "questions[0].stem.en")
        .map(|d| d["message"]["zh"].as_str().unwrap())
        .collect();
    assert_eq!(stem_terms.len(), 1, "{stem_terms:?}");
    assert!(stem_terms[0].contains("“预备党员”"), "{stem_terms:?}");
    let duplicates: Vec<&serde_json::Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "near-duplicate")
        .collect();
    assert_eq!(duplicates.len(), 1, "{duplicates:#?}");
    let duplicate = duplicates[0];
    assert_eq!(duplicate["question"], "branch-4-001");
    let message = duplicate["message"]["en"].as_str().unwrap();
    assert!(message.contains("\"branch-3-003\" at "), "{message}");
    assert!(message.contains("branch-3.json:"), "{message}");
    // Strict, warnings fail; the human report shows the lint codes.
    assert_eq!(
        quizbank(&["check", "--strict", dir_arg]).status.code(),
        Some(1)
    );
    let text = stdout(&quizbank(&["check", dir_arg]));
    assert!(text.contains("warning[untranslated-term]"), "{text}");
    assert!(text.contains("warning[near-duplicate]"), "{text}");

    // terms.json is not a bank, for check or for manifest.
    let output = quizbank(&["manifest", dir_arg]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let index = std::fs::read_to_string(dir.join("index.json")).unwrap();
    assert!(!index.contains("terms.json"), "{index}");

    // A list that cannot be read is an error.
    std::fs::write(dir.join("terms.json"), r#"{"terms": [{"zh": "党章"}]}"#).unwrap();
    let output = quizbank(&["check", dir_arg]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("error[terms-file]"),
        "{}",
        stdout(&output)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn stats_reports_answer_balance() {
    let output = quizbank(&[
        "stats",
        "--report",
        "json",
        "crates/quiz-core/tests/malformed/missing-explanation.json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let stats: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let balance = &stats[0]["balance"];
    assert!(balance["single_letters"].is_array(), "{stats:#}");
    assert!(balance["tick_all_percent"].is_number(), "{stats:#}");
    assert!(balance["tick_all_but_one_percent"].is_number(), "{stats:#}");
    assert!(balance["judge_true"].is_number(), "{stats:#}");
    let text = stdout(&quizbank(&[
        "stats",
        "crates/quiz-core/tests/malformed/missing-explanation.json",
    ]));
    assert!(text.contains("全选 tick all"), "{text}");
    assert!(text.contains("单选答案 single-choice answers"), "{text}");
}

#[test]
fn changed_questions_raise_the_version_through_manifest() {
    let dir = folder_with_bank("manifest-fingerprint", "branch-4");
    let dir_arg = dir.to_str().unwrap();
    let output = quizbank(&["manifest", dir_arg]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let read_index = || {
        quiz_core::manifest::parse_manifest(
            "index.json",
            &std::fs::read(dir.join("index.json")).unwrap(),
        )
        .unwrap()
    };
    let recorded = read_index().banks[0].clone();
    assert!(
        recorded.fingerprint.is_some(),
        "the fingerprint is recorded"
    );
    // Layout alone changes nothing: the questions are the same.
    let bank = dir.join("branch-4.json");
    let text = std::fs::read_to_string(&bank).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    std::fs::write(&bank, serde_json::to_string(&value).unwrap()).unwrap();
    let output = quizbank(&["manifest", dir_arg]);
    assert!(
        stdout(&output).contains("is up to date"),
        "{}",
        stdout(&output)
    );

    // A coordinator edits a question's text but not the version.
    let stem = value["questions"][0]["stem"]["zh"]
        .as_str()
        .unwrap()
        .to_string();
    std::fs::write(&bank, text.replacen(&stem, &format!("{stem}（改）"), 1)).unwrap();
    let check = quizbank(&["check", dir_arg]);
    assert_eq!(check.status.code(), Some(1), "{}", stdout(&check));
    assert!(
        stdout(&check).contains("version 却还是"),
        "{}",
        stdout(&check)
    );

    let output = quizbank(&["manifest", dir_arg]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("questions changed"),
        "{}",
        stdout(&output)
    );
    let raised = read_index().banks[0].clone();
    assert_eq!(raised.version, recorded.version + 1);
    assert_ne!(raised.fingerprint, recorded.fingerprint);
    let edited: serde_json::Value = serde_json::from_slice(&std::fs::read(&bank).unwrap()).unwrap();
    assert_eq!(edited["version"], raised.version);
    assert_eq!(edited["updated"], raised.updated.as_str());
    // The bank file changed only in those two values.
    let after = std::fs::read_to_string(&bank).unwrap();
    assert_eq!(after.lines().count(), text.lines().count());
    assert_eq!(quizbank(&["check", dir_arg]).status.code(), Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_retired_id_is_refused_at_the_question() {
    let dir = folder_with_bank("retired", "branch-5");
    let bank = std::fs::read_to_string(dir.join("branch-5.json")).unwrap();
    let value: serde_json::Value = serde_json::from_str(&bank).unwrap();
    let reused = value["questions"][1]["id"].as_str().unwrap().to_string();
    std::fs::write(
        dir.join("retired.json"),
        format!(
            r#"{{"retired": [{{"id": "{reused}", "reason": "removed", "date": "2026-12-06"}}]}}"#
        ),
    )
    .unwrap();
    let output = quizbank(&["check", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let report = stdout(&output);
    assert!(report.contains("retired-id"), "{report}");
    assert!(report.contains(&format!("“{reused}”")), "{report}");
    // A list that cannot be read is an error too, not a check skipped.
    std::fs::write(dir.join("retired.json"), "{\"retired\": [{\"id\": ").unwrap();
    let output = quizbank(&["check", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("retired-file"),
        "{}",
        stdout(&output)
    );
    // And neither list is taken for a bank by `manifest`.
    std::fs::remove_file(dir.join("retired.json")).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}
