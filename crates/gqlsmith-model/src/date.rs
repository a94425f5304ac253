//! A calendar date, as deprecation notices write them (`2024-07-01`).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A proleptic Gregorian date. Ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD` exactly; returns `None` for anything else, including impossible
    /// dates such as `2024-02-30`.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let year: u16 = text.get(0..4)?.parse().ok()?;
        let month: u8 = text.get(5..7)?.parse().ok()?;
        let day: u8 = text.get(8..10)?.parse().ok()?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The date `days` after 1970-01-01 (negative: before). Howard Hinnant's `civil_from_days`.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_index = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_index + 2) / 5 + 1;
        let month = if month_index < 10 {
            month_index + 3
        } else {
            month_index - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Some(Date {
            year: u16::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        })
    }

    /// Finds the first `YYYY-MM-DD` date in free text, such as
    /// "Scheduled for removal on or after 2024-07-01." or "Removal on 2025-04-01 UTC.".
    pub fn find_in(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        (0..bytes.len().saturating_sub(9)).find_map(|start| {
            let before_ok = start == 0 || !bytes[start - 1].is_ascii_digit();
            let after_ok = bytes.get(start + 10).is_none_or(|b| !b.is_ascii_digit());
            if before_ok
                && after_ok
                && text.is_char_boundary(start)
                && text.is_char_boundary(start + 10)
            {
                Date::parse(&text[start..start + 10])
            } else {
                None
            }
        })
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a YYYY-MM-DD date: {text}")))
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[track_caller]
    fn check_find(text: &str, expect: Option<&str>) {
        assert_eq!(
            Date::find_in(text).map(|d| d.to_string()).as_deref(),
            expect
        );
    }

    #[test]
    fn finds_dates_in_notices() {
        check_find(
            "Scheduled for removal on or after 2024-07-01.",
            Some("2024-07-01"),
        );
        check_find("Removal on 2025-04-01 UTC.", Some("2025-04-01"));
        check_find("Marked as deprecated on 2023-02-29.", None);
        check_find("Marked as deprecated on 2024-02-29.", Some("2024-02-29"));
        check_find("id 12024-01-01 is not a date", None);
        check_find("no date here", None);
        check_find("é2024-01-01", Some("2024-01-01"));
    }

    #[test]
    fn counts_days_from_the_epoch() {
        assert_eq!(
            Date::from_days_since_epoch(0).unwrap().to_string(),
            "1970-01-01"
        );
        assert_eq!(
            Date::from_days_since_epoch(19_782).unwrap().to_string(),
            "2024-02-29"
        );
        assert_eq!(
            Date::from_days_since_epoch(20_786).unwrap().to_string(),
            "2026-11-29"
        );
    }

    #[test]
    fn orders_chronologically() {
        assert!(Date::parse("2024-12-31").unwrap() < Date::parse("2025-01-01").unwrap());
    }
}
