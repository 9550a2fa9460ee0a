//! Which events the filters let through, and how many each facet choice would show.
//!
//! An [`Explorer`] is built once per dataset and prepares what every later call needs (each
//! event's span of days, partners and sectors as positions, and the folded search text), so
//! that a change of filters is one pass over the events with no copying of them: an
//! [`Evaluation`] says which filters each event fails, and the visible list, the facet counts
//! and the relaxations are all read from it.

use std::sync::{Arc, Mutex, MutexGuard};

use chrono::NaiveDate;

use super::overview::Bloc;
use super::postings::{lookup_of, selection, Postings};
use super::query::{Filters, SortOrder};
use super::search::{self, SearchIndex};
use super::{Dataset, EventKind, PartnerCode, SectorId};

/// One of the filters a person can set, as named in the empty state ("remove X to see N").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FilterKey {
    Partner,
    Sector,
    Kind,
    Search,
    DateRange,
}

impl FilterKey {
    /// Every key, in the order they are offered.
    pub const ALL: [FilterKey; 5] = [
        FilterKey::Partner,
        FilterKey::Sector,
        FilterKey::Kind,
        FilterKey::Search,
        FilterKey::DateRange,
    ];

    /// This filter's bit in a set of failed filters.
    fn bit(self) -> u8 {
        match self {
            FilterKey::Partner => 1,
            FilterKey::Sector => 2,
            FilterKey::Kind => 4,
            FilterKey::Search => 8,
            FilterKey::DateRange => 16,
        }
    }
}

/// For each choice of a facet, how many events selecting it would show, given the other
/// facets' filters. Zero counts are included, so the list is the whole vocabulary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// In the dataset's partner order.
    pub partners: Vec<(PartnerCode, usize)>,
    /// In the dataset's sector order.
    pub sectors: Vec<(SectorId, usize)>,
    /// In [`EventKind::ALL`] order.
    pub kinds: Vec<(EventKind, usize)>,
}

/// Which filters each event fails under one set of filters (sort order and language aside).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evaluation {
    /// Per event, the filters it fails, as bits of [`FilterKey`]. The search is only tested
    /// when at most one other filter fails, which is all the counts need: an event that fails
    /// two others counts nowhere.
    fails: Vec<u8>,
    /// The filters in force, as bits.
    active: u8,
}

impl Evaluation {
    /// How many events pass every filter.
    pub fn shown(&self) -> usize {
        self.fails.iter().filter(|&&f| f == 0).count()
    }

    /// Whether event `i` passes every filter.
    pub fn passes(&self, i: usize) -> bool {
        self.fails.get(i) == Some(&0)
    }

    /// Whether event `i` passes every filter but `key`, which it may fail or pass.
    pub fn passes_all_but(&self, i: usize, key: FilterKey) -> bool {
        self.fails.get(i).is_some_and(|f| f & !key.bit() == 0)
    }
}

/// A dataset made ready for filtering.
#[derive(Debug)]
pub struct Explorer {
    pub dataset: Arc<Dataset>,
    /// Folded text per event; built in slices after the first render (see
    /// [`Explorer::prepare_search`]) and completed at once by the first search that needs it.
    search: Mutex<SearchIndex>,
    /// The partner codes known to the dataset, then any that only events name.
    pub(super) partner_codes: Vec<PartnerCode>,
    /// The sector ids known to the dataset, then any that only events name.
    sector_ids: Vec<SectorId>,
    /// Per event, positions in `partner_codes`, each once.
    pub(super) event_partners: Postings,
    /// Per event, positions in `sector_ids`, each once.
    event_sectors: Postings,
    /// Per event, its first and last possible day (through its end date, if any).
    spans: Vec<(NaiveDate, NaiveDate)>,
    /// Per event, the position of its kind in [`EventKind::ALL`]: a filter change reads these
    /// few bytes, not every event.
    pub(super) kinds: Vec<u8>,
    /// Per event, the year of its date and the bloc of its first partner, for the overview.
    pub(super) years: Vec<i32>,
    pub(super) blocs: Vec<Bloc>,
}

/// Two explorers are the same when they explore the same data; everything else derives from it.
impl PartialEq for Explorer {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.dataset, &other.dataset) || self.dataset == other.dataset
    }
}

