//! The timeline, at `/`, and the timeline with one event open, at `/events/{id}`.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::app::BasePath;
use crate::components::event_card::EventCard;
use crate::components::event_detail::EventDetail;
use crate::domain::{Dataset, Event, Lang};

const SITE_TITLE: &str = "Mali's partnerships and ruptures";

fn partner_names(dataset: &Dataset, event: &Event, lang: Lang) -> Vec<String> {
    event
        .partners
        .iter()
        .map(|code| {
            dataset
                .partner(code.as_str())
                .map(|p| p.name.get(lang).to_string())
                .unwrap_or_else(|| code.to_string())
        })
        .collect()
}

fn sector_names(dataset: &Dataset, event: &Event, lang: Lang) -> Vec<String> {
    event
        .sectors
        .iter()
        .map(|id| {
            dataset
                .sector(id.as_str())
                .map(|s| s.name.get(lang).to_string())
                .unwrap_or_else(|| id.to_string())
        })
        .collect()
}

fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

#[component]
pub fn ExplorerPage(dataset: Arc<Dataset>) -> impl IntoView {
    let base = use_context::<BasePath>().unwrap_or_default();
    let params = use_params_map();
    let lang = Lang::En;
    let selected_id = Memo::new(move |_| params.read().get("id"));

    let detail_data = dataset.clone();
    let detail_base = base.clone();
    let detail = move || {
        let id = selected_id.get()?;
        let view = match detail_data.event(&id) {
            Some(event) => {
                set_document_title(&format!("{} — {SITE_TITLE}", event.title.get(lang)));
                let related = event
                    .related
                    .iter()
                    .filter_map(|r| detail_data.event(r.as_str()))
                    .map(|r| {
                        (
                            r.title.get(lang).to_string(),
                            detail_base.href(&format!("/events/{}", r.id)),
                        )
                    })
                    .collect();
                view! {
                    <EventDetail
                        event=event.clone()
                        partner_names=partner_names(&detail_data, event, lang)
                        sector_names=sector_names(&detail_data, event, lang)
                        related=related
                        close_href=detail_base.href("/")
                        lang=lang
                    />
                }
                .into_any()
            }
            None => {
                set_document_title(&format!("Event not found — {SITE_TITLE}"));
                view! {
                    <section class="not-found" role="alert" data-testid="event-not-found">
                        <h2>"This event does not exist"</h2>
                        <p>
                            "No event has the id “" {id.clone()}
                            "”. It may have been mistyped, or the link may be incomplete."
                        </p>
                        <a href=detail_base.href("/")>"Back to the timeline"</a>
                    </section>
                }
                .into_any()
            }
        };
        Some(view)
    };

    Effect::new(move |_| {
        if selected_id.get().is_none() {
            set_document_title(SITE_TITLE);
        }
    });

    let total = dataset.events.len();
    let list_data = dataset.clone();
    let cards = move || {
        let selected = selected_id.get();
        list_data
            .events
            .iter()
            .map(|event| {
                view! {
                    <li>
                        <EventCard
                            event=event.clone()
                            partner_names=partner_names(&list_data, event, lang)
                            sector_names=sector_names(&list_data, event, lang)
                            href=base.href(&format!("/events/{}", event.id))
                            selected=selected.as_deref() == Some(event.id.as_str())
                            lang=lang
                        />
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <div class="explorer">
            {detail}
            <p class="result-count" data-testid="result-count" aria-live="polite">
                {format!("{total} of {total} events")}
            </p>
            <ol class="timeline" data-testid="timeline">{cards}</ol>
        </div>
    }
}
