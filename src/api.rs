//! Fetching the dataset over the network, and saying in a sentence what went wrong.

use std::sync::Arc;

use gloo_net::http::Request;
use thiserror::Error;

use crate::domain::{self, Dataset, LoadError};

/// Where the dataset lives, relative to the page's base URL so a sub-path deployment works.
pub const DATASET_URL: &str = "data/events.json";

/// Why the dataset could not be shown.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DataError {
    #[error("The events could not be downloaded ({0}). Check your connection and try again.")]
    Network(String),
    #[error("The server answered {status} {status_text} for the events file. Try again later.")]
    Http { status: u16, status_text: String },
    #[error("{0}")]
    Load(#[from] LoadError),
}

/// Downloads and loads the dataset; each invalid event is left out and listed in `problems`.
pub async fn fetch_dataset() -> Result<Arc<Dataset>, DataError> {
    let response = Request::get(DATASET_URL)
        .send()
        .await
        .map_err(|e| DataError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(DataError::Http {
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let text = response
        .text()
        .await
        .map_err(|e| DataError::Network(e.to_string()))?;
    Ok(Arc::new(domain::load(&text)?))
}

/// The path the app is served under, from the document's `<base href>`: "" at the root,
/// "/mali-timeline" under a sub-path.
pub fn base_path() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let path = match base.find("://") {
        Some(i) => {
            let rest = &base[i + 3..];
            rest.find('/').map(|j| &rest[j..]).unwrap_or("/")
        }
        None => "/",
    };
    let path = path.split(['?', '#']).next().unwrap_or("/");
    path.trim_end_matches('/').to_string()
}