/// The filters turned into positions and days, ready to test events against.
struct Compiled {
    /// Selected partner positions; `None` when no partner is selected.
    partners: Option<Vec<bool>>,
    sectors: Option<Vec<bool>>,
    kinds: Option<[bool; EventKind::ALL.len()]>,
    /// Folded search terms with their character sets; empty when there is nothing to search for.
    terms: Vec<(String, u64)>,
    /// The first and last day of the range; `None` when neither end is set.
    range: Option<(NaiveDate, NaiveDate)>,
}

impl Compiled {
    /// The set of filters that are in force, as bits.
    fn active(&self) -> u8 {
        let mut bits = 0;
        for (on, key) in [
            (self.partners.is_some(), FilterKey::Partner),
            (self.sectors.is_some(), FilterKey::Sector),
            (self.kinds.is_some(), FilterKey::Kind),
            (!self.terms.is_empty(), FilterKey::Search),
            (self.range.is_some(), FilterKey::DateRange),
        ] {
            if on {
                bits |= key.bit();
            }
        }
        bits
    }
}

fn kind_position(kind: EventKind) -> usize {
    EventKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or_default()
}

impl Explorer {
    pub fn new(dataset: Arc<Dataset>) -> Self {
        let mut partner_codes: Vec<PartnerCode> =
            dataset.partners.iter().map(|p| p.code.clone()).collect();
        let mut sector_ids: Vec<SectorId> = dataset.sectors.iter().map(|s| s.id.clone()).collect();
        let mut event_partners = Postings::with_capacity(dataset.events.len());
        let mut event_sectors = Postings::with_capacity(dataset.events.len());
        let mut spans = Vec::with_capacity(dataset.events.len());
        let mut kinds = Vec::with_capacity(dataset.events.len());
        let mut years = Vec::with_capacity(dataset.events.len());
        let mut partner_lookup = lookup_of(&partner_codes);
        let mut sector_lookup = lookup_of(&sector_ids);
        for event in &dataset.events {
            event_partners.push(&event.partners, &mut partner_codes, &mut partner_lookup);
            event_sectors.push(&event.sectors, &mut sector_ids, &mut sector_lookup);
            let end = event.end_date.unwrap_or(event.date);
            // An end date before the date is refused by validation; max() keeps a hand-built
            // one from making an empty span.
            spans.push((
                event.date.first_day(),
                end.last_day().max(event.date.last_day()),
            ));
            kinds.push(kind_position(event.kind) as u8);
            years.push(event.date.year_number());
        }
        let blocs = Bloc::of_events(&dataset);
        Self {
            search: Mutex::new(SearchIndex::default()),
            dataset,
            partner_codes,
            sector_ids,
            event_partners,
            event_sectors,
            spans,
            kinds,
            years,
            blocs,
        }
    }

    /// Folds the search text of up to `budget` more events; whether the index is complete.
    /// Called in slices after the first render, so that loading does not wait for it.
    pub fn prepare_search(&self, budget: usize) -> bool {
        self.search_index().extend(&self.dataset, budget)
    }

    fn search_index(&self) -> MutexGuard<'_, SearchIndex> {
        // A panic while the lock was held leaves a partial index, which `extend` completes.
        self.search
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Which filters each event fails. One pass over the events; the search is tested only
    /// where it can change an answer.
    pub fn evaluate(&self, filters: &Filters) -> Evaluation {
        let compiled = self.compile(filters);
        let search = (!compiled.terms.is_empty()).then(|| {
            let mut index = self.search_index();
            index.extend(&self.dataset, usize::MAX);
            index
        });
        let fails = (0..self.dataset.events.len())
            .map(|i| self.failures(&compiled, search.as_deref(), i))
            .collect();
        Evaluation {
            fails,
            active: compiled.active(),
        }
    }

    /// Positions in `dataset.events` of the events that pass every filter, oldest first for
    /// [`SortOrder::Asc`] and newest first for [`SortOrder::Desc`].
    pub fn visible(&self, filters: &Filters) -> Vec<usize> {
        self.visible_in(&self.evaluate(filters), filters.sort)
    }

    /// [`Explorer::visible`] from an evaluation.
    pub fn visible_in(&self, evaluation: &Evaluation, sort: SortOrder) -> Vec<usize> {
        // The dataset is sorted oldest first, by date then id.
        let passing = evaluation
            .fails
            .iter()
            .enumerate()
            .filter(|(_, &f)| f == 0)
            .map(|(i, _)| i);
        match sort {
            SortOrder::Asc => passing.collect(),
            SortOrder::Desc => {
                let mut shown: Vec<usize> = passing.collect();
                shown.reverse();
                shown
            }
        }
    }

