//! Partial ISO dates as periods of days: "2024" is the whole year, "2024-11" the month.

use biennien_corpus::dates::period;

/// The first and last day (`YYYY-MM-DD`) of the period a partial ISO date names (see
/// [`biennien_corpus::dates::period`]), or `None` when `date` is not one. A time is ignored.
pub(crate) fn date_bounds(date: &str) -> Option<(String, String)> {
    let day_part = date
        .split(['T', 't', ' '])
        .find(|p| !p.is_empty())
        .unwrap_or(date);
    let p = period(day_part)?;
    let day = |minute: u64| {
        let d = minute / 10_000;
        format!("{:04}-{:02}-{:02}", d / 10_000, d / 100 % 100, d % 100)
    };
    Some((day(p.start), day(p.end)))
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
}
