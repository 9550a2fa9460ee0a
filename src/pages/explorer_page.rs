//! The timeline, at `/`, and the timeline with one event open, at `/events/{id}`.
//!
//! Everything shown is derived from the dataset and the URL: the filters come from the query
//! string, the open event from the path. Controls change the URL, never a second copy of state:
//! toggles push a history entry (Back undoes them), typing replaces the current one.

use std::ops::Range;
use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::app::{browser_lang, BasePath};
use crate::components::after_next_frame;
use crate::components::data_warnings::DataWarnings;
use crate::components::date_range::{Bound, DateRange};
use crate::components::empty_state::EmptyState;
use crate::components::event_detail::EventDetail;
use crate::components::facet_group::{FacetGroup, FacetOption};
use crate::components::search_box::SearchBox;
use crate::components::timeline_list::{first_screen, TimelineList};
use crate::domain::query::{self, SortOrder};
use crate::domain::search::{fold, terms};
use crate::domain::{
    drawn_range, group_by_year, EventKind, Explorer, FilterKey, Filters, FuzzyDate, PartnerCode,
    SectorId,
};
use crate::i18n::{ui, Ui};

/// How many events a fresh list draws in all (the rest a frame after the first screenful).
pub const FIRST_PAGE: usize = 24;

/// How many events are added each time the reader nears the end of the list.
pub const PAGE_SIZE: usize = 24;

/// What is kept drawn for `current` filters, from the record of what was drawn for which
/// filters: other filters have nothing kept.
fn kept_for(kept: &Option<(Filters, Range<usize>)>, current: &Filters) -> Option<Range<usize>> {
    kept.as_ref()
        .filter(|(filters, _)| filters == current)
        .map(|(_, range)| range.clone())
}

/// How many events' search text is folded per slice, between which the browser may paint and
/// handle input.
const SEARCH_SLICE: usize = 2_000;

fn prepare_search_in_slices(explorer: Arc<Explorer>) {
    set_timeout(
        move || {
            if explorer.prepare_search(SEARCH_SLICE) {
                set_timeout(move || rehearse(&explorer), std::time::Duration::ZERO);
            } else {
                prepare_search_in_slices(explorer);
            }
        },
        std::time::Duration::ZERO,
    );
}

/// Evaluates one partner, sector and search filter and throws the result away, once the page
/// is idle: the browser compiles code when it first runs, so the reader's first filter or
/// search would otherwise pay for it.
fn rehearse(explorer: &Explorer) {
    let dataset = &explorer.dataset;
    let mut filters = Filters::default();
    filters
        .partners
        .extend(dataset.partners.first().map(|p| p.code.clone()));
    filters
        .sectors
        .extend(dataset.sectors.first().map(|s| s.id.clone()));
    filters.q = "a".to_string();
    let evaluation = explorer.evaluate(&filters);
    let visible = explorer.visible_in(&evaluation, SortOrder::default());
    std::hint::black_box(group_by_year(dataset, &visible, 0..FIRST_PAGE));
    std::hint::black_box(explorer.facet_counts_in(&evaluation));
}

fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

fn bound_of(date: Option<FuzzyDate>) -> Bound {
    Bound {
        year: date.map(|d| d.year_number()),
        month: date.and_then(|d| d.month_number()),
    }
}

fn date_of(bound: Bound) -> Option<FuzzyDate> {
    let year = bound.year?;
    match bound.month {
        Some(m) => FuzzyDate::month(year, m).ok(),
        None => FuzzyDate::year(year).ok(),
    }
}

/// Scrolls the card of `id` into view: at once if it is drawn (so the first frame that shows
/// the list already shows it), else once the list has been drawn.
fn scroll_to_event(id: String, center: bool) {
    if scroll_card_into_view(&id, center) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
        scroll_card_into_view(&id, center);
    });
    let _ = window.request_animation_frame(callback.unchecked_ref());
}

/// Scrolls the card of `id` into view, if it is drawn; says whether it was.
fn scroll_card_into_view(id: &str, center: bool) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let selector = format!(".timeline [data-event-id=\"{id}\"]");
    let Ok(Some(card)) = document.query_selector(&selector) else {
        return false;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(if center {
        web_sys::ScrollLogicalPosition::Center
    } else {
        web_sys::ScrollLogicalPosition::Nearest
    });
    card.scroll_into_view_with_scroll_into_view_options(&options);
    true
}