    /// How many events each partner, sector and kind would show. A facet's own filter is left
    /// out of its counts, so the count next to an unticked partner says what ticking it adds.
    pub fn facet_counts(&self, filters: &Filters) -> FacetCounts {
        self.facet_counts_in(&self.evaluate(filters))
    }

    /// [`Explorer::facet_counts`] from an evaluation.
    pub fn facet_counts_in(&self, evaluation: &Evaluation) -> FacetCounts {
        let mut partners = vec![0usize; self.partner_codes.len()];
        let mut sectors = vec![0usize; self.sector_ids.len()];
        let mut kinds = [0usize; EventKind::ALL.len()];
        let others = |fails: u8, key: FilterKey| fails & !key.bit() == 0;
        for (i, (&kind, &fails)) in self.kinds.iter().zip(&evaluation.fails).enumerate() {
            if fails.count_ones() > 1 {
                continue;
            }
            if others(fails, FilterKey::Partner) {
                for &at in self.event_partners.of(i) {
                    partners[at] += 1;
                }
            }
            if others(fails, FilterKey::Sector) {
                for &at in self.event_sectors.of(i) {
                    sectors[at] += 1;
                }
            }
            if others(fails, FilterKey::Kind) {
                kinds[usize::from(kind)] += 1;
            }
        }
        FacetCounts {
            partners: self
                .dataset
                .partners
                .iter()
                .zip(partners)
                .map(|(p, n)| (p.code.clone(), n))
                .collect(),
            sectors: self
                .dataset
                .sectors
                .iter()
                .zip(sectors)
                .map(|(s, n)| (s.id.clone(), n))
                .collect(),
            kinds: EventKind::ALL.into_iter().zip(kinds).collect(),
        }
    }

    /// Each filter in force whose removal alone would show events, with how many it would
    /// show, in [`FilterKey::ALL`] order. Meant for the empty state: "remove X to see N events".
    pub fn relaxations(&self, filters: &Filters) -> Vec<(FilterKey, usize)> {
        self.relaxations_in(&self.evaluate(filters))
    }

    /// [`Explorer::relaxations`] from an evaluation.
    pub fn relaxations_in(&self, evaluation: &Evaluation) -> Vec<(FilterKey, usize)> {
        let mut counts = [0usize; FilterKey::ALL.len()];
        for &fails in &evaluation.fails {
            for (n, key) in counts.iter_mut().zip(FilterKey::ALL) {
                if fails & !key.bit() == 0 {
                    *n += 1;
                }
            }
        }
        FilterKey::ALL
            .into_iter()
            .zip(counts)
            .filter(|(key, n)| evaluation.active & key.bit() != 0 && *n > 0)
            .collect()
    }

    fn compile(&self, filters: &Filters) -> Compiled {
        let from = filters.from.map(|d| d.first_day());
        let to = filters.to.map(|d| d.last_day());
        let kinds = (!filters.kinds.is_empty()).then(|| {
            let mut mask = [false; EventKind::ALL.len()];
            for &kind in &filters.kinds {
                mask[kind_position(kind)] = true;
            }
            mask
        });
        Compiled {
            partners: selection(filters.partners.iter(), &self.partner_codes),
            sectors: selection(filters.sectors.iter(), &self.sector_ids),
            kinds,
            terms: search::terms(&filters.q)
                .into_iter()
                .map(|t| {
                    let mask = search::char_mask(&t);
                    (t, mask)
                })
                .collect(),
            range: (from.is_some() || to.is_some())
                .then(|| (from.unwrap_or(NaiveDate::MIN), to.unwrap_or(NaiveDate::MAX))),
        }
    }

