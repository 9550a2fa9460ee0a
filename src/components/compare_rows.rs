//! Partners side by side on the overview's years: one row each, steps toward above its line
//! and ruptures below, with ways to reorder and remove them.

use leptos::prelude::*;

use crate::components::overview_columns::overview_columns;
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
    /// The address without this partner in the comparison.
    pub remove_href: String,
    /// The address with this partner moved up, unless it is first.
    pub up_href: Option<String>,
}

/// The compared partners' rows, with links that move a row up or remove it.
pub fn compare_rows(rows: Vec<RowView>, words: &'static ChartWords) -> impl IntoView {
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
            let chart = Overview { years };
            let up_link = row.up_href.map(|href| {
                let up = words.move_up(&row.name);
                view! {
                    <a class="row-action" data-testid="compare-up" href=href data-noscroll="" aria-label=up.clone() title=up>
                        "↑"
                    </a>
                }
            });
            let remove = words.remove_compared(&row.name);
            view! {
                <li class="compare-row" data-testid="compare-row" data-partner=row.code.clone() data-total=row.total.to_string()>
                    <div class="compare-head">
                        <span class="compare-name">{words.row_total(&row.name, row.total)}</span>
                        {up_link}
                        <a class="row-action" data-testid="compare-remove" href=row.remove_href data-noscroll="" aria-label=remove.clone() title=remove>
                            "×"
                        </a>
                    </div>
                    <div class="compare-plot">
                        {overview_columns(&chart, words, Some(scale), "compare-year", &format!("{}, ", row.name))}
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
