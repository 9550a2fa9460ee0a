//! The visible events under year headings (and month headings in dense years).
//!
//! Years, months and cards are keyed lists: when the drawn part grows or the filters change,
//! cards that stay are kept as they are (with their place on screen) and only new ones are built.

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
    let explorer = StoredValue::new(explorer);
    let card = move |index: usize| {
        explorer.with_value(|explorer| {
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
            let is_selected =
                Signal::derive(move || selected.with(|s| s.as_deref() == Some(&own_id)));
            let href = Signal::derive(move || event_href.run(id.clone()));
            view! {
                <li>
                    <EventCard
                        event=event
                        partner_names=partner_names
                        sector_names=sector_names
                        href=href
                        selected=is_selected
                        lang=lang
                        terms=terms
                        partners_label=ui.partners_label
                        sectors_label=ui.sectors_label
                        sources_label=ui.sources
                    />
                </li>
            }
        })
    };
    // A list of cards, keyed by event.
    let events = move |indices: Signal<Vec<usize>>| {
        view! {
            <ol class="events">
                <For each=move || indices.get() key=|index| *index let:index>
                    {card(index)}
                </For>
            </ol>
        }
    };
    let year_section = move |year: i32| {
        let group = Memo::new(move |_| {
            groups.with(|groups| groups.iter().find(|g| g.year == year).cloned())
        });
        let loose = Memo::new(move |_| {
            group.with(|g| g.as_ref().map(|g| g.loose.clone()).unwrap_or_default())
        });
        let has_loose = Memo::new(move |_| loose.with(|l| !l.is_empty()));
        let months = Memo::new(move |_| {
            group.with(|g| {
                g.as_ref()
                    .map(|g| g.months.iter().map(|(month, _)| *month).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
        });
        let month_section = move |month: u32| {
            let indices = Memo::new(move |_| {
                group.with(|g| {
                    g.as_ref()
                        .and_then(|g| g.months.iter().find(|(m, _)| *m == month))
                        .map(|(_, indices)| indices.clone())
                        .unwrap_or_default()
                })
            });
            let label = FuzzyDate::month(year, month)
                .map(|d| d.display(lang))
                .unwrap_or_default();
            let month_id = format!("month-{year}-{month:02}");
            let labelled_by = month_id.clone();
            view! {
                <section class="month" aria-labelledby=labelled_by>
                    <h3 class="month-heading" id=month_id>{label}</h3>
                    {events(indices.into())}
                </section>
            }
        };
        let heading_id = format!("year-{year}");
        let labelled_by = heading_id.clone();
        view! {
            <section class="year" aria-labelledby=labelled_by>
                <h2 class="year-heading" id=heading_id>{year}</h2>
                {move || has_loose.get().then(|| events(loose.into()))}
                <For each=move || months.get() key=|month| *month let:month>
                    {month_section(month)}
                </For>
            </section>
        }
    };
    view! {
        <div class="timeline" data-testid="timeline">
            <For
                each=move || groups.with(|groups| groups.iter().map(|g| g.year).collect::<Vec<_>>())
                key=|year| *year
                let:year
            >
                {year_section(year)}
            </For>
        </div>
    }
}
