//! The application shell: router, dataset resource, header with the language switch, and the
//! loading and error states.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::api::{base_path, fetch_dataset, next_turn, turn_if_busy, DataError};
use crate::components::load_error::LoadErrorView;
use crate::components::loading_preview::LoadingPreview;
use crate::components::timeline_list::first_screen;
use crate::domain::{self, query};
use crate::domain::{Explorer, Lang, Preview};
use crate::i18n::ui;
use crate::pages::explorer_page::{ExplorerPage, FIRST_PAGE};
use crate::pages::not_found_page::NotFoundPage;

/// The path prefix every link the app makes starts with (empty at the root).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BasePath(pub String);

impl BasePath {
    /// An absolute href for an app path such as `/events/x`.
    pub fn href(&self, path: &str) -> String {
        format!("{}{}", self.0, path)
    }
}

/// The browser's preferred language: French for `fr-*`, English otherwise.
pub fn browser_lang() -> Lang {
    let language = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if language == "fr" || language.starts_with("fr-") {
        Lang::Fr
    } else {
        Lang::En
    }
}

/// The language of the current address: `?lang=`, else the browser's.
pub fn use_lang() -> Memo<Lang> {
    let location = use_location();
    Memo::new(move |_| {
        location
            .search
            .with(|search| query::parse(search).lang)
            .unwrap_or_else(browser_lang)
    })
}

/// Mounts the app on the page's body: at once, or, where index.html's first screen stands in
/// meanwhile, in a task of its own after the one that compiled and started the code, so the
/// page answers in between.
pub fn mount() {
    crate::prerendered::settle_at_start();
    if crate::prerendered::shown_at_start() {
        wasm_bindgen_futures::spawn_local(async {
            next_turn().await;
            leptos::mount::mount_to_body(App);
        });
    } else {
        leptos::mount::mount_to_body(App);
    }
}

#[component]
pub fn App() -> impl IntoView {
    let base = base_path();
    provide_context(BasePath(base.clone()));
    view! {
        <Router base=base>
            <Shell />
        </Router>
    }
}

