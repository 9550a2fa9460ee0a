//! The head of a page written at build time: title, description, canonical and alternate
//! addresses, the feed, Open Graph and Twitter card, and the Highwire tags reference managers
//! read.
//! Every value is an attribute or text, escaped by the renderer.

use leptos::prelude::*;

use crate::domain::page::PageHead;

#[component]
pub fn PageHeadTags(head: PageHead) -> impl IntoView {
    let og_title = head
        .citation
        .as_ref()
        .map_or(head.title.clone(), |c| c.title.clone());
    let alternates = head
        .alternates
        .iter()
        .map(|(code, url)| view! { <link rel="alternate" hreflang=*code href=url.clone() /> })
        .collect_view();
    let citation = head.citation.map(|c| {
        view! {
            <meta name="citation_title" content=c.title />
            <meta name="citation_date" content=c.date />
            <meta name="citation_publisher" content=c.publisher />
            <meta name="citation_public_url" content=c.public_url />
            <meta name="citation_language" content=c.language />
        }
    });
    view! {
        <title>{head.title}</title>
        <meta name="description" content=head.description.clone() />
        <link rel="canonical" href=head.canonical.clone() />
        {alternates}
        <link
            rel="alternate"
            type="application/atom+xml"
            href=head.feed.href
            title=head.feed.title
        />
        {og("og:title", og_title.clone())}
        {og("og:description", head.description.clone())}
        {og("og:url", head.canonical)}
        {og("og:type", head.og_type.to_string())}
        {og("og:locale", head.og_locale.to_string())}
        {og("og:site_name", head.site_name.to_string())}
        <meta name="twitter:card" content="summary" />
        <meta name="twitter:title" content=og_title />
        <meta name="twitter:description" content=head.description />
        {citation}
    }
}

/// An Open Graph tag: `<meta property=... content=...>` (`property` is not an HTML attribute,
/// so it is set by name).
fn og(property: &'static str, content: String) -> impl IntoView {
    leptos::html::meta()
        .attr("property", property)
        .attr("content", content)
}
