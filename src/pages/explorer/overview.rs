//! The overview above the list: events per year under the filters, the eras, and partners side
//! by side. It is also the date filter: a drag, a click on a year, the brush's keys or an era
//! write `from` and `to` to the address, which the chart then shows.

use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::prelude::*;

use super::use_explorer;
use crate::components::compare_rows::{compare_rows, RowView};
use crate::components::era_lanes::{era_lanes, EraBar};
use crate::components::overview_columns::{overview_columns, percent};
use crate::domain::overview::{axis_position, brush_step, lanes, BrushKey, Colour, Detail, Part};
use crate::domain::{Filters, PartnerCode};
use crate::i18n::Ui;
use crate::web;

/// The key a keyboard event means to the brush, if any.
fn brush_key(ev: &KeyboardEvent) -> Option<BrushKey> {
    match (ev.key().as_str(), ev.shift_key()) {
        ("ArrowLeft" | "ArrowDown", false) => Some(BrushKey::Earlier),
        ("ArrowRight" | "ArrowUp", false) => Some(BrushKey::Later),
        ("ArrowLeft" | "ArrowDown", true) => Some(BrushKey::Shorter),
        ("ArrowRight" | "ArrowUp", true) => Some(BrushKey::Longer),
        ("Escape", _) => Some(BrushKey::Clear),
        _ => None,
    }
}

