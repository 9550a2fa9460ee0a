//! The filters column: search, partner, sector and kind with their counts, the dates, and
//! "clear all"; folded behind a button on a phone.

use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::use_explorer;
use crate::components::date_range::{Bound, DateRange};
use crate::components::facet_group::{FacetGroup, FacetOption};
use crate::components::search_box::SearchBox;
use crate::domain::query::{MAX_COMPARED, MIN_COMPARED};
use crate::domain::search::fold;
use crate::domain::{EventKind, FuzzyDate, PartnerCode, SectorId};
use crate::i18n::Ui;
use crate::web::{self, next_frame, written_page};

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

#[component]
pub fn FiltersColumn(ui: &'static Ui) -> impl IntoView {
    let state = use_explorer();
    let filters = state.filters;
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
    // The filters are built once the first screenful is on screen, a frame later: their column
    // has its width already, so nothing moves, and the first frame lays out only the list. A
    // page written at build time has them at once, and so has the app that takes its place.
    let at_once = web::renders_at_build_time() || written_page::shown_at_start();
    let panel_ready = RwSignal::new(at_once);
    if !at_once {
        spawn_local(async move {
            next_frame().await;
            let _ = panel_ready.try_set(true);
        });
    }
    view! {
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
                {move || panel_ready.get().then(|| view! { <FiltersPanel ui /> })}
            </div>
        </div>
    }
}

#[component]
fn FiltersPanel(ui: &'static Ui) -> impl IntoView {
    let state = use_explorer();
    let explorer = state.explorer();
    let dataset = explorer.dataset.clone();
    let lang = ui.lang;
    let filters = state.filters;
    let counts = state.counts;
    let apply = state.address.apply;

    // Facet options, with counts under the other active filters.
    // The partners by name in this language, sorted once: each change of filters only fills in
    // their counts (which come in the dataset's partner order).
    let mut by_name: Vec<(usize, String)> = dataset
        .partners
        .iter()
        .enumerate()
        .map(|(at, p)| (at, dataset.partner_name(p.code.as_str(), lang)))
        .collect();
    by_name.sort_by_cached_key(|(_, label)| fold(label));
    let partner_options = Memo::new(move |_| {
        let f = filters.get();
        counts.with(|c| {
            by_name
                .iter()
                .filter_map(|(at, label)| {
                    let (code, count) = c.partners.get(*at)?;
                    Some(FacetOption {
                        value: code.to_string(),
                        label: label.clone(),
                        count: *count,
                        checked: f.partners.contains(code),
                    })
                })
                .collect()
        })
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
    // The results follow each keystroke; the address, the text once typing pauses.
    let on_search_settle = Callback::new(move |text: String| {
        apply.run((filters.with_untracked(|f| f.searching(&text)), true));
    });
    // Two to four ticked partners can be compared side by side on the overview.
    let compare_action = move || {
        let href = filters.with(|f| {
            (MIN_COMPARED..=MAX_COMPARED)
                .contains(&f.partners.len())
                .then(|| state.timeline_href(&f.comparing(f.partners.iter().cloned().collect())))
        });
        if let Some(href) = href {
            Either::Left(view! {
                <a class="compare-button" data-testid="compare" href=href data-noscroll="">
                    {ui.chart.compare}
                </a>
            })
        } else {
            Either::Right(view! { <p class="compare-hint">{ui.chart.compare_hint}</p> })
        }
    };
    let on_dates = Callback::new(move |(from, to): (Bound, Bound)| {
        let mut next = filters.get_untracked();
        next.from = date_of(from);
        next.to = date_of(to);
        apply.run((next, false));
    });

    let years: Vec<i32> = match (dataset.events.first(), dataset.events.last()) {
        (Some(a), Some(b)) => (a.date.year_number()..=b.date.year_number()).collect(),
        _ => Vec::new(),
    };
    let clear_href = move || state.timeline_href(&filters.get().cleared());
    let from_bound = Signal::derive(move || bound_of(filters.with(|f| f.from)));
    let to_bound = Signal::derive(move || bound_of(filters.with(|f| f.to)));
    let q = Signal::derive(move || filters.with(|f| f.q.clone()));

    view! {
        <SearchBox
            value=q
            on_input=state.address.type_search
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
        <div class="compare-action">{compare_action}</div>
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
}
