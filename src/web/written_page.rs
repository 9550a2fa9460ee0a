//! The page written at build time (`src/bin/render/main.rs`) that the app finds when it
//! starts: each top-level element marked `data-prerendered`, shown while the app's code
//! downloads and starts. The check inline in the page's head (`public/written-page.js`) marks the document
//! `data-written-page="hidden"` when the address is not the one the page shows, and the
//! stylesheet then hides it; otherwise the stylesheet hides the app's own elements (which follow
//! it in the body) until the app has drawn its page.

use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::JsCast;

const SELECTOR: &str = "[data-prerendered]";

fn document() -> Option<web_sys::Document> {
    super::window().and_then(|w| w.document())
}

/// Whether the page showed a written page when the app started.
static SHOWN_AT_START: AtomicBool = AtomicBool::new(false);

/// Whether the page showed a written page when the app started: the app's
/// first page, which takes its place, then draws as much as it showed (the reader may have
/// scrolled it).
pub fn shown_at_start() -> bool {
    SHOWN_AT_START.load(Ordering::Relaxed)
}

/// Whether the written page is on screen now (the app has not yet replaced it).
pub fn standing_in() -> bool {
    shown_at_start()
        && document().is_some_and(|d| d.query_selector(SELECTOR).ok().flatten().is_some())
}

fn shown() -> bool {
    let Some(document) = document() else {
        return false;
    };
    let hidden = document
        .document_element()
        .and_then(|html| html.get_attribute("data-written-page"))
        .is_some_and(|value| value == "hidden");
    !hidden && document.query_selector(SELECTOR).ok().flatten().is_some()
}

/// Removes the written page, if any: the app's page, drawn in the same task,
/// takes its place in the same frame.
pub fn remove() {
    let Some(document) = document() else {
        return;
    };
    let Ok(nodes) = document.query_selector_all(SELECTOR) else {
        return;
    };
    for i in 0..nodes.length() {
        if let Some(element) = nodes
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            element.remove();
        }
    }
}

/// At start: records whether a written page is shown, and removes one that the address does
/// not show, so the document holds one copy of each element id.
pub fn settle_at_start() {
    let shown = shown();
    SHOWN_AT_START.store(shown, Ordering::Relaxed);
    if !shown {
        remove();
    }
}
