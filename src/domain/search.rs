//! Accent- and case-insensitive text search, and highlighting of what matched.
//!
//! Both the searched text and the query go through [`fold`], so "teheran" finds "Téhéran" and
//! "cote d'ivoire" finds "Côte d’Ivoire". Folding works one character at a time, which lets
//! [`highlight`] map a match in folded text back to the exact characters of the original.

use super::{Dataset, Lang};

/// The most terms a query is split into; the rest is ignored.
pub const MAX_TERMS: usize = 12;

/// The most characters one term keeps; a longer word is cut.
pub const MAX_TERM_CHARS: usize = 100;

/// Lower-cases `text`, strips the accents of Latin letters and writes typographic apostrophes
/// and dashes in their plain form.
///
/// ```
/// use mali_timeline::domain::search::fold;
/// assert_eq!(fold("Côte d’Ivoire — Œuvre"), "cote d'ivoire - oeuvre");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the folded form of `text` to `out`: runs of ASCII are copied and lower-cased in
/// place, other characters go through [`push_folded`].
fn fold_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        if ascii > 0 {
            let start = out.len();
            out.push_str(&rest[..ascii]);
            out[start..].make_ascii_lowercase();
            rest = &rest[ascii..];
        }
        if let Some(c) = rest.chars().next() {
            push_folded(c, out);
            rest = &rest[c.len_utf8()..];
        }
    }
}

/// Appends the folded form of one character, which may be empty (a combining accent) or
/// several characters long (`œ` becomes `oe`).
fn push_folded(c: char, out: &mut String) {
    // Plain ASCII is by far the most common case and needs no table.
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for lower in c.to_lowercase() {
        match lower {
            // Combining accents of decomposed text ("e" followed by U+0301) disappear, as the
            // accent of a precomposed "é" does.
            '\u{0300}'..='\u{036F}' => {}
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' => out.push('\''),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => {
                out.push('-')
            }
            _ => match strip_accent(lower) {
                Some(plain) => out.push_str(plain),
                None => out.push(lower),
            },
        }
    }
}

/// The plain letters for a lower-case letter of Latin-1 Supplement or Latin Extended-A.
fn strip_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ð' | 'ď' | 'đ' => "d",
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' | 'ĸ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' | 'ŋ' => "n",
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ß' => "ss",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ſ' => "s",
        'ţ' | 'ť' | 'ŧ' => "t",
        'þ' => "th",
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Splits a query into folded terms: at most [`MAX_TERMS`] distinct words of at most
/// [`MAX_TERM_CHARS`] characters each.
///
/// The query comes from the URL, so it may be hostile: only the words that are kept are read
/// past, and each is cut before it is folded.
pub fn terms(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in query.split_whitespace() {
        if out.len() == MAX_TERMS {
            break;
        }
        let cut: String = word.chars().take(MAX_TERM_CHARS).collect();
        // Folding may lengthen a word (ß becomes ss), so it is cut again.
        let term: String = fold(&cut).chars().take(MAX_TERM_CHARS).collect();
        if !term.is_empty() && !out.contains(&term) {
            out.push(term);
        }
    }
    out
}

/// The searchable text of every event, folded once when the dataset loads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchIndex {
    /// One folded text per event, at the event's index in `dataset.events`.
    texts: Vec<String>,
    /// Per event, which characters its text holds (see [`char_mask`]): a term with a character
    /// the text lacks cannot match, and is refused without reading the text.
    masks: Vec<u64>,
}

impl SearchIndex {
    /// Folds, for each event, its titles, summaries and notes, its partners' codes and names,
    /// its sectors' names and its kind, in both languages.
    pub fn new(dataset: &Dataset) -> Self {
        let mut index = Self::default();
        index.extend(dataset, usize::MAX);
        index
    }

    /// Folds the text of up to `budget` more events, in dataset order; whether every event of
    /// `dataset` is now in the index.
    pub fn extend(&mut self, dataset: &Dataset, budget: usize) -> bool {
        let start = self.texts.len();
        let end = start.saturating_add(budget).min(dataset.events.len());
        for event in dataset.events.get(start..end).unwrap_or_default() {
            let text = Self::text_of(dataset, event);
            self.masks.push(char_mask(&text));
            self.texts.push(text);
        }
        self.texts.len() >= dataset.events.len()
    }

