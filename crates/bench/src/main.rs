//! `cargo xtask bench`: prints the figures that matter on a mid-range phone
//! on a mobile network, and with `--check` compares them with the budgets in
//! `bench/budgets.toml`, exiting non-zero when one is exceeded.
//!
//! It is a measurement, never a timed test in CI: the figures depend on the
//! machine. `cargo xtask bench` builds `dist/` first and then runs this.

mod banks;
mod budgets;
mod cdp;
mod lighthouse;
mod page_load;
mod probe;
mod server;
mod sizes;
mod storage;

use budgets::{number, Figure};
use server::CachingServer;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Every figure key the budgets file must cover.
pub const FIGURE_KEYS: [&str; 9] = [
    "exam_link_brotli_kb",
    "first_question_cold_ratio",
    "first_question_repeat_ratio",
    "first_question_1k_ms",
    "longest_task_1k_ms",
    "parse_ratio_5k",
    "wasm_memory_5k_mb",
    "grade_100_ms",
    "storage_1000_attempts_kunits",
];

/// The deep links the first-question budget covers: the shipped 党章 bank.
const CHARTER_LINKS: [&str; 2] = ["#/bank/charter/practice", "#/bank/charter/exam"];

/// The link whose downloads the size budget counts: a member opening an
/// exam from the branch's WeChat group.
const EXAM_LINK: &str = "#/bank/charter/exam";

/// The generated bank sizes.
const BANK_SIZES: [usize; 3] = [1_000, 5_000, 20_000];

const USAGE: &str = "\
bench [--check] [--runs N] [--only PARTS] [--dist DIR]

  --check       compare with bench/budgets.toml; exit 1 when over budget
  --runs N      runs per timed figure, median reported (default 5, at least 1)
  --only PARTS  comma-separated subset of: sizes,storage,probe,load,layouts,lighthouse
  --dist DIR    the built app (default: dist/ at the workspace root)
  --reference DIR
                the built reference page (default: $QUIZ_REFERENCE_DIST, else
                target/bench-reference-dist/)
";

/// Every part, in the order they run; a run of all of them must meet
/// every budget.
const PARTS: [&str; 6] = ["sizes", "storage", "probe", "load", "layouts", "lighthouse"];

/// Questions in the bank the layouts part checks: the size of the one-line
/// banks that took seconds to locate before locating was linear.
const LAYOUT_QUESTIONS: usize = 16_000;

/// What to run.
struct Options {
    check: bool,
    runs: usize,
    parts: Vec<String>,
    dist: PathBuf,
    reference: PathBuf,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let root = root.canonicalize().unwrap_or(root);
    let options = match parse_args(&root) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("bench: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&root, &options).await {
        Ok(0) => ExitCode::SUCCESS,
        Ok(over) => {
            eprintln!("bench: {over} figure(s) over budget");
            ExitCode::FAILURE
        }
        Err(message) => {
            eprintln!("bench: {message}");
            ExitCode::from(2)
        }
    }
}

fn parse_args(root: &Path) -> Result<Options, String> {
    let mut options = Options {
        check: false,
        runs: 5,
        parts: PARTS.map(String::from).to_vec(),
        dist: root.join("dist"),
        reference: std::env::var_os("QUIZ_REFERENCE_DIST")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("target/bench-reference-dist")),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" => options.check = true,
            "--runs" => {
                let value = args.next().ok_or("--runs needs a number")?;
                options.runs = value
                    .parse::<usize>()
                    .ok()
                    .filter(|&runs| runs >= 1)
                    .ok_or_else(|| format!("--runs {value:?} is not a number of runs"))?;
            }
            "--only" => {
                let value = args.next().ok_or("--only needs a list of parts")?;
                options.parts = value.split(',').map(str::to_string).collect();
            }
            "--dist" => options.dist = PathBuf::from(args.next().ok_or("--dist needs a folder")?),
            "--reference" => {
                options.reference = PathBuf::from(args.next().ok_or("--reference needs a folder")?)
            }
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    Ok(options)
}

