//! The visible events under year headings (and month headings in dense years).

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::event_card::EventCard;
use crate::domain::{Explorer, FuzzyDate, YearGroup};
use crate::i18n::Ui;

#[component]
pub fn TimelineList(
    explorer: Arc<Explorer>,
    #[prop(into)] groups: Signal<Vec<YearGroup>>,
    ui: &'static Ui,
    /// Folded search terms to mark.
    #[prop(into)]
    terms: Signal<Vec<String>>,
    /// The id of the open event, if any.
    #[prop(into)]
    selected: Signal<Option<String>>,
    /// The href of an event's page, from its id.
    event_href: Callback<String, String>,
) -> impl IntoView {
    let lang = ui.lang;
    let card = move |explorer: &Explorer, index: usize, terms: &[String]| {
        let dataset = &explorer.dataset;
        let event = &dataset.events[index];
        let id = event.id.to_string();
        let partner_names = event
            .partners
            .iter()
            .map(|c| dataset.partner_name(c.as_str(), lang))
            .collect();
        let sector_names = event
            .sectors
            .iter()
            .map(|s| dataset.sector_name(s.as_str(), lang))
            .collect();
        let own_id = id.clone();
        let is_selected = Signal::derive(move || selected.with(|s| s.as_deref() == Some(&own_id)));
        view! {
            <li>
                <EventCard
                    event=event.clone()
                    partner_names=partner_names
                    sector_names=sector_names
                    href=event_href.run(id)
                    selected=is_selected
                    lang=lang
                    terms=terms.to_vec()
                    partners_label=ui.partners_label
                    sectors_label=ui.sectors_label
                    sources_label=ui.sources
                />
            </li>
        }
    };
    let render = move || {
        let terms = terms.get();
        groups
            .get()
            .into_iter()
            .map(|group| {
                let heading_id = format!("year-{}", group.year);
                let year_labelled_by = heading_id.clone();
                let loose = (!group.loose.is_empty()).then(|| {
                    let items = group
                        .loose
                        .iter()
                        .map(|&i| card(&explorer, i, &terms))
                        .collect_view();
                    view! { <ol class="events">{items}</ol> }
                });
                let months = group
                    .months
                    .iter()
                    .map(|(month, indices)| {
                        let label = FuzzyDate::month(group.year, *month)
                            .map(|d| d.display(lang))
                            .unwrap_or_default();
                        let month_id = format!("month-{}-{:02}", group.year, month);
                        let labelled_by = month_id.clone();
                        let items = indices
                            .iter()
                            .map(|&i| card(&explorer, i, &terms))
                            .collect_view();
                        view! {
                            <section class="month" aria-labelledby=labelled_by>
                                <h3 class="month-heading" id=month_id>{label}</h3>
                                <ol class="events">{items}</ol>
                            </section>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="year" aria-labelledby=year_labelled_by>
                        <h2 class="year-heading" id=heading_id>{group.year}</h2>
                        {loose}
                        {months}
                    </section>
                }
            })
            .collect_view()
    };
    view! {
        <div class="timeline" data-testid="timeline">
            {render}
        </div>
    }
}
