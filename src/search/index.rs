//! The compact index the bundle ships, derived from elasticlunr's index.
//!
//! Per field: the sorted list of its terms; for each term its postings, a flat list of
//! `[doc delta, count, doc delta, count, …]` (document numbers ascending, each as the gap from
//! the one before; `count` is the term's occurrences, elasticlunr's tf being its square root);
//! and each document's field length in terms. About 4× smaller than elasticlunr's JSON tree,
//! and read without building a trie.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    /// Number of documents: the takeaways, numbered in bundle order.
    pub docs: u32,
    pub fields: Vec<FieldIndex>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FieldIndex {
    pub name: String,
    /// Sorted (by Rust string order), unique.
    pub terms: Vec<String>,
    /// One entry per term: `[doc delta, count, …]`.
    pub postings: Vec<Vec<u32>>,
    /// One entry per document: the number of terms in this field.
    pub lengths: Vec<u32>,
}

impl FieldIndex {
    /// The postings of term number `term` as (document, occurrences).
    pub fn postings_of(&self, term: usize) -> impl Iterator<Item = (u32, u32)> + '_ {
        let mut doc = 0;
        self.postings[term].chunks_exact(2).map(move |pair| {
            doc += pair[0];
            (doc, pair[1])
        })
    }
}