    /// The filters event `i` fails, as bits of [`FilterKey`].
    ///
    /// The search, the costly test, is skipped when two or more other filters already fail; it
    /// is then counted as failed too, which changes no count (each tolerates one failure).
    fn failures(&self, compiled: &Compiled, search: Option<&SearchIndex>, i: usize) -> u8 {
        let mut fails = 0;
        if let Some(mask) = &compiled.partners {
            if !self.event_partners.of(i).iter().any(|&at| mask[at]) {
                fails |= FilterKey::Partner.bit();
            }
        }
        if let Some(mask) = &compiled.sectors {
            if !self.event_sectors.of(i).iter().any(|&at| mask[at]) {
                fails |= FilterKey::Sector.bit();
            }
        }
        if let Some(mask) = &compiled.kinds {
            if !mask[usize::from(self.kinds[i])] {
                fails |= FilterKey::Kind.bit();
            }
        }
        if let Some((start, end)) = compiled.range {
            let (first, last) = self.spans[i];
            if first > end || last < start {
                fails |= FilterKey::DateRange.bit();
            }
        }
        if let Some(index) = search {
            if fails.count_ones() > 1 || !index.matches_masked(i, &compiled.terms) {
                fails |= FilterKey::Search.bit();
            }
        }
        fails
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load;
    use crate::domain::query::parse;

    /// Five events, listed out of order on purpose: the loader sorts them by date then id.
    const DATA: &str = r#"{
      "version": 1,
      "partners": [
        {"code": "IRN", "kind": "country", "name": {"en": "Iran", "fr": "Iran"}},
        {"code": "RUS", "kind": "country", "name": {"en": "Russia", "fr": "Russie"}},
        {"code": "FRA", "kind": "country", "name": {"en": "France", "fr": "France"}},
        {"code": "CHN", "kind": "country", "name": {"en": "China", "fr": "Chine"}}
      ],
      "sectors": [
        {"id": "telecom", "name": {"en": "Telecommunications", "fr": "Télécommunications"}},
        {"id": "defence", "name": {"en": "Defence", "fr": "Défense"}},
        {"id": "energy", "name": {"en": "Energy", "fr": "Énergie"}},
        {"id": "mining", "name": {"en": "Mining", "fr": "Mines"}}
      ],
      "events": [
        {"id": "tehran-agreements", "date": "2023-07-19", "partners": ["IRN"],
         "sectors": ["telecom"], "kind": "agreement",
         "title": {"en": "Agreements signed in Tehran", "fr": "Accords signés à Téhéran"},
         "summary": {"en": "Six agreements.", "fr": "Six accords."},
         "sources": [{"url": "https://example.org/1", "publisher": "X", "lang": "fr"}]},
        {"id": "helicopters", "date": "2021-12", "partners": ["RUS"],
         "sectors": ["defence"], "kind": "delivery",
         "title": {"en": "Helicopters delivered", "fr": "Hélicoptères livrés"},
         "summary": {"en": "Four helicopters.", "fr": "Quatre hélicoptères."},
         "sources": [{"url": "https://example.org/2", "publisher": "X", "lang": "fr"}]},
        {"id": "energy-deal", "date": "2022", "partners": ["IRN", "RUS"],
         "sectors": ["energy", "telecom"], "kind": "agreement",
         "title": {"en": "Energy deal", "fr": "Accord énergétique"},
         "summary": {"en": "Power and networks.", "fr": "Électricité et réseaux."},
         "sources": [{"url": "https://example.org/3", "publisher": "X", "lang": "en"}]},
        {"id": "barkhane-leaves", "date": "2022-02-17", "end_date": "2022-08-15",
         "partners": ["FRA"], "sectors": ["defence"], "kind": "withdrawal",
         "title": {"en": "French troops leave", "fr": "Les troupes françaises partent"},
         "summary": {"en": "Six months.", "fr": "Six mois."},
         "sources": [{"url": "https://example.org/4", "publisher": "X", "lang": "fr"}]},
        {"id": "lithium-visit", "date": "2024-03", "partners": ["CHN"],
         "sectors": ["mining"], "kind": "visit",
         "title": {"en": "Lithium mine visit", "fr": "Visite d'une mine de lithium"},
         "summary": {"en": "At Goulamina.", "fr": "À Goulamina."},
         "sources": [{"url": "https://example.org/5", "publisher": "X", "lang": "fr"}]}
      ]
    }"#;

    fn explorer() -> Explorer {
        let dataset = load(DATA).unwrap();
        assert!(dataset.problems.is_empty(), "{:?}", dataset.problems);
        Explorer::new(Arc::new(dataset))
    }

    /// The ids shown for a query string, in the order shown.
    fn shown(explorer: &Explorer, query: &str) -> Vec<String> {
        explorer
            .visible(&parse(query))
            .into_iter()
            .map(|i| explorer.dataset.events[i].id.0.clone())
            .collect()
    }

