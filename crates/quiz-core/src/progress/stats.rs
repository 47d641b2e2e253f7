//! Figures for the progress page and the home page: per-bank and per-tag
//! accuracy, the exam score trend, the study calendar and the review queue.

use super::Progress;
use crate::bank::Bank;

/// Weeks the study calendar shows: about four months fit a phone's width.
pub const CALENDAR_WEEKS: usize = 18;

/// What a member has done in one bank, from the per-question records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BankTally {
    /// Distinct questions answered at least once.
    pub questions: u32,
    /// Answers given.
    pub answered: u32,
    /// Of which right.
    pub right: u32,
    /// Questions due for spaced review today.
    pub due: u32,
    /// Questions in the wrong-answer book.
    pub wrong_book: u32,
}

impl BankTally {
    /// Accuracy in percent, rounded down; `None` before any answer.
    pub fn percent(&self) -> Option<u32> {
        percent(self.right, self.answered)
    }
}

/// Answers on one tag (chapter or topic) of a bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagTally {
    /// The tag key, as in the bank's `tag_names`.
    pub tag: String,
    /// Answers given to questions with the tag.
    pub answered: u32,
    /// Of which right.
    pub right: u32,
}

impl TagTally {
    /// Accuracy in percent, rounded down; `None` before any answer.
    pub fn percent(&self) -> Option<u32> {
        percent(self.right, self.answered)
    }
}

/// One exam on the score trend chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrendPoint {
    /// The bank.
    pub bank: String,
    /// When it started, epoch ms.
    pub started_ms: u64,
    /// The score as a share of the maximum, in tenths of a percent.
    pub permille: u32,
    /// Whether it passed.
    pub passed: bool,
}

/// One square of the study calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarDay {
    /// The day number.
    pub day: i32,
    /// Questions answered that day.
    pub answered: u32,
    /// Shade from 0 (nothing) to 4 (twenty answers or more), so a glance
    /// shows how steady the study is.
    pub level: u8,
}

impl Progress {
    /// The member's figures for one bank on `today`.
    pub fn bank_tally(&self, bank: &str, today: i32) -> BankTally {
        let mut tally = BankTally::default();
        for record in self.questions.values().filter(|r| r.bank == bank) {
            tally.questions += u32::from(record.seen > 0);
            tally.answered += record.seen;
            tally.right += record.right;
            tally.due += u32::from(record.review.is_due(today));
            tally.wrong_book += u32::from(record.wrong_book);
        }
        tally
    }

    /// Question ids due for spaced review on `today`, of the given bank's
    /// questions, most overdue first (ties keep the bank's order).
    pub fn due<'a>(&'a self, ids: impl IntoIterator<Item = &'a str>, today: i32) -> Vec<String> {
        // Keyed by (due day, position in the bank): a total order, so the
        // smaller unstable sort gives the stable result.
        let mut due: Vec<(i32, usize, &str)> = ids
            .into_iter()
            .enumerate()
            .filter_map(|(at, id)| Some((at, id, self.questions.get(id)?)))
            .filter(|(_, _, record)| record.review.is_due(today))
            .map(|(at, id, record)| (record.review.due, at, id))
            .collect();
        crate::order::sort(&mut due);
        due.into_iter().map(|(_, _, id)| id.to_string()).collect()
    }

    /// Accuracy on each of the bank's tags, in the order the bank first
    /// uses them (which follows its chapters); tags never answered are
    /// listed with zero answers so weak chapters show.
    pub fn tag_tallies(&self, bank: &Bank) -> Vec<TagTally> {
        let mut tallies: Vec<TagTally> = Vec::new();
        for question in &bank.questions {
            let (answered, right) = self
                .questions
                .get(&question.id)
                .map_or((0, 0), |record| (record.seen, record.right));
            for tag in &question.tags {
                let index = match tallies.iter().position(|t| &t.tag == tag) {
                    Some(index) => index,
                    None => {
                        tallies.push(TagTally {
                            tag: tag.clone(),
                            answered: 0,
                            right: 0,
                        });
                        tallies.len() - 1
                    }
                };
                tallies[index].answered += answered;
                tallies[index].right += right;
            }
        }
        tallies
    }

    /// The last `limit` exams (of one bank, or of all), oldest first.
    pub fn score_trend(&self, bank: Option<&str>, limit: usize) -> Vec<TrendPoint> {
        let exams: Vec<TrendPoint> = self
            .attempts
            .iter()
            .filter(|a| a.mode == "exam" && a.max > 0 && bank.is_none_or(|b| a.bank == b))
            .map(|a| TrendPoint {
                bank: a.bank.clone(),
                started_ms: a.started_ms,
                permille: (u64::from(a.score) * 1_000 / u64::from(a.max)) as u32,
                passed: a.passed,
            })
            .collect();
        let skip = exams.len().saturating_sub(limit);
        exams.into_iter().skip(skip).collect()
    }

    /// The study calendar: `weeks` rows of Monday-to-Sunday days ending
    /// with the week of `today`; days after today are `None`.
    pub fn calendar(&self, today: i32, weeks: usize) -> Vec<[Option<CalendarDay>; 7]> {
        let monday = today - weekday(today);
        let first = monday - 7 * (weeks as i32 - 1);
        (0..weeks as i32)
            .map(|week| {
                std::array::from_fn(|weekday| {
                    let day = first + 7 * week + weekday as i32;
                    (day <= today).then(|| {
                        let answered = self.days.get(&day).map_or(0, |d| d.answered);
                        CalendarDay {
                            day,
                            answered,
                            level: heat_level(answered),
                        }
                    })
                })
            })
            .collect()
    }
}

