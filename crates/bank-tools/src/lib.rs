//! Question banks in and out, without a file system or a command line.
//!
//! Coordinators bring questions in the files they have (Excel, CSV in any
//! encoding Chinese Excel writes, Moodle GIFT and Aiken, bank JSON), and
//! take back the bank JSON, an updated `index.json` and a spreadsheet for
//! the next round of edits. The same code runs in `quizbank` (the CLI) and
//! in the browser workbench (`workbench.html`), so one file gives the same
//! bank in both. Callers hand in bytes, file names, today's date and a way
//! to pause; nothing here reads a file, a clock or the network, so it
//! builds for `wasm32-unknown-unknown` and is tested natively.

pub mod date;
pub mod draft;
pub mod export;
pub mod import;
pub mod lint;
pub mod open;
pub mod publish;

pub use export::bank_json;