#[component]
pub fn OverviewSection(ui: &'static Ui) -> impl IntoView {
    let state = use_explorer();
    let explorer = state.explorer();
    let axis = explorer.year_span()?;
    let (first, last) = axis;
    let year_count = (last - first + 1) as usize;
    let words = ui.chart;
    let lang = ui.lang;
    let filters = state.filters;
    let apply = move |next: Filters| state.address.apply.run((next, false));

    // A short range, month by month or quarter by quarter.
    let ex = explorer.clone();
    let detail_view = move || {
        let detail = state
            .evaluation
            .with(|e| filters.with(|f| ex.detail_in(e, f)));
        let Detail { columns, unplaced } = detail?;
        let parts: Vec<(i32, Part)> = columns
            .years
            .iter()
            .filter_map(|c| Some((c.year, c.part?)))
            .collect();
        let labels = parts
            .iter()
            .map(|&(_, part)| view! { <span>{words.part_short(part)}</span> })
            .collect_view();
        let pick = move |ev: PointerEvent| {
            let at = web::pointer_across(&ev, false)
                .map(|x| ((x * parts.len() as f64) as usize).min(parts.len().saturating_sub(1)));
            if let Some(&(year, part)) = at.and_then(|at| parts.get(at)) {
                apply(filters.with_untracked(|f| f.with_part(year, part)));
            }
        };
        Some(view! {
            <div class="overview-detail" data-testid="overview-detail">
                <h3 class="overview-detail-title">{words.detail}</h3>
                <div class="overview-plot detail-plot" on:pointerup=pick>
                    {overview_columns(&columns, words, None, "overview-year", "")}
                </div>
                <div class="overview-axis" aria-hidden="true">{labels}</div>
                {(unplaced > 0).then(|| view! { <p class="overview-how">{words.unplaced(unplaced)}</p> })}
            </div>
        }.into_any())
    };

    // Partners side by side, each with the addresses that remove it or move it up.
    let ex = explorer.clone();
    let compare_view = move || {
        if filters.with(|f| f.compare.is_empty()) {
            return None;
        }
        let f = filters.get();
        let rows = ex.compare(&f, &f.compare);
        let codes: Vec<PartnerCode> = rows.iter().map(|r| r.partner.clone()).collect();
        let moved = |change: &dyn Fn(&mut Vec<PartnerCode>)| {
            let mut next = codes.clone();
            change(&mut next);
            state.timeline_href(&f.comparing(next))
        };
        let rows = rows
            .into_iter()
            .enumerate()
            .map(|(i, row)| RowView {
                name: ex.dataset.partner_name(row.partner.as_str(), lang),
                code: row.partner.to_string(),
                total: row.total,
                years: (first..).zip(row.years).collect(),
                remove_href: moved(&|c| {
                    c.remove(i);
                }),
                up_href: (i > 0).then(|| moved(&|c| c.swap(i - 1, i))),
            })
            .collect();
        Some(compare_rows(rows, words).into_any())
    };

    // A drag in progress, as (year where it started, year under the pointer): shown until the
    // pointer is released, when it is written to the address.
    let drag = RwSignal::new(None::<(i32, i32)>);
    let year_at = move |ev: &PointerEvent, hold: bool| {
        web::pointer_across(ev, hold)
            .map(|x| first + ((x * year_count as f64) as i32).min(year_count as i32 - 1))
    };
    let on_down = move |ev: PointerEvent| {
        if ev.button() == 0 {
            drag.set(year_at(&ev, true).map(|y| (y, y)));
        }
    };
    let on_move = move |ev: PointerEvent| {
        if let Some((start, _)) = drag.get_untracked() {
            if let Some(year) = year_at(&ev, false) {
                drag.set(Some((start, year)));
            }
        }
    };
    let on_up = move |_: PointerEvent| {
        let Some((start, end)) = drag.get_untracked() else {
            return;
        };
        drag.set(None);
        let f = filters.get_untracked();
        apply(if start == end {
            f.year_clicked(start)
        } else {
            f.with_years(Some((start, end)))
        });
    };

    let chosen_years = move || {
        drag.get()
            .map(|(a, b)| (a.min(b), a.max(b)))
            .or_else(|| filters.with(|f| f.range_years(axis)))
    };
    let selection = move || match drag.get() {
        Some((a, b)) => {
            let (a, b) = (a.min(b), a.max(b));
            let span = f64::from(year_count as u32);
            Some((f64::from(a - first) / span, f64::from(b - first + 1) / span))
        }
        None => filters.with(|f| {
            (f.from.is_some() || f.to.is_some()).then(|| {
                let start = f.from.map_or(0.0, |d| axis_position(d, false, axis));
                let end = f.to.map_or(1.0, |d| axis_position(d, true, axis));
                (start, end)
            })
        }),
    };
    let on_key = move |ev: KeyboardEvent| {
        let Some(key) = brush_key(&ev) else { return };
        let f = filters.get_untracked();
        // Escape with nothing chosen is left to the page (it closes an open event).
        if key == BrushKey::Clear && f.from.is_none() && f.to.is_none() {
            return;
        }
        ev.prevent_default();
        ev.stop_propagation();
        apply(f.with_years(brush_step(f.range_years(axis), key, axis)));
    };

    // The eras, placed once.
    let eras = &explorer.dataset.eras;
    let spans: Vec<(f64, f64)> = eras
        .iter()
        .map(|era| {
            let start = axis_position(era.start, false, axis);
            let end = era.end.map_or(1.0, |d| axis_position(d, true, axis));
            (start, end)
        })
        .collect();
    let bars: Vec<EraBar> = eras
        .iter()
        .zip(&spans)
        .zip(lanes(&spans))
        .map(|((era, &span), lane)| {
            let label = era.label.get(lang).to_string();
            let dates = match era.end {
                Some(end) => format!("{} – {}", era.start.display(lang), end.display(lang)),
                None => format!("{} –", era.start.display(lang)),
            };
            EraBar {
                id: era.id.to_string(),
                action: words.show_era(&label, &dates),
                label,
                dates,
                span,
                lane,
            }
        })
        .collect();
    let ds = explorer.dataset.clone();
    let pick_era = move |i: usize| {
        if let Some(era) = ds.eras.get(i) {
            apply(filters.with_untracked(|f| f.with_era(era)));
        }
    };

    // What each colour stands for.
    let ex = explorer.clone();
    let legend = move || {
        filters.with(|f| {
            ex.colour_keys(f)
                .iter()
                .map(|(colour, slot)| {
                    let label = match colour {
                        Colour::Bloc(bloc) => words.bloc(*bloc).to_string(),
                        Colour::Partner(code) => ex.dataset.partner_name(code.as_str(), lang),
                    };
                    view! {
                        <li data-testid="legend-item">
                            <span class=format!("swatch c{slot}") aria-hidden="true"></span>
                            {label}
                        </li>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    let ex = explorer.clone();
    let columns = move || {
        let overview = state
            .evaluation
            .with(|e| filters.with(|f| ex.overview_in(e, f)));
        overview_columns(&overview, words, None, "overview-year", "").into_any()
    };
    let labels = (first..=last)
        .map(|y| view! { <span>{y}</span> })
        .collect_view();

    let has_range = move || filters.with(|f| f.from.is_some() || f.to.is_some());
    let clear = move |_| apply(filters.get_untracked().with_years(None));
    let title_id = "overview-title";
    Some(view! {
        <section class="overview" data-testid="overview" aria-labelledby=title_id>
            <div class="overview-head">
                <h2 class="overview-title" id=title_id>{words.title}</h2>
                <span class="overview-range" aria-hidden="true">{move || words.range(chosen_years())}</span>
                <button
                    type="button"
                    class="overview-clear"
                    data-testid="overview-clear"
                    hidden=move || !has_range()
                    on:click=clear
                >
                    {words.clear_range}
                </button>
            </div>
            <div
                class="overview-plot"
                data-testid="overview-plot"
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=move |_| drag.set(None)
            >
                // The chosen dates, behind the columns: redrawn as a drag moves, without the
                // columns, which follow the counts only.
                {move || selection().map(|(start, end)| view! {
                    <svg class="overview-overlay" aria-hidden="true">
                        <rect
                            class="overview-selection"
                            data-testid="overview-selection"
                            x=percent(start)
                            y="0"
                            width=percent(end - start)
                            height="100%"
                        ></rect>
                    </svg>
                })}
                {columns}
                <div
                    class="overview-brush"
                    data-testid="overview-brush"
                    role="slider"
                    tabindex="0"
                    aria-label=words.brush_label
                    title=words.brush_keys
                    aria-valuemin=first.to_string()
                    aria-valuemax=last.to_string()
                    aria-valuenow=move || chosen_years().map_or(first, |(a, _)| a)
                    aria-valuetext=move || words.range(chosen_years())
                    on:keydown=on_key
                ></div>
            </div>
            <div class="overview-axis" aria-hidden="true">{labels}</div>
            // A release of the data without eras draws none.
            {(!bars.is_empty()).then(|| era_lanes(bars, words.eras, pick_era))}
            {detail_view}
            <div class="overview-legend">
                <ul data-testid="overview-legend">{legend}</ul>
                <details class="overview-how phone-fold">
                    <summary>{words.how_to_read_title}</summary>
                    <p>{words.how_to_read}</p>
                </details>
            </div>
            {compare_view}
        </section>
    })
}
