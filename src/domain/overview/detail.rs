//! A short range in finer steps: the months of a range of a year or less, the quarters of a
//! range of three years or less, under every filter.

use chrono::Datelike;

use super::{Overview, Part};
use crate::domain::{Evaluation, Explorer, Filters};

/// The longest range, in months, drawn by month, and by quarter.
const BY_MONTH: i32 = 12;
const BY_QUARTER: i32 = 36;

/// The finer chart of a short range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detail {
    pub columns: Overview,
    /// Events shown that no column holds: those known only to the year (or to the month, for
    /// quarters that cut it), and those that began before the range.
    pub unplaced: usize,
}

impl Explorer {
    /// The finer chart of the range, when both its ends are set and it is short enough: the
    /// events shown, by month or by quarter.
    pub fn detail_in(&self, evaluation: &Evaluation, filters: &Filters) -> Option<Detail> {
        let (start, end) = (filters.from?.first_day(), filters.to?.last_day());
        let month_of = |year: i32, month: u32| year * 12 + month as i32 - 1;
        let (first, last) = (
            month_of(start.year(), start.month()),
            month_of(end.year(), end.month()),
        );
        let months = last - first + 1;
        let step: i32 = if months <= BY_MONTH {
            1
        } else if months <= BY_QUARTER {
            3
        } else {
            return None;
        };
        // Columns start at the first month or the first month of its quarter.
        let origin = first - first.rem_euclid(step);
        let columns = (origin..=last)
            .step_by(step as usize)
            .map(|m| {
                let (year, month) = (m.div_euclid(12), m.rem_euclid(12) as u32 + 1);
                let part = if step == 1 {
                    Part::Month(month)
                } else {
                    Part::Quarter((month - 1) / 3 + 1)
                };
                (year, Some(part))
            })
            .collect();
        let place = |i: usize| {
            if !evaluation.passes(i) {
                return None;
            }
            let date = self.dataset.events[i].date;
            let at = date
                .month_number()
                .map(|m| month_of(date.year_number(), m) - origin)
                .filter(|&at| at >= 0)
                .map_or(usize::MAX, |at| (at / step) as usize);
            Some(at)
        };
        let (columns, unplaced) = self.columns(columns, filters, &place);
        Some(Detail { columns, unplaced })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::overview::shipped;
    use crate::domain::query::parse;

    fn detail(explorer: &Explorer, query: &str) -> Option<Detail> {
        let filters = parse(query);
        explorer.detail_in(&explorer.evaluate(&filters), &filters)
    }

    #[test]
    fn a_year_is_drawn_by_month_and_three_by_quarter() {
        let explorer = shipped();
        let year = detail(&explorer, "?from=2022&to=2022").unwrap();
        let parts: Vec<_> = year.columns.years.iter().map(|c| c.part).collect();
        assert_eq!(
            parts,
            (1..=12).map(|m| Some(Part::Month(m))).collect::<Vec<_>>()
        );
        let three = detail(&explorer, "?from=2021-05&to=2023-12").unwrap();
        assert_eq!(three.columns.years.len(), 11, "Q2 2021 to Q4 2023");
        assert_eq!(three.columns.years[0].part, Some(Part::Quarter(2)));
        assert_eq!(three.columns.years[0].year, 2021);
        assert!(
            detail(&explorer, "?from=2020&to=2023").is_none(),
            "four years: by year"
        );
        assert!(
            detail(&explorer, "?from=2022").is_none(),
            "an open range: by year"
        );
    }

    #[test]
    fn every_event_shown_is_in_a_column_or_counted_as_unplaced() {
        let explorer = shipped();
        for query in [
            "?from=2022&to=2022",
            "?from=2022-01&to=2022-07&partner=FRA",
            "?from=2024&to=2025&kind=agreement",
            "?from=2023-03&to=2023-03",
        ] {
            let filters = parse(query);
            let shown = explorer.visible(&filters);
            let d = detail(&explorer, query).unwrap();
            let placed: usize = d.columns.years.iter().map(|c| c.counts.total()).sum();
            assert_eq!(placed + d.unplaced, shown.len(), "{query}");
            // Each month holds exactly the events shown that are dated to that month.
            if let Some(Part::Month(_)) = d.columns.years[0].part {
                for column in &d.columns.years {
                    let Some(Part::Month(m)) = column.part else {
                        unreachable!()
                    };
                    let in_month = shown
                        .iter()
                        .map(|&i| explorer.dataset.events[i].date)
                        .filter(|d| d.year_number() == column.year && d.month_number() == Some(m))
                        .count();
                    assert_eq!(column.counts.total(), in_month, "{query} {m}");
                }
            }
        }
        let sanctions = detail(&explorer, "?from=2022-01&to=2022-07").unwrap();
        let january = &sanctions.columns.years[0].counts;
        assert!(
            january.total() > 0,
            "ECOWAS sanctioned Mali in January 2022"
        );
    }
}
