//! The results column: the count, the sort order, warnings about left-out events, the empty
//! state, and the drawn part of the list with a way to draw more at each end.

use leptos::prelude::*;

use super::overview::OverviewSection;
use super::take_away::TakeAway;
use super::{use_explorer, PAGE_SIZE};
use crate::components::data_warnings::DataWarnings;
use crate::components::empty_state::EmptyState;
use crate::components::timeline_list::TimelineList;
use crate::domain::query::SortOrder;
use crate::domain::FilterKey;
use crate::i18n::Ui;

#[component]
pub fn ResultsColumn(ui: &'static Ui) -> impl IntoView {
    let state = use_explorer();
    let explorer = state.explorer();
    let total = explorer.dataset.events.len();
    let filters = state.filters;
    let visible = state.visible;
    let list = state.list;

    let toggle_sort = move |_| {
        let mut next = filters.get_untracked();
        next.sort = next.sort.reversed();
        state.address.apply.run((next, false));
    };

    let warnings = {
        let rejected: Vec<String> = explorer.dataset.rejected().map(|p| p.to_string()).collect();
        (!rejected.is_empty()).then(|| {
            view! { <DataWarnings summary=ui.left_out(rejected.len()) problems=rejected /> }
        })
    };

    let ex = explorer.clone();
    let empty = move || {
        if !visible.with(|v| v.is_empty()) {
            return None;
        }
        let f = filters.get();
        let suggestions = state
            .evaluation
            .with(|e| ex.relaxations_in(e))
            .into_iter()
            .map(|(key, count)| {
                let mut relaxed = f.clone();
                match key {
                    FilterKey::Partner => relaxed.partners.clear(),
                    FilterKey::Sector => relaxed.sectors.clear(),
                    FilterKey::Kind => relaxed.kinds.clear(),
                    FilterKey::Search => relaxed.q.clear(),
                    FilterKey::DateRange => {
                        relaxed.from = None;
                        relaxed.to = None;
                    }
                }
                (ui.relax(key, count), state.timeline_href(&relaxed))
            })
            .collect();
        Some(view! {
            <EmptyState
                message=ui.no_match
                suggestions=suggestions
                clear_label=ui.clear_all
                clear_href=state.timeline_href(&f.cleared())
            />
        })
    };

    let event_href = Callback::new(move |id: String| state.event_href(&id));
    view! {
        <section class="results" aria-labelledby="result-count">
            <OverviewSection ui />
            <div class="results-bar">
                <p class="result-count" id="result-count" data-testid="result-count" aria-live="polite">
                    {move || ui.result_count(visible.with(|v| v.len()), total)}
                </p>
                {(!filters.with_untracked(|f| f.embed)).then(|| view! { <TakeAway ui /> })}
                <button type="button" data-testid="sort" on:click=toggle_sort>
                    {move || match filters.with(|f| f.sort) {
                        SortOrder::Desc => ui.newest_first,
                        SortOrder::Asc => ui.oldest_first,
                    }}
                </button>
            </div>
            {warnings}
            {empty}
            {more_button(move || list.drawn.with(|d| d.start), "load-earlier", ui, Ui::show_above, list.show_earlier)}
            <div class="list-marker" aria-hidden="true" node_ref=list.start_marker></div>
            <TimelineList
                explorer=explorer
                groups=list.groups
                ui=ui
                terms=state.search_terms
                selected=state.open_id
                event_href=event_href
            />
            <div class="list-marker" aria-hidden="true" node_ref=list.end_marker></div>
            {more_button(
                move || visible.with(|v| v.len()).saturating_sub(list.drawn.with(|d| d.end)),
                "load-more",
                ui,
                Ui::show_more,
                list.show_more,
            )}
        </section>
    }
}

/// The button that draws more at one end of the drawn part, while `left()` events there are
/// not drawn; `label` words it from (how many it draws, how many are left).
fn more_button(
    left: impl Fn() -> usize + Send + Sync + 'static,
    test_id: &'static str,
    ui: &'static Ui,
    label: fn(&Ui, usize, usize) -> String,
    on_click: Callback<()>,
) -> impl IntoView {
    move || {
        let left = left();
        (left > 0).then(|| {
            view! {
                <button
                    type="button"
                    class="load-more"
                    data-testid=test_id
                    on:click=move |_| on_click.run(())
                >
                    {label(ui, left.min(PAGE_SIZE), left)}
                </button>
            }
        })
    }
}
