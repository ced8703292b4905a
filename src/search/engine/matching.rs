//! Which of the scored takeaways match a query: what the list counts, and the facets count,
//! apart from how they rank. The others the query reaches come after them, uncounted.
//!
//! A field holds a query word whole when it has it as a term or the start of one (a Latin
//! word), or has [`CHAIN`] of its character pairs in a row (a Chinese word; all of them where it
//! has fewer); it holds it in part when it has some of its pairs: 支持 of 长期支持 ("long-term
//! support") or 平台 of 平台工程 is part of the word, not the word. A takeaway's own fields are
//! its title, themes, projects and body, and its article's authors (a query for an author finds
//! what they wrote); its article's title and event are not.
//!
//! The takeaways that match are those holding the most of the query's words whole in their own
//! fields (all of them, where any takeaway does); where none holds a word whole, those holding
//! the most whole in their own or their article's fields; where none does either, those holding
//! the most in part, in their own fields, then with their article's.

use super::scoring::Scratch;
use super::{Engine, Reading};

/// How many character pairs of a Chinese query word in a row a field must hold to hold the word
/// whole, where the word has more.
const CHAIN: u32 = 3;

/// The query's words a document holds, a bit each: whole, and at least in part.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Words {
    whole: u64,
    part: u64,
}

impl std::ops::BitOrAssign for Words {
    fn bitor_assign(&mut self, other: Words) {
        self.whole |= other.whole;
        self.part |= other.part;
    }
}

impl Reading<'_> {
    /// The words of the query whose terms `held` (a bit per term) holds, whole and in part.
    pub(super) fn words_held(&self, held: u64) -> Words {
        let mut words = Words::default();
        for (number, &bits) in self.words.iter().enumerate() {
            let mut run = held & bits;
            if run != 0 {
                words.part |= 1 << number;
            }
            // Bit `n` stays where the terms `n` to `n + CHAIN - 1` are all held.
            for _ in 1..bits.count_ones().min(CHAIN) {
                run &= run >> 1;
            }
            if run != 0 {
                words.whole |= 1 << number;
            }
        }
        words
    }
}

/// The terms of the authors of each article, as an index from term to articles: they are
/// indexed in the article's field, with its title and event, but hold words as a takeaway's own.
pub(super) struct Authors {
    /// Sorted and unique.
    terms: Vec<String>,
    /// Where each term's articles start in `articles`, and at the end their total.
    starts: Vec<u32>,
    articles: Vec<u32>,
    /// Per document, its article.
    article_of: Box<[u32]>,
}

impl Authors {
    /// From the terms of each article's authors and each document's article.
    pub(super) fn new(authors: &[Vec<String>], article_of: Vec<u32>) -> Authors {
        let mut pairs: Vec<(&str, u32)> = authors
            .iter()
            .enumerate()
            .flat_map(|(article, terms)| terms.iter().map(move |t| (t.as_str(), article as u32)))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        let mut index =
            Authors { terms: Vec::new(), starts: vec![0], articles: Vec::new(), article_of: article_of.into() };
        for run in pairs.chunk_by(|a, b| a.0 == b.0) {
            index.terms.push(run[0].0.to_owned());
            index.articles.extend(run.iter().map(|&(_, article)| article));
            index.starts.push(index.articles.len() as u32);
        }
        index
    }

    pub(super) fn articles(&self) -> usize {
        self.article_of.iter().max().map_or(0, |&a| a as usize + 1)
    }
}

impl Engine {
    /// Marks in `scratch.matching` the scored documents that match the query (see the module's
    /// documentation), and forgets the words each holds.
    pub(super) fn mark_matches(&self, query: &Reading, scratch: &mut Scratch) {
        let Scratch { total, own, aside, matching, by_article, articles_held, .. } = scratch;
        if query.words.is_empty() {
            total.docs().for_each(|doc| (own[doc as usize], aside[doc as usize]) = Default::default());
            return;
        }
        // The authors' words, per article, then for each document of those articles.
        let authors = &self.authors;
        for (number, term) in query.terms.iter().enumerate() {
            let first = authors.terms.partition_point(|t| t.as_str() < term.as_str());
            let keys = authors.terms[first..].iter().take_while(|t| t.starts_with(term.as_str())).count();
            let range = authors.starts[first] as usize..authors.starts[first + keys] as usize;
            for &article in &authors.articles[range] {
                if by_article[article as usize] == 0 {
                    articles_held.push(article);
                }
                by_article[article as usize] |= 1 << number;
            }
        }
        if !articles_held.is_empty() {
            for doc in total.docs() {
                let held = by_article[authors.article_of[doc as usize] as usize];
                own[doc as usize] |= query.words_held(held);
            }
            articles_held.drain(..).for_each(|article| by_article[article as usize] = 0);
        }
        let levels: [fn(Words, Words) -> u64; 4] = [
            |own, _| own.whole,
            |own, aside| own.whole | aside.whole,
            |own, _| own.part,
            |own, aside| own.part | aside.part,
        ];
        let count =
            |level: fn(Words, Words) -> u64, doc: u32| level(own[doc as usize], aside[doc as usize]).count_ones();
        let chosen = levels.into_iter().find_map(|level| {
            let best = total.docs().map(|doc| count(level, doc)).max().unwrap_or(0);
            (best > 0).then_some((level, best))
        });
        if let Some((level, best)) = chosen {
            total.docs().for_each(|doc| matching[doc as usize] = count(level, doc) == best);
        }
        total.docs().for_each(|doc| (own[doc as usize], aside[doc as usize]) = Default::default());
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    fn reading(words: &[u64]) -> Reading<'static> {
        let terms = words.iter().map(|w| w.count_ones() as usize).sum();
        Reading { text: Cow::Borrowed(""), terms: vec![String::new(); terms], corrected: 0, words: words.to_vec() }
    }

    #[test]
    fn chinese_words_are_held_whole_by_enough_pairs_in_a_row() {
        // One Latin word, then a Chinese word of three pairs, then one of five.
        let query = reading(&[0b1, 0b1110, 0b1_1111_0000]);
        let held = |bits: u64| {
            let words = query.words_held(bits);
            (words.whole, words.part)
        };
        assert_eq!(held(0b1), (0b1, 0b1));
        assert_eq!(held(0b1110), (0b10, 0b10));
        // Two pairs of three, even both ends, are part of the word.
        assert_eq!(held(0b1010), (0, 0b10));
        assert_eq!(held(0b0110), (0, 0b10));
        // Three pairs in a row of five are the word; three apart are not.
        assert_eq!(held(0b0_1110_0000), (0b100, 0b100));
        assert_eq!(held(0b1_0101_0000), (0, 0b100));
        assert_eq!(held(0), (0, 0));
    }
}
