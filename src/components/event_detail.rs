//! The full view of one event: text, sources, related events, the note on disagreements, and
//! ways to share its link.

use leptos::prelude::*;
use leptos_use::{use_clipboard, UseClipboardReturn};

use crate::components::highlighted::Highlighted;
use crate::components::source_list::SourceList;
use crate::domain::Event;
use crate::i18n::Ui;

#[component]
pub fn EventDetail(
    event: Event,
    partner_names: Vec<String>,
    sector_names: Vec<String>,
    /// (title, href) of each related event.
    related: Vec<(String, String)>,
    /// Where "back to the timeline" leads (the current filters, no event open).
    #[prop(into)]
    close_href: String,
    /// The full address of this view, for "Copy link" and the share sheet.
    #[prop(into)]
    share_url: String,
    /// Opens the device's share sheet, where it has one.
    on_share: Option<Callback<()>>,
    ui: &'static Ui,
    #[prop(optional)] terms: Vec<String>,
) -> impl IntoView {
    let lang = ui.lang;
    let datetime = event.date.to_string();
    let date_label = event.date.display(lang);
    let end = event.end_date.map(|end| {
        view! {
            " – "
            <time datetime=end.to_string()>{end.display(lang)}</time>
        }
    });
    let note = event.note.as_ref().map(|note| {
        view! {
            <section class="note" data-testid="event-note">
                <h3>{ui.note}</h3>
                <p>{note.get(lang).to_string()}</p>
            </section>
        }
    });
    let history = ui.take.history(
        event.added.map(|d| d.display(lang)),
        event.changed.map(|d| d.display(lang)),
    );
    let related_view = (!related.is_empty()).then(|| {
        let items = related
            .into_iter()
            .map(|(title, href)| view! { <li><a href=href data-noscroll="">{title}</a></li> })
            .collect_view();
        view! {
            <section class="related" data-testid="related">
                <h3>{ui.related}</h3>
                <ul>{items}</ul>
            </section>
        }
    });

    let UseClipboardReturn {
        is_supported,
        copied,
        copy,
        ..
    } = use_clipboard();
    let (copy_failed, set_copy_failed) = signal(false);
    let url_for_copy = share_url.clone();
    let on_copy = move |_| {
        if is_supported.get_untracked() {
            set_copy_failed.set(false);
            copy(&url_for_copy);
        } else {
            set_copy_failed.set(true);
        }
    };
    let copy_status = move || {
        if copied.get() {
            ui.link_copied
        } else if copy_failed.get() {
            ui.copy_failed
        } else {
            ""
        }
    };

    let share_button = on_share.map(|on_share| {
        view! {
            <button
                type="button"
                on:click=move |_| on_share.run(())
            >
                {ui.share}
            </button>
        }
    });

    view! {
        <section
            class="event-detail"
            data-testid="event-detail"
            data-event-id=event.id.to_string()
            aria-labelledby="event-detail-title"
        >
            <a class="close" href=close_href data-noscroll="" data-testid="close-detail">
                {ui.back_to_timeline}
            </a>
            <p class="event-date">
                <time datetime=datetime>{date_label}</time>
                {end}
                <span class="kind">{event.kind.label(lang)}</span>
            </p>
            <h2 id="event-detail-title" tabindex="-1">
                <Highlighted text=event.title.get(lang).to_string() terms=terms.clone() />
            </h2>
            <dl class="facts">
                <dt>{ui.partners_label}</dt>
                <dd>{partner_names.join(", ")}</dd>
                <dt>{ui.sectors_label}</dt>
                <dd>{sector_names.join(", ")}</dd>
            </dl>
            <p class="summary">
                <Highlighted text=event.summary.get(lang).to_string() terms=terms />
            </p>
            {note}
            <section>
                <h3>{ui.sources}</h3>
                <SourceList sources=event.sources.clone() />
            </section>
            {related_view}
            {history.map(|text| view! { <p class="event-history" data-testid="event-history">{text}</p> })}
            <div class="share">
                <button type="button" data-testid="copy-link" on:click=on_copy>
                    {ui.copy_link}
                </button>
                {share_button}
                <span class="copy-status" role="status">{copy_status}</span>
            </div>
        </section>
    }
}
