//! The package's tables as CSV text, and the Table Schema of each.

use serde_json::{json, Value};

use crate::domain::export::{csv, precision_code, Table, LIST_SEPARATOR};
use crate::domain::page::Site;
use crate::domain::{Dataset, EventKind, FuzzyDate, PartnerKind};

/// A date written at its own precision, as in the dataset file: `YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD` (a Table Schema pattern, which matches the whole value).
pub(super) const DATE_PATTERN: &str = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?";

/// An event or era id: lower-case words of letters and digits joined by single hyphens.
const ID_PATTERN: &str = "[a-z0-9]+(-[a-z0-9]+)*";

/// One table of the package: its resource name, file, description, Table Schema and text.
pub(super) struct Resource {
    pub name: &'static str,
    pub path: &'static str,
    pub description: &'static str,
    pub schema: Value,
    pub text: String,
}

/// A field of a Table Schema: a string unless said otherwise.
fn field(name: &str, description: &str, constraints: Value) -> Value {
    let mut field = json!({ "name": name, "type": "string", "description": description });
    if constraints.as_object().is_some_and(|c| !c.is_empty()) {
        field["constraints"] = constraints;
    }
    field
}

/// A `;`-separated list of values from `values`, as a pattern.
fn list_pattern<'a>(values: impl Iterator<Item = &'a str>) -> String {
    let one = format!("({})", values.collect::<Vec<_>>().join("|"));
    format!("{one}({LIST_SEPARATOR}{one})*")
}

fn partner_codes(dataset: &Dataset) -> Vec<&str> {
    dataset.partners.iter().map(|p| p.code.as_str()).collect()
}

fn sector_ids(dataset: &Dataset) -> Vec<&str> {
    dataset.sectors.iter().map(|s| s.id.as_str()).collect()
}

fn date_text(date: Option<FuzzyDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// Every event, in the dataset's order, as the export writes them.
pub(super) fn events(dataset: &Dataset, site: &Site) -> Resource {
    let all: Vec<usize> = (0..dataset.events.len()).collect();
    let kinds: Vec<&str> = EventKind::ALL.iter().map(|k| k.code()).collect();
    let fields = vec![
        field(
            "id",
            "The event's stable id, which its page's address ends with",
            json!({ "required": true, "unique": true, "pattern": ID_PATTERN }),
        ),
        field(
            "date",
            "The date as precise as the sources allow: YYYY, YYYY-MM or YYYY-MM-DD",
            json!({ "required": true, "pattern": DATE_PATTERN }),
        ),
        field(
            "date_precision",
            "How much of the date is known: day, month or year",
            json!({ "required": true, "enum": ["day", "month", "year"] }),
        ),
        field(
            "kind",
            "What happened, in one word",
            json!({ "required": true, "enum": kinds }),
        ),
        field(
            "stance",
            "Which way the kind moves Mali with respect to its partners: toward (agreement, announcement, visit, delivery), rupture (rupture, withdrawal, sanction) or other",
            json!({ "required": true, "enum": ["toward", "rupture", "other"] }),
        ),
        field(
            "partners",
            "The partners' codes (partners.csv), separated by ';'",
            json!({ "required": true, "pattern": list_pattern(partner_codes(dataset).into_iter()) }),
        ),
        field(
            "sectors",
            "The sectors' ids (sectors.csv), separated by ';'",
            json!({ "required": true, "pattern": list_pattern(sector_ids(dataset).into_iter()) }),
        ),
        field("title_en", "The title in English", json!({ "required": true })),
        field("title_fr", "The title in French", json!({ "required": true })),
        field("summary_en", "What happened, in English", json!({ "required": true })),
        field("summary_fr", "What happened, in French", json!({ "required": true })),
        field(
            "source_urls",
            "The addresses of the sources, separated by ';' (sources.csv lists each with its publisher)",
            json!({ "required": true }),
        ),
        {
            let mut url = field(
                "url",
                "The event's page on the site, in English",
                json!({ "required": true }),
            );
            url["format"] = json!("uri");
            url
        },
        field(
            "end_date",
            "The last day of an event that lasted, in the same forms as date; empty for most events",
            json!({ "pattern": DATE_PATTERN }),
        ),
        field(
            "related",
            "The ids of related events (events.csv), separated by ';'",
            json!({ "pattern": format!("{ID_PATTERN}({LIST_SEPARATOR}{ID_PATTERN})*") }),
        ),
        field(
            "note_en",
            "Where sources disagree, and what was chosen, in English; empty for most events",
            json!({}),
        ),
        field("note_fr", "The note in French", json!({})),
        field(
            "added",
            "When the event was added to the data",
            json!({ "pattern": DATE_PATTERN }),
        ),
        field(
            "changed",
            "When the event was last corrected; empty if it never was",
            json!({ "pattern": DATE_PATTERN }),
        ),
    ];
    Resource {
        name: "events",
        path: "events.csv",
        description: "Every event, one a row, in order of date",
        schema: json!({ "fields": fields, "primaryKey": ["id"] }),
        text: csv(dataset, &all, site),
    }
}

/// Every source of every event, one a row.
pub(super) fn sources(dataset: &Dataset) -> Resource {
    let mut table = Table::new(&["event_id", "url", "publisher", "date", "lang"]);
    for event in &dataset.events {
        for source in &event.sources {
            table.record(&[
                event.id.to_string(),
                source.url.clone(),
                source.publisher.clone(),
                date_text(source.date),
                source.lang.clone(),
            ]);
        }
    }
    let fields = vec![
        field(
            "event_id",
            "The event the source states (events.csv)",
            json!({ "required": true }),
        ),
        {
            let mut url = field(
                "url",
                "The page's address",
                json!({ "required": true, "pattern": "https://.+" }),
            );
            url["format"] = json!("uri");
            url
        },
        field(
            "publisher",
            "Who published the page",
            json!({ "required": true }),
        ),
        field(
            "date",
            "The publication date, where the page gives one: YYYY, YYYY-MM or YYYY-MM-DD",
            json!({ "pattern": DATE_PATTERN }),
        ),
        field(
            "lang",
            "The language of the page, e.g. fr",
            json!({ "required": true }),
        ),
    ];
    Resource {
        name: "sources",
        path: "sources.csv",
        description: "The pages that state each event, in the events' order",
        schema: json!({
            "fields": fields,
            "foreignKeys": [{
                "fields": ["event_id"],
                "reference": { "resource": "events", "fields": ["id"] },
            }],
        }),
        text: table.finish(),
    }
}

/// The partners, as the dataset lists them.
pub(super) fn partners(dataset: &Dataset) -> Resource {
    let mut table = Table::new(&["code", "kind", "name_en", "name_fr"]);
    for partner in &dataset.partners {
        table.record(&[
            partner.code.as_str(),
            partner_kind(partner.kind),
            partner.name.en.as_str(),
            partner.name.fr.as_str(),
        ]);
    }
    let fields = vec![
        field(
            "code",
            "ISO 3166-1 alpha-3 for a country, a short upper-case code for an organisation or company",
            json!({ "required": true, "unique": true, "pattern": "[A-Z0-9]+" }),
        ),
        field(
            "kind",
            "What kind of party the partner is",
            json!({ "required": true, "enum": ["country", "organisation", "company"] }),
        ),
        field("name_en", "The name in English", json!({ "required": true })),
        field("name_fr", "The name in French", json!({ "required": true })),
    ];
    Resource {
        name: "partners",
        path: "partners.csv",
        description: "The countries, organisations and companies that Mali dealt with",
        schema: json!({ "fields": fields, "primaryKey": ["code"] }),
        text: table.finish(),
    }
}

fn partner_kind(kind: PartnerKind) -> &'static str {
    match kind {
        PartnerKind::Country => "country",
        PartnerKind::Organisation => "organisation",
        PartnerKind::Company => "company",
    }
}

