//! Dates that carry their own precision: a day, a month or only a year.
//!
//! The written form is the precision: `"2023-07-19"` is a day, `"2023-07"` a month and
//! `"2023"` a year. Sorting puts a coarser date before the finer dates it contains.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thiserror::Error;

use super::Lang;

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DatePrecision {
    Year,
    Month,
    Day,
}

/// A calendar date known to the day, the month or the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FuzzyDate {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

/// Why a string is not a date.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DateError {
    #[error("`{0}` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")]
    Format(String),
    #[error("`{0}` is not a real date")]
    Impossible(String),
    #[error("year {0} is outside 1900-2100")]
    YearOutOfRange(i32),
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Month names in a language, January first.
pub fn month_names(lang: Lang) -> &'static [&'static str; 12] {
    match lang {
        Lang::En => &MONTHS_EN,
        Lang::Fr => &MONTHS_FR,
    }
}

impl FuzzyDate {
    /// A date known only to the year.
    pub fn year(year: i32) -> Result<Self, DateError> {
        if !(1900..=2100).contains(&year) {
            return Err(DateError::YearOutOfRange(year));
        }
        Ok(Self {
            year,
            month: None,
            day: None,
        })
    }

    /// A date known to the month.
    pub fn month(year: i32, month: u32) -> Result<Self, DateError> {
        let mut date = Self::year(year)?;
        if !(1..=12).contains(&month) {
            return Err(DateError::Impossible(format!("{year:04}-{month:02}")));
        }
        date.month = Some(month);
        Ok(date)
    }

    /// A date known to the day; `2023-02-30` is refused.
    pub fn day(year: i32, month: u32, day: u32) -> Result<Self, DateError> {
        let mut date = Self::month(year, month)?;
        if NaiveDate::from_ymd_opt(year, month, day).is_none() {
            return Err(DateError::Impossible(format!(
                "{year:04}-{month:02}-{day:02}"
            )));
        }
        date.day = Some(day);
        Ok(date)
    }

    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    pub fn year_number(&self) -> i32 {
        self.year
    }

    pub fn month_number(&self) -> Option<u32> {
        self.month
    }

    /// The first day this date may stand for.
    pub fn first_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
            .unwrap_or(NaiveDate::MIN)
    }

    /// The last day this date may stand for.
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(self.year, m, d),
            (Some(m), None) => {
                let (y, next) = if m == 12 {
                    (self.year + 1, 1)
                } else {
                    (self.year, m + 1)
                };
                NaiveDate::from_ymd_opt(y, next, 1).and_then(|d| d.pred_opt())
            }
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31),
        }
        .unwrap_or(NaiveDate::MAX)
    }

    /// The date as a person reads it, at its own precision:
    /// "19 July 2023", "July 2023", "2023"; in French "19 juillet 2023", "1er mai 2024".
    pub fn display(&self, lang: Lang) -> String {
        let months = match lang {
            Lang::En => &MONTHS_EN,
            Lang::Fr => &MONTHS_FR,
        };
        match (self.month, self.day) {
            (Some(m), Some(d)) => {
                let day = if lang == Lang::Fr && d == 1 {
                    "1er".to_string()
                } else {
                    d.to_string()
                };
                format!("{day} {} {}", months[m as usize - 1], self.year)
            }
            (Some(m), None) => format!("{} {}", months[m as usize - 1], self.year),
            _ => self.year.to_string(),
        }
    }

    fn sort_key(&self) -> (i32, u32, u32) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }

    /// A number in the same order as the dates (`a < b` exactly when `a.order_number() <
    /// b.order_number()`), for sorting many dates quickly.
    pub fn order_number(&self) -> u64 {
        let year = (i64::from(self.year) - i64::from(i32::MIN)) as u64;
        (year << 16)
            | (u64::from(self.month.unwrap_or(0).min(255)) << 8)
            | u64::from(self.day.unwrap_or(0).min(255))
    }
}

