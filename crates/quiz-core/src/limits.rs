//! Every limit of the bank and manifest formats, in one place: the checker,
//! the manifest reader, the JSON Schemas and the importers read them from
//! here, so a coordinator's tool can never accept what the app refuses (a
//! bank title the manifest cannot hold, an id the schema calls invalid).

use std::ops::RangeInclusive;

/// The largest bank file: well above 20,000 questions, small enough that a
/// wrong file cannot exhaust a phone's memory.
pub const MAX_BANK_BYTES: usize = 32 * 1024 * 1024;
/// The most questions in one bank.
pub const MAX_QUESTIONS: usize = 20_000;
/// The largest `index.json`.
pub const MAX_MANIFEST_BYTES: usize = 256 * 1024;
/// The most banks one manifest lists.
pub const MAX_BANKS: usize = 200;

/// The longest bank id (in links such as `#/bank/charter`) and tag key.
pub const MAX_BANK_ID: usize = 40;
/// The longest question id.
pub const MAX_QUESTION_ID: usize = 64;
/// The longest bank title, in characters: the same in the bank and in the
/// manifest, which copies it.
pub const MAX_TITLE: usize = 200;
/// The longest bank description, in characters, bank and manifest alike.
pub const MAX_DESCRIPTION: usize = 1_000;
/// The longest stem or explanation, in characters.
pub const MAX_LONG_TEXT: usize = 4_000;
/// The longest option, source, tag name or accepted answer, in characters.
pub const MAX_SHORT_TEXT: usize = 1_000;
/// The most tags on one question.
pub const MAX_TAGS: usize = 10;
/// The most blanks in one fill-in question.
pub const MAX_BLANKS: usize = 20;
/// How many options a choice question has.
pub const OPTIONS: RangeInclusive<usize> = 2..=8;

/// A bank's version.
pub const VERSION: RangeInclusive<u32> = 1..=1_000_000;
/// A paper's time limit, in minutes.
pub const TIME_LIMIT_MINUTES: RangeInclusive<u32> = 1..=180;
/// A paper's pass mark, in percent of its points.
pub const PASS_PERCENT: RangeInclusive<u32> = 1..=100;
/// Questions a paper section draws.
pub const SECTION_COUNT: RangeInclusive<u32> = 1..=500;
/// Points per question in a paper section.
pub const SECTION_POINTS: RangeInclusive<u32> = 1..=100;

/// The characters of every id and tag key.
pub const ID_CHARS: &str = "a-z0-9-";

/// True for an id or tag key of 1 to `max` characters from [`ID_CHARS`]:
/// the checker and the importers test ids by this rule, and the schema's
/// [`id_pattern`] says the same.
pub fn is_id(text: &str, max: usize) -> bool {
    (1..=max).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The JSON Schema pattern of an id of at most `max` characters.
pub fn id_pattern(max: usize) -> String {
    format!("^[{ID_CHARS}]{{1,{max}}}$")
}
