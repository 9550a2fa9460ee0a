//! The notice on a link to an earlier release of the data, with the way to the current one.

use leptos::prelude::*;

#[component]
pub fn VersionNotice(
    /// Which release is shown, as a sentence.
    text: String,
    link_label: &'static str,
    /// The same view on the current data.
    #[prop(into)]
    href: Signal<String>,
) -> impl IntoView {
    view! {
        <p class="version-notice" role="status" data-testid="version-notice">
            {text}
            " "
            <a href=href data-testid="current-data">{link_label}</a>
        </p>
    }
}
