//! The path of an address: the language its prefix names (`/fr/...`) and the page under it.
//!
//! The French pages live under `/fr`, so that a static host serves each language its own file;
//! `?lang=` in the query still overrides the path.

use super::Lang;

/// The prefix of the French pages.
pub const FRENCH: &str = "/fr";

/// The language the path names by its prefix: French under `/fr`, none otherwise.
///
/// ```
/// use mali_timeline::domain::{path::lang_of_path, Lang};
/// assert_eq!(lang_of_path("/fr/events/x"), Some(Lang::Fr));
/// assert_eq!(lang_of_path("/fr"), Some(Lang::Fr));
/// assert_eq!(lang_of_path("/france"), None);
/// assert_eq!(lang_of_path("/events/x"), None);
/// ```
pub fn lang_of_path(app_path: &str) -> Option<Lang> {
    (page_path(app_path).len() != app_path.len()).then_some(Lang::Fr)
}

/// The page a path names, without its language prefix: `/events/x` for `/fr/events/x`, `/`
/// for `/fr` or `/fr/`.
///
/// ```
/// use mali_timeline::domain::path::page_path;
/// assert_eq!(page_path("/fr/events/x"), "/events/x");
/// assert_eq!(page_path("/fr/"), "/");
/// assert_eq!(page_path("/fr"), "/");
/// assert_eq!(page_path("/events/x"), "/events/x");
/// ```
pub fn page_path(app_path: &str) -> &str {
    match app_path.strip_prefix(FRENCH) {
        Some("") => "/",
        Some(rest) if rest.starts_with('/') => rest,
        _ => app_path,
    }
}

/// The prefix of a language's pages: `/fr` for French, none for English.
pub fn lang_prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => FRENCH,
        Lang::En => "",
    }
}
