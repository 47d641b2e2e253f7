//! Spaced review with SM-2: each question comes back after an interval that
//! grows while it is answered right and resets when it is missed.
//!
//! FSRS would schedule better, but its maintained crate pulls in a numeric
//! stack far beyond the app's size budget; SM-2 needs a few integers.

use serde::{Deserialize, Serialize};

/// A question's schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// The day it is due (days since 1970-01-01).
    pub due: i32,
    /// The current interval in days.
    pub interval: u32,
    /// The ease factor in thousandths (2500 = 2.5), never below 1300.
    pub ease: u32,
    /// Right answers in a row since the last miss.
    pub reps: u32,
}

impl Default for Review {
    fn default() -> Self {
        Review {
            due: 0,
            interval: 0,
            ease: 2_500,
            reps: 0,
        }
    }
}

impl Review {
    /// The schedule after answering on `today`: SM-2 with quality 4 for a
    /// right answer and 1 for a wrong one.
    pub fn after(self, right: bool, today: i32) -> Review {
        if right {
            let interval = match self.reps {
                0 => 1,
                1 => 6,
                _ => ((u64::from(self.interval) * u64::from(self.ease)).div_ceil(1_000)).min(3_650)
                    as u32,
            };
            Review {
                due: today + interval as i32,
                interval,
                ease: self.ease, // Quality 4 leaves the ease unchanged in SM-2.
                reps: self.reps + 1,
            }
        } else {
            Review {
                due: today + 1,
                interval: 1,
                ease: self.ease.saturating_sub(540).max(1_300),
                reps: 0,
            }
        }
    }

    /// Whether the question is due for review on `today`.
    pub fn is_due(&self, today: i32) -> bool {
        self.interval > 0 && self.due <= today
    }
}
