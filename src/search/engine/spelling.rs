//! Misspelt query words: a Latin word that no field holds, as a term or the start of one, is read
//! as the closest word the fields do hold with the same first letter, within an edit distance
//! that grows with its length (none under 5 letters, 1 up to 8, 2 from 9, as Meilisearch allows).
//! The first letter is kept, as Elasticsearch's term suggester keeps it by default: misspellings
//! seldom start a word, and an index in pieces ships its words by initial, so a misspelt word
//! fetches its initial's words, not every word of the corpus. Chinese is never corrected: its
//! terms are character pairs, and one character off is another word.
//!
//! The words come from the index the engine has (its fields' sorted terms; of an index in pieces,
//! the shipped fields' words of the initials that have come); an initial's are grouped by length
//! at its first correction, and a misspelt word is compared with those whose length is within
//! its bound, giving up on each as soon as the bound is passed.

use std::borrow::Cow;

use super::Engine;
use crate::search::index::SHIPPED_FIELDS;
use crate::search::tokenize::{is_cjk, tokenize};

/// The edits a misspelt word of `letters` characters may be away from the word it is read as.
pub fn max_edits(letters: usize) -> usize {
    match letters {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// The first letter of `word`, which its corrections share.
pub fn initial(word: &str) -> Option<char> {
    word.chars().next()
}

/// Whether `term` is a word that may be misspelt or be the correction of one: Latin letters only
/// (no digits or inner punctuation: `1.27` or `k3s` are not misspellings of anything).
pub fn is_word(term: &str) -> bool {
    term.chars().all(|c| c.is_alphabetic() && !is_cjk(c))
}

/// The words (see [`is_word`]) among `terms`, each a term of some field with its number of
/// postings there: each word once, ascending, with its postings in all those fields.
pub fn words_of<'a>(terms: impl Iterator<Item = (&'a str, usize)>) -> Vec<(&'a str, usize)> {
    let mut terms: Vec<(&str, usize)> = terms.filter(|(term, _)| is_word(term)).collect();
    crate::model::order::sort_by(&mut terms, Ord::cmp);
    terms.chunk_by(|a, b| a.0 == b.0).map(|same| (same[0].0, same.iter().map(|(_, n)| n).sum())).collect()
}

/// The edit distance of `a` and `b` if it is at most `bound`: insertions, deletions,
/// substitutions and swaps of two neighbours each count one, and no character is edited twice
/// (optimal string alignment). Rows stop as soon as every cell is beyond the bound.
pub fn edit_distance(a: &[char], b: &[char], bound: usize) -> Option<usize> {
    bounded_distance(a, b, bound, &mut Rows::default())
}

/// Three rows of the distance table, kept between words: two back (for swaps), the last, this
/// one.
#[derive(Default)]
struct Rows {
    before: Vec<usize>,
    last: Vec<usize>,
    row: Vec<usize>,
}

/// [`edit_distance`] in rows kept between calls: a correction compares a word with thousands.
fn bounded_distance(a: &[char], b: &[char], bound: usize, rows: &mut Rows) -> Option<usize> {
    if a.len().abs_diff(b.len()) > bound {
        return None;
    }
    let Rows { before, last, row } = rows;
    before.clear();
    before.resize(b.len() + 1, 0);
    last.clear();
    last.extend(0..=b.len());
    row.clear();
    row.resize(b.len() + 1, 0);
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..=b.len() {
            let substitution = last[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let mut cell = substitution.min(last[j] + 1).min(row[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cell = cell.min(before[j - 2] + 1);
            }
            row[j] = cell;
        }
        if row.iter().all(|&cell| cell > bound) {
            return None;
        }
        std::mem::swap(before, last);
        std::mem::swap(last, row);
    }
    Some(last[b.len()]).filter(|&distance| distance <= bound)
}

/// The Latin words of the index of one initial, by length in characters, each with how many
/// postings it has in all fields (the more common of two equally close corrections wins).
pub(super) struct Lexicon {
    by_length: Vec<Vec<Word>>,
}

struct Word {
    term: String,
    chars: Box<[char]>,
    postings: usize,
    letters: u32,
}

/// The letters a word has, a bit each (`a` to `z`, other letters by their code, sharing the
/// last bits): a letter one word has and the other lacks takes an edit, so words whose letters
/// differ by more than the bound are passed over without the table.
fn letters(chars: &[char]) -> u32 {
    chars.iter().fold(0, |letters, &c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            _ => 26 + c as u32 % 6,
        };
        letters | 1 << bit
    })
}

