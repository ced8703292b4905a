//! The search index: built by elasticlunr-rs at build time (see `crate::builder::indexing`), its title
//! and body fields shipped as a [`CompactIndex`] (its format is documented there) and decoded into
//! a [`SearchIndex`] by the engine, with the other fields, which the engine indexes itself (see
//! [`super::fields`]).
//!
//! Per field, in [`FIELDS`] order: its terms, sorted (Rust string order) and unique; for each
//! term its postings, the documents (takeaways, numbered in bundle order) holding the term,
//! ascending, each with the term's occurrences (`count`; elasticlunr's tf is its square root);
//! and each document's field length in terms, rounded ([`kept_length`]).

use crate::model::{vlq, CompactField, CompactIndex};

/// The indexed fields, in the order the build gives each takeaway's text.
pub const FIELDS: [&str; 5] = ["title", "themes", "projects", "body", "article"];

/// The fields whose index ships, in [`FIELDS`] order; the engine derives the others from the
/// bundle (see [`super::fields`]). The title's and the article's ship too: deriving them would
/// tokenize every takeaway's or article's titles before the first search, while their pieces
/// come with the body's.
pub const SHIPPED_FIELDS: [&str; 3] = ["title", "body", "article"];

/// The shipped fields elasticlunr-rs indexes at build time. The build makes the article's as the
/// engine derives a field, over the articles (see [`super::fields::shipped_article_field`]): in
/// a fraction of the memory, and an eighth of the postings.
pub const ELASTICLUNR_FIELDS: [&str; 2] = ["title", "body"];

/// Significant bits a field's length keeps ([`kept_length`]). Fewer ship the lengths in fewer
/// bytes (a `?q=` link fetches every takeaway's) and move scores further from the exact lengths'.
pub const LENGTH_BITS: u32 = 4;

/// A field's length in terms as the index keeps it: exact below `2^LENGTH_BITS`, above rounded
/// to its [`LENGTH_BITS`] leading bits (as Lucene keeps a length's norm in a byte). A score
/// divides by the length's square root, so with 4 bits it moves by about 3 % at most; most lengths
/// are a body's hundreds of terms, whose last digits say nothing about relevance but are most
/// of what the index's head weighs. elasticlunr.js, given the same rounded lengths, ranks as
/// the engine does (the parity test).
pub fn kept_length(terms: u32) -> u32 {
    let shift = (u32::BITS - terms.leading_zeros()).saturating_sub(LENGTH_BITS);
    if shift == 0 {
        return terms;
    }
    let rounded = ((u64::from(terms) + (1 << (shift - 1))) >> shift) << shift;
    u32::try_from(rounded).unwrap_or(u32::MAX)
}

/// The index as the engine reads it.
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
    /// (document, occurrences) of every term, term after term; where the field comes grouped
    /// ([`FieldIndex::groups`]), of each group's first document only, the others holding the same.
    pub postings: Vec<(u32, u32)>,
    /// Where each term's postings start in `postings`, and at the end their total.
    pub starts: Vec<u32>,
    /// One entry per document: the number of terms in this field, rounded ([`kept_length`]).
    /// (The article's field, as it ships, is over the articles: one entry per article, see
    /// `super::fields::over_takeaways`.)
    pub lengths: Vec<u32>,
    /// The documents grouped by their text, where the field's maker grouped them: the fields
    /// many takeaways share, where that pays (see `super::fields`).
    pub groups: Option<Groups>,
}

/// Documents grouped by their text in a field (the same terms, each as often), group `g` being
/// `docs[starts[g]..starts[g + 1]]`, each group's in order; a derived field's groups in the order
/// of their (length, terms), the article's field's in article order: where many documents hold
/// the same text (an article's takeaways, in the article's field), the engine scores each text
/// once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Groups {
    pub starts: Vec<u32>,
    pub docs: Vec<u32>,
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

/// The fields of `index` that ship ([`SHIPPED_FIELDS`]).
pub fn encode(index: &SearchIndex) -> CompactIndex {
    let fields = index
        .fields
        .iter()
        .filter(|f| SHIPPED_FIELDS.contains(&f.name.as_str()))
        .map(|f| CompactField {
            name: f.name.clone(),
            terms: f.terms.clone(),
            documents: (0..f.terms.len()).map(|t| encode_documents(f.postings_of(t))).collect(),
            counts: (0..f.terms.len()).map(|t| encode_counts(f.postings_of(t))).collect(),
            lengths: f.lengths.clone(),
        })
        .collect();
    CompactIndex { fields }
}

