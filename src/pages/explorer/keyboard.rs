//! The keyboard: "/" focuses the search, j and k move between events, Escape closes the open
//! event and returns focus to its card. Keys typed into a field are left alone.

use leptos::ev;
use leptos::prelude::*;

use super::ExplorerState;
use crate::web;

pub fn use_keyboard(state: ExplorerState) {
    let keys = window_event_listener(ev::keydown, move |event| {
        if event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let key = event.key();
        if key == "Escape" {
            if let Some(id) = state.open_id.get_untracked() {
                state.address.close_event.run(());
                web::focus_card_link(id);
            }
            return;
        }
        if web::typing_in_a_field() {
            return;
        }
        match key.as_str() {
            "/" => {
                event.prevent_default();
                web::focus("#search-input");
            }
            "j" | "k" => {
                event.prevent_default();
                web::move_focus(if key == "j" { 1 } else { -1 });
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());
}
