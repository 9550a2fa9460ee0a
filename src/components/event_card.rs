//! One event in the timeline: date at its precision, partners, sectors, kind, title, summary.

use leptos::prelude::*;

use crate::components::highlighted::Highlighted;
use crate::components::source_list::SourceList;
use crate::domain::{Event, Lang};

#[component]
pub fn EventCard<'a>(
    /// The event, read while the card is built: nothing of it is kept but what is shown.
    event: &'a Event,
    /// Partner names, in the event's order.
    partner_names: Vec<String>,
    /// Sector names, in the event's order.
    sector_names: Vec<String>,
    /// Where the event's own page is (with the current filters).
    #[prop(into)]
    href: Signal<String>,
    /// Whether this is the open event.
    #[prop(optional, into)]
    selected: Signal<bool>,
    #[prop(optional)] lang: Lang,
    /// Folded search terms to mark in the text.
    #[prop(optional, into)]
    terms: Signal<Vec<String>>,
    #[prop(optional, into)] partners_label: String,
    #[prop(optional, into)] sectors_label: String,
    #[prop(optional, into)] sources_label: String,
) -> impl IntoView {
    let sources = event.sources.clone();
    let id = event.id.to_string();
    let date_label = event.date.display(lang);
    let datetime = event.date.to_string();
    let end = event.end_date.map(|end| {
        view! {
            " – "
            <time datetime=end.to_string()>{end.display(lang)}</time>
        }
    });
    let partners = partner_names
        .into_iter()
        .zip(event.partners.iter().map(|c| c.to_string()))
        .map(|(name, code)| {
            view! {
                <li class="partner">
                    {name}
                    " "
                    <span class="code">{code}</span>
                </li>
            }
        })
        .collect_view();
    let sectors = sector_names
        .into_iter()
        .map(|name| view! { <li class="chip">{name}</li> })
        .collect_view();
    let title = event.title.get(lang).to_string();
    let summary = event.summary.get(lang).to_string();
    let title_id = format!("t-{id}");
    let labelled_by = title_id.clone();
    view! {
        <article
            class="event-card"
            class:selected=move || selected.get()
            data-event-id=id
            aria-labelledby=labelled_by
        >
            <p class="event-date">
                <time datetime=datetime>{date_label}</time>
                {end}
                <span class="kind">{event.kind.label(lang)}</span>
            </p>
            <h3 class="event-title" id=title_id>
                <a
                    href=href
                    data-noscroll=""
                    aria-current=move || if selected.get() { Some("true") } else { None }
                >
                    {move || view! { <Highlighted text=title.clone() terms=terms.get() /> }}
                </a>
            </h3>
            <ul class="partners" aria-label=partners_label>{partners}</ul>
            <ul class="sectors" aria-label=sectors_label>{sectors}</ul>
            <p class="summary">
                {move || view! { <Highlighted text=summary.clone() terms=terms.get() /> }}
            </p>
            <div class="card-sources">
                <span class="card-sources-label">{sources_label}</span>
                <SourceList sources=sources compact=true />
            </div>
        </article>
    }
}
