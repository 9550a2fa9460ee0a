//! The fast path: the file read field by field and event by event, in steps a page can paint
//! between.

use serde_json::value::RawValue;

use super::eras::with_eras;
use super::lenient::objects_where_expected;
use super::settled::Settled;
use super::validate::Validator;
use super::{event_by_event, Dataset, LoadError, ObjectEvent};
use crate::domain::model::{Event, Partner, Sector};
use crate::domain::reader::Reader;
use crate::domain::FuzzyDate;

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
pub(in crate::domain) fn read_to_events(bytes: &[u8]) -> Option<(Reader<'_>, Head)> {
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
pub(in crate::domain) fn next_event(reader: &mut Reader, started: bool) -> Option<Option<Event>> {
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
pub(in crate::domain) struct Head {
    pub(in crate::domain) version: Option<u32>,
    pub(in crate::domain) updated: Option<FuzzyDate>,
    pub(in crate::domain) partners: Option<Vec<Partner>>,
    pub(in crate::domain) sectors: Option<Vec<Sector>>,
    /// The eras as JSON values, each read and checked on its own once the events are read.
    eras: Vec<serde_json::Value>,
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
            "eras" => self.eras = serde_json::from_str(reader.value::<&RawValue>()?.get()).ok()?,
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
                Some(version) => Ok(with_eras(
                    settled.into_dataset(version, head.updated),
                    &head.eras,
                )),
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
