//! The URL query string is the filter state: [`parse`] reads it, [`Filters::to_query`] writes it.
//!
//! Reading is lenient, because an address may have been typed, cut short or crafted: a value
//! that does not make sense is dropped and the rest still applies; nothing panics. Writing is
//! canonical (fixed key order, sorted lists, defaults left out), so that parsing what was
//! written gives the same filters back and one view has one address.

use std::collections::BTreeSet;

mod values;

use values::{clean_search, decode, encode, is_partner_code, range_date, toggle, CappedList};

use super::dataset::is_slug;
use super::{Dataset, EventKind, FuzzyDate, Lang, PartnerCode, SectorId};

/// The most characters the search text keeps.
pub const MAX_Q_CHARS: usize = 200;

/// The most characters one value may have once decoded; a longer value is ignored, and a list
/// is cut so that it always prints within this length.
pub const MAX_VALUE_CHARS: usize = 1000;

/// An encoded value longer than this cannot decode to [`MAX_VALUE_CHARS`] characters or fewer
/// (one character is at most four `%XX` escapes), so it is ignored without being decoded.
const MAX_RAW_VALUE_BYTES: usize = MAX_VALUE_CHARS * 12;

/// No key we read is longer than this, even fully percent-encoded.
const MAX_RAW_KEY_BYTES: usize = 32;

/// How many partners the overview compares at least, and at most.
pub const MIN_COMPARED: usize = 2;
pub const MAX_COMPARED: usize = 4;

/// The order events are listed in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortOrder {
    /// Newest first.
    #[default]
    Desc,
    /// Oldest first.
    Asc,
}

impl SortOrder {
    /// The word used in the URL.
    pub fn code(self) -> &'static str {
        match self {
            SortOrder::Desc => "desc",
            SortOrder::Asc => "asc",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "desc" => Some(SortOrder::Desc),
            "asc" => Some(SortOrder::Asc),
            _ => None,
        }
    }

    /// The other order, for a button that flips it.
    pub fn reversed(self) -> Self {
        match self {
            SortOrder::Desc => SortOrder::Asc,
            SortOrder::Asc => SortOrder::Desc,
        }
    }
}

/// Everything that decides which events are shown and how: the whole state of the URL query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Events with any of these partners; none selected means all.
    pub partners: BTreeSet<PartnerCode>,
    /// Events in any of these sectors; none selected means all.
    pub sectors: BTreeSet<SectorId>,
    /// Events of any of these kinds; none selected means all.
    pub kinds: BTreeSet<EventKind>,
    /// The search text as typed (trimmed); see [`super::search::terms`].
    pub q: String,
    /// The start of the date range, known to the year or the month.
    pub from: Option<FuzzyDate>,
    /// The end of the date range, known to the year or the month.
    pub to: Option<FuzzyDate>,
    /// Partners drawn side by side on the overview, in order: two to four, or none. It
    /// narrows nothing.
    pub compare: Vec<PartnerCode>,
    pub sort: SortOrder,
    /// The language asked for in the URL; `None` leaves the choice to the app.
    pub lang: Option<Lang>,
    /// The release of the data to show (`v`), where a link names an earlier one; `None` is the
    /// current data.
    pub version: Option<u32>,
    /// Drawn inside another site's page (`embed=1`): the view alone, without the site's header
    /// or the filters.
    pub embed: bool,
}

