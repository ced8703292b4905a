//! takeaways: turns conference write-ups into an explorable, searchable static site.
//!
//! The library holds what both sides need: the bundle schema and ids compile natively and to
//! wasm; `corpus` and `build` (Markdown in, bundle out) are native only; `app` is the explorer.

pub mod app;
pub mod bundle;
pub mod export;
pub mod facets;
pub mod graphs;
pub mod html;
pub mod ids;
pub mod lang;
pub mod listing;
pub mod order;
pub mod related;
pub mod search;

#[cfg(not(target_arch = "wasm32"))]
pub mod build;
#[cfg(not(target_arch = "wasm32"))]
pub mod corpus;
#[cfg(not(target_arch = "wasm32"))]
pub mod indexing;
#[cfg(not(target_arch = "wasm32"))]
pub mod policy;
#[cfg(not(target_arch = "wasm32"))]
pub mod report;
#[cfg(not(target_arch = "wasm32"))]
pub mod share;
#[cfg(not(target_arch = "wasm32"))]
pub mod synth;
