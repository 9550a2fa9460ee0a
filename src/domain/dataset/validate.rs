//! The validator: each event checked on its own as it is read, then the dataset as a whole
//! (duplicate ids and events, links between events, date order).

use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHasher};

use super::check::{check_event, empty_text};
use super::settled::Settled;
use super::{is_slug, Dataset, FastSet, Problem, Subject};
use crate::domain::model::{Event, EventId, Partner, Sector};
use crate::domain::FuzzyDate;

pub(super) fn validate(
    version: u32,
    updated: Option<FuzzyDate>,
    raw_partners: Vec<Partner>,
    raw_sectors: Vec<Sector>,
    raw_events: Vec<Result<Event, Problem>>,
) -> Dataset {
    let mut validator = Validator::new(raw_partners, raw_sectors, raw_events.len());
    for parsed in raw_events {
        validator.push(parsed);
    }
    validator.finish(version, updated)
}

/// The validation of a dataset, one event at a time as they are read, then as a whole
/// ([`Validator::finish`]): what [`validate`] does, in steps.
pub(in crate::domain) struct Validator {
    partners: Vec<Partner>,
    sectors: Vec<Sector>,
    partner_codes: FastSet<String>,
    sector_ids: FastSet<String>,
    problems: Vec<Problem>,
    /// Every event as read, in file order, with whether it is kept.
    events: Vec<Result<Event, Problem>>,
    accepted: Vec<bool>,
    /// The hash of each kept id -> the position of the first kept event with that hash; kept
    /// events whose id has the same hash as an earlier one (a rare collision) are in `more_ids`.
    ids: FxHashMap<u64, u32>,
    more_ids: Vec<(u64, u32)>,
    /// (date, hash of partners and title) -> positions of kept events with that key.
    /// (date as a number, hash of partners and title) -> the position of the first kept event
    /// with that key; further kept events with a key seen before are in `more_content`.
    seen_content: FxHashMap<(u64, u64), u32>,
    more_content: Vec<((u64, u64), u32)>,
}

fn id_hash(id: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(id.as_bytes());
    hasher.finish()
}

impl Validator {
    /// Checks the partners and sectors, which the events are checked against.
    pub(in crate::domain) fn new(
        raw_partners: Vec<Partner>,
        raw_sectors: Vec<Sector>,
        capacity: usize,
    ) -> Self {
        let mut problems = Vec::new();

        let mut partners: Vec<Partner> = Vec::new();
        for partner in raw_partners {
            let code = partner.code.0.clone();
            let mut fault = |field: &str, message: &str| {
                problems.push(Problem {
                    subject: Subject::Partner(code.clone()),
                    field: field.into(),
                    message: message.into(),
                    rejected: true,
                })
            };
            let valid_code = !code.is_empty()
                && code.len() <= 16
                && code
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
            if !valid_code {
                fault("code", "must be upper-case letters or digits");
            } else if partners.iter().any(|p| p.code == partner.code) {
                fault("code", "is used by another partner");
            } else if let Some(field) = empty_text(&partner.name, "name") {
                fault(&field, "must not be empty");
            } else {
                partners.push(partner);
            }
        }

        let mut sectors: Vec<Sector> = Vec::new();
        for sector in raw_sectors {
            let id = sector.id.0.clone();
            let mut fault = |field: &str, message: &str| {
                problems.push(Problem {
                    subject: Subject::Sector(id.clone()),
                    field: field.into(),
                    message: message.into(),
                    rejected: true,
                })
            };
            if !is_slug(&id) {
                fault(
                    "id",
                    "must be a slug of lower-case letters, digits and hyphens",
                );
            } else if sectors.iter().any(|s| s.id == sector.id) {
                fault("id", "is used by another sector");
            } else if let Some(field) = empty_text(&sector.name, "name") {
                fault(&field, "must not be empty");
            } else {
                sectors.push(sector);
            }
        }

        let partner_codes = partners.iter().map(|p| p.code.0.clone()).collect();
        let sector_ids = sectors.iter().map(|s| s.id.0.clone()).collect();
        Validator {
            partners,
            sectors,
            partner_codes,
            sector_ids,
            problems,
            events: Vec::with_capacity(capacity),
            accepted: Vec::with_capacity(capacity),
            ids: FxHashMap::with_capacity_and_hasher(capacity, Default::default()),
            more_ids: Vec::new(),
            seen_content: FxHashMap::with_capacity_and_hasher(capacity, Default::default()),
            more_content: Vec::new(),
        }
    }

