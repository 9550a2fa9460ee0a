//! The explorer's state: memos of (dataset, address) and the callbacks that change the
//! address, in one `Copy` value that the page's parts read from context.

use std::sync::Arc;

use leptos::prelude::*;

use super::drawn::{use_drawn_list, DrawnList};
use super::url_sync::{use_address, Address};
use crate::context::{use_base, use_lang, BasePath};
use crate::domain::query::SortOrder;
use crate::domain::search::terms;
use crate::domain::{Evaluation, Explorer, FacetCounts, Filters, Lang};

/// How many events' search text is folded per slice, between which the browser may paint and
/// handle input.
const SEARCH_SLICE: usize = 2_000;

#[derive(Clone, Copy)]
pub struct ExplorerState {
    explorer: StoredValue<Arc<Explorer>>,
    base: StoredValue<BasePath>,
    /// The language prefix of the page's path (`/fr` or none), which its links keep.
    prefix: &'static str,
    /// The open event's id, as the child route `events/:id` reads it from the address.
    pub open_id: RwSignal<Option<String>>,
    pub address: Address,
    pub filters: Memo<Filters>,
    pub lang: Memo<Lang>,
    /// What narrows the list, evaluated once per change: the list, the counts and the empty
    /// state's suggestions are all read from it.
    pub evaluation: Memo<Evaluation>,
    /// Indices of the visible events, in the chosen order.
    pub visible: Memo<Vec<usize>>,
    pub counts: Memo<FacetCounts>,
    /// Folded search terms, to mark in the text.
    pub search_terms: Memo<Vec<String>>,
    pub list: DrawnList,
    /// The current filters as a query string, printed once per change, not once per card.
    query: Memo<String>,
}

impl ExplorerState {
    pub fn new(explorer: Arc<Explorer>, prefix: &'static str) -> Self {
        // The open event: the child route sets it; a page written at build time gives it first.
        let open_id = RwSignal::new(use_context::<OpenAtStart>().and_then(|open| open.0));
        let address = use_address(explorer.dataset.clone(), open_id.into(), prefix);
        let filters = address.filters;
        let lang = use_lang();
        let narrowing = Memo::new(move |_| {
            let mut f = filters.get();
            f.sort = SortOrder::default();
            f.lang = None;
            f
        });
        let ex = explorer.clone();
        let evaluation = Memo::new(move |_| narrowing.with(|f| ex.evaluate(f)));
        let ex = explorer.clone();
        let visible = Memo::new(move |_| {
            let sort = filters.with(|f| f.sort);
            evaluation.with(|e| ex.visible_in(e, sort))
        });
        let ex = explorer.clone();
        let counts = Memo::new(move |_| evaluation.with(|e| ex.facet_counts_in(e)));
        let search_terms = Memo::new(move |_| filters.with(|f| terms(&f.q)));
        let list = use_drawn_list(explorer.clone(), filters, visible, open_id.into());
        let query = Memo::new(move |_| filters.with(|f| f.to_query()));
        prepare_search_in_slices(explorer.clone());
        ExplorerState {
            explorer: StoredValue::new(explorer),
            base: StoredValue::new(use_base()),
            prefix,
            open_id,
            address,
            filters,
            lang,
            evaluation,
            visible,
            counts,
            search_terms,
            list,
            query,
        }
    }

    pub fn explorer(&self) -> Arc<Explorer> {
        self.explorer.get_value()
    }

    /// The href of an event's page, keeping the current filters.
    pub fn event_href(&self, id: &str) -> String {
        let base = self.base.get_value();
        let prefix = self.prefix;
        self.query
            .with(|q| base.href(&format!("{prefix}/events/{id}{q}")))
    }

    /// The site's base path: "" at the root, "/mali-timeline" below it.
    pub fn base_path(&self) -> String {
        self.base.with_value(|base| base.0.clone())
    }

    /// The href of the timeline under `filters`.
    pub fn timeline_href(&self, filters: &Filters) -> String {
        let prefix = self.prefix;
        self.base
            .with_value(|base| base.href(&format!("{prefix}/{}", filters.to_query())))
    }
}

/// The open event of a page written at build time, given before the page is drawn (its child
/// route sets it only after the list has been written).
#[derive(Clone, Debug, Default)]
pub struct OpenAtStart(pub Option<String>);

/// The state given by the explorer page to its parts.
pub fn use_explorer() -> ExplorerState {
    expect_context::<ExplorerState>()
}

/// Folds the search index in slices once the list is on screen, so a first render does not
/// wait for it and the page answers between slices; a search before it is complete completes
/// it at once.
fn prepare_search_in_slices(explorer: Arc<Explorer>) {
    leptos::task::spawn_local(async move {
        loop {
            crate::web::next_frame().await;
            if explorer.prepare_search(SEARCH_SLICE) {
                break;
            }
        }
    });
}
