//! The query engine: elasticlunr.js 0.9.5 scoring ported to Rust ([`Engine::score`], rank-
//! identical to it, for the parity tests), and the search people use ([`Engine::search`]):
//! the same scores, a bonus for the query as a phrase, and highlighted titles and snippets.
//!
//! elasticlunr's score of a document for one query term in one field is
//! `√count × (1 + ln(N / (df + 1))) × 1/√(field length)`, times `0.15 × (1 − extra / length)`
//! for terms reached by prefix expansion; the terms' scores are summed (OR) or intersected
//! (AND), multiplied by the share of query terms the document has, then by the field's boost,
//! and summed over fields.

use std::collections::BinaryHeap;
use std::ops::{ControlFlow, Range};
use std::sync::{Mutex, MutexGuard, PoisonError};

use serde::{Deserialize, Serialize};

use super::index::{FieldIndex, SearchIndex};
use super::text::{html_to_text, squeeze};
use super::tokenize::{fold, query_terms, scan, Synonyms};

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

/// Multiplier for a document whose title contains the whole query as written.
const TITLE_PHRASE_BONUS: f64 = 2.0;
/// Multiplier for a document whose body contains the whole query as written.
const BODY_PHRASE_BONUS: f64 = 1.5;
/// Characters of context shown before the first match in a snippet, and in all.
const SNIPPET_LEAD: usize = 24;
const SNIPPET_LENGTH: usize = 110;

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

struct Field {
    name: String,
    terms: Vec<String>,
    /// Where each term's postings start in `docs` and `weights`, and at the end their total.
    starts: Vec<u32>,
    /// The documents holding each term, term after term.
    docs: Vec<u32>,
    /// Per posting, its score for the term as such: √count × idf × 1/√(field length), multiplied
    /// in the order elasticlunr does, so the bits are its own, and a query multiplies once.
    weights: Vec<f64>,
}

/// What phrase bonus, highlights and snippets look at.
struct DocText {
    title: String,
    body: String,
    /// Folded, with variants spelled canonically, for phrase matching.
    title_phrase: String,
    body_phrase: String,
}

/// Per-document sums, 0 where a document has none (every score is above 0), and the documents
/// that have one: resetting costs what a query touched, not the number of documents. Boxed
/// slices, not vectors: their indexing needs no call where the build optimizes for size.
struct Sums {
    values: Box<[f64]>,
    /// The documents that have a sum are the first `len`.
    docs: Box<[u32]>,
    len: usize,
}

struct Scratch {
    /// The query's score per document, over all fields.
    total: Sums,
    /// One field's scores, then one query term's in that field.
    field: Sums,
    term: Sums,
    /// Per document: how many of the query's terms the field holds as such (not by prefix).
    matched: Box<[u32]>,
    /// Scored documents, for selecting the best, and their scores alone.
    ranked: Vec<Ranked>,
    scores: Vec<f64>,
}

/// A scored document, greater when better (see [`by_rank`]).
#[derive(Clone, Copy, PartialEq)]
struct Ranked(usize, f64);

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        by_rank(&(other.0, other.1), &(self.0, self.1))
    }
}

/// A phrase to look for in many texts, with Horspool's table of how far a window may move on
/// after its last byte: most windows are passed over whole, where `str::contains`, without SIMD
/// in wasm, reads the text a byte at a time.
struct Finder {
    needle: String,
    /// Per byte value, capped at 255.
    shifts: [u8; 256],
}

impl Finder {
    fn new(needle: String) -> Finder {
        let bytes = needle.as_bytes();
        let mut shifts = [bytes.len().min(255) as u8; 256];
        for (at, &byte) in bytes.iter().enumerate().take(bytes.len().saturating_sub(1)) {
            shifts[usize::from(byte)] = (bytes.len() - 1 - at).min(255) as u8;
        }
        Finder { needle, shifts }
    }

