//! An event's sources: a link for each http(s) address, plain text for anything else.

use leptos::prelude::*;

use crate::domain::{is_linkable_url, Source};

#[component]
pub fn SourceList(
    sources: Vec<Source>,
    /// One line of publisher links, without the addresses written out.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let items = sources
        .into_iter()
        .map(|source| {
            let meta = match source.date {
                Some(date) => format!(" ({}, {})", source.lang, date),
                None => format!(" ({})", source.lang),
            };
            let label = source.publisher.clone();
            let link = if is_linkable_url(&source.url) {
                let url = source.url.clone();
                view! {
                    <a href=url.clone() rel="noopener noreferrer" target="_blank">
                        {label}
                    </a>
                    <span class="source-url">{url}</span>
                }
                .into_any()
            } else {
                view! { <span class="source-unlinked">{label}</span> }.into_any()
            };
            view! { <li>{link}<span class="source-meta">{meta}</span></li> }
        })
        .collect_view();
    view! {
        <ul class="sources" class:compact=compact data-testid="sources">
            {items}
        </ul>
    }
}
