//! The application shell: router, dataset resource, header with the language switch, and the
//! loading and error states. It imports the pages; no page imports it.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::components::load_error::LoadErrorView;
use crate::components::loading_preview::LoadingPreview;
use crate::components::version_notice::VersionNotice;
use crate::context::{use_base, use_lang, BasePath};
use crate::domain::path::{lang_of_path, lang_prefix, page_path, FRENCH};
use crate::domain::{self, query};
use crate::domain::{Explorer, Filters, Lang, Preview};
use crate::i18n::ui;
use crate::pages::explorer::{first_screen, EventRoute, ExplorerPage, FIRST_PAGE};
use crate::pages::not_found_page::NotFoundPage;
use crate::web::fetch::{fetch_dataset, give_a_turn_if_busy, DataError};
use crate::web::{base_path, next_frame, now_ms, written_page};

/// Mounts the app on the page's body: at once, or, where a page written at build time stands in
/// meanwhile, in a task of its own after the one that compiled and started the code, so the
/// page answers in between.
pub fn mount() {
    written_page::settle_at_start();
    if written_page::shown_at_start() {
        // Leptos's executor is set up by the mount itself, so this first task is spawned
        // with wasm-bindgen's own.
        wasm_bindgen_futures::spawn_local(async {
            next_frame().await;
            leptos::mount::mount_to_body(App);
        });
    } else {
        leptos::mount::mount_to_body(App);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
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
    let base = use_base();
    let location = use_location();
    let lang = use_lang();
    // While a long file is read, its newest events are shown, on the plain timeline only (an
    // open event or a filter needs every event).
    let preview = RwSignal::new(None::<Arc<Explorer>>);
    // The address's query, parsed once per navigation for the header's two links.
    let parsed = Memo::new(move |_| location.search.with(|search| query::parse(search)));
    let path_base = base.clone();
    let plain_timeline = Memo::new(move |_| {
        location
            .pathname
            .with(|path| path_base.app_path(path) == "/")
            && parsed.with(|f| *f == f.home())
    });
    // The release of the data a link names, if any: another release is another download.
    let version = Memo::new(move |_| parsed.with(|f| f.version));
    let explorer: LocalResource<Result<Arc<Explorer>, DataError>> = LocalResource::new(move || {
        let version = version.get();
        async move {
            // While a written page stands in, the app draws no preview (that page
            // is the same preview) and no frame waits for it: its start and the reading of the
            // events are tasks of their own, between which the page answers.
            let stand_in = written_page::standing_in();
            if stand_in {
                next_frame().await;
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
            let fetched = fetch_dataset(version, try_preview).await;
            // The preview stays on screen until the page takes its place, in the same task;
            // then it is not shown again, and nothing it reads is watched any longer.
            let fetched = fetched.inspect_err(|_| preview.set(None))?;
            let started = now_ms();
            let explorer = Arc::new(Explorer::new(fetched.dataset));
            // A long file's indexes and its page are built in tasks of their own; a short one's
            // in the task that read it, unless a written page stands in meanwhile.
            if stand_in {
                next_frame().await;
            } else if !fetched.short {
                give_a_turn_if_busy(started).await;
            }
            preview.set(None);
            Ok(explorer)
        }
    });
    let retry = move || explorer.refetch();
    // A written page stands in until the app draws its own page (the
    // timeline or an error; a preview is drawn only where there is none), in the
    // same task, so no frame shows neither.
    Effect::new(move |_| {
        if preview.with(Option::is_some) || explorer.with(Option::is_some) {
            written_page::remove();
        }
    });

    let loading = move || match preview.get().filter(|_| plain_timeline.get()) {
        Some(explorer) => {
            let base = use_base();
            let query = parsed.with_untracked(|f| f.home().to_query());
            let event_href =
                Callback::new(move |id: String| base.href(&format!("/events/{id}{query}")));
            // A screenful in the first frame; what else was read, in the next.
            let shown = RwSignal::new(first_screen(FIRST_PAGE));
            leptos::task::spawn_local(async move {
                next_frame().await;
                let _ = shown.try_set(usize::MAX);
            });
            view! { <LoadingPreview explorer ui=ui(lang.get()) shown event_href /> }.into_any()
        }
        None => view! {
            <p class="loading" role="status" data-testid="loading">
                {ui(lang.get()).loading}
            </p>
        }
        .into_any(),
    };
    // The same address without `v`: the current data.
    let current_href = move || {
        let query = parsed.with(|f| {
            Filters {
                version: None,
                ..f.clone()
            }
            .to_query()
        });
        format!("{}{query}", location.pathname.get())
    };
    let page = move || {
        explorer.get().map(|result| match result {
            // One explorer page for the timeline and for an open event, so opening or closing
            // an event keeps the page; the open event is the child route's.
            Ok(explorer) => {
                let take = ui(lang.get_untracked()).take;
                let updated = explorer.dataset.updated.map(|d| d.display(take.lang));
                let notice = version.get_untracked().map(|v| {
                    view! {
                        <VersionNotice
                            text=take.version_notice(v, updated)
                            link_label=take.current_data
                            href=Signal::derive(current_href)
                        />
                    }
                });
                view! {
                    {notice}
                    <Pages explorer />
                }
                .into_any()
            }
            Err(DataError::NoSuchVersion(v)) => {
                let ui = ui(lang.get_untracked());
                view! {
                    <section class="load-error" role="alert" data-testid="load-error">
                        <h2>{ui.load_error_title}</h2>
                        <p>{ui.take.no_such_version(v)}</p>
                        <a href=current_href>{ui.take.current_data}</a>
                    </section>
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
    };

    view! {
        <Layout prerendered=false>
            // The fallback is called once: it hands back `loading`, which follows the preview.
            <Suspense fallback=move || loading>{page}</Suspense>
        </Layout>
    }
}

/// The routes of a loaded dataset. One explorer page for the timeline and for an open event,
/// so opening or closing an event keeps the page; the open event is the child route's. The
/// French pages are the same under `/fr`.
#[component]
pub fn Pages(explorer: Arc<Explorer>) -> impl IntoView {
    let french = explorer.clone();
    view! {
        <Routes fallback=|| view! { <NotFoundPage /> }>
            <ParentRoute
                path=path!("")
                view=move || view! { <ExplorerPage explorer=explorer.clone() prefix="" /> }
            >
                <Route path=path!("") view=|| () />
                <Route path=path!("events/:id") view=EventRoute />
            </ParentRoute>
            <ParentRoute
                path=path!("fr")
                view=move || view! { <ExplorerPage explorer=french.clone() prefix=FRENCH /> }
            >
                <Route path=path!("") view=|| () />
                <Route path=path!("events/:id") view=EventRoute />
            </ParentRoute>
        </Routes>
    }
}

/// The page's frame: the skip link, the header and the main region around `children`. In a
/// page written at build time each is marked `data-prerendered`, so that the app, when it
/// draws its own, removes them in the same task.
#[component]
pub fn Layout(prerendered: bool, children: Children) -> impl IntoView {
    let lang = use_lang();
    let mark = prerendered.then_some("");
    // Inside another site's page (`embed=1`) the view stands alone, with a way out to the site
    // that opens the same view in a new tab.
    let location = use_location();
    let embedded = location.search.with_untracked(|s| query::parse(s).embed);
    let header = move || {
        if !embedded {
            return view! { <SiteHeader prerendered /> }.into_any();
        }
        let out = move || {
            let query = location.search.with(|s| {
                Filters {
                    embed: false,
                    ..query::parse(s)
                }
                .to_query()
            });
            format!("{}{query}", location.pathname.get())
        };
        view! {
            <header class="embed-bar" data-prerendered=mark>
                <h1 class="visually-hidden">{move || ui(lang.get()).site_title}</h1>
                <a href=out target="_blank" rel="noopener" data-testid="open-in-app">
                    {move || ui(lang.get()).take.open_in_app}
                </a>
            </header>
        }
        .into_any()
    };
    view! {
        <Html {..} lang=move || lang.get().code() />
        <a class="skip-link" href="#main" data-prerendered=mark>
            {move || ui(lang.get()).skip_link}
        </a>
        {header}
        <main id="main" tabindex="-1" data-prerendered=mark>
            {children()}
        </main>
    }
}

/// The site's title, a link to the plain timeline, and the link to the same view in the other
/// language.
#[component]
fn SiteHeader(prerendered: bool) -> impl IntoView {
    let base = use_base();
    let location = use_location();
    let lang = use_lang();
    // The address's query, parsed once per navigation for the header's two links.
    let parsed = Memo::new(move |_| location.search.with(|search| query::parse(search)));
    let home_base = base.clone();
    let home = move || {
        let prefix = location.pathname.with(|p| page_prefix(&home_base, p));
        home_base.href(&format!(
            "{prefix}/{}",
            parsed.with(|f| f.home().to_query())
        ))
    };
    // The same view in the other language.
    // French pages are under /fr, and English ones are asked for with ?lang=en, so that the
    // browser's language does not take them back to French.
    let switch_href = move || {
        let mut filters = parsed.get();
        let path = location.pathname.get();
        let page = page_path(base.app_path(&path));
        let (prefix, asked) = match lang.get() {
            Lang::En => (FRENCH, None),
            Lang::Fr => ("", Some(Lang::En)),
        };
        filters.lang = asked;
        base.href(&format!("{prefix}{page}{}", filters.to_query()))
    };

    view! {
        <header class="site-header" data-prerendered=prerendered.then_some("")>
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
    }
}

/// The language prefix of a full path: `/fr` for a French page, none otherwise.
fn page_prefix(base: &BasePath, path: &str) -> &'static str {
    lang_of_path(base.app_path(path)).map_or("", lang_prefix)
}
