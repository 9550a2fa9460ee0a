//! Partners side by side on the overview's years: one row each, steps toward above its line
//! and ruptures below, with ways to reorder and remove them.

use leptos::prelude::*;

use crate::components::overview_columns::{scaled, BAR_WIDTH, HEIGHT, YEAR_WIDTH};
use crate::domain::overview::{StanceCounts, PALETTE};
use crate::i18n::ChartWords;

/// One compared partner as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct RowView {
    pub code: String,
    pub name: String,
    pub total: usize,
    /// (year, counts), on the overview's years.
    pub years: Vec<(i32, StanceCounts)>,
}

#[component]
pub fn CompareRows(
    rows: Vec<RowView>,
    words: &'static ChartWords,
    /// Called with a row's position to remove it.
    on_remove: Callback<usize>,
    /// Called with a row's position to move it up.
    on_up: Callback<usize>,
) -> impl IntoView {
    // One scale for every row, so that rows compare.
    let peak_up = rows.iter().flat_map(|r| &r.years).map(|(_, c)| c.toward);
    let peak_down = rows.iter().flat_map(|r| &r.years).map(|(_, c)| c.ruptures);
    let (up, down) = (peak_up.max().unwrap_or(0), peak_down.max().unwrap_or(0));
    let unit = f64::from(HEIGHT) / (up + down).max(1) as f64;
    let axis = scaled(up, unit);
    let rows = rows
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            let width = row.years.len() as u32 * YEAR_WIDTH;
            let years = row
                .years
                .iter()
                .enumerate()
                .map(|(at, (year, counts))| {
                    let x = at as u32 * YEAR_WIDTH + (YEAR_WIDTH - BAR_WIDTH) / 2;
                    let toward = scaled(counts.toward, unit);
                    let ruptures = scaled(counts.ruptures, unit);
                    view! {
                        <g
                            data-testid="compare-year"
                            data-year=*year
                            data-count=counts.total()
                            role="img"
                            aria-label=format!("{}, {}", row.name, words.year(*year, counts))
                        >
                            <rect class=format!("seg c{}", i % PALETTE) x=x y=axis - toward width=BAR_WIDTH height=toward></rect>
                            <rect class=format!("seg rupture c{}", i % PALETTE) x=x y=axis width=BAR_WIDTH height=ruptures></rect>
                        </g>
                    }
                })
                .collect_view();
            let up_button = (i > 0).then(|| {
                view! {
                    <button type="button" class="row-action" data-testid="compare-up" aria-label=words.move_up(&row.name) title=words.move_up(&row.name) on:click=move |_| on_up.run(i)>
                        "↑"
                    </button>
                }
            });
            view! {
                <li class="compare-row" data-testid="compare-row" data-partner=row.code.clone() data-total=row.total>
                    <div class="compare-head">
                        <span class=format!("swatch c{}", i % PALETTE) aria-hidden="true"></span>
                        <span class="compare-name">{words.row_total(&row.name, row.total)}</span>
                        {up_button}
                        <button type="button" class="row-action" data-testid="compare-remove" aria-label=words.remove_compared(&row.name) title=words.remove_compared(&row.name) on:click=move |_| on_remove.run(i)>
                            "×"
                        </button>
                    </div>
                    <svg class="compare-columns" viewBox=format!("0 0 {width} {HEIGHT}") preserveAspectRatio="none" focusable="false">
                        {years}
                        <line class="axis-line" x1=0 x2=width y1=axis y2=axis></line>
                    </svg>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="compare">
            <h3 class="compare-title">{words.side_by_side}</h3>
            <ul class="compare-rows">{rows}</ul>
        </div>
    }
}
