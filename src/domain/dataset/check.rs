//! The checks of one item on its own (an event, an era, their sources); each fault is a
//! (field, message) pair.

use super::is_slug;
use super::FastSet;
use crate::domain::model::{is_linkable_url, Era, Event, Localized, Source};
use crate::domain::DatePrecision;

pub(super) fn empty_text(text: &Localized, field: &str) -> Option<String> {
    if text.en.trim().is_empty() {
        Some(format!("{field}.en"))
    } else if text.fr.trim().is_empty() {
        Some(format!("{field}.fr"))
    } else {
        None
    }
}

/// Checks one parsed event on its own; returns (field, message) for each fault.
pub(super) fn check_event(
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
    for (i, alias) in event.aliases.iter().enumerate() {
        if !is_slug(alias.as_str()) || alias == &event.id {
            fault(
                format!("aliases[{i}]"),
                "must be a slug other than the event's own id".into(),
            );
        }
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
    for (field, message) in check_sources(&event.sources) {
        fault(field, message);
    }
    if let Some(added) = event.added {
        if added.precision() != DatePrecision::Day {
            fault(
                "added".into(),
                format!("{added} must be a day (YYYY-MM-DD)"),
            );
        }
    }
    if let Some(changed) = event.changed {
        if changed.precision() != DatePrecision::Day {
            fault(
                "changed".into(),
                format!("{changed} must be a day (YYYY-MM-DD)"),
            );
        } else if event.added.is_some_and(|added| changed < added) {
            fault(
                "changed".into(),
                format!("{changed} is before the day it was added"),
            );
        }
    }
    faults
}

/// The faults of a list of sources: at least one, each with an https address, a publisher and
/// a language.
fn check_sources(sources: &[Source]) -> Vec<(String, String)> {
    let mut faults: Vec<(String, String)> = Vec::new();
    if sources.is_empty() {
        faults.push(("sources".into(), "must list at least one source".into()));
    }
    for (i, source) in sources.iter().enumerate() {
        if !source.url.starts_with("https://") || !is_linkable_url(&source.url) {
            faults.push((
                format!("sources[{i}].url"),
                format!("`{}` is not an https:// address", source.url),
            ));
        }
        if source.publisher.trim().is_empty() {
            faults.push((
                format!("sources[{i}].publisher"),
                "must not be empty".into(),
            ));
        }
        if source.lang.trim().is_empty() {
            faults.push((format!("sources[{i}].lang"), "must not be empty".into()));
        }
    }
    faults
}

/// Checks one parsed era on its own; returns (field, message) for each fault.
pub(super) fn check_era(era: &Era) -> Vec<(String, String)> {
    let mut faults: Vec<(String, String)> = Vec::new();
    if !is_slug(era.id.as_str()) {
        faults.push((
            "id".into(),
            "must be a slug of lower-case letters, digits and single hyphens".into(),
        ));
    }
    if let Some(end) = era.end {
        if end.last_day() < era.start.first_day() {
            faults.push((
                "end".into(),
                format!("{end} is before the start {}", era.start),
            ));
        }
    }
    if let Some(field) = empty_text(&era.label, "label") {
        faults.push((field, "must not be empty".into()));
    }
    if let Some(field) = era.note.as_ref().and_then(|note| empty_text(note, "note")) {
        faults.push((field, "must not be empty".into()));
    }
    faults.extend(check_sources(&era.sources));
    faults
}
