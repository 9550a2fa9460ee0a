//! The one way the app defers work: to a task of its own after the next painted frame.

use std::time::Duration;

use futures::channel::oneshot;
use leptos::prelude::{request_animation_frame, set_timeout};

/// How long to wait for a frame before going on anyway: a hidden tab paints none.
const NO_FRAME_AFTER: Duration = Duration::from_millis(100);

/// Resolves in a task of its own once the browser has painted the next frame (or after 100 ms
/// where it paints none, as in a hidden tab). What the first frame does not need (the rest of a
/// list, the filters panel) is built after it, and long work gives the page a turn between its
/// slices.
pub async fn next_frame() {
    if !cfg!(target_arch = "wasm32") {
        // Rendered natively, at build time, no frame is ever painted: deferred work never runs.
        return std::future::pending().await;
    }
    let (done, frame_painted) = oneshot::channel::<()>();
    let done = std::sync::Arc::new(std::sync::Mutex::new(Some(done)));
    let resolve = move || {
        if let Some(done) = done.lock().ok().and_then(|mut d| d.take()) {
            let _ = done.send(());
        }
    };
    let after_frame = resolve.clone();
    request_animation_frame(move || set_timeout(after_frame, Duration::ZERO));
    set_timeout(resolve, NO_FRAME_AFTER);
    let _ = frame_painted.await;
}
