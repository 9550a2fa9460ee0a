//! The application shell: router, dataset resource, and the loading and error states.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api::{base_path, fetch_dataset, DataError};
use crate::components::load_error::LoadErrorView;
use crate::domain::Dataset;
use crate::pages::explorer_page::ExplorerPage;
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

#[component]
pub fn App() -> impl IntoView {
    let base = base_path();
    provide_context(BasePath(base.clone()));
    let dataset: LocalResource<Result<Arc<Dataset>, DataError>> = LocalResource::new(fetch_dataset);
    let retry = move || dataset.refetch();
    let home = BasePath(base.clone()).href("/");

    view! {
        <Router base=base>
            <a class="skip-link" href="#main">"Skip to the timeline"</a>
            <header class="site-header">
                <h1><a href=home>"Mali's partnerships and ruptures, 2012–2026"</a></h1>
            </header>
            <main id="main" tabindex="-1">
                <Suspense fallback=|| {
                    view! {
                        <p class="loading" role="status" data-testid="loading">
                            "Loading events…"
                        </p>
                    }
                }>
                    {move || {
                        dataset
                            .get()
                            .map(|result| match result {
                                Ok(data) => {
                                    let for_list = data.clone();
                                    let for_event = data.clone();
                                    view! {
                                        <Routes fallback=|| view! { <NotFoundPage /> }>
                                            <Route
                                                path=path!("/")
                                                view=move || {
                                                    view! { <ExplorerPage dataset=for_list.clone() /> }
                                                }
                                            />
                                            <Route
                                                path=path!("/events/:id")
                                                view=move || {
                                                    view! { <ExplorerPage dataset=for_event.clone() /> }
                                                }
                                            />
                                        </Routes>
                                    }
                                        .into_any()
                                }
                                Err(error) => {
                                    view! { <LoadErrorView message=error.to_string() on_retry=retry /> }
                                        .into_any()
                                }
                            })
                    }}
                </Suspense>
            </main>
        </Router>
    }
}
