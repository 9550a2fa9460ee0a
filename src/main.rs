//! Installs the panic hook, settles index.html's first screen and mounts the app.

fn main() {
    mali_timeline::crash::install();
    mali_timeline::prerendered::settle_at_start();
    leptos::mount::mount_to_body(mali_timeline::app::App);
}
