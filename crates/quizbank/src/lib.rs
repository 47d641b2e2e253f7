//! The library half of `quizbank`: reading questions from the files
//! coordinators already have (Excel, CSV, Moodle GIFT, Aiken), writing
//! banks back to spreadsheets, and the bank lints `check` runs.
//!
//! The conversions themselves live in `bank-tools`, which has no file
//! system or command line, so the browser workbench runs the very same
//! code; this crate re-exports them under their old paths and adds what
//! reads files.

pub use bank_tools::{export, lint};

pub mod import;
