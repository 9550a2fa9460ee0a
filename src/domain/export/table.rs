//! Comma-separated values as RFC 4180 writes them, and the events as such a table.

use crate::domain::overview::Stance;
use crate::domain::page::{Page, Site};
use crate::domain::{Dataset, DatePrecision, Event, FuzzyDate, Lang};

/// The columns of the events table, in order. Those after `url` came later, so that a column
/// keeps its place from one release to the next.
pub const EVENT_COLUMNS: [&str; 19] = [
    "id",
    "date",
    "date_precision",
    "kind",
    "stance",
    "partners",
    "sectors",
    "title_en",
    "title_fr",
    "summary_en",
    "summary_fr",
    "source_urls",
    "url",
    "end_date",
    "related",
    "note_en",
    "note_fr",
    "added",
    "changed",
];

/// What joins the values of a list in one field.
pub(crate) const LIST_SEPARATOR: &str = ";";

/// A table being written: a header, then records, each ended by CRLF. A field is quoted when
/// it holds a comma, a double quote, a CR or an LF, its quotes doubled; every other field is
/// written as it is.
pub(crate) struct Table {
    text: String,
}

impl Table {
    pub(crate) fn new(header: &[&str]) -> Self {
        let mut table = Table {
            text: String::new(),
        };
        table.record(header);
        table
    }

    pub(crate) fn record<S: AsRef<str>>(&mut self, fields: &[S]) {
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                self.text.push(',');
            }
            push_field(&mut self.text, field.as_ref());
        }
        self.text.push_str("\r\n");
    }

    pub(crate) fn finish(self) -> String {
        self.text
    }
}

fn push_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// The word of a date's precision: `day`, `month` or `year`.
pub(crate) fn precision_code(precision: DatePrecision) -> &'static str {
    match precision {
        DatePrecision::Day => "day",
        DatePrecision::Month => "month",
        DatePrecision::Year => "year",
    }
}

/// One event as a record of [`EVENT_COLUMNS`].
pub(crate) fn event_row(event: &Event, site: &Site, version: u32) -> [String; 19] {
    let join = |items: Vec<&str>| items.join(LIST_SEPARATOR);
    let date = |date: Option<FuzzyDate>| date.map(|d| d.to_string()).unwrap_or_default();
    let note = |lang: Lang| {
        event
            .note
            .as_ref()
            .map(|n| n.get(lang).to_string())
            .unwrap_or_default()
    };
    [
        event.id.to_string(),
        event.date.to_string(),
        precision_code(event.date.precision()).to_string(),
        event.kind.code().to_string(),
        Stance::of(event.kind).code().to_string(),
        join(event.partners.iter().map(|p| p.as_str()).collect()),
        join(event.sectors.iter().map(|s| s.as_str()).collect()),
        event.title.en.clone(),
        event.title.fr.clone(),
        event.summary.en.clone(),
        event.summary.fr.clone(),
        join(event.sources.iter().map(|s| s.url.as_str()).collect()),
        format!(
            "{}?v={version}",
            site.url(&Page::Event(event).path(Lang::En))
        ),
        date(event.end_date),
        join(event.related.iter().map(|r| r.as_str()).collect()),
        note(Lang::En),
        note(Lang::Fr),
        date(event.added),
        date(event.changed),
    ]
}

