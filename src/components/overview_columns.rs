//! The overview's columns: one per year, steps toward a partner stacked above the line,
//! ruptures below it, other events apart at the bottom, each coloured by its key.

use leptos::prelude::*;

use crate::domain::overview::{Overview, YearColumn, PALETTE};
use crate::i18n::ChartWords;

/// The drawing's height in its own units; it is stretched to the box the stylesheet gives.
/// Its units are whole numbers, so that no decimal is printed.
pub const HEIGHT: u32 = 1000;
/// The width of one year in the drawing's units, and of its bar.
pub const YEAR_WIDTH: u32 = 100;
pub const BAR_WIDTH: u32 = 70;
/// The space between the ruptures and the other events.
const GAP: u32 = 60;

/// A fraction of a width as a percentage with two decimals, e.g. "12.50%".
pub fn percent(fraction: f64) -> String {
    let hundredths = (fraction.clamp(0.0, 1.0) * 10_000.0).round() as u32;
    format!("{}.{:02}%", hundredths / 100, hundredths % 100)
}

/// `count` events in drawing units, at `unit` units per event.
pub fn scaled(count: usize, unit: f64) -> u32 {
    (count as f64 * unit).round() as u32
}

/// The segments of one colour, in every column, as one path of rectangles: a chart is a few
/// paths whatever its columns, so a change of filters rewrites a few attributes, not hundreds
/// of elements. `below(column)` is how many events of the stack come before this colour's,
/// `count(column)` how many are this colour's; the stack grows from `axis`, up or down.
fn stack_path(
    overview: &Overview,
    axis: u32,
    up: bool,
    unit: f64,
    below: &dyn Fn(usize) -> usize,
    count: &dyn Fn(usize) -> usize,
) -> String {
    let mut d = String::new();
    for i in 0..overview.years.len() {
        let n = count(i);
        if n == 0 {
            continue;
        }
        let (near, far) = (scaled(below(i), unit), scaled(below(i) + n, unit));
        let y = if up { axis - far } else { axis + near };
        let x = i as u32 * YEAR_WIDTH + (YEAR_WIDTH - BAR_WIDTH) / 2;
        d.push_str(&format!(
            "M{x} {y}h{BAR_WIDTH}v{}h-{BAR_WIDTH}z",
            far - near
        ));
    }
    d
}

/// The columns of `overview`. `scale` is the most events above, below and apart to scale to,
/// where several charts share a scale (by default this chart's own); `year_testid` is the test
/// id of a whole year's column; `of` is what the chart is of, said before each column's name
/// (a compared partner's name).
pub fn overview_columns(
    overview: &Overview,
    words: &'static ChartWords,
    scale: Option<(usize, usize, usize)>,
    year_testid: &'static str,
    of: &str,
) -> impl IntoView {
    let (top, bottom, apart) = scale.unwrap_or_else(|| overview.peaks());
    let gap = if apart > 0 { GAP } else { 0 };
    let unit = f64::from(HEIGHT - gap) / (top + bottom + apart).max(1) as f64;
    let axis = scaled(top, unit);
    let others_at = axis + scaled(bottom, unit) + gap;
    let width = overview.years.len() as u32 * YEAR_WIDTH;
    let columns = overview
        .years
        .iter()
        .enumerate()
        .map(|(i, column)| {
            // A whole year, or a month or quarter of the finer chart of a short range; its
            // code is "2022", "2022-03" or "2022-Q2".
            let (testid, code, name) = match column.part {
                None => (year_testid, column.year.to_string(), column.year.to_string()),
                Some(part) => (
                    "overview-period",
                    words.part_code(column.year, part),
                    words.part(column.year, part),
                ),
            };
            let name = format!("{of}{name}");
            view! {
                <g
                    data-testid=testid
                    data-year=column.year.to_string()
                    data-part=code
                    data-count=column.counts.total().to_string()
                    role="img"
                    aria-label=words.counts(&name, &column.counts)
                >
                    <rect class="hit" x=(i as u32 * YEAR_WIDTH).to_string() y="0" width=YEAR_WIDTH.to_string() height=HEIGHT.to_string()></rect>
                </g>
            }
        })
        .collect_view();
    // One path per colour and side, in the columns' stacking order.
    let slots = overview.years.first().map_or(0, |c| c.toward.len());
    let ov = overview;
    let side = |up: bool, of: fn(&YearColumn) -> &Vec<usize>| {
        (0..slots)
            .map(|slot| {
                let below = |i: usize| of(&ov.years[i])[..slot].iter().sum();
                let count = |i: usize| of(&ov.years[i])[slot];
                let d = stack_path(ov, axis, up, unit, &below, &count);
                view! { <path class=format!("seg c{}", slot % PALETTE) d=d></path> }
            })
            .collect_view()
    };
    let toward = side(true, |c| &c.toward);
    let ruptures = side(false, |c| &c.ruptures);
    let apart = {
        let count = |i: usize| ov.years[i].counts.other;
        let d = stack_path(ov, others_at, false, unit, &|_| 0, &count);
        view! { <path class="apart" d=d></path> }
    };
    view! {
        <svg
            class="overview-columns"
            viewBox=format!("0 0 {width} {HEIGHT}")
            preserveAspectRatio="none"
            focusable="false"
        >
            {columns}
            {toward}
            {ruptures}
            {apart}
            <line class="axis-line" x1="0" x2=width.to_string() y1=axis.to_string() y2=axis.to_string()></line>
        </svg>
    }
}
