//! Pure domain logic: the event model, dataset validation, dates, and everything derived from
//! them. Nothing here imports leptos, web-sys or gloo; it is tested natively with `cargo test`.

pub mod changelog;
pub mod cite;
pub mod dataset;
pub mod date;
pub mod export;
pub mod feed;
pub mod filter;
pub mod model;
pub mod overview;
pub mod package;
pub mod page;
pub mod path;
mod postings;
pub mod preview;
pub mod query;
mod reader;
pub mod search;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod testing;
pub mod timeline;

pub use dataset::{
    load, load_bytes, load_event_by_event, Dataset, LoadError, Problem, SteppedLoad, Subject,
};
pub use date::{DatePrecision, FuzzyDate};
pub use filter::{Evaluation, Explorer, FacetCounts, FilterKey};
pub use model::{
    is_linkable_url, DatasetFile, Era, EraId, Event, EventId, EventKind, Lang, Localized, Partner,
    PartnerCode, PartnerKind, Sector, SectorId, Source,
};
pub use preview::{preview, Preview};
pub use query::{Filters, SortOrder};
pub use search::{highlight, SearchIndex};
pub use timeline::{drawn_range, group_by_year, YearGroup, AROUND_OPEN};
