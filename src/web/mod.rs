//! Every access to the browser: the page's base path and language, the window, scrolling,
//! focus, the share sheet, scheduling, the dataset download, files saved and text copied, and the
//! crash message. Nothing else
//! in the app imports `web_sys` or calls `window()`, so every component also renders natively.

pub mod crash;
pub mod fetch;
pub mod files;
mod schedule;
pub mod written_page;

pub use schedule::next_frame;

use wasm_bindgen::JsCast;

use crate::domain::Lang;

/// The browser's window; none when the app is rendered natively, at build time, where every
/// function here then answers as a browser without that feature would.
pub(crate) fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

fn document() -> Option<web_sys::Document> {
    window().and_then(|w| w.document())
}

/// Whether the app is being rendered natively, at build time, into static pages: there is no
/// window, and what would be drawn a frame later is drawn at once.
pub fn renders_at_build_time() -> bool {
    !cfg!(target_arch = "wasm32")
}

/// Milliseconds since the epoch, from the browser's clock.
pub fn now_ms() -> f64 {
    if cfg!(target_arch = "wasm32") {
        js_sys::Date::now()
    } else {
        0.0
    }
}

/// The path the app is served under, from the document's `<base href>`: "" at the root,
/// "/mali-timeline" under a sub-path.
pub fn base_path() -> String {
    let base = document()
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

/// The browser's preferred language: French for `fr-*`, English otherwise.
pub fn browser_lang() -> Lang {
    let language = window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if language == "fr" || language.starts_with("fr-") {
        Lang::Fr
    } else {
        Lang::En
    }
}

/// The window's inner height in CSS pixels, where the browser tells it.
pub fn window_height() -> Option<f64> {
    window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .filter(|h| h.is_finite() && *h > 0.0)
}

/// The page's origin (`https://host`), for links copied or shared in full.
pub fn origin() -> String {
    window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Whether the browser has a share sheet (`navigator.share`).
pub fn can_share() -> bool {
    window().is_some_and(|w| {
        js_sys::Reflect::has(&w.navigator(), &wasm_bindgen::JsValue::from_str("share"))
            .unwrap_or(false)
    })
}

/// Opens the browser's share sheet for a title and an address.
pub fn share(title: &str, url: &str) {
    if let Some(window) = window() {
        let data = web_sys::ShareData::new();
        data.set_title(title);
        data.set_url(url);
        let _ = window.navigator().share_with_data(&data);
    }
}

fn card(id: &str) -> Option<web_sys::Element> {
    let selector = format!(".timeline [data-event-id=\"{id}\"]");
    document()?.query_selector(&selector).ok().flatten()
}

fn scroll_into_view(element: &web_sys::Element, center: bool) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(if center {
        web_sys::ScrollLogicalPosition::Center
    } else {
        web_sys::ScrollLogicalPosition::Nearest
    });
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Scrolls the card of `id` into view (centred, or just into view): at once if it is drawn, so
/// the first frame that shows the list already shows it, else once the list has been drawn.
pub fn scroll_to_card(id: String, center: bool) {
    match card(&id) {
        Some(card) => scroll_into_view(&card, center),
        None => leptos::task::spawn_local(async move {
            next_frame().await;
            if let Some(card) = card(&id) {
                scroll_into_view(&card, center);
            }
        }),
    }
}

/// The first card at least partly in view: its event id and its top, relative to the view.
pub fn first_card_in_view() -> Option<(String, f64)> {
    let cards = document()?
        .query_selector_all(".timeline [data-event-id]")
        .ok()?;
    (0..cards.length())
        .filter_map(|i| cards.get(i)?.dyn_into::<web_sys::Element>().ok())
        .find_map(|card| {
            let rect = card.get_bounding_client_rect();
            (rect.bottom() > 0.0)
                .then(|| Some((card.get_attribute("data-event-id")?, rect.top())))
                .flatten()
        })
}

/// Scrolls so that the card of `id` is back where it was (`top`, relative to the view).
pub fn restore_view((id, top): (String, f64)) {
    let (Some(window), Some(card)) = (window(), card(&id)) else {
        return;
    };
    let moved = card.get_bounding_client_rect().top() - top;
    if moved != 0.0 {
        window.scroll_by_with_x_and_y(0.0, moved);
    }
}

/// Whether the page is scrolled down from its top.
pub fn page_scrolled() -> bool {
    window()
        .and_then(|w| w.scroll_y().ok())
        .is_some_and(|y| y > 0.0)
}

/// Whether the keyboard focus is in a text field or a list box, where keys are text.
pub fn typing_in_a_field() -> bool {
    document()
        .and_then(|d| d.active_element())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Moves the focus to the element `selector` finds, if any.
pub fn focus(selector: &str) {
    if let Some(el) = document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Moves the focus to the title link of the card of `id`, once the list has been drawn.
pub fn focus_card_link(id: String) {
    leptos::task::spawn_local(async move {
        next_frame().await;
        focus(&format!(
            ".timeline [data-event-id=\"{id}\"] .event-title a"
        ));
    });
}

/// Moves the focus to the next (`step` 1) or previous (-1) event of the timeline.
pub fn move_focus(step: i32) {
    let Some(document) = document() else {
        return;
    };
    let Ok(links) = document.query_selector_all(".timeline [data-event-id] .event-title a") else {
        return;
    };
    let count = links.length() as i32;
    if count == 0 {
        return;
    }
    let active = document.active_element();
    let current = (0..count).find(|&i| {
        links
            .get(i as u32)
            .zip(active.as_ref())
            .is_some_and(|(link, active)| link.is_same_node(Some(active)))
    });
    let next = match current {
        Some(i) => (i + step).clamp(0, count - 1),
        None if step > 0 => 0,
        None => count - 1,
    };
    if let Some(link) = links
        .get(next as u32)
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = link.focus();
        scroll_into_view(&link, false);
    }
}

/// Where a pointer is across the element that listens for it, from 0 at its left edge to 1 at
/// its right. With `hold`, that element keeps the pointer's later moves until it is released,
/// so a drag that leaves it, with a mouse, a finger or a pen, still reaches it.
pub fn pointer_across(ev: &leptos::ev::PointerEvent, hold: bool) -> Option<f64> {
    let element = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
    if hold {
        let _ = element.set_pointer_capture(ev.pointer_id());
    }
    let rect = element.get_bounding_client_rect();
    (rect.width() > 0.0)
        .then(|| ((f64::from(ev.client_x()) - rect.left()) / rect.width()).clamp(0.0, 1.0))
}
