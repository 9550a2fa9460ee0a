//! The eras under the overview's columns: one bar per era, placed on the same axis, in rows
//! where they overlap. A bar picks its era's dates; hovering or focusing it shows its band.

use leptos::prelude::*;

use crate::components::overview_columns::percent;

/// The height of a row of eras in CSS pixels: a target of 24 px, the least to touch, and a gap.
pub const LANE: usize = 25;

/// One era as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct EraBar {
    pub id: String,
    pub label: String,
    /// Its dates as a person reads them, e.g. "Jan 2022 – Jul 2022".
    pub dates: String,
    /// The whole sentence a screen reader says and the tooltip shows.
    pub action: String,
    /// Its start and end across the axis, from 0 to 1.
    pub span: (f64, f64),
    pub lane: usize,
}

#[component]
pub fn EraLanes(
    bars: Vec<EraBar>,
    #[prop(into)] title: String,
    /// Called with a bar's position when it is picked.
    on_pick: Callback<usize>,
    /// Called with a bar's position when it is hovered or focused, and with none after.
    on_show: Callback<Option<usize>>,
) -> impl IntoView {
    let rows = bars.iter().map(|b| b.lane + 1).max().unwrap_or(0);
    let bars = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let (start, end) = bar.span;
            // Placed by the drawing's own geometry, in percent of its width, which needs no
            // style attribute (the page's content security policy allows none).
            view! {
                <foreignObject
                    x=percent(start)
                    y=bar.lane * LANE
                    width=percent(end - start)
                    height=LANE
                >
                <button
                    type="button"
                    class="era"
                    data-testid="era"
                    data-era=bar.id
                    aria-label=bar.action.clone()
                    title=bar.action
                    on:click=move |_| on_pick.run(i)
                    on:pointerenter=move |_| on_show.run(Some(i))
                    on:pointerleave=move |_| on_show.run(None)
                    on:focus=move |_| on_show.run(Some(i))
                    on:blur=move |_| on_show.run(None)
                >
                    <span class="era-label">{bar.label}</span>
                    <span class="era-dates">{format!(" ({})", bar.dates)}</span>
                </button>
                </foreignObject>
            }
        })
        .collect_view();
    view! {
        <details class="eras" open>
            <summary>{title}</summary>
            <svg class="era-lanes" width="100%" height=rows * LANE>
                {bars}
            </svg>
        </details>
    }
}
