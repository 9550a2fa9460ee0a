//! Installs the panic hook and mounts the app.

fn main() {
    mali_timeline::crash::install();
    mali_timeline::app::mount();
}
