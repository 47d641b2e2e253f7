//! Probes that `cargo xtask bench` runs in the browser's WebAssembly, built
//! with the app's release profile so the figures are the app's.
//!
//! Nothing here reads a clock: the bench page times each call with
//! `performance.now()` and runs `TextDecoder` + `JSON.parse` on the same bytes
//! in the same page, so the two figures are comparable.

use quiz_core::bank::Body;
use quiz_core::session::{Mode, Plan, Selection, Session};
use quiz_core::{check_bank, Bank};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// The member app's allocator (see its `main.rs`), so the memory and speed
/// figures are what the app would see.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

thread_local! {
    /// The bank the memory and grading probes keep loaded, as the app does.
    static KEPT: RefCell<Option<Bank>> = const { RefCell::new(None) };
    /// The answered exam the grading probe grades.
    static EXAM: RefCell<Option<Session>> = const { RefCell::new(None) };
}

/// Checks a bank file as the app does and returns its question count, or -1
/// when it is refused, so the page can confirm the bytes were really read.
#[wasm_bindgen]
pub fn check(bytes: &[u8]) -> i32 {
    check_bank("bench.json", bytes)
        .value
        .map_or(-1, |bank| bank.questions.len() as i32)
}

/// Only the first step of [`check`]: UTF-8 and the JSON tree with spans,
/// so the figures show how the time splits between parsing and checking.
/// Returns the number of top-level members, or -1 on a syntax error.
#[wasm_bindgen]
pub fn parse_json(bytes: &[u8]) -> i32 {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return -1;
    };
    match quiz_core::json::parse(text) {
        Ok(tree) => match tree.root().value() {
            quiz_core::json::Value::Object(members) => members.len() as i32,
            _ => 0,
        },
        Err(_) => -1,
    }
}

/// Checks a bank file and keeps it, as the app keeps the bank it shows, so
/// the page can read the linear memory a loaded bank costs.
#[wasm_bindgen]
pub fn load(bytes: &[u8]) -> i32 {
    let count = match check_bank("bench.json", bytes).value {
        Some(bank) => {
            let count = bank.questions.len() as i32;
            KEPT.with(|kept| *kept.borrow_mut() = Some(bank));
            count
        }
        None => -1,
    };
    count
}

/// The size of the WebAssembly linear memory in bytes: what the module has
/// taken from the browser, which it never gives back.
#[wasm_bindgen]
pub fn memory_bytes() -> f64 {
    let memory: js_memory::Memory = wasm_bindgen::memory().unchecked_into();
    memory.buffer_byte_length()
}

/// Starts a `count`-question exam on the kept bank and answers every
/// question, so [`grade`] times grading alone. Returns the number of items.
#[wasm_bindgen]
pub fn prepare_exam(count: u32) -> i32 {
    KEPT.with(|kept| {
        let kept = kept.borrow();
        let Some(bank) = kept.as_ref() else {
            return -1;
        };
        let plan = Plan {
            mode: Mode::Exam,
            selection: Selection::Random { count },
            time_limit_ms: Some(3_600_000),
        };
        let Ok(mut session) = Session::start(bank, plan, 7, 0) else {
            return -1;
        };
        answer_everything(&mut session, bank);
        session.submit(1_000);
        let items = session.items.len() as i32;
        EXAM.with(|exam| *exam.borrow_mut() = Some(session));
        items
    })
}

/// Grades the prepared exam `times` times and returns the last score's
/// points, so the work cannot be optimised away.
#[wasm_bindgen]
pub fn grade(times: u32) -> f64 {
    KEPT.with(|kept| {
        EXAM.with(|exam| {
            let (kept, exam) = (kept.borrow(), exam.borrow());
            let (Some(bank), Some(session)) = (kept.as_ref(), exam.as_ref()) else {
                return -1.0;
            };
            let mut last = 0.0;
            for _ in 0..times {
                let grade = session.grade(bank);
                last = f64::from(grade.score.0);
            }
            last
        })
    })
}

/// Gives every question an answer, a plausible mix of right and wrong; the
/// storage simulation answers its attempts the same way.
pub fn answer_everything(session: &mut Session, bank: &Bank) {
    for index in 0..session.items.len() {
        let id = session.items[index].id.clone();
        let Some(question) = bank.questions.iter().find(|q| q.id == id) else {
            continue;
        };
        let _ = match &question.body {
            Body::Single { .. } => session.choose(index, index % 2, 0),
            Body::Multiple { .. } => session
                .choose(index, 0, 0)
                .and_then(|()| session.choose(index, 1, 0)),
            Body::Judge { .. } => session.judge(index, index % 3 == 0, 0),
            Body::Fill { blanks } => {
                let count = blanks.len();
                (0..count).try_for_each(|blank| {
                    let text = blanks[blank].zh.first().map_or("", String::as_str);
                    session.fill(index, blank, count, text, 0)
                })
            }
        };
    }
}

/// The one piece of `WebAssembly.Memory` the memory probe needs, declared
/// here rather than pulling in `js-sys` for it.
mod js_memory {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// A `WebAssembly.Memory`.
        pub type Memory;

        /// `memory.buffer.byteLength`.
        #[wasm_bindgen(method, getter = buffer)]
        fn buffer(this: &Memory) -> Buffer;

        /// An `ArrayBuffer`.
        pub type Buffer;

        #[wasm_bindgen(method, getter = byteLength)]
        fn byte_length(this: &Buffer) -> f64;
    }

    impl Memory {
        /// The memory's current size in bytes.
        pub fn buffer_byte_length(&self) -> f64 {
            self.buffer().byte_length()
        }
    }
}