/// The events at `events` as CSV (RFC 4180, UTF-8, CRLF): the header [`EVENT_COLUMNS`], then
/// one record per index in the given order. Lists (partners, sectors, source URLs) are joined
/// with `;`; `date` is written as in the dataset file (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) and
/// `date_precision` says which; `stance` is the kind's side on the overview (`toward`,
/// `rupture` or `other`); `url` is the event's page in English, in this release (`?v=`);
/// `end_date`, `related` (`;`-separated ids), the note in both languages, `added` and
/// `changed` are empty where the event has none.
pub fn csv(dataset: &Dataset, events: &[usize], site: &Site) -> String {
    let mut table = Table::new(&EVENT_COLUMNS);
    for event in events.iter().filter_map(|&i| dataset.events.get(i)) {
        table.record(&event_row(event, site, dataset.version));
    }
    table.finish()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::testing::{parse_csv, shipped, site};

    #[test]
    fn the_header_is_exact_and_there_is_a_record_per_index() {
        let data = shipped();
        let indexes: Vec<usize> = (0..data.events.len()).rev().step_by(7).collect();
        let text = csv(&data, &indexes, &site());
        assert!(text.starts_with(
            "id,date,date_precision,kind,stance,partners,sectors,title_en,title_fr,summary_en,summary_fr,source_urls,url,end_date,related,note_en,note_fr,added,changed\r\n"
        ));
        let records = parse_csv(&text);
        assert_eq!(records.len(), indexes.len() + 1);
        assert!(records.iter().all(|r| r.len() == EVENT_COLUMNS.len()));
        for (record, &i) in records[1..].iter().zip(&indexes) {
            let event = &data.events[i];
            assert_eq!(record[0], event.id.as_str());
            assert_eq!(record[1], event.date.to_string());
            assert_eq!(record[3], event.kind.code());
            assert_eq!(record[7], event.title.en);
            assert_eq!(record[10], event.summary.fr);
            let partners: Vec<&str> = record[5].split(';').collect();
            let expected: Vec<&str> = event.partners.iter().map(|p| p.as_str()).collect();
            assert_eq!(partners, expected);
            let urls: Vec<&str> = record[11].split(';').collect();
            assert_eq!(urls.len(), event.sources.len());
            assert_eq!(
                record[12],
                format!(
                    "https://example.org/mali-timeline/events/{}?v={}",
                    event.id, data.version
                )
            );
        }
    }

    #[test]
    fn the_later_columns_hold_the_end_the_related_events_the_note_and_the_history() {
        let data = shipped();
        let text = csv(&data, &(0..data.events.len()).collect::<Vec<_>>(), &site());
        let records = parse_csv(&text);
        let column = |name: &str| EVENT_COLUMNS.iter().position(|c| *c == name).unwrap();
        for (record, event) in records[1..].iter().zip(&data.events) {
            let end = event.end_date.map(|d| d.to_string()).unwrap_or_default();
            assert_eq!(record[column("end_date")], end);
            let related: Vec<&str> = event.related.iter().map(|r| r.as_str()).collect();
            assert_eq!(record[column("related")], related.join(";"));
            let note = |lang| event.note.as_ref().map(|n| n.get(lang).to_string());
            assert_eq!(
                record[column("note_en")],
                note(Lang::En).unwrap_or_default()
            );
            assert_eq!(
                record[column("note_fr")],
                note(Lang::Fr).unwrap_or_default()
            );
            let added = event.added.map(|d| d.to_string()).unwrap_or_default();
            assert_eq!(record[column("added")], added);
            let changed = event.changed.map(|d| d.to_string()).unwrap_or_default();
            assert_eq!(record[column("changed")], changed);
        }
        // The shipped data has each of them somewhere, so that the test reads real values.
        for name in [
            "end_date", "related", "note_en", "note_fr", "added", "changed",
        ] {
            assert!(
                records[1..].iter().any(|r| !r[column(name)].is_empty()),
                "{name} is always empty"
            );
        }
    }

    #[test]
    fn precision_and_stance_are_words() {
        let data = shipped();
        let text = csv(&data, &(0..data.events.len()).collect::<Vec<_>>(), &site());
        let records = parse_csv(&text);
        for record in &records[1..] {
            let expected = match record[1].len() {
                4 => "year",
                7 => "month",
                10 => "day",
                _ => panic!("a date of another form: {}", record[1]),
            };
            assert_eq!(record[2], expected);
            let kind = crate::domain::EventKind::from_code(&record[3]).unwrap();
            assert_eq!(record[4], Stance::of(kind).code());
        }
        assert!(records.iter().any(|r| r[2] == "month"));
        let rupture = records.iter().find(|r| r[3] == "rupture").unwrap();
        assert_eq!(rupture[4], "rupture");
        let agreement = records.iter().find(|r| r[3] == "agreement").unwrap();
        assert_eq!(agreement[4], "toward");
    }

    #[test]
    fn awkward_text_is_quoted_and_reads_back_exactly() {
        let mut data = shipped();
        let awkward = "Deal, \"signed\"\r\nin Bamako\nand =SUM(A1) kept";
        data.events[0].title.en = awkward.to_string();
        data.events[0].title.fr = "sans rien à citer".to_string();
        data.events[0].summary.en = "-1 starts with a minus".to_string();
        let text = csv(&data, &[0, 0], &site());
        assert!(text.contains("\"Deal, \"\"signed\"\"\r\nin Bamako\nand =SUM(A1) kept\""));
        assert!(text.contains(",sans rien à citer,"));
        let records = parse_csv(&text);
        assert_eq!(records.len(), 3);
        for record in &records[1..] {
            assert_eq!(record[7], awkward);
            assert_eq!(record[8], "sans rien à citer");
            assert_eq!(record[9], "-1 starts with a minus");
        }
    }

    #[test]
    fn no_event_is_a_header_alone() {
        let data = shipped();
        let records = parse_csv(&csv(&data, &[], &site()));
        assert_eq!(records, vec![EVENT_COLUMNS.map(String::from).to_vec()]);
    }
}
