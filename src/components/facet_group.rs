//! A group of checkboxes for one facet (partner, sector or kind), each with its count.

use leptos::prelude::*;

/// One choice of a facet, as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetOption {
    /// The value written in the URL, e.g. `IRN`.
    pub value: String,
    pub label: String,
    /// How many events match with this choice under the other active filters.
    pub count: usize,
    pub checked: bool,
}

#[component]
pub fn FacetGroup(
    /// The group's visible name, e.g. "Partner".
    #[prop(into)]
    legend: String,
    /// A stable name for test hooks, e.g. `partner`.
    #[prop(into)]
    name: String,
    #[prop(into)] options: Signal<Vec<FacetOption>>,
    /// Called with an option's value when it is switched on or off.
    on_toggle: Callback<String>,
    /// Whether the group starts unfolded.
    #[prop(optional)]
    open: bool,
) -> impl IntoView {
    let selected = move || options.with(|o| o.iter().filter(|o| o.checked).count());
    let testid = format!("facet-{name}");
    // The rows themselves (value and label) change only with the language; a memo keeps a
    // change of counts from making the list compare its rows again.
    let rows = Memo::new(move |_| {
        options.with(|o| {
            o.iter()
                .map(|o| (o.value.clone(), o.label.clone()))
                .collect::<Vec<_>>()
        })
    });
    let opened = RwSignal::new(open);
    let details = NodeRef::<leptos::html::Details>::new();
    view! {
        <details
            class="facet"
            data-testid=testid
            open=open
            node_ref=details
            on:toggle=move |_| {
                let now_open = details.get_untracked().is_some_and(|d| d.open());
                if now_open && !opened.get_untracked() {
                    opened.set(true);
                }
            }
        >
            <summary>
                {legend.clone()}
                {move || match selected() {
                    0 => String::new(),
                    n => format!(" ({n})"),
                }}
            </summary>
            <fieldset>
                <legend class="visually-hidden">{legend}</legend>
                // A group's rows are drawn when it is first opened, not before.
                <Show when=move || opened.get()>
                <ul>
                    // Rows are keyed by value: a change of counts updates their numbers in
                    // place instead of drawing the rows again.
                    <For
                        each=move || rows.get().into_iter().enumerate()
                        key=|(_, (value, label))| (value.clone(), label.clone())
                        let:((at, (value, label)))
                    >
                        {
                            // The row's option is at its place in the list; it is looked for
                            // only if the list has changed around it.
                            let current = {
                                let value = value.clone();
                                Memo::new(move |_| {
                                    options
                                        .with(|o| {
                                            o.get(at)
                                                .filter(|o| o.value == value)
                                                .or_else(|| o.iter().find(|o| o.value == value))
                                                .map(|o| (o.count, o.checked))
                                                .unwrap_or_default()
                                        })
                                })
                            };
                            let count = move || current.get().0;
                            let checked = move || current.get().1;
                            let toggled = value.clone();
                            view! {
                                <li class:zero=move || count() == 0>
                                    <label>
                                        <input
                                            type="checkbox"
                                            value=value
                                            prop:checked=checked
                                            on:change=move |_| on_toggle.run(toggled.clone())
                                        />
                                        <span class="facet-label">{label}</span>
                                        <span class="count">{count}</span>
                                    </label>
                                </li>
                            }
                        }
                    </For>
                </ul>
                </Show>
            </fieldset>
        </details>
    }
}
