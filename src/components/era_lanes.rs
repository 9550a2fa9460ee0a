//! The eras under the overview's columns: one bar per era, placed on the same axis, in rows
//! where they overlap. A bar picks its era's dates; hovering or focusing it shows the era's band
//! behind the columns, which the stylesheet lifts over them from the bar's own drawing.
//! On a phone the eras are a fold, closed at first, so that the list starts on the first screen;
//! wider, the stylesheet keeps them open under a plain title.

use leptos::prelude::*;

use crate::components::overview_columns::percent;

/// The height of a row of eras in CSS pixels: a target of 24 px, the least to touch, and a gap.
pub const LANE: usize = 25;

/// One era as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct EraBar {
    pub id: String,
    pub label: String,
    /// Its dates as a person reads them, e.g. "9 January 2022 – 3 July 2022", "24 May 2021 –".
    pub dates: String,
    /// The whole sentence a screen reader says and the tooltip shows.
    pub action: String,
    /// Its start and end across the axis, from 0 to 1.
    pub span: (f64, f64),
    pub lane: usize,
}

/// The eras' bars under `title`. `on_pick` is called with a bar's position when it is picked.
pub fn era_lanes(
    bars: Vec<EraBar>,
    title: &'static str,
    on_pick: impl Fn(usize) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let rows = bars.iter().map(|b| b.lane + 1).max().unwrap_or(0);
    // On paper, where a bar's label may be cut short, the eras are a list.
    let printed = bars
        .iter()
        .map(|bar| view! { <li>{format!("{} ({})", bar.label, bar.dates)}</li> })
        .collect_view();
    let bars = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let (start, end) = bar.span;
            // Placed by the drawing's own geometry, in percent of its width, which needs no
            // style attribute (the page's content security policy allows none).
            let (x, width) = (percent(start), percent(end - start));
            let on_pick = on_pick.clone();
            view! {
                <g class="era-item">
                // The era's band: the stylesheet gives its height, lifts it from the top of the
                // eras behind the columns, and shows it while the bar is hovered or focused.
                <rect class="era-band" data-testid="era-band" x=x.clone() y="0" width=width.clone()></rect>
                <foreignObject
                    x=x
                    y=(bar.lane * LANE).to_string()
                    width=width
                    height=LANE.to_string()
                >
                <button
                    type="button"
                    class="era"
                    data-testid="era"
                    data-era=bar.id
                    aria-label=bar.action.clone()
                    title=bar.action
                    on:click=move |_| on_pick(i)
                >
                    <span class="era-label">{bar.label}</span>
                    <span class="era-dates">{format!(" ({})", bar.dates)}</span>
                </button>
                </foreignObject>
                </g>
            }
        })
        .collect_view();
    view! {
        <details class="eras phone-fold" data-testid="eras">
            <summary>{title}</summary>
            <h3 class="fold-title">{title}</h3>
            <svg class="era-lanes" width="100%" height=(rows * LANE).to_string()>
                {bars}
            </svg>
            <ul class="era-list" data-testid="era-list">{printed}</ul>
        </details>
    }
}
