//! Every event as a link, by date: what a page written at build time lists for readers and
//! crawlers that run no script (the app draws its list a page at a time instead).

use leptos::prelude::*;

/// One entry: the date as shown, the title and the event's address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexEntry {
    pub date: String,
    pub title: String,
    pub href: String,
}

#[component]
pub fn EventIndex(heading: &'static str, entries: Vec<IndexEntry>) -> impl IntoView {
    view! {
        <nav class="event-index" aria-label=heading data-testid="event-index">
            <h2>{heading}</h2>
            <ol>
                {entries
                    .into_iter()
                    .map(|entry| {
                        view! {
                            <li>
                                <time>{entry.date}</time>
                                " "
                                <a href=entry.href>{entry.title}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
