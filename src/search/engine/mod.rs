//! The query engine: elasticlunr.js 0.9.5 scoring ported to Rust ([`Engine::score`], rank-
//! identical to it, for the parity tests), and the search people use ([`Engine::search`]):
//! the same scores, a bonus for the query as a phrase, and highlighted titles and snippets.
//!
//! elasticlunr's score of a document for one query term in one field is
//! `√count × (1 + ln(N / (df + 1))) × 1/√(field length)`, times `0.15 × (1 − extra / length)`
//! for terms reached by prefix expansion; the terms' scores are summed (OR) or intersected
//! (AND), multiplied by the share of query terms the document has, then by the field's boost,
//! and summed over fields.
//!
//! Split by what each part does: [`scoring`] (the fields' postings and elasticlunr's sums),
//! [`top`] (the best few, with the phrase bonus), [`phrase`] (looking for the query as written)
//! and [`snippets`] (highlights and the text around a match).

mod phrase;
mod scoring;
mod snippets;
mod top;

use std::ops::Range;
use std::sync::{Mutex, MutexGuard, PoisonError};

use serde::{Deserialize, Serialize};

use super::index::SearchIndex;
use super::text::{html_to_text, squeeze};
use super::tokenize::{fold, query_terms, Synonyms};
use phrase::{Pairs, BODY_WORDS, TITLE_WORDS};
use scoring::{Field, Scratch};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Bool {
    Or,
    And,
}

/// How one field takes part in a query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldConfig {
    pub field: String,
    pub boost: f64,
    pub bool: Bool,
    /// Whether a query term also matches the terms it is a prefix of.
    pub expand: bool,
}

/// The fields a query searches, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Config {
    pub fields: Vec<FieldConfig>,
}

impl Default for Config {
    /// Title above theme and project names, above the body, above the article's title, authors
    /// and event; any term (OR); prefixes expand, so results come while a word is being typed.
    fn default() -> Self {
        let field = |field: &str, boost| FieldConfig { field: field.into(), boost, bool: Bool::Or, expand: true };
        Config {
            fields: vec![
                field("title", 3.0),
                field("themes", 2.0),
                field("projects", 2.0),
                field("body", 1.0),
                field("article", 0.5),
            ],
        }
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The takeaway's number in the bundle.
    pub doc: usize,
    pub score: f64,
    /// Byte ranges of matches in the title.
    pub title_matches: Vec<Range<usize>>,
    /// Text around the best match in the body (or its start), and the matches in it.
    pub snippet: String,
    pub snippet_matches: Vec<Range<usize>>,
}

pub struct Engine {
    /// In [`FIELDS`](super::index::FIELDS) order.
    fields: Vec<Field>,
    synonyms: Synonyms,
    texts: Vec<DocText>,
    /// A query's working memory, kept between queries: a query allocates next to nothing.
    scratch: Mutex<Scratch>,
}

/// What phrase bonus, highlights and snippets look at.
struct DocText {
    title: String,
    body: String,
    /// Folded, with variants spelled canonically, for phrase matching.
    title_phrase: String,
    body_phrase: String,
    /// The pairs of characters in `title_phrase` and in `body_phrase`.
    title_pairs: Pairs<TITLE_WORDS>,
    body_pairs: Pairs<BODY_WORDS>,
}

impl Engine {
    /// An engine over `index`, whose documents (the takeaways, in bundle order) have these
    /// titles and body HTML.
    pub fn new<'a>(index: SearchIndex, synonyms: Synonyms, docs: impl Iterator<Item = (&'a str, &'a str)>) -> Engine {
        let count = index.docs as usize;
        let fields = index.fields.into_iter().map(|f| Field::new(f, count)).collect();
        let texts = docs
            .map(|(title, html)| {
                let body = html_to_text(html);
                let title_phrase = synonyms.canonicalize(&squeeze(&fold(title)));
                let body_phrase = synonyms.canonicalize(&squeeze(&fold(&body)));
                DocText {
                    title_pairs: Pairs::of(&title_phrase),
                    body_pairs: Pairs::of(&body_phrase),
                    title_phrase,
                    body_phrase,
                    title: title.to_owned(),
                    body,
                }
            })
            .collect();
        Engine { fields, synonyms, texts, scratch: Mutex::new(Scratch::new(count)) }
    }

