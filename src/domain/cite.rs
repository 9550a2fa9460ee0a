//! References to the dataset: to one event or to a view (a filtered timeline), in APA, Chicago,
//! BibTeX and CSL-JSON, in English or French.
//!
//! Every form names the dataset and its version, the event or the view, its address (which
//! carries `?v={version}`, so that a reader can tell which release was cited) and the day it
//! was read. The author is the project itself: it names no people.

use chrono::{Datelike, NaiveDate};
use serde_json::json;

use super::date::month_names;
use super::page::{Page, Site};
use super::{Dataset, DatePrecision, Event, Filters, FuzzyDate, Lang};

/// The author of every reference: the project, by its name.
pub const AUTHOR: &str = "mali-timeline";

/// What is cited: an event or a view of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CiteSubject {
    /// The event's title, or the view in words (see [`view_title`]).
    pub title: String,
    /// The absolute address, with `v={version}` in its query.
    pub url: String,
    /// The event's id; none for a view.
    pub id: Option<String>,
}

/// What every reference says besides its subject.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CiteContext {
    /// The dataset's name in the reference's language.
    pub dataset_title: &'static str,
    pub version: u32,
    /// The day of the release.
    pub updated: Option<FuzzyDate>,
    /// The day the reader read it.
    pub accessed: NaiveDate,
    pub lang: Lang,
}

impl CiteContext {
    /// The context of a reference to `dataset`, read on `accessed`.
    pub fn new(
        dataset: &Dataset,
        dataset_title: &'static str,
        accessed: NaiveDate,
        lang: Lang,
    ) -> Self {
        CiteContext {
            dataset_title,
            version: dataset.version,
            updated: dataset.updated,
            accessed,
            lang,
        }
    }
}

/// An event's page in `lang`, as cited from release `version`.
pub fn event_subject(event: &Event, lang: Lang, site: &Site, version: u32) -> CiteSubject {
    CiteSubject {
        title: event.title.get(lang).to_string(),
        url: format!("{}?v={version}", site.url(&Page::Event(event).path(lang))),
        id: Some(event.id.to_string()),
    }
}

/// The timeline under `filters` in `lang`, as cited from the dataset's release.
pub fn view_subject(filters: &Filters, dataset: &Dataset, lang: Lang, site: &Site) -> CiteSubject {
    // The path names the language; the query keeps the rest of the view and the release.
    let query = Filters {
        lang: None,
        embed: false,
        version: Some(dataset.version),
        ..filters.clone()
    }
    .to_query();
    CiteSubject {
        title: view_title(filters, dataset, lang),
        url: format!("{}{query}", site.url(&Page::Timeline.path(lang))),
        id: None,
    }
}

/// A view in words: "Russia or Iran, Agreement, 2022", or "All events" when nothing narrows it.
pub fn view_title(filters: &Filters, dataset: &Dataset, lang: Lang) -> String {
    let or = match lang {
        Lang::En => " or ",
        Lang::Fr => " ou ",
    };
    let mut parts: Vec<String> = Vec::new();
    let mut group = |names: Vec<String>| {
        if !names.is_empty() {
            parts.push(names.join(or));
        }
    };
    group(
        filters
            .partners
            .iter()
            .map(|code| dataset.partner_name(code.as_str(), lang))
            .collect(),
    );
    group(
        filters
            .sectors
            .iter()
            .map(|id| dataset.sector_name(id.as_str(), lang))
            .collect(),
    );
    group(
        filters
            .kinds
            .iter()
            .map(|kind| kind.label(lang).to_string())
            .collect(),
    );
    if let Some(dates) = date_range(filters.from, filters.to, lang) {
        parts.push(dates);
    }
    if !filters.q.is_empty() {
        parts.push(match lang {
            Lang::En => format!("“{}”", filters.q),
            Lang::Fr => format!("« {} »", filters.q),
        });
    }
    if parts.is_empty() {
        return match lang {
            Lang::En => "All events",
            Lang::Fr => "Tous les événements",
        }
        .to_string();
    }
    capitalized(&parts.join(", "))
}

