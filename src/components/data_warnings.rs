//! The notice that lists events left out of a damaged data file, collapsed by default.

use leptos::prelude::*;

#[component]
pub fn DataWarnings(
    /// The notice's heading, e.g. "2 events were left out…".
    #[prop(into)]
    summary: String,
    /// One sentence per problem: the event and why.
    problems: Vec<String>,
) -> impl IntoView {
    let items = problems
        .into_iter()
        .map(|p| view! { <li>{p}</li> })
        .collect_view();
    view! {
        <details class="data-warnings" data-testid="data-warnings">
            <summary>{summary}</summary>
            <ul>{items}</ul>
        </details>
    }
}
