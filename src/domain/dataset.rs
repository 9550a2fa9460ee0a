//! Loading and validating the dataset, event by event.
//!
//! One bad event never hides the good ones: each event is parsed and checked on its own, a
//! rejected event is left out with a [`Problem`] that names it and says why, and every valid
//! event is kept. Only a file that is empty, is not JSON, or lacks the top-level shape is a
//! fatal [`LoadError`]. The native tests run this same validator over the shipped file.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use serde::Deserialize;
use serde_json::value::RawValue;
use thiserror::Error;

use super::model::{is_linkable_url, Event, EventId, Localized, Partner, Sector};
use super::reader::Reader;
use super::FuzzyDate;

/// A dataset that loaded: its valid events in date order, and what was wrong with the rest.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub version: u32,
    pub updated: Option<FuzzyDate>,
    pub partners: Vec<Partner>,
    pub sectors: Vec<Sector>,
    /// Valid events, sorted by date then id.
    pub events: Vec<Event>,
    /// Everything the validator found wrong, in file order.
    pub problems: Vec<Problem>,
}

/// Why the file could not be loaded at all.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum LoadError {
    #[error("The data file is empty.")]
    Empty,
    #[error("The data file is not valid JSON: {message} (line {line}, column {column}).")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("The data file does not have the expected shape: {0}.")]
    Shape(String),
}

/// What a problem is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    /// The event at this position in the file, with its id where it has a readable one.
    Event {
        index: usize,
        id: Option<String>,
    },
    Partner(String),
    Sector(String),
}

/// One thing the validator found wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub subject: Subject,
    /// The field at fault, e.g. `date` or `sources[0].url`.
    pub field: String,
    pub message: String,
    /// Whether the subject was left out because of it (a dangling `related` id only drops the link).
    pub rejected: bool,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.subject {
            Subject::Event { id: Some(id), .. } => write!(f, "event `{id}`")?,
            Subject::Event { index, id: None } => write!(f, "event #{}", index + 1)?,
            Subject::Partner(code) => write!(f, "partner `{code}`")?,
            Subject::Sector(id) => write!(f, "sector `{id}`")?,
        }
        write!(f, ", field `{}`: {}", self.field, self.message)
    }
}

/// The top level of the file, with events left raw so each can fail on its own.
#[derive(Deserialize)]
struct RawFile {
    version: u32,
    #[serde(default)]
    updated: Option<FuzzyDate>,
    partners: Vec<Partner>,
    sectors: Vec<Sector>,
    events: Vec<serde_json::Value>,
}

/// An event that must be written as an object, as the per-event path requires.
struct ObjectEvent(Event);

impl<'de> Deserialize<'de> for ObjectEvent {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::model::from_object(deserializer).map(ObjectEvent)
    }
}

/// FNV-1a: a fast hash for the loader's own sets of ids and codes, which come from one file and
/// need no protection against crafted collisions beyond staying correct (they only cost time).
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A set hashed with [`Fnv`].
pub(crate) type FastSet<T> = HashSet<T, BuildHasherDefault<Fnv>>;

/// Whether `id` is a slug: lower-case letters and digits in words joined by single hyphens.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 120
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Parses and validates the dataset file.
///
/// A well-formed file takes the fast path, [`SteppedLoad`] in one go: one pass reads every
/// event straight into an [`Event`]. A file with any fault is read again through a JSON value,
/// event by event ([`load_event_by_event`]), which gives the exact message and field of each
/// fault; both paths accept the same events.
pub fn load(text: &str) -> Result<Dataset, LoadError> {
    load_bytes(text.as_bytes())
}

/// [`load`] from the bytes of the file as downloaded. Each string is checked to be UTF-8 as it
/// is read; a file that is not read in one pass (any fault, an invalid UTF-8 sequence included)
/// is read event by event, decoded (an invalid UTF-8 sequence becomes U+FFFD).
pub fn load_bytes(bytes: &[u8]) -> Result<Dataset, LoadError> {
    let mut steps = SteppedLoad::new(bytes);
    loop {
        if let Some(result) = steps.step(usize::MAX) {
            return result;
        }
    }
}

/// The bytes read event by event: as they are when they are UTF-8, decoded otherwise.
fn event_by_event(bytes: &[u8]) -> Result<Dataset, LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => load_event_by_event(text),
        Err(_) => load_event_by_event(&String::from_utf8_lossy(bytes)),
    }
}

/// A load of the file in steps, each reading and checking a given number of events, so that a
/// page can paint and answer between them; [`load`] is all the steps at once. A well-formed
/// file whose partners and sectors come before its events is read field by field and event by
/// event, each event checked as it is read; anything else is handed whole to
/// [`load_event_by_event`], which gives the same events for a well-formed file.
pub struct SteppedLoad<'a> {
    bytes: &'a [u8],
    state: Stepping<'a>,
}

