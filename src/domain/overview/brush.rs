//! What the overview changes in the address: the range from the brush's steps, a click on a
//! year, an era or a month picked, the partners compared; and where dates and eras fall on the
//! axis of years.

use chrono::{Datelike, NaiveDate};

use super::Part;
use crate::domain::query::{MAX_COMPARED, MIN_COMPARED};
use crate::domain::{Era, Filters, FuzzyDate, PartnerCode};

/// A key pressed on the overview's brush, the range of years it selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BrushKey {
    /// Moves the range a year earlier (with none, selects the last year).
    Earlier,
    /// Moves the range a year later (with none, selects the first year).
    Later,
    /// Brings the range's end a year earlier, never before its start.
    Shorter,
    /// Takes the range's end a year later.
    Longer,
    Clear,
}

/// The range of years after `key`, within `first..=last`.
pub fn brush_step(
    range: Option<(i32, i32)>,
    key: BrushKey,
    (first, last): (i32, i32),
) -> Option<(i32, i32)> {
    let Some((from, to)) = range else {
        return match key {
            BrushKey::Earlier => Some((last, last)),
            BrushKey::Later | BrushKey::Longer => Some((first, first)),
            BrushKey::Shorter | BrushKey::Clear => None,
        };
    };
    let shift = |by: i32| {
        let by = by.clamp(first - from, last - to);
        Some((from + by, to + by))
    };
    match key {
        BrushKey::Earlier => shift(-1),
        BrushKey::Later => shift(1),
        BrushKey::Shorter => Some((from, (to - 1).max(from))),
        BrushKey::Longer => Some((from, (to + 1).min(last))),
        BrushKey::Clear => None,
    }
}

impl Filters {
    /// These filters comparing `codes`, or comparing nothing when fewer than two are given.
    pub fn comparing(&self, codes: Vec<PartnerCode>) -> Filters {
        let mut compare = codes;
        compare.truncate(MAX_COMPARED);
        if compare.len() < MIN_COMPARED {
            compare.clear();
        }
        Filters {
            compare,
            ..self.clone()
        }
    }

    /// These filters with the date range from the start of year `from` to the end of `to`,
    /// or with no range.
    pub fn with_years(&self, years: Option<(i32, i32)>) -> Filters {
        let (from, to) = match years {
            Some((a, b)) => (
                FuzzyDate::year(a.min(b)).ok(),
                FuzzyDate::year(a.max(b)).ok(),
            ),
            None => (None, None),
        };
        Filters {
            from,
            to,
            ..self.clone()
        }
    }

    /// The years the date range touches, an open end reaching to `first` or `last`.
    pub fn range_years(&self, (first, last): (i32, i32)) -> Option<(i32, i32)> {
        if self.from.is_none() && self.to.is_none() {
            return None;
        }
        let from = self.from.map_or(first, |d| d.year_number());
        let to = self.to.map_or(last, |d| d.year_number());
        Some((from, to))
    }

    /// These filters after a click on a year of the overview: that year alone, or no range
    /// when it was that year alone already.
    pub fn year_clicked(&self, year: i32) -> Filters {
        let alone = self.with_years(Some((year, year)));
        if alone.from == self.from && alone.to == self.to {
            self.with_years(None)
        } else {
            alone
        }
    }

    /// These filters with the date range of one month or one quarter of a year.
    pub fn with_part(&self, year: i32, part: Part) -> Filters {
        let (first, last) = match part {
            Part::Month(m) => (m, m),
            Part::Quarter(q) => (3 * q - 2, 3 * q),
        };
        Filters {
            from: FuzzyDate::month(year, first).ok(),
            to: FuzzyDate::month(year, last).ok(),
            ..self.clone()
        }
    }

    /// These filters with the date range of an era, to the month.
    pub fn with_era(&self, era: &Era) -> Filters {
        let to_month = |d: FuzzyDate| match d.month_number() {
            Some(m) => FuzzyDate::month(d.year_number(), m).ok(),
            None => Some(d),
        };
        Filters {
            from: to_month(era.start),
            to: era.end.and_then(to_month),
            ..self.clone()
        }
    }
}

/// Where a date falls on an axis of the years `first..=last`, from 0 (the start of `first`)
/// to 1 (the end of `last`): at its first day, or after its last day when `end`.
pub fn axis_position(date: FuzzyDate, end: bool, (first, last): (i32, i32)) -> f64 {
    let day = if end {
        date.last_day().succ_opt().unwrap_or(date.last_day())
    } else {
        date.first_day()
    };
    let year = day.year();
    let days_in_year = if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
        366.0
    } else {
        365.0
    };
    let at = f64::from(year - first) + f64::from(day.ordinal0()) / days_in_year;
    (at / f64::from(last - first + 1)).clamp(0.0, 1.0)
}