impl Ord for FuzzyDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl PartialOrd for FuzzyDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for FuzzyDate {
    /// The canonical written form, which is also the `datetime` attribute's form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => write!(f, "{:04}-{m:02}", self.year),
            _ => write!(f, "{:04}", self.year),
        }
    }
}

fn number(part: &str, len: usize, whole: &str) -> Result<u32, DateError> {
    if part.len() != len || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::Format(whole.to_string()));
    }
    part.parse()
        .map_err(|_| DateError::Format(whole.to_string()))
}

impl FromStr for FuzzyDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parts = s.split('-');
        let year = number(parts.next().unwrap_or(""), 4, s)? as i32;
        let month = parts.next().map(|p| number(p, 2, s)).transpose()?;
        let day = parts.next().map(|p| number(p, 2, s)).transpose()?;
        if parts.next().is_some() {
            return Err(DateError::Format(s.to_string()));
        }
        match (month, day) {
            (Some(m), Some(d)) => Self::day(year, m, d),
            (Some(m), None) => Self::month(year, m),
            _ => Self::year(year),
        }
    }
}

impl Serialize for FuzzyDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FuzzyDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Read from the borrowed text where the format allows: no string is allocated.
        struct DateVisitor;
        impl serde::de::Visitor<'_> for DateVisitor {
            type Value = FuzzyDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<FuzzyDate, E> {
                text.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(DateVisitor)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for FuzzyDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FuzzyDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
            "description": "YYYY, YYYY-MM or YYYY-MM-DD: the form is the precision"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> FuzzyDate {
        s.parse().unwrap()
    }

    #[test]
    fn parses_each_precision_and_prints_it_back() {
        for (text, precision) in [
            ("2023", DatePrecision::Year),
            ("2023-07", DatePrecision::Month),
            ("2023-07-19", DatePrecision::Day),
        ] {
            let date = d(text);
            assert_eq!(date.precision(), precision, "{text}");
            assert_eq!(date.to_string(), text);
        }
    }

    #[test]
    fn refuses_impossible_and_malformed_dates() {
        for bad in [
            "2023-02-30",
            "2023-13",
            "2023-00",
            "2023-04-31",
            "23-07-19",
            "2023-7-19",
            "2023/07/19",
            "",
            "2023-07-19-01",
            "abcd",
            "1800",
            "2023-07-",
        ] {
            assert!(bad.parse::<FuzzyDate>().is_err(), "{bad} should be refused");
        }
        assert!("2024-02-29".parse::<FuzzyDate>().is_ok(), "leap day");
    }

    #[test]
    fn displays_at_its_precision_in_both_languages() {
        assert_eq!(d("2023-07-19").display(Lang::En), "19 July 2023");
        assert_eq!(d("2023-07-19").display(Lang::Fr), "19 juillet 2023");
        assert_eq!(d("2023-07").display(Lang::En), "July 2023");
        assert_eq!(d("2024-08").display(Lang::Fr), "août 2024");
        assert_eq!(d("2023").display(Lang::Fr), "2023");
        assert_eq!(d("2024-05-01").display(Lang::Fr), "1er mai 2024");
    }

    #[test]
    fn coarser_dates_sort_before_the_days_they_contain() {
        let mut dates = [d("2023-07-19"), d("2023"), d("2022-12-31"), d("2023-07")];
        dates.sort();
        let printed: Vec<String> = dates.iter().map(|x| x.to_string()).collect();
        assert_eq!(printed, ["2022-12-31", "2023", "2023-07", "2023-07-19"]);
    }

    #[test]
    fn spans_cover_the_whole_month_or_year() {
        assert_eq!(d("2024-02").last_day().to_string(), "2024-02-29");
        assert_eq!(d("2023-12").last_day().to_string(), "2023-12-31");
        assert_eq!(d("2023").first_day().to_string(), "2023-01-01");
        assert_eq!(d("2023").last_day().to_string(), "2023-12-31");
    }
}