/// Reads filters from a query string, with or without its leading `?`.
///
/// ```
/// use mali_timeline::domain::query::parse;
/// let filters = parse("?partner=RUS,IRN&q=5g+network&from=2022-01&sort=asc");
/// assert_eq!(filters.partners.len(), 2);
/// assert_eq!(filters.q, "5g network");
/// assert_eq!(filters.to_query(), "?partner=IRN,RUS&q=5g%20network&from=2022-01&sort=asc");
/// ```
pub fn parse(query: &str) -> Filters {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut filters = Filters::default();
    let mut partners = CappedList::new(PartnerCode::as_str);
    let mut sectors = CappedList::new(SectorId::as_str);

    for pair in query.split('&') {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        if raw_key.len() > MAX_RAW_KEY_BYTES || raw_value.len() > MAX_RAW_VALUE_BYTES {
            continue;
        }
        let key = decode(raw_key);
        let value = decode(raw_value);
        if value.chars().count() > MAX_VALUE_CHARS {
            continue;
        }
        match key.as_str() {
            "partner" => value
                .split(',')
                .map(str::trim)
                .filter(|item| is_partner_code(item))
                .for_each(|item| partners.add(PartnerCode::from(item))),
            "sector" => value
                .split(',')
                .map(str::trim)
                .filter(|item| is_slug(item))
                .for_each(|item| sectors.add(SectorId::from(item))),
            "kind" => filters.kinds.extend(
                value
                    .split(',')
                    .filter_map(|item| EventKind::from_code(item.trim())),
            ),
            "q" => filters.q = clean_search(&value),
            "from" => {
                if let Some(date) = range_date(&value) {
                    filters.from = Some(date);
                }
            }
            "to" => {
                if let Some(date) = range_date(&value) {
                    filters.to = Some(date);
                }
            }
            "compare" => {
                filters.compare.clear();
                for item in value.split(',').map(str::trim) {
                    let code = PartnerCode::from(item);
                    if is_partner_code(item)
                        && !filters.compare.contains(&code)
                        && filters.compare.len() < MAX_COMPARED
                    {
                        filters.compare.push(code);
                    }
                }
            }
            "sort" => {
                if let Some(sort) = SortOrder::from_code(value.trim()) {
                    filters.sort = sort;
                }
            }
            "lang" => {
                if let Some(lang) = Lang::from_code(value.trim()) {
                    filters.lang = Some(lang);
                }
            }
            "embed" => filters.embed = value.trim() == "1",
            "v" => {
                let value = value.trim();
                if (1..=6).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit()) {
                    filters.version = value.parse().ok().filter(|v| *v > 0);
                }
            }
            _ => {}
        }
    }

    filters.partners = partners.items;
    filters.sectors = sectors.items;
    if filters.compare.len() < MIN_COMPARED {
        filters.compare.clear();
    }
    // A range written backwards still means the time between its two ends.
    if let (Some(from), Some(to)) = (filters.from, filters.to) {
        if from.first_day() > to.last_day() {
            filters.from = Some(to);
            filters.to = Some(from);
        }
    }
    filters
}

