//! The newest events of a long file, shown while the rest of it is read: the timeline's first
//! screenful, then the rest of what was read a frame later, with a status line saying that the
//! rest, the filters and the counts are coming.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::timeline_list::TimelineList;
use crate::domain::{group_by_year, Explorer};
use crate::i18n::Ui;

#[component]
pub fn LoadingPreview(
    /// The events read so far, oldest first like any dataset.
    explorer: Arc<Explorer>,
    ui: &'static Ui,
    /// How many of the events to draw, newest first (a screenful first, then all).
    #[prop(into)]
    shown: Signal<usize>,
    /// The href of an event's page, from its id.
    event_href: Callback<String, String>,
) -> impl IntoView {
    let count = explorer.dataset.events.len();
    let newest_first: Vec<usize> = (0..count).rev().collect();
    let dataset = explorer.dataset.clone();
    let groups =
        Memo::new(move |_| group_by_year(&dataset, &newest_first, 0..shown.get().min(count)));
    view! {
        <div class="explorer" data-testid="loading-preview">
            <div class="filters-column"></div>
            <section class="results" aria-labelledby="loading-status">
                <div class="results-bar">
                    <p class="loading" id="loading-status" role="status" data-testid="loading">
                        {ui.loading_rest}
                    </p>
                </div>
                <TimelineList
                    explorer=explorer
                    groups=groups
                    ui=ui
                    terms=Signal::stored(Vec::new())
                    selected=Signal::stored(None::<String>)
                    event_href=event_href
                />
            </section>
        </div>
    }
}
