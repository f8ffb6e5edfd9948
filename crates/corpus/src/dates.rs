//! Partial ISO 8601 dates as periods of minutes.
//!
//! A publication date may be partial ("2024", "2024-11", "2024-11-13", "2024-11-13T08:30"),
//! so it names a period, not an instant. Both ends of the period are written as numbers
//! `YYYYMMDDhhmm`, whose order is the order of time: "2024-11" is 202411010000 to
//! 202411302359. Seconds and a time zone after the minutes are accepted and ignored.

/// A period of time, both ends inclusive, as `YYYYMMDDhhmm` numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// The first minute of the period.
    pub start: u64,
    /// The last minute of the period.
    pub end: u64,
}

/// The period named by a partial ISO 8601 date, or `None` when `text` is not one.
pub fn period(text: &str) -> Option<Period> {
    let text = text.trim();
    let bytes = text.as_bytes();
    let year = digits(bytes, 0, 4)?;
    let mut rest = &bytes[4..];
    let (month, day, time) = match rest {
        [] => (None, None, None),
        [b'-', ..] => {
            let month = digits(rest, 1, 2).filter(|m| (1..=12).contains(m))?;
            rest = &rest[3..];
            match rest {
                [] => (Some(month), None, None),
                [b'-', ..] => {
                    let day =
                        digits(rest, 1, 2).filter(|&d| d >= 1 && d <= days_in(year, month))?;
                    rest = &rest[3..];
                    match rest {
                        [] => (Some(month), Some(day), None),
                        [b'T' | b't' | b' ', ..] => {
                            let hour = digits(rest, 1, 2).filter(|&h| h < 24)?;
                            let minute = match rest.get(3) {
                                Some(b':') => digits(rest, 4, 2).filter(|&m| m < 60)?,
                                _ => return None,
                            };
                            (Some(month), Some(day), Some((hour, minute)))
                        }
                        _ => return None,
                    }
                }
                _ => return None,
            }
        }
        _ => return None,
    };
    let minute = |month: u64, day: u64, hour: u64, minute: u64| {
        ((year * 100 + month) * 100 + day) * 10_000 + hour * 100 + minute
    };
    Some(match (month, day, time) {
        (None, _, _) => Period {
            start: minute(1, 1, 0, 0),
            end: minute(12, 31, 23, 59),
        },
        (Some(m), None, _) => Period {
            start: minute(m, 1, 0, 0),
            end: minute(m, days_in(year, m), 23, 59),
        },
        (Some(m), Some(d), None) => Period {
            start: minute(m, d, 0, 0),
            end: minute(m, d, 23, 59),
        },
        (Some(m), Some(d), Some((h, min))) => {
            let at = minute(m, d, h, min);
            Period { start: at, end: at }
        }
    })
}

/// The number written by `len` ASCII digits of `bytes` from `at`.
fn digits(bytes: &[u8], at: usize, len: usize) -> Option<u64> {
    let slice = bytes.get(at..at + len)?;
    slice.iter().try_fold(0u64, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u64::from(b - b'0'))
    })
}

/// The number of days of `month` in `year` (proleptic Gregorian calendar).
fn days_in(year: u64, month: u64) -> u64 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<(u64, u64)>) {
        let got = period(text).map(|p| (p.start, p.end));
        assert_eq!(got, expected, "{text:?}");
    }

    #[test]
    fn periods() {
        check("2024", Some((202401010000, 202412312359)));
        check("2024-11", Some((202411010000, 202411302359)));
        check("2024-02", Some((202402010000, 202402292359)));
        check("2023-02", Some((202302010000, 202302282359)));
        check("1900-02", Some((190002010000, 190002282359)));
        check("2000-02", Some((200002010000, 200002292359)));
        check("2024-11-13", Some((202411130000, 202411132359)));
        check(" 2024-11-13T08:30 ", Some((202411130830, 202411130830)));
        check(
            "2024-11-13T08:30:59+07:00",
            Some((202411130830, 202411130830)),
        );
        check("2024-11-13 08:30", Some((202411130830, 202411130830)));
        for bad in [
            "",
            "24",
            "2024-1",
            "2024-13",
            "2024-00",
            "2024-11-31",
            "2023-02-29",
            "2024-11-13T",
            "2024-11-13T8:30",
            "2024-11-13T24:00",
            "2024-11-13T08:60",
            "2024/11",
            "năm 2024",
            "2024-11-13x",
            "2024-",
        ] {
            check(bad, None);
        }
    }

    #[test]
    fn order_of_numbers_is_order_of_time() {
        let dates = [
            "1999",
            "2024-01-31T23:59",
            "2024-02",
            "2024-11-13T08:30",
            "2024-11-14",
        ];
        let starts: Vec<u64> = dates
            .iter()
            .filter_map(|d| period(d))
            .map(|p| p.start)
            .collect();
        assert_eq!(starts.len(), dates.len());
        assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
        for d in dates {
            let p = period(d);
            assert!(p.is_some_and(|p| p.start <= p.end), "{d}");
        }
    }
}