/// The weekday of a day number, Monday = 0 (1970-01-01 was a Thursday).
pub fn weekday(day: i32) -> i32 {
    (day + 3).rem_euclid(7)
}

fn heat_level(answered: u32) -> u8 {
    match answered {
        0 => 0,
        1..=4 => 1,
        5..=9 => 2,
        10..=19 => 3,
        _ => 4,
    }
}

fn percent(right: u32, answered: u32) -> Option<u32> {
    (answered > 0).then(|| (u64::from(right) * 100 / u64::from(answered)) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{day_number, Attempt};

    fn exam(bank: &str, started_ms: u64, score: u32, max: u32) -> Attempt {
        Attempt {
            id: format!("{started_ms}-{bank}"),
            bank: bank.into(),
            bank_version: 1,
            mode: "exam".into(),
            score,
            max,
            passed: score * 10 >= max * 6,
            started_ms,
            duration_ms: 1,
            outcomes: vec![],
        }
    }

    #[test]
    fn bank_tallies_count_only_that_banks_records() {
        let mut progress = Progress::default();
        progress.record_answer("charter", "c1", false, 1, 100);
        progress.record_answer("charter", "c1", true, 2, 100);
        progress.record_answer("charter", "c2", true, 3, 100);
        progress.record_answer("rules", "r1", false, 4, 100);
        let tally = progress.bank_tally("charter", 100);
        assert_eq!(
            tally,
            BankTally {
                questions: 2,
                answered: 3,
                right: 2,
                due: 0,
                wrong_book: 1
            }
        );
        assert_eq!(tally.percent(), Some(66));
        // Tomorrow both charter questions are due (interval 1 each).
        assert_eq!(progress.bank_tally("charter", 101).due, 2);
        assert_eq!(progress.bank_tally("rules", 101).due, 1);
        assert_eq!(progress.bank_tally("speeches", 101), BankTally::default());
        assert_eq!(BankTally::default().percent(), None);
    }

    #[test]
    fn the_review_queue_puts_the_most_overdue_first() {
        let mut progress = Progress::default();
        progress.record_answer("b", "late", false, 1, 10); // Due on day 11.
        progress.record_answer("b", "early", false, 2, 5); // Due on day 6.
        progress.record_answer("b", "later", true, 3, 10); // Due on day 11.
        progress.record_answer("b", "later", true, 4, 11); // Due on day 17.
        let ids = ["late", "early", "later", "never"];
        assert_eq!(progress.due(ids, 5), Vec::<String>::new());
        assert_eq!(progress.due(ids, 11), vec!["early", "late"]);
        assert_eq!(progress.due(ids, 17), vec!["early", "late", "later"]);
        // Only the ids asked about.
        assert_eq!(progress.due(["late"], 17), vec!["late"]);
    }

    #[test]
    fn the_trend_keeps_the_last_exams_in_order() {
        let progress = Progress {
            attempts: vec![
                exam("charter", 1, 10, 20),
                exam("rules", 2, 20, 20),
                exam("charter", 3, 19, 20),
                Attempt {
                    mode: "practice".into(),
                    ..exam("charter", 4, 1, 20)
                },
                exam("charter", 5, 0, 0),
            ],
            ..Progress::default()
        };
        let all = progress.score_trend(None, 10);
        assert_eq!(
            all.iter().map(|p| p.permille).collect::<Vec<_>>(),
            [500, 1_000, 950]
        );
        assert!(all[2].passed && !all[0].passed);
        let charter = progress.score_trend(Some("charter"), 1);
        assert_eq!(charter.len(), 1);
        assert_eq!(charter[0].started_ms, 3);
    }

    #[test]
    fn the_calendar_ends_with_this_week_and_shades_by_count() {
        // 2026-11-28 is a Saturday.
        let today = day_number("2026-11-28").unwrap();
        assert_eq!(weekday(today), 5);
        assert_eq!(weekday(day_number("2026-11-23").unwrap()), 0);
        let mut progress = Progress::default();
        for _ in 0..12 {
            progress.record_answer("b", "q", true, 1, today);
        }
        progress.record_answer("b", "q", true, 1, today - 7);
        let weeks = progress.calendar(today, 3);
        assert_eq!(weeks.len(), 3);
        let last = weeks[2];
        assert_eq!(last[0].unwrap().day, day_number("2026-11-23").unwrap());
        assert_eq!(last[5].unwrap().answered, 12);
        assert_eq!(last[5].unwrap().level, 3);
        assert_eq!(last[6], None, "Sunday has not come yet");
        assert_eq!(weeks[1][5].unwrap().level, 1);
        assert_eq!(weeks[0][0].unwrap().level, 0);
        assert_eq!(
            [0, 1, 4, 5, 9, 10, 19, 20, 500].map(heat_level),
            [0, 1, 1, 2, 2, 3, 3, 4, 4]
        );
    }

    #[test]
    fn tag_tallies_follow_the_banks_tags() {
        let text = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../questions/charter.json"
        ))
        .unwrap();
        let bank = crate::check_bank("charter.json", &text).value.unwrap();
        let first = &bank.questions[0];
        let mut progress = Progress::default();
        progress.record_answer("charter", &first.id, true, 1, 1);
        progress.record_answer("charter", &first.id, false, 2, 1);
        let tallies = progress.tag_tallies(&bank);
        assert_eq!(tallies.len(), bank.tag_names.len());
        assert_eq!(tallies[0].tag, first.tags[0], "the bank's first tag leads");
        for tally in &tallies {
            if first.tags.contains(&tally.tag) {
                assert_eq!((tally.answered, tally.right), (2, 1), "{}", tally.tag);
                assert_eq!(tally.percent(), Some(50));
            } else {
                assert_eq!(tally.percent(), None, "{}", tally.tag);
            }
        }
    }
}
