//! The quiz domain, shared by the browser app and the coordinators' CLI.
//!
//! This crate is the functional core: it never touches the browser, the file
//! system or a clock. Callers hand it bytes, the current time in epoch
//! milliseconds and random seeds, so every rule here is testable natively and
//! behaves the same in the app and in `quizbank`.

pub mod bank;
pub mod calendar;
pub mod diagnostic;
mod fnv;
pub mod json;
pub mod lang;
pub mod limits;
pub mod manifest;
pub mod normalize;
pub mod order;
pub mod progress;
mod reader;
#[cfg(feature = "tools")]
pub mod schema;
pub mod session;
pub mod text;

pub use bank::{check_bank, Bank, Question, QuestionType};
pub use diagnostic::{Checked, Diagnostic, Severity};
pub use lang::Lang;
pub use manifest::{BankEntry, Manifest};
pub use text::LocalText;