    fn text_of(dataset: &Dataset, event: &super::Event) -> String {
        let mut parts: Vec<&str> = Vec::with_capacity(16);
        for lang in [Lang::En, Lang::Fr] {
            parts.push(event.title.get(lang));
            parts.push(event.summary.get(lang));
            if let Some(note) = &event.note {
                parts.push(note.get(lang));
            }
        }
        for code in &event.partners {
            parts.push(code.as_str());
            if let Some(partner) = dataset.partner(code.as_str()) {
                parts.push(&partner.name.en);
                parts.push(&partner.name.fr);
            }
        }
        for id in &event.sectors {
            if let Some(sector) = dataset.sector(id.as_str()) {
                parts.push(&sector.name.en);
                parts.push(&sector.name.fr);
            }
        }
        parts.push(event.kind.label(Lang::En));
        parts.push(event.kind.label(Lang::Fr));
        // Terms never hold whitespace, so a newline keeps a term from matching across
        // the boundary of two fields.
        let mut text = String::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            fold_into(part, &mut text);
        }
        text
    }

    /// Whether the event at `index` holds every term (as given by [`terms`]); an index
    /// outside the dataset matches nothing.
    pub fn matches(&self, index: usize, terms: &[String]) -> bool {
        let masked: Vec<(String, u64)> = terms.iter().map(|t| (t.clone(), char_mask(t))).collect();
        self.matches_masked(index, &masked)
    }

    /// [`SearchIndex::matches`] with each term's [`char_mask`] computed once by the caller,
    /// as a search over every event does.
    pub fn matches_masked(&self, index: usize, terms: &[(String, u64)]) -> bool {
        let (Some(text), Some(&mask)) = (self.texts.get(index), self.masks.get(index)) else {
            return false;
        };
        terms
            .iter()
            .all(|(term, needed)| mask & needed == *needed && text.contains(term.as_str()))
    }

    /// How many events the index holds.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }
}

/// A set of the characters in `text`, one bit each for `a`–`z` and `0`–`9` and one bit for
/// all other characters together. A text holds a term only if its set holds the term's.
pub fn char_mask(text: &str) -> u64 {
    let mut mask = 0u64;
    for b in text.bytes() {
        mask |= match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            b'0'..=b'9' => 1 << (26 + b - b'0'),
            _ => 1 << 36,
        };
    }
    mask
}

/// One character of the original text and what it folded to.
struct FoldedChar {
    /// Its byte range in the original text.
    start: usize,
    end: usize,
    /// Whether it folded to nothing (a combining accent).
    vanished: bool,
}

/// Splits `text` into segments, marked `true` where they match one of `terms` under folding.
///
/// Overlapping and touching matches are merged, a character that folds to several (`œ`) is
/// marked whole when any part of it matches, and joining the segments gives back `text`
/// exactly. Segments are never empty and their marks alternate.
pub fn highlight(text: &str, terms: &[String]) -> Vec<(String, bool)> {
    let terms: Vec<String> = terms
        .iter()
        .map(|t| fold(t))
        .filter(|t| !t.is_empty())
        .collect();
    if text.is_empty() {
        return Vec::new();
    }
    if terms.is_empty() {
        return vec![(text.to_string(), false)];
    }

    // Fold character by character, remembering which character each folded byte came from.
    let mut folded = String::with_capacity(text.len());
    let mut owner: Vec<usize> = Vec::with_capacity(text.len());
    let mut chars: Vec<FoldedChar> = Vec::new();
    for (start, c) in text.char_indices() {
        let before = folded.len();
        push_folded(c, &mut folded);
        owner.resize(folded.len(), chars.len());
        chars.push(FoldedChar {
            start,
            end: start + c.len_utf8(),
            vanished: folded.len() == before,
        });
    }

    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for term in &terms {
        let mut from = 0;
        while let Some(pos) = folded[from..].find(term.as_str()) {
            let at = from + pos;
            let first = owner[at];
            let mut last = owner[at + term.len() - 1];
            // A combining accent after the last letter belongs to it.
            while last + 1 < chars.len() && chars[last + 1].vanished {
                last += 1;
            }
            ranges.push((chars[first].start, chars[last].end));
            // Step one character, not the whole term, so overlapping matches are found too.
            from = at + folded[at..].chars().next().map_or(1, char::len_utf8);
        }
    }
    ranges.sort_unstable();

    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }

    let mut segments = Vec::new();
    let mut at = 0;
    for (start, end) in merged {
        if start > at {
            segments.push((text[at..start].to_string(), false));
        }
        segments.push((text[start..end].to_string(), true));
        at = end;
    }
    if at < text.len() {
        segments.push((text[at..].to_string(), false));
    }
    segments
}

