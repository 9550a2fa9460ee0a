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
    view! {
        <details class="facet" data-testid=testid open=open>
            <summary>
                {legend.clone()}
                {move || match selected() {
                    0 => String::new(),
                    n => format!(" ({n})"),
                }}
            </summary>
            <fieldset>
                <legend class="visually-hidden">{legend}</legend>
                <ul>
                    <For
                        each=move || options.get()
                        key=|o| (o.value.clone(), o.count, o.checked)
                        let:option
                    >
                        {
                            let value = option.value.clone();
                            view! {
                                <li class:zero=option.count == 0>
                                    <label>
                                        <input
                                            type="checkbox"
                                            value=option.value.clone()
                                            prop:checked=option.checked
                                            on:change=move |_| on_toggle.run(value.clone())
                                        />
                                        <span class="facet-label">{option.label.clone()}</span>
                                        <span class="count">{option.count}</span>
                                    </label>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </fieldset>
        </details>
    }
}