/// Runs the selected parts; returns how many figures are over budget.
async fn run(root: &Path, options: &Options) -> Result<usize, String> {
    let budgets = budgets::load(&root.join("bench/budgets.toml"))?;
    let wants = |part: &str| options.parts.iter().any(|p| p == part);
    let questions = root.join("questions");
    let work = root.join("target/bench");
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let mut figures = Vec::new();
    if !options.dist.join("index.html").is_file() {
        return Err(format!(
            "no built app in {}: run `cargo xtask bench` (it builds dist/ first)",
            options.dist.display()
        ));
    }

    let mut over = 0;
    if wants("sizes") {
        print_sizes(&options.dist, sizes::Bundle::App)?;
        if options.dist.join("records.html").is_file() {
            print_sizes(&options.dist, sizes::Bundle::Records)?;
        }
        if options.dist.join("workbench.html").is_file() {
            print_sizes(&options.dist, sizes::Bundle::Workbench)?;
        }
        if options.reference.join("index.html").is_file() {
            print_sizes(&options.reference, sizes::Bundle::Reference)?;
        }
        over += print_member_dependencies(root);
    }
    if wants("storage") {
        let units = storage::footprint(&questions)?;
        println!(
            "\n== localStorage after {} attempts: {units} UTF-16 units ({} KB as UTF-16)",
            storage::ATTEMPTS,
            units * 2 / 1024
        );
        figures.push(Figure {
            key: "storage_1000_attempts_kunits",
            value: units as f64 / 1000.0,
        });
    }
    let generated = if wants("probe") || wants("load") {
        BANK_SIZES
            .iter()
            .map(|&count| banks::generate(&questions, count))
            .collect::<Result<Vec<_>, _>>()?
    } else {
        Vec::new()
    };
    if wants("probe") {
        let banks: Vec<(String, Vec<u8>)> = generated
            .iter()
            .map(|bank| (banks::label(bank.count), bank.bytes.clone()))
            .collect();
        let figures_probe = probe::run(root, &work.join("probe"), &banks, options.runs).await?;
        figures.extend(print_probe(&figures_probe));
    }
    if wants("load") {
        if !options.reference.join("index.html").is_file() {
            return Err(format!(
                "no reference page in {}: run `cargo xtask bench` (it builds it)",
                options.reference.display()
            ));
        }
        figures.extend(charter_loads(&options.dist, &options.reference, options.runs).await?);
        let thousand = &generated[0];
        let copy = work.join("dist-1k");
        page_load::dist_with_bank(
            &options.dist,
            &copy,
            &thousand.id,
            &thousand.bytes,
            thousand.count,
        )?;
        figures.extend(thousand_loads(&copy, &thousand.id, options.runs).await?);
    }

    if wants("layouts") {
        print_layouts(&questions, options.runs)?;
    }
    if wants("lighthouse") {
        lighthouse::print_scores(root, &options.dist, EXAM_LINK)?;
    }

    println!("\n== budgets (bench/budgets.toml)");
    let all_required = PARTS.iter().all(|part| wants(part));
    over += budgets::compare(&budgets, &figures, all_required);
    Ok(if options.check { over } else { 0 })
}

/// Prints how long the checker takes natively on the same bank written
/// pretty-printed and minified (one line, as other tools export banks), with
/// a problem in every question, so locating them is measured too: the two
/// must stay close, whatever the layout.
fn print_layouts(questions: &Path, runs: usize) -> Result<(), String> {
    let bank = banks::generate(questions, LAYOUT_QUESTIONS)?;
    let mut value: serde_json::Value =
        serde_json::from_slice(&bank.bytes).map_err(|error| error.to_string())?;
    for question in value["questions"].as_array_mut().into_iter().flatten() {
        question["colour"] = serde_json::json!("red");
    }
    let pretty = serde_json::to_vec_pretty(&value).map_err(|error| error.to_string())?;
    let minified = serde_json::to_vec(&value).map_err(|error| error.to_string())?;
    println!(
        "\n== checking a {LAYOUT_QUESTIONS}-question bank with a problem in every question, natively (best of {runs}, ms)"
    );
    for (layout, bytes) in [
        ("pretty-printed", &pretty),
        ("minified (one line)", &minified),
    ] {
        let mut best = f64::INFINITY;
        let mut kept = 0;
        for _ in 0..runs {
            let started = std::time::Instant::now();
            let checked = quiz_core::check_bank("bench.json", bytes);
            best = best.min(started.elapsed().as_secs_f64() * 1000.0);
            kept = checked.diagnostics.len();
        }
        println!(
            "  {layout:<20} {best:>8.1} ms  ({} KB, {kept} problems listed)",
            bytes.len() / 1024
        );
    }
    Ok(())
}

