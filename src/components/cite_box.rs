//! "Cite": the reference in each style, each with a button that copies it. Its body is drawn
//! only while it is open, so the page does not write references nobody asked for.

use leptos::prelude::*;

/// Whether the last copy of a form worked, by the form's place.
pub type Copied = Option<(usize, bool)>;

#[component]
pub fn CiteBox(
    summary: &'static str,
    /// The forms by name ("APA", "BibTeX"…), made when the box is opened.
    forms: Callback<(), Vec<(&'static str, String)>>,
    copy_label: &'static str,
    copied_label: &'static str,
    failed_label: &'static str,
    /// Called with a form's place and text when its button is pressed.
    on_copy: Callback<(usize, String)>,
    #[prop(into)] copied: Signal<Copied>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let details = NodeRef::<leptos::html::Details>::new();
    let body = move || {
        open.get().then(|| {
            forms
                .run(())
                .into_iter()
                .enumerate()
                .map(|(at, (name, text))| {
                    let id = format!("cite-{}", name.to_ascii_lowercase().replace('-', ""));
                    let copy = text.clone();
                    let status = move || match copied.get() {
                        Some((n, true)) if n == at => copied_label,
                        Some((n, false)) if n == at => failed_label,
                        _ => "",
                    };
                    view! {
                        <div class="cite-form">
                            <h3>{name}</h3>
                            <pre data-testid=id.clone() tabindex="0">{text}</pre>
                            <button type="button" data-testid=format!("{id}-copy") on:click=move |_| on_copy.run((at, copy.clone()))>
                                {copy_label}
                            </button>
                            <span class="copy-status" role="status">{status}</span>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <details
            class="tool"
            data-testid="cite"
            node_ref=details
            on:toggle=move |_| open.set(details.get_untracked().is_some_and(|d| d.open()))
        >
            <summary>{summary}</summary>
            {body}
        </details>
    }
}
