//! Partial ISO dates as periods: "2024" is the whole year, "2024-11" the month.

/// The first and last day (`YYYY-MM-DD`) of the period a partial ISO date names, or `None` when
/// `date` does not start with a year. A time part is ignored.
pub fn date_bounds(date: &str) -> Option<(String, String)> {
    let day_part = date.split('T').next().unwrap_or(date).trim();
    let mut parts = day_part.split('-');
    let year = parts.next().filter(|y| is_digits(y, 4))?;
    let month = parts.next();
    let day = parts.next();
    match (month, day) {
        (None, _) => Some((format!("{year}-01-01"), format!("{year}-12-31"))),
        (Some(m), None) if is_digits(m, 2) => Some((
            format!("{year}-{m}-01"),
            format!("{year}-{m}-{:02}", days_in_month(year, m)),
        )),
        (Some(m), Some(d)) if is_digits(m, 2) && is_digits(d, 2) => {
            let full = format!("{year}-{m}-{d}");
            Some((full.clone(), full))
        }
        _ => None,
    }
}

/// Whether the period of `date` meets the range from `from` to `to` (each a partial date,
/// inclusive, open when `None`). A date that cannot be read meets no bounded range.
pub fn overlaps(date: Option<&str>, from: Option<&str>, to: Option<&str>) -> bool {
    if from.is_none() && to.is_none() {
        return true;
    }
    let Some((lo, hi)) = date.and_then(date_bounds) else {
        return false;
    };
    let after_from = from
        .and_then(date_bounds)
        .is_none_or(|(f, _)| hi.as_str() >= f.as_str());
    let before_to = to
        .and_then(date_bounds)
        .is_none_or(|(_, t)| lo.as_str() <= t.as_str());
    after_from && before_to
}

fn is_digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

fn days_in_month(year: &str, month: &str) -> u32 {
    let y: u32 = year.parse().unwrap_or(1);
    match month {
        "02" if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        "02" => 28,
        "04" | "06" | "09" | "11" => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(date: &str, expected: Option<(&str, &str)>) {
        let got = date_bounds(date);
        let want = expected.map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(got, want, "{date}");
    }

    #[test]
    fn periods_of_partial_dates() {
        check("2024", Some(("2024-01-01", "2024-12-31")));
        check("2024-02", Some(("2024-02-01", "2024-02-29")));
        check("2023-02", Some(("2023-02-01", "2023-02-28")));
        check("1900-02", Some(("1900-02-01", "1900-02-28")));
        check("2024-11", Some(("2024-11-01", "2024-11-30")));
        check("2024-11-13", Some(("2024-11-13", "2024-11-13")));
        check("2024-11-15T17:51", Some(("2024-11-15", "2024-11-15")));
        check("hôm qua", None);
        check("24-11", None);
        check("2024-1", None);
    }

    #[test]
    fn ranges_meet_periods() {
        assert!(overlaps(Some("2024-11"), Some("2024-11-13"), None));
        assert!(overlaps(
            Some("2024-11-13"),
            Some("2024-11"),
            Some("2024-11")
        ));
        assert!(!overlaps(Some("2024-10-31"), Some("2024-11"), None));
        assert!(!overlaps(Some("2025"), None, Some("2024-12-31")));
        assert!(overlaps(None, None, None));
        assert!(!overlaps(None, Some("2024"), None));
        assert!(overlaps(
            Some("2024"),
            Some("2024-06-01"),
            Some("2024-06-02")
        ));
    }
}
