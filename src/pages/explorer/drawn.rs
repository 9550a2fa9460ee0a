//! Which part of the visible list is drawn.
//!
//! A fresh list draws a screenful (and the rest a frame later if it fits in one page); more are
//! added as the reader nears either end of the drawn part (an IntersectionObserver on a marker
//! at each end) or presses the button there, so a first render or a filter change costs the
//! same at 100 or 100 000 events, and the next change has little more than what the reader has
//! seen to take down. The app that takes the place of a written page draws that page's whole
//! first page, as it was written. The open event is always drawn: a link to an event far down
//! draws the events around it, not every event above it.

use std::ops::Range;
use std::sync::Arc;

use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_use::{use_intersection_observer_with_options, UseIntersectionObserverOptions};

use super::{first_screen, FIRST_PAGE, PAGE_SIZE};
use crate::domain::{drawn_range, group_by_year, Explorer, Filters, YearGroup};
use crate::web::{
    first_card_in_view, next_frame, page_scrolled, renders_at_build_time, restore_view,
    written_page,
};

/// How near an end of the drawn part, in CSS pixels, the reader may scroll before more is drawn:
/// less than a fresh screenful reaches below the window, so that nothing more is drawn until
/// the reader scrolls, and enough that a fast wheel never reaches the end (decision 0021).
const NEAR: &str = "600px 0px";

/// The drawn part of the list, and the ways to draw more.
#[derive(Clone, Copy)]
pub struct DrawnList {
    pub drawn: Memo<Range<usize>>,
    /// The drawn events under their year and month headings.
    pub groups: Memo<Vec<YearGroup>>,
    pub show_more: Callback<()>,
    pub show_earlier: Callback<()>,
    /// Markers placed just above and just below the drawn cards.
    pub start_marker: NodeRef<Div>,
    pub end_marker: NodeRef<Div>,
}

/// What is kept drawn for `current` filters, from the record of what was drawn for which
/// filters: other filters have nothing kept.
fn kept_for(kept: &Option<(Filters, Range<usize>)>, current: &Filters) -> Option<Range<usize>> {
    kept.as_ref()
        .filter(|(filters, _)| filters == current)
        .map(|(_, range)| range.clone())
}

/// Whether the marker is within [`NEAR`] of the view, as the observer last said.
fn watch_near(marker: NodeRef<Div>) -> RwSignal<bool> {
    let near = RwSignal::new(false);
    use_intersection_observer_with_options(
        marker,
        move |entries, _| {
            if let Some(entry) = entries.last() {
                near.set(entry.is_intersecting());
            }
        },
        UseIntersectionObserverOptions::default().root_margin(NEAR),
    );
    near
}

pub fn use_drawn_list(
    explorer: Arc<Explorer>,
    filters: Memo<Filters>,
    visible: Memo<Vec<usize>>,
    open_id: Signal<Option<String>>,
) -> DrawnList {
    // `kept` records what is drawn for one set of filters (so an event opened far down keeps
    // its place when closed); any other filters start again from the first screenful. The
    // first page is drawn whole where it takes the place of a written page, as it was written.
    let whole_first_page = renders_at_build_time() || written_page::shown_at_start();
    let kept = RwSignal::new(whole_first_page.then(|| (filters.get_untracked(), 0..FIRST_PAGE)));
    let first = first_screen(FIRST_PAGE);
    let ex = explorer.clone();
    let open_index = Memo::new(move |_| {
        open_id.with(|s| {
            s.as_ref()
                .and_then(|id| ex.dataset.events.iter().position(|e| e.id.as_str() == id))
        })
    });
    let drawn = Memo::new(move |_| {
        let kept = filters.with(|current| kept.with(|k| kept_for(k, current)));
        visible.with(|v| {
            let open_at = open_index
                .get()
                .and_then(|open| v.iter().position(|&i| i == open));
            let range = drawn_range(kept.clone(), first, open_at, v.len());
            // A written page, and the app that takes its place, start the list at an open event
            // beyond the first page, so that its card is in view without scrolling.
            match open_at {
                Some(open)
                    if whole_first_page && kept == Some(0..FIRST_PAGE) && open >= FIRST_PAGE =>
                {
                    open..range.end
                }
                _ => range,
            }
        })
    });
    // Records `range` as what is drawn for the current filters.
    let keep = move |range: Range<usize>| {
        let current = filters.get_untracked();
        if kept.with_untracked(|k| kept_for(k, &current).as_ref() != Some(&range)) {
            kept.set(Some((current, range)));
        }
    };
    Effect::new(move |_| keep(drawn.get()));
    // Events drawn above the view do not move what the reader is looking at: the first card in
    // view is put back in place before the next frame is painted.
    let held = StoredValue::new(None::<(String, f64)>);
    let redraw = move |change: &dyn Fn(Range<usize>) -> Range<usize>| {
        let now = drawn.get_untracked();
        let next = change(now.clone());
        if next.start < now.start && held.with_value(Option::is_none) {
            if let Some(card) = first_card_in_view() {
                held.set_value(Some(card));
                // Not deferred work: a correction of the layout before it is painted.
                request_animation_frame(move || {
                    if let Some(card) = held.try_update_value(Option::take).flatten() {
                        restore_view(card);
                    }
                });
            }
        }
        keep(next);
    };
    // A list that fits in one page is drawn whole, a frame after its first screenful, so that
    // the browser's find sees every event; a longer one grows only as the reader scrolls.
    Effect::new(move |_| {
        let shown = drawn.with(|d| d.len());
        let total = visible.with(|v| v.len());
        if shown < total && total <= FIRST_PAGE {
            let generation = filters.get_untracked();
            spawn_local(async move {
                next_frame().await;
                if filters.try_with_untracked(|f| *f == generation) == Some(true) {
                    redraw(&|_| 0..total);
                }
            });
        }
    });
    let ex = explorer.clone();
    let groups = Memo::new(move |_| {
        let range = drawn.get();
        visible.with(|v| group_by_year(&ex.dataset, v, range))
    });
    let show_more = Callback::new(move |()| {
        redraw(&|d| d.start..d.end.saturating_add(PAGE_SIZE));
    });
    let show_earlier = Callback::new(move |()| {
        redraw(&|d| d.start.saturating_sub(PAGE_SIZE)..d.end);
    });

    // Near an end of the drawn part, draw more there, a frame at a time while it stays near.
    let start_marker = NodeRef::<Div>::new();
    let end_marker = NodeRef::<Div>::new();
    let near_start = watch_near(start_marker);
    let near_end = watch_near(end_marker);
    Effect::new(move |_| {
        let range = drawn.get();
        let total = visible.with(|v| v.len());
        let more_below = near_end.get() && range.end < total;
        // On a written page still at its top, nothing is drawn above until the reader scrolls:
        // it would push the page they are reading down (the button is there).
        let more_above =
            near_start.get() && range.start > 0 && (!whole_first_page || page_scrolled());
        if more_below || more_above {
            spawn_local(async move {
                next_frame().await;
                if drawn.try_get_untracked() != Some(range) {
                    return;
                }
                if more_below && near_end.get_untracked() {
                    show_more.run(());
                } else if more_above && near_start.get_untracked() {
                    show_earlier.run(());
                }
            });
        }
    });
    // Printing prints the whole filtered chronology.
    let before_print = window_event_listener(ev::beforeprint, move |_| {
        redraw(&|_| 0..usize::MAX / 2);
    });
    on_cleanup(move || before_print.remove());

    DrawnList {
        drawn,
        groups,
        show_more,
        show_earlier,
        start_marker,
        end_marker,
    }
}
