#![cfg(not(target_arch = "wasm32"))]
//! Robustness tests: the dataset loader and the URL query parser take hostile, broken or
//! random input without panicking, and one bad event in the data file never hides the others.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use mali_timeline::domain::query::{self, Filters, MAX_Q_CHARS, MAX_VALUE_CHARS};
use mali_timeline::domain::{
    is_linkable_url, load, load_bytes, load_event_by_event, Dataset, DatePrecision, EventKind,
    LoadError, PartnerCode, SectorId, SortOrder, SteppedLoad, Subject,
};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

// ---------------------------------------------------------------------------------------------
// Shared fixtures
// ---------------------------------------------------------------------------------------------

/// The shipped dataset file, read once.
/// [`SteppedLoad`] run to its end, `count` events per step.
fn stepped(text: &str, count: usize) -> Result<Dataset, LoadError> {
    let mut load = SteppedLoad::new(text.as_bytes());
    loop {
        if let Some(result) = load.step(count) {
            return result;
        }
    }
}

fn shipped_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/events.json");
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    })
}

/// The shipped dataset file as a JSON value, parsed once.
fn shipped_value() -> &'static Value {
    static VALUE: OnceLock<Value> = OnceLock::new();
    VALUE.get_or_init(|| serde_json::from_str(shipped_text()).expect("the shipped file is JSON"))
}

/// The events array of a dataset value.
fn events_of(file: &Value) -> &Vec<Value> {
    file["events"].as_array().expect("an events array")
}

fn events_of_mut(file: &mut Value) -> &mut Vec<Value> {
    file["events"].as_array_mut().expect("an events array")
}

/// The id of each event in the file, in file order.
fn file_ids() -> Vec<String> {
    events_of(shipped_value())
        .iter()
        .map(|e| e["id"].as_str().expect("a string id").to_string())
        .collect()
}

fn loaded_ids(data: &Dataset) -> BTreeSet<String> {
    data.events
        .iter()
        .map(|e| e.id.as_str().to_string())
        .collect()
}

/// The ids that the unmutated shipped file loads: all of them.
fn shipped_ids() -> &'static BTreeSet<String> {
    static IDS: OnceLock<BTreeSet<String>> = OnceLock::new();
    IDS.get_or_init(|| {
        let data = load(shipped_text()).expect("the shipped dataset loads");
        let ids = loaded_ids(&data);
        assert_eq!(
            ids.len(),
            events_of(shipped_value()).len(),
            "every shipped event loads"
        );
        ids
    })
}

// ---------------------------------------------------------------------------------------------
// 1. `load` never panics on arbitrary strings or arbitrary JSON
// ---------------------------------------------------------------------------------------------

/// The field names of the file and of an event, so that random objects reach deep code paths.
const KNOWN_KEYS: &[&str] = &[
    "version",
    "updated",
    "partners",
    "sectors",
    "events",
    "id",
    "date",
    "end_date",
    "kind",
    "title",
    "summary",
    "sources",
    "related",
    "note",
    "code",
    "name",
    "en",
    "fr",
    "url",
    "publisher",
    "lang",
];

fn json_key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(KNOWN_KEYS).prop_map(str::to_string),
        1 => any::<String>(),
    ]
}

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from), // NaN and infinities become null
        any::<String>().prop_map(Value::String),
        // Strings that look like the values the validator checks.
        prop_oneof![
            "(19|20|21)[0-9]{2}(-[0-9]{2}){0,2}",
            "[A-Z0-9]{1,17}",
            "[a-z0-9-]{0,12}",
            "(https?|javascript|data)://?[a-z./ ]{0,12}",
            prop::sample::select(EventKind::ALL.iter().map(|k| k.code()).collect::<Vec<_>>())
                .prop_map(str::to_string),
        ]
        .prop_map(Value::String),
    ]
}

/// Any JSON value, up to a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((json_key(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A file with the right top-level shape around random JSON for partners, sectors and events.
fn dataset_shaped_value() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(json_value(), 0..4),
        prop::collection::vec(json_value(), 0..4),
        prop::collection::vec(json_value(), 0..8),
    )
        .prop_map(|(partners, sectors, events)| {
            json!({"version": 1, "partners": partners, "sectors": sectors, "events": events})
        })
}

/// Text for a name, title or summary: often fine, sometimes blank.
fn some_text() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => "[A-Za-z]{1,8}( [A-Za-z]{1,8}){0,2}",
        1 => prop::sample::select(vec!["", " ", "\n\t"]).prop_map(str::to_string),
        1 => any::<String>(),
    ]
    .prop_map(Value::String)
}

fn localized() -> impl Strategy<Value = Value> {
    (some_text(), some_text()).prop_map(|(en, fr)| json!({"en": en, "fr": fr}))
}

fn partner_object() -> impl Strategy<Value = Value> {
    (
        prop_oneof![
            3 => prop::sample::select(vec!["IRN", "RUS", "FRA"]).prop_map(str::to_string),
            1 => "[A-Za-z0-9?]{0,18}",
        ],
        prop::sample::select(vec!["country", "organisation", "company"]),
        localized(),
    )
        .prop_map(|(code, kind, name)| json!({"code": code, "kind": kind, "name": name}))
}

fn sector_object() -> impl Strategy<Value = Value> {
    (
        prop_oneof![
            3 => prop::sample::select(vec!["telecom", "defence"]).prop_map(str::to_string),
            1 => "[a-zA-Z0-9_-]{0,12}",
        ],
        localized(),
    )
        .prop_map(|(id, name)| json!({"id": id, "name": name}))
}

fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "(2012|2016|2020|2023)(-0[1-9](-[0-2][1-9])?)?",
        1 => "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        1 => "[0-9-]{0,12}",
    ]
}

