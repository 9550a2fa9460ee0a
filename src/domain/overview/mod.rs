//! The overview chart's figures: for each year, the events that pass the filters (the date range
//! aside, since the chart is where the range is chosen), split by stance and by colour; and the
//! same years for a few partners side by side.
//!
//! An event counts in the year of its date, not of its end date.

mod brush;
mod detail;

use std::collections::BTreeSet;

pub use brush::{axis_position, brush_step, lanes, BrushKey};
pub use detail::Detail;

use super::filter::Explorer;
use super::postings::FastMap;
use super::query::Filters;
use super::Dataset;
use super::{Evaluation, EventKind, FilterKey, PartnerCode, PartnerKind};

/// Which way an event moves Mali with respect to its partner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stance {
    /// A step toward the partner: an agreement, a delivery, a visit, an announcement.
    Toward,
    /// A step away: a rupture, a withdrawal, a sanction.
    Rupture,
    /// Neither, set apart on the chart.
    Other,
}

impl Stance {
    /// The stance of every event of this kind: the one place it is decided.
    pub fn of(kind: EventKind) -> Stance {
        match kind {
            EventKind::Agreement
            | EventKind::Announcement
            | EventKind::Visit
            | EventKind::Delivery => Stance::Toward,
            EventKind::Rupture | EventKind::Withdrawal | EventKind::Sanction => Stance::Rupture,
            EventKind::Other => Stance::Other,
        }
    }

    /// The word used in exports and in the page's markup.
    pub fn code(self) -> &'static str {
        match self {
            Stance::Toward => "toward",
            Stance::Rupture => "rupture",
            Stance::Other => "other",
        }
    }
}

/// A group of partners that share a colour when no partner is selected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Bloc {
    /// France, the European Union, North America and Europe.
    West,
    /// Russia and its state companies and forces, and Belarus.
    Russia,
    /// The Alliance of Sahel States and its members.
    Sahel,
    /// ECOWAS, UEMOA, the African Union and African states outside the AES.
    Africa,
    /// The UN and the international institutions.
    Multilateral,
    /// China, Türkiye, Iran and the rest of Asia and the Middle East.
    Asia,
    /// Companies not tied to a state above.
    Companies,
    /// Any partner not named here, and events without a partner.
    Other,
}

impl Bloc {
    pub const ALL: [Bloc; 8] = [
        Bloc::West,
        Bloc::Russia,
        Bloc::Sahel,
        Bloc::Africa,
        Bloc::Multilateral,
        Bloc::Asia,
        Bloc::Companies,
        Bloc::Other,
    ];

    /// The bloc of a partner, by its code; a partner not listed here goes by its kind.
    pub fn of(code: &str, kind: Option<PartnerKind>) -> Bloc {
        match code {
            "FRA" | "USA" | "DEU" | "GBR" | "SWE" | "DNK" | "CAN" | "ITA" | "NOR" | "BEL"
            | "EST" | "CZE" | "NLD" | "UKR" | "EU" => Bloc::West,
            "RUS" | "BLR" | "WAGNER" | "AFRICACORPS" | "ROSATOM" | "ROSCOSMOS" => Bloc::Russia,
            "AES" | "BFA" | "NER" => Bloc::Sahel,
            "ECOWAS" | "UEMOA" | "AU" | "G5S" | "DZA" | "MAR" | "GIN" | "TCD" | "CIV" | "SEN"
            | "MRT" | "TGO" | "NGA" | "BEN" | "GHA" | "EGY" => Bloc::Africa,
            "UN" | "IMF" | "WB" | "ICC" | "OIF" => Bloc::Multilateral,
            "CHN" | "TUR" | "IRN" | "PRK" | "ARE" | "JPN" => Bloc::Asia,
            _ => match kind {
                Some(PartnerKind::Company) => Bloc::Companies,
                _ => Bloc::Other,
            },
        }
    }

    /// The bloc of each event's first partner, each partner looked up once.
    pub(crate) fn of_events(dataset: &Dataset) -> Vec<Bloc> {
        let of_partner: FastMap<&str, Bloc> = dataset
            .partners
            .iter()
            .map(|p| (p.code.as_str(), Bloc::of(p.code.as_str(), Some(p.kind))))
            .collect();
        dataset
            .events
            .iter()
            .map(|e| match e.partners.first().map(PartnerCode::as_str) {
                Some(code) => of_partner
                    .get(code)
                    .copied()
                    .unwrap_or(Bloc::of(code, None)),
                None => Bloc::Other,
            })
            .collect()
    }

