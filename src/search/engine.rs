//! The query engine: elasticlunr.js 0.9.5 scoring ported to Rust ([`Engine::score`], rank-
//! identical to it, for the parity tests), and the search people use ([`Engine::search`]):
//! the same scores, a bonus for the query as a phrase, and highlighted titles and snippets.
//!
//! elasticlunr's score of a document for one query term in one field is
//! `√count × (1 + ln(N / (df + 1))) × 1/√(field length)`, times `0.15 × (1 − extra / length)`
//! for terms reached by prefix expansion; the terms' scores are summed (OR) or intersected
//! (AND), multiplied by the share of query terms the document has, then by the field's boost,
//! and summed over fields.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::index::SearchIndex;
use super::text::{html_to_text, squeeze};
use super::tokenize::{fold, query_terms, tokenize, Synonyms};

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
    docs: usize,
    fields: BTreeMap<String, Field>,
    synonyms: Synonyms,
    texts: Vec<DocText>,
}

struct Field {
    terms: Vec<String>,
    /// Per term: (document, √count).
    postings: Vec<Vec<(u32, f64)>>,
    /// Per document: 1/√(field length), or 1 for an empty field.
    norms: Vec<f64>,
}

/// What phrase bonus, highlights and snippets look at.
struct DocText {
    title: String,
    body: String,
    /// Folded, with variants spelled canonically, for phrase matching.
    title_phrase: String,
    body_phrase: String,
}

impl Engine {
    /// An engine over `index`, whose documents have these titles and body HTML.
    pub fn new<'a>(index: &SearchIndex, synonyms: Synonyms, docs: impl Iterator<Item = (&'a str, &'a str)>) -> Engine {
        let fields = index
            .fields
            .iter()
            .map(|f| {
                let postings = (0..f.terms.len())
                    .map(|t| f.postings_of(t).map(|(d, n)| (d, f64::from(n).sqrt())).collect())
                    .collect();
                let norms = f.lengths.iter().map(|&l| if l == 0 { 1.0 } else { 1.0 / f64::from(l).sqrt() }).collect();
                (f.name.clone(), Field { terms: f.terms.clone(), postings, norms })
            })
            .collect();
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
        Engine { docs: index.docs as usize, fields, synonyms, texts }
    }

    /// elasticlunr.js 0.9.5's `Index.search` on already tokenized query terms: documents and
    /// scores, best first, ties in document order.
    pub fn score(&self, query: &[String], config: &Config) -> Vec<(usize, f64)> {
        let mut ranked = self.scored(query, config);
        ranked.sort_by(by_rank);
        ranked
    }

    /// The documents that have a score, in document order.
    fn scored(&self, query: &[String], config: &Config) -> Vec<(usize, f64)> {
        if query.is_empty() {
            return Vec::new();
        }
        // Dense per-document sums (NaN: no score), added in elasticlunr's order.
        let mut results = vec![f64::NAN; self.docs];
        for field_config in &config.fields {
            let Some(field) = self.fields.get(&field_config.field) else { continue };
            if field_config.boost == 0.0 {
                continue;
            }
            for (doc, score) in self.field_search(field, query, field_config).into_iter().enumerate() {
                if !score.is_nan() {
                    add(&mut results[doc], score * field_config.boost);
                }
            }
        }
        results.into_iter().enumerate().filter(|(_, s)| !s.is_nan()).collect()
    }

    /// elasticlunr.js's `fieldSearch`, `mergeScores` and `coordNorm` for one field: a score per
    /// document, NaN where it has none.
    fn field_search(&self, field: &Field, query: &[String], config: &FieldConfig) -> Vec<f64> {
        let mut scores: Option<Vec<f64>> = None;
        let mut doc_tokens = vec![0u32; self.docs];
        for token in query {
            let keys = if config.expand { field.expand(token) } else { field.find(token).into_iter().collect() };
            let mut token_scores = vec![f64::NAN; self.docs];
            for key in keys {
                let term = &field.terms[key];
                let idf = 1.0 + (self.docs as f64 / (field.postings[key].len() as f64 + 1.0)).ln();
                let penalty = if term == token {
                    1.0
                } else {
                    let (key_len, token_len) = (utf16_len(term) as f64, utf16_len(token) as f64);
                    (1.0 - (key_len - token_len) / key_len) * 0.15
                };
                for &(doc, tf) in &field.postings[key] {
                    let doc = doc as usize;
                    if config.bool == Bool::And && scores.as_ref().is_some_and(|s| s[doc].is_nan()) {
                        continue;
                    }
                    if term == token {
                        doc_tokens[doc] += 1;
                    }
                    add(&mut token_scores[doc], tf * idf * field.norms[doc] * penalty);
                }
            }
            scores = Some(match (scores, config.bool) {
                (None, _) => token_scores,
                (Some(mut acc), Bool::And) => {
                    for (a, t) in acc.iter_mut().zip(token_scores) {
                        *a = if a.is_nan() || t.is_nan() { f64::NAN } else { *a + t };
                    }
                    acc
                }
                (Some(mut acc), Bool::Or) => {
                    for (a, t) in acc.iter_mut().zip(token_scores) {
                        if !t.is_nan() {
                            add(a, t);
                        }
                    }
                    acc
                }
            });
        }
        let mut scores = scores.unwrap_or_default();
        for (score, &tokens) in scores.iter_mut().zip(&doc_tokens) {
            if tokens > 0 && !score.is_nan() {
                *score = *score * f64::from(tokens) / query.len() as f64;
            }
        }
        scores
    }

    /// The search people use: elasticlunr's scores for the query's terms, with a bonus where the
    /// title or body holds the whole query, and highlights. Best first, at most `limit`.
    pub fn search(&self, query: &str, config: &Config, limit: usize) -> Vec<Hit> {
        self.search_among(query, config, limit, |_| true)
    }

    /// Every document the query finds, in document order: what facet counts are made of.
    pub fn matching(&self, query: &str, config: &Config) -> Vec<usize> {
        self.scored(&query_terms(query, &self.synonyms), config).into_iter().map(|(doc, _)| doc).collect()
    }

    /// [`Engine::search`] over the documents `keep` accepts (those the facets leave).
    pub fn search_among(&self, query: &str, config: &Config, limit: usize, keep: impl Fn(usize) -> bool) -> Vec<Hit> {
        if limit == 0 {
            return Vec::new();
        }
        let terms = query_terms(query, &self.synonyms);
        let phrase = self.synonyms.canonicalize(&squeeze(&fold(query)));
        let mut ranked = self.scored(&terms, config);
        ranked.retain(|&(doc, _)| keep(doc));
        // Only documents whose score, with the largest bonus, could reach the top `limit` matter:
        // select them without sorting the rest.
        if limit < ranked.len() {
            ranked.select_nth_unstable_by(limit - 1, by_rank);
            let reach = ranked[limit - 1].1 / TITLE_PHRASE_BONUS;
            let (head, tail) = ranked.split_at_mut(limit);
            let mut contenders: Vec<(usize, f64)> = head.to_vec();
            contenders.extend(tail.iter().filter(|(_, s)| *s >= reach));
            ranked = contenders;
        }
        if !phrase.is_empty() {
            for (doc, score) in ranked.iter_mut() {
                let text = &self.texts[*doc];
                if text.title_phrase.contains(&phrase) {
                    *score *= TITLE_PHRASE_BONUS;
                } else if text.body_phrase.contains(&phrase) {
                    *score *= BODY_PHRASE_BONUS;
                }
            }
        }
        ranked.sort_by(by_rank);
        let highlight = self.synonyms.spellings_of(&terms);
        ranked
            .into_iter()
            .take(limit)
            .map(|(doc, score)| {
                let text = &self.texts[doc];
                let (snippet, snippet_matches) = snippet(&text.body, &highlight);
                Hit { doc, score, title_matches: matches(&text.title, &highlight), snippet, snippet_matches }
            })
            .collect()
    }
}

