//! Partners side by side on the overview's years: one row each, steps toward above its line
//! and ruptures below, with ways to reorder and remove them.

use leptos::prelude::*;

use crate::components::overview_columns::OverviewColumns;
use crate::domain::overview::{Overview, StanceCounts, YearColumn, PALETTE};
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
    let peak = |of: fn(&StanceCounts) -> usize| {
        let counts = rows.iter().flat_map(|r| &r.years).map(|(_, c)| of(c));
        counts.max().unwrap_or(0)
    };
    let scale = (peak(|c| c.toward), peak(|c| c.ruptures), peak(|c| c.other));
    let rows = rows
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            // The row's chart: one colour, the row's own.
            let one_colour = |n: usize| {
                let mut slots = vec![0; i % PALETTE + 1];
                slots[i % PALETTE] = n;
                slots
            };
            let years = row
                .years
                .iter()
                .map(|(year, counts)| YearColumn {
                    year: *year,
                    part: None,
                    toward: one_colour(counts.toward),
                    ruptures: one_colour(counts.ruptures),
                    counts: counts.clone(),
                })
                .collect();
            let chart = Overview {
                keys: Vec::new(),
                years,
            };
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
                    <div class="compare-plot">
                        <OverviewColumns
                            overview=chart
                            words
                            scale
                            year_testid="compare-year"
                            of=format!("{}, ", row.name)
                        />
                    </div>
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
