//! Presentational components: props in, callbacks out. None of them reads the router.

pub mod data_warnings;
pub mod date_range;
pub mod empty_state;
pub mod event_card;
pub mod event_detail;
pub mod facet_group;
pub mod highlighted;
pub mod load_error;
pub mod loading_preview;
pub mod search_box;
pub mod source_list;
pub mod timeline_list;

/// Runs `work` in a task of its own once the next frame has been painted: what the first frame
/// does not need (the rest of a list, the filters panel) is built after it.
pub fn after_next_frame(work: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(work, std::time::Duration::ZERO)
    });
}
