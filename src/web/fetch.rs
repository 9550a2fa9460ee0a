//! Downloading the dataset, reading it as it arrives, and saying in a sentence what went wrong.

use std::sync::Arc;

use gloo_net::http::Request;
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};

use super::{next_frame, now_ms};
use crate::domain::{self, Dataset, LoadError, Preview, SteppedLoad};

/// Where the dataset lives, relative to the page's base URL so a sub-path deployment works.
pub const DATASET_URL: &str = "data/events.json";

/// Where a release of the dataset lives: the current one, or an earlier one that a link names.
pub fn dataset_url(version: Option<u32>) -> String {
    match version {
        Some(version) => format!("data/versions/{version}.json"),
        None => DATASET_URL.to_string(),
    }
}

/// Why the dataset could not be shown.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DataError {
    #[error("The events could not be downloaded ({0}). Check your connection and try again.")]
    Network(String),
    #[error("The server answered {status} {status_text} for the events file. Try again later.")]
    Http { status: u16, status_text: String },
    #[error("The events file is too large for this device's memory.")]
    TooLarge,
    #[error("Version {0} of the data does not exist.")]
    NoSuchVersion(u32),
    #[error("{0}")]
    Load(#[from] LoadError),
}

/// A file at least this long (by its `Content-Length`) may show its newest events while the
/// rest is read; a shorter one is read whole first. A file of unknown length may too. Reading
/// a file of 1,000 events (0.8 MB) takes longer than drawing a preview first; reading 100
/// events (0.1 MB) or the shipped file (0.3 MB) does not.
const PREVIEW_MIN_FILE: usize = 1 << 19;

/// How much of the start of the file is tried for a preview, chunk by chunk, before giving up.
const PREVIEW_MAX_PREFIX: usize = 1 << 20;

/// A downloaded dataset, and how it was read.
pub struct Fetched {
    pub dataset: Arc<Dataset>,
    /// The file was short (under `PREVIEW_MIN_FILE`) and read at once, without giving the
    /// browser a turn: what is built from it is best shown in the same task, so that the first
    /// frame painted is the page, not the empty shell.
    pub short: bool,
}