enum Stepping<'a> {
    /// Reading and checking the events (`started`: past the first).
    Events {
        reader: Reader<'a>,
        head: Head,
        validator: Box<Validator>,
        started: bool,
    },
    /// Every event read and checked: the links between them and their order come next.
    Read {
        head: Head,
        validator: Box<Validator>,
    },
    /// The links between events checked: their order comes next.
    Settled {
        head: Head,
        settled: Box<Settled>,
    },
    /// Something the steps do not read: the next step reads the whole text event by event.
    Whole,
    Done,
}

/// Reads the top level of `bytes` up to its first event: the fields before the events, and the
/// reader just inside the list of events; `None` if the file does not start that way.
pub(super) fn read_to_events(bytes: &[u8]) -> Option<(Reader<'_>, Head)> {
    let mut reader = Reader::new(bytes);
    let mut head = Head::default();
    reader.expect(b'{')?;
    loop {
        let key: &str = reader.value()?;
        reader.expect(b':')?;
        if key == "events" {
            break;
        }
        head.read(key, &mut reader)?;
        reader.expect(b',')?;
    }
    head.keys.push("events".to_string());
    reader.expect(b'[')?;
    Some((reader, head))
}

/// The next event of the list (`started`: past the first one), `Some(None)` at the end of the
/// list; `None` if it is cut short or not read this way.
pub(super) fn next_event(reader: &mut Reader, started: bool) -> Option<Option<Event>> {
    match reader.peek()? {
        b']' => {
            reader.next_byte();
            return Some(None);
        }
        b',' if started => {
            reader.next_byte();
        }
        _ if started => return None,
        _ => {}
    }
    reader.value::<ObjectEvent>().map(|event| Some(event.0))
}

/// The top-level fields other than the events.
#[derive(Default)]
pub(super) struct Head {
    pub(super) version: Option<u32>,
    pub(super) updated: Option<FuzzyDate>,
    pub(super) partners: Option<Vec<Partner>>,
    pub(super) sectors: Option<Vec<Sector>>,
    keys: Vec<String>,
}

impl Head {
    /// Reads the value of `key`; `None` for a key seen before or a value not of its type.
    fn read(&mut self, key: &str, reader: &mut Reader) -> Option<()> {
        if self.keys.iter().any(|k| k == key) {
            return None;
        }
        self.keys.push(key.to_string());
        match key {
            "version" => self.version = Some(reader.value()?),
            "updated" => self.updated = reader.value::<Option<FuzzyDate>>()?,
            "partners" => self.partners = Some(typed_list(reader.value::<&RawValue>()?.get())?),
            "sectors" => self.sectors = Some(typed_list(reader.value::<&RawValue>()?.get())?),
            _ => {
                reader.value::<serde::de::IgnoredAny>()?;
            }
        }
        Some(())
    }
}

impl<'a> SteppedLoad<'a> {
    /// A load of the file's bytes as downloaded.
    pub fn new(bytes: &'a [u8]) -> Self {
        let state = Self::start(bytes).unwrap_or(Stepping::Whole);
        SteppedLoad { bytes, state }
    }

    /// Whether the next step reads events: not when the whole text is read at once (a file not
    /// read in steps), nor in the steps that settle what was read, which take longer each.
    pub fn reading_events(&self) -> bool {
        matches!(self.state, Stepping::Events { .. })
    }