/// Everything inside the router: header, loading and error states, and the routes.
#[component]
fn Shell() -> impl IntoView {
    let base = use_context::<BasePath>().unwrap_or_default();
    let location = use_location();
    let lang = use_lang();
    // While a long file is read, its newest events are shown, on the plain timeline only (an
    // open event or a filter needs every event).
    let preview = RwSignal::new(None::<Arc<Explorer>>);
    // The address's query, parsed once per navigation for the header's two links.
    let parsed = Memo::new(move |_| location.search.with(|search| query::parse(search)));
    let preview_base = base.clone();
    let plain_timeline = Memo::new(move |_| {
        let on_timeline = location.pathname.with(|path| {
            let app_path = path.strip_prefix(preview_base.0.as_str()).unwrap_or(path);
            matches!(app_path, "" | "/")
        });
        on_timeline && parsed.with(|f| *f == f.home())
    });
    let explorer: LocalResource<Result<Arc<Explorer>, DataError>> = LocalResource::new(move || {
        async move {
            // While index.html's first screen stands in, the app draws no preview (that screen
            // is the same preview) and no frame waits for it: its start and the reading of the
            // events are tasks of their own, between which the page answers.
            let stand_in = crate::prerendered::standing_in();
            if stand_in {
                next_turn().await;
            }
            let try_preview = |prefix: &[u8]| {
                if stand_in || !plain_timeline.get_untracked() {
                    return Preview::Never;
                }
                match domain::preview(prefix, first_screen(FIRST_PAGE), FIRST_PAGE) {
                    Preview::Ready(dataset) => {
                        preview.set(Some(Arc::new(Explorer::new(Arc::new(dataset)))));
                        Preview::Ready(())
                    }
                    Preview::NotYet => Preview::NotYet,
                    Preview::Never => Preview::Never,
                }
            };
            let fetched = fetch_dataset(try_preview).await;
            // The preview stays on screen until the page takes its place, in the same task;
            // then it is not shown again, and nothing it reads is watched any longer.
            let fetched = fetched.inspect_err(|_| preview.set(None))?;
            let started = js_sys::Date::now();
            let explorer = Arc::new(Explorer::new(fetched.dataset));
            // A long file's indexes and its page are built in tasks of their own; a short one's
            // in the task that read it, unless the first screen stands in meanwhile.
            if stand_in {
                next_turn().await;
            } else if !fetched.short {
                turn_if_busy(started).await;
            }
            preview.set(None);
            Ok(explorer)
        }
    });
    let retry = move || explorer.refetch();
    // The first screen index.html carries stands in until the app draws its own page (the
    // timeline or an error; a preview is drawn only where there is no first screen), in the
    // same task, so no frame shows neither.
    Effect::new(move |_| {
        if preview.with(Option::is_some) || explorer.with(Option::is_some) {
            crate::prerendered::remove();
        }
    });

    // <html lang> follows the interface language.
    Effect::new(move |_| {
        let code = lang.get().code();
        if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("lang", code);
        }
    });

    let home_base = base.clone();
    let home = move || home_base.href(&format!("/{}", parsed.with(|f| f.home().to_query())));
    // The same view in the other language.
    let switch_href = move || {
        let mut filters = parsed.get();
        filters.lang = Some(match lang.get() {
            Lang::En => Lang::Fr,
            Lang::Fr => Lang::En,
        });
        let path = location.pathname.get();
        let app_path = path
            .strip_prefix(base.0.as_str())
            .unwrap_or(&path)
            .to_string();
        let app_path = if app_path.is_empty() {
            "/".to_string()
        } else {
            app_path
        };
        base.href(&format!("{app_path}{}", filters.to_query()))
    };

    view! {
        <a class="skip-link" href="#main">{move || ui(lang.get()).skip_link}</a>
        <header class="site-header">
            <h1>
                <a href=home data-noscroll="">{move || ui(lang.get()).site_title}</a>
            </h1>
            <a
                class="lang-switch"
                data-testid="lang-switch"
                href=switch_href
                data-noscroll=""
                hreflang=move || ui(lang.get()).other_language
                lang=move || ui(lang.get()).other_language
            >
                {move || ui(lang.get()).other_language_name}
            </a>
        </header>
        <main id="main" tabindex="-1">
            <Suspense fallback=move || {
                let base = use_context::<BasePath>().unwrap_or_default();
                move || match preview.get().filter(|_| plain_timeline.get()) {
                    Some(explorer) => {
                        let base = base.clone();
                        let query = parsed.with_untracked(|f| f.home().to_query());
                        let event_href = Callback::new(move |id: String| {
                            base.href(&format!("/events/{id}{query}"))
                        });
                        view! {
                            <LoadingPreview explorer ui=ui(lang.get()) event_href />
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <p class="loading" role="status" data-testid="loading">
                                {ui(lang.get()).loading}
                            </p>
                        }
                            .into_any()
                    }
                }
            }>
                {move || {
                    explorer
                        .get()
                        .map(|result| match result {
                            Ok(explorer) => {
                                // One explorer page for the timeline and for an open event, so
                                // opening or closing an event keeps the page and only changes
                                // what the page reads from the address.
                                view! {
                                    <Routes fallback=|| view! { <NotFoundPage /> }>
                                        <ParentRoute
                                            path=path!("")
                                            view=move || {
                                                view! { <ExplorerPage explorer=explorer.clone() /> }
                                            }
                                        >
                                            <Route path=path!("") view=|| () />
                                            <Route path=path!("events/:id") view=|| () />
                                        </ParentRoute>
                                    </Routes>
                                }
                                    .into_any()
                            }
                            Err(error) => {
                                let ui = ui(lang.get_untracked());
                                view! {
                                    <LoadErrorView
                                        title=ui.load_error_title
                                        message=error.to_string()
                                        retry_label=ui.retry
                                        on_retry=retry
                                    />
                                }
                                    .into_any()
                            }
                        })
                }}
            </Suspense>
        </main>
    }
}
