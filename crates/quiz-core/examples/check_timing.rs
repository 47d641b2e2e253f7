//! Times `check_bank` natively on a bank file, and the JSON tree alone, so
//! a change to the checker can be measured without a browser: run it with
//! `cargo run --release -p quiz-core --example check_timing -- FILE [RUNS]`
//! on a bank the bench generated (`target/bench/probe/banks/5k.json` after
//! `cargo run -p bench -- --only probe`). The release profile optimises for
//! size, as the app's WebAssembly is built.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: check_timing FILE [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    // `check` alone, for a profiler: `perf record … FILE RUNS check`.
    let only_check = args.next().as_deref() == Some("check");
    let bytes = std::fs::read(&path).unwrap_or_else(|error| {
        eprintln!("cannot read {path}: {error}");
        std::process::exit(2);
    });
    let best = |step: &dyn Fn() -> usize| {
        let mut best = f64::INFINITY;
        let mut result = 0;
        for _ in 0..runs {
            let start = Instant::now();
            result = step();
            best = best.min(start.elapsed().as_secs_f64() * 1000.0);
        }
        (best, result)
    };
    if only_check {
        let (check, _) = best(&|| {
            quiz_core::check_bank("bench.json", &bytes)
                .diagnostics
                .len()
        });
        println!("check_bank {check:.2} ms");
        return;
    }
    let (utf8, _) = best(&|| std::str::from_utf8(&bytes).map_or(0, str::len));
    let (tree, _) = best(&|| {
        let text = std::str::from_utf8(&bytes).unwrap_or_default();
        quiz_core::json::parse(text).map_or(0, |tree| tree.root().span().end)
    });
    let (check, questions) = best(&|| {
        let checked = quiz_core::check_bank("bench.json", &bytes);
        checked.value.map_or(0, |bank| bank.questions.len()) + checked.diagnostics.len()
    });
    let checked = quiz_core::check_bank("bench.json", &bytes);
    println!(
        "{path}: {} bytes, {questions} questions+problems ({} problems), best of {runs}",
        bytes.len(),
        checked.diagnostics.len()
    );
    println!("utf-8 {utf8:.2} ms, utf-8 + tree {tree:.2} ms, check_bank {check:.2} ms");
}
