//! The timeline, at `/`, and the timeline with one event open, at `/events/{id}`.
//!
//! Everything shown is derived from the dataset and the address: the filters come from the
//! query string, the open event from the child route's params. [`ExplorerState`] holds the
//! memos and callbacks; the parts of the page read it from context.

mod detail;
mod drawn;
mod filters_panel;
mod keyboard;
mod overview;
mod results;
mod state;
mod take_away;
mod url_sync;

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Outlet;

pub use detail::EventRoute;
pub use state::{use_explorer, ExplorerState, OpenAtStart};

use crate::domain::Explorer;
use crate::i18n::{ui, Ui};
use crate::web;
use filters_panel::FiltersColumn;
use results::ResultsColumn;

/// How many events a page written at build time shows, and the app draws when it takes its place.
pub const FIRST_PAGE: usize = 24;

/// How many events are added each time the reader nears an end of the drawn list.
pub const PAGE_SIZE: usize = 24;

/// The least height of an event card with its gap, in CSS pixels (one line for each of its
/// parts on a wide screen), and about what the page shows above the first card.
const CARD_MIN_HEIGHT: f64 = 170.0;
const ABOVE_LIST: f64 = 150.0;

/// How many events a fresh list draws: enough to fill the window's height below the page's
/// header however short the cards are; more come as the reader scrolls. At least 2, at most
/// `most`.
pub fn first_screen(most: usize) -> usize {
    let height = web::window_height().unwrap_or(900.0);
    (((height - ABOVE_LIST) / CARD_MIN_HEIGHT).ceil() as usize).clamp(2, most.max(2))
}

#[component]
pub fn ExplorerPage(
    explorer: Arc<Explorer>,
    /// The language prefix of the page's path: `/fr` or none.
    prefix: &'static str,
) -> impl IntoView {
    let state = ExplorerState::new(explorer, prefix);
    provide_context(state);
    keyboard::use_keyboard(state);

    // Opening an event scrolls its card into view: centred on a fresh load, nearest after. The
    // page written at build time that the app replaces is left where the reader has it.
    let first_scroll = StoredValue::new(true);
    let written_page = web::written_page::shown_at_start();
    let left_in_place = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let Some(id) = state.open_id.get() else {
            left_in_place.set_value(None);
            return;
        };
        let center = first_scroll.get_value();
        first_scroll.set_value(false);
        if center && written_page {
            left_in_place.set_value(Some(id));
            return;
        }
        if left_in_place.with_value(|left| left.as_ref() == Some(&id)) {
            return;
        }
        left_in_place.set_value(None);
        web::scroll_to_card(id, center);
    });

    // The document title follows the open event.
    let title = move || {
        let ui = ui(state.lang.get());
        let explorer = state.explorer();
        match state.open_id.get() {
            Some(id) => match explorer.dataset.event(&id) {
                Some(event) => format!("{} — {}", event.title.get(ui.lang), ui.document_title),
                None => format!("{} — {}", ui.event_not_found_title, ui.document_title),
            },
            None => ui.document_title.to_string(),
        }
    };

    // The page is built anew when the language changes; its parts take the words as props.
    // Inside another site's page the view stands alone, without the filters.
    let embedded = state.filters.with_untracked(|f| f.embed);
    let page = move || {
        let ui: &'static Ui = ui(state.lang.get());
        view! {
            <div class="explorer" class:has-detail=move || state.open_id.with(Option::is_some)>
                {(!embedded).then(|| view! { <FiltersColumn ui /> })}
                <ResultsColumn ui />
                // The open event's panel: the child route's view.
                <Outlet />
            </div>
        }
    };
    view! {
        <Title text=title />
        {page}
    }
}
