//! The full view of one event: text, sources, related events and the note on disagreements.

use leptos::prelude::*;

use crate::components::source_list::SourceList;
use crate::domain::{Event, Lang};

#[component]
pub fn EventDetail(
    event: Event,
    partner_names: Vec<String>,
    sector_names: Vec<String>,
    /// (title, href) of each related event.
    related: Vec<(String, String)>,
    /// Where "close" leads.
    #[prop(into)]
    close_href: String,
    #[prop(optional)] lang: Lang,
) -> impl IntoView {
    let datetime = event.date.to_string();
    let date_label = event.date.display(lang);
    let end = event.end_date.map(|end| {
        view! {
            " – "
            <time datetime=end.to_string()>{end.display(lang)}</time>
        }
    });
    let note = event.note.as_ref().map(|note| {
        view! {
            <section class="note" data-testid="event-note">
                <h3>"Where sources disagree"</h3>
                <p>{note.get(lang).to_string()}</p>
            </section>
        }
    });
    let related_view = (!related.is_empty()).then(|| {
        let items = related
            .into_iter()
            .map(|(title, href)| view! { <li><a href=href>{title}</a></li> })
            .collect_view();
        view! {
            <section class="related">
                <h3>"Related events"</h3>
                <ul>{items}</ul>
            </section>
        }
    });
    view! {
        <section
            class="event-detail"
            data-testid="event-detail"
            data-event-id=event.id.to_string()
            aria-labelledby="event-detail-title"
        >
            <a class="close" href=close_href>"Back to the timeline"</a>
            <p class="event-date">
                <time datetime=datetime>{date_label}</time>
                {end}
                <span class="kind">{event.kind.label(lang)}</span>
            </p>
            <h2 id="event-detail-title">{event.title.get(lang).to_string()}</h2>
            <p class="partners-line">{partner_names.join(", ")}</p>
            <p class="sectors-line">{sector_names.join(", ")}</p>
            <p class="summary">{event.summary.get(lang).to_string()}</p>
            {note}
            <section>
                <h3>"Sources"</h3>
                <SourceList sources=event.sources.clone() />
            </section>
            {related_view}
        </section>
    }
}
