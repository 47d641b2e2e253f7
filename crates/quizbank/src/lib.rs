//! The library half of `quizbank`: reading questions from the files
//! coordinators already have (Excel, CSV, Moodle GIFT, Aiken), writing
//! banks back to spreadsheets, and the bank lints `check` runs.
//!
//! It lives in a library so the conversions can be tested without running
//! the command line, and so the templates in `questions/templates/` are
//! produced by the same code that reads them.

pub mod export;
pub mod import;
pub mod lint;
