//! The whole dataset as a Frictionless Data Package (<https://specs.frictionlessdata.io/>):
//! `datapackage.json`, which describes each table with its Table Schema, and the tables as CSV
//! (RFC 4180, UTF-8): `events.csv` (the columns of [`super::export::csv`]), `sources.csv`,
//! `partners.csv`, `sectors.csv` and `eras.csv`.
//!
//! Dates are known to the day, the month or the year, and a Table Schema `date`, `yearmonth`
//! or `year` field holds only one of these forms, so a date is a string of the dataset's own
//! form with a pattern, beside a field that names its precision (docs/decisions/0018).

mod tables;

use serde_json::{json, Value};

use super::page::Site;
use super::Dataset;
use tables::Resource;

/// The package's name: lower-case, with `-` only.
pub const NAME: &str = "mali-timeline";

/// The file that describes the package.
pub const DESCRIPTOR: &str = "datapackage.json";

/// The files of the package, `(file name, content)`: `datapackage.json` first, then each table
/// it names.
pub fn data_package(dataset: &Dataset, site: &Site) -> Vec<(String, String)> {
    let resources = [
        tables::events(dataset, site),
        tables::sources(dataset),
        tables::partners(dataset),
        tables::sectors(dataset),
        tables::eras(dataset),
    ];
    let mut descriptor = json!({
        "profile": "tabular-data-package",
        "name": NAME,
        "title": "Mali's partnerships and ruptures",
        "description": "Mali's international partnerships and ruptures since 2012: dated events (agreements, visits, deliveries, withdrawals, ruptures, sanctions) with the partners, sectors and eras they belong to, each event titled and summarised in English and French and stated by at least one cited source.",
        "version": dataset.version.to_string(),
        "homepage": site.url("/"),
        "keywords": ["Mali", "international relations", "diplomacy", "Sahel", "timeline"],
        "licenses": [{
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0 International",
        }],
        "sources": [{ "title": "Publishers cited for each event, see sources.csv" }],
        "resources": resources.iter().map(describe).collect::<Vec<_>>(),
    });
    if let Some(updated) = dataset.updated {
        descriptor["created"] = json!(format!("{}T00:00:00Z", updated.first_day()));
        descriptor["updated"] = json!(updated.to_string());
    }
    let mut text = serde_json::to_string_pretty(&descriptor).unwrap_or_default();
    text.push('\n');
    std::iter::once((DESCRIPTOR.to_string(), text))
        .chain(
            resources
                .into_iter()
                .map(|resource| (resource.path.to_string(), resource.text)),
        )
        .collect()
}

