//! The child route `events/:id`: the open event's panel beside the list, or a sentence saying
//! that no event has this id.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::take_away::{cite_box, reference_forms};
use super::use_explorer;
use crate::components::event_detail::EventDetail;
use crate::domain::cite;
use crate::domain::page::Site;
use crate::i18n::ui;
use crate::web;

#[component]
pub fn EventRoute() -> impl IntoView {
    let state = use_explorer();
    let params = use_params_map();
    // The router hands the id as it is in the address; the page keeps it decoded.
    let asked = Memo::new(move |_| params.with(|p| p.get("id")));
    // An id the event had before it was renamed or merged (an alias) opens it under its id.
    let ex = state.explorer();
    let id = Memo::new(move |_| {
        asked.get().map(|asked| {
            ex.dataset
                .event_or_alias(&asked)
                .map_or(asked, |event| event.id.to_string())
        })
    });
    // The page around the panel follows the open event (its card drawn, marked and scrolled to).
    Effect::new(move |_| state.open_id.set(id.get()));
    state.open_id.set(id.get_untracked());
    on_cleanup(move || {
        let _ = state.open_id.try_set(None);
    });

    move || {
        let id = id.get()?;
        let ui = ui(state.lang.get());
        let lang = ui.lang;
        let close_href = state.filters.with(|f| state.timeline_href(f));
        let explorer = state.explorer();
        let ds = &explorer.dataset;
        let view = match ds.event(&id) {
            Some(event) => {
                let related = event
                    .related
                    .iter()
                    .filter_map(|r| ds.event(r.as_str()))
                    .map(|r| {
                        (
                            r.title.get(lang).to_string(),
                            state.event_href(r.id.as_str()),
                        )
                    })
                    .collect();
                let share_url = format!("{}{}", web::origin(), state.event_href(event.id.as_str()));
                let share_title = event.title.get(lang).to_string();
                let renamed = (asked.get().as_deref() != Some(event.id.as_str())).then(|| {
                    let href = state.event_href(event.id.as_str());
                    view! {
                        <p class="alias-notice" role="status" data-testid="alias-notice">
                            {ui.take.alias_notice}
                            " "
                            <a href=href.clone()>{format!("{}{href}", web::origin())}</a>
                        </p>
                    }
                });
                let shared_url = share_url.clone();
                let on_share = web::can_share()
                    .then(|| Callback::new(move |()| web::share(&share_title, &shared_url)));
                // Its reference names the release of the data it is read in.
                let site = Site {
                    origin: web::origin(),
                    base: state.base_path(),
                };
                let subject = cite::event_subject(event, lang, &site, ds.version);
                let dataset = ds.clone();
                let forms = Callback::new(move |()| reference_forms(&dataset, &subject, ui));
                let take = ui.take;
                view! {
                    {renamed}
                    <EventDetail
                        event=event.clone()
                        partner_names=event.partners.iter().map(|c| ds.partner_name(c.as_str(), lang)).collect()
                        sector_names=event.sectors.iter().map(|s| ds.sector_name(s.as_str(), lang)).collect()
                        related=related
                        close_href=close_href
                        share_url=share_url
                        on_share=on_share
                        ui=ui
                        terms=state.search_terms.get()
                    />
                    {cite_box(take, forms)}
                }
                .into_any()
            }
            None => view! {
                <section class="not-found" role="alert" data-testid="event-not-found">
                    <h2>{ui.event_not_found_title}</h2>
                    <p>{ui.event_not_found_text(&id)}</p>
                    <a href=close_href>{ui.back_to_timeline}</a>
                </section>
            }
            .into_any(),
        };
        Some(view! { <aside class="detail-panel" aria-label=ui.sources>{view}</aside> })
    }
}
