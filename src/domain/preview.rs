//! The newest events of a data file that is still being read, so a long timeline shows its
//! first screenful before the whole file is parsed.
//!
//! A file that lists its events newest first (the order the timeline shows by default) starts
//! with the events the reader sees first. [`preview`] reads the top level up to the events and
//! the first events after it, from the part of the file read so far, and gives them as a small
//! dataset, or nothing when that part cannot stand for the top of the timeline: the file is not
//! written newest first, an event there is invalid, or too little of it has arrived. The whole
//! file is still loaded and validated as usual; the preview is only shown until then.

use super::dataset::{next_event, read_to_events, Dataset, Validator};

/// What the start of a file gives for a preview.
#[derive(Debug, PartialEq)]
pub enum Preview<T> {
    /// The top of the timeline.
    Ready(T),
    /// Not yet: more of the file may give one.
    NotYet,
    /// No more of the file can give one: the whole list of events is in, or its first events
    /// are in and are not valid or not newest first.
    Never,
}

impl<T> Preview<T> {
    /// The preview, if there is one.
    pub fn ready(self) -> Option<T> {
        match self {
            Preview::Ready(value) => Some(value),
            _ => None,
        }
    }
}

/// The first events of `prefix` (the start of a data file, possibly cut anywhere), when there
/// are at least `min` of them, all valid and written newest first; at most `max` are read.
pub fn preview(prefix: &[u8], min: usize, max: usize) -> Preview<Dataset> {
    let text = match std::str::from_utf8(prefix) {
        Ok(text) => text,
        // Cut inside a character: what comes before it.
        Err(e) if e.error_len().is_none() => {
            match std::str::from_utf8(&prefix[..e.valid_up_to()]) {
                Ok(text) => text,
                Err(_) => return Preview::Never,
            }
        }
        Err(_) => return Preview::Never,
    };
    let Some((mut reader, mut head)) = read_to_events(text.as_bytes()) else {
        return Preview::NotYet;
    };
    let (Some(partners), Some(sectors)) = (head.partners.take(), head.sectors.take()) else {
        return Preview::Never;
    };
    let mut validator = Validator::new(partners, sectors, max);
    let mut file_order: Vec<String> = Vec::new();
    while file_order.len() < max {
        match next_event(&mut reader, !file_order.is_empty()) {
            Some(Some(event)) => {
                file_order.push(event.id.to_string());
                validator.push(Ok(event));
            }
            // The whole list is here: the file is as good as read.
            Some(None) => return Preview::Never,
            // Cut short.
            None => break,
        }
    }
    if file_order.len() < min {
        return Preview::NotYet;
    }
    let Some(version) = head.version else {
        return Preview::Never;
    };
    let dataset = validator.finish(version, head.updated);
    let newest_first = dataset
        .events
        .iter()
        .rev()
        .map(|e| e.id.as_str())
        .eq(file_order.iter().map(String::as_str));
    if newest_first && dataset.rejected().next().is_none() {
        Preview::Ready(dataset)
    } else if file_order.len() == max {
        // All the events a preview reads are in: more of the file would not change them.
        Preview::Never
    } else {
        Preview::NotYet
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load;

    fn event(i: usize, date: &str) -> serde_json::Value {
        serde_json::json!({
            "id": format!("e{i}"),
            "date": date,
            "partners": ["FRA"],
            "sectors": ["diplomacy"],
            "kind": "rupture",
            "title": { "en": format!("Event {i}"), "fr": format!("Événement {i}") },
            "summary": { "en": "Something happened.", "fr": "Quelque chose s'est passé." },
            "sources": [{ "url": format!("https://example.org/{i}"), "publisher": "Example", "lang": "en" }]
        })
    }

    /// A file of `n` events, newest first (or oldest first).
    pub(super) fn file(n: usize, newest_first: bool) -> String {
        let mut events: Vec<serde_json::Value> = (0..n)
            .map(|i| {
                event(
                    i,
                    &format!(
                        "{}-{:02}-{:02}",
                        2012 + i / 300,
                        1 + i / 28 % 12,
                        1 + i % 28
                    ),
                )
            })
            .collect();
        if newest_first {
            events.reverse();
        }
        // Written by hand: the fields in the order the app writes them, events last but one.
        format!(
            "{{\n \"version\": 1,\n \"partners\": {},\n \"sectors\": {},\n \"events\": {},\n \"updated\": \"2026-11-28\"\n}}",
            serde_json::json!([{ "code": "FRA", "kind": "country", "name": { "en": "France", "fr": "France" } }]),
            serde_json::json!([{ "id": "diplomacy", "name": { "en": "Diplomacy", "fr": "Diplomatie" } }]),
            serde_json::to_string_pretty(&events).unwrap(),
        )
    }

    pub(super) fn ids(dataset: &Dataset) -> Vec<String> {
        dataset
            .events
            .iter()
            .rev()
            .map(|e| e.id.to_string())
            .collect()
    }

    #[test]
    fn the_start_of_a_newest_first_file_gives_the_newest_events() {
        let text = file(100, true);
        let full = load(&text).unwrap();
        let cut = &text.as_bytes()[..text.len() / 3];
        let preview = preview(cut, 6, 24).ready().expect("a preview");
        assert_eq!(ids(&preview), ids(&full)[..24]);
        assert_eq!(preview.partners, full.partners);
        assert_eq!(preview.sectors, full.sectors);
    }

    #[test]
    fn fewer_events_than_the_minimum_give_no_preview() {
        let text = file(100, true);
        let start = text.find("\"events\"").unwrap();
        // The top level and about two events.
        let cut = &text.as_bytes()[..start + 900];
        assert_eq!(preview(cut, 6, 24), Preview::NotYet);
        assert!(preview(cut, 1, 24).ready().is_some());
    }

    #[test]
    fn a_file_written_oldest_first_gives_no_preview() {
        let text = file(100, false);
        assert_eq!(preview(text.as_bytes(), 6, 24), Preview::Never);
        // Fewer events than a preview reads: more of the file may still put them in order.
        let start = text.find("\"events\"").unwrap();
        assert_eq!(
            preview(&text.as_bytes()[..start + 5000], 6, 24),
            Preview::NotYet
        );
    }

    #[test]
    fn a_whole_short_list_gives_no_preview() {
        let text = file(10, true);
        assert_eq!(preview(text.as_bytes(), 6, 24), Preview::Never);
    }

    #[test]
    fn an_invalid_event_among_the_first_gives_no_preview() {
        // An event of the wrong shape: the reading stops there.
        let text = file(100, true).replacen("\"rupture\"", "\"no-such-kind\"", 3);
        assert_eq!(preview(text.as_bytes(), 6, 24), Preview::NotYet);
        // An event that reads but is left out (an unknown partner).
        let text = file(100, true).replacen("\"FRA\"\n", "\"XXX\"\n", 1);
        assert_ne!(text, file(100, true));
        assert_eq!(preview(text.as_bytes(), 6, 24), Preview::Never);
    }

    #[test]
    fn a_top_level_without_partners_before_the_events_gives_no_preview() {
        let value: serde_json::Value = serde_json::from_str(&file(100, true)).unwrap();
        let text = format!(
            "{{\"version\":1,\"events\":{},\"partners\":{},\"sectors\":{}}}",
            value["events"], value["partners"], value["sectors"]
        );
        assert_eq!(preview(text.as_bytes(), 6, 24), Preview::Never);
        assert_eq!(preview(b"", 6, 24), Preview::NotYet);
        assert!(preview(b"[1, 2]", 6, 24).ready().is_none());
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::preview;
    use super::tests::{file, ids};
    use crate::domain::load;
    use proptest::prelude::*;

    proptest! {
        /// Cut anywhere, even inside a character, the start of a newest-first file gives nothing
        /// or the newest events of the whole file, in the timeline's order.
        #[test]
        fn a_preview_is_always_the_top_of_the_timeline(cut in 0usize..60_000, n in 1usize..60) {
            let text = file(n, true);
            let full = ids(&load(&text).unwrap());
            let cut = cut.min(text.len());
            if let Some(preview) = preview(&text.as_bytes()[..cut], 6, 24).ready() {
                let shown = ids(&preview);
                prop_assert!(shown.len() >= 6 && shown.len() <= 24);
                prop_assert_eq!(&shown[..], &full[..shown.len()]);
            }
        }
    }
}
