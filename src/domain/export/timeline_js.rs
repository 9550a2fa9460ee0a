//! The events of a view as a TimelineJS 3 file, which TimelineJS shows as it is.
//!
//! TimelineJS renders the headline, the text, the group and the dates as HTML, so every text
//! from the dataset is escaped, and a source is a link only where its address is `http(s)`.

use chrono::Datelike;
use serde_json::{json, Map, Value};

use crate::domain::page::{escape_html as escape, Page, Site};
use crate::domain::{is_linkable_url, Dataset, DatePrecision, Event, FuzzyDate, Lang};

/// The site's name, the file's title (the interface's `document_title`).
fn site_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Mali's partnerships and ruptures",
        Lang::Fr => "Partenariats et ruptures du Mali",
    }
}

/// The events at `events`, in that order, as a TimelineJS 3 file in `lang`: a title slide, one
/// slide per event and the eras the events' dates meet.
///
/// A slide's `unique_id` is the event's id; its dates are as precise as the event's (year,
/// month, day, as strings), those known only to the month or the year with a `display_date`
/// in `lang`; its `group` is the first partner's name; its text is the summary, then the
/// sources as links. An era still going on ends at the dataset's `updated` date, or else at
/// its latest event. TimelineJS needs at least one event to show a file.
pub fn timelinejs(dataset: &Dataset, events: &[usize], lang: Lang, site: &Site) -> String {
    let chosen: Vec<&Event> = events
        .iter()
        .filter_map(|&i| dataset.events.get(i))
        .collect();
    let slides: Vec<Value> = chosen
        .iter()
        .map(|event| slide(dataset, event, lang))
        .collect();
    let mut file = json!({
        "title": title(&chosen, lang, site),
        "events": slides,
    });
    let eras = eras(dataset, &chosen, lang);
    if !eras.is_empty() {
        file["eras"] = Value::Array(eras);
    }
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}

fn title(events: &[&Event], lang: Lang, site: &Site) -> Value {
    let home = site.url(&Page::Timeline.path(lang));
    let count = match (lang, events.len()) {
        (Lang::En, 1) => "1 event".to_string(),
        (Lang::En, n) => format!("{n} events"),
        (Lang::Fr, n) if n <= 1 => format!("{n} événement"),
        (Lang::Fr, n) => format!("{n} événements"),
    };
    let span = match (
        events.iter().map(|e| e.date).min(),
        events.iter().map(|e| e.date).max(),
    ) {
        (Some(first), Some(last)) if first != last => {
            format!(", {} – {}", first.display(lang), last.display(lang))
        }
        (Some(only), _) => format!(", {}", only.display(lang)),
        _ => String::new(),
    };
    json!({
        "text": {
            "headline": escape(site_name(lang)),
            "text": format!(
                "<p>{}{}</p><p><a href=\"{}\">{}</a></p>",
                escape(&count),
                escape(&span),
                escape(&home),
                escape(&home)
            ),
        }
    })
}

fn slide(dataset: &Dataset, event: &Event, lang: Lang) -> Value {
    let mut text = format!("<p>{}</p>", escape(event.summary.get(lang)));
    let links: Vec<String> = event
        .sources
        .iter()
        .filter(|s| is_linkable_url(&s.url))
        .map(|s| {
            format!(
                "<a href=\"{}\">{}</a>",
                escape(s.url.trim()),
                escape(&s.publisher)
            )
        })
        .collect();
    if !links.is_empty() {
        text.push_str(&format!("<p>Sources: {}</p>", links.join(", ")));
    }
    let mut slide = json!({
        "unique_id": event.id.as_str(),
        "start_date": date(event.date, lang),
        "text": {
            "headline": escape(event.title.get(lang)),
            "text": text,
        },
    });
    if let Some(end) = event.end_date {
        slide["end_date"] = date(end, lang);
    }
    if let Some(first) = event.partners.first() {
        slide["group"] = Value::String(escape(&dataset.partner_name(first.as_str(), lang)));
    }
    slide
}

