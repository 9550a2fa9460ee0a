//! One event in the timeline: date at its precision, partners, sectors, kind, title, summary.

use leptos::prelude::*;

use crate::domain::{Event, Lang};

#[component]
pub fn EventCard(
    event: Event,
    /// Partner names, in the event's order.
    partner_names: Vec<String>,
    /// Sector names, in the event's order.
    sector_names: Vec<String>,
    /// Where the event's own page is.
    #[prop(into)]
    href: String,
    #[prop(optional)] selected: bool,
    #[prop(optional)] lang: Lang,
) -> impl IntoView {
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
        .map(|name| view! { <li class="partner">{name}</li> })
        .collect_view();
    let sectors = sector_names
        .into_iter()
        .map(|name| view! { <li class="chip">{name}</li> })
        .collect_view();
    view! {
        <article
            class="event-card"
            class:selected=selected
            data-event-id=id
            aria-current=if selected { Some("true") } else { None }
        >
            <p class="event-date">
                <time datetime=datetime>{date_label}</time>
                {end}
                <span class="kind">{event.kind.label(lang)}</span>
            </p>
            <h3 class="event-title">
                <a href=href>{event.title.get(lang).to_string()}</a>
            </h3>
            <ul class="partners" aria-label="Partners">{partners}</ul>
            <ul class="sectors" aria-label="Sectors">{sectors}</ul>
            <p class="summary">{event.summary.get(lang).to_string()}</p>
        </article>
    }
}
