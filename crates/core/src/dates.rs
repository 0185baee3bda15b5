//! Calendar days as whole numbers (days since 1970-01-01, UTC), for the
//! plan's target dates and the weekly figures of the history. Only day
//! arithmetic is needed, so a date crate would be more than we use; the
//! conversions are Howard Hinnant's civil-date algorithms, as in
//! [`crate::store::progress::format_rfc3339`].

/// Days since 1970-01-01 of a day written `YYYY-MM-DD` (the first ten
/// characters of an RFC 3339 time also read); `None` when it is not a real
/// calendar day.
pub fn parse_day(s: &str) -> Option<i64> {
    let s = s.get(..10)?;
    let b = s.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m) || d < 1 || d > month_days(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

fn month_days(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The day `days` since 1970-01-01, written `YYYY-MM-DD`.
pub fn format_day(days: i64) -> String {
    let secs = u64::try_from(days.max(0)).unwrap_or(0) * 86_400;
    crate::store::progress::format_rfc3339(secs)[..10].to_string()
}

/// Today (UTC), in days since 1970-01-01.
pub fn today() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    (secs / 86_400) as i64
}

/// The Monday of the ISO week holding `day` (1970-01-01 was a Thursday).
pub fn week_start(day: i64) -> i64 {
    day - (day + 3).rem_euclid(7)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_and_bad_days_are_refused() {
        assert_eq!(parse_day("1970-01-01"), Some(0));
        assert_eq!(parse_day("2000-02-29"), Some(11_016));
        assert_eq!(format_day(11_016), "2000-02-29");
        assert_eq!(
            parse_day("2026-12-05T10:00:00Z").map(format_day).as_deref(),
            Some("2026-12-05")
        );
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-1-01",
            "yesterday",
            "",
            "2026-12-0x",
        ] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
        // 2026-12-07 is a Monday.
        let monday = parse_day("2026-12-07").unwrap();
        assert_eq!(week_start(monday + 6), monday);
        assert_eq!(week_start(monday), monday);
    }
}
