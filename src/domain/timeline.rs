//! How the visible events are laid out: under year headings, and month headings where a year
//! is dense.

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

/// Groups `visible` (indices into `dataset.events`, already in display order) by year, and
/// by month within dense years. Display order is kept everywhere.
pub fn group_by_year(dataset: &Dataset, visible: &[usize]) -> Vec<YearGroup> {
    let mut years: Vec<(i32, Vec<usize>)> = Vec::new();
    for &index in visible {
        let Some(event) = dataset.events.get(index) else {
            continue;
        };
        let year = event.date.year_number();
        match years.last_mut() {
            Some((y, list)) if *y == year => list.push(index),
            _ => years.push((year, vec![index])),
        }
    }
    years
        .into_iter()
        .map(|(year, list)| {
            if list.len() <= DENSE_YEAR {
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
        let groups = group_by_year(&data, &all);
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
        let groups = group_by_year(&data, &order);
        assert_eq!(groups.len(), 1);
        let months: Vec<u32> = groups[0].months.iter().map(|(m, _)| *m).collect();
        assert_eq!(months, [2, 1], "newest first");
        assert_eq!(groups[0].loose.len(), 1, "the year-only event");
        assert_eq!(groups[0].len(), 14);
    }
}
