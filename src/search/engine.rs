//! The query engine: elasticlunr.js 0.9.5 scoring ported to Rust ([`Engine::score`], rank-
//! identical to it, for the parity tests), and the search people use ([`Engine::search`]):
//! the same scores, a bonus for the query as a phrase, and highlighted titles and snippets.
//!
//! elasticlunr's score of a document for one query term in one field is
//! `√count × (1 + ln(N / (df + 1))) × 1/√(field length)`, times `0.15 × (1 − extra / length)`
//! for terms reached by prefix expansion; the terms' scores are summed (OR) or intersected
//! (AND), multiplied by the share of query terms the document has, then by the field's boost,
//! and summed over fields.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ops::{ControlFlow, Range};
use std::sync::{Mutex, MutexGuard, PoisonError};

use serde::{Deserialize, Serialize};

use super::fields::SHARED_FIELDS;
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
    /// Where many documents hold the same text in the field (an article's takeaways, in the
    /// article's field), the postings are those texts', each one's documents scoring alike.
    alike: Option<Alike>,
}

/// Documents grouped by their text in a field: group `g` is `docs[starts[g]..starts[g + 1]]`.
struct Alike {
    starts: Box<[u32]>,
    docs: Box<[u32]>,
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
    /// Scored documents, for selecting the best, and the best `limit` scores (see
    /// [`raise_floor`]).
    ranked: Vec<Ranked>,
    best: BinaryHeap<Reverse<u64>>,
}

/// A scored document, greater when better (see [`by_rank`]).
#[derive(Clone, Copy, PartialEq)]
struct Ranked(usize, f64);

impl Eq for Ranked {}

// Inlined: the heaps compare often, and where the build optimizes for size a call each costs.
impl PartialOrd for Ranked {
    #[inline(always)]
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    #[inline(always)]
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        by_rank(&(other.0, other.1), &(self.0, self.1))
    }
}

/// Which pairs of adjacent characters a text holds, hashed into `WORDS` × 64 bits: a text that
/// lacks one of a phrase's pairs cannot hold the phrase, which is known without reading the
/// text. Most of the titles and bodies a query's phrase is looked for in are ruled out so.
struct Pairs<const WORDS: usize>([u64; WORDS]);

/// Sizes for a title (tens of characters) and a body (hundreds): about a third of the bits set.
const TITLE_WORDS: usize = 2;
const BODY_WORDS: usize = 8;

impl<const WORDS: usize> Pairs<WORDS> {
    fn of(text: &str) -> Self {
        let mut pairs = Pairs([0; WORDS]);
        let mut chars = text.chars();
        if let Some(mut previous) = chars.next() {
            for next in chars {
                let bit = Self::bit(previous, next);
                pairs.0[bit / 64] |= 1 << (bit % 64);
                previous = next;
            }
        }
        pairs
    }

    /// The pair's bit: a multiplicative hash, scaled to the number of bits.
    fn bit(first: char, second: char) -> usize {
        let hash = (u32::from(first).wrapping_mul(0x9E37_79B1) ^ u32::from(second)).wrapping_mul(0x85EB_CA6B);
        ((u64::from(hash) * (WORDS as u64 * 64)) >> 32) as usize
    }

    /// Whether every pair of `part` may be here too.
    fn may_hold(&self, part: &Self) -> bool {
        self.0.iter().zip(&part.0).all(|(&all, &some)| all & some == some)
    }
}

