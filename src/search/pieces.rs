//! The body's index in pieces (see [`SearchHead`]): cut by the build, put back together in the
//! app from the pieces its queries need, so that a query costs what its terms' postings cost.
//! Pieces are runs of consecutive terms, so the terms a prefix starts (elasticlunr's expansion,
//! and what a correction needs to know) are in a run of pieces the head's first terms locate.

use std::ops::Range;
use std::sync::Arc;

use super::engine::spelling::is_word;
use super::fields::BODY_FIELD;
use super::index::{decode, FieldIndex};
use crate::model::{BodyWords, CompactField, CompactIndex, SearchHead, SearchShard, SCHEMA_VERSION};

/// Bytes of postings (as shipped, before the host compresses them) after which a piece ends:
/// a term's postings are never cut, so a piece holds at least one term and may hold more bytes.
/// Smaller pieces cost a query fewer bytes and more requests.
pub const PIECE_BYTES: usize = 32 * 1024;

/// The body's index cut into pieces, with its head and its words.
pub struct Cut {
    pub head: SearchHead,
    pub pieces: Vec<SearchShard>,
    pub words: BodyWords,
}

/// Cuts `body`, the body's field of a compact index, into pieces of about `piece_bytes` (the
/// build's are [`PIECE_BYTES`]).
pub fn cut(body: &CompactField, piece_bytes: usize) -> Cut {
    let mut head = SearchHead { schema: SCHEMA_VERSION, lengths: body.lengths.clone(), firsts: Vec::new() };
    let (mut pieces, mut bytes) = (Vec::new(), 0);
    let new_piece = || SearchShard { schema: SCHEMA_VERSION, ..SearchShard::default() };
    let mut piece = new_piece();
    for (term, (documents, counts)) in body.terms.iter().zip(body.documents.iter().zip(&body.counts)) {
        if piece.terms.is_empty() {
            head.firsts.push(term.clone());
        }
        piece.terms.push(term.clone());
        piece.documents.push(documents.clone());
        piece.counts.push(counts.clone());
        bytes += term.len() + documents.len() + counts.len();
        if bytes >= piece_bytes {
            pieces.push(std::mem::replace(&mut piece, new_piece()));
            bytes = 0;
        }
    }
    if !piece.terms.is_empty() {
        pieces.push(piece);
    }
    let whole = decode(&CompactIndex { fields: vec![body.clone()] }, body.lengths.len() as u32);
    let field = &whole.fields[0];
    let mut words = BodyWords { schema: SCHEMA_VERSION, ..BodyWords::default() };
    for (at, term) in field.terms.iter().enumerate().filter(|(_, term)| is_word(term)) {
        words.words.push(term.clone());
        words.postings.push(field.postings_of(at).len() as u32);
    }
    Cut { head, pieces, words }
}

/// The pieces that may hold terms `prefix` starts (itself included), of those whose first terms
/// are `firsts`.
pub fn pieces_for(firsts: &[String], prefix: &str) -> Range<usize> {
    let start = firsts.partition_point(|first| first.as_str() <= prefix).saturating_sub(1);
    let end = firsts.partition_point(|first| first.as_str() < prefix || first.starts_with(prefix));
    start.min(end)..end
}

/// The pieces of an index in pieces that have arrived.
pub struct Pieces {
    head: Arc<SearchHead>,
    /// By number: a vector, not a map, which costs the wasm less.
    loaded: Vec<Option<Arc<SearchShard>>>,
}

impl Pieces {
    pub fn new(head: Arc<SearchHead>) -> Pieces {
        let loaded = vec![None; head.firsts.len()];
        Pieces { head, loaded }
    }

    /// The pieces the terms `prefixes` start need that have not arrived, ascending.
    pub fn missing(&self, prefixes: &[String]) -> Vec<usize> {
        let mut missing: Vec<usize> = prefixes
            .iter()
            .flat_map(|prefix| pieces_for(&self.head.firsts, prefix))
            .filter(|&n| !self.has(n))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        missing
    }

    /// Whether every piece holding terms `prefix` starts has arrived.
    pub fn covers(&self, prefix: &str) -> bool {
        pieces_for(&self.head.firsts, prefix).all(|n| self.has(n))
    }

    fn has(&self, n: usize) -> bool {
        self.loaded.get(n).is_some_and(Option::is_some)
    }

    /// Adds piece `n`; false if it was here already, or the head has no such piece.
    pub fn add(&mut self, n: usize, piece: Arc<SearchShard>) -> bool {
        match self.loaded.get_mut(n) {
            Some(slot @ None) => {
                *slot = Some(piece);
                true
            }
            _ => false,
        }
    }

    /// The body's index as far as its pieces have come: their terms, in order, with every
    /// document's length.
    pub fn body(&self) -> FieldIndex {
        let mut field =
            CompactField { name: BODY_FIELD.to_owned(), lengths: self.head.lengths.clone(), ..CompactField::default() };
        for piece in self.loaded.iter().flatten() {
            // A damaged piece, its columns of different lengths, adds no more than its shortest.
            let terms = piece.terms.len().min(piece.documents.len()).min(piece.counts.len());
            field.terms.extend_from_slice(&piece.terms[..terms]);
            field.documents.extend_from_slice(&piece.documents[..terms]);
            field.counts.extend_from_slice(&piece.counts[..terms]);
        }
        let docs = self.head.lengths.len() as u32;
        decode(&CompactIndex { fields: vec![field] }, docs).fields.remove(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefix_finds_every_piece_its_terms_may_be_in() {
        let firsts: Vec<String> = ["b", "d", "da", "db", "f"].iter().map(|s| s.to_string()).collect();
        assert_eq!(pieces_for(&firsts, "a"), 0..0);
        assert_eq!(pieces_for(&firsts, "b"), 0..1);
        assert_eq!(pieces_for(&firsts, "c"), 0..1);
        // "d…" terms start in the piece of "d" and run through those of "da" and "db".
        assert_eq!(pieces_for(&firsts, "d"), 1..4);
        assert_eq!(pieces_for(&firsts, "da"), 2..3);
        assert_eq!(pieces_for(&firsts, "dab"), 2..3);
        assert_eq!(pieces_for(&firsts, "e"), 3..4);
        assert_eq!(pieces_for(&firsts, "z"), 4..5);
        assert_eq!(pieces_for(&[], "a"), 0..0);
    }
}
