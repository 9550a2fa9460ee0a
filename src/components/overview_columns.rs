//! The overview's columns: one per year, steps toward a partner stacked above the line,
//! ruptures below it, other events apart at the bottom, each coloured by its key.

use leptos::prelude::*;

use crate::domain::overview::{Overview, StanceCounts, PALETTE};
use crate::i18n::ChartWords;

/// The drawing's height in its own units; it is stretched to the box the stylesheet gives.
pub const HEIGHT: f64 = 100.0;
/// The width of one year in the drawing's units.
pub const YEAR_WIDTH: f64 = 10.0;
/// The space between the ruptures and the other events.
const GAP: f64 = 6.0;

/// A stack of coloured segments, from `start` up (`up`) or down, one per key with a count.
fn stack(x: f64, start: f64, up: bool, counts: &[usize], unit: f64) -> impl IntoView {
    let mut at = start;
    counts
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(slot, &n)| {
            let height = n as f64 * unit;
            let y = if up { at - height } else { at };
            at = if up { at - height } else { at + height };
            view! {
                <rect
                    class=format!("seg c{}", slot % PALETTE)
                    x=x
                    y=y
                    width=YEAR_WIDTH * 0.7
                    height=height
                ></rect>
            }
        })
        .collect_view()
}

#[component]
pub fn OverviewColumns(overview: Overview, words: &'static ChartWords) -> impl IntoView {
    let (top, bottom, apart) = overview.peaks();
    let gap = if apart > 0 { GAP } else { 0.0 };
    let unit = (HEIGHT - gap) / (top + bottom + apart).max(1) as f64;
    let axis = top as f64 * unit;
    let others_at = axis + bottom as f64 * unit + gap;
    let width = overview.years.len() as f64 * YEAR_WIDTH;
    let columns = overview
        .years
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let left = i as f64 * YEAR_WIDTH;
            let x = left + YEAR_WIDTH * 0.15;
            let StanceCounts { other, .. } = column.counts;
            view! {
                <g
                    data-testid="overview-year"
                    data-year=column.year
                    data-count=column.counts.total()
                    role="img"
                    aria-label=words.year(column.year, &column.counts)
                >
                    <rect class="hit" x=left y=0 width=YEAR_WIDTH height=HEIGHT></rect>
                    {stack(x, axis, true, &column.toward, unit)}
                    {stack(x, axis, false, &column.ruptures, unit)}
                    {(other > 0).then(|| view! {
                        <rect
                            class="apart"
                            x=x
                            y=others_at
                            width=YEAR_WIDTH * 0.7
                            height=other as f64 * unit
                        ></rect>
                    })}
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="overview-columns"
            viewBox=format!("0 0 {width} {HEIGHT}")
            preserveAspectRatio="none"
            focusable="false"
        >
            {columns}
            <line class="axis-line" x1=0 x2=width y1=axis y2=axis></line>
        </svg>
    }
}
