//! The events of a view as files to download: a spreadsheet ([`csv`]), our own file format
//! ([`json`]), which the app and [`super::load`] read back, and a TimelineJS 3 file
//! ([`timelinejs`]); and the name such a file is saved under ([`file_name`]).
//!
//! Every function takes the events as indexes into [`Dataset::events`], in the order they are
//! written, so that a file holds exactly what the view lists. Values are written as the dataset
//! holds them: nothing is cut, reworded or prefixed.

mod table;
mod timeline_js;

use serde::Serialize;

use super::model::{Era, Event, EventId, Partner, Sector};
use super::query::Filters;
use super::search::fold;
use super::{Dataset, FuzzyDate};

pub use table::{csv, EVENT_COLUMNS};
pub(crate) use table::{precision_code, Table, LIST_SEPARATOR};
pub use timeline_js::timelinejs;

/// What every file name starts with.
const STEM: &str = "mali-timeline";

/// The most values of one filter named in a file name; the others are counted.
const MAX_NAMED: usize = 5;

/// The most characters of the search text in a file name.
const MAX_SEARCH_CHARS: usize = 30;

/// The name a view's file is saved under: `mali-timeline`, then the filters in a fixed order
/// (partners, sectors, kinds, the date range, the search text), then `.{ext}`.
///
/// ```
/// use mali_timeline::domain::{export::file_name, query::parse};
/// assert_eq!(file_name(&parse("?partner=RUS&from=2022&to=2022"), "csv"), "mali-timeline-RUS-2022.csv");
/// assert_eq!(file_name(&parse(""), "json"), "mali-timeline.json");
/// ```
///
/// Values of one filter are joined with `_`, and past five of them the rest are counted
/// (`_3-more`). The date range is `2022`, `2021-2023`, `2022-03`, `2022-01-2022-06`,
/// `from-2021` or `to-2023`. The search text is folded (no case, no accents) and written as
/// ASCII letters and digits with `-` for anything else, at most 30 characters. The name holds
/// only `[A-Za-z0-9._-]`.
pub fn file_name(filters: &Filters, ext: &str) -> String {
    let mut parts: Vec<String> = vec![STEM.to_string()];
    let lists = [
        named(filters.partners.iter().map(|p| p.as_str())),
        named(filters.sectors.iter().map(|s| s.as_str())),
        named(filters.kinds.iter().map(|k| k.code())),
    ];
    parts.extend(lists.into_iter().flatten());
    if let Some(range) = range_part(filters.from, filters.to) {
        parts.push(range);
    }
    let search = slug(&fold(&filters.q), MAX_SEARCH_CHARS);
    if !search.is_empty() {
        parts.push(search);
    }
    let name = safe(&parts.join("-"));
    let ext = safe(ext.trim_start_matches('.'));
    if ext.is_empty() {
        name
    } else {
        format!("{name}.{ext}")
    }
}

/// The values of one filter joined with `_`, the ones past [`MAX_NAMED`] counted; `None` when
/// there are none.
fn named<'a>(values: impl ExactSizeIterator<Item = &'a str>) -> Option<String> {
    let count = values.len();
    if count == 0 {
        return None;
    }
    let mut part = values.take(MAX_NAMED).collect::<Vec<_>>().join("_");
    if count > MAX_NAMED {
        part.push_str(&format!("_{}-more", count - MAX_NAMED));
    }
    Some(part)
}

/// The date range as a part of a file name: one date when both ends are the same.
fn range_part(from: Option<FuzzyDate>, to: Option<FuzzyDate>) -> Option<String> {
    match (from, to) {
        (Some(from), Some(to)) if from == to => Some(from.to_string()),
        (Some(from), Some(to)) => Some(format!("{from}-{to}")),
        (Some(from), None) => Some(format!("from-{from}")),
        (None, Some(to)) => Some(format!("to-{to}")),
        (None, None) => None,
    }
}

/// Lower-case ASCII letters and digits, each run of anything else as one `-`, with no `-` at
/// either end, cut to `max` characters.
fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.truncate(max);
    out.trim_end_matches('-').to_string()
}