    /// Whether an event kept so far has this id.
    fn has_id(&self, id: &str, hash: u64) -> bool {
        let same = |&index: &u32| match &self.events[index as usize] {
            Ok(event) => event.id.as_str() == id,
            Err(_) => false,
        };
        self.ids.get(&hash).is_some_and(same)
            || self
                .more_ids
                .iter()
                .any(|(h, index)| *h == hash && same(index))
    }

    /// Checks the next event of the file (or records why it could not be read).
    pub(in crate::domain) fn push(&mut self, parsed: Result<Event, Problem>) {
        let index = self.events.len();
        let event = match &parsed {
            Ok(event) => event,
            Err(problem) => {
                self.problems.push(problem.clone());
                self.events.push(parsed);
                self.accepted.push(false);
                return;
            }
        };
        let mut faults = check_event(event, &self.partner_codes, &self.sector_ids);
        let hash = id_hash(event.id.as_str());
        if self.has_id(event.id.as_str(), hash) {
            faults.push(("id".into(), "is used by an earlier event".into()));
        }
        let content_key = (event.date.order_number(), content_hash(event));
        if faults.is_empty() {
            let first = self
                .seen_content
                .get(&content_key)
                .into_iter()
                .chain(
                    self.more_content
                        .iter()
                        .filter(|(key, _)| *key == content_key)
                        .map(|(_, index)| index),
                )
                .filter_map(|&i| self.events[i as usize].as_ref().ok())
                .find(|earlier| same_content(earlier, event));
            if let Some(first) = first {
                faults.push((
                    "title".into(),
                    format!(
                        "repeats event `{}` (same date, partners and title)",
                        first.id
                    ),
                ));
            }
        }
        let kept = faults.is_empty();
        if kept {
            match self.ids.entry(hash) {
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(index as u32);
                }
                std::collections::hash_map::Entry::Occupied(_) => {
                    self.more_ids.push((hash, index as u32))
                }
            }
            match self.seen_content.entry(content_key) {
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(index as u32);
                }
                std::collections::hash_map::Entry::Occupied(_) => {
                    self.more_content.push((content_key, index as u32))
                }
            }
        } else {
            let subject = Subject::Event {
                index,
                id: Some(event.id.0.clone()).filter(|s| !s.is_empty() && s.len() <= 120),
            };
            for (field, message) in faults {
                self.problems.push(Problem {
                    subject: subject.clone(),
                    field,
                    message,
                    rejected: true,
                });
            }
        }
        self.events.push(parsed);
        self.accepted.push(kept);
    }

    /// Checks the links between events and gives the dataset, its events sorted.
    pub(in crate::domain) fn finish(self, version: u32, updated: Option<FuzzyDate>) -> Dataset {
        self.settle_links().into_dataset(version, updated)
    }

    /// Checks the links between events; the kept events, where they were read, come next.
    pub(super) fn settle_links(mut self) -> Settled {
        // Related ids must name another event that loaded, and aliases no loaded event's id; a
        // link that does not is dropped, not its event.
        let mut kept_related: Vec<Option<Vec<EventId>>> = vec![None; self.events.len()];
        let mut kept_aliases: Vec<Option<Vec<EventId>>> = vec![None; self.events.len()];
        let mut seen_aliases: std::collections::HashSet<EventId> = Default::default();
        for (index, parsed) in self.events.iter().enumerate() {
            let Some(event) = parsed.as_ref().ok().filter(|_| self.accepted[index]) else {
                continue;
            };
            let own = &event.id;
            // A link that is dropped, and why: the event stays.
            let mut dropped: Vec<(String, String)> = Vec::new();
            // An alias must name no loaded event and no other event's alias.
            let mut aliases: Vec<EventId> = Vec::new();
            for (i, alias) in event.aliases.iter().enumerate() {
                if self.has_id(alias.as_str(), id_hash(alias.as_str()))
                    || !seen_aliases.insert(alias.clone())
                {
                    let message = format!("`{alias}` is already an event's id or alias");
                    dropped.push((format!("aliases[{i}]"), message));
                } else {
                    aliases.push(alias.clone());
                }
            }
            if aliases.len() != event.aliases.len() {
                kept_aliases[index] = Some(aliases);
            }
            let mut kept: Vec<EventId> = Vec::new();
            for (i, related) in event.related.iter().enumerate() {
                let message = if related == own {
                    Some("names the event itself".to_string())
                } else if !self.has_id(related.as_str(), id_hash(related.as_str())) {
                    Some(format!("names `{related}`, which is not a loaded event"))
                } else if kept.contains(related) {
                    Some(format!("names `{related}` twice"))
                } else {
                    None
                };
                match message {
                    Some(message) => dropped.push((format!("related[{i}]"), message)),
                    None => kept.push(related.clone()),
                }
            }
            if !event.related.is_empty() {
                kept_related[index] = Some(kept);
            }
            let subject = Subject::Event {
                index,
                id: Some(own.0.clone()),
            };
            self.problems
                .extend(dropped.into_iter().map(|(field, message)| Problem {
                    subject: subject.clone(),
                    field,
                    message,
                    rejected: false,
                }));
        }
        drop(self.ids);
        drop(self.seen_content);

        // The kept events where they were read, each moved once more below, into its place.
        let slots: Vec<Option<Event>> = self
            .events
            .into_iter()
            .zip(self.accepted)
            .zip(kept_related)
            .zip(kept_aliases)
            .map(
                |(((parsed, keep), related), aliases)| match (parsed, keep) {
                    (Ok(mut event), true) => {
                        if let Some(related) = related {
                            event.related = related;
                        }
                        if let Some(aliases) = aliases {
                            event.aliases = aliases;
                        }
                        Some(event)
                    }
                    _ => None,
                },
            )
            .collect();
        Settled {
            partners: self.partners,
            sectors: self.sectors,
            problems: self.problems,
            slots,
        }
    }
}