    /// Whether `text` holds the needle: `text.contains(needle)`.
    fn is_in(&self, text: &str) -> bool {
        let (needle, text) = (self.needle.as_bytes(), text.as_bytes());
        let Some((&last, head)) = needle.split_last() else { return true };
        let mut at = 0;
        while let Some(window) = text.get(at..at + needle.len()) {
            let end = window[head.len()];
            if end == last && &window[..head.len()] == head {
                return true;
            }
            at += usize::from(self.shifts[usize::from(end)]);
        }
        false
    }
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
                DocText {
                    title_phrase: synonyms.canonicalize(&squeeze(&fold(title))),
                    body_phrase: synonyms.canonicalize(&squeeze(&fold(&body))),
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
        let mut ranked: Vec<(usize, f64)> = scratch.total.drain().collect();
        crate::order::sort_by(&mut ranked, by_rank);
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
        let mut found: Vec<usize> = scratch.total.listed().iter().map(|&doc| doc as usize).collect();
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

    /// The best `limit` of the scored documents `keep` accepts, with the phrase bonus, leaving
    /// the scratch empty.
    fn top(&self, query: &str, scratch: &mut Scratch, limit: usize, keep: impl Fn(usize) -> bool) -> Vec<(usize, f64)> {
        let phrase = Finder::new(self.synonyms.canonicalize(&squeeze(&fold(query))));
        let Scratch { total, ranked, scores, .. } = scratch;
        ranked.extend(total.drain().filter(|&(doc, _)| keep(doc)).map(|(doc, score)| Ranked(doc, score)));
        // Only documents whose score, with the largest bonus, could reach the `limit`-th best
        // score matter: select them without sorting the rest.
        if limit < ranked.len() {
            scores.clear();
            scores.extend(ranked.iter().map(|r| r.1));
            let (_, &mut kth, _) = scores.select_nth_unstable_by(limit - 1, |a, b| b.total_cmp(a));
            ranked.retain(|r| r.1 * TITLE_PHRASE_BONUS >= kth);
        }
        // A heap: the phrase is usually looked for in far fewer documents than a sort would order.
        let mut ranked = BinaryHeap::from(std::mem::take(ranked));
        // Best first, so the phrase is looked for only until no bonus can reach the top.
        let mut top: Vec<(usize, f64)> = Vec::with_capacity(limit + 1);
        // Whether `doc` with `score` would rank above the last of a full top (a tie ranks it
        // below: candidates come best first, so a tie comes from a later document).
        let enters = |top: &[(usize, f64)], doc: usize, score: f64| {
            top.len() < limit || by_rank(&(doc, score), &top[limit - 1]).is_lt()
        };
        while let Some(Ranked(doc, score)) = ranked.pop() {
            if !enters(&top, doc, score * TITLE_PHRASE_BONUS) {
                break;
            }
            // Where even the body's bonus cannot reach the top, only the title's is looked for.
            let body = enters(&top, doc, score * BODY_PHRASE_BONUS);
            let hit = (doc, score * self.phrase_bonus(doc, &phrase, body));
            top.insert(top.partition_point(|t| by_rank(t, &hit).is_lt()), hit);
            top.truncate(limit);
        }
        scratch.ranked = ranked.into_vec();
        top
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
                let (snippet, snippet_matches) = snippet(&text.body, &highlight);
                Hit {
                    doc,
                    score,
                    title_matches: matches(&text.title, &highlight, usize::MAX),
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

    /// The bonus for `doc`, the body's only if `body` asks for it.
    fn phrase_bonus(&self, doc: usize, phrase: &Finder, body: bool) -> f64 {
        let text = &self.texts[doc];
        if phrase.needle.is_empty() {
            1.0
        } else if phrase.is_in(&text.title_phrase) {
            TITLE_PHRASE_BONUS
        } else if body && phrase.is_in(&text.body_phrase) {
            BODY_PHRASE_BONUS
        } else {
            1.0
        }
    }

    /// The documents that have a score, with their scores, in `scratch.total`.
    fn scored(&self, query: &[String], config: &Config, scratch: &mut Scratch) {
        if query.is_empty() {
            return;
        }
        for field_config in &config.fields {
            let Some(field) = self.fields.iter().find(|f| f.name == field_config.field) else { continue };
            if field_config.boost == 0.0 {
                continue;
            }
            self.field_search(field, query, field_config, scratch);
            // Added field after field, as elasticlunr does: the same sums to the last bit.
            let Scratch { total, field: Sums { values, docs, len }, matched, .. } = scratch;
            for &doc in &docs[..std::mem::take(len)] {
                let at = doc as usize;
                let (mut score, count) = (values[at], matched[at]);
                // elasticlunr's coordination: the share of the query's terms the field holds as
                // such (with one term, 1 or none: no change).
                if count > 0 {
                    score = score * f64::from(count) / query.len() as f64;
                }
                total.add(doc, score * field_config.boost);
                values[at] = 0.0;
                matched[at] = 0;
            }
        }
    }

    /// elasticlunr.js's `fieldSearch` and `mergeScores` for one field, into `scratch.field`, and
    /// how many query terms each document holds as such, into `scratch.matched`.
    fn field_search(&self, field: &Field, query: &[String], config: &FieldConfig, scratch: &mut Scratch) {
        let Scratch { field: scores, term: term_scores, matched, .. } = scratch;
        let and = config.bool == Bool::And;
        for (number, token) in query.iter().enumerate() {
            let keys = if config.expand { field.expand(token) } else { field.find(token) };
            // Summing a term's keys straight into the field's scores gives the same sums where
            // the field has none yet (the first term) or the term has one key (OR).
            let direct = number == 0 || (!and && keys.len() == 1);
            for key in keys {
                let term = &field.terms[key];
                let exact = term == token;
                let penalty = if exact {
                    1.0
                } else {
                    let (key_len, token_len) = (utf16_len(term) as f64, utf16_len(token) as f64);
                    (1.0 - (key_len - token_len) / key_len) * 0.15
                };
                let (docs, weights) = field.postings_of(key);
                if direct {
                    for (&doc, &weight) in docs.iter().zip(weights) {
                        scores.add(doc, weight * penalty);
                    }
                } else {
                    for (&doc, &weight) in docs.iter().zip(weights) {
                        // AND: only documents that have every term so far.
                        if !(and && scores.values[doc as usize] == 0.0) {
                            term_scores.add(doc, weight * penalty);
                        }
                    }
                }
                if exact && query.len() > 1 {
                    for &doc in docs {
                        if !(and && number > 0 && scores.values[doc as usize] == 0.0) {
                            matched[doc as usize] += 1;
                        }
                    }
                }
            }
            if direct {
                continue;
            }
            if and {
                let Sums { values, docs, len } = scores;
                let mut kept = 0;
                for at in 0..*len {
                    let doc = docs[at];
                    let (score, term) = (&mut values[doc as usize], term_scores.values[doc as usize]);
                    if term == 0.0 {
                        *score = 0.0;
                        matched[doc as usize] = 0;
                    } else {
                        *score += term;
                        docs[kept] = doc;
                        kept += 1;
                    }
                }
                *len = kept;
            } else {
                for &doc in term_scores.listed() {
                    scores.add(doc, term_scores.values[doc as usize]);
                }
            }
            term_scores.clear();
        }
    }
}

impl Field {
    fn new(index: FieldIndex, docs: usize) -> Field {
        let norm = |doc: u32| match index.lengths[doc as usize] {
            0 => 1.0,
            length => 1.0 / f64::from(length).sqrt(),
        };
        let mut weights = Vec::with_capacity(index.postings.len());
        for term in 0..index.terms.len() {
            let postings = index.postings_of(term);
            let idf = 1.0 + (docs as f64 / (postings.len() as f64 + 1.0)).ln();
            weights.extend(postings.iter().map(|&(doc, count)| f64::from(count).sqrt() * idf * norm(doc)));
        }
        Field {
            docs: index.postings.iter().map(|&(doc, _)| doc).collect(),
            weights,
            name: index.name,
            terms: index.terms,
            starts: index.starts,
        }
    }

    fn postings_of(&self, term: usize) -> (&[u32], &[f64]) {
        let range = self.starts[term] as usize..self.starts[term + 1] as usize;
        (&self.docs[range.clone()], &self.weights[range])
    }

    /// The term equal to `term`, if any, as a range of term numbers.
    fn find(&self, term: &str) -> Range<usize> {
        match self.terms.binary_search_by(|t| t.as_str().cmp(term)) {
            Ok(i) => i..i + 1,
            Err(_) => 0..0,
        }
    }

    /// The terms `token` is a prefix of, itself included: elasticlunr's `expandToken`.
    fn expand(&self, token: &str) -> Range<usize> {
        let start = self.terms.partition_point(|t| t.as_str() < token);
        start..start + self.terms[start..].iter().take_while(|t| t.starts_with(token)).count()
    }
}

impl Sums {
    fn new(docs: usize) -> Sums {
        Sums { values: vec![0.0; docs].into(), docs: vec![0; docs].into(), len: 0 }
    }

    /// Adds to a document's sum, which may not exist yet: JavaScript's
    /// `x in s ? s[x] += v : s[x] = v`, as `0 + v` is `v`.
    #[inline(always)]
    fn add(&mut self, doc: u32, value: f64) {
        let slot = &mut self.values[doc as usize];
        if *slot == 0.0 {
            self.docs[self.len] = doc;
            self.len += 1;
        }
        *slot += value;
    }

    fn listed(&self) -> &[u32] {
        &self.docs[..self.len]
    }

    /// The documents and their sums, in no particular order, leaving none.
    fn drain(&mut self) -> impl Iterator<Item = (usize, f64)> + '_ {
        let Sums { values, docs, len } = self;
        docs[..std::mem::take(len)].iter().map(|&doc| (doc as usize, std::mem::take(&mut values[doc as usize])))
    }

    fn clear(&mut self) {
        for &doc in &self.docs[..self.len] {
            self.values[doc as usize] = 0.0;
        }
        self.len = 0;
    }
}

impl Scratch {
    fn new(docs: usize) -> Scratch {
        Scratch {
            total: Sums::new(docs),
            field: Sums::new(docs),
            term: Sums::new(docs),
            matched: vec![0; docs].into(),
            ranked: Vec::new(),
            scores: Vec::new(),
        }
    }

    fn clear(&mut self) {
        // Every document counted in `matched` is in the field's or the term's sums.
        for &doc in self.field.listed().iter().chain(self.term.listed()) {
            self.matched[doc as usize] = 0;
        }
        self.total.clear();
        self.field.clear();
        self.term.clear();
        self.ranked.clear();
    }
}

/// Best score first, ties in document order (as elasticlunr.js's stable sort leaves them).
fn by_rank(a: &(usize, f64), b: &(usize, f64)) -> std::cmp::Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// Length in UTF-16 code units, as JavaScript counts it.
fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Whether a token of the text is a match: it is, or starts with, one of the query's terms.
fn highlighted(term: &str, terms: &[String]) -> bool {
    terms.iter().any(|t| term.starts_with(t.as_str()))
}

/// Byte ranges in `text` of tokens that match a query term (or start with one), merged, up to
/// the first match starting at `until` or later.
fn matches(text: &str, terms: &[String], until: usize) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    scan(text, |term, span| {
        if span.start >= until {
            return ControlFlow::Break(());
        }
        if highlighted(term, terms) {
            match ranges.last_mut() {
                Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
                _ => ranges.push(span),
            }
        }
        ControlFlow::Continue(())
    });
    ranges
}

/// A window of `body` around its first match, with the matches inside it (byte ranges).
fn snippet(body: &str, terms: &[String]) -> (String, Vec<Range<usize>>) {
    let mut first = 0;
    scan(body, |term, span| {
        if !highlighted(term, terms) {
            return ControlFlow::Continue(());
        }
        first = span.start;
        ControlFlow::Break(())
    });
    // Start a few characters before the first match, on a character boundary.
    let start = body[..first].char_indices().rev().nth(SNIPPET_LEAD - 1).map_or(0, |(i, _)| i);
    let end = body[start..].char_indices().nth(SNIPPET_LENGTH).map_or(body.len(), |(i, _)| start + i);
    let (lead, tail) = (if start > 0 { "…" } else { "" }, if end < body.len() { "…" } else { "" });
    let window = body[start..end].replace('\n', " ");
    let shift = lead.len();
    let inside = matches(body, terms, end)
        .into_iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| r.start - start + shift..r.end - start + shift)
        .collect();
    (format!("{lead}{window}{tail}"), inside)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_finder_finds_what_contains_finds() {
        let long = "ab".repeat(200);
        let texts = ["", "a", "kubernetes lts", "在 k8s 上运行 kubernetes，平台工程平台", "aaab aab ab", long.as_str()];
        let needles =
            ["", "a", "b", "ab", "aab", "kub", "kubernetes", "平台工程", "工程平", "台", "s，平", "ba", "abc"];
        let longer = format!("{long}a");
        for needle in needles.iter().copied().chain([long.as_str(), &long[1..], longer.as_str()]) {
            let finder = Finder::new(needle.to_owned());
            for text in texts {
                assert_eq!(finder.is_in(text), text.contains(needle), "{needle:?} in {text:?}");
            }
        }
    }
}