#[component]
pub fn ExplorerPage(explorer: Arc<Explorer>) -> impl IntoView {
    let base = use_context::<BasePath>().unwrap_or_default();
    let location = use_location();
    let navigate = use_navigate();

    let path_base = base.clone();
    let selected_id = Memo::new(move |_| {
        location.pathname.with(|path| {
            let app_path = path.strip_prefix(path_base.0.as_str()).unwrap_or(path);
            query::event_id_in_path(app_path).map(|id| {
                js_sys::decode_uri_component(id)
                    .ok()
                    .and_then(|decoded| decoded.as_string())
                    .unwrap_or_else(|| id.to_string())
            })
        })
    });
    let dataset = explorer.dataset.clone();
    let in_address = Memo::new(move |_| {
        let mut filters = query::parse(&location.search.get());
        filters.retain_known(&dataset);
        filters
    });
    // Filters chosen on the page are drawn at once and written to the address right after the
    // frame that shows them (writing a history entry costs a few milliseconds), or, for the
    // search text, once typing pauses. Until then they are held here; the address is the
    // filters' only home otherwise.
    let ahead = RwSignal::new(None::<Filters>);
    let filters = Memo::new(move |_| ahead.get().unwrap_or_else(|| in_address.get()));
    let lang = Memo::new(move |_| filters.with(|f| f.lang).unwrap_or_else(browser_lang));

    // The app path (without the base) of what is open: an event, or the list.
    let here = move || match selected_id.get_untracked() {
        Some(id) => format!("/events/{id}"),
        None => "/".to_string(),
    };
    // Goes to an app path (without the base) with the given filters.
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
    // Draws filters without writing them to the address yet.
    let hold = Callback::new(move |next: Filters| ahead.set(Some(next)));
    // Back and Forward show the address's filters, whatever was held.
    let history_step = window_event_listener(ev::popstate, move |_| ahead.set(None));
    on_cleanup(move || history_step.remove());
    // Applies new filters to the current view: draws them, then writes them to the address.
    let apply = Callback::new(move |(next, replace): (Filters, bool)| {
        ahead.set(Some(next.clone()));
        after_next_frame(move || {
            go.run((here(), next.clone(), replace));
            if ahead.with_untracked(|a| a.as_ref() == Some(&next)) {
                ahead.set(None);
            }
        });
    });

    // The address always shows the canonical query: unknown or malformed values are dropped.
    Effect::new(move |_| {
        let raw = location.search.get();
        let canonical = in_address.get().to_query();
        if raw.trim_start_matches('?') != canonical.trim_start_matches('?') {
            go.run((here(), in_address.get_untracked(), true));
        }
    });

    // What narrows the list (sort order and language aside) is evaluated once per change; the
    // list, the counts and the empty state's suggestions are all read from that one pass.
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
    // Only part of the list is drawn: a fresh list draws a screenful first and the rest of its
    // first page a frame later; more are added as the reader nears either end of the drawn part,
    // so a first render or a filter change costs the same at 100 or 100 000 events. The open
    // event is always drawn: a link to an event far down draws the events around it, not every
    // event above it. `kept` records what is drawn for one set of filters (so an event opened far
    // down keeps its place when closed); any other filters start again from the first screenful.
    // The first page is drawn whole where it takes the place of index.html's first screen.
    let kept = RwSignal::new(
        crate::prerendered::shown_at_start().then(|| (filters.get_untracked(), 0..FIRST_PAGE)),
    );
    let first = first_screen(FIRST_PAGE);
    let ex = explorer.clone();
    let open_index = Memo::new(move |_| {
        selected_id.with(|s| {
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
            drawn_range(kept, first, open_at, v.len())
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
    // Changes what is drawn for the current filters. Events drawn above the view do not move
    // what the reader is looking at: the first card in view is held in place until the next
    // frame, however many times more are drawn above before then.
    let held = StoredValue::new(None::<(String, f64)>);
    let redraw = move |change: &dyn Fn(Range<usize>) -> Range<usize>| {
        let now = drawn.get_untracked();
        let next = change(now.clone());
        if next.start < now.start && held.with_value(Option::is_none) {
            if let Some(card) = first_card_in_view() {
                held.set_value(Some(card));
                request_animation_frame(move || {
                    if let Some(card) = held.try_update_value(Option::take).flatten() {
                        restore_view(card);
                    }
                });
            }
        }
        keep(next);
    };
    // The rest of the first page, once the first screenful is on screen.
    Effect::new(move |_| {
        let shown = drawn.with(|d| d.len());
        let total = visible.with(|v| v.len());
        if shown < FIRST_PAGE.min(total) {
            let generation = filters.get_untracked();
            after_next_frame(move || {
                if filters.with_untracked(|f| *f == generation) {
                    redraw(&|d| {
                        let end = d.end.max(d.start + FIRST_PAGE).min(total);
                        end.saturating_sub(FIRST_PAGE).min(d.start)..end
                    });
                }
            });
        }
    });
    let ex = explorer.clone();
    let groups = Memo::new(move |_| {
        let range = drawn.get();
        visible.with(|v| group_by_year(&ex.dataset, v, range))
    });
    let show_more = Callback::new(move |_: ()| {
        redraw(&|d| d.start..d.end.saturating_add(PAGE_SIZE));
    });
    let show_earlier = Callback::new(move |_: ()| {
        redraw(&|d| d.start.saturating_sub(PAGE_SIZE)..d.end);
    });

    // Near the end of the drawn list, draw more.
    let near_end = window_event_listener(ev::scroll, move |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(root) = window.document().and_then(|d| d.document_element()) else {
            return;
        };
        let bottom = window.scroll_y().unwrap_or(0.0)
            + window
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
        let range = drawn.get_untracked();
        if f64::from(root.scroll_height()) - bottom < 2000.0
            && range.end < visible.with_untracked(|v| v.len())
        {
            show_more.run(());
        }
        if window.scroll_y().unwrap_or(0.0) < 2000.0 && range.start > 0 {
            show_earlier.run(());
        }
    });
    // Printing prints the whole filtered chronology.
    let before_print = window_event_listener(ev::beforeprint, move |_| {
        redraw(&|_| 0..usize::MAX / 2);
    });
    on_cleanup(move || {
        near_end.remove();
        before_print.remove();
    });
    let ex = explorer.clone();
    let counts = Memo::new(move |_| evaluation.with(|e| ex.facet_counts_in(e)));

    // The search index is folded in slices once the list is on screen, so a first render does
    // not wait for it and the page answers between slices; a search before it is complete
    // completes it at once.
    prepare_search_in_slices(explorer.clone());
    let search_terms = Memo::new(move |_| filters.with(|f| terms(&f.q)));

    // The document title follows the open event.
    let ex = explorer.clone();
    Effect::new(move |_| {
        let ui = ui(lang.get());
        let title = match selected_id.get() {
            Some(id) => match ex.dataset.event(&id) {
                Some(event) => format!("{} — {}", event.title.get(ui.lang), ui.document_title),
                None => format!("{} — {}", ui.event_not_found_title, ui.document_title),
            },
            None => ui.document_title.to_string(),
        };
        set_document_title(&title);
    });

    // Opening an event scrolls its card into view: centred on a fresh load, nearest after.
    let first_scroll = StoredValue::new(true);
    Effect::new(move |_| {
        if let Some(id) = selected_id.get() {
            let center = first_scroll.get_value();
            first_scroll.set_value(false);
            scroll_to_event(id, center);
        }
    });

    // The keyboard: "/" focuses the search, j and k move between events, Escape closes the
    // open event and returns focus to its card. Keys typed into a field are left alone.
    let escape = window_event_listener(ev::keydown, move |event| {
        if event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let key = event.key();
        if key == "Escape" {
            if let Some(id) = selected_id.get_untracked() {
                go.run(("/".to_string(), filters.get_untracked(), false));
                focus_card_link(id);
            }
            return;
        }
        if typing_in_a_field() {
            return;
        }
        match key.as_str() {
            "/" => {
                event.prevent_default();
                focus_selector("#search-input");
            }
            "j" | "k" => {
                event.prevent_default();
                move_focus(if key == "j" { 1 } else { -1 });
            }
            _ => {}
        }
    });
    on_cleanup(move || escape.remove());

    let page = move || {
        let ui: &'static Ui = ui(lang.get());
        let base = base.clone();
        let explorer = explorer.clone();
        view! {
            <ExplorerBody
                explorer
                base
                ui
                filters
                selected_id
                visible
                drawn
                groups
                counts
                evaluation
                search_terms
                apply
                hold
                show_more
                show_earlier
            />
        }
    };
    // The child routes (the timeline, an open event) draw nothing of their own: this page reads
    // the open event from the address. The outlet is where the router completes a navigation.
    view! {
        {page}
        <Outlet />
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

/// The first card at least partly in view: its event id and its top, relative to the view.
fn first_card_in_view() -> Option<(String, f64)> {
    let document = web_sys::window()?.document()?;
    let cards = document
        .query_selector_all(".timeline [data-event-id]")
        .ok()?;
    (0..cards.length())
        .filter_map(|i| cards.get(i)?.dyn_into::<web_sys::Element>().ok())
        .find_map(|card| {
            let rect = card.get_bounding_client_rect();
            (rect.bottom() > 0.0)
                .then(|| Some((card.get_attribute("data-event-id")?, rect.top())))
                .flatten()
        })
}

/// Scrolls so that the card of `id` is back where it was (`top`, relative to the view).
fn restore_view((id, top): (String, f64)) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let selector = format!(".timeline [data-event-id=\"{id}\"]");
    if let Some(card) = window
        .document()
        .and_then(|d| d.query_selector(&selector).ok().flatten())
    {
        let moved = card.get_bounding_client_rect().top() - top;
        if moved != 0.0 {
            window.scroll_by_with_x_and_y(0.0, moved);
        }
    }
}

/// Whether the keyboard focus is in a text field or a list box, where keys are text.
fn typing_in_a_field() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
        .unwrap_or(false)
}

fn focus_selector(selector: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Moves the focus to the next (`step` 1) or previous (-1) event of the timeline.
fn move_focus(step: i32) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(links) = document.query_selector_all(".timeline [data-event-id] .event-title a") else {
        return;
    };
    let count = links.length() as i32;
    if count == 0 {
        return;
    }
    let active = document.active_element();
    let current = (0..count).find(|&i| {
        links
            .get(i as u32)
            .zip(active.as_ref())
            .is_some_and(|(link, active)| link.is_same_node(Some(active)))
    });
    let next = match current {
        Some(i) => (i + step).clamp(0, count - 1),
        None if step > 0 => 0,
        None => count - 1,
    };
    if let Some(link) = links
        .get(next as u32)
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = link.focus();
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        link.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

fn focus_card_link(id: String) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let selector = format!(".timeline [data-event-id=\"{id}\"] .event-title a");
        if let Ok(Some(link)) = document.query_selector(&selector) {
            if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
                let _ = link.focus();
            }
        }
    });
    let _ = window.request_animation_frame(callback.unchecked_ref());
}

