//! What an address that names no page shows.

use leptos::prelude::*;

use crate::app::BasePath;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let home = use_context::<BasePath>().unwrap_or_default().href("/");
    view! {
        <section class="not-found" role="alert" data-testid="not-found">
            <h2>"This page does not exist"</h2>
            <p>"The address does not match any page of the timeline."</p>
            <a href=home>"Go to the timeline"</a>
        </section>
    }
}
