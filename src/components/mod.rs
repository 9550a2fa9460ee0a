//! Presentational components: props in, callbacks out. None of them reads the router.

pub mod event_card;
pub mod event_detail;
pub mod load_error;
pub mod source_list;
