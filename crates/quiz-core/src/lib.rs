//! The quiz domain, shared by the browser app and the coordinators' CLI.
//!
//! This crate is the functional core: it never touches the browser, the file
//! system or a clock. Callers hand it bytes, the current time in epoch
//! milliseconds and random seeds, so every rule here is testable natively and
//! behaves the same in the app and in `quizbank`.

pub mod lang;
pub mod manifest;
pub mod text;

pub use lang::Lang;
pub use manifest::{BankEntry, Manifest, ManifestError};
pub use text::LocalText;