    /// Reads the top level up to the first event.
    fn start(bytes: &'a [u8]) -> Option<Stepping<'a>> {
        let (reader, mut head) = read_to_events(bytes)?;
        // The events are checked as they are read, against the partners and sectors before them.
        let validator = Box::new(Validator::new(
            head.partners.take()?,
            head.sectors.take()?,
            0,
        ));
        Some(Stepping::Events {
            reader,
            head,
            validator,
            started: false,
        })
    }

    /// Reads up to `count` more events; once the file is read, its dataset. The step that
    /// reads the end of the list of events returns nothing: the next two settle the links
    /// between events, then their order, each on its own.
    pub fn step(&mut self, count: usize) -> Option<Result<Dataset, LoadError>> {
        match std::mem::replace(&mut self.state, Stepping::Done) {
            Stepping::Events {
                mut reader,
                head,
                mut validator,
                mut started,
            } => {
                for _ in 0..count {
                    match next_event(&mut reader, started) {
                        Some(Some(event)) => {
                            validator.push(Ok(event));
                            started = true;
                        }
                        Some(None) => {
                            // The links and the order are settled at the next step.
                            return match Self::read_rest(reader, head) {
                                Some(head) => {
                                    self.state = Stepping::Read { head, validator };
                                    None
                                }
                                None => Some(event_by_event(self.bytes)),
                            };
                        }
                        None => return Some(event_by_event(self.bytes)),
                    }
                }
                self.state = Stepping::Events {
                    reader,
                    head,
                    validator,
                    started,
                };
                None
            }
            Stepping::Read { head, validator } => {
                self.state = Stepping::Settled {
                    head,
                    settled: Box::new(validator.settle_links()),
                };
                None
            }
            Stepping::Settled { head, settled } => Some(match head.version {
                Some(version) => Ok(settled.into_dataset(version, head.updated)),
                None => event_by_event(self.bytes),
            }),
            Stepping::Whole => Some(event_by_event(self.bytes)),
            // Asked again after the dataset was given: there is nothing more to read.
            Stepping::Done => Some(Err(LoadError::Empty)),
        }
    }

    /// The top-level fields after the events; `None` if the rest is not read this way.
    fn read_rest(mut reader: Reader, mut head: Head) -> Option<Head> {
        loop {
            match reader.next_byte()? {
                b'}' => break,
                b',' => {
                    let key: &str = reader.value()?;
                    reader.expect(b':')?;
                    head.read(key, &mut reader)?;
                }
                _ => return None,
            }
        }
        reader.at_end().then_some(head)
    }
}

/// A list of partners or sectors, when every item is an object of the right shape.
fn typed_list<T: serde::de::DeserializeOwned>(text: &str) -> Option<Vec<T>> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let items = value.as_array()?;
    if items
        .iter()
        .any(|item| objects_where_expected(item, &["name"], &[]).is_err())
    {
        return None;
    }
    serde_json::from_value(value).ok()
}

/// The slow path on its own: what [`load`] falls back to for a file with a fault. The whole
/// file is read as a JSON value first, so that a syntax error and a shape error are told apart
/// and each is located, then each event on its own. For any file it gives what [`load`] gives
/// (the tests compare the two).
pub fn load_event_by_event(text: &str) -> Result<Dataset, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    // Syntax first, shape second: serde_json reports some type errors as syntax errors when it
    // reads text straight into a struct, so valid JSON of the wrong shape is read as a Value.
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| LoadError::Syntax {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e),
    })?;
    if let Some(partners) = value.get("partners").and_then(|p| p.as_array()) {
        for (i, partner) in partners.iter().enumerate() {
            if let Err(field) = objects_where_expected(partner, &["name"], &[]) {
                return Err(LoadError::Shape(format!(
                    "partners[{i}].{field} must be an object"
                )));
            }
        }
    }
    if let Some(sectors) = value.get("sectors").and_then(|s| s.as_array()) {
        for (i, sector) in sectors.iter().enumerate() {
            if let Err(field) = objects_where_expected(sector, &["name"], &[]) {
                return Err(LoadError::Shape(format!(
                    "sectors[{i}].{field} must be an object"
                )));
            }
        }
    }
    let raw: RawFile =
        serde_json::from_value(value).map_err(|e| LoadError::Shape(strip_position(&e)))?;
    let events = raw
        .events
        .iter()
        .enumerate()
        .map(|(index, value)| parse_event_value(index, value))
        .collect();
    Ok(validate(
        raw.version,
        raw.updated,
        raw.partners,
        raw.sectors,
        events,
    ))
}

/// One event read from a JSON value, or the problem that leaves it out.
fn parse_event_value(index: usize, value: &serde_json::Value) -> Result<Event, Problem> {
    let readable_id = value
        .get("id")
        .and_then(|v| v.as_str())
        .filter(|s| !s.is_empty() && s.len() <= 120)
        .map(|s| s.to_string());
    let subject = Subject::Event {
        index,
        id: readable_id,
    };
    if let Err(field) = objects_where_expected(value, &["title", "summary", "note"], &["sources"]) {
        return Err(Problem {
            subject,
            field: field.clone(),
            message: if field == "(item)" {
                "an event must be an object".into()
            } else {
                "must be an object, not a list or a value".into()
            },
            rejected: true,
        });
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        Problem {
            subject,
            field: if path == "." { "(event)".into() } else { path },
            message: e.into_inner().to_string(),
            rejected: true,
        }
    })
}

