//! What leaves the page: a file made in the browser and saved, text copied, today's date.

use wasm_bindgen::JsCast;

use super::{document, window};

/// Saves `text` as a file named `name` of type `mime`, made here without a request: a link to a
/// blob of it is clicked, then let go. False where the browser could not make or save it.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let Some(window) = window() else {
        return false;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let saved = (|| {
        let document = document()?;
        let link: web_sys::HtmlAnchorElement =
            document.create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(name);
        link.set_hidden(true);
        document.body()?.append_child(&link).ok()?;
        link.click();
        link.remove();
        Some(())
    })();
    // The click has handed the file over; the blob is let go once the browser has read it.
    let free = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(free.unchecked_ref(), 10_000);
    saved.is_some()
}

/// Copies `text` to the clipboard; `Err` where the browser refuses (no permission, an insecure
/// page).
pub async fn copy_text(text: &str) -> Result<(), ()> {
    let clipboard = window().ok_or(())?.navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| ())
}

/// Today's date on the reader's clock, for "accessed on".
pub fn today() -> Option<chrono::NaiveDate> {
    window()?;
    let now = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
}
