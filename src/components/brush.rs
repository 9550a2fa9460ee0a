//! The overview's selection: the dates chosen on the chart, drawn over it, and a slider that
//! the keyboard moves.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::components::overview_columns::band;

use crate::domain::overview::BrushKey;

/// The key a keyboard event means to the brush, if any.
fn brush_key(ev: &KeyboardEvent) -> Option<BrushKey> {
    match (ev.key().as_str(), ev.shift_key()) {
        ("ArrowLeft" | "ArrowDown", false) => Some(BrushKey::Earlier),
        ("ArrowRight" | "ArrowUp", false) => Some(BrushKey::Later),
        ("ArrowLeft" | "ArrowDown", true) => Some(BrushKey::Shorter),
        ("ArrowRight" | "ArrowUp", true) => Some(BrushKey::Longer),
        ("Escape", _) => Some(BrushKey::Clear),
        _ => None,
    }
}

#[component]
pub fn Brush(
    /// The chosen dates across the axis, from 0 to 1; none when there are none.
    #[prop(into)]
    selection: Signal<Option<(f64, f64)>>,
    /// The first year chosen, for the slider's value.
    #[prop(into)]
    value: Signal<i32>,
    /// The chosen years as a person reads them.
    #[prop(into)]
    value_text: Signal<String>,
    /// The axis's first and last years.
    axis: (i32, i32),
    #[prop(into)] label: String,
    /// How to use it from the keyboard.
    #[prop(into)]
    keys: String,
    on_key: Callback<BrushKey>,
) -> impl IntoView {
    let on_keydown = move |ev: KeyboardEvent| {
        if let Some(key) = brush_key(&ev) {
            // Escape with nothing chosen is left to the page (it closes an open event).
            if key == BrushKey::Clear && selection.with_untracked(Option::is_none) {
                return;
            }
            ev.prevent_default();
            ev.stop_propagation();
            on_key.run(key);
        }
    };
    let selected = move || {
        selection.get().map(|(start, end)| {
            band(
                "overview-selection",
                Some("overview-selection"),
                (start, end),
            )
        })
    };
    view! {
        {selected}
        <div
            class="overview-brush"
            data-testid="overview-brush"
            role="slider"
            tabindex="0"
            aria-label=label
            title=keys
            aria-valuemin=axis.0
            aria-valuemax=axis.1
            aria-valuenow=move || value.get()
            aria-valuetext=move || value_text.get()
            on:keydown=on_keydown
        ></div>
    }
}