/// An event that is often valid, with each field sometimes wrong, missing or random JSON.
fn event_object() -> impl Strategy<Value = Value> {
    let id = prop_oneof![
        4 => "[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}",
        1 => prop::sample::select(vec!["dup", "dup", "a--b", "-a", "A", ""]).prop_map(str::to_string),
        1 => any::<String>(),
    ];
    let codes = prop::collection::vec(
        prop::sample::select(vec!["IRN", "RUS", "FRA", "XXX", "irn"]),
        0..3,
    );
    let sectors =
        prop::collection::vec(prop::sample::select(vec!["telecom", "defence", "x"]), 0..3);
    let kind = prop::sample::select(vec!["visit", "agreement", "rupture", "coup", ""]);
    let source = (
        prop::sample::select(vec![
            "https://example.org/a",
            "http://example.org/a",
            "javascript:alert(1)",
            "https://",
            "https://exa mple.org",
            "HTTPS://EXAMPLE.ORG",
        ]),
        some_text(),
        prop::option::of(date_text()),
        prop::sample::select(vec!["fr", "en", ""]),
    )
        .prop_map(|(url, publisher, date, lang)| {
            let mut source = json!({"url": url, "publisher": publisher, "lang": lang});
            if let Some(date) = date {
                source["date"] = json!(date);
            }
            source
        });
    let optional = (
        prop::option::of(date_text()),
        prop::option::of(prop::collection::vec(
            prop::sample::select(vec!["dup", "a", "b-2", "nope"]),
            0..3,
        )),
        prop::option::of(localized()),
    );
    let base = (
        id,
        date_text(),
        codes,
        sectors,
        kind,
        (localized(), localized()),
        prop::collection::vec(source, 0..3),
        optional,
    )
        .prop_map(
            |(id, date, partners, sectors, kind, (title, summary), sources, optional)| {
                let mut event = json!({
                    "id": id, "date": date, "partners": partners, "sectors": sectors,
                    "kind": kind, "title": title, "summary": summary, "sources": sources,
                });
                let (end_date, related, note) = optional;
                if let Some(end_date) = end_date {
                    event["end_date"] = json!(end_date);
                }
                if let Some(related) = related {
                    event["related"] = json!(related);
                }
                if let Some(note) = note {
                    event["note"] = note;
                }
                event
            },
        );
    // Then remove a field or replace one with random JSON, now and then.
    (
        base,
        prop::option::weighted(0.2, prop::sample::select(KNOWN_KEYS)),
        prop::option::weighted(0.2, (prop::sample::select(KNOWN_KEYS), json_value())),
    )
        .prop_map(|(mut event, removed, replaced)| {
            let map = event.as_object_mut().unwrap();
            if let Some(key) = removed {
                map.remove(key);
            }
            if let Some((key, value)) = replaced {
                map.insert(key.to_string(), value);
            }
            event
        })
}

