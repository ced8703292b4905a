//! takeaways: turns conference write-ups into an explorable, searchable static site.
//!
//! The crate is one pipeline, each folder a stage that uses only the ones before it:
//!
//! - [`model`]: the files the build writes and the app reads (the contract between them);
//! - [`search`]: the tokenizer, the index format and the query engine;
//! - [`explore`]: facets, the list, related takeaways, export, the theme graphs' data and layout;
//! - [`render`]: the one renderer: every page and fragment as HTML, data in, markup out;
//! - `build` (native only): the corpus in, the site out;
//! - [`app`]: the explorer in the browser (leptos, built for wasm32 by trunk).
//!
//! Everything but `build` compiles natively and to wasm, so the page the build writes and the
//! page the app shows come from the same functions.

pub mod app;
#[cfg(feature = "bench")]
pub mod bench;
#[cfg(not(target_arch = "wasm32"))]
pub mod builder;
pub mod explore;
pub mod model;
pub mod render;
pub mod search;