    #[test]
    fn shows_everything_newest_first_by_default_and_oldest_first_on_asc() {
        let explorer = explorer();
        assert_eq!(
            shown(&explorer, ""),
            [
                "lithium-visit",
                "tehran-agreements",
                "barkhane-leaves",
                "energy-deal",
                "helicopters"
            ]
        );
        assert_eq!(
            shown(&explorer, "?sort=asc"),
            [
                "helicopters",
                "energy-deal",
                "barkhane-leaves",
                "tehran-agreements",
                "lithium-visit"
            ]
        );
    }

    #[test]
    fn partners_are_alternatives_and_other_facets_narrow() {
        let explorer = explorer();
        assert_eq!(
            shown(&explorer, "?partner=IRN,RUS&sort=asc"),
            ["helicopters", "energy-deal", "tehran-agreements"]
        );
        assert_eq!(
            shown(&explorer, "?partner=IRN&sector=telecom"),
            ["tehran-agreements", "energy-deal"]
        );
        assert_eq!(
            shown(&explorer, "?partner=RUS&sector=telecom"),
            ["energy-deal"]
        );
        assert_eq!(
            shown(&explorer, "?sector=defence,mining"),
            ["lithium-visit", "barkhane-leaves", "helicopters"]
        );
        assert!(shown(&explorer, "?partner=FRA&sector=telecom").is_empty());
    }

    #[test]
    fn kinds_are_alternatives() {
        let explorer = explorer();
        assert_eq!(
            shown(&explorer, "?kind=agreement,visit"),
            ["lithium-visit", "tehran-agreements", "energy-deal"]
        );
        assert_eq!(shown(&explorer, "?kind=sanction"), Vec::<String>::new());
    }

    #[test]
    fn search_ignores_accents_and_needs_every_word() {
        let explorer = explorer();
        assert_eq!(shown(&explorer, "?q=teheran"), ["tehran-agreements"]);
        assert_eq!(shown(&explorer, "?q=HELICOPTERES"), ["helicopters"]);
        assert_eq!(shown(&explorer, "?q=six+accords"), ["tehran-agreements"]);
        assert_eq!(
            shown(&explorer, "?q=russie"),
            ["energy-deal", "helicopters"],
            "partner names in French"
        );
        assert_eq!(
            shown(&explorer, "?q=six&kind=withdrawal"),
            ["barkhane-leaves"]
        );
    }

    #[test]
    fn a_date_range_keeps_events_whose_span_overlaps_it() {
        let explorer = explorer();
        // The withdrawal runs from February to August 2022; the deal is dated only "2022".
        assert_eq!(
            shown(&explorer, "?from=2022-03&to=2022-06"),
            ["barkhane-leaves", "energy-deal"]
        );
        assert_eq!(
            shown(&explorer, "?from=2022-09&to=2022-12"),
            ["energy-deal"],
            "the withdrawal ended in August"
        );
        assert_eq!(
            shown(&explorer, "?from=2022-08&to=2022-08"),
            ["barkhane-leaves", "energy-deal"],
            "its last month still counts"
        );
        assert_eq!(
            shown(&explorer, "?from=2021-12&to=2021-12"),
            ["helicopters"]
        );
        assert_eq!(
            shown(&explorer, "?from=2023"),
            ["lithium-visit", "tehran-agreements"]
        );
        assert_eq!(
            shown(&explorer, "?to=2021"),
            ["helicopters"],
            "a month-precise date inside the year"
        );
        assert_eq!(
            shown(&explorer, "?to=2023-06&from=2023-01"),
            Vec::<String>::new(),
            "July is after June"
        );
    }

    #[test]
    fn a_partner_the_dataset_lacks_selects_nothing() {
        let explorer = explorer();
        assert!(shown(&explorer, "?partner=XXX").is_empty());
        assert_eq!(shown(&explorer, "?partner=XXX,CHN"), ["lithium-visit"]);
    }