impl Field {
    fn find(&self, term: &str) -> Option<usize> {
        self.terms.binary_search_by(|t| t.as_str().cmp(term)).ok()
    }

    /// The terms `token` is a prefix of, itself included: elasticlunr's `expandToken`.
    fn expand(&self, token: &str) -> Vec<usize> {
        let start = self.terms.partition_point(|t| t.as_str() < token);
        (start..self.terms.len()).take_while(|&i| self.terms[i].starts_with(token)).collect()
    }
}

/// Best score first, ties in document order (as elasticlunr.js's stable sort leaves them).
fn by_rank(a: &(usize, f64), b: &(usize, f64)) -> std::cmp::Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// Adds to a score that may not exist yet (NaN): JavaScript's `x in s ? s[x] += v : s[x] = v`.
fn add(slot: &mut f64, value: f64) {
    *slot = if slot.is_nan() { value } else { *slot + value };
}

/// Length in UTF-16 code units, as JavaScript counts it.
fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Byte ranges in `text` of tokens that match a query term (or start with one), merged.
fn matches(text: &str, terms: &[String]) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for token in tokenize(text) {
        if !terms.iter().any(|t| token.term.starts_with(t.as_str())) {
            continue;
        }
        match ranges.last_mut() {
            Some(last) if token.span.start <= last.end => last.end = last.end.max(token.span.end),
            _ => ranges.push(token.span),
        }
    }
    ranges
}

/// A window of `body` around its first match, with the matches inside it (byte ranges).
fn snippet(body: &str, terms: &[String]) -> (String, Vec<Range<usize>>) {
    let all = matches(body, terms);
    let first = all.first().map_or(0, |r| r.start);
    // Start a few characters before the first match, on a character boundary.
    let start = body[..first].char_indices().rev().nth(SNIPPET_LEAD - 1).map_or(0, |(i, _)| i);
    let end = body[start..].char_indices().nth(SNIPPET_LENGTH).map_or(body.len(), |(i, _)| start + i);
    let (lead, tail) = (if start > 0 { "…" } else { "" }, if end < body.len() { "…" } else { "" });
    let window = body[start..end].replace('\n', " ");
    let shift = lead.len();
    let inside = all
        .into_iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| r.start - start + shift..r.end - start + shift)
        .collect();
    (format!("{lead}{window}{tail}"), inside)
}