impl Lexicon {
    /// The words of `engine`'s fields that start with `first`; of an index in pieces, the shipped
    /// fields' from their words of that initial (see [`Engine::add_words`]), `shipped`.
    pub(super) fn of(engine: &Engine, first: char, shipped: Option<&[(String, usize)]>) -> Lexicon {
        let fields = engine.fields.read().unwrap_or_else(std::sync::PoisonError::into_inner);
        let own = fields.iter().filter(|f| shipped.is_none() || !SHIPPED_FIELDS.contains(&f.name.as_str()));
        let terms = own
            .flat_map(|field| field.terms_with_postings())
            .chain(shipped.into_iter().flatten().map(|(word, postings)| (word.as_str(), *postings)));
        let mut by_length: Vec<Vec<Word>> = Vec::new();
        for (word, postings) in words_of(terms.filter(|(term, _)| initial(term) == Some(first))) {
            let chars: Box<[char]> = word.chars().collect();
            if by_length.len() <= chars.len() {
                by_length.resize_with(chars.len() + 1, Vec::new);
            }
            by_length[chars.len()].push(Word { term: word.to_owned(), letters: letters(&chars), chars, postings });
        }
        Lexicon { by_length }
    }

    /// The word of the lexicon closest to `misspelt` (of the lexicon's initial): fewest edits, then
    /// most postings, then first in string order; none within its bound, none for a word that is
    /// not Latin.
    pub(super) fn correction(&self, misspelt: &str) -> Option<&str> {
        if !is_word(misspelt) {
            return None;
        }
        let chars: Vec<char> = misspelt.chars().collect();
        let bound = max_edits(chars.len());
        if bound == 0 {
            return None;
        }
        let lengths = chars.len().saturating_sub(bound)..=chars.len() + bound;
        let candidates = lengths.filter_map(|length| self.by_length.get(length)).flatten();
        let mine = letters(&chars);
        let close = |word: &&Word| {
            let bound = bound as u32;
            (mine & !word.letters).count_ones() <= bound && (word.letters & !mine).count_ones() <= bound
        };
        let mut rows = Rows::default();
        let scored = candidates
            .filter(close)
            .filter_map(|word| Some((bounded_distance(&chars, &word.chars, bound, &mut rows)?, word)));
        let best = scored.min_by(|(a, x), (b, y)| a.cmp(b).then(y.postings.cmp(&x.postings)).then(x.term.cmp(&y.term)));
        best.map(|(_, word)| word.term.as_str())
    }
}

/// `query` with each word that is one of `misspelt` (folded, as terms) replaced by its correction.
pub(super) fn corrected<'q>(query: &'q str, corrections: &[(String, String)]) -> Cow<'q, str> {
    let mut text = query.to_owned();
    let tokens = tokenize(query);
    let mut changed = false;
    for token in tokens.iter().rev() {
        if let Some((_, correction)) = corrections.iter().find(|(misspelt, _)| *misspelt == token.term) {
            text.replace_range(token.span.clone(), correction);
            changed = true;
        }
    }
    if changed {
        Cow::Owned(text)
    } else {
        Cow::Borrowed(query)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance(a: &str, b: &str, bound: usize) -> Option<usize> {
        edit_distance(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>(), bound)
    }

    #[test]
    fn edits_count_one_each_and_a_swap_is_one() {
        assert_eq!(distance("kubernetes", "kubernetes", 2), Some(0));
        assert_eq!(distance("kubernets", "kubernetes", 2), Some(1));
        assert_eq!(distance("prometeus", "prometheus", 2), Some(1));
        assert_eq!(distance("obsrevability", "observability", 2), Some(1));
        assert_eq!(distance("ciluim", "cilium", 1), Some(1));
        assert_eq!(distance("finopps", "finops", 1), Some(1));
        assert_eq!(distance("kubrenets", "kubernetes", 2), Some(2));
        assert_eq!(distance("grafana", "garfana", 1), Some(1));
        // Beyond the bound: none, however far.
        assert_eq!(distance("kubernetes", "kbernetesxx", 2), None);
        assert_eq!(distance("cilium", "calico", 1), None);
        assert_eq!(distance("abc", "abcdefgh", 2), None);
        assert_eq!(distance("", "ab", 2), Some(2));
    }

    #[test]
    fn words_whose_letters_differ_by_more_than_the_bound_are_that_far() {
        let words = ["kubernetes", "kubernets", "kuberentes", "prometheus", "cilium", "café", "calico", "zzzqqq"];
        for a in words {
            for b in words {
                let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                let apart = (letters(&a) & !letters(&b)).count_ones().max((letters(&b) & !letters(&a)).count_ones());
                if let Some(distance) = edit_distance(&a, &b, 20) {
                    assert!(apart as usize <= distance, "{a:?} {b:?}: {apart} letters apart, {distance} edits");
                }
            }
        }
    }

    #[test]
    fn bounds_grow_with_the_length() {
        let bounds: Vec<usize> = (0..12).map(max_edits).collect();
        assert_eq!(bounds, [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2]);
    }

    #[test]
    fn only_latin_words_are_corrected() {
        assert!(is_word("kubernetes") && is_word("café"));
        assert!(!is_word("平台工程") && !is_word("k8s") && !is_word("1.27") && !is_word("ci/cd"));
    }

    #[test]
    fn corrections_replace_the_words_as_typed() {
        let corrections = [("kubernets".to_owned(), "kubernetes".to_owned())];
        assert_eq!(corrected("Kubernets LTS，kubernets", &corrections), "kubernetes LTS，kubernetes");
        assert!(matches!(corrected("kubernetes", &corrections), Cow::Borrowed(_)));
    }
}
