//! The index's shipped fields in pieces (see [`SearchHead`]): cut by the build, put back together
//! in the app from the pieces its queries need, so that a query costs what its terms' postings
//! cost. Pieces are runs of consecutive terms, the same runs for every shipped field, so the
//! terms a prefix starts (elasticlunr's expansion, and what a correction needs to know) are in a
//! run of pieces the head's first terms locate.

use std::ops::Range;
use std::sync::Arc;

use super::engine::spelling::{initial, words_of};
use super::fields::{derived_terms, BODY_FIELD, TITLE_FIELD};
use super::index::{decode, decode_field, FieldIndex, SHIPPED_FIELDS};
use super::tokenize::is_cjk;
use crate::model::{Dataset, IndexWords, SearchHead, SearchShard, ShardField, SCHEMA_VERSION};

/// Bytes of postings (as shipped, before the host compresses them) after which a piece ends:
/// a term's postings are never cut, so a piece holds at least one term and may hold more bytes.
/// Smaller pieces cost a query fewer bytes and more requests, and the head more firsts: at
/// 5,000 articles a half-size piece took the most off a query, a quarter-size one less (the
/// README's benchmarks). The pieces' folder is named by the whole index's content, not by how it
/// is cut: a change here bumps [`SCHEMA_VERSION`], so a cached head is never read with another
/// cut's pieces.
pub const PIECE_BYTES: usize = 16 * 1024;

/// The shipped fields' index cut into pieces, with its head and its words, in files of runs of
/// initials (see [`SearchHead::initials`]).
pub struct Cut {
    pub head: SearchHead,
    pub pieces: Vec<SearchShard>,
    pub words: Vec<IndexWords>,
}

/// Cuts the shipped fields of `dataset`'s index (in [`SHIPPED_FIELDS`] order) into pieces of
/// about `piece_bytes` (the build's are [`PIECE_BYTES`]), and their words into files of about as
/// many.
pub fn cut(dataset: &Dataset, piece_bytes: usize) -> Cut {
    let shipped = &dataset.search;
    let fields = &shipped.fields;
    let lengths = fields.iter().map(|f| f.lengths.clone()).collect();
    let mut head = SearchHead { schema: SCHEMA_VERSION, lengths, firsts: Vec::new(), initials: Vec::new() };
    // Every field's terms, once, ascending: the pieces' runs.
    let mut terms: Vec<&str> = fields.iter().flat_map(|f| f.terms.iter().map(String::as_str)).collect();
    terms.sort_unstable();
    terms.dedup();
    let new_piece = || SearchShard {
        schema: SCHEMA_VERSION,
        fields: vec![ShardField::default(); fields.len()],
        infixes: Vec::new(),
    };
    let (mut pieces, mut piece, mut bytes, mut empty) = (Vec::new(), new_piece(), 0, true);
    // Per field, its next term.
    let mut next = vec![0; fields.len()];
    for &term in &terms {
        if empty {
            head.firsts.push(term.to_owned());
            empty = false;
        }
        for ((field, at), into) in fields.iter().zip(&mut next).zip(&mut piece.fields) {
            if field.terms.get(*at).is_some_and(|t| t == term) {
                let (documents, counts) = (&field.documents[*at], &field.counts[*at]);
                into.terms.push(term.to_owned());
                into.documents.push(documents.clone());
                into.counts.push(counts.clone());
                bytes += term.len() + documents.len() + counts.len();
                *at += 1;
            }
        }
        if bytes >= piece_bytes {
            pieces.push(std::mem::replace(&mut piece, new_piece()));
            (bytes, empty) = (0, true);
        }
    }
    if !empty {
        pieces.push(piece);
    }
    // Each in the piece whose run of terms it would be in, which a prefix of it fetches.
    // The titles' words and the bodies', whose fields a phrase is looked for in.
    let field = |named| SHIPPED_FIELDS.iter().position(|&name| name == named).and_then(|at| fields.get(at));
    let mut words: Vec<String> =
        [TITLE_FIELD, BODY_FIELD].into_iter().filter_map(field).flat_map(|f| f.terms.iter().cloned()).collect();
    words.sort_unstable();
    words.dedup();
    let derived = derived_terms(&dataset.bundle);
    let mut every_field: Vec<&str> = terms.iter().copied().chain(derived.iter().map(String::as_str)).collect();
    every_field.sort_unstable();
    for infix in infixes(&words, &every_field) {
        let at = head.firsts.partition_point(|first| *first <= infix).saturating_sub(1);
        if let Some(piece) = pieces.get_mut(at) {
            piece.infixes.push(infix);
        }
    }
    let docs = fields.first().map_or(0, |f| f.lengths.len()) as u32;
    let whole = decode(shipped, docs);
    let terms = whole.fields.iter().flat_map(|field| {
        (0..field.terms.len()).map(move |at| (field.terms[at].as_str(), field.postings_of(at).len()))
    });
    // Ascending, so each initial's words are together: a file ends with an initial once it holds
    // about `piece_bytes` (a word as written: its quotes and comma, and a count of one or two
    // digits with its comma), so that a misspelt word fetches a few initials' words at most.
    let (mut words, mut bytes, mut last) = (Vec::<IndexWords>::new(), 0, None);
    for (word, postings) in words_of(terms) {
        let Some(initial) = initial(word) else { continue };
        if words.is_empty() || (bytes >= piece_bytes && last != Some(initial)) {
            head.initials.push(initial);
            words.push(IndexWords { schema: SCHEMA_VERSION, words: Vec::new(), postings: Vec::new() });
            bytes = 0;
        }
        if let Some(file) = words.last_mut() {
            file.words.push(word.to_owned());
            file.postings.push(postings as u32);
        }
        (bytes, last) = (bytes + word.len() + 4, Some(initial));
    }
    Cut { head, pieces, words }
}