/// Downloads and loads the dataset; each invalid event is left out and listed in `problems`.
///
/// The file is read as it arrives. While the start of a long file is in, `try_preview` is given
/// what has arrived after each chunk, until it shows something (`Ready`: the browser is then
/// let paint before the rest is read and parsed) or says that no more of the file would help.
pub async fn fetch_dataset(
    version: Option<u32>,
    mut try_preview: impl FnMut(&[u8]) -> Preview<()>,
) -> Result<Fetched, DataError> {
    // The page's own early request is for the current release.
    let early = early_request().filter(|_| version.is_none());
    let response = match early {
        Some(request) => wasm_bindgen_futures::JsFuture::from(request)
            .await
            .map(|response| {
                gloo_net::http::Response::from(response.unchecked_into::<web_sys::Response>())
            })
            .map_err(|e| DataError::Network(js_message(e)))?,
        None => Request::get(&dataset_url(version))
            .send()
            .await
            .map_err(|e| DataError::Network(e.to_string()))?,
    };
    if let (Some(version), 404) = (version, response.status()) {
        return Err(DataError::NoSuchVersion(version));
    }
    if !response.ok() {
        return Err(DataError::Http {
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let length: Option<usize> = response
        .headers()
        .get("content-length")
        .and_then(|value| value.trim().parse().ok());
    let long = length.is_none_or(|len| len >= PREVIEW_MIN_FILE);
    let mut previewing = long;
    // The bytes are copied into memory as they are and parsed there: no detour through a
    // JavaScript string.
    let mut storage: Vec<u8> = Vec::new();
    if let Some(len) = length {
        storage
            .try_reserve_exact(len)
            .map_err(|_| DataError::TooLarge)?;
    }
    let Some(body) = web_sys::Response::from(response).body() else {
        return Ok(Fetched {
            dataset: Arc::new(domain::load_bytes(&storage)?),
            short: true,
        });
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    // Chunks already received are read without the browser having a turn in between, so once
    // a long file's preview is on screen, the browser has a turn every `SLICE_MS` of copying.
    let mut turn_started = now_ms();
    loop {
        let chunk: web_sys::ReadableStreamReadResult =
            wasm_bindgen_futures::JsFuture::from(reader.read())
                .await
                .map_err(|e| DataError::Network(js_message(e)))?
                .unchecked_into();
        if chunk.get_done().unwrap_or(true) {
            break;
        }
        // The chunk itself (`Uint8Array::new` would copy it first).
        let chunk: js_sys::Uint8Array = chunk.get_value().unchecked_into();
        let start = storage.len();
        let end = start + chunk.length() as usize;
        storage
            .try_reserve(end - start)
            .map_err(|_| DataError::TooLarge)?;
        storage.resize(end, 0);
        chunk.copy_to(&mut storage[start..end]);
        if previewing {
            match try_preview(&storage[..end.min(PREVIEW_MAX_PREFIX)]) {
                Preview::Ready(()) => {
                    previewing = false;
                    next_frame().await;
                    turn_started = now_ms();
                }
                Preview::NotYet => previewing = end < PREVIEW_MAX_PREFIX,
                Preview::Never => previewing = false,
            }
        }
        if long && !previewing && now_ms() - turn_started > SLICE_MS {
            next_frame().await;
            turn_started = now_ms();
        }
    }
    // The events of a long file are read in slices of about `SLICE_MS`, between which the page
    // paints and answers (each string is checked to be UTF-8 as it is read, so there is no pass
    // over the whole file first), and the dataset is built in a task of its own; a short file is
    // read at once, so that its page is the first one painted.
    let short = storage.len() < PREVIEW_MIN_FILE;
    // The first slice counts the time this task has already spent copying.
    let mut started = turn_started;
    let mut load = SteppedLoad::new(&storage);
    let dataset = loop {
        // Events are read until the slice is used up; each later step, longer, has a slice of
        // its own.
        let mut done = None;
        let mut first = true;
        while done.is_none()
            && (short || (now_ms() - started < SLICE_MS && (first || load.reading_events())))
        {
            done = load.step(EVENTS_PER_LOOK);
            first = false;
        }
        match done {
            Some(result) => break result?,
            None => {
                next_frame().await;
                started = now_ms();
            }
        }
    };
    if !short {
        give_a_turn_if_busy(started).await;
    }
    Ok(Fetched {
        dataset: Arc::new(dataset),
        short,
    })
}

/// How long events are read before the browser has a turn, in milliseconds: with what the
/// task does besides, under the 50 ms from which the browser counts a task as long.
const SLICE_MS: f64 = 30.0;

/// Gives the browser a turn if the current task has run for more than a few milliseconds
/// (since `started`, from [`now_ms`]): work that follows then starts a task of its own, and a
/// short load is not held up by a turn it does not need.
pub async fn give_a_turn_if_busy(started: f64) {
    if now_ms() - started > 8.0 {
        next_frame().await;
    }
}

/// How many events are read between two looks at the clock.
const EVENTS_PER_LOOK: usize = 200;

/// The name under which the start-up script leaves the request for the events file it made
/// before the app's code was compiled.
const EARLY_REQUEST: &str = "maliTimelineEvents";

/// The request for the events file that the start-up script started, taken once: a retry
/// downloads the file again.
fn early_request() -> Option<js_sys::Promise> {
    let window = super::window()?;
    let key = JsValue::from_str(EARLY_REQUEST);
    let request = js_sys::Reflect::get(&window, &key).ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    request.dyn_into::<js_sys::Promise>().ok()
}

/// What a JavaScript error says.
fn js_message(error: wasm_bindgen::JsValue) -> String {
    String::from(js_sys::Error::from(error).to_string())
}
