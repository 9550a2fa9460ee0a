//! What the app's pages share: the base path links start with, and the interface language.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::domain::path::lang_of_path;
use crate::domain::{query, Lang};
use crate::web::browser_lang;

/// The path prefix every link the app makes starts with (empty at the root).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BasePath(pub String);

impl BasePath {
    /// An absolute href for an app path such as `/events/x`.
    pub fn href(&self, path: &str) -> String {
        format!("{}{}", self.0, path)
    }

    /// The app path of a full path (the base taken off): `/events/x` for
    /// `/mali-timeline/events/x`, `/` for the base itself.
    pub fn app_path<'a>(&self, path: &'a str) -> &'a str {
        match path.strip_prefix(self.0.as_str()).unwrap_or(path) {
            "" => "/",
            app_path => app_path,
        }
    }
}

/// The base path the app provided.
pub fn use_base() -> BasePath {
    use_context::<BasePath>().unwrap_or_default()
}

/// The language of the current address: `?lang=`, else the path's (`/fr/...`), else the
/// browser's.
pub fn use_lang() -> Memo<Lang> {
    let location = use_location();
    let base = use_base();
    Memo::new(move |_| {
        location
            .search
            .with(|search| query::parse(search).lang)
            .or_else(|| location.pathname.with(|p| lang_of_path(base.app_path(p))))
            .unwrap_or_else(browser_lang)
    })
}
