//! The Atom feed (RFC 4287) of new and corrected events, one per language: the newest events by
//! the day they were added or corrected, each linking to its own page.

use chrono::NaiveDate;

use super::cite::AUTHOR;
use super::page::{escape, escape_html as html, feed_path, Page, Site};
use super::{is_linkable_url, Dataset, Event, Lang};

/// How many events the feed holds.
pub const FEED_ENTRIES: usize = 50;

/// The feed in `lang` for the site at `site`, titled `feed_title`.
pub fn atom(dataset: &Dataset, lang: Lang, site: &Site, feed_title: &str) -> String {
    let entries = newest(dataset, FEED_ENTRIES);
    let updated = entries
        .iter()
        .map(|e| updated(e))
        .max()
        .or(dataset.updated.map(|d| d.first_day()))
        .unwrap_or(NaiveDate::MIN);
    let self_url = site.url(&feed_path(lang));
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        lang.code()
    ));
    xml.push_str(&format!("  <id>{}</id>\n", escape(&self_url)));
    xml.push_str(&format!("  <title>{}</title>\n", escape(feed_title)));
    xml.push_str(&format!("  <updated>{}</updated>\n", timestamp(updated)));
    xml.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(&self_url)
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(&site.url(&Page::Timeline.path(lang)))
    ));
    xml.push_str(&format!(
        "  <author>\n    <name>{}</name>\n  </author>\n",
        escape(AUTHOR)
    ));
    for event in entries {
        xml.push_str(&entry(dataset, event, lang, site));
    }
    xml.push_str("</feed>\n");
    xml
}

/// The `count` events added or corrected last: by `added`, then `changed`, then the event's
/// date, newest first.
pub fn newest(dataset: &Dataset, count: usize) -> Vec<&Event> {
    let mut events: Vec<&Event> = dataset.events.iter().collect();
    events.sort_by(|a, b| {
        (b.added, b.changed, b.date, &b.id).cmp(&(a.added, a.changed, a.date, &a.id))
    });
    events.truncate(count);
    events
}

/// The day an entry last changed: its correction, else its addition, else its date.
fn updated(event: &Event) -> NaiveDate {
    event
        .changed
        .or(event.added)
        .unwrap_or(event.date)
        .first_day()
}

/// A day as Atom writes it (RFC 3339): `2026-12-05T00:00:00Z`.
fn timestamp(day: NaiveDate) -> String {
    format!("{day}T00:00:00Z")
}

fn entry(dataset: &Dataset, event: &Event, lang: Lang, site: &Site) -> String {
    let url = escape(&site.url(&Page::Event(event).path(lang)));
    let mut xml = String::from("  <entry>\n");
    xml.push_str(&format!("    <id>{url}</id>\n"));
    xml.push_str(&format!(
        "    <title>{}</title>\n",
        escape(event.title.get(lang))
    ));
    xml.push_str(&format!(
        "    <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n"
    ));
    xml.push_str(&format!(
        "    <updated>{}</updated>\n",
        timestamp(updated(event))
    ));
    if let Some(added) = event.added {
        xml.push_str(&format!(
            "    <published>{}</published>\n",
            timestamp(added.first_day())
        ));
    }
    for code in &event.partners {
        xml.push_str(&format!(
            "    <category term=\"{}\" label=\"{}\"/>\n",
            escape(code.as_str()),
            escape(&dataset.partner_name(code.as_str(), lang))
        ));
    }
    xml.push_str(&format!(
        "    <summary>{}</summary>\n",
        escape(event.summary.get(lang))
    ));
    // The HTML is escaped once as HTML, then once more as the element's text.
    xml.push_str(&format!(
        "    <content type=\"html\">{}</content>\n",
        escape(&content(event, lang))
    ));
    xml.push_str("  </entry>\n");
    xml
}

