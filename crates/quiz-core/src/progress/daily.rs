//! 每日一练: the same questions for the whole branch on a given day, without a
//! server, and the study streak.

use super::Progress;
use crate::bank::Bank;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_pcg::Pcg32;

/// `count` question ids for `date`, the same on every phone for the same
/// bank version: the seed is a hash of the date, bank id and version, and
/// the ids are shuffled in a fixed order.
pub fn daily_set(bank: &Bank, date: &str, count: usize) -> Vec<String> {
    let seed = crate::fnv::fnv1a(format!("{date}|{}|{}", bank.id, bank.version).as_bytes());
    let mut ids: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
    crate::order::sort(&mut ids);
    ids.shuffle(&mut Pcg32::seed_from_u64(seed));
    ids.into_iter().take(count).map(str::to_string).collect()
}

/// Consecutive study days ending today (or yesterday, so the streak is not
/// lost before today's practice).
pub fn study_streak(progress: &Progress, today: i32) -> u32 {
    let studied = |day: i32| progress.days.get(&day).is_some_and(|d| d.answered > 0);
    let mut day = if studied(today) { today } else { today - 1 };
    let mut streak = 0;
    while studied(day) {
        streak += 1;
        day -= 1;
    }
    streak
}
