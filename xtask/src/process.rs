//! Running child processes and summarising a test run.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs a command with inherited output; an error says which command failed.
pub fn run(command: &mut Command) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|error| format!("cannot start {}: {error}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} failed ({status})", describe(command)))
    }
}

/// Runs a command and returns its trimmed standard output, or `None` when it
/// cannot start or fails (used to probe installed tools).
pub fn output(command: &mut Command) -> Option<String> {
    let output = command.stderr(Stdio::null()).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// A command line as a person would type it.
pub fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// One step of `cargo xtask test`.
pub struct Step {
    name: String,
    count_tests: bool,
}

impl Step {
    /// A step named as the summary shows it.
    pub fn new(name: &str) -> Step {
        Step {
            name: name.to_string(),
            count_tests: false,
        }
    }

    /// Adds the `test result:` counts of the step's output to the totals.
    pub fn counting_tests(mut self) -> Step {
        self.count_tests = true;
        self
    }
}

struct Outcome {
    name: String,
    ok: Option<bool>,
    note: String,
    took: Duration,
}

/// The results of every step, printed at the end.
#[derive(Default)]
pub struct Summary {
    outcomes: Vec<Outcome>,
    passed: u64,
    failed: u64,
    ignored: u64,
}

impl Summary {
    /// Runs one step, echoing its output; returns whether it succeeded.
    pub fn step(&mut self, step: Step, command: &mut Command) -> bool {
        println!("\n==> {} ({})", step.name, describe(command));
        let started = Instant::now();
        let (ok, note) = if step.count_tests {
            self.run_counting(command)
        } else {
            match command.status() {
                Ok(status) => (status.success(), String::new()),
                Err(error) => (false, format!("cannot start: {error}")),
            }
        };
        self.outcomes.push(Outcome {
            name: step.name,
            ok: Some(ok),
            note,
            took: started.elapsed(),
        });
        ok
    }

    /// Records a step done in this process rather than by a command.
    pub fn record(&mut self, name: &str, took: Duration, result: Result<(), String>) -> bool {
        println!("\n==> {name}");
        let ok = result.is_ok();
        let note = result.err().unwrap_or_default();
        if !ok {
            println!("{note}");
        }
        self.outcomes.push(Outcome {
            name: name.to_string(),
            ok: Some(ok),
            note,
            took,
        });
        ok
    }

    /// Records a step that did not run and why.
    pub fn skip(&mut self, name: &str, why: &str) {
        self.outcomes.push(Outcome {
            name: name.to_string(),
            ok: None,
            note: format!("not run: {why}"),
            took: Duration::ZERO,
        });
    }

    fn run_counting(&mut self, command: &mut Command) -> (bool, String) {
        let mut child = match command.stdout(Stdio::piped()).spawn() {
            Ok(child) => child,
            Err(error) => return (false, format!("cannot start: {error}")),
        };
        let (mut passed, mut failed, mut ignored) = (0, 0, 0);
        if let Some(stdout) = child.stdout.take() {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                println!("{line}");
                if let Some((p, f, i)) = parse_test_result(&line) {
                    passed += p;
                    failed += f;
                    ignored += i;
                }
            }
        }
        let ok = child.wait().map(|status| status.success()).unwrap_or(false);
        self.passed += passed;
        self.failed += failed;
        self.ignored += ignored;
        let note = format!("{passed} passed, {failed} failed, {ignored} ignored");
        (ok, note)
    }

    /// True when any step failed or was skipped.
    pub fn failed(&self) -> bool {
        self.outcomes.iter().any(|outcome| outcome.ok != Some(true))
    }

    /// Prints the table of steps and the closing summary line.
    pub fn print(&self, setup: Duration) {
        println!("\n==> summary");
        println!(
            "  {:<58} {:>7.0} s",
            "tool check / install",
            setup.as_secs_f64()
        );
        for outcome in &self.outcomes {
            let mark = match outcome.ok {
                Some(true) => "ok  ",
                Some(false) => "FAIL",
                None => "skip",
            };
            println!(
                "  {mark} {:<53} {:>7.0} s  {}",
                outcome.name,
                outcome.took.as_secs_f64(),
                outcome.note
            );
        }
        let failed_steps = self.outcomes.iter().filter(|o| o.ok != Some(true)).count();
        println!(
            "steps: {} of {} ok",
            self.outcomes.len() - failed_steps,
            self.outcomes.len()
        );
        // The plain closing line CI reads.
        println!(
            "summary: {} passed, {} failed, {} skipped",
            self.passed,
            self.failed + failed_steps as u64,
            self.ignored
        );
    }
}

/// Reads `test result: ok. 12 passed; 0 failed; 1 ignored; …`.
fn parse_test_result(line: &str) -> Option<(u64, u64, u64)> {
    let rest = line.trim().strip_prefix("test result: ")?;
    let count = |label: &str| -> u64 {
        rest.split(';')
            .filter_map(|part| {
                let part = part.trim();
                let part = part.split_once(". ").map_or(part, |(_, tail)| tail);
                part.strip_suffix(label)
                    .and_then(|number| number.trim().parse().ok())
            })
            .next()
            .unwrap_or(0)
    };
    Some((count(" passed"), count(" failed"), count(" ignored")))
}

#[cfg(test)]
mod tests {
    use super::parse_test_result;

    #[test]
    fn reads_cargo_and_wasm_bindgen_test_result_lines() {
        assert_eq!(
            parse_test_result(
                "test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s"
            ),
            Some((12, 0, 1))
        );
        assert_eq!(
            parse_test_result(
                "test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out"
            ),
            Some((3, 2, 0))
        );
        assert_eq!(parse_test_result("running 3 tests"), None);
    }
}
