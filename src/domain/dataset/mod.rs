//! Loading and validating the dataset, event by event.
//!
//! One bad event never hides the good ones: each event is parsed and checked on its own, a
//! rejected event is left out with a [`Problem`] that names it and says why, and every valid
//! event is kept. Only a file that is empty, is not JSON, or lacks the top-level shape is a
//! fatal [`LoadError`]. The native tests run this same validator over the shipped file.

mod check;
mod eras;
mod lenient;
mod settled;
mod stepped;
mod validate;

use std::fmt;

use serde::Deserialize;
use thiserror::Error;

use super::model::{Era, Event, Partner, Sector};
use super::FuzzyDate;

pub use lenient::load_event_by_event;
pub use stepped::SteppedLoad;
pub(super) use stepped::{next_event, read_to_events};
pub(super) use validate::Validator;

/// A dataset that loaded: its valid events in date order, and what was wrong with the rest.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub version: u32,
    pub updated: Option<FuzzyDate>,
    pub partners: Vec<Partner>,
    pub sectors: Vec<Sector>,
    /// Valid eras, sorted by start.
    pub eras: Vec<Era>,
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
    /// The era at this position in the file, with its id where it has a readable one.
    Era {
        index: usize,
        id: Option<String>,
    },
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

impl Problem {
    /// Where the problem is listed: partners, sectors, eras, then events, each in file order.
    fn order(&self) -> (u8, usize) {
        match &self.subject {
            Subject::Partner(_) => (0, 0),
            Subject::Sector(_) => (1, 0),
            Subject::Era { index, .. } => (2, *index),
            Subject::Event { index, .. } => (3, *index),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.subject {
            Subject::Event { id: Some(id), .. } => write!(f, "event `{id}`")?,
            Subject::Event { index, id: None } => write!(f, "event #{}", index + 1)?,
            Subject::Partner(code) => write!(f, "partner `{code}`")?,
            Subject::Sector(id) => write!(f, "sector `{id}`")?,
            Subject::Era { id: Some(id), .. } => write!(f, "era `{id}`")?,
            Subject::Era { index, id: None } => write!(f, "era #{}", index + 1)?,
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
    #[serde(default)]
    eras: Vec<serde_json::Value>,
    events: Vec<serde_json::Value>,
}

/// An event that must be written as an object, as the per-event path requires.
struct ObjectEvent(Event);

impl<'de> Deserialize<'de> for ObjectEvent {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::model::from_object(deserializer).map(ObjectEvent)
    }
}

/// A set keyed by the file's own ids and codes: they come from one file and need no protection
/// against crafted collisions (a collision only costs time), so the fast hash of the lockfile's
/// `rustc-hash` serves.
pub(crate) type FastSet<T> = rustc_hash::FxHashSet<T>;

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

impl Dataset {
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id.as_str() == id)
    }

    /// The event with this id, or else the event that lists it among its aliases (an id it had
    /// before it was renamed or merged).
    pub fn event_or_alias(&self, id: &str) -> Option<&Event> {
        self.event(id).or_else(|| {
            self.events
                .iter()
                .find(|e| e.aliases.iter().any(|a| a.as_str() == id))
        })
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