/// Where a Latin word of `words` has a start of one of `starts` (ascending) inside it (not at its
/// own start), that part of it, at its longest, ascending; of those that start another, only the
/// longer. Whether a word is inside one of `words` but at its start is known from them: a word
/// that starts one of `starts` is inside one past its start only if it starts one of these. So a
/// phrase's word tells which bodies may hold it from the terms it starts, which are in the
/// pieces its query fetches (see [`SearchShard::infixes`]).
pub fn infixes(words: &[String], starts: &[&str]) -> Vec<String> {
    let starts_one =
        |part: &str| starts[starts.partition_point(|w| *w < part)..].first().is_some_and(|w| w.starts_with(part));
    let mut found = Vec::new();
    for word in words.iter().filter(|w| !w.starts_with(is_cjk)) {
        for (at, _) in word.char_indices().skip(1) {
            let rest = &word[at..];
            let ends = rest.char_indices().map(|(i, c)| i + c.len_utf8());
            let end = ends.take_while(|&end| starts_one(&rest[..end])).last().unwrap_or(0);
            if end > 0 && !word.starts_with(&rest[..end]) {
                found.push(rest[..end].to_owned());
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    let longest = (0..found.len()).filter(|&at| !found.get(at + 1).is_some_and(|next| next.starts_with(&found[at])));
    longest.map(|at| found[at].clone()).collect()
}

/// The pieces that may hold terms `prefix` starts (itself included), of those whose first terms
/// are `firsts`.
pub fn pieces_for(firsts: &[String], prefix: &str) -> Range<usize> {
    let start = firsts.partition_point(|first| first.as_str() <= prefix).saturating_sub(1);
    let end = firsts.partition_point(|first| first.as_str() < prefix || first.starts_with(prefix));
    start.min(end)..end
}

/// A piece of the index as the engine adds it: the shipped fields' index of its terms (in
/// [`SHIPPED_FIELDS`] order, with every document's length), and its [`SearchShard::infixes`].
pub struct Piece {
    pub fields: Vec<FieldIndex>,
    pub infixes: Vec<String>,
}

/// Which pieces of an index in pieces have arrived.
pub struct Pieces {
    head: Arc<SearchHead>,
    /// By number: a vector, not a map, which costs the wasm less.
    arrived: Vec<bool>,
}

impl Pieces {
    pub fn new(head: Arc<SearchHead>) -> Pieces {
        let arrived = vec![false; head.firsts.len()];
        Pieces { head, arrived }
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
        self.arrived.get(n).copied().unwrap_or(false)
    }

    /// Notes that piece `n` has arrived, and returns what the engine adds of it (see
    /// [`Engine::add_piece`](super::Engine::add_piece)); none if it had arrived already, or the
    /// head has no such piece.
    pub fn add(&mut self, n: usize, piece: &SearchShard) -> Option<Piece> {
        let arrived = self.arrived.get_mut(n).filter(|arrived| !**arrived)?;
        *arrived = true;
        let empty = ShardField::default();
        let docs = self.head.lengths.iter().map(Vec::len).max().unwrap_or(0) as u32;
        let fields = SHIPPED_FIELDS.iter().enumerate().map(|(i, name)| {
            let of_piece = piece.fields.get(i).unwrap_or(&empty);
            // A damaged piece, its columns of different lengths, adds no more than its shortest.
            let terms = of_piece.terms.len().min(of_piece.documents.len()).min(of_piece.counts.len());
            let columns = [&of_piece.terms[..terms], &of_piece.documents[..terms], &of_piece.counts[..terms]];
            decode_field(name, columns, self.head.lengths.get(i).map_or(&[], Vec::as_slice), docs)
        });
        Some(Piece { fields: fields.collect(), infixes: piece.infixes.clone() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn infixes_are_the_starts_of_words_inside_words_at_their_longest() {
        let words: Vec<String> = ["cloud-platform", "dataplat", "kube", "platform", "平台"].map(String::from).into();
        let starts: Vec<&str> = ["cloud-platform", "dataplat", "kube", "platform"].into();
        // `plat` (in `dataplat`) starts `platform` too, `d` (in `cloud`) `dataplat`; no word
        // starts `ube` or `latform`, and Chinese words are not looked in.
        assert_eq!(infixes(&words, &starts), ["d", "platform"]);
        assert_eq!(infixes(&words, &["a", "b"]), ["a", "b"]);
    }

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
