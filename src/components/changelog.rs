//! The changelog page, written at build time only: each release of the dataset, newest first,
//! with the events it added, corrected and removed. It is text and links only; the app has no
//! route for it and does not start on it.

use leptos::prelude::*;

use crate::i18n::Ui;

/// One event in a release's list: its date and title as shown, and its page while it is still
/// in the dataset (a removed event is named by its title alone).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangedEvent {
    pub date: Option<String>,
    pub title: String,
    pub href: Option<String>,
}

/// One release as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReleaseEntry {
    pub version: u32,
    /// `(datetime, as shown)`.
    pub date: Option<(String, String)>,
    pub added: Vec<ChangedEvent>,
    pub changed: Vec<ChangedEvent>,
    pub removed: Vec<ChangedEvent>,
}

#[component]
pub fn ChangelogPage(
    ui: &'static Ui,
    /// The timeline in the page's language.
    home_href: String,
    /// The changelog in the other language.
    switch_href: String,
    /// The feed in the page's language.
    feed_href: String,
    releases: Vec<ReleaseEntry>,
) -> impl IntoView {
    let words = ui.changes;
    let releases = releases
        .into_iter()
        .map(|release| {
            let anchor = format!("version-{}", release.version);
            let heading = format!("{anchor}-title");
            let labelled_by = heading.clone();
            let date = release.date.map(|(datetime, shown)| {
                view! {
                    " — "
                    <time datetime=datetime>{shown}</time>
                }
            });
            let nothing = (release.added.is_empty()
                && release.changed.is_empty()
                && release.removed.is_empty())
            .then(|| view! { <p>{words.nothing}</p> });
            view! {
                <section class="release" id=anchor aria-labelledby=labelled_by>
                    <h3 id=heading>{words.version(release.version)} {date}</h3>
                    {nothing}
                    {event_list(words.heading(words.added, release.added.len()), release.added)}
                    {event_list(
                        words.heading(words.changed, release.changed.len()),
                        release.changed,
                    )}
                    {event_list(
                        words.heading(words.removed, release.removed.len()),
                        release.removed,
                    )}
                </section>
            }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <h1>
                <a href=home_href>{ui.site_title}</a>
            </h1>
            <a
                class="lang-switch"
                href=switch_href
                hreflang=ui.other_language
                lang=ui.other_language
            >
                {ui.other_language_name}
            </a>
        </header>
        <main id="main" class="changelog">
            <h2>{words.title}</h2>
            <p>{words.intro}</p>
            <p>
                <a href=feed_href type="application/atom+xml">
                    {words.follow}
                </a>
            </p>
            {releases}
        </main>
    }
}

/// A heading and its events, or nothing for no event.
fn event_list(heading: String, events: Vec<ChangedEvent>) -> Option<impl IntoView> {
    (!events.is_empty()).then(|| {
        let items = events
            .into_iter()
            .map(|event| {
                let title = match event.href {
                    Some(href) => view! { <a href=href>{event.title}</a> }.into_any(),
                    None => view! { <span>{event.title}</span> }.into_any(),
                };
                let date = event.date.map(|date| view! { <time>{date}</time> " " });
                view! { <li>{date}{title}</li> }
            })
            .collect_view();
        view! {
            <h4>{heading}</h4>
            <ul>{items}</ul>
        }
    })
}