    /// Its place in the palette, the same whatever the filters.
    pub fn index(self) -> usize {
        Bloc::ALL
            .iter()
            .position(|b| *b == self)
            .unwrap_or_default()
    }
}

/// What a colour of the chart stands for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Colour {
    Bloc(Bloc),
    Partner(PartnerCode),
}

/// How many colours the palette has; keys beyond it reuse them in order.
pub const PALETTE: usize = 8;

/// Events of one year (or of one partner's year) by stance.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StanceCounts {
    pub toward: usize,
    pub ruptures: usize,
    pub other: usize,
}

impl StanceCounts {
    pub fn total(&self) -> usize {
        self.toward + self.ruptures + self.other
    }

    fn add(&mut self, stance: Stance) {
        match stance {
            Stance::Toward => self.toward += 1,
            Stance::Rupture => self.ruptures += 1,
            Stance::Other => self.other += 1,
        }
    }
}

/// A part of a year that a column of the finer chart stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// 1 to 12.
    Month(u32),
    /// 1 to 4.
    Quarter(u32),
}

/// One column of the chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearColumn {
    pub year: i32,
    /// The month or quarter, on the finer chart of a short range; none for a whole year.
    pub part: Option<Part>,
    pub counts: StanceCounts,
    /// Steps toward, per colour key (in [`Explorer::colour_keys`] order).
    pub toward: Vec<usize>,
    /// Ruptures, per colour key.
    pub ruptures: Vec<usize>,
}

/// The chart: every year from the dataset's first to its last, whatever the filters, so that
/// the axis stays put.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overview {
    pub years: Vec<YearColumn>,
}

impl Overview {
    /// The most steps toward, and the most ruptures, of any year: the chart's scale.
    pub fn peaks(&self) -> (usize, usize, usize) {
        self.years.iter().fold((0, 0, 0), |(t, r, o), y| {
            (
                t.max(y.counts.toward),
                r.max(y.counts.ruptures),
                o.max(y.counts.other),
            )
        })
    }

    pub fn first_year(&self) -> Option<i32> {
        self.years.first().map(|y| y.year)
    }

    pub fn last_year(&self) -> Option<i32> {
        self.years.last().map(|y| y.year)
    }
}

/// One partner's row in a comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareRow {
    pub partner: PartnerCode,
    /// Per year of the overview, the date range aside.
    pub years: Vec<StanceCounts>,
    /// Its events within the date range: the count with this partner alone selected.
    pub total: usize,
}

impl Explorer {
    /// The first and last year of the dataset's events.
    pub fn year_span(&self) -> Option<(i32, i32)> {
        let years = self.years.iter().copied();
        let first = years.clone().min()?;
        Some((first, years.max()?))
    }

    /// The chart for these filters. `evaluation` is [`Explorer::evaluate`] of `filters`.
    /// Colours follow the selected partners, or the blocs when none is selected.
    pub fn overview_in(&self, evaluation: &Evaluation, filters: &Filters) -> Overview {
        let Some((first, last)) = self.year_span() else {
            return self.columns(Vec::new(), filters, &|_| None).0;
        };
        let years = (first..=last).map(|year| (year, None)).collect();
        let place = |i: usize| {
            evaluation
                .passes_all_but(i, FilterKey::DateRange)
                .then(|| (self.years[i] - first) as usize)
        };
        self.columns(years, filters, &place).0
    }

    /// Columns for `(year, part)`, each event in the column `place` gives it, if any, with
    /// colours as [`Explorer::overview_in`] gives them; and how many events `place` found no
    /// column for, given as `usize::MAX`.
    pub(super) fn columns(
        &self,
        columns: Vec<(i32, Option<Part>)>,
        filters: &Filters,
        place: &dyn Fn(usize) -> Option<usize>,
    ) -> (Overview, usize) {
        let selected: Vec<&PartnerCode> = filters.partners.iter().collect();
        let key_count = if selected.is_empty() {
            Bloc::ALL.len()
        } else {
            selected.len()
        };
        let mut years: Vec<YearColumn> = columns
            .into_iter()
            .map(|(year, part)| YearColumn {
                year,
                part,
                counts: StanceCounts::default(),
                toward: vec![0; key_count],
                ruptures: vec![0; key_count],
            })
            .collect();
        // Each partner's place among the selected, by its position in the explorer.
        let slot_of: Vec<Option<usize>> = self
            .partner_codes
            .iter()
            .map(|code| selected.binary_search(&code).ok())
            .collect();
        let mut unplaced = 0;
        for i in 0..self.dataset.events.len() {
            let Some(at) = place(i) else {
                continue;
            };
            let Some(column) = years.get_mut(at) else {
                unplaced += 1;
                continue;
            };
            let stance = Stance::of(EventKind::ALL[usize::from(self.kinds[i])]);
            column.counts.add(stance);
            let key = if selected.is_empty() {
                self.blocs[i].index()
            } else {
                let mut slots = self
                    .event_partners
                    .of(i)
                    .iter()
                    .filter_map(|&at| slot_of[at]);
                slots.next().unwrap_or_default()
            };
            match stance {
                Stance::Toward => column.toward[key] += 1,
                Stance::Rupture => column.ruptures[key] += 1,
                Stance::Other => {}
            }
        }
        (Overview { years }, unplaced)
    }

