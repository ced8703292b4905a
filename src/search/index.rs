//! The index the engine searches, built where it is searched (in the browser, or natively)
//! from the takeaways' text the bundle carries; the bundle ships no index.
//!
//! Shipping postings cost more than the text they are derived from: on 3,918 takeaways the
//! body's postings alone were 0.45 MB gzip, against 1.05 MB for all the takeaways' HTML.
//!
//! Per field, in [`FIELDS`] order: its terms, sorted (Rust string order) and unique; for each
//! term its postings, the documents (takeaways, numbered in bundle order) holding the term,
//! ascending, each with the term's occurrences (elasticlunr's tf is their square root); and
//! each document's field length in terms. The postings of all terms sit in one array, term after
//! term, `starts` saying where each term's begin. This is exactly what elasticlunr-rs's index
//! holds for the same documents and tokenizer, which `tests/search.rs` checks.

use std::collections::HashMap;

use super::tokenize::{each_document_term, Synonyms};

/// The indexed fields: a document gives the text of each, in this order.
pub const FIELDS: [&str; 5] = ["title", "themes", "projects", "body", "article"];

/// A takeaway as search sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The title as the app shows it: title highlights are byte ranges in it.
    pub title: String,
    /// The text of each of [`FIELDS`].
    pub fields: [String; 5],
}

impl Document {
    /// The body's plain text, which phrases are looked for in and snippets are cut from.
    pub fn body(&self) -> &str {
        &self.fields[3]
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchIndex {
    /// Number of documents.
    pub docs: u32,
    /// In [`FIELDS`] order.
    pub fields: Vec<FieldIndex>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldIndex {
    pub name: String,
    pub terms: Vec<String>,
    /// (document, occurrences) of every term, term after term.
    pub postings: Vec<(u32, u32)>,
    /// Where each term's postings start in `postings`, and at the end their total.
    pub starts: Vec<u32>,
    /// One entry per document: the number of terms in this field.
    pub lengths: Vec<u32>,
}

impl FieldIndex {
    /// The postings of term number `term`.
    pub fn postings_of(&self, term: usize) -> &[(u32, u32)] {
        &self.postings[self.starts[term] as usize..self.starts[term + 1] as usize]
    }

    /// A field's index from each term's postings, in any term order.
    pub fn from_terms(
        name: &str,
        terms: impl IntoIterator<Item = (String, Vec<(u32, u32)>)>,
        lengths: Vec<u32>,
    ) -> Self {
        let mut terms: Vec<_> = terms.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut field = FieldIndex { name: name.to_owned(), lengths, starts: vec![0], ..FieldIndex::default() };
        for (term, postings) in terms {
            field.terms.push(term);
            field.postings.extend(postings);
            field.starts.push(field.postings.len() as u32);
        }
        field
    }
}

impl SearchIndex {
    /// Indexes `documents` with the shared tokenizer, as elasticlunr-rs would.
    pub fn build(documents: &[Document], synonyms: &Synonyms) -> SearchIndex {
        let fields = FIELDS
            .iter()
            .enumerate()
            .map(|(number, name)| {
                let mut ids: HashMap<String, usize> = HashMap::new();
                let mut lists: Vec<Vec<(u32, u32)>> = Vec::new();
                let mut lengths = Vec::with_capacity(documents.len());
                // The term numbers of one document, sorted to count them.
                let mut seen: Vec<usize> = Vec::new();
                for (doc, document) in documents.iter().enumerate() {
                    seen.clear();
                    each_document_term(&document.fields[number], synonyms, |term| {
                        let id = match ids.get(term) {
                            Some(&id) => id,
                            None => {
                                ids.insert(term.to_owned(), lists.len());
                                lists.push(Vec::new());
                                lists.len() - 1
                            }
                        };
                        seen.push(id);
                    });
                    lengths.push(seen.len() as u32);
                    seen.sort_unstable();
                    for run in seen.chunk_by(|a, b| a == b) {
                        lists[run[0]].push((doc as u32, run.len() as u32));
                    }
                }
                let terms = ids.into_iter().map(|(term, id)| (term, std::mem::take(&mut lists[id])));
                FieldIndex::from_terms(name, terms, lengths)
            })
            .collect();
        SearchIndex { docs: documents.len() as u32, fields }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_count_occurrences_per_document_in_term_order() {
        let document =
            |body: &str| Document { title: String::new(), fields: [body, "", "", body, ""].map(String::from) };
        let index = SearchIndex::build(&[document("云原生 云原"), document("cilium")], &Synonyms::default());
        let title = &index.fields[0];
        assert_eq!(title.terms, ["cilium", "云原", "原生"]);
        assert_eq!(title.postings_of(0), [(1, 1)]);
        assert_eq!(title.postings_of(1), [(0, 2)]);
        assert_eq!(title.lengths, [3, 1]);
        assert_eq!(index.fields[1].lengths, [0, 0]);
    }
}
