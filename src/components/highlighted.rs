//! Text with the search matches marked, as text nodes and `<mark>` elements (never HTML).

use leptos::prelude::*;

use crate::domain::highlight;

#[component]
pub fn Highlighted(#[prop(into)] text: String, terms: Vec<String>) -> impl IntoView {
    if terms.is_empty() {
        return text.into_any();
    }
    highlight(&text, &terms)
        .into_iter()
        .map(|(segment, hit)| {
            if hit {
                view! { <mark>{segment}</mark> }.into_any()
            } else {
                segment.into_any()
            }
        })
        .collect_view()
        .into_any()
}
