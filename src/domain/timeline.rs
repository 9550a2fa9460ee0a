//! How the visible events are laid out: under year headings, and month headings where a year
//! is dense.

use std::ops::Range;

use super::Dataset;

/// A year with more visible events than this gets month headings.
pub const DENSE_YEAR: usize = 12;

/// One year of the timeline, in the order the events are shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearGroup {
    pub year: i32,
    /// Events listed straight under the year heading: all of them in a sparse year, and in a
    /// dense year those known only to the year.
    pub loose: Vec<usize>,
    /// In a dense year, (month, events) in display order; empty otherwise.
    pub months: Vec<(u32, Vec<usize>)>,
}

impl YearGroup {
    pub fn len(&self) -> usize {
        self.loose.len() + self.months.iter().map(|(_, v)| v.len()).sum::<usize>()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Groups the `drawn` part of `visible` (indices into `dataset.events`, already in display
/// order) by year, and by month within dense years. Display order is kept everywhere.
///
/// Whether a year is dense depends on all its visible events, drawn or not (a year's events are
/// next to each other in display order), so drawing more of a list never turns a year's
/// events into month sections or back.
pub fn group_by_year(dataset: &Dataset, visible: &[usize], drawn: Range<usize>) -> Vec<YearGroup> {
    let year_of = |index: usize| dataset.events.get(index).map(|e| e.date.year_number());
    let end = drawn.end.min(visible.len());
    let drawn = drawn.start.min(end)..end;
    let mut years: Vec<(i32, Vec<usize>)> = Vec::new();
    for &index in &visible[drawn.clone()] {
        let Some(year) = year_of(index) else {
            continue;
        };
        match years.last_mut() {
            Some((y, list)) if *y == year => list.push(index),
            _ => years.push((year, vec![index])),
        }
    }
    // The visible events of the first and last drawn years that are not drawn.
    let undrawn_before = |year: i32| {
        visible[..drawn.start]
            .iter()
            .rev()
            .take_while(|&&i| year_of(i) == Some(year))
            .count()
    };
    let undrawn_after = |year: i32| {
        visible[drawn.end..]
            .iter()
            .take_while(|&&i| year_of(i) == Some(year))
            .count()
    };
    let count = years.len();
    years
        .into_iter()
        .enumerate()
        .map(|(position, (year, list))| {
            let mut size = list.len();
            if position == 0 {
                size += undrawn_before(year);
            }
            if position + 1 == count {
                size += undrawn_after(year);
            }
            if size <= DENSE_YEAR {
                return YearGroup {
                    year,
                    loose: list,
                    months: Vec::new(),
                };
            }
            let mut loose = Vec::new();
            let mut months: Vec<(u32, Vec<usize>)> = Vec::new();
            for index in list {
                match dataset.events[index].date.month_number() {
                    None => loose.push(index),
                    Some(month) => match months.last_mut() {
                        Some((m, l)) if *m == month => l.push(index),
                        _ => months.push((month, vec![index])),
                    },
                }
            }
            YearGroup {
                year,
                loose,
                months,
            }
        })
        .collect()
}

/// How many events are drawn on each side of an open event that lies beyond the drawn part.
pub const AROUND_OPEN: usize = 6;

/// Which positions of a list of `len` events are drawn.
///
/// `kept` is what was drawn for the same filters (`None` for new filters, which start with the
/// first `first` events). The open event, at `open_at`, is always drawn: if it lies outside the
/// kept part, the part grows to reach it when it is close (within [`AROUND_OPEN`]), and
/// otherwise moves to a few events around it, so a link to the 90,000th event draws about a
/// dozen cards, not 90,000.
pub fn drawn_range(
    kept: Option<Range<usize>>,
    first: usize,
    open_at: Option<usize>,
    len: usize,
) -> Range<usize> {
    let mut drawn = kept.unwrap_or(0..first);
    drawn.end = drawn.end.min(len);
    drawn.start = drawn.start.min(drawn.end);
    if drawn.is_empty() {
        drawn = 0..first.min(len);
    }
    if let Some(open) = open_at.filter(|&p| p < len) {
        if !drawn.contains(&open) {
            let around = open.saturating_sub(AROUND_OPEN)..(open + AROUND_OPEN + 1).min(len);
            drawn = if around.start <= drawn.end && drawn.start <= around.end {
                drawn.start.min(around.start)..drawn.end.max(around.end)
            } else {
                around
            };
        }
    }
    drawn
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load;

    fn dataset(dates: &[&str]) -> Dataset {
        let events: Vec<String> = dates
            .iter()
            .enumerate()
            .map(|(i, d)| {
                format!(
                    r#"{{"id":"e{i}","date":"{d}","partners":["FRA"],"sectors":["diplomacy"],"kind":"other",
                    "title":{{"en":"T{i}","fr":"T{i}"}},"summary":{{"en":"S","fr":"S"}},
                    "sources":[{{"url":"https://example.org/{i}","publisher":"P","lang":"en"}}]}}"#
                )
            })
            .collect();
        let text = format!(
            r#"{{"version":1,"partners":[{{"code":"FRA","kind":"country","name":{{"en":"France","fr":"France"}}}}],
            "sectors":[{{"id":"diplomacy","name":{{"en":"Diplomacy","fr":"Diplomatie"}}}}],"events":[{}]}}"#,
            events.join(",")
        );
        let data = load(&text).unwrap();
        assert!(data.problems.is_empty(), "{:?}", data.problems);
        data
    }

    #[test]
    fn sparse_years_have_no_month_headings() {
        let data = dataset(&["2012-03-22", "2013-01", "2013-06-01"]);
        let all: Vec<usize> = (0..data.events.len()).collect();
        let groups = group_by_year(&data, &all, 0..all.len());
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].year, 2012);
        assert_eq!(groups[1].loose.len(), 2);
        assert!(groups[1].months.is_empty());
    }

    #[test]
    fn dense_years_are_split_by_month_in_display_order() {
        let mut dates = vec!["2022"];
        dates.extend(["2022-01-09"; 7]);
        dates.extend(["2022-02"; 6]);
        let data = dataset(&dates);
        let mut order: Vec<usize> = (0..data.events.len()).collect();
        order.reverse();
        let groups = group_by_year(&data, &order, 0..order.len());
        assert_eq!(groups.len(), 1);
        let months: Vec<u32> = groups[0].months.iter().map(|(m, _)| *m).collect();
        assert_eq!(months, [2, 1], "newest first");
        assert_eq!(groups[0].loose.len(), 1, "the year-only event");
        assert_eq!(groups[0].len(), 14);
    }

    #[test]
    fn a_year_is_dense_by_its_visible_events_not_its_drawn_ones() {
        let mut dates = vec!["2021-05-01"; 3];
        dates.extend(["2022-01-09"; 7]);
        dates.extend(["2022-02-01"; 6]);
        dates.extend(["2023-03-01"; 3]);
        let data = dataset(&dates);
        let all: Vec<usize> = (0..data.events.len()).collect();
        // Three events of 2022 drawn, at either end of the drawn part: still month sections.
        let groups = group_by_year(&data, &all, 0..6);
        assert_eq!(
            groups.iter().map(|g| g.year).collect::<Vec<_>>(),
            [2021, 2022]
        );
        assert_eq!(groups[1].months, vec![(1, vec![3, 4, 5])]);
        let groups = group_by_year(&data, &all, 13..19);
        assert_eq!(groups[0].months, vec![(2, vec![13, 14, 15])]);
        assert_eq!(groups[1].loose, vec![16, 17, 18]);
        // Out-of-range parts are clamped.
        assert_eq!(group_by_year(&data, &all, 17..40)[0].loose, vec![17, 18]);
        assert!(group_by_year(&data, &all, 40..50).is_empty());
        #[allow(clippy::reversed_empty_ranges)]
        let backwards = 9..3;
        assert!(group_by_year(&data, &all, backwards).is_empty());
    }

    #[test]
    fn new_filters_draw_the_first_events() {
        assert_eq!(drawn_range(None, 6, None, 100), 0..6);
        assert_eq!(drawn_range(None, 6, None, 4), 0..4);
        assert_eq!(drawn_range(None, 6, None, 0), 0..0);
        assert_eq!(
            drawn_range(None, 6, Some(3), 100),
            0..6,
            "open inside the first events"
        );
    }

    #[test]
    fn an_open_event_far_down_moves_the_drawn_part_to_it() {
        assert_eq!(drawn_range(None, 6, Some(90_000), 100_000), 89_994..90_007);
        assert_eq!(
            drawn_range(Some(0..24), 6, Some(99_999), 100_000),
            99_993..100_000
        );
    }

    #[test]
    fn an_open_event_just_beyond_the_drawn_part_extends_it() {
        assert_eq!(drawn_range(Some(0..24), 6, Some(28), 100), 0..35);
        assert_eq!(drawn_range(Some(50..74), 6, Some(45), 100), 39..74);
        assert_eq!(
            drawn_range(None, 6, Some(10), 100),
            0..17,
            "near the top, from the top"
        );
    }

    #[test]
    fn a_kept_part_is_kept_and_clamped_to_the_list() {
        assert_eq!(drawn_range(Some(100..148), 6, Some(120), 1000), 100..148);
        assert_eq!(drawn_range(Some(100..148), 6, None, 120), 100..120);
        assert_eq!(
            drawn_range(Some(100..148), 6, None, 50),
            0..6,
            "never an empty part"
        );
        assert_eq!(drawn_range(Some(100..148), 6, Some(10), 50), 0..17);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The drawn part lies in the list, holds the open event, and is small when fresh.
        #[test]
        fn the_open_event_is_drawn_and_the_part_stays_in_the_list(
            len in 0usize..200_000,
            kept in proptest::option::of((0usize..200_000, 0usize..200)),
            open in proptest::option::of(0usize..200_000),
            first in 1usize..50,
        ) {
            let kept = kept.map(|(start, size)| start..start + size);
            let drawn = drawn_range(kept.clone(), first, open, len);
            prop_assert!(drawn.start <= drawn.end && drawn.end <= len);
            if let Some(p) = open.filter(|&p| p < len) {
                prop_assert!(drawn.contains(&p));
            }
            let limit = kept.map_or(first, |k| k.len().max(first)) + 2 * AROUND_OPEN + 1;
            prop_assert!(drawn.len() <= limit, "{drawn:?} from at most {limit}");
        }
    }
}
