//! Shared papers (统一试卷): one paper for a whole Party branch, carried by
//! a link's code instead of a server.
//!
//! A code is eight characters, shown as `K7QF-3M2A`: four chosen at random
//! when a coordinator makes the link (the salt), and four that check the
//! salt against the bank's id and questions. Everyone who opens the link
//! with the same bank gets the same questions in the same order with the
//! same option order; a code made for another bank, or for the bank before
//! its questions changed, fails the check and the page says so.
//!
//! The draw must give the same paper in every release of the app, so it
//! uses this module's own hash (FNV-1a) and generator (SplitMix64), never
//! `rand`'s algorithms, which may change between versions. The golden test
//! in `tests.rs` pins it.

use super::draw::{points_for, section_counts};
use super::{Item, Response};
use crate::bank::{Bank, Body};

/// The 32 characters of a code: digits and capitals without 0, 1, I and O,
/// which are easy to misread when a code is typed or read aloud.
const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
/// Characters in each half of a code.
const HALF: usize = 4;

/// Why a code cannot be used with a bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeProblem {
    /// Not a code at all (wrong length or characters): a link cut short
    /// or mistyped.
    Malformed,
    /// A well-formed code made for another bank, or for this bank before
    /// its questions changed.
    OtherBank,
}

/// A 64-bit FNV-1a hash fed piece by piece, each piece with its length in
/// front, so that ("ab", "c") and ("a", "bc") differ.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for &byte in (bytes.len() as u32).to_le_bytes().iter().chain(bytes) {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn text(&mut self, text: &str) -> &mut Fnv {
        self.bytes(text.as_bytes());
        self
    }

    fn number(&mut self, number: u64) -> &mut Fnv {
        self.bytes(&number.to_le_bytes());
        self
    }
}

/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny generator whose output
/// for a seed is fixed by its published definition.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform number below `n` (`n` > 0), by rejection, without bias.
    fn below(&mut self, n: u64) -> u64 {
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let x = self.next();
            if x < zone {
                return x % n;
            }
        }
    }

    /// Fisher–Yates, from the last place down.
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }
}

/// A hash of everything that makes up the bank's questions (ids, types,
/// stems, options and answers): it changes whenever the questions do, and
/// only then. Each question is hashed alone and the hashes are added, so
/// the file's order does not count (and no sort is needed, which keeps the
/// members' download small).
pub fn questions_hash(bank: &Bank) -> u64 {
    let mut total = bank.questions.len() as u64;
    for question in &bank.questions {
        let mut hash = Fnv::new();
        hash.text(&question.id)
            .text(question.kind().key())
            .text(&question.stem.zh)
            .text(question.stem.en.as_deref().unwrap_or(""));
        for option in question.options() {
            hash.text(&option.text.zh)
                .text(option.text.en.as_deref().unwrap_or(""))
                .number(u64::from(option.fixed));
        }
        match &question.body {
            Body::Single { answer, .. } => {
                hash.number(*answer as u64);
            }
            Body::Multiple { answer, .. } => {
                hash.number(answer.len() as u64);
                for index in answer {
                    hash.number(*index as u64);
                }
            }
            Body::Judge { answer } => {
                hash.number(u64::from(*answer));
            }
            Body::Fill { blanks } => {
                hash.number(blanks.len() as u64);
                for blank in blanks {
                    hash.number(blank.zh.len() as u64);
                    for accepted in blank.zh.iter().chain(&blank.en) {
                        hash.text(accepted);
                    }
                }
            }
        }
        // SplitMix64's output step spreads each question's hash over all
        // bits before they are added.
        total = total.wrapping_add(SplitMix(hash.0).next());
    }
    total
}

/// The check half of a code for `salt` and `bank`.
fn check_half(bank: &Bank, salt: &str) -> String {
    let mut hash = Fnv::new();
    hash.text("lxyz-paper-check")
        .text(&bank.id)
        .text(salt)
        .number(questions_hash(bank));
    encode(hash.0)
}

