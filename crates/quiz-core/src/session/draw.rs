//! Drawing questions and shuffling them, deterministically for a seed.

use super::{Item, Response, Selection};
use crate::bank::{Bank, Choice, Paper, Question, QuestionType};
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_pcg::Pcg32;

/// The items for `selection`, shuffled by `seed`. The same bank, selection
/// and seed always give the same questions in the same order.
pub(super) fn draw(bank: &Bank, selection: &Selection, seed: u64) -> Vec<Item> {
    if let Selection::Shared { code, count } = selection {
        // A shared paper ignores the seed: the code alone draws it.
        return super::shared::draw_shared(bank, code, *count);
    }
    let mut rng = Pcg32::seed_from_u64(seed);
    let chosen: Vec<&Question> = match selection {
        Selection::Paper { count } => {
            let counts = section_counts(bank, &bank.paper, *count);
            let mut chosen = Vec::new();
            for (kind, take) in counts {
                let mut pool: Vec<&Question> =
                    bank.questions.iter().filter(|q| q.kind() == kind).collect();
                pool.shuffle(&mut rng);
                chosen.extend(pool.into_iter().take(take));
            }
            chosen
        }
        Selection::Sequential => bank.questions.iter().collect(),
        Selection::Tag { tag } => {
            let mut pool: Vec<&Question> = bank
                .questions
                .iter()
                .filter(|q| q.tags.iter().any(|t| t == tag))
                .collect();
            pool.shuffle(&mut rng);
            pool
        }
        Selection::Random { count } => {
            let mut pool: Vec<&Question> = bank.questions.iter().collect();
            pool.shuffle(&mut rng);
            pool.truncate(*count as usize);
            pool
        }
        Selection::Ids { ids } => ids
            .iter()
            .filter_map(|id| bank.questions.iter().find(|q| &q.id == id))
            .collect(),
        Selection::Shared { .. } => Vec::new(),
    };
    chosen
        .into_iter()
        .map(|question| Item {
            id: question.id.clone(),
            kind: question.kind(),
            order: option_order(question.options(), &mut rng),
            points: points_for(&bank.paper, question.kind()),
            response: Response::Empty,
            flagged: false,
            checked: false,
        })
        .collect()
}

/// Points per question of `kind` on the bank's paper; 1 when the paper
/// has no such section (practice of other types still scores).
pub(super) fn points_for(paper: &Paper, kind: QuestionType) -> u32 {
    paper
        .sections
        .iter()
        .find(|s| s.kind == kind)
        .map_or(1, |s| s.points)
}

/// How many questions of each type the paper draws, scaled to `total`
/// when the member chose a count, and never more than the bank has.
pub(super) fn section_counts(
    bank: &Bank,
    paper: &Paper,
    total: Option<u32>,
) -> Vec<(QuestionType, usize)> {
    let available: Vec<usize> = paper
        .sections
        .iter()
        .map(|s| bank.count_of(s.kind))
        .collect();
    let base: Vec<usize> = paper.sections.iter().map(|s| s.count as usize).collect();
    let mut counts: Vec<usize> = match total {
        None => base.clone(),
        Some(total) => {
            let total = total as usize;
            let paper_total: usize = base.iter().sum::<usize>().max(1);
            // Largest-remainder apportionment keeps the paper's mix of types.
            let mut counts: Vec<usize> = base.iter().map(|c| c * total / paper_total).collect();
            let mut order: Vec<usize> = (0..base.len()).collect();
            // Ties keep the paper's order: the index makes the key total.
            crate::order::sort_by_key(&mut order, |&i| {
                (std::cmp::Reverse((base[i] * total) % paper_total), i)
            });
            let mut left = total - counts.iter().sum::<usize>();
            for &i in order.iter().cycle().take(base.len() * 2) {
                if left == 0 {
                    break;
                }
                counts[i] += 1;
                left -= 1;
            }
            counts
        }
    };
    // Cap at what the bank has, moving the shortfall to types with spare
    // questions, in paper order.
    let wanted: usize = counts.iter().sum();
    for (count, &have) in counts.iter_mut().zip(&available) {
        *count = (*count).min(have);
    }
    let mut short = wanted - counts.iter().sum::<usize>();
    for (count, &have) in counts.iter_mut().zip(&available) {
        let spare = have - *count;
        let add = spare.min(short);
        *count += add;
        short -= add;
    }
    paper
        .sections
        .iter()
        .map(|s| s.kind)
        .zip(counts)
        .filter(|(_, c)| *c > 0)
        .collect()
}

/// A shuffled display order of options in which `fixed` options keep
/// their place.
fn option_order(options: &[Choice], rng: &mut Pcg32) -> Vec<usize> {
    let mut order: Vec<usize> = (0..options.len()).collect();
    let free: Vec<usize> = (0..options.len()).filter(|&i| !options[i].fixed).collect();
    let mut shuffled = free.clone();
    shuffled.shuffle(rng);
    for (slot, option) in free.into_iter().zip(shuffled) {
        order[slot] = option;
    }
    order
}
