//! The last resort: when the app panics, replace the frozen page with a readable message and a
//! way to reload, instead of leaving a page that no longer answers.

use std::panic::PanicHookInfo;

use wasm_bindgen::JsCast;

/// The element id of the crash message, so it is shown only once.
const CRASH_ID: &str = "crash-message";

/// Logs the panic to the console and shows the crash message.
pub fn panic_hook(info: &PanicHookInfo<'_>) {
    console_error_panic_hook::hook(info);
    show_crash_message();
}

/// Installs [`panic_hook`].
pub fn install() {
    std::panic::set_hook(Box::new(panic_hook));
}

/// Puts "Something went wrong" with a reload link at the top of the page, in the page's
/// language, built from elements and text (never HTML).
pub fn show_crash_message() {
    let Some(document) = super::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(CRASH_ID).is_some() {
        return;
    }
    let french = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .is_some_and(|lang| lang.starts_with("fr"));
    let (title, text, reload) = if french {
        (
            "Une erreur est survenue",
            "La page a rencontré une erreur et ne répond plus. Rechargez-la pour continuer.",
            "Recharger la page",
        )
    } else {
        (
            "Something went wrong",
            "The page hit an error and stopped responding. Reload it to carry on.",
            "Reload the page",
        )
    };
    let build = || -> Option<web_sys::Element> {
        let section = document.create_element("section").ok()?;
        section.set_id(CRASH_ID);
        section.set_class_name("load-error crash");
        section.set_attribute("role", "alert").ok()?;
        section.set_attribute("data-testid", "crash").ok()?;
        let heading = document.create_element("h2").ok()?;
        heading.set_text_content(Some(title));
        let paragraph = document.create_element("p").ok()?;
        paragraph.set_text_content(Some(text));
        let link = document.create_element("a").ok()?;
        link.set_text_content(Some(reload));
        let href = super::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_else(|| "/".into());
        link.set_attribute("href", &href).ok()?;
        section.append_child(&heading).ok()?;
        section.append_child(&paragraph).ok()?;
        section.append_child(&link).ok()?;
        Some(section)
    };
    let Some(section) = build() else {
        return;
    };
    super::written_page::remove();
    if let Some(body) = document.body() {
        // The rest of the page no longer answers: hide it so nobody clicks a dead control.
        if let Some(main) = document.get_element_by_id("main") {
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                main.set_hidden(true);
            }
        }
        let _ = body.prepend_with_node_1(&section);
    }
}