/// Serde lets a struct be written as an array of its fields; the file format does not. Checks
/// that `value` and its fields named in `objects` are objects, and that the items of the
/// arrays named in `arrays_of_objects` are objects. Returns the faulty field.
fn objects_where_expected(
    value: &serde_json::Value,
    objects: &[&str],
    arrays_of_objects: &[&str],
) -> Result<(), String> {
    let Some(map) = value.as_object() else {
        return Err("(item)".into());
    };
    for field in objects {
        match map.get(*field) {
            None | Some(serde_json::Value::Null) | Some(serde_json::Value::Object(_)) => {}
            Some(_) => return Err((*field).to_string()),
        }
    }
    for field in arrays_of_objects {
        if let Some(serde_json::Value::Array(items)) = map.get(*field) {
            if let Some(i) = items.iter().position(|item| !item.is_object()) {
                return Err(format!("{field}[{i}]"));
            }
        }
    }
    Ok(())
}

/// serde_json appends " at line L column C"; the sentence says that itself.
fn strip_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

fn validate(
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
pub(super) struct Validator {
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
    ids: HashMap<u64, u32, BuildHasherDefault<Fnv>>,
    more_ids: Vec<(u64, u32)>,
    /// (date, hash of partners and title) -> positions of kept events with that key.
    /// (date as a number, hash of partners and title) -> the position of the first kept event
    /// with that key; further kept events with a key seen before are in `more_content`.
    seen_content: HashMap<(u64, u64), u32, BuildHasherDefault<Fnv>>,
    more_content: Vec<((u64, u64), u32)>,
}

fn id_hash(id: &str) -> u64 {
    let mut hasher = Fnv::default();
    hasher.write(id.as_bytes());
    hasher.finish()
}

impl Validator {
    /// Checks the partners and sectors, which the events are checked against.
    pub(super) fn new(
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
            ids: HashMap::with_capacity_and_hasher(capacity, Default::default()),
            more_ids: Vec::new(),
            seen_content: HashMap::with_capacity_and_hasher(capacity, Default::default()),
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
    pub(super) fn push(&mut self, parsed: Result<Event, Problem>) {
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
    pub(super) fn finish(self, version: u32, updated: Option<FuzzyDate>) -> Dataset {
        self.settle_links().into_dataset(version, updated)
    }

    /// Checks the links between events; the kept events, where they were read, come next.
    pub(super) fn settle_links(mut self) -> Settled {
        // Related ids must name another event that loaded; a dangling one drops only the link.
        let mut kept_related: Vec<Option<Vec<EventId>>> = vec![None; self.events.len()];
        for (index, parsed) in self.events.iter().enumerate() {
            let Some(event) = parsed.as_ref().ok().filter(|_| self.accepted[index]) else {
                continue;
            };
            if event.related.is_empty() {
                continue;
            }
            let own = &event.id;
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
                    Some(message) => self.problems.push(Problem {
                        subject: Subject::Event {
                            index,
                            id: Some(own.0.clone()),
                        },
                        field: format!("related[{i}]"),
                        message,
                        rejected: false,
                    }),
                    None => kept.push(related.clone()),
                }
            }
            kept_related[index] = Some(kept);
        }
        drop(self.ids);
        drop(self.seen_content);

        // The kept events where they were read, each moved once more below, into its place.
        let slots: Vec<Option<Event>> = self
            .events
            .into_iter()
            .zip(self.accepted)
            .zip(kept_related)
            .map(|((parsed, keep), related)| match (parsed, keep) {
                (Ok(mut event), true) => {
                    if let Some(related) = related {
                        event.related = related;
                    }
                    Some(event)
                }
                _ => None,
            })
            .collect();
        Settled {
            partners: self.partners,
            sectors: self.sectors,
            problems: self.problems,
            slots,
        }
    }
}

/// The validated dataset before its events are put in order.
pub(super) struct Settled {
    partners: Vec<Partner>,
    sectors: Vec<Sector>,
    problems: Vec<Problem>,
    /// The kept events where they were read (`None` where one was left out).
    slots: Vec<Option<Event>>,
}

impl Settled {
    /// The dataset, its problems in file order and its events sorted by date then id.
    pub(super) fn into_dataset(self, version: u32, updated: Option<FuzzyDate>) -> Dataset {
        let mut slots = self.slots;
        let mut problems = self.problems;
        problems.sort_by_key(|p| match &p.subject {
            Subject::Partner(_) => (0, 0),
            Subject::Sector(_) => (1, 0),
            Subject::Event { index, .. } => (2, *index),
        });
        // Ids are unique among the kept events, so the order is total and an unstable sort is
        // exact. Small keys (the date as a number, the id's first bytes, the position) are
        // sorted, and the events moved once, rather than moved at every swap; full ids are
        // compared only when the first bytes are the same.
        let mut order: Vec<(u64, u64, u32)> = slots
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let e = e.as_ref()?;
                Some((e.date.order_number(), id_prefix(e.id.as_str()), i as u32))
            })
            .collect();
        let id_at = |i: u32| slots[i as usize].as_ref().map(|e| e.id.as_str());
        order.sort_unstable_by(|a, b| {
            (a.0, a.1)
                .cmp(&(b.0, b.1))
                .then_with(|| id_at(a.2).cmp(&id_at(b.2)))
        });
        let events: Vec<Event> = order
            .into_iter()
            .filter_map(|(_, _, i)| slots[i as usize].take())
            .collect();

        Dataset {
            version,
            updated,
            partners: self.partners,
            sectors: self.sectors,
            events,
            problems,
        }
    }
}

