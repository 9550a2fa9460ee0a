//! What each release of the dataset changed: the events it added, corrected and removed,
//! found by comparing each release with the one before it.

use std::collections::HashMap;

use super::{Dataset, Event, EventId, FuzzyDate, Localized};

/// One release and what it changed since the one before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Release {
    pub version: u32,
    pub updated: Option<FuzzyDate>,
    /// Ids new in this release, in the release's order (by date).
    pub added: Vec<EventId>,
    /// Ids in both releases whose content differs, in the release's order.
    pub changed: Vec<EventId>,
    /// Ids gone in this release, with their titles as they were, in the earlier release's order.
    pub removed: Vec<(EventId, Localized)>,
}

impl Release {
    /// Whether the release added, corrected and removed nothing.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }
}

/// Each release with what it changed, newest first. `releases` may come in any order: they are
/// compared by version, the first release counting every one of its events as added.
pub fn changelog(releases: &[Dataset]) -> Vec<Release> {
    let mut ordered: Vec<&Dataset> = releases.iter().collect();
    ordered.sort_by_key(|release| release.version);
    let mut out: Vec<Release> = Vec::with_capacity(ordered.len());
    let mut previous: HashMap<&str, &Event> = HashMap::new();
    let mut previous_order: &[Event] = &[];
    for release in ordered {
        let current: HashMap<&str, &Event> = release
            .events
            .iter()
            .map(|event| (event.id.as_str(), event))
            .collect();
        let mut added = Vec::new();
        let mut changed = Vec::new();
        for event in &release.events {
            match previous.get(event.id.as_str()) {
                None => added.push(event.id.clone()),
                Some(old) if !same_content(old, event) => changed.push(event.id.clone()),
                Some(_) => {}
            }
        }
        let removed = previous_order
            .iter()
            .filter(|old| !current.contains_key(old.id.as_str()))
            .map(|old| (old.id.clone(), old.title.clone()))
            .collect();
        out.push(Release {
            version: release.version,
            updated: release.updated,
            added,
            changed,
            removed,
        });
        previous = current;
        previous_order = &release.events;
    }
    out.reverse();
    out
}

/// Whether two events say the same, leaving aside when they were added and corrected and the
/// ids they had before: a release that only records those changes no event.
fn same_content(a: &Event, b: &Event) -> bool {
    // Every field is named, so that a new field is compared too.
    let Event {
        id,
        date,
        end_date,
        partners,
        sectors,
        kind,
        title,
        summary,
        sources,
        related,
        note,
        added: _,
        changed: _,
        aliases: _,
    } = a;
    *id == b.id
        && *date == b.date
        && *end_date == b.end_date
        && *partners == b.partners
        && *sectors == b.sectors
        && *kind == b.kind
        && *title == b.title
        && *summary == b.summary
        && *sources == b.sources
        && *related == b.related
        && *note == b.note
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn file(path: &str) -> Dataset {
        let text =
            std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        super::super::load(&text).unwrap()
    }

    /// A release of `version`, dated in its month of 2026, holding `events`.
    fn release(version: u32, events: Vec<Event>) -> Dataset {
        Dataset {
            version,
            updated: Some(format!("2026-0{version}").parse().unwrap()),
            events,
            ..Dataset::default()
        }
    }

    fn ids(list: &[EventId]) -> Vec<&str> {
        list.iter().map(EventId::as_str).collect()
    }

    #[test]
    fn each_release_lists_what_it_added_corrected_and_removed_newest_first() {
        let shipped = file("public/data/events.json");
        let [a, b, c, d] = [0, 1, 2, 3].map(|i| shipped.events[i].clone());
        let mut b_corrected = b.clone();
        b_corrected.summary.en.push_str(" Corrected.");
        let mut c_dated = c.clone();
        c_dated.added = Some("2026-01-01".parse().unwrap());
        c_dated.changed = Some("2026-02-01".parse().unwrap());
        let releases = [
            release(1, vec![a.clone(), b.clone(), c.clone()]),
            release(2, vec![b_corrected, c_dated, d.clone()]),
            release(3, vec![]),
        ];
        // Given in any order, they are read by version.
        let log = changelog(&[
            releases[1].clone(),
            releases[2].clone(),
            releases[0].clone(),
        ]);
        let versions: Vec<u32> = log.iter().map(|r| r.version).collect();
        assert_eq!(versions, [3, 2, 1]);

        let first = &log[2];
        assert_eq!(
            ids(&first.added),
            [a.id.as_str(), b.id.as_str(), c.id.as_str()]
        );
        assert!(first.changed.is_empty() && first.removed.is_empty());
        assert_eq!(first.updated, Some("2026-01".parse().unwrap()));

        let second = &log[1];
        assert_eq!(ids(&second.added), [d.id.as_str()]);
        assert_eq!(
            ids(&second.changed),
            [b.id.as_str()],
            "dates of addition are no change"
        );
        assert_eq!(second.removed, [(a.id.clone(), a.title.clone())]);

        let third = &log[0];
        assert!(third.added.is_empty() && third.changed.is_empty());
        assert_eq!(third.removed.len(), 3);
        assert!(!third.is_empty());
        let unchanged = changelog(&[release(1, vec![d.clone()]), release(2, vec![d])]);
        assert!(unchanged[0].is_empty());
        assert!(changelog(&[]).is_empty());
    }

    #[test]
    fn every_field_but_the_bookkeeping_counts_as_a_change() {
        let shipped = file("public/data/events.json");
        let event = shipped.events[0].clone();
        let mut edits: Vec<Event> = Vec::new();
        let mut e = event.clone();
        e.date = "2011".parse().unwrap();
        edits.push(e);
        let mut e = event.clone();
        e.sources.pop();
        edits.push(e);
        let mut e = event.clone();
        e.title.fr.push('!');
        edits.push(e);
        let mut e = event.clone();
        e.note = Some(Localized::default());
        edits.push(e);
        let mut e = event.clone();
        e.related.push(EventId::from("x"));
        edits.push(e);
        for edited in edits {
            assert!(!same_content(&event, &edited), "{edited:?}");
        }
        let mut dated = event.clone();
        dated.added = None;
        dated.changed = Some("2030".parse().unwrap());
        assert!(same_content(&event, &dated));
    }

    #[test]
    fn the_shipped_releases_added_a_hundred_events_and_corrected_ten() {
        let v1 = file("public/data/versions/1.json");
        let v2 = file("public/data/events.json");
        assert_eq!((v1.version, v2.version), (1, 2));
        let log = changelog(&[v1.clone(), v2.clone()]);
        assert_eq!(log.len(), 2);
        assert_eq!(log[1].added.len(), v1.events.len());
        let (added, changed, removed) = (&log[0].added, &log[0].changed, &log[0].removed);
        assert_eq!((added.len(), changed.len(), removed.len()), (100, 10, 0));
        // Exactly the events the newest release marks as corrected.
        let marked: Vec<&str> = v2
            .events
            .iter()
            .filter(|e| e.changed.is_some())
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids(changed), marked);
        assert!(added.iter().all(|id| v1.event(id.as_str()).is_none()));
        assert_eq!(log[0].updated, v2.updated);
    }
}
