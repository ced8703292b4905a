//! Exploring the takeaways: the facets and their live counts, what the list shows for a query
//! and a selection, related takeaways, export, and the theme graphs' data and layout. Shared by
//! the build (which prerenders with it) and the app.

pub mod export;
pub mod facets;
pub mod graphs;
pub mod listing;
pub mod related;
pub mod subject;
pub mod url;
