//! What the overview's colours and sides mean.

use leptos::prelude::*;

#[component]
pub fn OverviewLegend(
    /// Each colour's label with its place in the palette.
    items: Vec<(String, usize)>,
    /// How to read the chart, in a sentence.
    #[prop(into)]
    how_to_read: String,
) -> impl IntoView {
    let items = items
        .into_iter()
        .map(|(label, palette)| {
            view! {
                <li data-testid="legend-item">
                    <span class=format!("swatch c{palette}") aria-hidden="true"></span>
                    {label}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="overview-legend">
            <ul data-testid="overview-legend">{items}</ul>
            <p class="overview-how">{how_to_read}</p>
        </div>
    }
}
