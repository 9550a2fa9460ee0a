//! The sentence shown when the dataset cannot be loaded, with a way to try again.

use leptos::prelude::*;

#[component]
pub fn LoadErrorView(
    /// What went wrong, as a sentence for a person.
    #[prop(into)]
    message: String,
    /// Called when the person asks to try again.
    on_retry: impl Fn() + 'static,
    #[prop(into, default = "The events could not be loaded".into())] title: String,
    #[prop(into, default = "Retry".into())] retry_label: String,
) -> impl IntoView {
    view! {
        <section class="load-error" role="alert" data-testid="load-error">
            <h2>{title}</h2>
            <p>{message}</p>
            <button type="button" on:click=move |_| on_retry()>
                {retry_label}
            </button>
        </section>
    }
}
