//! The compact index the bundle ships, derived from elasticlunr's index.
//!
//! Per field: the sorted list of its terms; for each term its postings; and each document's
//! field length in terms. Postings list the documents holding the term, ascending, each with
//! the term's occurrences (`count`; elasticlunr's tf is its square root). They are written as
//! a string of base64 VLQ numbers (as in source maps: 5 bits a digit, the sixth bit saying
//! another digit follows): per document `gap × 2 + (count ≠ 1)`, where `gap` is the distance
//! from the document before, followed by `count` when it is not 1. Read without building a
//! trie, and about a third of the size of the same numbers as JSON arrays.

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
    /// One entry per term, encoded as described above.
    pub postings: Vec<String>,
    /// One entry per document: the number of terms in this field.
    pub lengths: Vec<u32>,
}

impl FieldIndex {
    /// The postings of term number `term` as (document, occurrences).
    pub fn postings_of(&self, term: usize) -> impl Iterator<Item = (u32, u32)> + '_ {
        let mut numbers = vlq_numbers(&self.postings[term]);
        let mut doc = 0;
        std::iter::from_fn(move || {
            let first = numbers.next()?;
            doc += first >> 1;
            let count = if first & 1 == 1 { numbers.next()? } else { 1 };
            Some((doc, count))
        })
    }
}

const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Encodes postings, (document, occurrences) with documents ascending.
pub fn encode_postings(postings: &[(u32, u32)]) -> String {
    let mut out = String::new();
    let mut previous = 0;
    for &(doc, count) in postings {
        push_vlq(&mut out, (doc - previous) * 2 + u32::from(count != 1));
        if count != 1 {
            push_vlq(&mut out, count);
        }
        previous = doc;
    }
    out
}

fn push_vlq(out: &mut String, mut n: u32) {
    loop {
        let digit = (n & 31) as usize;
        n >>= 5;
        out.push(DIGITS[digit | if n > 0 { 32 } else { 0 }] as char);
        if n == 0 {
            return;
        }
    }
}

/// The numbers of a VLQ string; a character outside the alphabet ends it.
fn vlq_numbers(text: &str) -> impl Iterator<Item = u32> + '_ {
    let mut bytes = text.bytes();
    std::iter::from_fn(move || {
        let (mut n, mut shift) = (0u32, 0);
        loop {
            let value = digit_value(bytes.next()?)?;
            n |= (value & 31).checked_shl(shift)?;
            if value & 32 == 0 {
                return Some(n);
            }
            shift += 5;
        }
    })
}

fn digit_value(byte: u8) -> Option<u32> {
    let value = match byte {
        b'A'..=b'Z' => byte - b'A',
        b'a'..=b'z' => byte - b'a' + 26,
        b'0'..=b'9' => byte - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_round_trip() {
        let postings = [(0, 1), (3, 2), (4, 1), (40, 70), (100_000, 1), (100_001, 3)];
        let field = FieldIndex { postings: vec![encode_postings(&postings)], ..FieldIndex::default() };
        assert_eq!(field.postings_of(0).collect::<Vec<_>>(), postings);
        assert_eq!(encode_postings(&[(0, 1), (1, 1), (2, 1)]), "ACC");
    }

    #[test]
    fn damaged_postings_end_early_instead_of_panicking() {
        let field = FieldIndex { postings: vec!["C*zzzzzzzzzzzzzzz".into()], ..FieldIndex::default() };
        assert_eq!(field.postings_of(0).collect::<Vec<_>>(), [(1, 1)]);
    }
}