/// A date range in words: "2022", "2022–2024", "from March 2022", "jusqu'en 2024".
fn date_range(from: Option<FuzzyDate>, to: Option<FuzzyDate>, lang: Lang) -> Option<String> {
    Some(match (from, to, lang) {
        (Some(from), Some(to), _) if from == to => from.display(lang),
        (Some(from), Some(to), _) => {
            let by_year =
                from.precision() == DatePrecision::Year && to.precision() == DatePrecision::Year;
            let dash = if by_year { "–" } else { " – " };
            format!("{}{dash}{}", from.display(lang), to.display(lang))
        }
        (Some(from), None, Lang::En) => format!("from {}", from.display(lang)),
        (Some(from), None, Lang::Fr) => format!("à partir de {}", from.display(lang)),
        (None, Some(to), Lang::En) => format!("until {}", to.display(lang)),
        (None, Some(to), Lang::Fr) => format!("jusqu'en {}", to.display(lang)),
        (None, None, _) => return None,
    })
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A day as references write it: "December 5, 2026"; in French "5 décembre 2026".
fn long_day(day: NaiveDate, lang: Lang) -> String {
    let month = month_names(lang)[day.month0() as usize];
    match lang {
        Lang::En => format!("{month} {}, {}", day.day(), day.year()),
        Lang::Fr if day.day() == 1 => format!("1er {month} {}", day.year()),
        Lang::Fr => format!("{} {month} {}", day.day(), day.year()),
    }
}

/// A release date at its precision: "December 5, 2026", "December 2026", "2026".
fn long_date(date: FuzzyDate, lang: Lang) -> String {
    match (date.precision(), lang) {
        (DatePrecision::Day, _) => long_day(date.first_day(), lang),
        (_, Lang::Fr) => date.display(lang),
        (DatePrecision::Month, Lang::En) => {
            let month = month_names(lang)[date.first_day().month0() as usize];
            format!("{month} {}", date.year_number())
        }
        (DatePrecision::Year, Lang::En) => date.year_number().to_string(),
    }
}

/// `text` ending with a full stop, unless it already ends a sentence.
fn sentence(text: &str) -> String {
    if text.ends_with(['.', '?', '!', '…']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// APA (7th edition) style:
/// `mali-timeline. (2026). Title. In Dataset (Version 2) [Data set]. Retrieved December 6, 2026,
/// from https://…?v=2`.
pub fn apa(s: &CiteSubject, c: &CiteContext) -> String {
    let year = match (c.updated, c.lang) {
        (Some(updated), _) => updated.year_number().to_string(),
        (None, Lang::En) => "n.d.".to_string(),
        (None, Lang::Fr) => "s. d.".to_string(),
    };
    let accessed = long_day(c.accessed, c.lang);
    let title = sentence(&s.title);
    let (dataset, version) = (c.dataset_title, c.version);
    match c.lang {
        Lang::En => format!(
            "{AUTHOR}. ({year}). {title} In {dataset} (Version {version}) [Data set]. Retrieved {accessed}, from {}",
            s.url
        ),
        Lang::Fr => format!(
            "{AUTHOR}. ({year}). {title} Dans {dataset} (Version {version}) [Jeu de données]. Consulté le {accessed}, à l'adresse {}",
            s.url
        ),
    }
}

/// Chicago (17th edition) style, as a bibliography entry:
/// `mali-timeline. "Title." In Dataset, version 2. Updated December 5, 2026. Accessed December 6,
/// 2026. https://…?v=2.`
pub fn chicago(s: &CiteSubject, c: &CiteContext) -> String {
    let accessed = long_day(c.accessed, c.lang);
    let (dataset, version) = (c.dataset_title, c.version);
    match c.lang {
        Lang::En => {
            let updated = c
                .updated
                .map(|d| format!(" Updated {}.", long_date(d, c.lang)))
                .unwrap_or_default();
            format!(
                "{AUTHOR}. “{}” In {dataset}, version {version}.{updated} Accessed {accessed}. {}.",
                sentence(&s.title),
                s.url
            )
        }
        Lang::Fr => {
            let updated = c
                .updated
                .map(|d| {
                    let on = if d.precision() == DatePrecision::Day {
                        "le"
                    } else {
                        "en"
                    };
                    format!(" Mis à jour {on} {}.", long_date(d, c.lang))
                })
                .unwrap_or_default();
            format!(
                "{AUTHOR}. « {} ». Dans {dataset}, version {version}.{updated} Consulté le {accessed}. {}.",
                s.title, s.url
            )
        }
    }
}

/// The key a reference manager files the reference under: `malitimeline_v2_<event id>` or
/// `malitimeline_v2_view`, letters, digits and `_` only.
pub fn key(s: &CiteSubject, c: &CiteContext) -> String {
    let subject = s.id.as_deref().unwrap_or("view");
    let subject: String = subject
        .chars()
        .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '_' })
        .collect();
    format!("malitimeline_v{}_{subject}", c.version)
}

/// BibTeX, as a `@misc` entry that biblatex and the classic styles both read.
pub fn bibtex(s: &CiteSubject, c: &CiteContext) -> String {
    let year = c.updated.map_or(c.accessed.year(), |d| d.year_number());
    let version = c.version;
    let note = match (&s.id, c.lang) {
        (Some(id), Lang::En) => format!("Dataset version {version}; event {id}"),
        (Some(id), Lang::Fr) => format!("Jeu de données, version {version} ; événement {id}"),
        (None, Lang::En) => format!("Dataset version {version}; view of the timeline"),
        (None, Lang::Fr) => format!("Jeu de données, version {version} ; vue de la chronologie"),
    };
    let language = match c.lang {
        Lang::En => "english",
        Lang::Fr => "french",
    };
    let fields = [
        ("author", format!("{{{}}}", tex(AUTHOR))),
        ("title", format!("{{{}}}", tex(&s.title))),
        (
            "howpublished",
            format!("{}, version {}", tex(c.dataset_title), c.version),
        ),
        ("url", url_field(&s.url)),
        ("urldate", c.accessed.to_string()),
        ("note", tex(&note)),
        ("year", year.to_string()),
        ("language", language.to_string()),
    ];
    let body: Vec<String> = fields
        .iter()
        .map(|(name, value)| format!("  {name} = {{{value}}}"))
        .collect();
    format!("@misc{{{},\n{}\n}}\n", key(s, c), body.join(",\n"))
}

/// Text for a BibTeX value: TeX's special characters written as commands. Braces become
/// `\textbraceleft{}`, not `\{`, because BibTeX counts every brace, escaped or not.
fn tex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(ch);
            }
            _ => out.push(ch),
        }
    }
    out
}

