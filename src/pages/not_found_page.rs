//! What an address that names no page shows.

use leptos::prelude::*;

use leptos_router::hooks::use_location;

use crate::context::{use_base, use_lang};
use crate::domain::query;
use crate::i18n::ui;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let base = use_base();
    let lang = use_lang();
    let location = use_location();
    move || {
        let ui = ui(lang.get());
        // The way back keeps the language the address asked for.
        let home = query::parse(&location.search.get()).home();
        view! {
            <section class="not-found" role="alert" data-testid="not-found">
                <h2>{ui.page_not_found_title}</h2>
                <p>{ui.page_not_found_text}</p>
                <a href=base.href(&format!("/{}", home.to_query()))>{ui.back_to_timeline}</a>
            </section>
        }
    }
}