#[allow(clippy::too_many_arguments)]
#[component]
fn ExplorerBody(
    explorer: Arc<Explorer>,
    base: BasePath,
    ui: &'static Ui,
    filters: Memo<Filters>,
    selected_id: Memo<Option<String>>,
    visible: Memo<Vec<usize>>,
    drawn: Memo<Range<usize>>,
    groups: Memo<Vec<crate::domain::YearGroup>>,
    counts: Memo<crate::domain::FacetCounts>,
    evaluation: Memo<crate::domain::Evaluation>,
    search_terms: Memo<Vec<String>>,
    apply: Callback<(Filters, bool)>,
    hold: Callback<Filters>,
    show_more: Callback<()>,
    show_earlier: Callback<()>,
) -> impl IntoView {
    let lang = ui.lang;
    let dataset = explorer.dataset.clone();
    let total = dataset.events.len();

    // Facet options, with counts under the other active filters.
    let ds = dataset.clone();
    let partner_options = Memo::new(move |_| {
        let f = filters.get();
        let mut options: Vec<FacetOption> = counts.with(|c| {
            c.partners
                .iter()
                .map(|(code, count)| FacetOption {
                    value: code.to_string(),
                    label: ds.partner_name(code.as_str(), lang),
                    count: *count,
                    checked: f.partners.contains(code),
                })
                .collect()
        });
        options.sort_by_cached_key(|o| fold(&o.label));
        options
    });
    let ds = dataset.clone();
    let sector_options = Memo::new(move |_| {
        let f = filters.get();
        counts.with(|c| {
            c.sectors
                .iter()
                .map(|(id, count)| FacetOption {
                    value: id.to_string(),
                    label: ds.sector_name(id.as_str(), lang),
                    count: *count,
                    checked: f.sectors.contains(id),
                })
                .collect()
        })
    });
    let kind_options = Memo::new(move |_| {
        let f = filters.get();
        counts.with(|c| {
            c.kinds
                .iter()
                .map(|(kind, count)| FacetOption {
                    value: kind.code().to_string(),
                    label: kind.label(lang).to_string(),
                    count: *count,
                    checked: f.kinds.contains(kind),
                })
                .collect()
        })
    });

    let toggle_partner = Callback::new(move |code: String| {
        apply.run((
            filters.get_untracked().toggled_partner(&PartnerCode(code)),
            false,
        ));
    });
    let toggle_sector = Callback::new(move |id: String| {
        apply.run((filters.get_untracked().toggled_sector(&SectorId(id)), false));
    });
    let toggle_kind = Callback::new(move |code: String| {
        if let Some(kind) = EventKind::from_code(&code) {
            apply.run((filters.get_untracked().toggled_kind(kind), false));
        }
    });
    // The results follow each keystroke; the address, the text once typing pauses. The text is
    // held as the address will keep it, so writing it changes nothing on screen.
    let searched = move |text: String| filters.with_untracked(|f| f.searching(&text));
    let on_search_input = Callback::new(move |text: String| hold.run(searched(text)));
    let on_search_settle = Callback::new(move |text: String| apply.run((searched(text), true)));
    let on_dates = Callback::new(move |(from, to): (Bound, Bound)| {
        let mut next = filters.get_untracked();
        next.from = date_of(from);
        next.to = date_of(to);
        apply.run((next, false));
    });
    let toggle_sort = move |_| {
        let mut next = filters.get_untracked();
        next.sort = next.sort.reversed();
        apply.run((next, false));
    };

    let years: Vec<i32> = {
        let first = dataset.events.first().map(|e| e.date.year_number());
        let last = dataset.events.last().map(|e| e.date.year_number());
        match (first, last) {
            (Some(a), Some(b)) => (a..=b).collect(),
            _ => Vec::new(),
        }
    };

    // Links keep the current filters; their query is printed once per change of filters, not
    // once per drawn card.
    let query = Memo::new(move |_| filters.with(|f| f.to_query()));
    let href_base = base.clone();
    let event_href = Callback::new(move |id: String| {
        query.with(|q| href_base.href(&format!("/events/{id}{q}")))
    });
    let home_base = base.clone();
    let timeline_href = move |f: &Filters| home_base.href(&format!("/{}", f.to_query()));

    let (filters_open, set_filters_open) = signal(false);
    let active_count = move || {
        filters.with(|f| {
            f.partners.len()
                + f.sectors.len()
                + f.kinds.len()
                + usize::from(!f.q.trim().is_empty())
                + usize::from(f.from.is_some() || f.to.is_some())
        })
    };

    let warnings = {
        let rejected: Vec<String> = dataset.rejected().map(|p| p.to_string()).collect();
        (!rejected.is_empty()).then(|| {
            view! { <DataWarnings summary=ui.left_out(rejected.len()) problems=rejected /> }
        })
    };

    let ex = explorer.clone();
    let th = timeline_href.clone();
    let empty = move || {
        if !visible.with(|v| v.is_empty()) {
            return None;
        }
        let f = filters.get();
        let suggestions = evaluation
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
                (ui.relax(key, count), th(&relaxed))
            })
            .collect();
        Some(view! {
            <EmptyState
                message=ui.no_match
                suggestions=suggestions
                clear_label=ui.clear_all
                clear_href=th(&f.cleared())
            />
        })
    };

    let ex = explorer.clone();
    let th = timeline_href.clone();
    let detail = move || {
        let id = selected_id.get()?;
        let f = filters.get();
        let close_href = th(&f);
        let view = match ex.dataset.event(&id) {
            Some(event) => {
                let ds = &ex.dataset;
                let related = event
                    .related
                    .iter()
                    .filter_map(|r| ds.event(r.as_str()))
                    .map(|r| {
                        (
                            r.title.get(lang).to_string(),
                            event_href.run(r.id.to_string()),
                        )
                    })
                    .collect();
                let share_url = web_sys::window()
                    .and_then(|w| w.location().origin().ok())
                    .map(|origin| format!("{origin}{}", event_href.run(event.id.to_string())))
                    .unwrap_or_default();
                view! {
                    <EventDetail
                        event=event.clone()
                        partner_names=event.partners.iter().map(|c| ds.partner_name(c.as_str(), lang)).collect()
                        sector_names=event.sectors.iter().map(|s| ds.sector_name(s.as_str(), lang)).collect()
                        related=related
                        close_href=close_href
                        share_url=share_url
                        ui=ui
                        terms=search_terms.get()
                    />
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
    };

    let th = timeline_href.clone();
    let clear_href = move || th(&filters.get().cleared());
    let from_bound = Signal::derive(move || bound_of(filters.with(|f| f.from)));
    let to_bound = Signal::derive(move || bound_of(filters.with(|f| f.to)));
    let q = Signal::derive(move || filters.with(|f| f.q.clone()));

    // The filters are built once the first screenful is on screen, a frame later: their column
    // has its width already, so nothing moves, and the first frame lays out only the list.
    let panel_ready = RwSignal::new(false);
    after_next_frame(move || panel_ready.set(true));
    let panel = move || {
        panel_ready.get().then(|| {
            let years = years.clone();
            let clear_href = clear_href.clone();
            view! {
                <SearchBox
                    value=q
                    on_input=on_search_input
                    on_settle=on_search_settle
                    label=ui.search
                    placeholder=ui.search_placeholder
                />
                <FacetGroup
                    legend=ui.partner
                    name="partner"
                    options=partner_options
                    on_toggle=toggle_partner
                    open=true
                />
                <FacetGroup legend=ui.sector name="sector" options=sector_options on_toggle=toggle_sector />
                <FacetGroup legend=ui.kind name="kind" options=kind_options on_toggle=toggle_kind />
                <DateRange
                    from=from_bound
                    to=to_bound
                    years=years
                    months=ui.months()
                    on_change=on_dates
                    legend=ui.dates
                    from_label=ui.from
                    to_label=ui.to
                    any_year=ui.any_year
                    any_month=ui.whole_year
                />
                <p class="filter-actions">
                    <a href=clear_href data-noscroll="" data-testid="clear-all">{ui.clear_all}</a>
                </p>
            }
        })
    };

    view! {
        <div class="explorer" class:has-detail=move || selected_id.with(|s| s.is_some())>
            <div class="filters-column">
                <button
                    type="button"
                    class="filters-toggle"
                    aria-controls="filters-panel"
                    aria-expanded=move || filters_open.get().to_string()
                    on:click=move |_| set_filters_open.update(|o| *o = !*o)
                >
                    {ui.filters}
                    {move || match active_count() {
                        0 => String::new(),
                        n => format!(" ({n})"),
                    }}
                </button>
                <div
                    class="filters"
                    id="filters-panel"
                    class:open=move || filters_open.get()
                    role="group"
                    aria-label=ui.filters
                >
                    {panel}
                </div>
            </div>
            <section class="results" aria-labelledby="result-count">
                <div class="results-bar">
                    <p class="result-count" id="result-count" data-testid="result-count" aria-live="polite">
                        {move || ui.result_count(visible.with(|v| v.len()), total)}
                    </p>
                    <button type="button" data-testid="sort" on:click=toggle_sort>
                        {move || match filters.with(|f| f.sort) {
                            SortOrder::Desc => ui.newest_first,
                            SortOrder::Asc => ui.oldest_first,
                        }}
                    </button>
                </div>
                {warnings}
                {empty}
                {more_button(move || drawn.with(|d| d.start), "load-earlier", ui, Ui::show_above, show_earlier)}
                <TimelineList
                    explorer=explorer.clone()
                    groups=groups
                    ui=ui
                    terms=search_terms
                    selected=selected_id
                    event_href=event_href
                />
                {more_button(
                    move || visible.with(|v| v.len()).saturating_sub(drawn.with(|d| d.end)),
                    "load-more",
                    ui,
                    Ui::show_more,
                    show_more,
                )}
            </section>
            {detail}
        </div>
    }
}
