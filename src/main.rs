//! Installs the panic hook, settles index.html's first screen and mounts the app.

fn main() {
    mali_timeline::crash::install();
    mali_timeline::prerendered::settle_at_start();
    if mali_timeline::prerendered::shown_at_start() {
        // The first screen stands in meanwhile: the app is mounted in a task of its own, after
        // the one that compiled and started its code, so the page answers in between.
        wasm_bindgen_futures::spawn_local(async {
            mali_timeline::api::next_turn().await;
            leptos::mount::mount_to_body(mali_timeline::app::App);
        });
    } else {
        leptos::mount::mount_to_body(mali_timeline::app::App);
    }
}
