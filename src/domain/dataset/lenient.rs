//! The slow path: a file with any fault read through a JSON value, event by event, so that each
//! fault is named with its event and field.

use super::eras::with_eras;
use super::validate::validate;
use super::{Dataset, LoadError, Problem, RawFile, Subject};
use crate::domain::model::Event;

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
    let dataset = validate(raw.version, raw.updated, raw.partners, raw.sectors, events);
    Ok(with_eras(dataset, &raw.eras))
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
pub(super) fn objects_where_expected(
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
pub(super) fn strip_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