/// A phrase to look for in many texts, with Horspool's table of how far a window may move on
/// after its last byte: most windows are passed over whole, where `str::contains`, without SIMD
/// in wasm, reads the text a byte at a time.
struct Finder {
    needle: String,
    title_pairs: Pairs<TITLE_WORDS>,
    body_pairs: Pairs<BODY_WORDS>,
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
        Finder { title_pairs: Pairs::of(&needle), body_pairs: Pairs::of(&needle), needle, shifts }
    }

    /// Whether `text` holds the needle: `text.contains(needle)`.
    fn is_in(&self, text: &str) -> bool {
        let (needle, text) = (self.needle.as_bytes(), text.as_bytes());
        let Some((&last, head)) = needle.split_last() else { return true };
        let mut at = 0;
        while let Some(window) = text.get(at..at + needle.len()) {
            let end = window[head.len()];
            // The first byte before the rest: comparing slices is a call.
            if end == last && window[0] == needle[0] && &window[..head.len()] == head {
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

    /// The best `limit` of the scored documents `keep` accepts, with the phrase bonus, leaving
    /// the scratch empty.
    fn top(&self, query: &str, scratch: &mut Scratch, limit: usize, keep: impl Fn(usize) -> bool) -> Vec<(usize, f64)> {
        let phrase = Finder::new(self.synonyms.canonicalize(&squeeze(&fold(query))));
        let Scratch { total, ranked, best, .. } = scratch;
        // Only documents whose score, with the largest bonus, could reach the `limit`-th best
        // score matter. In one pass: the `limit`-th best so far is a floor that only rises.
        best.clear();
        let mut floor = 0.0;
        total.take_each(|doc, score| {
            if !keep(doc as usize) {
                return;
            }
            if score * TITLE_PHRASE_BONUS >= floor {
                ranked.push(Ranked(doc as usize, score));
            }
            if score > floor {
                floor = raise_floor(best, limit, score);
            }
        });
        ranked.retain(|r| r.1 * TITLE_PHRASE_BONUS >= floor);
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
        } else if text.title_pairs.may_hold(&phrase.title_pairs) && phrase.is_in(&text.title_phrase) {
            TITLE_PHRASE_BONUS
        } else if body && text.body_pairs.may_hold(&phrase.body_pairs) && phrase.is_in(&text.body_phrase) {
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
            let Scratch { total, field: scores, matched, .. } = scratch;
            scores.take_each(|doc, mut score| {
                // elasticlunr's coordination: the share of the query's terms the field holds as
                // such (with one term, 1 or none: no change).
                let count = std::mem::take(&mut matched[doc as usize]);
                if count > 0 {
                    score = score * f64::from(count) / query.len() as f64;
                }
                match &field.alike {
                    Some(alike) => {
                        alike.docs_of(doc).iter().for_each(|&doc| total.add(doc, score * field_config.boost))
                    }
                    None => total.add(doc, score * field_config.boost),
                }
            });
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
                // Coordination counts the documents that hold the term as such.
                let counted = exact && query.len() > 1;
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
                        if counted {
                            matched[doc as usize] += 1;
                        }
                    }
                } else {
                    for (&doc, &weight) in docs.iter().zip(weights) {
                        // AND: only documents that have every term so far.
                        if !(and && scores.values[doc as usize] == 0.0) {
                            term_scores.add(doc, weight * penalty);
                            if counted {
                                matched[doc as usize] += 1;
                            }
                        }
                    }
                }
            }
            if direct {
                continue;
            }
            if and {
                scores.retain(|doc, score| {
                    let term = term_scores.values[doc as usize];
                    if term == 0.0 {
                        matched[doc as usize] = 0;
                        return false;
                    }
                    *score += term;
                    true
                });
                term_scores.clear();
            } else {
                term_scores.take_each(|doc, term| scores.add(doc, term));
            }
        }
    }
}

impl Field {
    fn new(mut index: FieldIndex, docs: usize) -> Field {
        let norm = |doc: u32| match index.lengths[doc as usize] {
            0 => 1.0,
            length => 1.0 / f64::from(length).sqrt(),
        };
        // Fields of shared texts (theme and project names, the article's title, authors and
        // event) repeat: score each text once.
        let alike = SHARED_FIELDS.contains(&index.name.as_str()).then(|| Alike::of(&index, docs)).flatten();
        // Per document, what its postings are: its group's where it is the group's first, none
        // for the group's others, its own where the field has no groups.
        let leaders = alike.as_ref().map(|alike| alike.leaders(docs));
        let unit = |doc: u32| leaders.as_ref().map_or(Some(doc), |leaders| leaders[doc as usize]);
        let mut field = Field {
            name: std::mem::take(&mut index.name),
            terms: std::mem::take(&mut index.terms),
            starts: vec![0],
            docs: Vec::new(),
            weights: Vec::new(),
            alike,
        };
        for term in 0..field.terms.len() {
            let postings = index.postings_of(term);
            let idf = 1.0 + (docs as f64 / (postings.len() as f64 + 1.0)).ln();
            for &(doc, count) in postings {
                if let Some(unit) = unit(doc) {
                    field.docs.push(unit);
                    field.weights.push(f64::from(count).sqrt() * idf * norm(doc));
                }
            }
            field.starts.push(field.docs.len() as u32);
        }
        field
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

    /// The documents that have a sum, in no particular order.
    fn docs(&self) -> impl Iterator<Item = u32> + '_ {
        self.docs[..self.len].iter().copied()
    }

    /// Hands `each` every document and its sum, in no particular order, leaving none.
    fn take_each(&mut self, mut each: impl FnMut(u32, f64)) {
        let Sums { values, docs, len } = self;
        for &doc in &docs[..std::mem::take(len)] {
            each(doc, std::mem::take(&mut values[doc as usize]));
        }
    }

    /// Keeps the documents `keep` accepts, given each and its sum, which it may change.
    fn retain(&mut self, mut keep: impl FnMut(u32, &mut f64) -> bool) {
        let Sums { values, docs, len } = self;
        let mut kept = 0;
        for at in 0..*len {
            let (doc, sum) = (docs[at], &mut values[docs[at] as usize]);
            if keep(doc, sum) {
                docs[kept] = doc;
                kept += 1;
            } else {
                *sum = 0.0;
            }
        }
        *len = kept;
    }

    fn clear(&mut self) {
        self.take_each(|_, _| ());
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
            best: BinaryHeap::new(),
        }
    }

    fn clear(&mut self) {
        // Every document counted in `matched` is in the field's or the term's sums.
        for doc in self.field.docs().chain(self.term.docs()) {
            self.matched[doc as usize] = 0;
        }
        self.total.clear();
        self.field.clear();
        self.term.clear();
        self.ranked.clear();
    }
}

