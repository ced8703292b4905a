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
use super::{Config, Engine, Reading};

/// How many character pairs of a Chinese query word in a row a field must hold to hold the word
/// whole, where the word has more.
pub(super) const CHAIN: usize = 3;

/// The query's words a document holds, a bit each: whole, and at least in part.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Words {
    pub(super) whole: u64,
    pub(super) part: u64,
}

/// Which words of a document count towards its match, in the order they are tried: those held
/// whole in its own fields, whole with its article's, in part in its own, in part with its
/// article's.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Level {
    OwnWhole,
    Whole,
    OwnPart,
    Part,
}

impl Reading<'_> {
    /// The words of the query whose terms `held` (a bit per term) holds, whole and in part.
    #[inline(always)]
    pub(super) fn words_held(&self, held: u64) -> Words {
        // With one term, which is not noted, every document a field scores holds it.
        if self.terms.len() == 1 {
            return Words { whole: 1, part: 1 };
        }
        let mut words = Words::default();
        for (number, &bits) in self.words.iter().enumerate() {
            let (held, word) = (held & bits, 1 << number);
            if held == 0 {
                continue;
            }
            words.part |= word;
            let whole = if self.long_words & word == 0 {
                held == bits
            } else {
                // Bit `n` stays where the terms `n` to `n + CHAIN - 1` are all held.
                (1..CHAIN).fold(held, |run, _| run & run >> 1) != 0
            };
            if whole {
                words.whole |= word;
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
        // One shared sort in the wasm: an unstable sort of its own type costs kilobytes.
        crate::model::order::sort_by(&mut pairs, Ord::cmp);
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

    /// Per document, its article.
    pub(super) fn article_of(&self) -> &[u32] {
        &self.article_of
    }

    pub(super) fn articles(&self) -> usize {
        self.article_of.iter().max().map_or(0, |&a| a as usize + 1)
    }
}

/// What the scored documents hold of the query's words, and then which of them match. Noting a
/// word costs where scoring costs least, per group of documents or per term, so most queries
/// note little per document: one term needs nothing noted (the documents scored before the
/// article's field hold it), one word of a few terms only its whole holders (coordination counts
/// its terms), and only where no document holds a word whole are the other kinds noted.
pub(super) struct Holdings {
    /// Per document: the words it holds whole in its own fields, a bit each. Scoring notes only
    /// these; where no document holds a word so, `rest` notes the other kinds.
    own_whole: Box<[u64]>,
    rest: Option<Rest>,
    /// The most words a document holds whole in its own fields.
    most_whole: u32,
    /// With a query of one term, where the article's field is scored last: how many documents
    /// were scored before it (see `Engine::scored`), each of which holds the term whole in its
    /// own fields.
    scored_first: Option<usize>,
    /// Which words count, and how many make a match, once settled; none where documents are
    /// only scored, not sorted (elasticlunr's search).
    rule: Option<(Level, u32)>,
    /// Whether some documents may still hold words: scored, not all taken.
    dirty: bool,
    /// Per article: the query's terms its authors hold; and the articles with some.
    by_article: Box<[u64]>,
    articles_held: Vec<u32>,
}

/// Per document, the words it holds in part in its own fields, and whole and in part in its
/// article's: needed only where no document holds a word whole in its own fields.
struct Rest {
    own_part: Box<[u64]>,
    aside_whole: Box<[u64]>,
    aside_part: Box<[u64]>,
    /// Whether they are noted for the current query.
    noting: bool,
}

impl Holdings {
    pub(super) fn new(docs: usize, articles: usize) -> Holdings {
        Holdings {
            own_whole: vec![0; docs].into(),
            rest: None,
            most_whole: 0,
            scored_first: None,
            rule: None,
            dirty: false,
            by_article: vec![0; articles].into(),
            articles_held: Vec::new(),
        }
    }

    /// Ready for a query whose documents are sorted into matches and others if `sorting`, and
    /// noted one by one if `noting`.
    pub(super) fn start(&mut self, sorting: bool, noting: bool) {
        (self.most_whole, self.scored_first, self.rule, self.dirty) = (0, None, None, sorting && noting);
    }

    /// Notes every kind of holding from now on.
    fn note_rest(&mut self) {
        let docs = self.own_whole.len();
        let new = || vec![0; docs].into();
        let rest = self.rest.get_or_insert_with(|| Rest {
            own_part: new(),
            aside_whole: new(),
            aside_part: new(),
            noting: false,
        });
        rest.noting = true;
        self.dirty = true;
    }

    /// That `scored` documents, the first of the total, were scored before the article's field:
    /// with a query of one term, each holds it whole in its own fields (the first time it is
    /// said counts).
    pub(super) fn scored_before_article(&mut self, scored: usize) {
        if self.scored_first.is_none() {
            self.scored_first = Some(scored);
            self.most_whole = self.most_whole.max(u32::from(scored > 0));
        }
    }

    /// That `doc` holds the words `whole` (not none) whole in one of its own fields.
    #[inline(always)]
    pub(super) fn hold_whole(&mut self, doc: u32, whole: u64) {
        let own = &mut self.own_whole[doc as usize];
        // Counted only when it gains a word: at most once a word.
        if *own | whole != *own {
            *own |= whole;
            self.most_whole = self.most_whole.max(own.count_ones());
        }
        self.dirty = true;
    }

    /// That `doc` holds `words`, in one of its own fields if `own`, else in its article's.
    #[inline(always)]
    pub(super) fn hold(&mut self, doc: u32, words: Words, own: bool) {
        if own && words.whole != 0 {
            self.hold_whole(doc, words.whole);
        }
        if let Some(rest) = self.rest.as_mut().filter(|rest| rest.noting) {
            let doc = doc as usize;
            match own {
                true => rest.own_part[doc] |= words.part,
                false => {
                    (rest.aside_whole[doc], rest.aside_part[doc]) =
                        (rest.aside_whole[doc] | words.whole, rest.aside_part[doc] | words.part)
                }
            }
        }
    }

    /// How many of the query's words `doc` holds at `level`.
    #[inline(always)]
    fn count(&self, level: Level, doc: u32) -> u32 {
        let doc = doc as usize;
        let own_whole = self.own_whole[doc];
        let words = match (level, &self.rest) {
            (Level::OwnWhole, _) | (_, None) => own_whole,
            (Level::Whole, Some(rest)) => own_whole | rest.aside_whole[doc],
            (Level::OwnPart, Some(rest)) => rest.own_part[doc],
            (Level::Part, Some(rest)) => rest.own_part[doc] | rest.aside_part[doc],
        };
        words.count_ones()
    }

    /// Whether `doc`, the `at`-th of the total, matches the query, once settled.
    #[inline(always)]
    pub(super) fn matches(&self, doc: u32, at: usize) -> bool {
        match self.rule {
            None => true,
            Some((Level::OwnWhole, _)) if self.scored_first.is_some_and(|first| at < first) => true,
            Some((level, least)) => self.count(level, doc) == least,
        }
    }

    /// Whether `doc`, the `at`-th of the total, matches the query, forgetting what it holds.
    #[inline(always)]
    pub(super) fn take(&mut self, doc: u32, at: usize) -> bool {
        match self.rule {
            // The usual case, first: only the words held whole in its own fields count.
            Some((Level::OwnWhole, least)) if self.rest.as_ref().is_none_or(|rest| !rest.noting) => {
                match self.scored_first {
                    // Nothing was noted but what authors hold (none, mostly).
                    Some(first) if !self.dirty => at < first,
                    // Taken whether or not it decides, so no query leaves it to the next.
                    Some(first) => std::mem::take(&mut self.own_whole[doc as usize]) != 0 || at < first,
                    None => std::mem::take(&mut self.own_whole[doc as usize]).count_ones() == least,
                }
            }
            _ => {
                let matches = self.matches(doc, at);
                self.forget_doc(doc);
                matches
            }
        }
    }

    #[inline(always)]
    fn forget_doc(&mut self, doc: u32) {
        let doc = doc as usize;
        self.own_whole[doc] = 0;
        if let Some(rest) = self.rest.as_mut().filter(|rest| rest.noting) {
            (rest.own_part[doc], rest.aside_whole[doc], rest.aside_part[doc]) = (0, 0, 0);
        }
    }

    /// That every document has been taken.
    pub(super) fn all_taken(&mut self) {
        self.dirty = false;
        if let Some(rest) = self.rest.as_mut() {
            rest.noting = false;
        }
    }

    /// Forgets what `docs` hold, unless each has been taken; and what authors hold.
    pub(super) fn forget(&mut self, docs: impl Iterator<Item = u32>) {
        if self.dirty {
            docs.for_each(|doc| self.forget_doc(doc));
            self.all_taken();
        }
        self.articles_held.drain(..).for_each(|article| self.by_article[article as usize] = 0);
    }
}

impl Engine {
    /// Settles which of the scored documents match the query (see the module's documentation),
    /// once the fields have said what they hold; nothing to settle where the reading has no
    /// words (elasticlunr's search).
    pub(super) fn settle_matches(&self, query: &Reading, config: &Config, scratch: &mut Scratch) {
        if query.words.is_empty() {
            return;
        }
        self.hold_authors_words(query, scratch);
        let most = |level: Level, scratch: &Scratch| {
            scratch.total.docs().map(|doc| scratch.holdings.count(level, doc)).max().unwrap_or(0)
        };
        let most_whole = scratch.holdings.most_whole;
        let rule = if most_whole > 0 {
            (Level::OwnWhole, most_whole)
        } else {
            // Where no document holds a word whole in its own fields: every kind of holding.
            scratch.holdings.note_rest();
            self.hold_all(query, config, scratch);
            self.hold_authors_words(query, scratch);
            let levels = [Level::Whole, Level::OwnPart, Level::Part];
            let found =
                levels.into_iter().find_map(|level| Some((level, Some(most(level, scratch)).filter(|&n| n > 0)?)));
            found.unwrap_or((Level::OwnWhole, 0))
        };
        scratch.holdings.rule = Some(rule);
    }

    /// The words the authors of each scored document's article hold, as its own.
    fn hold_authors_words(&self, query: &Reading, scratch: &mut Scratch) {
        let Scratch { total, holdings: h, .. } = scratch;
        let authors = &self.authors;
        for (number, term) in query.terms.iter().enumerate() {
            let first = authors.terms.partition_point(|t| t.as_str() < term.as_str());
            let keys = authors.terms[first..].iter().take_while(|t| t.starts_with(term.as_str())).count();
            let range = authors.starts[first] as usize..authors.starts[first + keys] as usize;
            for &article in &authors.articles[range] {
                if h.by_article[article as usize] == 0 {
                    h.articles_held.push(article);
                }
                h.by_article[article as usize] |= 1 << number;
            }
        }
        if h.articles_held.is_empty() {
            return;
        }
        for doc in total.docs() {
            let held = h.by_article[authors.article_of[doc as usize] as usize];
            if held != 0 {
                h.hold(doc, query.words_held(held), true);
            }
        }
        let Holdings { by_article, articles_held, .. } = h;
        articles_held.drain(..).for_each(|article| by_article[article as usize] = 0);
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    fn reading(words: &[u64]) -> Reading<'static> {
        let terms = words.iter().map(|w| w.count_ones() as usize).sum();
        let long = words.iter().enumerate().filter(|(_, w)| w.count_ones() as usize > CHAIN);
        let long_words = long.fold(0, |long, (number, _)| long | 1 << number);
        Reading {
            text: Cow::Borrowed(""),
            terms: vec![String::new(); terms],
            corrected: 0,
            words: words.to_vec(),
            long_words,
        }
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