impl Filters {
    /// The canonical query string: `""` when nothing differs from the defaults, otherwise `?`
    /// and the keys partner, sector, kind, q, from, to, compare, sort, lang, v, embed in that
    /// order.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let list = |items: Vec<&str>| -> String {
            items.into_iter().map(encode).collect::<Vec<_>>().join(",")
        };
        if !self.partners.is_empty() {
            let codes = self.partners.iter().map(PartnerCode::as_str).collect();
            parts.push(format!("partner={}", list(codes)));
        }
        if !self.sectors.is_empty() {
            let ids = self.sectors.iter().map(SectorId::as_str).collect();
            parts.push(format!("sector={}", list(ids)));
        }
        if !self.kinds.is_empty() {
            let mut codes: Vec<&str> = self.kinds.iter().map(|k| k.code()).collect();
            codes.sort_unstable();
            parts.push(format!("kind={}", list(codes)));
        }
        if !self.q.is_empty() {
            parts.push(format!("q={}", encode(&self.q)));
        }
        if let Some(from) = self.from {
            parts.push(format!("from={from}"));
        }
        if let Some(to) = self.to {
            parts.push(format!("to={to}"));
        }
        if !self.compare.is_empty() {
            let codes = self.compare.iter().map(PartnerCode::as_str).collect();
            parts.push(format!("compare={}", list(codes)));
        }
        if self.sort != SortOrder::default() {
            parts.push(format!("sort={}", self.sort.code()));
        }
        if let Some(lang) = self.lang {
            parts.push(format!("lang={}", lang.code()));
        }
        if let Some(version) = self.version {
            parts.push(format!("v={version}"));
        }
        if self.embed {
            parts.push("embed=1".to_string());
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// Drops the partner codes and sector ids that the dataset does not know, so that an old
    /// or mistyped link does not leave an invisible filter that hides everything.
    pub fn retain_known(&mut self, dataset: &Dataset) {
        self.partners
            .retain(|code| dataset.partner(code.as_str()).is_some());
        self.sectors
            .retain(|id| dataset.sector(id.as_str()).is_some());
        self.compare
            .retain(|code| dataset.partner(code.as_str()).is_some());
        if self.compare.len() < MIN_COMPARED {
            self.compare.clear();
        }
    }

    /// Whether anything narrows the events shown (sort order and language do not).
    pub fn is_filtered(&self) -> bool {
        !self.partners.is_empty()
            || !self.sectors.is_empty()
            || !self.kinds.is_empty()
            || !self.q.is_empty()
            || self.from.is_some()
            || self.to.is_some()
    }

    /// These filters with the partner added, or removed if it was selected.
    pub fn toggled_partner(&self, code: &PartnerCode) -> Filters {
        let mut next = self.clone();
        toggle(&mut next.partners, code);
        next
    }

    /// These filters with the sector added, or removed if it was selected.
    pub fn toggled_sector(&self, id: &SectorId) -> Filters {
        let mut next = self.clone();
        toggle(&mut next.sectors, id);
        next
    }

    /// These filters with the kind added, or removed if it was selected.
    pub fn toggled_kind(&self, kind: EventKind) -> Filters {
        let mut next = self.clone();
        toggle(&mut next.kinds, &kind);
        next
    }

    /// These filters searching for `typed`, as the address keeps it (see [`parse`]): spaces at
    /// its ends dropped, control characters made spaces, cut at [`MAX_Q_CHARS`].
    pub fn searching(&self, typed: &str) -> Filters {
        Filters {
            q: clean_search(typed),
            ..self.clone()
        }
    }

    /// The plain timeline in the same language and release of the data: where "home" and
    /// "back" links lead.
    pub fn home(&self) -> Filters {
        Filters {
            lang: self.lang,
            version: self.version,
            embed: self.embed,
            ..Filters::default()
        }
    }

    /// No filter at all, but the same sort order, language and release of the data.
    pub fn cleared(&self) -> Filters {
        Filters {
            sort: self.sort,
            lang: self.lang,
            version: self.version,
            embed: self.embed,
            ..Filters::default()
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::load;
    use proptest::prelude::*;

    fn date(s: &str) -> FuzzyDate {
        s.parse().unwrap()
    }

    #[test]
    fn compare_keeps_two_to_four_partners_in_their_order() {
        assert_eq!(parse("?compare=RUS,FRA").to_query(), "?compare=RUS,FRA");
        assert_eq!(parse("?compare=FRA").compare, Vec::<PartnerCode>::new());
        assert_eq!(parse("?compare=FRA,FRA").to_query(), "");
        let five = parse("?compare=FRA,RUS,CHN,TUR,IRN");
        assert_eq!(five.to_query(), "?compare=FRA,RUS,CHN,TUR");
        assert_eq!(
            parse("?sort=asc&compare=FRA,RUS&partner=IRN&to=2023").to_query(),
            "?partner=IRN&to=2023&compare=FRA,RUS&sort=asc"
        );
        assert!(!parse("?compare=FRA,RUS").is_filtered());
        let one_left = parse("?compare=FRA,RUS").comparing(vec![PartnerCode::from("FRA")]);
        assert!(one_left.compare.is_empty());
    }

    #[test]
    fn a_range_of_whole_years_reads_in_either_order() {
        let f = Filters::default().with_years(Some((2023, 2021)));
        assert_eq!(f.to_query(), "?from=2021&to=2023");
        assert_eq!(f.with_years(None).to_query(), "");
    }

    #[test]
    fn a_release_of_the_data_is_kept_by_every_link_until_left() {
        let old = parse("?partner=RUS&v=1");
        assert_eq!(old.version, Some(1));
        assert_eq!(old.to_query(), "?partner=RUS&v=1");
        assert_eq!(old.cleared().to_query(), "?v=1");
        assert_eq!(old.home().to_query(), "?v=1");
        assert!(!parse("?v=1").is_filtered());
        let embedded = parse("?partner=RUS&embed=1&v=2");
        assert!(embedded.embed);
        assert_eq!(embedded.to_query(), "?partner=RUS&v=2&embed=1");
        assert_eq!(embedded.cleared().to_query(), "?v=2&embed=1");
        assert!(!parse("?embed=0").embed);
        for bad in ["?v=0", "?v=-1", "?v=1.5", "?v=x", "?v=9999999", "?v="] {
            assert_eq!(parse(bad).version, None, "{bad}");
        }
    }

    fn codes(filters: &Filters) -> Vec<&str> {
        filters.partners.iter().map(PartnerCode::as_str).collect()
    }

    #[test]
    fn reads_every_key() {
        let filters = parse(
            "?partner=IRN,RUS&sector=telecom&kind=agreement&q=5g&from=2022-01&to=2024&sort=asc&lang=fr",
        );
        assert_eq!(
            filters,
            Filters {
                partners: ["IRN", "RUS"].into_iter().map(PartnerCode::from).collect(),
                sectors: [SectorId::from("telecom")].into(),
                kinds: [EventKind::Agreement].into(),
                q: "5g".into(),
                from: Some(date("2022-01")),
                to: Some(date("2024")),
                compare: Vec::new(),
                sort: SortOrder::Asc,
                lang: Some(Lang::Fr),
                version: None,
                embed: false,
            }
        );
        assert_eq!(
            parse("partner=IRN"),
            parse("?partner=IRN"),
            "the ? is optional"
        );
        // The example in the documentation of `parse`.
        let filters = parse("?partner=RUS,IRN&q=5g+network&from=2022-01&sort=asc");
        assert_eq!(filters.q, "5g network");
        assert_eq!(
            filters.to_query(),
            "?partner=IRN,RUS&q=5g%20network&from=2022-01&sort=asc"
        );
    }

    #[test]
    fn writes_canonically_and_reads_back_the_same() {
        // (what the address bar may hold, its canonical form)
        for (input, canonical) in [
            ("", ""),
            ("?", ""),
            ("?sort=desc&lang=", ""),
            ("?partner=RUS,IRN", "?partner=IRN,RUS"),
            ("?partner=RUS&partner=IRN,RUS", "?partner=IRN,RUS"),
            ("?lang=en&partner=FRA", "?partner=FRA&lang=en"),
            (
                "?kind=visit,delivery,agreement",
                "?kind=agreement,delivery,visit",
            ),
            (
                "?sector=telecom,mining&sector=defence",
                "?sector=defence,mining,telecom",
            ),
            (
                "?q=+C%C3%B4te+d%E2%80%99Ivoire+",
                "?q=C%C3%B4te%20d%E2%80%99Ivoire",
            ),
            ("?q=a%2Bb%26c%3Dd", "?q=a%2Bb%26c%3Dd"),
            ("?q=first&q=second", "?q=second"),
            ("?from=2022&from=2023-05", "?from=2023-05"),
            ("?to=2024&from=2022-01", "?from=2022-01&to=2024"),
            ("?from=2024&to=2022-03", "?from=2022-03&to=2024"),
            ("?from=2024-05&to=2024", "?from=2024-05&to=2024"),
            ("?sort=asc&sort=desc", ""),
            ("?sort=desc&sort=asc", "?sort=asc"),
            ("?unknown=1&partner=IRN&x", "?partner=IRN"),
            ("?%70artner=IRN", "?partner=IRN"),
        ] {
            let filters = parse(input);
            assert_eq!(filters.to_query(), canonical, "{input}");
            assert_eq!(parse(canonical), filters, "{canonical}");
        }
    }

    #[test]
    fn keeps_hostile_search_text_as_plain_text() {
        let filters = parse("?q=<img src=x onerror=alert(1)>");
        assert_eq!(filters.q, "<img src=x onerror=alert(1)>");
        assert_eq!(
            filters.to_query(),
            "?q=%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E"
        );
        assert_eq!(
            parse("?q=a%00b").q,
            "a b",
            "control characters become spaces"
        );
        assert_eq!(parse("?q=%zz%4").q, "%zz%4", "bad escapes stay as typed");
        assert_eq!(parse("?q=%FF").q, "\u{FFFD}", "bytes that are not UTF-8");
        let long = format!("?q={}", "é".repeat(300));
        assert_eq!(parse(&long).q.chars().count(), MAX_Q_CHARS);
        // Cutting at 200 characters here leaves a space last, which must go too, or reading
        // the printed query back would trim it and give other filters.
        // Text typed in the search box is kept as the address would keep it.
        for typed in ["lithium ", " a\u{7}b", &"é".repeat(300)] {
            let held = Filters::default().searching(typed);
            assert_eq!(parse(&held.to_query()), held, "{typed:?}");
        }
        let cut_at_space = parse(&format!("?q={}+b", "a".repeat(199)));
        assert_eq!(cut_at_space.q, "a".repeat(199));
        assert_eq!(parse(&cut_at_space.to_query()), cut_at_space);
    }

    #[test]
    fn drops_values_that_make_no_sense() {
        for (input, reason) in [
            ("?partner=%00,<script>", "not partner codes"),
            ("?partner=irn", "lower-case code"),
            ("?partner=ABCDEFGHIJKLMNOPQ", "code of 17 characters"),
            ("?partner=,,", "empty items"),
            ("?sector=Telecom,-x,a--b,a_b", "not slugs"),
            ("?kind=party,VISIT", "unknown kinds"),
            ("?from=2024-13", "month 13"),
            ("?from=2024-05-01&to=2024-05-31", "day precision"),
            ("?to=1800&from=24", "out of range and malformed years"),
            ("?sort=up&lang=de", "unknown sort and language"),
            ("?%zz=1&=&&&=x", "odd keys"),
            ("?q=%20%20", "blank search"),
        ] {
            let filters = parse(input);
            assert_eq!(filters, Filters::default(), "{reason}: {input}");
            assert_eq!(filters.to_query(), "", "{reason}");
        }
        let filters = parse("?partner=IRN,bad,RUS&kind=visit,nope&from=2024-13&to=2025");
        assert_eq!(codes(&filters), ["IRN", "RUS"], "the valid items stay");
        assert_eq!(filters.kinds, BTreeSet::from([EventKind::Visit]));
        assert_eq!(filters.from, None);
        assert_eq!(filters.to, Some(date("2025")));
    }

    #[test]
    fn ignores_overlong_values_cheaply() {
        let long = "A".repeat(5000);
        let filters = parse(&format!("?partner={long}&q={long}&kind=visit"));
        assert!(filters.partners.is_empty());
        assert_eq!(filters.q, "");
        assert_eq!(
            filters.kinds,
            BTreeSet::from([EventKind::Visit]),
            "other keys still apply"
        );
        let huge = format!("?q={}&partner=IRN", "%41".repeat(1_000_000));
        assert_eq!(codes(&parse(&huge)), ["IRN"]);
    }

    #[test]
    fn long_merged_lists_still_print_as_one_readable_value() {
        // 300 codes of four characters, comma-joined, would print as 1499 characters.
        let query: String = (0..300).map(|i| format!("partner=P{i:03}&")).collect();
        let filters = parse(&query);
        assert_eq!(
            filters.partners.len(),
            200,
            "200 codes print as 999 characters"
        );
        assert_eq!(
            codes(&filters)[0],
            "P000",
            "the first codes in order are kept"
        );
        assert_eq!(parse(&filters.to_query()), filters);
    }

    #[test]
    fn retain_known_drops_partners_and_sectors_the_dataset_lacks() {
        let dataset = load(
            r#"{"version": 1,
                "partners": [{"code": "IRN", "kind": "country", "name": {"en": "Iran", "fr": "Iran"}}],
                "sectors": [{"id": "telecom", "name": {"en": "Telecom", "fr": "Télécoms"}}],
                "events": []}"#,
        )
        .unwrap();
        let mut filters = parse("?partner=IRN,XXX&sector=telecom,mining&kind=visit");
        filters.retain_known(&dataset);
        assert_eq!(filters.to_query(), "?partner=IRN&sector=telecom&kind=visit");
    }

    #[test]
    fn helpers_toggle_and_clear() {
        let filters = parse("?partner=IRN&sort=asc&lang=fr");
        assert!(filters.is_filtered());
        assert!(!parse("?sort=asc&lang=fr").is_filtered());
        assert!(parse("?to=2020").is_filtered());

        let rus = PartnerCode::from("RUS");
        let more = filters.toggled_partner(&rus);
        assert_eq!(more.to_query(), "?partner=IRN,RUS&sort=asc&lang=fr");
        assert_eq!(more.toggled_partner(&rus), filters);

        let telecom = SectorId::from("telecom");
        assert_eq!(
            filters.toggled_sector(&telecom).to_query(),
            "?partner=IRN&sector=telecom&sort=asc&lang=fr"
        );
        assert_eq!(
            filters
                .toggled_kind(EventKind::Visit)
                .toggled_kind(EventKind::Visit),
            filters
        );
        assert_eq!(
            parse("?partner=IRN&q=x&from=2020&sort=asc&lang=fr")
                .cleared()
                .to_query(),
            "?sort=asc&lang=fr"
        );
        assert_eq!(SortOrder::Desc.reversed(), SortOrder::Asc);
    }

    /// Query strings made of the keys and characters that matter, to reach the parser's corners.
    fn query_like() -> impl Strategy<Value = String> {
        let key = prop::sample::select(vec![
            "partner", "sector", "kind", "q", "from", "to", "sort", "lang", "%71", "x", "",
        ]);
        let value = prop_oneof![
            "[A-Za-z0-9,%+ <>=?é&-]{0,20}",
            "(IRN|RUS|telecom|visit|agreement|asc|desc|en|fr|,|%2C|-)*",
            "(19|20|21)[0-9]{2}(-[0-9]{2}){0,2}",
            "\\PC{0,30}",
        ];
        prop::collection::vec((key, value), 0..8).prop_map(|pairs| {
            let joined: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("?{}", joined.join("&"))
        })
    }

    fn range_end() -> impl Strategy<Value = FuzzyDate> {
        (1900..=2100i32, prop::option::of(1..=12u32)).prop_map(|(year, month)| match month {
            Some(m) => FuzzyDate::month(year, m).unwrap(),
            None => FuzzyDate::year(year).unwrap(),
        })
    }

    /// Filters that `parse` could have produced.
    fn valid_filters() -> impl Strategy<Value = Filters> {
        (
            prop::collection::btree_set("[A-Z0-9]{1,16}", 0..5),
            prop::collection::btree_set("[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", 0..5),
            prop::collection::btree_set(prop::sample::select(EventKind::ALL.to_vec()), 0..4),
            prop::option::of("[^\\s\\pC](\\PC{0,198}[^\\s\\pC])?"),
            prop::option::of(range_end()),
            prop::option::of(range_end()),
            prop::option::of(prop::collection::btree_set("[A-Z0-9]{1,16}", 2..=4)),
            prop::sample::select(vec![SortOrder::Desc, SortOrder::Asc]),
            prop::option::of(prop::sample::select(vec![Lang::En, Lang::Fr])),
            prop::option::of(1u32..1000),
            any::<bool>(),
        )
            .prop_map(
                |(partners, sectors, kinds, q, from, to, compare, sort, lang, version, embed)| {
                    let (from, to) = match (from, to) {
                        (Some(a), Some(b)) if a.first_day() > b.last_day() => (Some(b), Some(a)),
                        other => other,
                    };
                    Filters {
                        partners: partners.into_iter().map(PartnerCode).collect(),
                        sectors: sectors.into_iter().map(SectorId).collect(),
                        kinds,
                        q: q.unwrap_or_default(),
                        from,
                        to,
                        compare: compare.into_iter().flatten().map(PartnerCode).collect(),
                        sort,
                        lang,
                        version,
                        embed,
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn printing_what_was_parsed_is_stable(s in any::<String>()) {
            let filters = parse(&s);
            prop_assert_eq!(parse(&filters.to_query()), filters);
        }

        #[test]
        fn printing_what_was_parsed_is_stable_for_query_like_input(s in query_like()) {
            let filters = parse(&s);
            let printed = filters.to_query();
            prop_assert_eq!(&parse(&printed), &filters);
            prop_assert_eq!(parse(&printed).to_query(), printed);
        }

        #[test]
        fn valid_filters_survive_a_round_trip(filters in valid_filters()) {
            prop_assert_eq!(parse(&filters.to_query()), filters);
        }
    }
}
