//! Partial calendar dates (`2024`, `2024-11`, `2024-11-13`) and the day ranges they cover.

use std::fmt;

/// A calendar date known to the year, the month or the day.
///
/// Ordering compares year, then month, then day, with a missing part sorting before any
/// present one (`2024` < `2024-01` < `2024-01-01`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// The year (1 to 9999).
    pub year: u16,
    /// The month (1 to 12), when known.
    pub month: Option<u8>,
    /// The day of the month, when known (only together with the month).
    pub day: Option<u8>,
}

impl PartialDate {
    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` for anything else or an impossible date.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.trim().split('-');
        let year = u16::try_from(parse_number(parts.next()?, 4)?).ok()?;
        let month = match parts.next() {
            Some(m) => Some(u8::try_from(parse_number(m, 2)?).ok()?),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => Some(u8::try_from(parse_number(d, 2)?).ok()?),
            None => None,
        };
        if parts.next().is_some() || year == 0 {
            return None;
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return None;
            }
            if let Some(d) = day {
                if d == 0 || d > days_in_month(year, m) {
                    return None;
                }
            }
        }
        Some(Self { year, month, day })
    }

    /// The first day this date covers, as a day number (days since 1970-01-01).
    pub fn first_day(&self) -> i64 {
        days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date covers, as a day number (days since 1970-01-01).
    pub fn last_day(&self) -> i64 {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        days_from_civil(self.year, month, day)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

fn parse_number(text: &str, digits: usize) -> Option<u32> {
    if text.len() != digits || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn is_leap(year: u16) -> bool {
    // (not `is_multiple_of`: the workspace supports Rust 1.85)
    matches!(
        (year % 400, year % 100, year % 4),
        (0, _, _) | (1.., 1.., 0)
    )
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: u16, month: u8, day: u8) -> i64 {
    let (m, d) = (i64::from(month), i64::from(day));
    let y = i64::from(year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_precisions() {
        let d = PartialDate::parse("2024-11-13").unwrap();
        assert_eq!((d.year, d.month, d.day), (2024, Some(11), Some(13)));
        assert_eq!(
            PartialDate::parse("2024-11").unwrap().to_string(),
            "2024-11"
        );
        assert_eq!(PartialDate::parse("1994").unwrap().to_string(), "1994");
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "",
            "24",
            "2024-13",
            "2023-02-29",
            "2024-1",
            "2024-01-32",
            "0000",
            "2024-01-01-01",
        ] {
            assert_eq!(PartialDate::parse(bad), None, "{bad}");
        }
        assert!(PartialDate::parse("2024-02-29").is_some());
    }

    #[test]
    fn day_ranges() {
        assert_eq!(PartialDate::parse("1970-01-01").unwrap().first_day(), 0);
        let y = PartialDate::parse("2024").unwrap();
        assert_eq!(y.last_day() - y.first_day(), 365);
        let m = PartialDate::parse("2023-02").unwrap();
        assert_eq!(m.last_day() - m.first_day(), 27);
    }
}