/// `text` with every character outside `[A-Za-z0-9._-]` written as `-`.
fn safe(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// The file as the dataset file is written, borrowing the dataset's parts.
#[derive(Serialize)]
struct FileOut<'a> {
    version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<FuzzyDate>,
    partners: &'a [Partner],
    sectors: &'a [Sector],
    #[serde(skip_serializing_if = "<[Era]>::is_empty")]
    eras: &'a [Era],
    events: Vec<Event>,
}

/// The events at `events`, in that order, as a file of our own format: the dataset's version,
/// date, partners, sectors and eras, and those events. [`super::load`] reads it back with no
/// problem and the same events (in its own order: by date, then id).
///
/// An event is written once, where it first comes, and its `related` ids keep only the events
/// written with it, since the loader reports a link to an event that is not in the file.
pub fn json(dataset: &Dataset, events: &[usize]) -> String {
    let mut chosen: Vec<&Event> = Vec::with_capacity(events.len());
    let mut seen: std::collections::HashSet<&EventId> = Default::default();
    for event in events.iter().filter_map(|&i| dataset.events.get(i)) {
        if seen.insert(&event.id) {
            chosen.push(event);
        }
    }
    let written: Vec<Event> = chosen
        .iter()
        .map(|event| {
            let mut event = (*event).clone();
            event.related.retain(|id| seen.contains(id));
            event
        })
        .collect();
    let file = FileOut {
        version: dataset.version,
        updated: dataset.updated,
        partners: &dataset.partners,
        sectors: &dataset.sectors,
        eras: &dataset.eras,
        events: written,
    };
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::query::parse;
    use crate::domain::testing::shipped;

    #[test]
    fn a_file_is_named_after_its_filters_in_a_fixed_order() {
        let name = |query: &str| file_name(&parse(query), "csv");
        assert_eq!(name(""), "mali-timeline.csv");
        assert_eq!(
            name("?partner=RUS&from=2022&to=2022"),
            "mali-timeline-RUS-2022.csv"
        );
        assert_eq!(name("?from=2021&to=2023"), "mali-timeline-2021-2023.csv");
        assert_eq!(
            name("?from=2022-03&to=2022-03"),
            "mali-timeline-2022-03.csv"
        );
        assert_eq!(
            name("?from=2022-01&to=2022-06"),
            "mali-timeline-2022-01-2022-06.csv"
        );
        assert_eq!(name("?from=2021"), "mali-timeline-from-2021.csv");
        assert_eq!(name("?to=2023"), "mali-timeline-to-2023.csv");
        assert_eq!(
            name("?q=5g&kind=visit,agreement&sector=telecom&partner=RUS,IRN&to=2023&sort=asc"),
            "mali-timeline-IRN_RUS-telecom-agreement_visit-to-2023-5g.csv"
        );
        // Sort, language and compare do not change which events are in the file.
        assert_eq!(
            name("?sort=asc&lang=fr&compare=FRA,RUS"),
            "mali-timeline.csv"
        );
        assert_eq!(
            file_name(&parse("?partner=FRA"), ".json"),
            "mali-timeline-FRA.json"
        );
    }

    #[test]
    fn the_search_text_is_a_short_ascii_slug() {
        let name = |q: &str| {
            let filters = Filters {
                q: q.to_string(),
                ..Default::default()
            };
            file_name(&filters, "csv")
        };
        assert_eq!(name("Téhéran  5G!"), "mali-timeline-teheran-5g.csv");
        assert_eq!(name("«Côte d’Ivoire»"), "mali-timeline-cote-d-ivoire.csv");
        assert_eq!(name("!!!"), "mali-timeline.csv");
        let long = name(&"word ".repeat(20));
        let slug = long
            .strip_prefix("mali-timeline-")
            .and_then(|s| s.strip_suffix(".csv"))
            .unwrap();
        assert!(slug.len() <= MAX_SEARCH_CHARS, "{slug}");
        assert!(!slug.ends_with('-'), "{slug}");
        assert_eq!(slug, "word-word-word-word-word-word");
    }

    #[test]
    fn a_file_name_holds_only_safe_characters() {
        let many = parse("?partner=AAA,BBB,CCC,DDD,EEE,FFF,GGG");
        assert_eq!(
            file_name(&many, "csv"),
            "mali-timeline-AAA_BBB_CCC_DDD_EEE_2-more.csv"
        );
        let mut odd = Filters::default();
        odd.partners.insert("A/B C".into());
        odd.q = "x\u{0}/..\\y".into();
        let name = file_name(&odd, "c s/v");
        assert!(
            name.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')),
            "{name}"
        );
        assert_eq!(name, "mali-timeline-A-B-C-x-y.c-s-v");
    }

    #[test]
    fn the_json_of_a_view_loads_back_with_the_same_events() {
        let data = shipped();
        // A filtered subset, newest first, as the list shows it.
        let mut indexes: Vec<usize> = (0..data.events.len())
            .filter(|&i| data.events[i].partners.iter().any(|p| p.as_str() == "RUS"))
            .collect();
        indexes.reverse();
        assert!(indexes.len() > 3);
        let text = json(&data, &indexes);
        let loaded = crate::domain::load(&text).unwrap();
        assert_eq!(loaded.problems, vec![], "{:?}", loaded.problems);
        let mut expected: Vec<Event> = indexes.iter().map(|&i| data.events[i].clone()).collect();
        expected.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
        let ids = |events: &[Event]| events.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&loaded.events), ids(&expected));
        for (got, want) in loaded.events.iter().zip(&expected) {
            let mut want = want.clone();
            want.related
                .retain(|id| expected.iter().any(|e| &e.id == id));
            assert_eq!(got, &want);
        }
        assert_eq!(loaded.version, data.version);
        assert_eq!(loaded.updated, data.updated);
        assert_eq!(loaded.partners, data.partners);
        assert_eq!(loaded.sectors, data.sectors);
        assert_eq!(loaded.eras, data.eras);
        // The file is written in the view's order.
        let file: serde_json::Value = serde_json::from_str(&text).unwrap();
        let written: Vec<&str> = file["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap())
            .collect();
        let asked: Vec<&str> = indexes
            .iter()
            .map(|&i| data.events[i].id.as_str())
            .collect();
        assert_eq!(written, asked);
    }

    #[test]
    fn links_to_events_left_out_are_dropped_and_the_rest_kept() {
        let data = shipped();
        let (at, event) = data
            .events
            .iter()
            .enumerate()
            .find(|(_, e)| !e.related.is_empty())
            .expect("an event with a related event");
        let linked = data
            .events
            .iter()
            .position(|e| e.id == event.related[0])
            .unwrap();
        // Alone, its links go; with the event it names, that link stays; written twice, once.
        let alone = crate::domain::load(&json(&data, &[at])).unwrap();
        assert!(alone.problems.is_empty(), "{:?}", alone.problems);
        assert!(alone.events[0].related.is_empty());
        let both = crate::domain::load(&json(&data, &[at, linked, at])).unwrap();
        assert!(both.problems.is_empty(), "{:?}", both.problems);
        assert_eq!(both.events.len(), 2);
        let kept = both.event(event.id.as_str()).unwrap();
        assert_eq!(kept.related, vec![event.related[0].clone()]);
    }

    #[test]
    fn the_json_of_a_view_follows_the_files_schema() {
        let data = shipped();
        let schema: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/public/data/schema.json"
            ))
            .unwrap(),
        )
        .unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let some: Vec<usize> = (0..data.events.len()).step_by(3).collect();
        let file: serde_json::Value = serde_json::from_str(&json(&data, &some)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&file)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn the_json_of_no_event_still_loads() {
        let data = shipped();
        let loaded = crate::domain::load(&json(&data, &[])).unwrap();
        assert!(loaded.events.is_empty());
        assert!(loaded.problems.is_empty());
    }
}