    fn count<T: PartialEq>(counts: &[(T, usize)], key: T) -> usize {
        counts
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, n)| *n)
            .unwrap()
    }

    #[test]
    fn facet_counts_leave_out_their_own_filter() {
        let explorer = explorer();
        let counts = explorer.facet_counts(&parse("?partner=IRN&kind=agreement"));
        assert_eq!(
            counts.partners,
            [
                (PartnerCode::from("IRN"), 2),
                (PartnerCode::from("RUS"), 1),
                (PartnerCode::from("FRA"), 0),
                (PartnerCode::from("CHN"), 0),
            ],
            "agreements only, whatever the partner"
        );
        assert_eq!(
            counts.sectors,
            [
                (SectorId::from("telecom"), 2),
                (SectorId::from("defence"), 0),
                (SectorId::from("energy"), 1),
                (SectorId::from("mining"), 0),
            ]
        );
        assert_eq!(counts.kinds.len(), EventKind::ALL.len());
        assert_eq!(
            counts.kinds.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            EventKind::ALL
        );
        assert_eq!(count(&counts.kinds, EventKind::Agreement), 2);
        assert_eq!(
            counts.kinds.iter().map(|(_, n)| n).sum::<usize>(),
            2,
            "Iran's events are both agreements"
        );
    }

    #[test]
    fn facet_counts_without_filters_count_every_event() {
        let explorer = explorer();
        let counts = explorer.facet_counts(&Filters::default());
        assert_eq!(count(&counts.partners, PartnerCode::from("RUS")), 2);
        assert_eq!(count(&counts.sectors, SectorId::from("defence")), 2);
        assert_eq!(count(&counts.kinds, EventKind::Agreement), 2);
        assert_eq!(count(&counts.kinds, EventKind::Sanction), 0);
        let counts = explorer.facet_counts(&parse("?q=teheran&from=2024"));
        assert_eq!(count(&counts.partners, PartnerCode::from("IRN")), 0);
        assert!(counts.partners.iter().all(|(_, n)| *n == 0));
    }

    #[test]
    fn relaxations_name_each_filter_whose_removal_shows_events() {
        let explorer = explorer();
        assert_eq!(
            explorer.relaxations(&parse("?partner=CHN&kind=agreement")),
            [(FilterKey::Partner, 2), (FilterKey::Kind, 1)]
        );
        assert_eq!(
            explorer.relaxations(&parse("?q=teheran&partner=FRA")),
            [(FilterKey::Partner, 1), (FilterKey::Search, 1)]
        );
        assert_eq!(
            explorer.relaxations(&parse("?from=2030&kind=visit")),
            [(FilterKey::DateRange, 1)],
            "removing the kind alone still shows nothing"
        );
        assert_eq!(
            explorer.relaxations(&parse("?partner=FRA&sector=telecom&kind=visit")),
            [],
            "two filters have to go"
        );
        assert_eq!(
            explorer.relaxations(&parse("?sector=mining&to=2023&sort=asc")),
            [(FilterKey::Sector, 4), (FilterKey::DateRange, 1)]
        );
    }

    #[test]
    fn a_search_before_the_index_is_complete_still_searches_every_event() {
        let explorer = explorer();
        // Two of the five events folded, as after the first slice.
        assert!(!explorer.prepare_search(2));
        assert_eq!(shown(&explorer, "?q=lithium"), ["lithium-visit"]);
        assert_eq!(shown(&explorer, "?q=teheran"), ["tehran-agreements"]);
        // The search completed the index.
        assert!(explorer.prepare_search(1));
    }

    #[test]
    fn one_evaluation_gives_the_list_the_counts_and_the_relaxations() {
        let explorer = explorer();
        for query in [
            "",
            "?partner=IRN",
            "?partner=IRN&q=energy",
            "?sector=mining&to=2023",
        ] {
            let filters = parse(query);
            let evaluation = explorer.evaluate(&filters);
            assert_eq!(
                explorer.visible_in(&evaluation, filters.sort),
                explorer.visible(&filters)
            );
            assert_eq!(
                evaluation.shown(),
                explorer.visible(&filters).len(),
                "{query}"
            );
            assert_eq!(
                explorer.facet_counts_in(&evaluation),
                explorer.facet_counts(&filters)
            );
            assert_eq!(
                explorer.relaxations_in(&evaluation),
                explorer.relaxations(&filters)
            );
        }
    }

    #[test]
    fn explorers_of_the_same_data_are_equal() {
        let dataset = Arc::new(load(DATA).unwrap());
        assert_eq!(
            Explorer::new(dataset.clone()),
            Explorer::new(dataset.clone())
        );
        assert_ne!(
            Explorer::new(dataset),
            Explorer::new(Arc::new(Dataset::default()))
        );
    }
}
