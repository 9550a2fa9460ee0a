//! The feeds of new and corrected events and the changelog page, in both languages.

use std::path::Path;

use leptos::prelude::*;

use mali_timeline::components::changelog::{ChangedEvent, ChangelogPage, ReleaseEntry};
use mali_timeline::components::page_head::PageHeadTags;
use mali_timeline::domain::changelog::{changelog, Release};
use mali_timeline::domain::page::{self, feed_path, Page, Site, LANGS};
use mali_timeline::domain::{self, feed, Dataset, Lang};
use mali_timeline::i18n::ui;

use super::{read, template, write};

/// Writes `feed.atom` and `fr/feed.atom`.
pub fn write_feeds(dist: &Path, dataset: &Dataset, site: &Site) -> Result<(), String> {
    for lang in LANGS {
        let xml = feed::atom(dataset, lang, site, ui(lang).changes.feed_title);
        write(&dist.join(feed_path(lang).trim_start_matches('/')), &xml)?;
    }
    Ok(())
}

/// Every release: the files in `<dist>/data/versions/`, then `current` (a file there with the
/// current version gives way to it).
pub fn releases(dist: &Path, current: &Dataset) -> Result<Vec<Dataset>, String> {
    let dir = dist.join("data/versions");
    let mut releases = Vec::new();
    if dir.is_dir() {
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
            if path.extension().is_some_and(|ext| ext == "json") {
                let release =
                    domain::load(&read(&path)?).map_err(|e| format!("{}: {e}", path.display()))?;
                if release.version != current.version {
                    releases.push(release);
                }
            }
        }
    }
    releases.push(current.clone());
    Ok(releases)
}

/// Writes `changelog.html` and `fr/changelog.html` from `releases` into the template without the
/// app; returns how many pages it wrote.
pub fn write_changelog(
    dist: &Path,
    template: &str,
    site: &Site,
    releases: &[Dataset],
    current: &Dataset,
) -> Result<usize, String> {
    let template = template::without_app(template)?;
    let log = changelog(releases);
    let mut count = 0;
    for lang in LANGS {
        let head = page::head(current, Page::Changelog, lang, site, ui(lang).site_text());
        let entries = log
            .iter()
            .map(|release| entry(release, releases, current, &site.base, lang))
            .collect();
        let other = match lang {
            Lang::En => Lang::Fr,
            Lang::Fr => Lang::En,
        };
        let home_href = format!("{}{}", site.base, Page::Timeline.path(lang));
        let switch_href = format!("{}{}", site.base, Page::Changelog.path(other));
        let feed_href = format!("{}{}", site.base, feed_path(lang));
        let (head, body) = Owner::new().with(|| {
            (
                view! { <PageHeadTags head /> }.to_html(),
                view! {
                    <ChangelogPage ui=ui(lang) home_href switch_href feed_href releases=entries />
                }
                .to_html(),
            )
        });
        let html = template::fill(&template, lang, &head, &body)?;
        write(&dist.join(Page::Changelog.file(lang)), &html)?;
        count += 1;
    }
    Ok(count)
}

/// A release as the page shows it. An added or corrected event still in `current` links to its
/// page, under its current title; one since removed is named by its title in that release.
fn entry(
    release: &Release,
    releases: &[Dataset],
    current: &Dataset,
    base: &str,
    lang: Lang,
) -> ReleaseEntry {
    let own = releases.iter().find(|d| d.version == release.version);
    let listed = |ids: &[domain::EventId]| -> Vec<ChangedEvent> {
        ids.iter()
            .filter_map(|id| {
                let (event, href) = match current.event(id.as_str()) {
                    Some(event) => (
                        event,
                        Some(format!("{base}{}", Page::Event(event).path(lang))),
                    ),
                    None => (own?.event(id.as_str())?, None),
                };
                Some(ChangedEvent {
                    date: Some(event.date.display(lang)),
                    title: event.title.get(lang).to_string(),
                    href,
                })
            })
            .collect()
    };
    ReleaseEntry {
        version: release.version,
        date: release.updated.map(|d| (d.to_string(), d.display(lang))),
        added: listed(&release.added),
        changed: listed(&release.changed),
        removed: release
            .removed
            .iter()
            .map(|(_, title)| ChangedEvent {
                date: None,
                title: title.get(lang).to_string(),
                href: None,
            })
            .collect(),
    }
}
