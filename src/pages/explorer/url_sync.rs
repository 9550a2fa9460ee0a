//! The filters as the address holds them, and the ways the page changes them.
//!
//! The address is the filters' only home. Toggles navigate at once and push a history entry
//! (Back undoes them); the search text is the one value held on the page, while typing, until
//! typing pauses and it is written to the address (browsers limit how often history may
//! change).

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::domain::{query, Dataset, Filters};

/// The filters of the page and the ways to change them.
#[derive(Clone, Copy)]
pub struct Address {
    /// The filters shown: the address's, with the search text being typed, if any.
    pub filters: Memo<Filters>,
    /// Writes filters to the address: `(filters, replace)`; a toggle pushes an entry, a
    /// settled search replaces it.
    pub apply: Callback<(Filters, bool)>,
    /// Shows the results for text being typed, without writing it to the address yet.
    pub type_search: Callback<String>,
    /// Goes to the timeline (no event open) with the current filters.
    pub close_event: Callback<()>,
}

/// Reads the filters from the address (unknown values dropped) and keeps the address canonical.
/// `open_id` is the open event's id, which the address's path holds.
pub fn use_address(
    dataset: Arc<Dataset>,
    open_id: Signal<Option<String>>,
    prefix: &'static str,
) -> Address {
    let location = use_location();
    let navigate = use_navigate();
    let in_address = Memo::new(move |_| {
        let mut filters = query::parse(&location.search.get());
        filters.retain_known(&dataset);
        filters
    });
    // The search text typed and not yet written, as the address will keep it.
    let typed = RwSignal::new(None::<String>);
    let filters = Memo::new(move |_| {
        let mut filters = in_address.get();
        if let Some(q) = typed.get() {
            filters.q = q;
        }
        filters
    });
    // Once the address holds the typed text, it is no longer held here.
    Effect::new(move |_| {
        if in_address.with(|f| typed.with_untracked(|t| t.as_ref() == Some(&f.q))) {
            typed.set(None);
        }
    });
    // Back and Forward show the address's filters, whatever was typed.
    let history_step = window_event_listener(ev::popstate, move |_| typed.set(None));
    on_cleanup(move || history_step.remove());

    let here = move || match open_id.get_untracked() {
        Some(id) => format!("{prefix}/events/{id}"),
        None => format!("{prefix}/"),
    };
    let go = Callback::new(move |(path, next, replace): (String, Filters, bool)| {
        navigate(
            &format!("{path}{}", next.to_query()),
            NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            },
        );
    });
    let apply = Callback::new(move |(next, replace): (Filters, bool)| {
        go.run((here(), next, replace));
    });
    let type_search = Callback::new(move |text: String| {
        typed.set(Some(filters.with_untracked(|f| f.searching(&text)).q));
    });
    let close_event = Callback::new(move |()| {
        go.run((format!("{prefix}/"), filters.get_untracked(), false));
    });

    // The address always shows the canonical query: unknown or malformed values are dropped.
    Effect::new(move |_| {
        let raw = location.search.get();
        let canonical = in_address.get().to_query();
        if raw.trim_start_matches('?') != canonical.trim_start_matches('?') {
            go.run((here(), in_address.get_untracked(), true));
        }
    });

    Address {
        filters,
        apply,
        type_search,
        close_event,
    }
}