/// A table's entry in `datapackage.json`.
fn describe(resource: &Resource) -> Value {
    json!({
        "profile": "tabular-data-resource",
        "name": resource.name,
        "path": resource.path,
        "description": resource.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": resource.text.len(),
        "schema": resource.schema,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::collections::{HashMap, HashSet};

    use super::*;
    use crate::domain::testing::{parse_csv, shipped, site};

    /// The package's files, its descriptor parsed, and each table's records by path.
    fn package() -> (Dataset, Value, HashMap<String, Vec<Vec<String>>>) {
        let data = shipped();
        let files = data_package(&data, &site());
        assert_eq!(files[0].0, DESCRIPTOR);
        let descriptor: Value = serde_json::from_str(&files[0].1).unwrap();
        let tables = files[1..]
            .iter()
            .map(|(path, text)| (path.clone(), parse_csv(text)))
            .collect();
        (data, descriptor, tables)
    }

    fn resources(descriptor: &Value) -> &Vec<Value> {
        descriptor["resources"].as_array().unwrap()
    }

    /// The values of one column of a table, by its name in the header.
    fn column<'a>(table: &'a [Vec<String>], name: &str) -> Vec<&'a str> {
        let at = table[0].iter().position(|h| h == name).unwrap();
        table[1..].iter().map(|r| r[at].as_str()).collect()
    }

    #[test]
    fn the_descriptor_names_the_package_and_each_file() {
        let (data, descriptor, tables) = package();
        assert_eq!(descriptor["name"], "mali-timeline");
        assert_eq!(descriptor["version"], data.version.to_string());
        assert_eq!(descriptor["homepage"], "https://example.org/mali-timeline/");
        assert_eq!(descriptor["created"], "2026-12-05T00:00:00Z");
        assert_eq!(descriptor["licenses"][0]["name"], "CC-BY-4.0");
        let paths: Vec<&str> = resources(&descriptor)
            .iter()
            .map(|r| r["path"].as_str().unwrap())
            .collect();
        assert_eq!(
            paths,
            [
                "events.csv",
                "sources.csv",
                "partners.csv",
                "sectors.csv",
                "eras.csv"
            ]
        );
        let mut files: Vec<&str> = tables.keys().map(String::as_str).collect();
        files.sort_unstable();
        let mut named = paths.clone();
        named.sort_unstable();
        assert_eq!(files, named);
        let texts = data_package(&data, &site());
        for resource in resources(&descriptor) {
            let (_, text) = texts.iter().find(|(p, _)| *p == resource["path"]).unwrap();
            assert_eq!(resource["bytes"], text.len());
            assert_eq!(resource["mediatype"], "text/csv");
        }
    }

    #[test]
    fn each_header_is_its_schema_and_each_row_keeps_its_constraints() {
        let (_, descriptor, tables) = package();
        for resource in resources(&descriptor) {
            let table = &tables[resource["path"].as_str().unwrap()];
            let fields = resource["schema"]["fields"].as_array().unwrap();
            let names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
            assert_eq!(table[0], names, "{}", resource["path"]);
            for (at, field) in fields.iter().enumerate() {
                let constraints = &field["constraints"];
                let values: Vec<&str> = table[1..].iter().map(|r| r[at].as_str()).collect();
                if constraints["required"] == true {
                    assert!(values.iter().all(|v| !v.is_empty()), "{}", field["name"]);
                }
                if constraints["unique"] == true {
                    let set: HashSet<&&str> = values.iter().collect();
                    assert_eq!(set.len(), values.len(), "{}", field["name"]);
                }
                if let Some(allowed) = constraints["enum"].as_array() {
                    for value in values.iter().filter(|v| !v.is_empty()) {
                        assert!(allowed.iter().any(|a| a == value), "{value}");
                    }
                }
            }
        }
    }

    #[test]
    fn there_is_a_row_for_each_item_of_the_dataset() {
        let (data, _, tables) = package();
        let rows = |path: &str| tables[path].len() - 1;
        assert_eq!(rows("events.csv"), data.events.len());
        let sources: usize = data.events.iter().map(|e| e.sources.len()).sum();
        assert_eq!(rows("sources.csv"), sources);
        assert_eq!(rows("partners.csv"), data.partners.len());
        assert_eq!(rows("sectors.csv"), data.sectors.len());
        assert_eq!(rows("eras.csv"), data.eras.len());
        let ongoing = data.eras.iter().filter(|e| e.end.is_none()).count();
        let ends = column(&tables["eras.csv"], "end");
        assert_eq!(ends.iter().filter(|e| e.is_empty()).count(), ongoing);
        let undated = data
            .events
            .iter()
            .flat_map(|e| &e.sources)
            .filter(|s| s.date.is_none())
            .count();
        let dates = column(&tables["sources.csv"], "date");
        assert_eq!(dates.iter().filter(|d| d.is_empty()).count(), undated);
    }

    #[test]
    fn the_keys_hold() {
        let (_, descriptor, tables) = package();
        let sources = resources(&descriptor)
            .iter()
            .find(|r| r["name"] == "sources")
            .unwrap();
        assert_eq!(
            sources["schema"]["foreignKeys"][0],
            json!({"fields": ["event_id"], "reference": {"resource": "events", "fields": ["id"]}})
        );
        let ids: HashSet<&str> = column(&tables["events.csv"], "id").into_iter().collect();
        let cited: HashSet<&str> = column(&tables["sources.csv"], "event_id")
            .into_iter()
            .collect();
        assert!(cited.iter().all(|id| ids.contains(id)));
        assert_eq!(cited, ids, "every event has a source");
        let partners: HashSet<&str> = column(&tables["partners.csv"], "code")
            .into_iter()
            .collect();
        let sectors: HashSet<&str> = column(&tables["sectors.csv"], "id").into_iter().collect();
        for list in column(&tables["events.csv"], "partners") {
            assert!(list.split(';').all(|p| partners.contains(p)), "{list}");
        }
        for list in column(&tables["events.csv"], "sectors") {
            assert!(list.split(';').all(|s| sectors.contains(s)), "{list}");
        }
    }

    #[test]
    fn a_list_pattern_names_every_value() {
        let (data, descriptor, _) = package();
        let events = &resources(&descriptor)[0];
        let partners = events["schema"]["fields"][5]["constraints"]["pattern"]
            .as_str()
            .unwrap();
        let codes = data
            .partners
            .iter()
            .map(|p| p.code.as_str())
            .collect::<Vec<_>>()
            .join("|");
        assert_eq!(partners, format!("({codes})(;({codes}))*"));
    }
}
