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
    #[error("The events file is too large for this device's memory.")]
    TooLarge,
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
    // The bytes are copied into memory as they are and parsed there: no detour through a
    // JavaScript string, and no zero-filling of memory that is overwritten at once.
    let promise = web_sys::Response::from(response)
        .array_buffer()
        .map_err(|e| DataError::Network(js_message(e)))?;
    let buffer = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| DataError::Network(js_message(e)))?;
    let array = js_sys::Uint8Array::new(&buffer);
    let len = array.length() as usize;
    let mut storage: Vec<u8> = Vec::new();
    storage
        .try_reserve_exact(len)
        .map_err(|_| DataError::TooLarge)?;
    let bytes = array.copy_to_uninit(&mut storage.spare_capacity_mut()[..len]);
    reserve_for(len);
    Ok(Arc::new(domain::load_bytes(bytes)?))
}

/// What a JavaScript error says.
fn js_message(error: wasm_bindgen::JsValue) -> String {
    String::from(js_sys::Error::from(error).to_string())
}

/// Lets the allocator grow the memory once, by about what the parsed events will take (four
/// times the file), instead of in thousands of small steps while they are parsed; the block is
/// freed at once and reused. Where that much cannot be had, nothing is reserved.
fn reserve_for(file_len: usize) {
    let mut block: Vec<u8> = Vec::new();
    let _ = block.try_reserve_exact(file_len.saturating_mul(4));
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
