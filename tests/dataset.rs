//! The shipped dataset is valid, and the validator catches each kind of error in it.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::path::Path;

use mali_timeline::domain::{load, Dataset, Subject};

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

fn shipped() -> Dataset {
    load(&read("public/data/events.json")).expect("the shipped dataset loads")
}

#[test]
fn shipped_dataset_has_no_problem_at_all() {
    let data = shipped();
    let problems: Vec<String> = data.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        problems.is_empty(),
        "problems in public/data/events.json:\n{}",
        problems.join("\n")
    );
}

#[test]
fn shipped_dataset_is_big_and_broad_enough() {
    let data = shipped();
    assert!(data.events.len() >= 250, "{} events", data.events.len());
    assert!(
        data.partners.len() >= 20,
        "{} partners",
        data.partners.len()
    );
    let since_2020 = data
        .events
        .iter()
        .filter(|e| e.date.year_number() >= 2020)
        .count();
    assert!(
        since_2020 * 2 > data.events.len(),
        "most events are from 2020 on"
    );
    assert!(data.events.iter().any(|e| e.date.year_number() == 2012));
    let used: HashSet<&str> = data
        .events
        .iter()
        .flat_map(|e| e.sectors.iter().map(|s| s.as_str()))
        .collect();
    for sector in &data.sectors {
        assert!(
            used.contains(sector.id.as_str()),
            "sector {} unused",
            sector.id
        );
    }
}

#[test]
fn the_seed_event_is_there_as_the_article_tells_it() {
    let data = shipped();
    let seed = data
        .event("2023-07-19-iran-digital-training")
        .expect("seed event");
    assert_eq!(seed.date.to_string(), "2023-07-19");
    assert_eq!(seed.partners.len(), 1);
    assert_eq!(seed.partners[0].as_str(), "IRN");
    let text = format!("{} {}", seed.summary.en, seed.summary.fr);
    for needle in ["Alhamdou Ag Ilyène", "Taleshi", "5G"] {
        assert!(text.contains(needle), "seed summary mentions {needle}");
    }
    assert!(!seed.sources.is_empty());
}

#[test]
fn events_come_in_date_order() {
    let data = shipped();
    for pair in data.events.windows(2) {
        assert!(
            pair[0].date <= pair[1].date,
            "{} > {}",
            pair[0].id,
            pair[1].id
        );
    }
}

/// Each fixture holds one good event and one with a single kind of fault.
#[test]
fn each_kind_of_fault_is_reported_with_the_event_and_field() {
    // (fixture, field reported, whether the faulty event is left out)
    let cases: &[(&str, &str, bool)] = &[
        ("missing-field", "(event)", true),
        ("wrong-type", "partners", true),
        ("impossible-date", "date", true),
        ("end-before-date", "end_date", true),
        ("unknown-partner", "partners[0]", true),
        ("unknown-sector", "sectors[0]", true),
        ("no-partner", "partners", true),
        ("bad-slug", "id", true),
        ("duplicate-id", "id", true),
        ("not-https-source", "sources[0].url", true),
        ("javascript-source", "sources[0].url", true),
        ("no-source", "sources", true),
        ("empty-french", "summary.fr", true),
        ("unknown-kind", "kind", true),
        ("related-missing", "related[0]", false),
        ("related-self", "related[0]", false),
        ("duplicate-content", "title", true),
        ("added-not-a-day", "added", true),
        ("alias-not-a-slug", "aliases[0]", true),
        ("alias-taken", "aliases[0]", false),
    ];
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let on_disk = std::fs::read_dir(&fixtures).unwrap().count();
    assert_eq!(on_disk, cases.len(), "every fixture has a case");

    for (name, field, rejected) in cases {
        let data = load(&read(&format!("tests/fixtures/invalid/{name}.json")))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            data.event("2022-01-31-good-event").is_some(),
            "{name}: the good event still loads"
        );
        assert_eq!(data.problems.len(), 1, "{name}: {:?}", data.problems);
        let problem = &data.problems[0];
        assert_eq!(problem.field, *field, "{name}: {problem}");
        assert_eq!(problem.rejected, *rejected, "{name}: {problem}");
        assert!(
            matches!(problem.subject, Subject::Event { .. }),
            "{name}: names an event"
        );
        let expected_events = if *rejected { 1 } else { 2 };
        assert_eq!(data.events.len(), expected_events, "{name}");
    }
}