/// The sectors of the fixed vocabulary.
pub(super) fn sectors(dataset: &Dataset) -> Resource {
    let mut table = Table::new(&["id", "name_en", "name_fr"]);
    for sector in &dataset.sectors {
        table.record(&[
            sector.id.as_str(),
            sector.name.en.as_str(),
            sector.name.fr.as_str(),
        ]);
    }
    let fields = vec![
        field(
            "id",
            "The sector's id",
            json!({ "required": true, "unique": true, "pattern": ID_PATTERN }),
        ),
        field(
            "name_en",
            "The name in English",
            json!({ "required": true }),
        ),
        field("name_fr", "The name in French", json!({ "required": true })),
    ];
    Resource {
        name: "sectors",
        path: "sectors.csv",
        description: "The sectors an event belongs to",
        schema: json!({ "fields": fields, "primaryKey": ["id"] }),
        text: table.finish(),
    }
}

/// The eras, in order of start.
pub(super) fn eras(dataset: &Dataset) -> Resource {
    let mut table = Table::new(&[
        "id",
        "start",
        "start_precision",
        "end",
        "end_precision",
        "label_en",
        "label_fr",
        "source_urls",
    ]);
    for era in &dataset.eras {
        let urls: Vec<&str> = era.sources.iter().map(|s| s.url.as_str()).collect();
        table.record(&[
            era.id.to_string(),
            era.start.to_string(),
            precision_code(era.start.precision()).to_string(),
            date_text(era.end),
            era.end
                .map(|end| precision_code(end.precision()).to_string())
                .unwrap_or_default(),
            era.label.en.clone(),
            era.label.fr.clone(),
            urls.join(LIST_SEPARATOR),
        ]);
    }
    let precisions = json!(["day", "month", "year"]);
    let fields = vec![
        field(
            "id",
            "The era's stable id",
            json!({ "required": true, "unique": true, "pattern": ID_PATTERN }),
        ),
        field(
            "start",
            "The start: YYYY, YYYY-MM or YYYY-MM-DD",
            json!({ "required": true, "pattern": DATE_PATTERN }),
        ),
        field(
            "start_precision",
            "How much of the start is known",
            json!({ "required": true, "enum": precisions }),
        ),
        field(
            "end",
            "The end, in the same forms; empty while the period goes on",
            json!({ "pattern": DATE_PATTERN }),
        ),
        field(
            "end_precision",
            "How much of the end is known; empty while the period goes on",
            json!({ "enum": precisions }),
        ),
        field(
            "label_en",
            "The name in English",
            json!({ "required": true }),
        ),
        field(
            "label_fr",
            "The name in French",
            json!({ "required": true }),
        ),
        field(
            "source_urls",
            "The addresses of the sources that state the start and the end, separated by ';'",
            json!({ "required": true }),
        ),
    ];
    Resource {
        name: "eras",
        path: "eras.csv",
        description: "Named periods of Mali's relations: operations, missions, presences, regimes of sanctions",
        schema: json!({ "fields": fields, "primaryKey": ["id"] }),
        text: table.finish(),
    }
}