    /// elasticlunr.js 0.9.5's `Index.search` on already tokenized query terms: documents and
    /// scores, best first, ties in document order.
    pub fn score(&self, query: &[String], config: &Config) -> Vec<(usize, f64)> {
        let mut scratch = self.scratch();
        self.scored(query, config, &mut scratch);
        let mut ranked = Vec::new();
        scratch.total.take_each(|doc, score| ranked.push((doc as usize, score)));
        crate::model::order::sort_by(&mut ranked, by_rank);
        ranked
    }

    /// The search people use, ranking only: elasticlunr's scores for the query's terms, with a
    /// bonus where the title or body holds the whole query. Best first, at most `limit`.
    pub fn rank(&self, query: &str, config: &Config, limit: usize) -> Vec<(usize, f64)> {
        self.rank_among(query, config, limit, |_| true)
    }

    /// [`Engine::rank`] over the documents `keep` accepts (those the facets leave).
    pub fn rank_among(
        &self,
        query: &str,
        config: &Config,
        limit: usize,
        keep: impl Fn(usize) -> bool,
    ) -> Vec<(usize, f64)> {
        if limit == 0 {
            return Vec::new();
        }
        let mut scratch = self.scratch();
        self.scored(&query_terms(query, &self.synonyms), config, &mut scratch);
        self.top(query, &mut scratch, limit, keep)
    }

    /// Every document the query finds, in document order (what facet counts are made of), and
    /// [`Engine::search_among`] the documents `keep` marks among them (a flag per document,
    /// returned too), from one scoring: the list's counts and hits.
    pub fn search_found(
        &self,
        query: &str,
        config: &Config,
        limit: usize,
        keep: impl FnOnce(&[usize]) -> Vec<bool>,
    ) -> (Vec<usize>, Vec<bool>, Vec<Hit>) {
        let mut scratch = self.scratch();
        self.scored(&query_terms(query, &self.synonyms), config, &mut scratch);
        let mut found: Vec<usize> = scratch.total.docs().map(|doc| doc as usize).collect();
        found.sort_unstable();
        let kept = keep(&found);
        let top = if limit == 0 {
            Vec::new()
        } else {
            self.top(query, &mut scratch, limit, |doc| kept.get(doc).copied().unwrap_or(false))
        };
        drop(scratch);
        (found, kept, self.hits(query, top))
    }

    /// [`Engine::rank`] with highlighted titles and snippets.
    pub fn search(&self, query: &str, config: &Config, limit: usize) -> Vec<Hit> {
        self.search_among(query, config, limit, |_| true)
    }

    /// [`Engine::search`] over the documents `keep` accepts (those the facets leave).
    pub fn search_among(&self, query: &str, config: &Config, limit: usize, keep: impl Fn(usize) -> bool) -> Vec<Hit> {
        self.hits(query, self.rank_among(query, config, limit, keep))
    }

    /// Ranked documents as hits: highlighted titles and snippets.
    fn hits(&self, query: &str, ranked: Vec<(usize, f64)>) -> Vec<Hit> {
        let highlight = self.synonyms.spellings_of(&query_terms(query, &self.synonyms));
        ranked
            .into_iter()
            .map(|(doc, score)| {
                let text = &self.texts[doc];
                let (snippet, snippet_matches) = snippets::snippet(&text.body, &highlight);
                Hit {
                    doc,
                    score,
                    title_matches: snippets::matches(&text.title, &highlight, usize::MAX),
                    snippet,
                    snippet_matches,
                }
            })
            .collect()
    }

    /// The scratch memory, emptied: a query that panicked may have left it half used.
    fn scratch(&self) -> MutexGuard<'_, Scratch> {
        let mut scratch = self.scratch.lock().unwrap_or_else(PoisonError::into_inner);
        scratch.clear();
        scratch
    }
}

/// Best score first, ties in document order (as elasticlunr.js's stable sort leaves them).
#[inline(always)]
fn by_rank(a: &(usize, f64), b: &(usize, f64)) -> std::cmp::Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}
