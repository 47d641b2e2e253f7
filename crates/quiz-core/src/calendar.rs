//! Calendar dates written `YYYY-MM-DD`: which are valid, and their day
//! numbers. A bank's `updated` date, the daily set and the study calendar
//! all count days by these rules.

/// True for a real calendar date written `YYYY-MM-DD`, between 2000 and
/// 2100 (a bank's `updated` date; anything else is a typo).
pub fn is_valid_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| {
        text.get(range).and_then(|part| {
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse::<u32>().ok())
                .flatten()
        })
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (2000..=2100).contains(&year) && (1..=days).contains(&day)
}

/// The day number of a date written `YYYY-MM-DD` (days since 1970-01-01).
pub fn day_number(date: &str) -> Option<i32> {
    if !is_valid_date(date) {
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
