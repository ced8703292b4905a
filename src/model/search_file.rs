//! What `search.json` holds: the index of the takeaways' titles, bodies and articles (their
//! titles, authors and events), in the compact encoding the search engine decodes (see
//! `crate::search::index`).
//!
//! Per field: its terms, sorted (Rust string order) and unique; for each term its postings,
//! the documents (takeaways, numbered in bundle order) holding the term, ascending, each with
//! the term's occurrences; and each document's field length in terms, kept to its leading bits
//! (`crate::search::index::kept_length`: exact up to 15). A term's postings are two
//! strings of base64 VLQ numbers ([`vlq`](super::vlq)): its documents, each as the gap from the
//! one before (the first from 0), and their counts less one. Apart, the two compress better than
//! interleaved (the counts are mostly 0), and both better than JSON arrays; they are read without
//! building a trie. The lengths are a VLQ string too.

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
    #[serde(with = "super::vlq::string")]
    pub lengths: Vec<u32>,
}

/// The index's shipped fields (the title's, the body's and the article's, see `crate::search::index`) in
/// pieces, as a site ships them (folder `search.<hash>/`): `head.json` ([`SearchHead`]) says
/// which terms each piece starts at, `<n>.json` ([`SearchShard`]) holds piece `n`, and
/// `words-<n>.json` ([`IndexWords`]) their Latin words of a run of initials for correcting
/// misspelt ones. A query fetches the pieces of its terms, and a misspelt word the words of its
/// initial, so what it costs grows with its terms' postings, not with the corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchHead {
    pub schema: u32,
    /// Per shipped field, per document, the field's length in terms (elasticlunr's field length,
    /// kept to its leading bits).
    #[serde(with = "super::vlq::strings")]
    pub lengths: Vec<Vec<u32>>,
    /// The first term of each piece, ascending: piece `n` holds the terms from `firsts[n]` up
    /// to the next piece's first, of every shipped field.
    pub firsts: Vec<String>,
    /// The first initial of each file of the shipped fields' Latin words, ascending:
    /// `words-<n>.json` holds the words whose initial is from the `n`th up to the next (a
    /// correction keeps a word's first letter, see `crate::search::engine::spelling`).
    pub initials: Vec<char>,
}

/// One piece of the index: per shipped field, its consecutive terms with their postings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchShard {
    pub schema: u32,
    pub fields: Vec<ShardField>,
    /// Of the piece's run of terms, the titles' and the bodies' Latin words' inner parts that
    /// start a term of some field, each at its longest, ascending: a word that starts a term but
    /// none of these is in their words only at their start (see
    /// `crate::search::pieces::infixes`).
    pub infixes: Vec<String>,
}

/// One field's terms in a piece of the index.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ShardField {
    pub terms: Vec<String>,
    /// Per term, its documents as VLQ gaps (as in [`CompactField`]).
    pub documents: Vec<String>,
    /// Per term, the count of each of its documents less one, in VLQ.
    pub counts: Vec<String>,
}

/// The shipped fields' Latin words of a run of initials, each with its number of postings in
/// them: what a misspelt word of one of them is compared with (see
/// `crate::search::engine::spelling`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IndexWords {
    pub schema: u32,
    pub words: Vec<String>,
    pub postings: Vec<u32>,
}