/// Prints the transfer-size table of one bundle.
fn print_sizes(dist: &Path, bundle: sizes::Bundle) -> Result<(), String> {
    let kinds = sizes::measure(dist, bundle)?;
    let (title, label) = match bundle {
        sizes::Bundle::App => ("the member app (index.html)", "app"),
        sizes::Bundle::Records => ("the member's records page (records.html)", "rec"),
        sizes::Bundle::Workbench => ("the coordinators' workbench (workbench.html)", "bench"),
        sizes::Bundle::Reference => ("the one-component Yew reference page", "ref"),
    };
    println!("\n== transfer size of {title} (bytes)");
    println!(
        "{:<6} {:>10} {:>10} {:>10}",
        "", "raw", "gzip -9", "brotli -11"
    );
    let mut total = sizes::KindSize::default();
    for (kind, size) in &kinds {
        println!(
            "{kind:<6} {:>10} {:>10} {:>10}",
            size.raw, size.gzip, size.brotli
        );
        total.raw += size.raw;
        total.gzip += size.gzip;
        total.brotli += size.brotli;
    }
    println!(
        "{:<6} {:>10} {:>10} {:>10}   ({:.1} KB brotli)",
        label,
        total.raw,
        total.gzip,
        total.brotli,
        total.brotli as f64 / 1024.0
    );
    Ok(())
}

/// Prints which crates the member's WebAssembly must never contain and
/// whether it does, from the function names of the build Trunk made
/// before `wasm-opt` stripped them; returns how many it contains. LTO
/// drops unused code today, but a dependency the app does not use must
/// fail here rather than wait for someone to notice the size.
fn print_member_dependencies(root: &Path) -> usize {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    // Both pages' WebAssembly: index.html's and records.html's.
    let mut found = 0;
    for binary in ["quiz-app", "records"] {
        let wasm = target.join(format!("wasm32-unknown-unknown/release/{binary}.wasm"));
        println!(
            "\n== crates kept out of the member's wasm (function names in {})",
            wasm.display()
        );
        let Ok(bytes) = std::fs::read(&wasm) else {
            println!("  not checked: no release build of the app there");
            continue;
        };
        for name in sizes::NOT_IN_MEMBER_WASM {
            let count = sizes::count_mentions(&bytes, name);
            println!(
                "  {name:<12} {}",
                if count == 0 {
                    "absent".to_string()
                } else {
                    format!("PRESENT ({count} names)")
                }
            );
            found += usize::from(count > 0);
        }
    }
    found
}

/// Prints the probe page's figures and returns the budgeted ones.
fn print_probe(probe: &probe::ProbeFigures) -> Vec<Figure> {
    println!("\n== bank parsing in the browser (unthrottled; best of the runs, ms)");
    println!(
        "{:<5} {:>10} {:>7} {:>11} {:>10} {:>18} {:>7}",
        "bank", "bytes", "fetch", "check_bank", "(json tree)", "decode+JSON.parse", "ratio"
    );
    let mut ratio_5k = f64::NAN;
    for parse in &probe.parse {
        let ratio = parse.wasm_ms / parse.js_ms;
        if parse.label == "5k" {
            ratio_5k = ratio;
        }
        println!(
            "{:<5} {:>10} {:>7} {:>11} {:>10} {:>18} {:>7}",
            parse.label,
            parse.bytes,
            number(parse.fetch_ms),
            number(parse.wasm_ms),
            number(parse.tree_ms),
            number(parse.js_ms),
            number(ratio)
        );
    }
    let mb = probe.memory_5k / 1_048_576.0;
    println!(
        "wasm linear memory: {} MB empty, {} MB with the 5k bank loaded",
        number(probe.memory_empty / 1_048_576.0),
        number(mb)
    );
    println!(
        "grading a 100-question exam: {} ms",
        number(probe.grade_100_ms)
    );
    vec![
        Figure {
            key: "parse_ratio_5k",
            value: ratio_5k,
        },
        Figure {
            key: "wasm_memory_5k_mb",
            value: mb,
        },
        Figure {
            key: "grade_100_ms",
            value: probe.grade_100_ms,
        },
    ]
}

