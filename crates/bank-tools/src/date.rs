//! Today's date as coordinators in China write it.
//!
//! A bank's `updated` date is the day the coordinator published it. Their
//! clock is in China Standard Time (UTC+8, no daylight saving), whatever
//! the computer's time zone says, so the date is computed from epoch
//! milliseconds the caller reads: the library has no clock.

/// China Standard Time's offset from UTC, in milliseconds.
const CHINA_OFFSET_MS: i64 = 8 * 60 * 60 * 1000;

/// Milliseconds in a day.
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// The date in China (UTC+8) at `epoch_ms`, as `YYYY-MM-DD`, the form of
/// a bank's `updated` field.
pub fn china_date(epoch_ms: i64) -> String {
    let days = (epoch_ms + CHINA_OFFSET_MS).div_euclid(DAY_MS);
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The proleptic Gregorian date of a day count from 1970-01-01 (Howard
/// Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_is_chinas_not_utcs() {
        assert_eq!(china_date(0), "1970-01-01");
        // 2026-12-05T16:00:00Z is already 6 December in Beijing.
        assert_eq!(china_date(1_796_486_400_000), "2026-12-06");
        // One millisecond earlier it is still 5 December there.
        assert_eq!(china_date(1_796_486_399_999), "2026-12-05");
        // Leap days and the turn of a year.
        assert_eq!(china_date(1_835_395_200_000), "2028-02-29");
        assert_eq!(china_date(1_798_761_600_000), "2027-01-01");
        // Before 1970.
        assert_eq!(china_date(-CHINA_OFFSET_MS - 1), "1969-12-31");
    }
}
