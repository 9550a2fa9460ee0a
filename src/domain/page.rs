//! The pages written at build time: their addresses and files, and what each head says to link
//! previews, search engines and reference managers, which read the HTML as served and run no
//! WebAssembly.

use super::path::lang_prefix;
use super::{Dataset, Event, Lang};

/// The languages every page is written in.
pub const LANGS: [Lang; 2] = [Lang::En, Lang::Fr];

/// Where the site is served: its origin (`https://example.org`) and base path
/// (`/mali-timeline`, or none at the root).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    pub origin: String,
    pub base: String,
}

impl Site {
    /// The absolute URL of an app path such as `/events/x`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}{}", self.origin.trim_end_matches('/'), self.base, path)
    }
}

/// One page written at build time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page<'a> {
    Timeline,
    Event(&'a Event),
    /// What each release of the dataset added, changed and removed. The app has no route for
    /// it: it is a page of text and links only.
    Changelog,
}

impl Page<'_> {
    /// The page's address in a language, as the app writes its links: `/`, `/fr/`,
    /// `/events/{id}`, `/fr/events/{id}`, `/changelog`, `/fr/changelog`.
    pub fn path(&self, lang: Lang) -> String {
        let prefix = lang_prefix(lang);
        match self {
            Page::Timeline => format!("{prefix}/"),
            Page::Event(event) => format!("{prefix}/events/{}", event.id),
            Page::Changelog => format!("{prefix}/changelog"),
        }
    }

    /// The file that a static host serves for [`Page::path`]: `index.html`, `fr/index.html`,
    /// `events/{id}.html`, `fr/events/{id}.html`, `changelog.html`, `fr/changelog.html` (hosts
    /// serve `/x` from `x.html`).
    pub fn file(&self, lang: Lang) -> String {
        let path = self.path(lang);
        match self {
            Page::Timeline => format!("{}index.html", path.trim_start_matches('/')),
            Page::Event(_) | Page::Changelog => format!("{}.html", path.trim_start_matches('/')),
        }
    }
}

/// The address of the feed of new and corrected events in a language: `/feed.atom`,
/// `/fr/feed.atom`.
pub fn feed_path(lang: Lang) -> String {
    format!("{}/feed.atom", lang_prefix(lang))
}

/// What a page's head says, in its language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageHead {
    pub lang: Lang,
    pub title: String,
    pub description: String,
    /// The page's own absolute URL.
    pub canonical: String,
    /// `(hreflang, URL)` for each language, then `x-default`.
    pub alternates: Vec<(&'static str, String)>,
    /// `website` for the timeline, `article` for an event.
    pub og_type: &'static str,
    pub og_locale: &'static str,
    pub site_name: &'static str,
    /// What a reference manager reads (Highwire Press tags), for an event.
    pub citation: Option<Citation>,
    /// The feed in the page's language.
    pub feed: FeedLink,
}

/// A feed a page advertises: `<link rel="alternate" type="application/atom+xml">`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedLink {
    /// Its absolute URL.
    pub href: String,
    pub title: &'static str,
}

/// The Highwire Press `citation_*` tags of an event's page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    pub title: String,
    /// `YYYY/MM/DD`, `YYYY/MM` or `YYYY`, as precise as the event's date.
    pub date: String,
    pub publisher: &'static str,
    pub public_url: String,
    pub language: &'static str,
}

/// The site's words in the page's language (the interface's words).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SiteText {
    pub name: &'static str,
    pub description: &'static str,
    /// The title of the feed of new and corrected events.
    pub feed_title: &'static str,
    /// The changelog page's title and description.
    pub changelog_title: &'static str,
    pub changelog_description: &'static str,
}

/// The most characters of a description: link previews cut longer ones.
const DESCRIPTION_CHARS: usize = 300;

/// `text` cut at a word to at most [`DESCRIPTION_CHARS`] characters, with `…` where it was cut.
fn cut(text: &str) -> String {
    if text.chars().count() <= DESCRIPTION_CHARS {
        return text.to_string();
    }
    let head: String = text.chars().take(DESCRIPTION_CHARS - 1).collect();
    let at_word = head.rfind(' ').map_or(head.as_str(), |i| &head[..i]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':']))
}

