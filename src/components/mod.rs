//! Presentational components: props in, callbacks out. None of them reads the router or
//! touches the browser, so each also renders natively.

pub mod changelog;
pub mod cite_box;
pub mod compare_rows;
pub mod data_warnings;
pub mod date_range;
pub mod empty_state;
pub mod era_lanes;
pub mod event_card;
pub mod event_detail;
pub mod event_index;
pub mod facet_group;
pub mod highlighted;
pub mod load_error;
pub mod loading_preview;
pub mod overview_columns;
pub mod page_head;
pub mod search_box;
pub mod source_list;
pub mod timeline_list;
pub mod version_notice;