// Domain tests run natively (`cargo test`); proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::load;
    use proptest::prelude::*;

    fn t(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    fn marked(segments: &[(String, bool)]) -> Vec<&str> {
        segments
            .iter()
            .filter(|(_, hit)| *hit)
            .map(|(s, _)| s.as_str())
            .collect()
    }

    #[test]
    fn folds_case_accents_apostrophes_and_dashes() {
        for (text, folded) in [
            ("Téhéran", "teheran"),
            ("Côte d’Ivoire", "cote d'ivoire"),
            ("ÉTATS-UNIS", "etats-unis"),
            ("àâä çîï ôö ùûü ÿ ñ", "aaa cii oo uuu y n"),
            ("Œuvre cœur Æther ß ẞ", "oeuvre coeur aether ss ss"),
            ("ŁÓDŹ Škoda İstanbul", "lodz skoda istanbul"),
            ("2012–2013 — l‘ami ʼx", "2012-2013 - l'ami 'x"),
            ("Te\u{301}he\u{301}ran", "teheran"),
            ("Россия 中国", "россия 中国"),
            ("Côte d’Ivoire — Œuvre", "cote d'ivoire - oeuvre"),
        ] {
            assert_eq!(fold(text), folded, "{text}");
        }
    }

    #[test]
    fn splits_the_query_into_few_short_folded_terms() {
        assert_eq!(terms("  Téhéran   5G "), t(&["teheran", "5g"]));
        assert_eq!(terms(""), Vec::<String>::new());
        assert_eq!(terms("a A á"), t(&["a"]), "repeated terms are kept once");
        let many: String = (0..50).map(|i| format!("w{i} ")).collect();
        assert_eq!(terms(&many).len(), MAX_TERMS);
        let long = "é".repeat(100_000);
        let cut = terms(&long);
        assert_eq!(cut.len(), 1);
        assert_eq!(cut[0].chars().count(), MAX_TERM_CHARS);
        assert_eq!(terms(&"ß".repeat(80))[0].len(), MAX_TERM_CHARS);
    }

    const DATA: &str = r#"{
      "version": 1,
      "partners": [
        {"code": "IRN", "kind": "country", "name": {"en": "Iran", "fr": "Iran"}},
        {"code": "CIV", "kind": "country", "name": {"en": "Ivory Coast", "fr": "Côte d’Ivoire"}}
      ],
      "sectors": [
        {"id": "telecom", "name": {"en": "Telecommunications", "fr": "Télécommunications"}}
      ],
      "events": [
        {"id": "tehran", "date": "2023-07-19", "partners": ["IRN"], "sectors": ["telecom"],
         "kind": "agreement",
         "title": {"en": "Agreements signed in Tehran", "fr": "Accords signés à Téhéran"},
         "summary": {"en": "Iran and Mali sign.", "fr": "L'Iran et le Mali signent."},
         "sources": [{"url": "https://example.org/a", "publisher": "X", "lang": "fr"}]},
        {"id": "abidjan", "date": "2024", "partners": ["CIV"], "sectors": ["telecom"],
         "kind": "visit",
         "title": {"en": "A visit", "fr": "Une visite"},
         "summary": {"en": "A minister travels.", "fr": "Un ministre voyage."},
         "note": {"en": "Date uncertain.", "fr": "Date incertaine."},
         "sources": [{"url": "https://example.org/b", "publisher": "Y", "lang": "fr"}]}
      ]
    }"#;

    fn index() -> (Dataset, SearchIndex) {
        let dataset = load(DATA).unwrap();
        assert!(dataset.problems.is_empty(), "{:?}", dataset.problems);
        let index = SearchIndex::new(&dataset);
        (dataset, index)
    }

    fn found(index: &SearchIndex, dataset: &Dataset, query: &str) -> Vec<String> {
        let terms = terms(query);
        (0..dataset.events.len())
            .filter(|&i| index.matches(i, &terms))
            .map(|i| dataset.events[i].id.0.clone())
            .collect()
    }

    #[test]
    fn finds_words_whatever_their_accents_and_case() {
        let (dataset, index) = index();
        assert_eq!(found(&index, &dataset, "teheran"), ["tehran"]);
        assert_eq!(found(&index, &dataset, "TÉHÉRAN"), ["tehran"]);
        assert_eq!(found(&index, &dataset, "cote d'ivoire"), ["abidjan"]);
        assert_eq!(found(&index, &dataset, "Côte d’Ivoire"), ["abidjan"]);
        assert_eq!(found(&index, &dataset, "COTE D’IVOIRE"), ["abidjan"]);
    }

    #[test]
    fn searches_every_field_in_both_languages() {
        let (dataset, index) = index();
        assert_eq!(found(&index, &dataset, "incertaine"), ["abidjan"], "note");
        assert_eq!(found(&index, &dataset, "civ"), ["abidjan"], "partner code");
        assert_eq!(
            found(&index, &dataset, "ivory"),
            ["abidjan"],
            "partner name"
        );
        assert_eq!(
            found(&index, &dataset, "accord"),
            ["tehran"],
            "kind in French"
        );
        assert_eq!(found(&index, &dataset, "visite"), ["abidjan"], "kind label");
        assert_eq!(
            found(&index, &dataset, "telecommunications"),
            ["tehran", "abidjan"],
            "sector name"
        );
        assert_eq!(found(&index, &dataset, ""), ["tehran", "abidjan"]);
    }

    #[test]
    fn every_term_must_match() {
        let (dataset, index) = index();
        assert_eq!(found(&index, &dataset, "mali iran"), ["tehran"]);
        assert!(found(&index, &dataset, "iran visite").is_empty());
        assert!(
            !index.matches(99, &[]),
            "an index past the end matches nothing"
        );
    }

    #[test]
    fn highlights_the_original_characters_that_match() {
        let segments = highlight("Accords signés à Téhéran", &t(&["teheran"]));
        assert_eq!(
            segments,
            [
                ("Accords signés à ".to_string(), false),
                ("Téhéran".to_string(), true)
            ]
        );
        let segments = highlight("Côte d’Ivoire", &t(&["d'ivoire", "cote"]));
        assert_eq!(marked(&segments), ["Côte", "d’Ivoire"]);
    }

    #[test]
    fn merges_overlapping_matches_and_keeps_whole_ligatures() {
        assert_eq!(marked(&highlight("aaaa b", &t(&["aa"]))), ["aaaa"]);
        assert_eq!(marked(&highlight("abcdef", &t(&["abc", "cde"]))), ["abcde"]);
        assert_eq!(marked(&highlight("cœur", &t(&["e"]))), ["œ"]);
        assert_eq!(marked(&highlight("Œuvre", &t(&["oeu"]))), ["Œu"]);
        assert_eq!(
            marked(&highlight("Te\u{301}he\u{301}ran", &t(&["te"]))),
            ["Te\u{301}"]
        );
        assert_eq!(
            highlight("nothing", &t(&["zzz"])),
            [("nothing".into(), false)]
        );
        assert_eq!(highlight("", &t(&["a"])), []);
        assert_eq!(highlight("abc", &t(&[""])), [("abc".into(), false)]);
    }

    proptest! {
        #[test]
        fn highlight_gives_back_the_text_and_never_panics(
            text in "(\\PC|[œŒßæÆéÉİ\u{301}’ ]){0,40}",
            terms in prop::collection::vec("(\\PC|[œßeoais ]){0,4}", 0..4),
        ) {
            let segments = highlight(&text, &terms);
            let joined: String = segments.iter().map(|(s, _)| s.as_str()).collect();
            prop_assert_eq!(&joined, &text);
            prop_assert!(segments.iter().all(|(s, _)| !s.is_empty()));
            prop_assert!(segments.windows(2).all(|w| w[0].1 != w[1].1));
        }

        #[test]
        fn highlight_marks_something_exactly_when_the_text_matches(
            text in "[a-eéœ ]{0,20}",
            term in "[a-eé]{1,3}",
        ) {
            let terms = vec![fold(&term)];
            let hit = highlight(&text, &terms).iter().any(|(_, m)| *m);
            prop_assert_eq!(hit, fold(&text).contains(&terms[0]));
        }

        #[test]
        fn a_text_holds_every_character_of_a_term_it_contains(
            text in "(\\PC|[œßéz0-9\n ]){0,60}",
            start in 0usize..60,
            len in 1usize..8,
            other in "(\\PC|[a-z0-9]){1,6}",
        ) {
            // The character set never refuses a term the text holds, and refuses only terms
            // the text cannot hold.
            let folded = fold(&text);
            let chars: Vec<char> = folded.chars().collect();
            if start < chars.len() {
                let term: String = chars[start..(start + len).min(chars.len())].iter().collect();
                let mask = char_mask(&term);
                prop_assert_eq!(char_mask(&folded) & mask, mask);
            }
            let mask = char_mask(&other);
            if char_mask(&folded) & mask != mask {
                prop_assert!(!folded.contains(other.as_str()));
            }
        }

        #[test]
        fn highlight_survives_any_string(text in any::<String>(), term in any::<String>()) {
            let segments = highlight(&text, &[term]);
            let joined: String = segments.iter().map(|(s, _)| s.as_str()).collect();
            prop_assert_eq!(joined, text);
        }

        #[test]
        fn folding_twice_changes_nothing(text in any::<String>()) {
            prop_assert_eq!(fold(&fold(&text)), fold(&text));
        }
    }
}