/// An address for BibTeX's `url` field, which is read verbatim: only the characters that would
/// break the field are percent-encoded, which names the same address.
fn url_field(url: &str) -> String {
    url.replace('\\', "%5C")
        .replace('{', "%7B")
        .replace('}', "%7D")
        .replace(' ', "%20")
}

/// CSL-JSON (what Zotero, Mendeley and pandoc read): an array holding one `dataset` item.
pub fn csl_json(s: &CiteSubject, c: &CiteContext) -> String {
    let accessed = [
        c.accessed.year(),
        c.accessed.month() as i32,
        c.accessed.day() as i32,
    ];
    let mut item = json!({
        "id": key(s, c),
        "type": "dataset",
        "title": s.title,
        "container-title": c.dataset_title,
        "author": [{ "literal": AUTHOR }],
        "publisher": AUTHOR,
        "version": c.version.to_string(),
        "URL": s.url,
        "accessed": { "date-parts": [accessed] },
        "language": c.lang.code(),
    });
    if let Some(id) = &s.id {
        item["note"] = json!(format!("Event ID: {id}"));
    }
    if let Some(updated) = c.updated {
        let first = updated.first_day();
        let parts: Vec<i32> = match updated.precision() {
            DatePrecision::Year => vec![first.year()],
            DatePrecision::Month => vec![first.year(), first.month() as i32],
            DatePrecision::Day => vec![first.year(), first.month() as i32, first.day() as i32],
        };
        item["issued"] = json!({ "date-parts": [parts] });
    }
    serde_json::to_string_pretty(&json!([item])).unwrap_or_default()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::query::parse;
    use crate::domain::testing::{shipped, site};

    fn accessed() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
    }

    fn context(data: &Dataset, lang: Lang) -> CiteContext {
        let title = match lang {
            Lang::En => "Mali's partnerships and ruptures",
            Lang::Fr => "Partenariats et ruptures du Mali",
        };
        CiteContext::new(data, title, accessed(), lang)
    }

    /// Whether every brace closes, in order, and the last closes the first.
    fn braces_balance(text: &str) -> bool {
        let mut depth = 0i32;
        for ch in text.chars() {
            match ch {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            if depth < 0 {
                return false;
            }
        }
        depth == 0
    }

    #[test]
    fn every_form_names_the_version_the_event_its_address_and_the_day_it_was_read() {
        let data = shipped();
        let event = &data.events[0];
        let id = event.id.as_str();
        for lang in [Lang::En, Lang::Fr] {
            let subject = event_subject(event, lang, &site(), data.version);
            let prefix = if lang == Lang::Fr { "/fr" } else { "" };
            let url = format!("https://example.org/mali-timeline{prefix}/events/{id}?v=2");
            assert_eq!(subject.url, url);
            let c = context(&data, lang);
            let day = match lang {
                Lang::En => "December 6, 2026",
                Lang::Fr => "6 décembre 2026",
            };
            for (name, text) in [
                ("apa", apa(&subject, &c)),
                ("chicago", chicago(&subject, &c)),
            ] {
                assert!(text.contains(&url), "{name} {lang:?}: {text}");
                assert!(text.contains(day), "{name} {lang:?}: {text}");
                assert!(text.contains(event.title.get(lang)), "{name}: {text}");
                assert!(text.contains(c.dataset_title), "{name}: {text}");
                assert!(text.contains(AUTHOR), "{name}: {text}");
            }
            assert!(apa(&subject, &c).contains("(Version 2)"));
            assert!(chicago(&subject, &c).contains(", version 2."));
            let bib = bibtex(&subject, &c);
            assert!(bib.contains(&format!("url = {{{url}}}")), "{bib}");
            assert!(bib.contains("urldate = {2026-12-06}"), "{bib}");
            assert!(bib.contains(id), "{bib}");
            assert!(bib.contains("version 2"), "{bib}");
            let csl: serde_json::Value = serde_json::from_str(&csl_json(&subject, &c)).unwrap();
            assert_eq!(csl[0]["URL"], url);
            assert_eq!(csl[0]["note"], format!("Event ID: {id}"));
        }
    }

    #[test]
    fn french_references_use_french_words_and_dates() {
        let data = shipped();
        let subject = event_subject(&data.events[0], Lang::Fr, &site(), 2);
        let c = CiteContext {
            accessed: NaiveDate::from_ymd_opt(2027, 5, 1).unwrap(),
            ..context(&data, Lang::Fr)
        };
        let reference = apa(&subject, &c);
        assert!(
            reference.contains("Consulté le 1er mai 2027, à l'adresse https://"),
            "{reference}"
        );
        assert!(reference.contains("[Jeu de données]"), "{reference}");
        let notes = chicago(&subject, &c);
        assert!(notes.contains("Mis à jour le 5 décembre 2026."), "{notes}");
        assert!(notes.contains("Consulté le 1er mai 2027."), "{notes}");
        assert!(notes.contains(&format!("« {} »", data.events[0].title.fr)));
        let en = context(&data, Lang::En);
        let subject = event_subject(&data.events[0], Lang::En, &site(), 2);
        assert!(chicago(&subject, &en).contains("Updated December 5, 2026."));
    }

    #[test]
    fn bibtex_is_one_misc_entry_with_its_special_characters_escaped() {
        let data = shipped();
        let subject = CiteSubject {
            title: r"50% & $5 #1 under_score {x} \ ~^".into(),
            url: "https://example.org/?q=a{b}&v=2".into(),
            id: Some("2024-01-02-x".into()),
        };
        let bib = bibtex(&subject, &context(&data, Lang::En));
        assert!(
            bib.starts_with("@misc{malitimeline_v2_2024_01_02_x,\n"),
            "{bib}"
        );
        assert!(braces_balance(&bib), "{bib}");
        assert!(
            bib.contains(
                r"title = {{50\% \& \$5 \#1 under\_score \textbraceleft{}x\textbraceright{} \textbackslash{} \textasciitilde{}\textasciicircum{}}}"
            ),
            "{bib}"
        );
        assert!(
            bib.contains("url = {https://example.org/?q=a%7Bb%7D&v=2}"),
            "{bib}"
        );
        assert!(bib.contains("author = {{mali-timeline}}"), "{bib}");
        assert!(bib.contains("year = {2026}"), "{bib}");
        assert!(
            bib.contains("note = {Dataset version 2; event 2024-01-02-x}"),
            "{bib}"
        );
        assert!(bib.trim_end().ends_with('}'));
        // An unbalanced title stays balanced once escaped.
        let lopsided = CiteSubject {
            title: "}}{".into(),
            ..subject
        };
        assert!(braces_balance(&bibtex(
            &lopsided,
            &context(&data, Lang::En)
        )));
    }

    #[test]
    fn csl_json_is_one_dataset_item_with_its_fields() {
        let data = shipped();
        let event = &data.events[0];
        let subject = event_subject(event, Lang::En, &site(), data.version);
        let text = csl_json(&subject, &context(&data, Lang::En));
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let items = value.as_array().unwrap();
        assert_eq!(items.len(), 1);
        let item = &items[0];
        assert_eq!(item["type"], "dataset");
        assert_eq!(
            item["id"],
            format!("malitimeline_v2_{}", event.id.as_str().replace('-', "_"))
        );
        assert_eq!(item["title"], event.title.en);
        assert_eq!(item["container-title"], "Mali's partnerships and ruptures");
        assert_eq!(item["version"], "2");
        assert_eq!(item["URL"], subject.url);
        assert_eq!(item["accessed"]["date-parts"], json!([[2026, 12, 6]]));
        assert_eq!(item["issued"]["date-parts"], json!([[2026, 12, 5]]));
        assert_eq!(item["author"][0]["literal"], AUTHOR);
        // A release known to the month is issued in that month.
        let c = CiteContext {
            updated: Some("2026-12".parse().unwrap()),
            ..context(&data, Lang::En)
        };
        let value: serde_json::Value = serde_json::from_str(&csl_json(&subject, &c)).unwrap();
        assert_eq!(value[0]["issued"]["date-parts"], json!([[2026, 12]]));
    }

    #[test]
    fn a_view_is_described_in_words_and_cited_with_its_filters() {
        let data = shipped();
        assert_eq!(view_title(&parse(""), &data, Lang::En), "All events");
        assert_eq!(
            view_title(&parse("?lang=fr&sort=asc"), &data, Lang::Fr),
            "Tous les événements"
        );
        let russia_2022 = parse("?partner=RUS&from=2022&to=2022");
        assert_eq!(view_title(&russia_2022, &data, Lang::En), "Russia, 2022");
        assert_eq!(view_title(&russia_2022, &data, Lang::Fr), "Russie, 2022");
        let many = parse("?partner=RUS,IRN&kind=agreement&q=5g&from=2022-03&to=2024");
        assert_eq!(
            view_title(&many, &data, Lang::En),
            "Iran or Russia, Agreement, March 2022 – 2024, “5g”"
        );
        assert_eq!(
            view_title(&many, &data, Lang::Fr),
            "Iran ou Russie, Accord, mars 2022 – 2024, « 5g »"
        );
        assert_eq!(
            view_title(&parse("?from=2020"), &data, Lang::En),
            "From 2020"
        );
        assert_eq!(
            view_title(&parse("?to=2020"), &data, Lang::Fr),
            "Jusqu'en 2020"
        );

        let subject = view_subject(&russia_2022, &data, Lang::Fr, &site());
        assert_eq!(
            subject.url,
            "https://example.org/mali-timeline/fr/?partner=RUS&from=2022&to=2022&v=2"
        );
        let query = &subject.url[subject.url.find('?').unwrap()..];
        let pinned = Filters {
            version: Some(2),
            ..russia_2022.clone()
        };
        assert_eq!(
            parse(query),
            pinned,
            "the address gives the view back, in its release"
        );
        let all = view_subject(&parse("?lang=en"), &data, Lang::En, &site());
        assert_eq!(all.url, "https://example.org/mali-timeline/?v=2");
        let c = context(&data, Lang::En);
        assert!(bibtex(&all, &c).starts_with("@misc{malitimeline_v2_view,"));
        assert!(apa(&all, &c).contains("All events. In Mali's partnerships and ruptures"));
        let csl: serde_json::Value = serde_json::from_str(&csl_json(&all, &c)).unwrap();
        assert_eq!(csl[0]["id"], "malitimeline_v2_view");
        assert!(csl[0].get("note").is_none());
    }

    #[test]
    fn a_release_without_a_date_is_cited_as_undated() {
        let data = shipped();
        let subject = event_subject(&data.events[0], Lang::En, &site(), 2);
        let undated = CiteContext {
            updated: None,
            ..context(&data, Lang::En)
        };
        assert!(apa(&subject, &undated).contains("mali-timeline. (n.d.). "));
        assert!(!chicago(&subject, &undated).contains("Updated"));
        assert!(bibtex(&subject, &undated).contains("year = {2026}"));
        let csl: serde_json::Value = serde_json::from_str(&csl_json(&subject, &undated)).unwrap();
        assert!(csl[0].get("issued").is_none());
        let fr = CiteContext {
            lang: Lang::Fr,
            ..undated
        };
        assert!(apa(&subject, &fr).contains("(s. d.)"));
    }
}
