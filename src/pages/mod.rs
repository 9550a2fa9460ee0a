//! One folder or file per route. Pages read the router and hand plain values to components.

pub mod explorer;
pub mod not_found_page;