/// The index over the bundle's `docs` documents. A damaged index loses matches instead of
/// panicking: postings end at a document out of range, missing postings and lengths are empty
/// and 0.
pub fn decode(compact: &CompactIndex, docs: u32) -> SearchIndex {
    let fields =
        compact.fields.iter().map(|f| decode_field(&f.name, [&f.terms, &f.documents, &f.counts], &f.lengths, docs));
    SearchIndex { docs, fields: fields.collect() }
}

/// One field of [`decode`], from its columns (terms, then each term's documents and counts) and
/// its documents' lengths: a whole index's field, or a piece's (see
/// [`Pieces::add`](super::pieces::Pieces::add)).
pub fn decode_field(name: &str, [terms, documents, counts]: [&[String]; 3], lengths: &[u32], docs: u32) -> FieldIndex {
    let mut field = FieldIndex {
        name: name.to_owned(),
        terms: terms.to_vec(),
        starts: Vec::with_capacity(terms.len() + 1),
        lengths: lengths.to_vec(),
        ..FieldIndex::default()
    };
    field.lengths.resize(docs as usize, 0);
    field.starts.push(0);
    for term in 0..terms.len() {
        let [documents, counts] = [documents, counts].map(|c| c.get(term).map_or("", String::as_str));
        field.postings.extend(decode_postings(documents, counts).take_while(|&(doc, _)| doc < docs));
        field.starts.push(field.postings.len() as u32);
    }
    field
}

/// The documents of postings, ascending, as VLQ gaps.
fn encode_documents(postings: &[(u32, u32)]) -> String {
    let mut out = String::new();
    let mut previous = 0;
    for &(doc, _) in postings {
        vlq::push(&mut out, doc - previous);
        previous = doc;
    }
    out
}

/// The counts of postings, less one, in VLQ.
fn encode_counts(postings: &[(u32, u32)]) -> String {
    let mut out = String::new();
    for &(_, count) in postings {
        vlq::push(&mut out, count - 1);
    }
    out
}

/// The postings two VLQ strings hold; they end early where either is damaged or short.
fn decode_postings<'a>(documents: &'a str, counts: &'a str) -> impl Iterator<Item = (u32, u32)> + 'a {
    let mut doc = 0u32;
    vlq::numbers(documents).zip(vlq::numbers(counts)).map_while(move |(gap, count)| {
        doc = doc.checked_add(gap)?;
        Some((doc, count.checked_add(1)?))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_keep_their_leading_bits() {
        let kept: Vec<u32> = [0, 1, 15, 16, 17, 31, 32, 33, 34, 35, 268, 1128].map(kept_length).into();
        assert_eq!(kept, [0, 1, 15, 16, 18, 32, 32, 32, 36, 36, 256, 1152]);
        assert_eq!(kept_length(u32::MAX), u32::MAX);
        for terms in 1..100_000 {
            let kept = kept_length(terms);
            assert!(kept.abs_diff(terms) * 16 <= terms, "{terms} kept as {kept}");
            assert_eq!(kept_length(kept), kept, "{terms} kept as {kept}, not kept as it is");
        }
    }

    #[test]
    fn postings_round_trip() {
        let postings = [(0, 1), (3, 2), (4, 1), (40, 70), (100_000, 1), (100_001, 3)];
        let (documents, counts) = (encode_documents(&postings), encode_counts(&postings));
        assert_eq!(decode_postings(&documents, &counts).collect::<Vec<_>>(), postings);
        assert_eq!(encode_documents(&[(0, 1), (1, 1), (3, 1)]), "ABC");
        assert_eq!(encode_counts(&[(0, 1), (1, 2), (3, 1)]), "ABA");
    }

    #[test]
    fn damaged_indexes_lose_matches_instead_of_panicking() {
        assert_eq!(decode_postings("B*zzzzzzzzzzzzzzz", "AAA").collect::<Vec<_>>(), [(1, 1)]);
        assert_eq!(decode_postings("BBB", "A").collect::<Vec<_>>(), [(1, 1)]);
        let field = CompactField {
            name: "title".into(),
            terms: vec!["a".into(), "b".into(), "c".into()],
            // Documents 1 and 5 (out of range), then nothing for "c".
            documents: vec!["BE".into(), String::new()],
            counts: vec!["AA".into(), String::new()],
            lengths: vec![1],
        };
        let index = decode(&CompactIndex { fields: vec![field] }, 3);
        let title = &index.fields[0];
        assert_eq!(title.postings_of(0), [(1, 1)]);
        assert!(title.postings_of(1).is_empty() && title.postings_of(2).is_empty());
        assert_eq!(title.lengths, [1, 0, 0]);
    }
}
