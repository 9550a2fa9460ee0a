//! The values of the query string: read leniently (percent-decoding, partner codes, dates of a
//! range, search text), written canonically, and lists capped so they always read back.

use std::collections::BTreeSet;

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use super::{FuzzyDate, MAX_Q_CHARS, MAX_VALUE_CHARS};
use crate::domain::DatePrecision;

pub(super) fn toggle<T: Ord + Clone>(set: &mut BTreeSet<T>, item: &T) {
    if !set.remove(item) {
        set.insert(item.clone());
    }
}

/// A list value that keeps, of all the items it is given, the smallest ones whose comma-joined
/// form fits in [`MAX_VALUE_CHARS`]. Without this cap, items merged from repeated keys could
/// print as one value too long to be read back, and a shared link would lose its filter.
pub(super) struct CappedList<T> {
    pub(super) items: BTreeSet<T>,
    /// The length of the items joined with commas.
    printed: usize,
    text: fn(&T) -> &str,
}

impl<T: Ord> CappedList<T> {
    pub(super) fn new(text: fn(&T) -> &str) -> Self {
        Self {
            items: BTreeSet::new(),
            printed: 0,
            text,
        }
    }

    pub(super) fn add(&mut self, item: T) {
        let width = (self.text)(&item).len();
        if self.items.insert(item) {
            self.printed += width + usize::from(self.items.len() > 1);
        }
        while self.printed > MAX_VALUE_CHARS {
            let Some(last) = self.items.pop_last() else {
                break;
            };
            self.printed -= (self.text)(&last).len() + usize::from(!self.items.is_empty());
        }
    }
}

/// A partner code as the dataset writes them: 1 to 16 upper-case letters or digits.
pub(super) fn is_partner_code(code: &str) -> bool {
    (1..=16).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// A range end: a year or a month. A day is refused, because the range controls offer no day.
pub(super) fn range_date(value: &str) -> Option<FuzzyDate> {
    value
        .trim()
        .parse::<FuzzyDate>()
        .ok()
        .filter(|date| date.precision() != DatePrecision::Day)
}

/// The search text: control characters become spaces, then it is trimmed and cut.
pub(super) fn clean_search(value: &str) -> String {
    let spaced: String = value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let cut: String = spaced.trim().chars().take(MAX_Q_CHARS).collect();
    // Cutting may leave a space at the end, which a second reading would trim.
    cut.trim_end().to_string()
}

/// Decodes `%XX` escapes and `+` (a space); a `%` without two hex digits stays as it is, and
/// bytes that are not UTF-8 become U+FFFD.
pub(super) fn decode(raw: &str) -> String {
    let spaced = raw.replace('+', " ");
    percent_decode_str(&spaced).decode_utf8_lossy().into_owned()
}

/// Every byte but the unreserved `A-Z a-z 0-9 - _ . ~` is percent-encoded; a space is `%20`.
const ESCAPED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

pub(super) fn encode(text: &str) -> String {
    utf8_percent_encode(text, ESCAPED).to_string()
}