    /// The chart's colours, in legend order, with their place in the palette: the selected
    /// partners, or every bloc when none is selected.
    pub fn colour_keys(&self, filters: &Filters) -> Vec<(Colour, usize)> {
        if filters.partners.is_empty() {
            Bloc::ALL
                .into_iter()
                .map(|b| (Colour::Bloc(b), b.index()))
                .collect()
        } else {
            filters
                .partners
                .iter()
                .enumerate()
                .map(|(k, code)| (Colour::Partner(code.clone()), k % PALETTE))
                .collect()
        }
    }

    /// One row per partner in `codes`, under every filter but the partner filter: each row is
    /// what selecting that partner alone would show.
    pub fn compare(&self, filters: &Filters, codes: &[PartnerCode]) -> Vec<CompareRow> {
        let Some((first, last)) = self.year_span() else {
            return Vec::new();
        };
        let any_partner = Filters {
            partners: BTreeSet::new(),
            ..filters.clone()
        };
        let evaluation = self.evaluate(&any_partner);
        let span = (last - first + 1) as usize;
        codes
            .iter()
            .map(|code| {
                let mut row = CompareRow {
                    partner: code.clone(),
                    years: vec![StanceCounts::default(); span],
                    total: 0,
                };
                for (i, event) in self.dataset.events.iter().enumerate() {
                    if !event.partners.contains(code)
                        || !evaluation.passes_all_but(i, FilterKey::DateRange)
                    {
                        continue;
                    }
                    let at = (event.date.year_number() - first) as usize;
                    row.years[at].add(Stance::of(event.kind));
                    if evaluation.passes(i) {
                        row.total += 1;
                    }
                }
                row
            })
            .collect()
    }
}