/// First question on the charter deep links, cold and repeat, each run
/// beside a load of the reference page, and what the exam link downloads.
async fn charter_loads(dist: &Path, reference: &Path, runs: usize) -> Result<Vec<Figure>, String> {
    let server = CachingServer::start(dist)?;
    let yardstick = CachingServer::start(reference)?;
    println!("\n== first question under the mobile preset (ms since navigation; median of {runs})");
    // The runs alternate between the pages, so a busy spell on the machine
    // slows the reference and the app alike.
    let mut by_link: Vec<Vec<page_load::Visit>> = vec![Vec::new(); CHARTER_LINKS.len()];
    let mut references = Vec::new();
    for _ in 0..runs {
        references.push(page_load::visit(&yardstick, "").await?);
        for (visits, link) in by_link.iter_mut().zip(CHARTER_LINKS) {
            visits.push(page_load::visit(&server, link).await?);
        }
    }
    println!(
        "{:<32} {:>8} {:>8} {:>12}",
        "link", "cold", "repeat", "longest task"
    );
    let (ref_cold, ref_repeat, ref_longest) = medians(&references);
    println!(
        "{:<32} {:>8} {:>8} {:>12}",
        "reference page (one component)",
        number(ref_cold),
        number(ref_repeat),
        number(ref_longest)
    );
    let (mut worst_cold, mut worst_repeat) = (0.0_f64, 0.0_f64);
    let mut exam_bytes = f64::NAN;
    for (visits, link) in by_link.iter().zip(CHARTER_LINKS) {
        let (cold, repeat, longest) = medians(visits);
        println!(
            "{link:<32} {:>8} {:>8} {:>12}",
            number(cold),
            number(repeat),
            number(longest)
        );
        worst_cold = worst_cold.max(cold);
        worst_repeat = worst_repeat.max(repeat);
        print_requests(visits);
        if link == EXAM_LINK {
            let mut sizes: Vec<f64> = visits
                .iter()
                .map(|visit| sizes::code_bytes(&visit.cold.requests) as f64)
                .collect();
            exam_bytes = median(&mut sizes);
        }
    }
    let (cold_ratio, repeat_ratio) = (worst_cold / ref_cold, worst_repeat / ref_repeat);
    println!(
        "worst link / reference: cold {} ({} / {} ms), repeat {} ({} / {} ms)",
        number(cold_ratio),
        number(worst_cold),
        number(ref_cold),
        number(repeat_ratio),
        number(worst_repeat),
        number(ref_repeat)
    );
    println!(
        "{EXAM_LINK} downloads {} bytes of wasm, js, css and html (as served: brotli) before its first question",
        number(exam_bytes)
    );
    Ok(vec![
        Figure {
            key: "exam_link_brotli_kb",
            value: exam_bytes / 1024.0,
        },
        Figure {
            key: "first_question_cold_ratio",
            value: cold_ratio,
        },
        Figure {
            key: "first_question_repeat_ratio",
            value: repeat_ratio,
        },
    ])
}

/// First question and long tasks with a 1,000-question bank, cold.
async fn thousand_loads(dist: &Path, id: &str, runs: usize) -> Result<Vec<Figure>, String> {
    let server = CachingServer::start(dist)?;
    let link = format!("#/bank/{id}/practice");
    let visits = visits(&server, &link, runs).await?;
    let (cold, repeat, _) = medians(&visits);
    let mut longest: Vec<f64> = visits.iter().map(|v| v.cold.longest_bank_task_ms).collect();
    let longest_bank = median(&mut longest);
    let (_, _, longest) = medians(&visits);
    println!(
        "{link:<32} {:>8} {:>8} {:>12}",
        number(cold),
        number(repeat),
        number(longest)
    );
    println!(
        "    longest task from the bank's bytes reaching the app to its first question: {} ms",
        number(longest_bank)
    );
    let mut checking: Vec<f64> = visits
        .iter()
        .filter_map(|v| v.cold.longest_check_task_ms)
        .collect();
    if !checking.is_empty() {
        println!(
            "    of which while checking the bank, before rendering: {} ms",
            number(median(&mut checking))
        );
    }
    print_requests(&visits);
    Ok(vec![
        Figure {
            key: "first_question_1k_ms",
            value: cold,
        },
        Figure {
            key: "longest_task_1k_ms",
            value: longest_bank,
        },
    ])
}

async fn visits(
    server: &CachingServer,
    link: &str,
    runs: usize,
) -> Result<Vec<page_load::Visit>, String> {
    let mut visits = Vec::new();
    for _ in 0..runs {
        visits.push(page_load::visit(server, link).await?);
    }
    Ok(visits)
}

/// Median cold, repeat and cold longest task.
fn medians(visits: &[page_load::Visit]) -> (f64, f64, f64) {
    let mut cold: Vec<f64> = visits.iter().map(|v| v.cold.first_question_ms).collect();
    let mut repeat: Vec<f64> = visits.iter().map(|v| v.repeat.first_question_ms).collect();
    let mut longest: Vec<f64> = visits.iter().map(|v| v.cold.longest_task_ms).collect();
    (median(&mut cold), median(&mut repeat), median(&mut longest))
}

/// The requests of the first run, so the waterfall is visible.
fn print_requests(visits: &[page_load::Visit]) {
    if let Some(visit) = visits.first() {
        println!("    cold requests:   {}", visit.cold.requests.join("; "));
        println!("    cold timeline:   {}", visit.cold.timeline);
        println!("    repeat requests: {}", visit.repeat.requests.join("; "));
        println!("    repeat timeline: {}", visit.repeat.timeline);
    }
}

/// The median of `values` (the mean of the middle two for an even count).
pub fn median(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    if values.len() % 2 == 1 {
        values[middle]
    } else {
        (values[middle - 1] + values[middle]) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&mut [4.0, 1.0, 2.0, 3.0]), 2.5);
        assert!(median(&mut []).is_nan());
    }
}
