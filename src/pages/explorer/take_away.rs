//! What a reader takes from a view: the events shown as a file (CSV, JSON, TimelineJS), a
//! reference to the view, the code that embeds it in another page, and the whole data package.
//! Files and references are made when asked for, never on a change of filters.

use leptos::prelude::*;

use super::use_explorer;
use crate::components::cite_box::CiteBox;
use crate::domain::cite::{self, CiteContext, CiteSubject};
use crate::domain::export;
use crate::domain::page::{escape_html, Site};
use crate::domain::{Dataset, Filters, Lang};
use crate::i18n::{TakeWords, Ui};
use crate::web::{self, files};

/// Where the whole data package is, from the page's base.
const PACKAGE: &str = "data/package/datapackage.json";

/// The file formats of an export: (name, extension, type).
const FORMATS: [(&str, &str, &str); 3] = [
    ("CSV", "csv", "text/csv;charset=utf-8"),
    ("JSON", "json", "application/json"),
    ("TimelineJS", "timeline.json", "application/json"),
];

/// The four forms of a reference to `subject`, read today.
pub fn reference_forms(
    dataset: &Dataset,
    subject: &CiteSubject,
    ui: &'static Ui,
) -> Vec<(&'static str, String)> {
    let today = files::today().unwrap_or_default();
    let context = CiteContext::new(dataset, ui.document_title, today, ui.lang);
    vec![
        ("APA", cite::apa(subject, &context)),
        ("Chicago", cite::chicago(subject, &context)),
        ("BibTeX", cite::bibtex(subject, &context)),
        ("CSL-JSON", cite::csl_json(subject, &context)),
    ]
}

/// "Cite" with the forms `forms` makes, each with a Copy button that says whether it worked.
pub fn cite_box(
    take: &'static TakeWords,
    forms: Callback<(), Vec<(&'static str, String)>>,
) -> impl IntoView {
    let copied = RwSignal::new(None::<(usize, bool)>);
    let on_copy = Callback::new(move |(at, text): (usize, String)| {
        leptos::task::spawn_local(async move {
            let worked = files::copy_text(&text).await.is_ok();
            let _ = copied.try_set(Some((at, worked)));
        });
    });
    view! {
        <CiteBox
            summary=take.cite
            forms
            copy_label=take.copy
            copied_label=take.copied
            failed_label=take.copy_failed
            on_copy
            copied
        />
    }
}

/// The filters as a link that names the release of the data shown, so that it keeps showing
/// what the reader saw.
fn pinned(filters: &Filters, dataset: &Dataset) -> Filters {
    Filters {
        version: Some(dataset.version),
        embed: false,
        lang: None,
        ..filters.clone()
    }
}

#[component]
pub fn TakeAway(ui: &'static Ui) -> impl IntoView {
    let state = use_explorer();
    let explorer = state.explorer();
    let take = ui.take;
    let lang: Lang = ui.lang;
    // The changelog and the feed in the page's language, from the page's base.
    let here = match lang {
        Lang::En => "",
        Lang::Fr => "fr/",
    };
    let site = move || Site {
        origin: web::origin(),
        base: state.base_path(),
    };

    // Export: the events on screen, in their order, as a file named after the view.
    let failed = RwSignal::new(false);
    let ex = explorer.clone();
    let export = Callback::new(move |(ext, mime): (&'static str, &'static str)| {
        let dataset = &ex.dataset;
        let shown = state.visible.get_untracked();
        let text = match ext {
            "csv" => export::csv(dataset, &shown, &site()),
            "json" => export::json(dataset, &shown),
            _ => export::timelinejs(dataset, &shown, lang, &site()),
        };
        let name = state.filters.with_untracked(|f| export::file_name(f, ext));
        failed.set(!files::download(&name, mime, &text));
    });
    let buttons = FORMATS
        .iter()
        .map(|&(label, ext, mime)| {
            view! {
                <button type="button" data-testid=format!("export-{}", ext.replace('.', "-")) on:click=move |_| export.run((ext, mime))>
                    {label}
                </button>
            }
        })
        .collect_view();

    // Cite: the view, pinned to the release of the data shown.
    let ex = explorer.clone();
    let forms = Callback::new(move |()| {
        let dataset = &ex.dataset;
        let filters = state.filters.with_untracked(|f| pinned(f, dataset));
        let subject = cite::view_subject(&filters, dataset, lang, &site());
        reference_forms(dataset, &subject, ui)
    });

    // Embed: the view in a frame, drawn alone.
    let embed_open = RwSignal::new(false);
    let embed_details = NodeRef::<leptos::html::Details>::new();
    let ex = explorer.clone();
    let embed_code = move || {
        embed_open.get().then(|| {
            // English pages name their language, so that the reader's browser does not turn
            // them French; French pages are under /fr.
            let filters = state.filters.with(|f| Filters {
                embed: true,
                lang: (lang == Lang::En).then_some(Lang::En),
                ..pinned(f, &ex.dataset)
            });
            // The open event, if any, or else the view.
            let open = state
                .open_id
                .with(|open| open.as_ref().and_then(|id| ex.dataset.event(id)).cloned());
            let page = open.as_ref().map_or(String::new(), |e| format!("events/{}", e.id));
            let src = site().url(&format!("/{here}{page}{}", filters.to_query()));
            let title = match &open {
                Some(event) => event.title.get(lang).to_string(),
                None => cite::view_title(&filters, &ex.dataset, lang),
            };
            let code = format!(
                "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"640\" loading=\"lazy\"></iframe>",
                escape_html(&src),
                escape_html(&title),
            );
            view! {
                <p>{take.embed_hint}</p>
                <textarea readonly rows="4" data-testid="embed-code" aria-label=take.embed>{code}</textarea>
            }
        })
    };

    view! {
        <details class="take-away" data-testid="take-away">
            <summary>{take.tools}</summary>
            <div class="tools">
            <details class="tool" data-testid="export">
                <summary>{take.export}</summary>
                <div class="tool-body">{buttons}</div>
                {move || failed.get().then(|| view! { <p class="copy-status" role="alert">{take.export_failed}</p> })}
            </details>
            {cite_box(take, forms)}
            <details
                class="tool"
                data-testid="embed"
                node_ref=embed_details
                on:toggle=move |_| embed_open.set(embed_details.get_untracked().is_some_and(|d| d.open()))
            >
                <summary>{take.embed}</summary>
                {embed_code}
            </details>
            // The whole data, its changes and its feed: files and pages the app does not draw,
            // which the site serves as they were written.
            <details class="tool" data-testid="data-links">
                <summary>{take.data}</summary>
                <ul class="tool-body data-links">
                    <li>
                        <a href=PACKAGE rel="external" data-testid="download-data">{take.download_data}</a>
                        " — "
                        {take.download_data_hint}
                    </li>
                    <li>
                        <a href=format!("{here}changelog") rel="external" data-testid="changelog-link">
                            {ui.changes.title}
                        </a>
                    </li>
                    <li>
                        <a href=format!("{here}feed.atom") rel="external" type="application/atom+xml" data-testid="feed-link">
                            {take.follow}
                        </a>
                    </li>
                </ul>
            </details>
            </div>
        </details>
    }
}