/// Adds `score`, above the floor, to `best`: the best `limit` scores so far (numbers above 0, so
/// ordered as their bits), the worst on top. Returns the new floor: the `limit`-th best so far,
/// 0 while there are fewer.
fn raise_floor(best: &mut BinaryHeap<Reverse<u64>>, limit: usize, score: f64) -> f64 {
    if best.len() == limit {
        best.pop();
    }
    best.push(Reverse(score.to_bits()));
    match best.peek() {
        Some(worst) if best.len() == limit => f64::from_bits(worst.0),
        _ => 0.0,
    }
}

impl Alike {
    /// The documents of `index`'s field grouped by their text (the same terms, each as often),
    /// each group's in order: `None` where there are more than half as many groups as
    /// documents, which would save little.
    fn of(index: &FieldIndex, docs: usize) -> Option<Alike> {
        let length = |doc: usize| index.lengths.get(doc).copied().unwrap_or(0);
        let mut texts: Vec<(u32, Vec<(u32, u32)>)> = (0..docs).map(|doc| (length(doc), Vec::new())).collect();
        for term in 0..index.terms.len() {
            for &(doc, count) in index.postings_of(term) {
                texts[doc as usize].1.push((term as u32, count));
            }
        }
        let mut order: Vec<u32> = (0..docs as u32).collect();
        crate::order::sort_by(&mut order, |&a, &b| texts[a as usize].cmp(&texts[b as usize]));
        let mut starts = vec![0];
        for group in order.chunk_by(|&a, &b| texts[a as usize] == texts[b as usize]) {
            starts.push(starts[starts.len() - 1] + group.len() as u32);
        }
        (docs > 0 && (starts.len() - 1) * 2 <= docs).then(|| Alike { starts: starts.into(), docs: order.into() })
    }

    fn docs_of(&self, group: u32) -> &[u32] {
        &self.docs[self.starts[group as usize] as usize..self.starts[group as usize + 1] as usize]
    }

    /// Per document, its group's number if it is the group's first.
    fn leaders(&self, docs: usize) -> Vec<Option<u32>> {
        let mut leaders = vec![None; docs];
        for group in 0..self.starts.len() as u32 - 1 {
            leaders[self.docs_of(group)[0] as usize] = Some(group);
        }
        leaders
    }
}

/// Best score first, ties in document order (as elasticlunr.js's stable sort leaves them).
#[inline(always)]
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
    fn documents_alike_are_grouped_only_where_it_pays() {
        let field = |docs: &[&[(&str, u32)]]| {
            let terms: Vec<(String, Vec<(u32, u32)>)> = ["a", "b", "c"]
                .iter()
                .map(|&term| {
                    let postings = docs.iter().enumerate();
                    let postings =
                        postings.filter_map(|(doc, text)| text.iter().find(|t| t.0 == term).map(|t| (doc as u32, t.1)));
                    (term.to_owned(), postings.collect())
                })
                .collect();
            let lengths = docs.iter().map(|text| text.iter().map(|t| t.1).sum()).collect();
            FieldIndex::from_terms("themes", terms, lengths)
        };
        let same: &[(&str, u32)] = &[("a", 1), ("b", 2)];
        let other: &[(&str, u32)] = &[("a", 1), ("b", 1)];
        let alike = Alike::of(&field(&[same, other, same, same, &[("c", 1)], same]), 6).unwrap();
        let groups: Vec<&[u32]> = (0..alike.starts.len() as u32 - 1).map(|g| alike.docs_of(g)).collect();
        assert!(groups.contains(&&[0, 2, 3, 5][..]), "{groups:?}");
        assert_eq!(groups.len(), 3);
        // Four texts among six documents: too many groups to pay.
        assert!(Alike::of(&field(&[same, other, same, &[("c", 1)], &[("c", 2)], same]), 6).is_none());
    }

    #[test]
    fn pairs_never_rule_out_a_text_that_holds_the_phrase() {
        let texts = ["在 k8s 上运行 kubernetes，平台工程平台", "ebpf 安全与可观测性 observability", "a"];
        for text in texts {
            let chars: Vec<char> = text.chars().collect();
            for start in 0..chars.len() {
                for end in start + 1..=chars.len() {
                    let part: String = chars[start..end].iter().collect();
                    assert!(Pairs::<TITLE_WORDS>::of(text).may_hold(&Pairs::of(&part)), "{part:?} in {text:?}");
                    assert!(Pairs::<BODY_WORDS>::of(text).may_hold(&Pairs::of(&part)), "{part:?} in {text:?}");
                }
            }
        }
        // And they do rule out most others: a pair the text lacks.
        let body = Pairs::<BODY_WORDS>::of("平台工程的实践");
        assert!(!body.may_hold(&Pairs::of("ebpf 安全")));
    }

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
