//! What `search.json` holds: the index of the takeaways' bodies, in the compact encoding the
//! search engine decodes (see `crate::search::index`).
//!
//! Per field: its terms, sorted (Rust string order) and unique; for each term its postings,
//! the documents (takeaways, numbered in bundle order) holding the term, ascending, each with
//! the term's occurrences; and each document's field length in terms. A term's postings are two
//! strings of base64 VLQ numbers (as in source maps: 5 bits a digit, the sixth bit saying
//! another digit follows): its documents, each as the gap from the one before (the first from
//! 0), and their counts less one. Apart, the two compress better than interleaved (the counts
//! are mostly 0), and both better than JSON arrays; they are read without building a trie.

use serde::{Deserialize, Serialize};

/// What [`SEARCH_FILE`](super::SEARCH_FILE) holds: the bundle's search index, with the schema
/// version it belongs to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchFile {
    pub schema: u32,
    pub search: CompactIndex,
}

/// The index as it ships (see the module's documentation).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CompactIndex {
    pub fields: Vec<CompactField>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CompactField {
    pub name: String,
    pub terms: Vec<String>,
    /// Per term, its documents as VLQ gaps.
    pub documents: Vec<String>,
    /// Per term, the count of each of its documents less one, in VLQ.
    pub counts: Vec<String>,
    pub lengths: Vec<u32>,
}
