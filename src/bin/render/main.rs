//! Writes the site's pages at build time with Leptos's server-side rendering: the timeline and
//! every event, in English and French, drawn by the same components as in the browser, with
//! the head that link previews, search engines and reference managers read; then sitemap.xml,
//! robots.txt, the Atom feeds (`feed.atom`, `fr/feed.atom`), the changelog pages
//! (`changelog.html`, `fr/changelog.html`, from `data/versions/*.json` and the current file) and
//! the dataset as a data package in `data/package/`. No browser is involved.
//!
//! ```sh
//! render <dist> [--data <events.json>] [--home-only]
//! ```
//!
//! `<dist>/404.html` (the built page without a body, as `scripts/post_build.py` leaves it) is
//! the template. The site's origin comes from `SITE_URL` (default `http://127.0.0.1:8080`,
//! where `make run` serves); the base path from the template's `<base href>`. `--data` reads
//! another events file (the benchmark's); `--home-only` writes only the timeline.

mod changes;
mod template;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::location::RequestUrl;

use mali_timeline::app::{Layout, Pages};
use mali_timeline::components::event_index::{EventIndex, IndexEntry};
use mali_timeline::components::page_head::PageHeadTags;
use mali_timeline::context::BasePath;
use mali_timeline::domain::page::{self, Page, Site, LANGS};
use mali_timeline::domain::{self, package, Explorer, Lang};
use mali_timeline::i18n::ui;
use mali_timeline::pages::explorer::OpenAtStart;

use template::{base_of, fill, without_test_ids};

const DEFAULT_ORIGIN: &str = "http://127.0.0.1:8080";

fn main() -> ExitCode {
    match run() {
        Ok(count) => {
            println!("render: {count} pages written");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("render: {message}");
            ExitCode::FAILURE
        }
    }
}

struct Args {
    dist: PathBuf,
    data: Option<PathBuf>,
    home_only: bool,
}

fn args() -> Result<Args, String> {
    let mut dist = None;
    let mut data = None;
    let mut home_only = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data" => data = Some(PathBuf::from(args.next().ok_or("--data needs a file")?)),
            "--home-only" => home_only = true,
            _ if dist.is_none() => dist = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument `{arg}`")),
        }
    }
    Ok(Args {
        dist: dist.ok_or("usage: render <dist> [--data <events.json>] [--home-only]")?,
        data,
        home_only,
    })
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn run() -> Result<usize, String> {
    let args = args()?;
    // Deferred work (the app's `next_frame`) never runs here: nothing is painted.
    any_spawner::Executor::init_futures_executor().map_err(|e| e.to_string())?;
    let template = read(&args.dist.join("404.html"))?;
    let base = base_of(&template)?;
    let site = Site {
        origin: std::env::var("SITE_URL").unwrap_or_else(|_| DEFAULT_ORIGIN.to_string()),
        base: base.clone(),
    };
    let data_path = args
        .data
        .unwrap_or_else(|| args.dist.join("data/events.json"));
    let dataset = domain::load(&read(&data_path)?).map_err(|e| e.to_string())?;
    let explorer = Arc::new(Explorer::new(Arc::new(dataset)));
    let dataset = &explorer.dataset;

    let mut pages = vec![Page::Timeline];
    if !args.home_only {
        pages.extend(dataset.events.iter().map(Page::Event));
    }
    let mut count = 0;
    for page in &pages {
        for lang in LANGS {
            let head = page::head(dataset, *page, lang, &site, ui(lang).site_text());
            let head = Owner::new().with(|| view! { <PageHeadTags head /> }.to_html());
            let body = without_test_ids(&render_body(&explorer, &base, *page, lang));
            let html = fill(&template, lang, &head, &body)?;
            write(&args.dist.join(page.file(lang)), &html)?;
            count += 1;
        }
    }
    if !args.home_only {
        write(
            &args.dist.join("sitemap.xml"),
            &page::sitemap(dataset, &site),
        )?;
        write(&args.dist.join("robots.txt"), &page::robots(&site))?;
        for (file, text) in package::data_package(dataset, &site) {
            write(&args.dist.join("data/package").join(file), &text)?;
        }
        changes::write_feeds(&args.dist, dataset, &site)?;
        let releases = changes::releases(&args.dist, dataset)?;
        count += changes::write_changelog(&args.dist, &template, &site, &releases, dataset)?;
    }
    Ok(count)
}

/// The page at `page` in `lang`, as the app draws it, and for the timeline every event as a
/// link, for readers that run no script.
fn render_body(explorer: &Arc<Explorer>, base: &str, page: Page, lang: Lang) -> String {
    // A server's context: the app's browser-only parts (window listeners, observers) stand down.
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
    owner.with(|| {
        let path = page.path(lang);
        provide_context(RequestUrl::new(&format!("{base}{path}")));
        provide_context(BasePath(base.to_string()));
        provide_context(OpenAtStart(match page {
            Page::Event(event) => Some(event.id.0.clone()),
            Page::Timeline | Page::Changelog => None,
        }));
        leptos_meta::provide_meta_context();
        let explorer = explorer.clone();
        let index = matches!(page, Page::Timeline).then(|| event_index(&explorer, base, lang));
        let router_base = base.to_string();
        view! {
            <leptos_router::components::Router base=router_base>
                <Layout prerendered=true>
                    <Pages explorer />
                    {index}
                </Layout>
            </leptos_router::components::Router>
        }
        .to_html()
    })
}

/// Every event as a link, newest first, inside `<noscript>`: with a script, the app's list
/// takes its place.
fn event_index(explorer: &Explorer, base: &str, lang: Lang) -> impl IntoView {
    let entries = explorer
        .dataset
        .events
        .iter()
        .rev()
        .map(|event| IndexEntry {
            date: event.date.display(lang),
            title: event.title.get(lang).to_string(),
            href: format!("{base}{}", Page::Event(event).path(lang)),
        })
        .collect();
    view! {
        <noscript>
            <EventIndex heading=ui(lang).all_events entries />
        </noscript>
    }
}
