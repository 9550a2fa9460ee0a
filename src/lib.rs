//! mali-timeline: Mali's international partnerships and ruptures since 2012, as a Leptos app.
// Views rendered natively (the `ssr` feature) are deep types.
#![recursion_limit = "256"]

pub mod app;
pub mod components;
pub mod context;
pub mod domain;
pub mod i18n;
pub mod pages;
pub mod web;
