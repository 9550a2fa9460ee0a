//! Pure domain logic: the event model, dataset validation, dates, and everything derived from
//! them. Nothing here imports leptos, web-sys or gloo; it is tested natively with `cargo test`.

pub mod dataset;
pub mod date;
pub mod model;

pub use dataset::{load, Dataset, LoadError, Problem, Subject};
pub use date::{DatePrecision, FuzzyDate};
pub use model::{
    is_linkable_url, DatasetFile, Event, EventId, EventKind, Lang, Localized, Partner, PartnerCode,
    PartnerKind, Sector, SectorId, Source,
};