/// A file whose partners and sectors have the right shape, with events that are often valid.
fn plausible_dataset() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(partner_object(), 0..5),
        prop::collection::vec(sector_object(), 0..4),
        prop::collection::vec(
            prop_oneof![4 => event_object(), 1 => json_value()],
            0..10,
        ),
    )
        .prop_map(|(partners, sectors, events)| {
            json!({"version": 1, "partners": partners, "sectors": sectors, "events": events})
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    // Guards against: a panic (slicing, unwrap, index) in `load` on text that is not a dataset,
    // e.g. the HTML of a 404 page or a file cut short, which would crash the whole app.
    #[test]
    fn load_never_panics_on_arbitrary_text(text in any::<String>()) {
        prop_assert_eq!(stepped(&text, 1), load(&text));
    }

    // Guards against: a panic in the top-level parser or the error mapping (position stripping)
    // on any well-formed JSON document that is not the expected shape.
    #[test]
    fn load_never_panics_on_arbitrary_json(value in json_value()) {
        let text = serde_json::to_string(&value).unwrap();
        prop_assert_eq!(stepped(&text, 2), load(&text));
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        prop_assert_eq!(stepped(&pretty, 3), load(&pretty));
    }

    // Guards against: a panic in the validator when partners, sectors or events are random
    // JSON, against a non-empty file being reported as empty, and against valid JSON being
    // reported as "not valid JSON".
    #[test]
    fn load_never_panics_on_random_parts(value in dataset_shaped_value()) {
        let text = serde_json::to_string(&value).unwrap();
        let result = load(&text);
        prop_assert_eq!(&stepped(&text, 1), &result);
        prop_assert!(!matches!(result, Err(LoadError::Empty) | Err(LoadError::Syntax { .. })), "{:?}", result.err());
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    // Guards against: a panic in the per-event validator (readable id, path-to-error, checks,
    // duplicates, related links) and against an event that is neither kept nor reported, or
    // both kept and rejected.
    #[test]
    fn every_random_event_is_kept_or_reported(value in plausible_dataset()) {
        let text = serde_json::to_string(&value).unwrap();
        let data = load(&text).expect("the top-level shape is right");
        // The fast path (a file with no fault), the bytes path and the event-by-event path
        // all give the same dataset.
        let by_event = load_event_by_event(&text);
        prop_assert_eq!(by_event.as_ref(), Ok(&data));
        let from_bytes = load_bytes(text.as_bytes());
        prop_assert_eq!(from_bytes.as_ref(), Ok(&data));
        // And so does the load in steps, whatever their size.
        prop_assert_eq!(stepped(&text, 1), Ok(data.clone()));
        prop_assert_eq!(stepped(&text, 7), Ok(data.clone()));
        let count = value["events"].as_array().unwrap().len();
        let rejected: BTreeSet<usize> = data
            .problems
            .iter()
            .filter_map(|p| match p.subject {
                Subject::Event { index, .. } if p.rejected => Some(index),
                _ => None,
            })
            .collect();
        prop_assert!(rejected.iter().all(|&i| i < count), "{:?}", data.problems);
        prop_assert_eq!(
            data.events.len() + rejected.len(),
            count,
            "kept {:?}, problems {:?}",
            loaded_ids(&data),
            data.problems
        );
        let ids = loaded_ids(&data);
        prop_assert_eq!(ids.len(), data.events.len(), "ids are unique");
        for event in &data.events {
            for related in &event.related {
                prop_assert!(ids.contains(related.as_str()) && related != &event.id);
            }
        }
        for pair in data.events.windows(2) {
            prop_assert!(pair[0].date <= pair[1].date, "date order");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 2. `load` never panics on the real dataset, damaged at random
// ---------------------------------------------------------------------------------------------

/// The largest char boundary at or before `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    // Guards against: a panic when the data file arrives cut short (a dropped connection, a
    // partial deploy), including a cut in the middle of a multi-byte character.
    #[test]
    fn load_never_panics_on_the_truncated_dataset(cut in 0.0f64..1.0) {
        let text = shipped_text().as_bytes();
        let at = (cut * text.len() as f64) as usize;
        let damaged = String::from_utf8_lossy(&text[..at]);
        let result = load(&damaged);
        prop_assert_eq!(&stepped(&damaged, 5), &result);
        // Only a whole file is valid JSON: a cut file is a fatal error, never half a dataset.
        if at < shipped_text().trim_end().len() {
            prop_assert!(result.is_err(), "a file cut at byte {} loaded", at);
        }
    }

    // Guards against: a panic when stray characters (quotes, brackets, control characters,
    // multi-byte characters) land anywhere in the file, inside strings or between tokens.
    #[test]
    fn load_never_panics_on_the_dataset_with_inserted_chars(
        insertions in prop::collection::vec(
            (
                0.0f64..1.0,
                prop_oneof![
                    any::<char>().prop_map(String::from),
                    prop::sample::select(vec![
                        "\"", "\\", "{", "}", "[", "]", ",", ":", "\0", "\n", "null", "-", "é",
                        "\u{FFFD}", "\u{202E}", "\\u", "\\ud800", "1e999",
                    ])
                    .prop_map(str::to_string),
                    "\\PC{1,8}",
                ],
            ),
            1..4,
        )
    ) {
        let mut damaged = shipped_text().to_string();
        for (position, insert) in insertions {
            let at = floor_boundary(&damaged, (position * damaged.len() as f64) as usize);
            damaged.insert_str(at, &insert);
        }
        prop_assert_eq!(stepped(&damaged, 40), load(&damaged));
    }

    // Guards against: a panic on raw bytes that are not UTF-8 once they are decoded lossily
    // (the fetch layer turns them into U+FFFD), at byte positions inside multi-byte characters.
    #[test]
    fn load_never_panics_on_the_dataset_with_inserted_bytes(
        position in 0.0f64..1.0,
        bytes in prop::collection::vec(any::<u8>(), 1..6),
    ) {
        let mut damaged = shipped_text().as_bytes().to_vec();
        let at = (position * damaged.len() as f64) as usize;
        damaged.splice(at..at, bytes);
        let damaged = String::from_utf8_lossy(&damaged);
        prop_assert_eq!(stepped(&damaged, 40), load(&damaged));
    }
}

// ---------------------------------------------------------------------------------------------
// 3. Mutations of one event (or several) leave out exactly those events
// ---------------------------------------------------------------------------------------------

/// The fields an event cannot do without.
const REQUIRED_FIELDS: &[&str] = &[
    "id", "date", "partners", "sectors", "kind", "title", "summary", "sources",
];

/// A change that makes an event invalid: given the events and the index of the one to change,
/// it changes that event; it returns false where it does not apply (it needs an earlier event).
type Mutate = fn(&mut [Value], usize) -> bool;

/// A mutation and its name, for the failure message.
type NamedMutation = (String, Box<dyn Fn(&mut [Value], usize) -> bool>);

/// Sets the value at a JSON pointer in event `i`, adding the last key of the path if missing.
fn set(events: &mut [Value], i: usize, pointer: &str, value: Value) -> bool {
    let (parent, last) = pointer.rsplit_once('/').expect("a JSON pointer");
    let parent = events[i]
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("event #{i} has no {parent}"));
    match parent {
        Value::Object(map) => {
            map.insert(last.to_string(), value);
        }
        Value::Array(items) => items[last.parse::<usize>().expect("an index")] = value,
        other => panic!("event #{i}: {pointer} is inside {other}"),
    }
    true
}

fn remove(events: &mut [Value], i: usize, field: &str) -> bool {
    events[i]
        .as_object_mut()
        .expect("an event is an object")
        .remove(field)
        .is_some()
}

/// Each mutation, named; every one of them makes any shipped event invalid.
fn mutations() -> Vec<NamedMutation> {
    let mut list: Vec<NamedMutation> = Vec::new();
    for field in REQUIRED_FIELDS {
        list.push((
            format!("remove `{field}`"),
            Box::new(move |events: &mut [Value], i: usize| remove(events, i, field)),
        ));
    }
    let fixed: &[(&str, Mutate)] = &[
        // Types changed.
        ("date as a number", |e, i| set(e, i, "/date", json!(2023))),
        ("date as null", |e, i| set(e, i, "/date", Value::Null)),
        ("partners as a string", |e, i| {
            set(e, i, "/partners", json!("IRN"))
        }),
        ("sectors as an object", |e, i| {
            set(e, i, "/sectors", json!({"telecom": true}))
        }),
        ("title as a string", |e, i| {
            set(e, i, "/title", json!("A title"))
        }),
        ("summary as a number", |e, i| {
            set(e, i, "/summary", json!(7))
        }),
        ("sources as an object", |e, i| {
            let first = e[i]["sources"][0].clone();
            set(e, i, "/sources", first)
        }),
        ("kind as a number", |e, i| set(e, i, "/kind", json!(3))),
        ("id as a number", |e, i| set(e, i, "/id", json!(42))),
        ("related as a string", |e, i| {
            set(e, i, "/related", json!("2012-03-22-coup"))
        }),
        ("note as a string", |e, i| {
            set(e, i, "/note", json!("a note"))
        }),
        ("end_date as a number", |e, i| {
            set(e, i, "/end_date", json!(20240101))
        }),
        ("event as null", |e, i| {
            e[i] = Value::Null;
            true
        }),
        ("event as a string", |e, i| {
            e[i] = json!("2023-07-19-iran-digital-training");
            true
        }),
        ("event as an array", |e, i| {
            let event = e[i].clone();
            e[i] = json!([event]);
            true
        }),
        ("event as an empty object", |e, i| {
            e[i] = json!({});
            true
        }),
        // Strings garbled.
        ("date 2023-02-30", |e, i| {
            set(e, i, "/date", json!("2023-02-30"))
        }),
        ("date 2023-13", |e, i| set(e, i, "/date", json!("2023-13"))),
        ("date 1899", |e, i| set(e, i, "/date", json!("1899"))),
        ("date 19-07-2023", |e, i| {
            set(e, i, "/date", json!("19-07-2023"))
        }),
        ("date empty", |e, i| set(e, i, "/date", json!(""))),
        ("end_date before date", |e, i| {
            set(e, i, "/date", json!("2020-05-10"));
            set(e, i, "/end_date", json!("2020-05-09"))
        }),
        ("partner code ???", |e, i| {
            set(e, i, "/partners/0", json!("???"))
        }),
        ("partner code lower-case", |e, i| {
            set(e, i, "/partners/0", json!("irn"))
        }),
        ("partner unknown", |e, i| {
            set(e, i, "/partners/0", json!("ZZZZ"))
        }),
        ("partners empty", |e, i| set(e, i, "/partners", json!([]))),
        ("sector unknown", |e, i| {
            set(e, i, "/sectors/0", json!("no-such-sector"))
        }),
        ("sectors empty", |e, i| set(e, i, "/sectors", json!([]))),
        ("source url javascript:", |e, i| {
            set(e, i, "/sources/0/url", json!("javascript:alert(1)"))
        }),
        ("source url http://", |e, i| {
            set(e, i, "/sources/0/url", json!("http://example.org/a"))
        }),
        ("source url with a space", |e, i| {
            set(e, i, "/sources/0/url", json!("https://example.org/a b"))
        }),
        ("source url bare https://", |e, i| {
            set(e, i, "/sources/0/url", json!("https://"))
        }),
        ("source publisher blank", |e, i| {
            set(e, i, "/sources/0/publisher", json!("  "))
        }),
        ("source with an unknown field", |e, i| {
            set(e, i, "/sources/0/onclick", json!("alert(1)"))
        }),
        ("sources empty", |e, i| set(e, i, "/sources", json!([]))),
        ("kind coup", |e, i| set(e, i, "/kind", json!("coup"))),
        ("kind upper-case", |e, i| set(e, i, "/kind", json!("Visit"))),
        ("id with spaces", |e, i| {
            set(e, i, "/id", json!("2023 07 19 with spaces"))
        }),
        ("id upper-case", |e, i| {
            set(e, i, "/id", json!("2023-Bad-Id"))
        }),
        ("id empty", |e, i| set(e, i, "/id", json!(""))),
        ("id with a double hyphen", |e, i| {
            set(e, i, "/id", json!("a--b"))
        }),
        ("id of 121 characters", |e, i| {
            set(e, i, "/id", json!("a".repeat(121)))
        }),
        ("title.en blank", |e, i| {
            set(e, i, "/title/en", json!(" \n "))
        }),
        ("summary.fr empty", |e, i| {
            set(e, i, "/summary/fr", json!(""))
        }),
        ("title with an extra language", |e, i| {
            set(e, i, "/title/de", json!("Titel"))
        }),
        ("note.fr empty", |e, i| {
            set(e, i, "/note", json!({"en": "A note", "fr": ""}))
        }),
        ("unknown field", |e, i| {
            set(e, i, "/onload", json!("alert(1)"))
        }),
        // Clashes with an earlier event.
        ("id of the previous event", |e, i| {
            if i == 0 {
                return false;
            }
            let id = e[i - 1]["id"].clone();
            set(e, i, "/id", id)
        }),
        ("content of the previous event", |e, i| {
            if i == 0 {
                return false;
            }
            let previous = e[i - 1].clone();
            let id = e[i]["id"].clone();
            e[i] = previous;
            set(e, i, "/id", id)
        }),
    ];
    for &(name, mutate) in fixed {
        list.push((name.to_string(), Box::new(mutate)));
    }
    list
}

/// Loads the file with the events at `changed` mutated and checks that exactly those events
/// are left out, each with a rejecting problem that names it by its index in the file.
fn check_mutated(file: &Value, changed: &[usize], what: &str) {
    let ids = file_ids();
    let text = serde_json::to_string_pretty(file).unwrap();
    let data = load(&text).unwrap_or_else(|e| panic!("{what}: fatal error {e}"));
    assert_eq!(
        load_bytes(text.as_bytes()).as_ref(),
        Ok(&data),
        "{what}: from bytes"
    );
    assert_eq!(stepped(&text, 16).as_ref(), Ok(&data), "{what}: in steps");
    // What the unmutated file loads, less the (original ids of the) mutated events.
    let mutated_ids: BTreeSet<String> = changed.iter().map(|&i| ids[i].clone()).collect();
    let expected: BTreeSet<String> = shipped_ids().difference(&mutated_ids).cloned().collect();
    let loaded = loaded_ids(&data);
    assert_eq!(
        data.events.len(),
        shipped_ids().len() - changed.len(),
        "{what}: number of events loaded"
    );
    let missing: Vec<&String> = expected.difference(&loaded).collect();
    let extra: Vec<&String> = loaded.difference(&expected).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{what}: untouched events missing {missing:?}, mutated events loaded {extra:?}"
    );
    let events = events_of(file);
    for &index in changed {
        let problems: Vec<_> = data
            .problems
            .iter()
            .filter(|p| matches!(p.subject, Subject::Event { index: i, .. } if i == index))
            .collect();
        assert!(
            problems.iter().any(|p| p.rejected),
            "{what}: no rejecting problem names event #{index}; problems: {:?}",
            data.problems
        );
        // Where the mutated event still has a readable id, the problem carries it.
        let readable = events[index]
            .get("id")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty() && s.len() <= 120);
        for problem in problems {
            if let Subject::Event { id, .. } = &problem.subject {
                assert_eq!(id.as_deref(), readable, "{what}: {problem}");
            }
            assert!(!problem.field.is_empty(), "{what}: {problem}");
            assert!(!problem.message.is_empty(), "{what}: {problem}");
        }
    }
    // The only other problems are dangling links to the events left out, which drop a link
    // and not an event.
    for problem in &data.problems {
        let Subject::Event { index, .. } = problem.subject else {
            panic!("{what}: unexpected problem {problem}");
        };
        assert!(
            changed.contains(&index) || (!problem.rejected && problem.field.starts_with("related")),
            "{what}: unexpected problem {problem}"
        );
    }
}

// Guards against: the one-pass reading of a file with no fault and the event-by-event reading
// disagreeing on any event, problem or order.
#[test]
fn the_fast_and_the_event_by_event_paths_load_the_shipped_file_alike() {
    let text = shipped_text();
    let fast = load(text).unwrap();
    assert!(fast.problems.is_empty(), "{:?}", fast.problems);
    assert_eq!(load_event_by_event(text).unwrap(), fast);
    assert_eq!(load_bytes(text.as_bytes()).unwrap(), fast);
    for count in [1, 2, 100, 10_000] {
        assert_eq!(stepped(text, count).unwrap(), fast, "{count} per step");
    }
    // A well-formed file is read in steps, not handed to the one-pass load.
    let mut steps = SteppedLoad::new(text.as_bytes());
    assert!(steps.reading_events());
    assert!(
        steps.step(fast.events.len()).is_none(),
        "every event read, not yet the end"
    );
    assert!(steps.reading_events());
    assert!(
        steps.step(1).is_none(),
        "the end read; the links and the order come next"
    );
    assert!(
        steps.step(1).is_none(),
        "the links checked; the order comes next"
    );
    assert!(steps.step(1) == Some(Ok(fast)), "the dataset");
}

// Guards against: the load in steps accepting what the event-by-event load does not, or giving
// another dataset or error, or one that depends on the size of the steps, for files laid out
// otherwise: fields in another order or repeated, the events first or alone, extra fields, text
// after the end.
#[test]
fn the_load_in_steps_gives_what_the_event_by_event_load_gives() {
    let file = shipped_value();
    let get = |key: &str| serde_json::to_string(&file[key]).unwrap();
    let (version, partners, sectors, events) = (
        get("version"),
        get("partners"),
        get("sectors"),
        get("events"),
    );
    let texts = [
        format!(r#"{{"events":{events},"sectors":{sectors},"partners":{partners},"version":{version}}}"#),
        format!(r#"{{"version":{version},"partners":{partners},"extra":[1,{{"a":"]"}}],"sectors":{sectors},"events":{events},"updated":"2026-01-02"}}"#),
        format!(r#"{{"version":{version},"partners":{partners},"sectors":{sectors},"events":{events},"version":2}}"#),
        format!(r#"{{"version":{version},"partners":{partners},"sectors":{sectors},"events":{events},"events":[]}}"#),
        format!(r#"{{"version":{version},"partners":{partners},"sectors":{sectors},"events":{events}}} x"#),
        format!(r#"{{"version":{version},"partners":{partners},"sectors":{sectors},"events":[]}}"#),
        format!(r#"{{"version":{version},"partners":{partners},"sectors":{sectors},"events":[,]}}"#),
        format!(r#"{{"version":{version},"partners":{partners},"sectors":{sectors},"events":{events},}}"#),
        format!(r#"{{"version":{version},"partners":{partners},"sectors":{sectors}}}"#),
        format!(r#"{{"version":{version},"partners":null,"sectors":{sectors},"events":{events}}}"#),
        format!(" \n{{ \"version\" : {version} , \"partners\" : {partners} , \"sectors\" : {sectors} , \"events\" : {events} }}\n "),
        format!("{{\"version\":{version},\"partners\":{partners},\"sectors\":{sectors},\"events\":{events}}}\u{c}"),
    ];
    let mut stepped_own_way = 0;
    for (i, text) in texts.iter().enumerate() {
        let expected = load_event_by_event(text);
        assert_eq!(load(text), expected, "text #{i}, in one go");
        for count in [1, 3, 1000] {
            assert_eq!(
                stepped(text, count),
                expected,
                "text #{i}, {count} per step"
            );
        }
        stepped_own_way += usize::from(expected.as_ref().is_ok_and(|d| d.events.len() > 100));
    }
    assert!(stepped_own_way >= 3, "{stepped_own_way} texts loaded whole");
}

// Guards against: bytes that are not UTF-8 failing the whole file. Like a browser decoding the
// file as text, an invalid sequence becomes U+FFFD and the event is kept.
#[test]
fn invalid_utf8_in_a_title_is_replaced_not_fatal() {
    let file = shipped_value();
    let first_id = events_of(file)[0]["id"].as_str().unwrap().to_string();
    let text = serde_json::to_string(file).unwrap();
    let title = events_of(file)[0]["title"]["en"].as_str().unwrap();
    let quoted = serde_json::to_string(title).unwrap();
    let at = text.find(&quoted).expect("the title is in the file") + 1;
    let mut bytes = text.into_bytes();
    bytes.insert(at, 0xFF);
    let data = load_bytes(&bytes).unwrap();
    assert_eq!(data.events.len(), shipped_ids().len());
    let event = data
        .events
        .iter()
        .find(|e| e.id.as_str() == first_id)
        .unwrap();
    assert_eq!(event.title.en, format!("\u{FFFD}{title}"));
    // Read in steps, as the app reads a download, the same.
    for count in [1, 50] {
        let mut steps = SteppedLoad::new(&bytes);
        let in_steps = loop {
            if let Some(result) = steps.step(count) {
                break result.unwrap();
            }
        };
        assert_eq!(in_steps, data, "{count} per step");
    }
}

// Guards against: bytes that are not UTF-8 where nothing is read (the value of an unknown
// top-level field) changing what is loaded: the dataset is the one the decoded text gives.
#[test]
fn invalid_utf8_in_an_unknown_field_changes_nothing() {
    let text = serde_json::to_string(shipped_value()).unwrap();
    let at = text.find('{').unwrap() + 1;
    let mut bytes = text.as_bytes()[..at].to_vec();
    bytes.extend_from_slice(b"\"note\": \"caf\xE9\", ");
    bytes.extend_from_slice(&text.as_bytes()[at..]);
    assert!(std::str::from_utf8(&bytes).is_err());
    let decoded = load_event_by_event(&String::from_utf8_lossy(&bytes)).unwrap();
    assert_eq!(load_bytes(&bytes).unwrap(), decoded);
    assert_eq!(decoded.events.len(), shipped_ids().len());
}

// Guards against: one malformed event (a missing field, a wrong type, a garbled value, a
// clash with an earlier event) making the whole file fail, hiding other events, or being
// kept anyway, or being left out without a problem that names it.
#[test]
fn each_mutation_of_one_event_leaves_out_only_that_event() {
    let count = events_of(shipped_value()).len();
    let targets = [0, 1, count / 2, count - 1];
    let list = mutations();
    let mut applied = 0;
    // Each mutation at one event, the first, second, middle and last in turn (a load of the
    // whole file per mutation keeps this within a few seconds in a debug build).
    for (k, (name, mutate)) in list.iter().enumerate() {
        for attempt in 0..targets.len() {
            let index = targets[(k + attempt) % targets.len()];
            let mut file = shipped_value().clone();
            if mutate(events_of_mut(&mut file), index) {
                check_mutated(&file, &[index], &format!("{name} at event #{index}"));
                applied += 1;
                break;
            }
        }
    }
    assert_eq!(applied, list.len(), "every mutation applied once");
}

// Guards against: faults in several events interfering with each other (e.g. an index shift
// that blames or drops the wrong event once an earlier one was left out).
#[test]
fn mutating_every_seventh_event_leaves_out_only_those_events() {
    let list = mutations();
    let count = events_of(shipped_value()).len();
    for offset in 0..3 {
        let mut file = shipped_value().clone();
        let mut changed = Vec::new();
        for (n, index) in (0..count).step_by(7).enumerate() {
            // A different mutation for each event; every event gets one that applies.
            let (_, mutate) = &list[(n * 5 + offset * 11) % list.len()];
            let events = events_of_mut(&mut file);
            if mutate(events, index) || list[0].1(events, index) {
                changed.push(index);
            }
        }
        assert!(changed.len() >= count / 7);
        check_mutated(
            &file,
            &changed,
            &format!("every 7th event, mutation offset {offset}"),
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    // Guards against: an arbitrary JSON value standing in for one event (as a bad merge or a
    // hand edit may leave) hiding any of the other events.
    #[test]
    fn a_random_value_in_place_of_one_event_hides_no_other(
        slot in 0.0f64..1.0,
        value in json_value(),
    ) {
        let mut file = shipped_value().clone();
        let events = events_of_mut(&mut file);
        let index = ((slot * events.len() as f64) as usize).min(events.len() - 1);
        events[index] = value;
        let data = load(&serde_json::to_string(&file).unwrap()).expect("the shape is right");
        let ids = file_ids();
        let loaded = loaded_ids(&data);
        for (i, id) in ids.iter().enumerate() {
            if i != index {
                prop_assert!(loaded.contains(id), "event {} was lost", id);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 4. `query::parse` never panics, and printing what it read is stable
// ---------------------------------------------------------------------------------------------

/// Pieces of hostile query strings: separators, escapes (valid, invalid and half), markup,
/// NUL, multi-byte characters and the keys the parser reads.
fn hostile_piece() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "%",
        "&",
        "=",
        ",",
        "+",
        "<",
        ">",
        "\0",
        "?",
        "#",
        ";",
        " ",
        "\t",
        "\n",
        "é",
        "€",
        "𝄞",
        "\u{FFFD}",
        "\u{202E}",
        "\u{200D}",
        "\u{0301}",
        "%00",
        "%0A",
        "%20",
        "%25",
        "%26",
        "%2C",
        "%3D",
        "%2B",
        "%E9",
        "%C3",
        "%A9",
        "%C3%A9",
        "%F0%9D%84%9E",
        "%FF",
        "%zz",
        "%4",
        "%%",
        "partner",
        "sector",
        "kind",
        "q",
        "from",
        "to",
        "sort",
        "lang",
        "%71",
        "IRN",
        "RUS",
        "telecom",
        "visit",
        "asc",
        "fr",
        "2024",
        "2024-13",
        "2024-05",
        "-",
        "<script>",
    ]);
    prop_oneof![
        8 => pieces.prop_map(str::to_string),
        2 => "\\PC{1,6}",
        1 => any::<String>(),
        // A long run of one piece, up to 10 000 characters.
        1 => (prop::sample::select(vec!["A", "%", "é", ",", "&", "=", "%41", "IRN,", "\0"]),
              1usize..=10_000)
            .prop_map(|(piece, n)| {
                let run = piece.repeat(n.div_ceil(piece.chars().count()));
                run.chars().take(n).collect()
            }),
    ]
}

fn hostile_query() -> impl Strategy<Value = String> {
    (
        prop::option::of(Just("?")),
        prop::collection::vec(hostile_piece(), 0..24),
    )
        .prop_map(|(mark, pieces)| format!("{}{}", mark.unwrap_or(""), pieces.concat()))
}

/// The promises `parse` makes about what it returns, whatever it was given.
fn check_parsed(filters: &Filters) -> Result<(), TestCaseError> {
    prop_assert!(filters.q.chars().count() <= MAX_Q_CHARS);
    prop_assert_eq!(filters.q.trim(), filters.q.as_str());
    prop_assert!(!filters.q.chars().any(char::is_control));
    for code in &filters.partners {
        let code = code.as_str();
        prop_assert!(
            (1..=16).contains(&code.len())
                && code
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()),
            "partner {:?}",
            code
        );
    }
    for id in &filters.sectors {
        prop_assert!(
            mali_timeline::domain::dataset::is_slug(id.as_str()),
            "sector {:?}",
            id
        );
    }
    for date in [filters.from, filters.to].into_iter().flatten() {
        prop_assert_ne!(date.precision(), DatePrecision::Day);
    }
    if let (Some(from), Some(to)) = (filters.from, filters.to) {
        prop_assert!(from.first_day() <= to.last_day());
    }
    let printed = filters.to_query();
    for pair in printed.trim_start_matches('?').split('&') {
        let value = pair.split_once('=').map_or("", |(_, v)| v);
        // Each printed value reads back: within the length the parser accepts.
        prop_assert!(value.len() <= MAX_VALUE_CHARS * 12, "{} bytes", value.len());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    // Guards against: a panic in `parse` (slicing inside a multi-byte character, a `%` at the
    // end, overflow in a length count) on whatever is in the address bar.
    #[test]
    fn parse_never_panics_on_arbitrary_text_and_prints_stably(s in any::<String>()) {
        let filters = query::parse(&s);
        check_parsed(&filters)?;
        let printed = filters.to_query();
        prop_assert_eq!(&query::parse(&printed), &filters);
        prop_assert_eq!(query::parse(&printed).to_query(), printed);
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    // Guards against: a shared link that does not read back as the view it was copied from,
    // and panics on escapes, separators, NUL, multi-byte characters and very long values.
    #[test]
    fn parse_never_panics_on_hostile_text_and_prints_stably(s in hostile_query()) {
        let filters = query::parse(&s);
        check_parsed(&filters)?;
        let printed = filters.to_query();
        prop_assert_eq!(&query::parse(&printed), &filters);
        prop_assert_eq!(query::parse(&printed).to_query(), printed);
    }
}

// ---------------------------------------------------------------------------------------------
// 5. Hostile query examples
// ---------------------------------------------------------------------------------------------

fn partners(codes: &[&str]) -> BTreeSet<PartnerCode> {
    codes.iter().map(|c| PartnerCode::from(*c)).collect()
}

fn date(s: &str) -> mali_timeline::domain::FuzzyDate {
    s.parse().unwrap()
}

// Guards against: markup in the address reaching the page other than as text, crafted
// escapes or NUL becoming filters, long values costing time or memory, and repeated keys or
// broken escapes giving surprising filters.
#[test]
fn hostile_queries_give_the_expected_filters() {
    let long_q = "a".repeat(5000);
    let long_partner = "A".repeat(5000);
    let long_escaped = "%41".repeat(5000);
    let cut_q = "b".repeat(MAX_VALUE_CHARS);
    let cases: Vec<(String, Filters, &str)> = vec![
        (
            "?q=<img src=x onerror=alert(1)>".into(),
            Filters {
                q: "<img src=x onerror=alert(1)>".into(),
                ..Filters::default()
            },
            "markup stays literal text in q",
        ),
        (
            "?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E".into(),
            Filters {
                q: "<script>alert(1)</script>".into(),
                ..Filters::default()
            },
            "escaped markup decodes to literal text",
        ),
        (
            "?partner=%00,<script>".into(),
            Filters::default(),
            "NUL and markup are no partner",
        ),
        (
            "?partner=IRN%00,RUS".into(),
            Filters {
                partners: partners(&["RUS"]),
                ..Filters::default()
            },
            "a code with a NUL is dropped, the rest stays",
        ),
        (
            "?sector=telecom%00&kind=visit%00".into(),
            Filters::default(),
            "NUL in a sector or kind",
        ),
        (
            format!("?q={long_q}&kind=visit"),
            Filters {
                kinds: [EventKind::Visit].into(),
                ..Filters::default()
            },
            "a 5000-character q is ignored, the rest applies",
        ),
        (
            format!("?partner={long_partner}"),
            Filters::default(),
            "a 5000-character partner is ignored",
        ),
        (
            format!("?q={long_escaped}"),
            Filters::default(),
            "a 5000-character escaped q is ignored",
        ),
        (
            format!("?q={cut_q}"),
            Filters {
                q: "b".repeat(MAX_Q_CHARS),
                ..Filters::default()
            },
            "a 1000-character q is cut",
        ),
        (
            "?q=first&q=second".into(),
            Filters {
                q: "second".into(),
                ..Filters::default()
            },
            "repeated q: the last wins",
        ),
        (
            "?partner=IRN&partner=RUS,IRN&partner=".into(),
            Filters {
                partners: partners(&["IRN", "RUS"]),
                ..Filters::default()
            },
            "repeated partner: merged",
        ),
        (
            "?from=2020&from=2021-03&to=2022&to=2023-13".into(),
            Filters {
                from: Some(date("2021-03")),
                to: Some(date("2022")),
                ..Filters::default()
            },
            "repeated from: the last valid wins",
        ),
        (
            "?sort=asc&sort=sideways&lang=fr&lang=xx".into(),
            Filters {
                sort: SortOrder::Asc,
                lang: Some(mali_timeline::domain::Lang::Fr),
                ..Filters::default()
            },
            "an invalid repeat does not undo a valid value",
        ),
        (
            "?q=%zz".into(),
            Filters {
                q: "%zz".into(),
                ..Filters::default()
            },
            "an invalid escape stays as it is",
        ),
        (
            "?q=%E9".into(),
            Filters {
                q: "\u{FFFD}".into(),
                ..Filters::default()
            },
            "a lone Latin-1 byte becomes U+FFFD",
        ),
        (
            "?q=caf%C3%A9%".into(),
            Filters {
                q: "café%".into(),
                ..Filters::default()
            },
            "UTF-8 escapes decode; a trailing % stays",
        ),
        (
            "?q=%4".into(),
            Filters {
                q: "%4".into(),
                ..Filters::default()
            },
            "a half escape stays",
        ),
        (
            "?q=a%26partner%3DIRN".into(),
            Filters {
                q: "a&partner=IRN".into(),
                ..Filters::default()
            },
            "escaped separators do not split",
        ),
        (
            "?q=%0A%09x%00y%0D".into(),
            Filters {
                q: "x y".into(),
                ..Filters::default()
            },
            "control characters become spaces and are trimmed",
        ),
        (
            "?from=2024-13".into(),
            Filters::default(),
            "from=2024-13 is dropped",
        ),
        (
            "?from=2024-13&to=2025".into(),
            Filters {
                to: Some(date("2025")),
                ..Filters::default()
            },
            "a bad from does not drop a good to",
        ),
        (
            "?%70artner=IRN&kind=%76isit".into(),
            Filters {
                partners: partners(&["IRN"]),
                kinds: [EventKind::Visit].into(),
                ..Filters::default()
            },
            "escaped keys and values decode",
        ),
        (
            "?sector=%E9nergie,telecom".into(),
            Filters {
                sectors: [SectorId::from("telecom")].into(),
                ..Filters::default()
            },
            "a sector with a broken escape is dropped",
        ),
        ("&&&=&==&?&%".into(), Filters::default(), "only separators"),
    ];
    for (input, expected, reason) in cases {
        let filters = query::parse(&input);
        let shown: String = input.chars().take(80).collect();
        assert_eq!(filters, expected, "{reason}: {shown}");
        assert_eq!(
            query::parse(&filters.to_query()),
            filters,
            "{reason}: prints stably"
        );
    }
    // Printed markup is escaped, so the query string itself carries no `<`.
    let printed = query::parse("?q=<img src=x onerror=alert(1)>").to_query();
    assert!(
        !printed.contains('<') && !printed.contains('>') && !printed.contains(' '),
        "{printed}"
    );
}

// ---------------------------------------------------------------------------------------------
// 6. Fatal file errors
// ---------------------------------------------------------------------------------------------

// Guards against: an empty, non-JSON or wrongly shaped file being reported as the wrong kind
// of error (or as an empty dataset), and a syntax error pointing at the wrong place.
#[test]
fn fatal_file_errors_are_the_right_load_error() {
    for text in ["", " ", "\n\t  \r\n"] {
        assert_eq!(load(text), Err(LoadError::Empty), "{text:?}");
    }

    for (text, line, column) in [
        ("{", 1, 1),
        ("not json", 1, 2),
        ("{\n  \"version\": 1,\n  \"partners\": [,]\n}", 3, 16),
        ("{\n  \"version\": x\n}", 2, 14),
        (
            "{\"version\": 1, \"partners\": [], \"sectors\": [], \"events\": []} x",
            1,
            61,
        ),
    ] {
        match load(text) {
            Err(LoadError::Syntax {
                line: l,
                column: c,
                message,
            }) => {
                assert_eq!((l, c), (line, column), "{text:?}: {message}");
                assert!(!message.is_empty(), "{text:?}");
                assert!(
                    !message.contains(" at line "),
                    "{text:?}: the position is not repeated in the message: {message}"
                );
            }
            other => panic!("{text:?}: expected a syntax error, got {other:?}"),
        }
    }

    for text in [
        "[]",
        "{\"version\":1}",
        "null",
        "42",
        "\"events\"",
        "{\"version\": -1, \"partners\": [], \"sectors\": [], \"events\": []}",
        "{\"version\": 1, \"partners\": {}, \"sectors\": [], \"events\": []}",
        "{\"version\": 1, \"partners\": [], \"sectors\": [], \"events\": {}}",
        "{\"version\": 1, \"partners\": [], \"sectors\": [], \"events\": null}",
    ] {
        match load(text) {
            Err(LoadError::Shape(message)) => {
                assert!(!message.is_empty(), "{text:?}");
                assert!(!message.contains(" at line "), "{text:?}: {message}");
            }
            other => panic!("{text:?}: expected a shape error, got {other:?}"),
        }
    }

    // Nesting far beyond what serde_json accepts is an error, not a stack overflow.
    let deep = format!("{{\"x\": {}", "[".repeat(100_000));
    assert!(
        matches!(load(&deep), Err(LoadError::Syntax { .. })),
        "deep nesting"
    );
    assert!(
        load(&"[".repeat(100_000)).is_err(),
        "deep nesting at the top"
    );
    assert!(load(&"{\"a\":".repeat(100_000)).is_err(), "deep objects");
    let deep_event = format!(
        "{{\"version\": 1, \"partners\": [], \"sectors\": [], \"events\": [{}1{}]}}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    // Deep nesting inside one event leaves that event out, with a problem that says why.
    match load(&deep_event) {
        Err(_) => {}
        Ok(dataset) => {
            assert!(dataset.events.is_empty(), "deep nesting inside an event");
            assert_eq!(
                dataset.rejected().count(),
                1,
                "deep nesting inside an event"
            );
        }
    }
}

// Guards against: a file that IS valid JSON being reported as "not valid JSON" with a line and
// column. serde_json classifies some type errors (an enum given as null, a number or an array)
// as syntax errors when it deserializes straight from text, and `load` maps the category as is.
#[test]
fn valid_json_with_a_wrong_type_is_a_shape_error_not_a_syntax_error() {
    let name = r#""name": {"en": "Iran", "fr": "Iran"}"#;
    for kind in ["null", "3", "[]", "true"] {
        let text = format!(
            r#"{{"version": 1, "partners": [{{"code": "IRN", "kind": {kind}, {name}}}],
                "sectors": [], "events": []}}"#
        );
        serde_json::from_str::<Value>(&text).expect("the file is valid JSON");
        match load(&text) {
            Err(LoadError::Shape(_)) => {}
            other => panic!("partner kind {kind}: expected a shape error, got {other:?}"),
        }
    }
}

// Guards against: the loader accepting what the published schema (public/data/schema.json)
// refuses. serde lets a struct be read from a JSON array of its fields in order, so
// `"title": ["A title", "Un titre"]` or a source written as an array loads as valid.
#[test]
fn struct_fields_written_as_arrays_are_rejected() {
    let cases: &[(&str, Mutate)] = &[
        ("title as [en, fr]", |e, i| {
            set(e, i, "/title", json!(["A title", "Un titre"]))
        }),
        ("summary as [en, fr]", |e, i| {
            set(e, i, "/summary", json!(["en", "fr"]))
        }),
        ("source as an array", |e, i| {
            set(
                e,
                i,
                "/sources/0",
                json!(["https://example.org/a", "Publisher", null, "fr"]),
            )
        }),
    ];
    let count = events_of(shipped_value()).len();
    for (name, mutate) in cases {
        let mut file = shipped_value().clone();
        mutate(events_of_mut(&mut file), count / 2);
        check_mutated(&file, &[count / 2], name);
    }
}

// Guards against: the minimal well-formed file being treated as an error.
#[test]
fn an_empty_but_well_formed_file_loads_with_no_events() {
    let data =
        load("{\"version\": 1, \"partners\": [], \"sectors\": [], \"events\": []}").expect("loads");
    assert!(data.events.is_empty());
    assert!(data.problems.is_empty());
}

proptest! {
    // Guards against: the byte-by-byte check of an ASCII address disagreeing with the
    // character-by-character one (a control or white-space character let through into a link).
    #[test]
    fn linkable_urls_are_judged_the_same_byte_by_byte(
        url in "(https?://|HTTPS://| https://)?[ -~\t\n\r\x0b\x0c\x00\x1f\x7f\u{85}\u{a0}\u{2028}\u{3000}é]{0,24}"
    ) {
        let start = url.trim_start().to_ascii_lowercase();
        let expected = (start.starts_with("https://") || start.starts_with("http://"))
            && url.len() > "https://".len()
            && !url.chars().any(|c| c.is_control() || c.is_whitespace());
        prop_assert_eq!(is_linkable_url(&url), expected, "{:?}", url);
    }
}

// Guards against: two events with the same date, partners (in any order) and English title (in
// any case, ASCII or not) both being kept, and against events left in file order.
#[test]
fn repeated_events_are_found_in_any_case_and_events_are_sorted() {
    let mut file = shipped_value().clone();
    let events = events_of_mut(&mut file);
    let count = events.len();
    let mut twins = Vec::new();
    let mut extra = Vec::new();
    for (title, twin_title) in [
        ("Éclat à Bamako", "éCLAT À bamako  "),
        ("Plain title", "PLAIN TITLE"),
    ] {
        let mut first = events[0].clone();
        first["id"] = json!(format!("first-{}", twins.len()));
        first["title"]["en"] = json!(title);
        first["partners"] = json!(["FRA", "RUS"]);
        first["date"] = json!("2025-01-01");
        let mut twin = first.clone();
        twin["id"] = json!(format!("twin-{}", twins.len()));
        twin["title"]["en"] = json!(twin_title);
        twin["partners"] = json!(["RUS", "FRA"]);
        twins.push(twin["id"].as_str().unwrap().to_string());
        extra.push(first);
        extra.push(twin);
    }
    // A different title is not a repeat.
    let mut other = events[0].clone();
    other["id"] = json!("other-title");
    other["title"]["en"] = json!("Éclat à Gao");
    extra.push(other);
    // First in the file, though dated later than most.
    events.splice(0..0, extra);
    let data = load(&serde_json::to_string(&file).unwrap()).expect("loads");
    let ids = loaded_ids(&data);
    for twin in &twins {
        assert!(!ids.contains(twin), "{twin} is a repeat");
        assert!(data
            .problems
            .iter()
            .any(|p| matches!(&p.subject, Subject::Event { id: Some(id), .. } if id == twin)));
    }
    assert!(ids.contains("first-0") && ids.contains("first-1") && ids.contains("other-title"));
    assert_eq!(data.events.len(), count + 3);
    for pair in data.events.windows(2) {
        assert!(
            (pair[0].date, &pair[0].id) < (pair[1].date, &pair[1].id),
            "{} before {}",
            pair[0].id,
            pair[1].id
        );
    }
}

proptest! {
    // Guards against: dates sorted by their number in another order than by the dates.
    #[test]
    fn dates_and_their_order_numbers_sort_alike(a in "[0-9]{4}(-(0[1-9]|1[0-2])(-[0-2][1-9])?)?", b in "[0-9]{4}(-(0[1-9]|1[0-2])(-[0-2][1-9])?)?") {
        let (Ok(x), Ok(y)) = (a.parse::<mali_timeline::domain::FuzzyDate>(), b.parse::<mali_timeline::domain::FuzzyDate>()) else {
            return Ok(());
        };
        prop_assert_eq!(x.cmp(&y), x.order_number().cmp(&y.order_number()), "{} {}", a, b);
    }
}
