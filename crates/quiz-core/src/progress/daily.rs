//! 每日一练: the same questions for the whole branch on a given day, without a
//! server, and the study streak.

use super::Progress;
use crate::bank::Bank;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_pcg::Pcg32;

/// The day number of a date written `YYYY-MM-DD` (days since 1970-01-01).
pub fn day_number(date: &str) -> Option<i32> {
    if !crate::bank::decode::is_valid_date(date) {
        return None;
    }
    let year: i32 = date[0..4].parse().ok()?;
    let month: i32 = date[5..7].parse().ok()?;
    let day: i32 = date[8..10].parse().ok()?;
    // Days-from-civil, after Howard Hinnant's public-domain algorithm.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The date `YYYY-MM-DD` of a day number (the inverse of [`day_number`]).
pub fn date_of_day(day: i32) -> String {
    // Civil-from-days, after Howard Hinnant's public-domain algorithm.
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i32::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

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