/// Four code characters from the low 20 bits of `bits`.
fn encode(bits: u64) -> String {
    (0..HALF)
        .map(|i| ALPHABET[((bits >> (5 * i)) & 31) as usize] as char)
        .collect()
}

/// A new code for `bank`; `seed` (a fresh random number from the caller)
/// chooses its salt, so each link a coordinator makes is a new paper.
pub fn new_code(bank: &Bank, seed: u64) -> String {
    let salt = encode(seed ^ (seed >> 20) ^ (seed >> 40));
    format!("{salt}-{}", check_half(bank, &salt))
}

/// A code as links and pages write it (`K7QF-3M2A`), from what a member
/// or a menu may have typed: any case, with or without the dash or
/// spaces. `None` when it cannot be a code.
pub fn normalize(code: &str) -> Option<String> {
    let plain: String = code
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (plain.len() == 2 * HALF && plain.bytes().all(|b| ALPHABET.contains(&b)))
        .then(|| format!("{}-{}", &plain[..HALF], &plain[HALF..]))
}

/// Checks `code` against `bank` and returns it normalized.
pub fn check_code(bank: &Bank, code: &str) -> Result<String, CodeProblem> {
    let code = normalize(code).ok_or(CodeProblem::Malformed)?;
    let (salt, check) = code.split_at(HALF);
    if check[1..] == check_half(bank, salt) {
        Ok(code)
    } else {
        Err(CodeProblem::OtherBank)
    }
}

/// The shared paper's items: the bank's paper (scaled to `count` when the
/// link gives one), drawn and shuffled by the code and the questions alone.
/// `code` must have passed [`check_code`].
pub(super) fn draw_shared(bank: &Bank, code: &str, count: Option<u32>) -> Vec<Item> {
    let mut hash = Fnv::new();
    hash.text("lxyz-paper-draw")
        .text(&code[..HALF])
        .number(questions_hash(bank));
    let mut rng = SplitMix(hash.0);
    let mut items = Vec::new();
    for (kind, take) in section_counts(bank, &bank.paper, count) {
        // Id order, so the paper does not depend on the file's order.
        let mut pool: Vec<&str> = bank
            .questions
            .iter()
            .filter(|q| q.kind() == kind)
            .map(|q| q.id.as_str())
            .collect();
        pool.sort_unstable();
        rng.shuffle(&mut pool);
        for id in pool.into_iter().take(take) {
            let Some(question) = bank.questions.iter().find(|q| q.id == id) else {
                continue;
            };
            let options = question.options();
            let mut order: Vec<usize> = (0..options.len()).collect();
            let free: Vec<usize> = (0..options.len()).filter(|&i| !options[i].fixed).collect();
            let mut shuffled = free.clone();
            rng.shuffle(&mut shuffled);
            for (slot, option) in free.into_iter().zip(shuffled) {
                order[slot] = option;
            }
            items.push(Item {
                id: question.id.clone(),
                kind,
                order,
                points: points_for(&bank.paper, kind),
                response: Response::Empty,
                flagged: false,
                checked: false,
            });
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_matches_its_published_output() {
        // The reference implementation's first outputs for seed 0.
        let mut rng = SplitMix(0);
        assert_eq!(rng.next(), 0xe220_a839_7b1d_cdaf);
        assert_eq!(rng.next(), 0x6e78_9e6a_a1b9_65f4);
    }

    #[test]
    fn codes_are_normalized_from_what_people_type() {
        assert_eq!(normalize("k7qf3m2a").as_deref(), Some("K7QF-3M2A"));
        assert_eq!(normalize(" K7QF-3M2A ").as_deref(), Some("K7QF-3M2A"));
        assert_eq!(normalize("K7QF-3M2"), None);
        assert_eq!(normalize("K7QF-3M2O"), None, "O is not in the alphabet");
        assert_eq!(normalize("党章党章-3M2A"), None);
    }
}