/// The first eight bytes of an id as a number in the same order as the ids' first eight bytes
/// (shorter ids padded with zeros, which no id contains).
fn id_prefix(id: &str) -> u64 {
    let mut bytes = [0u8; 8];
    for (slot, byte) in bytes.iter_mut().zip(id.bytes()) {
        *slot = byte;
    }
    u64::from_be_bytes(bytes)
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
    let mut hasher = Fnv::default();
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

fn empty_text(text: &Localized, field: &str) -> Option<String> {
    if text.en.trim().is_empty() {
        Some(format!("{field}.en"))
    } else if text.fr.trim().is_empty() {
        Some(format!("{field}.fr"))
    } else {
        None
    }
}

/// Checks one parsed event on its own; returns (field, message) for each fault.
fn check_event(
    event: &Event,
    partners: &FastSet<String>,
    sectors: &FastSet<String>,
) -> Vec<(String, String)> {
    let mut faults: Vec<(String, String)> = Vec::new();
    let mut fault = |field: String, message: String| faults.push((field, message));

    if !is_slug(event.id.as_str()) {
        fault(
            "id".into(),
            "must be a slug of lower-case letters, digits and single hyphens".into(),
        );
    }
    if let Some(end) = event.end_date {
        if end.last_day() < event.date.first_day() {
            fault(
                "end_date".into(),
                format!("{end} is before the date {}", event.date),
            );
        }
    }
    if event.partners.is_empty() {
        fault("partners".into(), "must name at least one partner".into());
    }
    for (i, code) in event.partners.iter().enumerate() {
        if !partners.contains(code.as_str()) {
            fault(
                format!("partners[{i}]"),
                format!("`{code}` is not a known partner"),
            );
        }
    }
    if event.sectors.is_empty() {
        fault("sectors".into(), "must name at least one sector".into());
    }
    for (i, id) in event.sectors.iter().enumerate() {
        if !sectors.contains(id.as_str()) {
            fault(
                format!("sectors[{i}]"),
                format!("`{id}` is not a known sector"),
            );
        }
    }
    for (name, text) in [("title", &event.title), ("summary", &event.summary)] {
        if let Some(field) = empty_text(text, name) {
            fault(field, "must not be empty".into());
        }
    }
    if let Some(note) = &event.note {
        if let Some(field) = empty_text(note, "note") {
            fault(field, "must not be empty".into());
        }
    }
    if event.sources.is_empty() {
        fault("sources".into(), "must list at least one source".into());
    }
    for (i, source) in event.sources.iter().enumerate() {
        if !source.url.starts_with("https://") || !is_linkable_url(&source.url) {
            fault(
                format!("sources[{i}].url"),
                format!("`{}` is not an https:// address", source.url),
            );
        }
        if source.publisher.trim().is_empty() {
            fault(
                format!("sources[{i}].publisher"),
                "must not be empty".into(),
            );
        }
        if source.lang.trim().is_empty() {
            fault(format!("sources[{i}].lang"), "must not be empty".into());
        }
    }
    faults
}

impl Dataset {
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id.as_str() == id)
    }

    pub fn partner(&self, code: &str) -> Option<&Partner> {
        self.partners.iter().find(|p| p.code.as_str() == code)
    }

    pub fn sector(&self, id: &str) -> Option<&Sector> {
        self.sectors.iter().find(|s| s.id.as_str() == id)
    }

    /// A partner's name in a language, or its code where the partner is unknown.
    pub fn partner_name(&self, code: &str, lang: super::Lang) -> String {
        self.partner(code)
            .map(|p| p.name.get(lang).to_string())
            .unwrap_or_else(|| code.to_string())
    }

    /// A sector's name in a language, or its id where the sector is unknown.
    pub fn sector_name(&self, id: &str, lang: super::Lang) -> String {
        self.sector(id)
            .map(|s| s.name.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    }

    /// The problems that left an event out.
    pub fn rejected(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.rejected)
    }
}
