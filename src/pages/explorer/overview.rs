//! The overview above the list: events per year under the filters, the eras, and partners side
//! by side. It is also the date filter: a drag, a click on a year, the brush's keys or an era
//! write `from` and `to` to the address, which the chart then shows.

use leptos::ev::PointerEvent;
use leptos::prelude::*;

use super::use_explorer;
use crate::components::brush::Brush;
use crate::components::compare_rows::{CompareRows, RowView};
use crate::components::era_lanes::{EraBar, EraLanes};
use crate::components::overview_columns::{band, OverviewColumns};
use crate::components::overview_legend::OverviewLegend;
use crate::domain::overview::{axis_position, brush_step, lanes, Colour, Detail, Overview, Part};
use crate::domain::{Filters, FuzzyDate};
use crate::i18n::Ui;
use crate::web;

/// The years of a dated era as a person reads them: "2013–2014", "2023–".
fn era_years(start: FuzzyDate, end: Option<FuzzyDate>) -> String {
    match end {
        Some(end) if end.year_number() == start.year_number() => start.year_number().to_string(),
        Some(end) => format!("{}–{}", start.year_number(), end.year_number()),
        None => format!("{}–", start.year_number()),
    }
}

#[component]
pub fn OverviewSection(ui: &'static Ui) -> impl IntoView {
    let state = use_explorer();
    let explorer = state.explorer();
    let axis = explorer.year_span()?;
    let (first, last) = axis;
    let year_count = (last - first + 1) as usize;
    let words = ui.chart;
    let lang = ui.lang;
    let filters = state.filters;
    let apply = move |next: Filters| state.address.apply.run((next, false));

    let ex = explorer.clone();
    let overview: Memo<Overview> = Memo::new(move |_| {
        state
            .evaluation
            .with(|e| filters.with(|f| ex.overview_in(e, f)))
    });
    // A short range, month by month or quarter by quarter.
    let ex = explorer.clone();
    let detail = Memo::new(move |_| {
        state
            .evaluation
            .with(|e| filters.with(|f| ex.detail_in(e, f)))
    });
    let detail_view = move || {
        let Detail { columns, unplaced } = detail.get()?;
        let parts: Vec<(i32, Part)> = columns
            .years
            .iter()
            .filter_map(|c| Some((c.year, c.part?)))
            .collect();
        let labels = parts
            .iter()
            .map(|&(_, part)| view! { <span>{words.part_short(part)}</span> })
            .collect_view();
        let pick = move |ev: PointerEvent| {
            let at = web::pointer_across(&ev, false)
                .map(|x| ((x * parts.len() as f64) as usize).min(parts.len().saturating_sub(1)));
            if let Some(&(year, part)) = at.and_then(|at| parts.get(at)) {
                apply(filters.with_untracked(|f| f.with_part(year, part)));
            }
        };
        Some(view! {
            <div class="overview-detail" data-testid="overview-detail">
                <h3 class="overview-detail-title">{words.detail}</h3>
                <div class="overview-plot detail-plot" on:pointerup=pick>
                    <OverviewColumns overview=columns words />
                </div>
                <div class="overview-axis" aria-hidden="true">{labels}</div>
                {(unplaced > 0).then(|| view! { <p class="overview-how">{words.unplaced(unplaced)}</p> })}
            </div>
        })
    };

    let ex = explorer.clone();
    let compared = Memo::new(move |_| {
        let f = filters.get();
        if f.compare.is_empty() {
            return Vec::new();
        }
        ex.compare(&f, &f.compare)
            .into_iter()
            .map(|row| RowView {
                name: ex.dataset.partner_name(row.partner.as_str(), lang),
                code: row.partner.to_string(),
                total: row.total,
                years: (first..).zip(row.years).collect(),
            })
            .collect::<Vec<_>>()
    });

    // A drag in progress, as (year where it started, year under the pointer): shown until the
    // pointer is released, when it is written to the address.
    let drag = RwSignal::new(None::<(i32, i32)>);
    let year_at = move |ev: &PointerEvent, hold: bool| {
        web::pointer_across(ev, hold)
            .map(|x| first + ((x * year_count as f64) as i32).min(year_count as i32 - 1))
    };
    let on_down = move |ev: PointerEvent| {
        if ev.button() == 0 {
            drag.set(year_at(&ev, true).map(|y| (y, y)));
        }
    };
    let on_move = move |ev: PointerEvent| {
        if let Some((start, _)) = drag.get_untracked() {
            if let Some(year) = year_at(&ev, false) {
                drag.set(Some((start, year)));
            }
        }
    };
    let on_up = move |_: PointerEvent| {
        let Some((start, end)) = drag.get_untracked() else {
            return;
        };
        drag.set(None);
        let f = filters.get_untracked();
        apply(if start == end {
            f.year_clicked(start)
        } else {
            f.with_years(Some((start, end)))
        });
    };

    let chosen_years = move || {
        drag.get()
            .map(|(a, b)| (a.min(b), a.max(b)))
            .or_else(|| filters.with(|f| f.range_years(axis)))
    };
    let selection = Signal::derive(move || match drag.get() {
        Some((a, b)) => {
            let (a, b) = (a.min(b), a.max(b));
            let span = f64::from(year_count as u32);
            Some((f64::from(a - first) / span, f64::from(b - first + 1) / span))
        }
        None => filters.with(|f| {
            (f.from.is_some() || f.to.is_some()).then(|| {
                let start = f.from.map_or(0.0, |d| axis_position(d, false, axis));
                let end = f.to.map_or(1.0, |d| axis_position(d, true, axis));
                (start, end)
            })
        }),
    });
    let on_key = Callback::new(move |key| {
        let f = filters.get_untracked();
        apply(f.with_years(brush_step(f.range_years(axis), key, axis)));
    });

    // The eras, placed once.
    let eras = explorer.dataset.eras.clone();
    let spans: Vec<(f64, f64)> = eras
        .iter()
        .map(|era| {
            let start = axis_position(era.start, false, axis);
            let end = era.end.map_or(1.0, |d| axis_position(d, true, axis));
            (start, end)
        })
        .collect();
    let bars: Vec<EraBar> = eras
        .iter()
        .zip(&spans)
        .zip(lanes(&spans))
        .map(|((era, &span), lane)| {
            let label = era.label.get(lang).to_string();
            let dates = era_years(era.start, era.end);
            let long_dates = match era.end {
                Some(end) => format!("{} – {}", era.start.display(lang), end.display(lang)),
                None => era.start.display(lang),
            };
            EraBar {
                id: era.id.to_string(),
                action: words.show_era(&label, &long_dates),
                label,
                dates,
                span,
                lane,
            }
        })
        .collect();
    let shown_era = RwSignal::new(None::<usize>);
    let band = move || {
        shown_era
            .get()
            .and_then(|i| spans.get(i))
            .map(|&span| band("era-band", None, span))
    };
    let pick_era = Callback::new(move |i: usize| {
        if let Some(era) = eras.get(i) {
            apply(filters.with_untracked(|f| f.with_era(era)));
        }
    });

    // The legend changes with the colours in use, not with every count.
    let ds = explorer.dataset.clone();
    let legend_items = Memo::new(move |_| {
        overview.with(|o| {
            o.keys
                .iter()
                .map(|(colour, slot)| {
                    let label = match colour {
                        Colour::Bloc(bloc) => words.bloc(*bloc).to_string(),
                        Colour::Partner(code) => ds.partner_name(code.as_str(), lang),
                    };
                    (label, *slot)
                })
                .collect::<Vec<_>>()
        })
    });
    let legend =
        move || view! { <OverviewLegend items=legend_items.get() how_to_read=words.how_to_read /> };
    let compare_view = move || {
        let rows = compared.get();
        let codes: Vec<_> = rows.iter().map(|r| r.code.clone()).collect();
        (!rows.is_empty()).then(|| {
            let reorder = move |change: &dyn Fn(&mut Vec<String>)| {
                let mut next = codes.clone();
                change(&mut next);
                let codes = next.into_iter().map(crate::domain::PartnerCode).collect();
                apply(filters.with_untracked(|f| f.comparing(codes)));
            };
            let reorder_up = reorder.clone();
            let on_remove = Callback::new(move |i: usize| {
                reorder(&|c: &mut Vec<String>| {
                    c.remove(i);
                })
            });
            let on_up =
                Callback::new(move |i: usize| reorder_up(&|c: &mut Vec<String>| c.swap(i - 1, i)));
            view! { <CompareRows rows words on_remove on_up /> }
        })
    };

    let labels = (first..=last)
        .map(|y| view! { <span>{y}</span> })
        .collect_view();
    let value_text = Signal::derive(move || words.range(chosen_years()));
    let value = Signal::derive(move || chosen_years().map_or(first, |(a, _)| a));
    let has_range = move || filters.with(|f| f.from.is_some() || f.to.is_some());
    let clear = move |_| apply(filters.get_untracked().with_years(None));
    let title_id = "overview-title";
    Some(view! {
        <section class="overview" data-testid="overview" aria-labelledby=title_id>
            <div class="overview-head">
                <h2 class="overview-title" id=title_id>{words.title}</h2>
                <span class="overview-range" aria-hidden="true">{move || value_text.get()}</span>
                <button
                    type="button"
                    class="overview-clear"
                    data-testid="overview-clear"
                    hidden=move || !has_range()
                    on:click=clear
                >
                    {words.clear_range}
                </button>
            </div>
            <div
                class="overview-plot"
                data-testid="overview-plot"
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=move |_| drag.set(None)
            >
                {band}
                {move || view! { <OverviewColumns overview=overview.get() words /> }}
                <Brush
                    selection
                    value
                    value_text
                    axis
                    label=words.brush_label
                    keys=words.brush_keys
                    on_key
                />
            </div>
            <div class="overview-axis" aria-hidden="true">{labels}</div>
            {detail_view}
            <EraLanes bars title=words.eras on_pick=pick_era on_show=Callback::new(move |i| shown_era.set(i)) />
            {legend}
            {compare_view}
        </section>
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn era_years_read_as_a_span() {
        let d = |s: &str| s.parse::<FuzzyDate>().unwrap();
        assert_eq!(
            era_years(d("2013-01-11"), Some(d("2014-07-13"))),
            "2013–2014"
        );
        assert_eq!(era_years(d("2022-01-09"), Some(d("2022-07-03"))), "2022");
        assert_eq!(era_years(d("2023-09-16"), None), "2023–");
    }
}