/// A TimelineJS date: the year, and the month and day where they are known; a date known only
/// to the month or the year says so with its `display_date`.
fn date(date: FuzzyDate, lang: Lang) -> Value {
    let mut parts = Map::new();
    parts.insert("year".into(), date.year_number().to_string().into());
    if let Some(month) = date.month_number() {
        parts.insert("month".into(), month.to_string().into());
    }
    if date.precision() == DatePrecision::Day {
        parts.insert("day".into(), date.first_day().day().to_string().into());
    } else {
        parts.insert("display_date".into(), escape(&date.display(lang)).into());
    }
    Value::Object(parts)
}

/// The eras whose time meets the events' (from the first event's date to the last event's,
/// or end date), each with an end: an era still going on ends at the dataset's `updated` date
/// or, without one, at its latest event.
fn eras(dataset: &Dataset, events: &[&Event], lang: Lang) -> Vec<Value> {
    let Some(first) = events.iter().map(|e| e.date.first_day()).min() else {
        return Vec::new();
    };
    let last = events
        .iter()
        .map(|e| e.end_date.unwrap_or(e.date).last_day())
        .max()
        .unwrap_or(first);
    let now = dataset
        .updated
        .or_else(|| dataset.events.iter().map(|e| e.date).max());
    dataset
        .eras
        .iter()
        .filter_map(|era| {
            let end = era.end.or(now).map_or(era.start, |end| end.max(era.start));
            let meets = era.start.first_day() <= last && end.last_day() >= first;
            meets.then(|| {
                json!({
                    "start_date": date(era.start, lang),
                    "end_date": date(end, lang),
                    "text": { "headline": escape(era.label.get(lang)) },
                })
            })
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::testing::{shipped, site};

    fn parsed(dataset: &Dataset, events: &[usize], lang: Lang) -> Value {
        serde_json::from_str(&timelinejs(dataset, events, lang, &site())).unwrap()
    }

    #[test]
    fn the_site_name_is_the_interfaces() {
        for lang in [Lang::En, Lang::Fr] {
            assert_eq!(site_name(lang), crate::i18n::ui(lang).document_title);
        }
    }

    #[test]
    fn one_slide_per_index_in_order_with_its_id_and_group() {
        let data = shipped();
        let indexes: Vec<usize> = (0..data.events.len()).rev().step_by(5).collect();
        let file = parsed(&data, &indexes, Lang::Fr);
        let slides = file["events"].as_array().unwrap();
        assert_eq!(slides.len(), indexes.len());
        for (slide, &i) in slides.iter().zip(&indexes) {
            let event = &data.events[i];
            assert_eq!(slide["unique_id"], event.id.as_str());
            let group = data.partner_name(event.partners[0].as_str(), Lang::Fr);
            assert_eq!(slide["group"], escape(&group));
            assert_eq!(slide["text"]["headline"], escape(&event.title.fr));
            let text = slide["text"]["text"].as_str().unwrap();
            assert!(text.starts_with(&format!("<p>{}</p>", escape(&event.summary.fr))));
            assert!(text.contains(&format!("<a href=\"{}\">", escape(&event.sources[0].url))));
            assert_eq!(
                slide["start_date"]["year"],
                event.date.year_number().to_string()
            );
        }
        assert!(file["title"]["text"]["headline"]
            .as_str()
            .unwrap()
            .starts_with("Partenariats"));
        assert!(file["title"]["text"]["text"]
            .as_str()
            .unwrap()
            .contains(&format!("{} événements", indexes.len())));
    }

    #[test]
    fn dates_are_as_precise_as_the_event() {
        let data = shipped();
        let day = data.event("2023-07-19-iran-digital-training").unwrap();
        let at = |e: &Event| data.events.iter().position(|x| x.id == e.id).unwrap();
        let month = data
            .events
            .iter()
            .find(|e| e.date.precision() == DatePrecision::Month)
            .unwrap();
        let file = parsed(&data, &[at(day), at(month)], Lang::En);
        assert_eq!(
            file["events"][0]["start_date"],
            json!({"year": "2023", "month": "7", "day": "19"})
        );
        let start = &file["events"][1]["start_date"];
        assert_eq!(start["year"], month.date.year_number().to_string());
        assert_eq!(
            start["month"],
            month.date.month_number().unwrap().to_string()
        );
        assert!(start.get("day").is_none());
        assert_eq!(start["display_date"], month.date.display(Lang::En));
        let year = date("2021".parse().unwrap(), Lang::Fr);
        assert_eq!(year, json!({"year": "2021", "display_date": "2021"}));
        let first = date("2024-05-01".parse().unwrap(), Lang::Fr);
        assert_eq!(first, json!({"year": "2024", "month": "5", "day": "1"}));
        let with_end = data.events.iter().find(|e| e.end_date.is_some()).unwrap();
        let file = parsed(&data, &[at(with_end)], Lang::En);
        assert_eq!(
            file["events"][0]["end_date"]["year"],
            with_end.end_date.unwrap().year_number().to_string()
        );
    }

    #[test]
    fn dataset_text_is_escaped_and_only_web_links_are_links() {
        let mut data = shipped();
        let event = &mut data.events[0];
        event.title.en = "<script>alert(1)</script> & co".into();
        event.summary.en = "a \"quoted\" <b>summary</b>".into();
        event.sources.truncate(1);
        event.sources[0].publisher = "<i>Press</i>".into();
        let mut bad = event.sources[0].clone();
        bad.url = "javascript:alert(1)".into();
        event.sources.push(bad);
        let file = parsed(&data, &[0], Lang::En);
        let slide = &file["events"][0];
        assert_eq!(
            slide["text"]["headline"],
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
        );
        let text = slide["text"]["text"].as_str().unwrap();
        assert!(text.starts_with("<p>a &quot;quoted&quot; &lt;b&gt;summary&lt;/b&gt;</p>"));
        assert!(text.contains(">&lt;i&gt;Press&lt;/i&gt;</a></p>"), "{text}");
        assert_eq!(text.matches("<a href=").count(), 1, "{text}");
        assert!(!text.contains("javascript:"), "{text}");
        let raw = timelinejs(&data, &[0], Lang::En, &site());
        assert!(!raw.contains("<script>"));
    }

    #[test]
    fn an_era_still_going_on_gets_an_end() {
        let data = shipped();
        let ongoing = data.eras.iter().find(|e| e.end.is_none()).unwrap();
        let all: Vec<usize> = (0..data.events.len()).collect();
        let file = parsed(&data, &all, Lang::En);
        let eras = file["eras"].as_array().unwrap();
        assert_eq!(eras.len(), data.eras.len());
        assert!(eras.iter().all(|e| e.get("start_date").is_some()
            && e.get("end_date").is_some()
            && e["text"]["headline"].is_string()));
        let era = eras
            .iter()
            .find(|e| e["text"]["headline"] == escape(&ongoing.label.en))
            .unwrap();
        let updated = data.updated.unwrap();
        assert_eq!(era["end_date"]["year"], updated.year_number().to_string());
        let without_date = Dataset {
            updated: None,
            ..data.clone()
        };
        let file = parsed(&without_date, &all, Lang::En);
        let latest = data.events.iter().map(|e| e.date).max().unwrap();
        let era = file["eras"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["text"]["headline"] == escape(&ongoing.label.en))
            .unwrap()
            .clone();
        assert_eq!(era["end_date"], date(latest, Lang::En));
    }

    #[test]
    fn only_the_eras_the_events_meet_are_drawn() {
        let data = shipped();
        let first = data.events.first().unwrap();
        let file = parsed(&data, &[0], Lang::En);
        let drawn = file
            .get("eras")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        let expected = data
            .eras
            .iter()
            .filter(|e| {
                e.start.first_day() <= first.end_date.unwrap_or(first.date).last_day()
                    && e.end
                        .is_none_or(|end| end.last_day() >= first.date.first_day())
            })
            .count();
        assert_eq!(drawn, expected);
        assert!(drawn < data.eras.len());
        let none = parsed(&data, &[], Lang::En);
        assert_eq!(none["events"], json!([]));
        assert!(none.get("eras").is_none());
    }
}