/// The head of `page` in `lang`, for the site at `site`, named by `text`.
pub fn head(dataset: &Dataset, page: Page, lang: Lang, site: &Site, text: SiteText) -> PageHead {
    let name = text.name;
    let mut alternates: Vec<(&'static str, String)> = LANGS
        .iter()
        .map(|l| (l.code(), site.url(&page.path(*l))))
        .collect();
    alternates.push(("x-default", site.url(&page.path(Lang::En))));
    let canonical = site.url(&page.path(lang));
    let og_locale = match lang {
        Lang::En => "en_GB",
        Lang::Fr => "fr_FR",
    };
    let (title, description, og_type, citation) = match page {
        Page::Timeline => (
            name.to_string(),
            format!("{} ({}).", text.description, dataset.events.len()),
            "website",
            None,
        ),
        Page::Event(event) => {
            let title = event.title.get(lang).to_string();
            let date = event.date.to_string().replace('-', "/");
            let citation = Citation {
                title: title.clone(),
                date,
                publisher: name,
                public_url: canonical.clone(),
                language: lang.code(),
            };
            (
                format!("{title} — {name}"),
                cut(event.summary.get(lang)),
                "article",
                Some(citation),
            )
        }
        Page::Changelog => (
            format!("{} — {name}", text.changelog_title),
            text.changelog_description.to_string(),
            "website",
            None,
        ),
    };
    PageHead {
        lang,
        title,
        description,
        canonical,
        alternates,
        og_type,
        og_locale,
        site_name: name,
        citation,
        feed: FeedLink {
            href: site.url(&feed_path(lang)),
            title: text.feed_title,
        },
    }
}

/// The sitemap: every page in both languages, each with its alternates.
pub fn sitemap(dataset: &Dataset, site: &Site) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let pages = [Page::Timeline, Page::Changelog]
        .into_iter()
        .chain(dataset.events.iter().map(Page::Event));
    for page in pages {
        for lang in LANGS {
            xml.push_str(&format!(
                "  <url>\n    <loc>{}</loc>\n",
                escape(&site.url(&page.path(lang)))
            ));
            let lastmod = match page {
                Page::Event(event) => event.changed.or(event.added),
                Page::Changelog => dataset.updated,
                Page::Timeline => None,
            };
            if let Some(day) = lastmod {
                xml.push_str(&format!("    <lastmod>{day}</lastmod>\n"));
            }
            for other in LANGS {
                xml.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    other.code(),
                    escape(&site.url(&page.path(other)))
                ));
            }
            xml.push_str("  </url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

/// robots.txt: everything may be read; the sitemap is named.
pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.url("/sitemap.xml")
    )
}

/// Text for HTML, in an element or a quoted attribute: as [`escape`], with `'` as `&#39;`,
/// which every HTML reader knows (`&apos;` is XML's).
pub fn escape_html(text: &str) -> String {
    escape(text).replace("&apos;", "&#39;")
}

