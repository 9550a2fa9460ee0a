//! The free-text search field: reports each keystroke, and the text once typing pauses; follows
//! the URL on Back.

use leptos::prelude::*;
use leptos_use::use_debounce_fn_with_arg;

/// Milliseconds of quiet typing before the text is reported as settled.
pub const SEARCH_DEBOUNCE_MS: f64 = 150.0;

#[component]
pub fn SearchBox(
    /// The search text the page shows results for.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the text at each keystroke.
    on_input: Callback<String>,
    /// Called with the text once typing pauses.
    on_settle: Callback<String>,
    #[prop(into)] label: String,
    #[prop(into)] placeholder: String,
) -> impl IntoView {
    // What the field shows. It follows `value`, except for text typed here, so that a late
    // update never overwrites keystrokes typed since; `value` is the text without the spaces
    // at its ends, so a space typed last is not taken back.
    let (text, set_text) = signal(value.get_untracked());
    let last_typed = StoredValue::new(value.get_untracked());
    Effect::new(move |_| {
        let outside = value.get();
        if last_typed.with_value(|typed| outside.trim() != typed.trim()) {
            last_typed.set_value(outside.clone());
            set_text.set(outside);
        }
    });
    // Text replaced from outside before typing paused (Back, say) is not reported.
    let settle = use_debounce_fn_with_arg(
        move |typed: String| {
            if last_typed.with_value(|last| *last == typed) {
                on_settle.run(typed);
            }
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
                    last_typed.set_value(typed.clone());
                    set_text.set(typed.clone());
                    on_input.run(typed.clone());
                    settle(typed);
                }
            />
        </div>
    }
}
