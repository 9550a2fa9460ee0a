//! Installs the panic hook and mounts the app.

fn main() {
    mali_timeline::crash::install();
    leptos::mount::mount_to_body(mali_timeline::app::App);
}
