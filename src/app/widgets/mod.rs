//! What the interactive parts of the rendered pages do: the search box as people type, the
//! theme graphs' canvases, hover and download, copying a takeaway, exporting the list.

pub mod actions;
pub mod graphs;
pub mod search_box;
