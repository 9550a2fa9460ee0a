//! The free-text search field: reports what is typed, debounced, and follows the URL on Back.

use leptos::prelude::*;
use leptos_use::use_debounce_fn_with_arg;

/// Milliseconds of quiet typing before the search is applied.
pub const SEARCH_DEBOUNCE_MS: f64 = 150.0;

#[component]
pub fn SearchBox(
    /// The search text the URL holds.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the text once typing pauses.
    on_change: Callback<String>,
    #[prop(into)] label: String,
    #[prop(into)] placeholder: String,
) -> impl IntoView {
    // What the field shows. It follows the URL, except for text we sent ourselves, so that a
    // late URL update never overwrites keystrokes typed since.
    let (text, set_text) = signal(value.get_untracked());
    let last_sent = StoredValue::new(value.get_untracked());
    Effect::new(move |_| {
        let from_url = value.get();
        if from_url != last_sent.get_value() {
            last_sent.set_value(from_url.clone());
            set_text.set(from_url);
        }
    });
    let send = use_debounce_fn_with_arg(
        move |typed: String| {
            last_sent.set_value(typed.clone());
            on_change.run(typed);
        },
        SEARCH_DEBOUNCE_MS,
    );
    view! {
        <div class="search-box" role="search">
            <label for="search-input">{label}</label>
            <input
                id="search-input"
                type="search"
                data-testid="search"
                autocomplete="off"
                placeholder=placeholder
                prop:value=move || text.get()
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    set_text.set(typed.clone());
                    send(typed);
                }
            />
        </div>
    }
}
