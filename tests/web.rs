//! Components mounted in a real browser (headless Chromium via wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mali_timeline::components::event_card::EventCard;
use mali_timeline::components::load_error::LoadErrorView;
use mali_timeline::components::source_list::SourceList;
use mali_timeline::domain::{Event, Lang, Source};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn event(json: &str) -> Event {
    serde_json::from_str(json).unwrap()
}

const SEED: &str = r#"{
    "id": "2023-07-19-iran-digital-training", "date": "2023-07-19",
    "partners": ["IRN"], "sectors": ["telecom"], "kind": "announcement",
    "title": {"en": "Iran offers <b>digital</b> training", "fr": "L'Iran propose une formation"},
    "summary": {"en": "Summary in English.", "fr": "Résumé en français."},
    "sources": [{"url": "https://example.org/a", "publisher": "Example", "lang": "fr"}]
}"#;

// Guards: the card shows the date at its precision, the names it is given, and its id hook.
#[wasm_bindgen_test]
fn event_card_shows_date_partners_and_title() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        let seed = event(SEED);
        view! {
            <EventCard
                event=&seed
                partner_names=vec!["Iran".to_string()]
                sector_names=vec!["Telecommunications & digital".to_string()]
                href="/events/2023-07-19-iran-digital-training"
                lang=Lang::En
            />
        }
    });
    let text = root.text_content().unwrap();
    assert!(text.contains("19 July 2023"), "{text}");
    assert!(text.contains("Iran"), "{text}");
    assert!(text.contains("Telecommunications & digital"), "{text}");
    let card = root
        .query_selector("[data-event-id='2023-07-19-iran-digital-training']")
        .unwrap()
        .expect("card carries data-event-id");
    let time = card.query_selector("time").unwrap().unwrap();
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2023-07-19")
    );
    // Dataset text is text: the <b> in the title is shown literally, never parsed.
    assert!(card.query_selector("b").unwrap().is_none());
    assert!(text.contains("<b>digital</b>"), "{text}");
}

// Guards: in French the card says "19 juillet 2023" and the French title.
#[wasm_bindgen_test]
fn event_card_speaks_french() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        let seed = event(SEED);
        view! {
            <EventCard
                event=&seed
                partner_names=vec!["Iran".to_string()]
                sector_names=vec![]
                href="/events/x"
                lang=Lang::Fr
            />
        }
    });
    let text = root.text_content().unwrap();
    assert!(text.contains("19 juillet 2023"), "{text}");
    assert!(text.contains("L'Iran propose une formation"), "{text}");
}

// Guards: only http(s) sources become links; a javascript: URL stays plain text.
#[wasm_bindgen_test]
fn source_list_links_only_http_addresses() {
    let root = container();
    let sources = vec![
        Source {
            url: "https://example.org/ok".into(),
            publisher: "Good".into(),
            date: None,
            lang: "en".into(),
        },
        Source {
            url: "javascript:alert(1)".into(),
            publisher: "Evil".into(),
            date: None,
            lang: "en".into(),
        },
    ];
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <SourceList sources=sources.clone() /> }
    });
    let links = root.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1);
    let link: web_sys::Element = links.get(0).unwrap().unchecked_into();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.org/ok")
    );
    assert!(root.text_content().unwrap().contains("Evil"));
}

// Guards: the load error says what happened and its Retry button calls back.
#[wasm_bindgen_test]
fn load_error_retries_on_click() {
    let root = container();
    let (clicks, set_clicks) = signal(0);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <LoadErrorView
                message="The server answered 500."
                on_retry=move || set_clicks.update(|n| *n += 1)
            />
        }
    });
    let section = root
        .query_selector("[data-testid='load-error']")
        .unwrap()
        .unwrap();
    assert!(section
        .text_content()
        .unwrap()
        .contains("The server answered 500."));
    let button: web_sys::HtmlElement = root
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    assert_eq!(clicks.get_untracked(), 1);
}

// Guards: after a panic the page says so and offers a reload, instead of freezing silently.
#[wasm_bindgen_test]
fn crash_message_replaces_a_frozen_page() {
    let document = web_sys::window().unwrap().document().unwrap();
    let main = document.create_element("main").unwrap();
    main.set_id("main");
    document.body().unwrap().append_child(&main).unwrap();
    mali_timeline::web::crash::show_crash_message();
    mali_timeline::web::crash::show_crash_message();
    let shown = document
        .query_selector_all("[data-testid='crash']")
        .unwrap();
    assert_eq!(shown.length(), 1, "shown once");
    let crash = document
        .query_selector("[data-testid='crash']")
        .unwrap()
        .unwrap();
    let text = crash.text_content().unwrap();
    assert!(text.contains("Something went wrong"), "{text}");
    let link = crash.query_selector("a").unwrap().unwrap();
    assert!(link.get_attribute("href").unwrap().starts_with("http"));
    let main: web_sys::HtmlElement = document.get_element_by_id("main").unwrap().unchecked_into();
    assert!(main.hidden(), "the dead page is hidden");
}
