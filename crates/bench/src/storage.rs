//! The localStorage footprint of a keen member: 1,000 finished attempts,
//! encoded exactly as the app stores progress.
//!
//! The simulation runs natively on quiz-core (the same code the app runs):
//! exams on each shipped bank's paper and 20-question practice rounds, every
//! question answered, three attempts a day. Browsers count localStorage in
//! UTF-16 code units of keys and values, so that is the figure.

use quiz_core::progress::{encode, Progress, KEY_PREFIX};
use quiz_core::session::{Mode, Plan, Selection, Session};
use quiz_core::{check_bank, Bank};
use std::path::Path;

/// How many attempts the simulation records.
pub const ATTEMPTS: usize = 1_000;

/// The stored progress after [`ATTEMPTS`] attempts, in UTF-16 code units
/// (key plus value).
pub fn footprint(questions: &Path) -> Result<usize, String> {
    let banks: Vec<Bank> = ["charter.json", "rules.json", "speeches.json"]
        .iter()
        .map(|file| {
            let path = questions.join(file);
            let bytes = std::fs::read(&path)
                .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
            check_bank(file, &bytes)
                .value
                .ok_or_else(|| format!("{file} does not load"))
        })
        .collect::<Result<_, String>>()?;
    let mut progress = Progress::default();
    let start_ms: u64 = 1_795_000_000_000;
    let first_day = (start_ms / 86_400_000) as i32;
    for n in 0..ATTEMPTS {
        let bank = &banks[n % banks.len()];
        let now_ms = start_ms + n as u64 * 8 * 3_600_000;
        let today = first_day + (n / 3) as i32;
        let plan = if n % 2 == 0 {
            Plan {
                mode: Mode::Exam,
                selection: Selection::Paper { count: None },
                time_limit_ms: Some(1_800_000),
            }
        } else {
            Plan {
                mode: Mode::Practice,
                selection: Selection::Random { count: 20 },
                time_limit_ms: None,
            }
        };
        let mut session = Session::start(bank, plan, n as u64 * 7919, now_ms)
            .map_err(|error| format!("attempt {n} did not start: {error:?}"))?;
        bench_wasm::answer_everything(&mut session, bank);
        if session.plan.mode == Mode::Practice {
            for index in 0..session.items.len() {
                if let Ok(outcome) = session.check(index, bank, now_ms) {
                    let id = session.items[index].id.clone();
                    progress.record_answer(&bank.id, &id, outcome.is_correct(), now_ms, today);
                }
            }
        }
        session.submit(now_ms + 600_000);
        progress.record_session(&session, bank, now_ms + 600_000, today);
    }
    let key = format!("{KEY_PREFIX}progress");
    Ok(key.encode_utf16().count() + encode(&progress).encode_utf16().count())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_thousand_attempts_fit_the_storage_budget() {
        let questions = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../questions");
        let units = super::footprint(&questions).unwrap();
        assert!(
            units > 10_000,
            "{units}: the simulation recorded too little"
        );
        assert!(units <= 500_000, "{units} UTF-16 units");
    }
}
