//! Installs the panic hook and mounts the app.

fn main() {
    mali_timeline::web::crash::install();
    mali_timeline::app::mount();
}
