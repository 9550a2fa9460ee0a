//! What the timeline shows when no event matches: which filter to relax.

use leptos::prelude::*;

#[component]
pub fn EmptyState(
    #[prop(into)] message: String,
    /// (sentence, href) for each filter whose removal alone shows events.
    suggestions: Vec<(String, String)>,
    #[prop(into)] clear_label: String,
    #[prop(into)] clear_href: String,
) -> impl IntoView {
    let items = suggestions
        .into_iter()
        .map(|(text, href)| view! { <li><a href=href data-noscroll="">{text}</a></li> })
        .collect_view();
    view! {
        <section class="empty-state" data-testid="empty-state">
            <p><strong>{message}</strong></p>
            <ul>{items}</ul>
            <p><a href=clear_href data-noscroll="">{clear_label}</a></p>
        </section>
    }
}