/// Rows for spans of the axis that may overlap (`(start, end)`, earliest start first, as the
/// dataset's eras are): each span's row, the lowest one free at its start.
pub fn lanes(spans: &[(f64, f64)]) -> Vec<usize> {
    let mut ends: Vec<f64> = Vec::new();
    spans
        .iter()
        .map(|&(start, end)| {
            let lane = match ends.iter().position(|&e| e <= start) {
                Some(free) => free,
                None => {
                    ends.push(f64::MIN);
                    ends.len() - 1
                }
            };
            ends[lane] = end;
            lane
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::overview::shipped;
    use crate::domain::query::parse;

    #[test]
    fn the_brush_moves_and_resizes_within_the_axis() {
        use BrushKey::*;
        let axis = (2012, 2026);
        assert_eq!(brush_step(None, Later, axis), Some((2012, 2012)));
        assert_eq!(brush_step(None, Earlier, axis), Some((2026, 2026)));
        assert_eq!(brush_step(None, Clear, axis), None);
        assert_eq!(
            brush_step(Some((2021, 2023)), Later, axis),
            Some((2022, 2024))
        );
        assert_eq!(
            brush_step(Some((2021, 2023)), Earlier, axis),
            Some((2020, 2022))
        );
        assert_eq!(
            brush_step(Some((2024, 2026)), Later, axis),
            Some((2024, 2026))
        );
        assert_eq!(
            brush_step(Some((2012, 2013)), Earlier, axis),
            Some((2012, 2013))
        );
        assert_eq!(
            brush_step(Some((2021, 2023)), Longer, axis),
            Some((2021, 2024))
        );
        assert_eq!(
            brush_step(Some((2021, 2023)), Shorter, axis),
            Some((2021, 2022))
        );
        assert_eq!(
            brush_step(Some((2021, 2021)), Shorter, axis),
            Some((2021, 2021))
        );
        assert_eq!(
            brush_step(Some((2021, 2026)), Longer, axis),
            Some((2021, 2026))
        );
        assert_eq!(brush_step(Some((2021, 2023)), Clear, axis), None);
    }

    #[test]
    fn a_second_click_on_a_year_clears_it() {
        let once = Filters::default().year_clicked(2022);
        assert_eq!(once.to_query(), "?from=2022&to=2022");
        assert_eq!(once.year_clicked(2022).to_query(), "");
        assert_eq!(once.year_clicked(2023).to_query(), "?from=2023&to=2023");
        let months = parse("?from=2022-03&to=2022-05");
        assert_eq!(months.year_clicked(2022).to_query(), "?from=2022&to=2022");
        assert_eq!(
            parse("?from=2021").range_years((2012, 2026)),
            Some((2021, 2026))
        );
    }

    #[test]
    fn a_month_or_a_quarter_is_picked_to_the_month() {
        let f = Filters::default();
        assert_eq!(
            f.with_part(2022, Part::Month(3)).to_query(),
            "?from=2022-03&to=2022-03"
        );
        assert_eq!(
            f.with_part(2022, Part::Quarter(2)).to_query(),
            "?from=2022-04&to=2022-06"
        );
    }

    #[test]
    fn an_era_is_picked_to_the_month() {
        let explorer = shipped();
        let era = |id: &str| {
            explorer
                .dataset
                .eras
                .iter()
                .find(|e| e.id.as_str() == id)
                .unwrap()
        };
        let sanctions = Filters::default().with_era(era("ecowas-sanctions-2022"));
        assert_eq!(sanctions.to_query(), "?from=2022-01&to=2022-07");
        let aes = Filters::default().with_era(era("alliance-of-sahel-states"));
        assert_eq!(aes.to_query(), "?from=2023-09");
    }

    #[test]
    fn dates_fall_on_the_axis_in_proportion() {
        let axis = (2012, 2021);
        let at = |s: &str, end| axis_position(s.parse().unwrap(), end, axis);
        assert_eq!(at("2012", false), 0.0);
        assert_eq!(at("2021", true), 1.0);
        assert!((at("2017", false) - 0.5).abs() < 1e-9);
        assert!((at("2017-07", false) - 0.5 - 181.0 / 365.0 / 10.0).abs() < 1e-9);
        assert_eq!(at("2030", false), 1.0, "beyond the axis is at its end");
    }

    #[test]
    fn overlapping_eras_take_separate_rows_and_others_share() {
        assert_eq!(
            lanes(&[(0.0, 0.5), (0.2, 0.9), (0.5, 0.7), (0.95, 1.0)]),
            vec![0, 1, 0, 0]
        );
        assert_eq!(lanes(&[(0.0, 0.6), (0.5, 0.7), (0.6, 0.8)]), vec![0, 1, 0]);
        assert!(lanes(&[]).is_empty());
    }
}