/// An entry's content as HTML: the date, the summary and the sources as links.
fn content(event: &Event, lang: Lang) -> String {
    let date = match event.end_date {
        Some(end) => format!(
            "<time datetime=\"{}\">{}</time> – <time datetime=\"{end}\">{}</time>",
            event.date,
            html(&event.date.display(lang)),
            html(&end.display(lang))
        ),
        None => format!(
            "<time datetime=\"{}\">{}</time>",
            event.date,
            html(&event.date.display(lang))
        ),
    };
    let sources: String = event
        .sources
        .iter()
        .map(|source| {
            let publisher = html(&source.publisher);
            if is_linkable_url(&source.url) {
                format!("<li><a href=\"{}\">{publisher}</a></li>", html(&source.url))
            } else {
                format!("<li>{publisher}</li>")
            }
        })
        .collect();
    let label = match lang {
        Lang::En => "Sources:",
        Lang::Fr => "Sources :",
    };
    format!(
        "<p>{date}</p><p>{}</p><p>{label}</p><ul>{sources}</ul>",
        html(event.summary.get(lang))
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::testing::{shipped, site};
    use crate::domain::{FuzzyDate, Localized, Source};

    fn date(text: &str) -> FuzzyDate {
        text.parse().unwrap()
    }

    /// Checks that `xml` is well formed as far as this module writes it: one declaration, then
    /// elements that each close in order, attributes quoted, and no `<` or `&` in text or
    /// attributes but as one of the five entities. Returns the elements' names, in order.
    fn well_formed(xml: &str) -> Vec<String> {
        let rest = xml
            .strip_prefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
            .expect("the XML declaration");
        let mut open: Vec<String> = Vec::new();
        let mut names = Vec::new();
        let mut at = 0;
        while let Some(start) = rest[at..].find('<').map(|i| i + at) {
            check_text(&rest[at..start]);
            let end = rest[start..].find('>').expect("a closed tag") + start;
            let tag = &rest[start + 1..end];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(open.pop().as_deref(), Some(name), "closing </{name}>");
            } else {
                let self_closing = tag.ends_with('/');
                let tag = tag.trim_end_matches('/');
                let name = tag.split(' ').next().unwrap().to_string();
                assert!(!name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic()));
                // Attributes: name="value" pairs, the values escaped.
                let mut attributes = tag[name.len()..].trim();
                while !attributes.is_empty() {
                    let (key, value) = attributes.split_once("=\"").expect("key=\"value\"");
                    let close = value.find('"').expect("a closed value");
                    assert!(!key.contains(' '), "{key}");
                    check_text(&value[..close]);
                    attributes = value[close + 1..].trim_start();
                }
                names.push(name.clone());
                if !self_closing {
                    open.push(name);
                }
            }
            at = end + 1;
            if open.is_empty() {
                assert_eq!(rest[at..].trim(), "", "nothing after the root");
                return names;
            }
        }
        panic!("unclosed elements: {open:?}");
    }

    fn check_text(text: &str) {
        assert!(!text.contains('<') && !text.contains('>'), "{text}");
        for (i, _) in text.match_indices('&') {
            let entity = &text[i..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                    .iter()
                    .any(|e| entity.starts_with(e)),
                "a bare & in {text}"
            );
        }
    }

    fn unescape(text: &str) -> String {
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&")
    }

    /// The inside of each `<name>` element in `xml`, in order, as written.
    fn elements<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
        let open = format!("<{name}");
        let close = format!("</{name}>");
        let mut out = Vec::new();
        let mut rest = xml;
        while let Some(start) = rest.find(&open) {
            let after = &rest[start + open.len()..];
            if !after.starts_with(['>', ' ']) {
                rest = after;
                continue;
            }
            let body = &after[after.find('>').unwrap() + 1..];
            let end = body.find(&close).expect("closed");
            out.push(&body[..end]);
            rest = &body[end..];
        }
        out
    }

    /// The text of each `<name>` element in `xml`, in order, unescaped.
    fn texts(xml: &str, name: &str) -> Vec<String> {
        elements(xml, name).into_iter().map(unescape).collect()
    }

    #[test]
    fn the_feed_holds_the_fifty_newest_events_each_with_what_atom_requires() {
        let data = shipped();
        let xml = atom(&data, Lang::En, &site(), "New events");
        let names = well_formed(&xml);
        assert_eq!(names[0], "feed");
        assert!(xml.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"));
        let entries = elements(&xml, "entry");
        assert_eq!(entries.len(), FEED_ENTRIES);
        let head = &xml[..xml.find("<entry>").unwrap()];
        assert_eq!(
            texts(head, "id"),
            ["https://example.org/mali-timeline/feed.atom"]
        );
        assert_eq!(texts(head, "title"), ["New events"]);
        assert_eq!(texts(head, "updated"), ["2026-12-05T00:00:00Z"]);
        assert_eq!(texts(head, "name"), [AUTHOR]);
        assert!(head.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/mali-timeline/feed.atom\"/>"));
        assert!(head.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://example.org/mali-timeline/\"/>"));
        let newest = newest(&data, FEED_ENTRIES);
        let mut previous = None;
        for (entry, event) in entries.iter().zip(&newest) {
            let url = format!("https://example.org/mali-timeline/events/{}", event.id);
            assert_eq!(texts(entry, "id"), [url.as_str()]);
            assert_eq!(texts(entry, "title"), [event.title.en.as_str()]);
            assert!(entry.contains(&format!(
                "<link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>"
            )));
            let updated = texts(entry, "updated");
            assert_eq!(updated.len(), 1);
            assert!(updated[0].as_str() <= "2026-12-05T00:00:00Z");
            assert_eq!(texts(entry, "summary"), [event.summary.en.as_str()]);
            assert_eq!(texts(entry, "content").len(), 1);
            assert_eq!(
                entry.matches("<category term=").count(),
                event.partners.len()
            );
            let key = (event.added, event.changed, event.date);
            assert!(previous.is_none_or(|p| p >= key), "newest first");
            previous = Some(key);
        }
        // The newest release's 100 events come first; the feed's date is the newest entry's.
        assert!(newest.iter().all(|e| e.added == Some(date("2026-12-05"))));
    }

    #[test]
    fn the_french_feed_has_its_own_address_and_words() {
        let data = shipped();
        let xml = atom(&data, Lang::Fr, &site(), "Nouveaux événements");
        well_formed(&xml);
        assert!(xml.contains("xml:lang=\"fr\""));
        let head = &xml[..xml.find("<entry>").unwrap()];
        assert_eq!(
            texts(head, "id"),
            ["https://example.org/mali-timeline/fr/feed.atom"]
        );
        assert!(head.contains("href=\"https://example.org/mali-timeline/fr/\""));
        let first = newest(&data, 1)[0];
        let entry = elements(&xml, "entry")[0];
        assert_eq!(
            texts(entry, "id"),
            [format!(
                "https://example.org/mali-timeline/fr/events/{}",
                first.id
            )]
        );
        assert_eq!(texts(entry, "title"), [first.title.fr.as_str()]);
        assert!(texts(entry, "content")[0].contains(&first.date.display(Lang::Fr)));
    }

    #[test]
    fn markup_in_the_data_stays_text_and_only_web_addresses_are_links() {
        let mut data = shipped();
        let mut event = data.events[0].clone();
        event.title = Localized {
            en: "A <b>bold</b> & \"quoted\" title".into(),
            fr: "Un titre".into(),
        };
        event.summary = Localized {
            en: "Says <script>alert(1)</script> & more, it's".into(),
            fr: "Résumé".into(),
        };
        event.sources = vec![
            Source {
                url: "https://example.com/?a=1&b=<2>".into(),
                publisher: "A & B".into(),
                date: None,
                lang: "en".into(),
            },
            Source {
                url: "javascript:alert(1)".into(),
                publisher: "Unsafe".into(),
                date: None,
                lang: "en".into(),
            },
        ];
        event.added = Some(date("2030-01-02"));
        event.changed = None;
        data.events.push(event);
        let xml = atom(&data, Lang::En, &site(), "Feed & <more>");
        well_formed(&xml);
        assert!(xml.contains("<title>Feed &amp; &lt;more&gt;</title>"));
        assert!(xml.contains("<updated>2030-01-02T00:00:00Z</updated>"));
        let entry = elements(&xml, "entry")[0];
        assert!(entry
            .contains("<title>A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title</title>"));
        assert_eq!(texts(entry, "title"), ["A <b>bold</b> & \"quoted\" title"]);
        assert_eq!(texts(entry, "published"), ["2030-01-02T00:00:00Z"]);
        // Once read from the XML, the content is HTML in which the data is text.
        let html = &texts(entry, "content")[0];
        assert!(
            html.contains("<p>Says &lt;script&gt;alert(1)&lt;/script&gt; &amp; more, it&#39;s</p>"),
            "{html}"
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(
            html.contains(
                "<li><a href=\"https://example.com/?a=1&amp;b=&lt;2&gt;\">A &amp; B</a></li>"
            ),
            "{html}"
        );
        assert!(html.contains("<li>Unsafe</li>"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn an_entry_is_updated_when_corrected_else_when_added_else_on_its_date() {
        let data = shipped();
        let mut event = data.events[0].clone();
        event.added = Some(date("2026-11-28"));
        event.changed = Some(date("2026-12-05"));
        assert_eq!(timestamp(updated(&event)), "2026-12-05T00:00:00Z");
        event.changed = None;
        assert_eq!(timestamp(updated(&event)), "2026-11-28T00:00:00Z");
        event.added = None;
        event.date = date("2019-07");
        assert_eq!(timestamp(updated(&event)), "2019-07-01T00:00:00Z");
        let empty = Dataset {
            updated: Some(date("2026-12-05")),
            ..Dataset::default()
        };
        let xml = atom(&empty, Lang::En, &site(), "Empty");
        assert_eq!(
            well_formed(&xml),
            ["feed", "id", "title", "updated", "link", "link", "author", "name"]
        );
        assert!(xml.contains("<updated>2026-12-05T00:00:00Z</updated>"));
    }
}