/// Text for XML or HTML: `&`, `<`, `>`, `"` and `'` escaped, and the characters XML 1.0 does
/// not allow at all (most control characters, U+FFFE, U+FFFF) left out.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(ch),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {}
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::testing::{shipped, site};

    fn text(lang: Lang) -> SiteText {
        crate::i18n::ui(lang).site_text()
    }

    #[test]
    fn an_event_page_has_its_addresses_in_both_languages() {
        let data = shipped();
        let seed = data.event("2023-07-19-iran-digital-training").unwrap();
        let page = Page::Event(seed);
        assert_eq!(
            page.path(Lang::Fr),
            "/fr/events/2023-07-19-iran-digital-training"
        );
        assert_eq!(
            page.file(Lang::En),
            "events/2023-07-19-iran-digital-training.html"
        );
        assert_eq!(Page::Timeline.file(Lang::Fr), "fr/index.html");
        assert_eq!(Page::Timeline.file(Lang::En), "index.html");
        let head = head(&data, page, Lang::Fr, &site(), text(Lang::Fr));
        assert_eq!(
            head.canonical,
            "https://example.org/mali-timeline/fr/events/2023-07-19-iran-digital-training"
        );
        assert_eq!(head.og_type, "article");
        assert_eq!(head.og_locale, "fr_FR");
        assert_eq!(
            head.title,
            format!("{} — Partenariats et ruptures du Mali", seed.title.fr)
        );
        let codes: Vec<&str> = head.alternates.iter().map(|(code, _)| *code).collect();
        assert_eq!(codes, ["en", "fr", "x-default"]);
        assert_eq!(
            head.alternates[0].1,
            "https://example.org/mali-timeline/events/2023-07-19-iran-digital-training"
        );
        let citation = head.citation.unwrap();
        assert_eq!(citation.date, "2023/07/19");
        assert_eq!(citation.language, "fr");
        assert_eq!(citation.public_url, head.canonical);
    }

    #[test]
    fn the_timeline_page_is_described_in_its_own_language() {
        let data = shipped();
        let fr = head(&data, Page::Timeline, Lang::Fr, &site(), text(Lang::Fr));
        assert!(
            fr.description.starts_with("Les partenariats"),
            "{}",
            fr.description
        );
        assert!(fr
            .description
            .ends_with(&format!("({}).", data.events.len())));
        assert_eq!(fr.og_type, "website");
        assert!(fr.citation.is_none());
        assert_eq!(fr.canonical, "https://example.org/mali-timeline/fr/");
    }

    #[test]
    fn a_citation_date_is_as_precise_as_the_event() {
        let data = shipped();
        let by_month = data
            .events
            .iter()
            .find(|e| e.date.to_string().len() == 7)
            .expect("an event known to the month");
        let head = head(
            &data,
            Page::Event(by_month),
            Lang::En,
            &site(),
            text(Lang::En),
        );
        assert_eq!(head.citation.unwrap().date.len(), "YYYY/MM".len());
    }

    #[test]
    fn every_page_advertises_the_feed_in_its_own_language() {
        let data = shipped();
        let pages = [
            Page::Timeline,
            Page::Event(&data.events[0]),
            Page::Changelog,
        ];
        for page in pages {
            let en = head(&data, page, Lang::En, &site(), text(Lang::En));
            assert_eq!(en.feed.href, "https://example.org/mali-timeline/feed.atom");
            assert_eq!(en.feed.title, crate::i18n::ui(Lang::En).changes.feed_title);
            let fr = head(&data, page, Lang::Fr, &site(), text(Lang::Fr));
            assert_eq!(
                fr.feed.href,
                "https://example.org/mali-timeline/fr/feed.atom"
            );
            assert!(
                fr.feed.title.starts_with("Partenariats"),
                "{}",
                fr.feed.title
            );
        }
    }

    #[test]
    fn the_changelog_page_has_its_own_addresses_and_title() {
        let data = shipped();
        assert_eq!(Page::Changelog.path(Lang::En), "/changelog");
        assert_eq!(Page::Changelog.file(Lang::Fr), "fr/changelog.html");
        let fr = head(&data, Page::Changelog, Lang::Fr, &site(), text(Lang::Fr));
        assert_eq!(
            fr.title,
            "Modifications des données — Partenariats et ruptures du Mali"
        );
        assert_eq!(
            fr.canonical,
            "https://example.org/mali-timeline/fr/changelog"
        );
        assert_eq!(
            fr.alternates[0],
            (
                "en",
                "https://example.org/mali-timeline/changelog".to_string()
            )
        );
        assert!(fr.citation.is_none());
        let en = head(&data, Page::Changelog, Lang::En, &site(), text(Lang::En));
        assert!(
            en.title.starts_with("Changes to the data — "),
            "{}",
            en.title
        );
    }

    #[test]
    fn a_long_summary_is_cut_at_a_word() {
        let long = "word ".repeat(100);
        let description = cut(&long);
        assert!(description.chars().count() <= DESCRIPTION_CHARS);
        assert!(description.ends_with("word…"), "{description}");
        assert_eq!(cut("short"), "short");
    }

    #[test]
    fn the_sitemap_lists_every_page_in_both_languages() {
        let data = shipped();
        let xml = sitemap(&data, &site());
        assert_eq!(xml.matches("<url>").count(), 2 * (data.events.len() + 2));
        assert!(xml.contains(
            "<loc>https://example.org/mali-timeline/fr/changelog</loc>\n    <lastmod>2026-12-05</lastmod>"
        ));
        assert!(xml.contains("<loc>https://example.org/mali-timeline/fr/</loc>"));
        assert!(xml.contains(
            "<loc>https://example.org/mali-timeline/events/2023-07-19-iran-digital-training</loc>"
        ));
        assert_eq!(escape("a&b<'\">"), "a&amp;b&lt;&apos;&quot;&gt;");
        assert_eq!(escape("a\u{1}b\u{ffff}\tc"), "ab\tc");
        assert!(
            robots(&site()).ends_with("Sitemap: https://example.org/mali-timeline/sitemap.xml\n")
        );
    }
}