/// The partner codes of an event, sorted: two events with the same ones in another order have
/// the same partners.
fn sorted_partners(event: &Event) -> Vec<&str> {
    let mut codes: Vec<&str> = event.partners.iter().map(|p| p.as_str()).collect();
    codes.sort_unstable();
    codes
}

/// A hash of what makes two events the same: their partners in any order and their English
/// title, trimmed and in any case. The date is kept beside it. The title is hashed as the UTF-8
/// of its lower-cased characters (byte by byte when it is ASCII, which gives the same bytes).
fn content_hash(event: &Event) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = FxHasher::default();
    match event.partners.as_slice() {
        [only] => [only.as_str()].hash(&mut hasher),
        _ => sorted_partners(event).hash(&mut hasher),
    }
    let title = event.title.en.trim();
    if title.is_ascii() {
        for b in title.bytes() {
            hasher.write_u8(b.to_ascii_lowercase());
        }
    } else {
        let mut buffer = [0u8; 4];
        for c in title.chars().flat_map(char::to_lowercase) {
            hasher.write(c.encode_utf8(&mut buffer).as_bytes());
        }
    }
    hasher.finish()
}

/// Whether two events have the same date, partners and title (trimmed, in any case).
fn same_content(a: &Event, b: &Event) -> bool {
    a.date == b.date
        && sorted_partners(a) == sorted_partners(b)
        && a.title.en.trim().chars().flat_map(char::to_lowercase).eq(b
            .title
            .en
            .trim()
            .chars()
            .flat_map(char::to_lowercase))
}