/// The shipped dataset, explored: what the overview's tests count on.
#[cfg(test)]
pub(super) fn shipped() -> Explorer {
    let text = include_str!("../../../public/data/events.json");
    let dataset = super::load(text).expect("the shipped dataset loads");
    Explorer::new(std::sync::Arc::new(dataset))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::domain::load;
    use crate::domain::query::parse;

    #[test]
    fn every_kind_has_its_stance() {
        use EventKind::*;
        let toward = [Agreement, Announcement, Visit, Delivery];
        let rupture = [Rupture, Withdrawal, Sanction];
        for kind in EventKind::ALL {
            let expected = if toward.contains(&kind) {
                Stance::Toward
            } else if rupture.contains(&kind) {
                Stance::Rupture
            } else {
                assert_eq!(kind, Other);
                Stance::Other
            };
            assert_eq!(Stance::of(kind), expected, "{kind:?}");
        }
    }

    #[test]
    fn partners_of_the_realignment_fall_in_their_blocs() {
        assert_eq!(Bloc::of("FRA", None), Bloc::West);
        assert_eq!(Bloc::of("AFRICACORPS", None), Bloc::Russia);
        assert_eq!(Bloc::of("AES", None), Bloc::Sahel);
        assert_eq!(Bloc::of("ECOWAS", None), Bloc::Africa);
        assert_eq!(Bloc::of("UN", None), Bloc::Multilateral);
        assert_eq!(Bloc::of("TUR", None), Bloc::Asia);
        assert_eq!(
            Bloc::of("BARRICK", Some(PartnerKind::Company)),
            Bloc::Companies
        );
        assert_eq!(Bloc::of("XYZ", Some(PartnerKind::Country)), Bloc::Other);
        let ranks: BTreeSet<usize> = Bloc::ALL.iter().map(|b| b.index()).collect();
        assert_eq!(ranks.len(), PALETTE, "each bloc has its own colour");
    }

    /// Each year's count is the number of events filtering would show for that year alone.
    fn assert_years_match_filtering(explorer: &Explorer, query: &str) {
        let filters = parse(query);
        let overview = explorer.overview_in(&explorer.evaluate(&filters), &filters);
        let no_range = Filters {
            from: None,
            to: None,
            ..filters.clone()
        };
        let shown = explorer.visible(&no_range);
        for column in &overview.years {
            let in_year = shown
                .iter()
                .filter(|&&i| explorer.dataset.events[i].date.year_number() == column.year)
                .count();
            assert_eq!(column.counts.total(), in_year, "{query}: {}", column.year);
            let coloured: usize = column.toward.iter().chain(&column.ruptures).sum();
            assert_eq!(coloured, column.counts.toward + column.counts.ruptures);
        }
        let sum: usize = overview.years.iter().map(|y| y.counts.total()).sum();
        assert_eq!(sum, shown.len(), "{query}");
    }

    #[test]
    fn counts_per_year_equal_filtering() {
        let explorer = shipped();
        for query in [
            "",
            "?partner=RUS",
            "?partner=FRA,RUS&kind=agreement,withdrawal",
            "?sector=defence&q=drone",
            "?from=2022&to=2022",
            "?q=lithium&from=2024-03",
        ] {
            assert_years_match_filtering(&explorer, query);
        }
    }

    #[test]
    fn a_range_over_whole_years_shows_the_sum_of_their_columns() {
        let explorer = shipped();
        let filters = parse("?from=2021&to=2023");
        let overview = explorer.overview_in(&explorer.evaluate(&filters), &filters);
        let sum: usize = overview
            .years
            .iter()
            .filter(|y| (2021..=2023).contains(&y.year))
            .map(|y| y.counts.total())
            .sum();
        assert_eq!(sum, explorer.visible(&filters).len());
        assert!(
            sum > 50,
            "the dataset has many events in 2021–2023, not {sum}"
        );
    }

    #[test]
    fn the_axis_spans_the_dataset_whatever_the_filters() {
        let explorer = shipped();
        let filters = parse("?partner=IRN");
        let overview = explorer.overview_in(&explorer.evaluate(&filters), &filters);
        assert_eq!(overview.first_year(), Some(2012));
        let last = explorer.dataset.events.last().unwrap().date.year_number();
        assert_eq!(overview.last_year(), Some(last));
        assert_eq!(
            explorer.colour_keys(&filters),
            vec![(Colour::Partner(PartnerCode::from("IRN")), 0)]
        );
    }

    #[test]
    fn with_no_partner_selected_colours_are_blocs_in_a_fixed_order() {
        let explorer = shipped();
        let filters = Filters::default();
        let overview = explorer.overview_in(&explorer.evaluate(&filters), &filters);
        let keys = explorer.colour_keys(&filters);
        let blocs: Vec<usize> = keys.iter().map(|(_, at)| *at).collect();
        assert_eq!(blocs, (0..Bloc::ALL.len()).collect::<Vec<_>>());
        assert!(keys.contains(&(Colour::Bloc(Bloc::Russia), 1)));
        // France's withdrawals of 2022 are ruptures in the West's colour.
        let y2022 = overview.years.iter().find(|y| y.year == 2022).unwrap();
        assert!(y2022.ruptures[Bloc::West.index()] > 0);
    }

    #[test]
    fn compare_rows_equal_single_partner_filters() {
        let explorer = shipped();
        for query in [
            "",
            "?kind=agreement",
            "?from=2021&to=2023",
            "?partner=IRN&sector=defence",
        ] {
            let filters = parse(query);
            let codes = [PartnerCode::from("FRA"), PartnerCode::from("RUS")];
            let rows = explorer.compare(&filters, &codes);
            assert_eq!(rows.len(), 2);
            for row in rows {
                let alone = Filters {
                    partners: BTreeSet::from([row.partner.clone()]),
                    ..filters.clone()
                };
                assert_eq!(
                    row.total,
                    explorer.visible(&alone).len(),
                    "{query} {}",
                    row.partner
                );
                let no_range = Filters {
                    from: None,
                    to: None,
                    ..alone
                };
                let years: usize = row.years.iter().map(StanceCounts::total).sum();
                assert_eq!(years, explorer.visible(&no_range).len(), "{query}");
            }
        }
    }

    #[test]
    fn an_empty_dataset_draws_no_columns() {
        let explorer = Explorer::new(Arc::new(
            load(r#"{"version":1,"updated":"2026","partners":[],"sectors":[],"events":[]}"#)
                .unwrap(),
        ));
        let filters = Filters::default();
        let overview = explorer.overview_in(&explorer.evaluate(&filters), &filters);
        assert!(overview.years.is_empty());
        assert!(explorer
            .compare(&filters, &[PartnerCode::from("FRA")])
            .is_empty());
    }
}
