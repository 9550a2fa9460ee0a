//! The date range: from and to, each a year and optionally a month.

use leptos::prelude::*;

/// One end of the range as the controls show it: a year and an optional month (1-12).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bound {
    pub year: Option<i32>,
    pub month: Option<u32>,
}

#[component]
pub fn DateRange(
    #[prop(into)] from: Signal<Bound>,
    #[prop(into)] to: Signal<Bound>,
    /// The years to offer, oldest first.
    years: Vec<i32>,
    /// Month names, January first.
    months: Vec<String>,
    /// Called with the new (from, to).
    on_change: Callback<(Bound, Bound)>,
    #[prop(into)] legend: String,
    #[prop(into)] from_label: String,
    #[prop(into)] to_label: String,
    #[prop(into)] any_year: String,
    #[prop(into)] any_month: String,
) -> impl IntoView {
    let bound_controls = move |which: &'static str, label: String, bound: Signal<Bound>| {
        let set = move |b: Bound| {
            if which == "from" {
                on_change.run((b, to.get_untracked()));
            } else {
                on_change.run((from.get_untracked(), b));
            }
        };
        let year_options = years
            .iter()
            .map(|y| view! { <option value=y.to_string()>{y.to_string()}</option> })
            .collect_view();
        let month_options = months
            .iter()
            .enumerate()
            .map(|(i, m)| view! { <option value=(i + 1).to_string()>{m.clone()}</option> })
            .collect_view();
        let year_id = format!("{which}-year");
        let month_id = format!("{which}-month");
        view! {
            <div class="bound">
                <label for=year_id.clone()>{label.clone()}</label>
                <select
                    id=year_id
                    data-testid=format!("{which}-year")
                    prop:value=move || bound.get().year.map(|y| y.to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        let year = event_target_value(&ev).parse().ok();
                        let month = if year.is_some() { bound.get_untracked().month } else { None };
                        set(Bound { year, month });
                    }
                >
                    <option value="">{any_year.clone()}</option>
                    {year_options}
                </select>
                <select
                    id=month_id
                    aria-label=format!("{label} (month)")
                    data-testid=format!("{which}-month")
                    disabled=move || bound.get().year.is_none()
                    prop:value=move || bound.get().month.map(|m| m.to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        let month = event_target_value(&ev).parse().ok();
                        set(Bound { year: bound.get_untracked().year, month });
                    }
                >
                    <option value="">{any_month.clone()}</option>
                    {month_options}
                </select>
            </div>
        }
    };
    let from_view = bound_controls("from", from_label, from);
    let to_view = bound_controls("to", to_label, to);
    view! {
        <fieldset class="date-range" data-testid="date-range">
            <legend>{legend}</legend>
            {from_view}
            {to_view}
        </fieldset>
    }
}