#[test]
fn an_alias_opens_its_event_and_a_taken_one_is_dropped() {
    let text = read("tests/fixtures/invalid/alias-taken.json").replace(
        "\"2022-01-31-good-event\"\n   ]",
        "\"2023-07-19-old-name\"\n   ]",
    );
    let data = load(&text).unwrap();
    assert!(data.problems.is_empty(), "{:?}", data.problems);
    let renamed = data
        .event_or_alias("2023-07-19-old-name")
        .expect("the alias opens it");
    assert_eq!(renamed.id.as_str(), "2023-07-19-bad-event");
    assert!(data.event("2023-07-19-old-name").is_none());
    assert!(data.event_or_alias("2023-07-19-no-such-event").is_none());

    // An alias that is another event's id keeps that id for its own event.
    let taken = load(&read("tests/fixtures/invalid/alias-taken.json")).unwrap();
    let event = taken.event_or_alias("2022-01-31-good-event").unwrap();
    assert_eq!(event.id.as_str(), "2022-01-31-good-event");
    assert!(taken
        .event("2023-07-19-bad-event")
        .unwrap()
        .aliases
        .is_empty());
}

#[test]
fn the_small_valid_fixture_has_no_problem() {
    let data = load(&read("tests/fixtures/valid-small.json")).unwrap();
    assert!(data.problems.is_empty(), "{:?}", data.problems);
    assert_eq!(data.events.len(), 2);
}

#[test]
fn every_shipped_event_is_sourced_bilingual_and_dated_as_added() {
    let data = shipped();
    for event in &data.events {
        assert!(
            event.sources.iter().any(|s| s.url.starts_with("https://")),
            "{} has no https source",
            event.id
        );
        assert!(
            !event.title.fr.trim().is_empty() && !event.summary.fr.trim().is_empty(),
            "{} has no French text",
            event.id
        );
        let added = event
            .added
            .unwrap_or_else(|| panic!("{} has no `added` date", event.id));
        assert!(
            added.to_string().len() == 10,
            "{}: `added` {added} is a day",
            event.id
        );
        assert!(
            data.updated.is_some_and(|updated| added <= updated),
            "{}: added {added} after the dataset's `updated`",
            event.id
        );
    }
}

#[test]
fn shipped_eras_are_named_dated_and_sourced() {
    let data = shipped();
    assert!(data.eras.len() >= 8, "{} eras", data.eras.len());
    for era in &data.eras {
        assert!(
            era.sources.iter().any(|s| s.url.starts_with("https://")),
            "era {} has no https source",
            era.id
        );
        assert!(!era.label.en.trim().is_empty() && !era.label.fr.trim().is_empty());
    }
    let serval = data
        .eras
        .iter()
        .find(|e| e.id.as_str() == "operation-serval")
        .expect("Operation Serval is an era");
    assert_eq!(serval.start.to_string(), "2013-01-11");
}

/// A file with one good era and three faulty ones: the good one loads, each fault is named
/// with its era and field, and every event still loads.
#[test]
fn a_faulty_era_is_left_out_and_named() {
    let mut file: serde_json::Value =
        serde_json::from_str(&read("tests/fixtures/valid-small.json")).unwrap();
    let source =
        serde_json::json!([{"url": "https://example.org/a", "publisher": "P", "lang": "en"}]);
    let label = serde_json::json!({"en": "A period", "fr": "Une période"});
    file["eras"] = serde_json::json!([
        {"id": "good-era", "start": "2013-01-11", "end": "2014-07", "label": label, "sources": source},
        {"id": "no-source", "start": "2013", "label": label, "sources": []},
        {"id": "backwards", "start": "2020-05", "end": "2019", "label": label, "sources": source},
        {"id": "wrong-shape", "start": 2013, "label": label, "sources": source},
    ]);
    let text = serde_json::to_string(&file).unwrap();
    let data = load(&text).unwrap();
    assert_eq!(data.events.len(), 2, "every event still loads");
    let ids: Vec<&str> = data.eras.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["good-era"]);
    let named: Vec<String> = data.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(named.len(), 3, "{named:?}");
    assert!(
        named[0].starts_with("era `no-source`, field `sources`"),
        "{named:?}"
    );
    assert!(
        named[1].starts_with("era `backwards`, field `end`"),
        "{named:?}"
    );
    assert!(
        named[2].starts_with("era `wrong-shape`, field `era`"),
        "{named:?}"
    );
    assert!(data
        .problems
        .iter()
        .all(|p| matches!(p.subject, Subject::Era { .. }) && p.rejected));
    // The lenient reader, used for a file with a fault, agrees with the typed one.
    assert_eq!(
        mali_timeline::domain::load_event_by_event(&text).unwrap(),
        data
    );
}
