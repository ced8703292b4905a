//! Scoring: each field's postings with their weights precomputed, and elasticlunr.js's sums of
//! them for a query, field after field, into per-document sums kept between queries, with the
//! query's terms each document holds (for [`matching`](super::matching)).

use std::ops::Range;
use std::sync::Arc;

use super::matching::{Holdings, Words};
use super::top::Candidates;
use super::{Bool, Config, Engine, FieldConfig, Reading};
use crate::search::fields::ARTICLE_FIELD;
use crate::search::index::FieldIndex;

/// How much less a term weighs when it comes from a correction than when typed: less than
/// elasticlunr's penalty for a prefix expansion to a term a third longer than the word.
const CORRECTION_PENALTY: f64 = 0.1;

pub(super) struct Field {
    pub(super) name: String,
    /// Its terms with their postings, in runs of consecutive terms, in order: one, or where the
    /// field's index comes in pieces, one per piece that has arrived (see [`Field::with`]), so
    /// that a piece costs what it holds, not what came before it. Terms are numbered through
    /// the runs.
    runs: Vec<Arc<Run>>,
    /// Per run, the number of its first term; and at the end, the number of terms.
    firsts: Vec<usize>,
    /// Where many documents hold the same text in the field (an article's takeaways, in the
    /// article's field), the postings are those texts', each one's documents scoring alike.
    alike: Option<Arc<Alike>>,
}

/// Consecutive terms of a field, with their postings.
struct Run {
    terms: Vec<String>,
    /// Where each term's postings start in `docs` and `weights`, and at the end their total.
    starts: Vec<u32>,
    /// The documents holding each term, term after term.
    docs: Vec<u32>,
    /// Per posting, its score for the term as such: √count × idf × 1/√(field length), multiplied
    /// in the order elasticlunr does, so the bits are its own, and a query multiplies once.
    weights: Vec<f64>,
}

/// Documents grouped by their text in a field: group `g` is `docs[starts[g]..starts[g + 1]]`.
struct Alike {
    starts: Box<[u32]>,
    docs: Box<[u32]>,
}

/// Per-document sums, 0 where a document has none (every score is above 0), and the documents
/// that have one: resetting costs what a query touched, not the number of documents. Boxed
/// slices, not vectors: their indexing needs no call where the build optimizes for size.
pub(super) struct Sums {
    values: Box<[f64]>,
    /// The documents that have a sum are the first `len`.
    docs: Box<[u32]>,
    len: usize,
}

pub(super) struct Scratch {
    /// The query's score per document, over all fields.
    pub(super) total: Sums,
    /// One field's scores, then one query term's in that field.
    pub(super) field: Sums,
    pub(super) term: Sums,
    /// Per document: how many of the query's terms the field holds as such (not by prefix).
    pub(super) matched: Box<[u32]>,
    /// Per document (or group of documents alike): the query's terms the field holds, a bit each.
    terms_held: Box<[u64]>,
    /// What each document holds of the query's words, and which match.
    pub(super) holdings: Holdings,
    /// The candidates for the top among the matching documents, and among the others.
    pub(super) candidates: [Candidates; 2],
}

impl Engine {
    /// The documents that have a score, with their scores, in `scratch.total`, and (where the
    /// reading has words) which of them match the query, in `scratch.holdings`.
    pub(super) fn scored(&self, query: &Reading, config: &Config, scratch: &mut Scratch) {
        if query.terms.is_empty() {
            return;
        }
        let sorting = !query.words.is_empty();
        // A query of one word no longer than a field must hold in a row is held whole where a
        // field holds each of its terms as such, which coordination counts: which terms need
        // not be noted.
        let by_count = query.words.len() == 1 && query.long_words == 0;
        let one_whole = Words { whole: 1, part: 1 };
        // A query of one term is held whole by every document an own field scores: where the
        // article's field comes last, those are the documents scored before it, first in the
        // total, and nothing need be noted.
        let active = config.fields.iter().filter(|f| f.boost != 0.0);
        let last = active.clone().count().saturating_sub(1);
        let article_last = active.clone().position(|f| f.field == ARTICLE_FIELD).is_none_or(|at| at == last);
        let by_order = sorting && query.terms.len() == 1 && article_last;
        scratch.holdings.start(sorting, !by_order);
        for field_config in &config.fields {
            let Some(field) = self.field(&field_config.field) else { continue };
            if field_config.boost == 0.0 {
                continue;
            }
            if by_order && field.name == ARTICLE_FIELD {
                scratch.holdings.scored_before_article(scratch.total.len());
            }
            // What the article's field holds is needed only where no document holds a word whole
            // in its own fields (see `settle_matches`): it is not noted here.
            let holding = sorting && !by_order && field.name != ARTICLE_FIELD;
            self.field_search(&field, query, field_config, scratch, holding && !by_count);
            // Added field after field, as elasticlunr does: the same sums to the last bit.
            let Scratch { total, field: scores, matched, terms_held, holdings, .. } = scratch;
            scores.take_each(|unit, mut score| {
                // elasticlunr's coordination: the share of the query's terms the field holds as
                // such (with one term, 1 or none: no change).
                let count = std::mem::take(&mut matched[unit as usize]);
                if count > 0 {
                    score = score * f64::from(count) / query.terms.len() as f64;
                }
                let terms = query.terms.len();
                let words = match (holding, by_count) {
                    (false, _) => Words::default(),
                    (true, true) if terms == 1 || count as usize == terms => one_whole,
                    (true, true) => Words::default(),
                    (true, false) => query.words_held(std::mem::take(&mut terms_held[unit as usize])),
                };
                // Plain loops, no closure: where the build optimizes for size, a call per document
                // is not inlined. Scoring notes only the words held whole.
                let docs = field.docs_of(&unit);
                if words.whole == 0 {
                    docs.iter().for_each(|&doc| total.add(doc, score * field_config.boost));
                } else {
                    for &doc in docs {
                        total.add(doc, score * field_config.boost);
                        holdings.hold_whole(doc, words.whole);
                    }
                }
            });
        }
        if by_order {
            scratch.holdings.scored_before_article(scratch.total.len());
        }
        self.settle_matches(query, config, scratch);
    }

    /// What every field holds of the query's words, for each document it reaches, noted again
    /// without scoring.
    pub(super) fn hold_all(&self, query: &Reading, config: &Config, scratch: &mut Scratch) {
        for field_config in config.fields.iter().filter(|f| f.boost != 0.0) {
            let Some(field) = self.field(&field_config.field) else { continue };
            self.field_search(&field, query, field_config, scratch, true);
            let own = field.name != ARTICLE_FIELD;
            let Scratch { field: scores, matched, terms_held, holdings, .. } = scratch;
            scores.take_each(|unit, _| {
                matched[unit as usize] = 0;
                let words = query.words_held(std::mem::take(&mut terms_held[unit as usize]));
                field.docs_of(&unit).iter().for_each(|&doc| holdings.hold(doc, words, own));
            });
        }
    }

    /// elasticlunr.js's `fieldSearch` and `mergeScores` for one field, into `scratch.field`, and
    /// how many query terms each document holds as such, into `scratch.matched`; if `holding`,
    /// which, into `scratch.terms_held`.
    fn field_search(&self, field: &Field, query: &Reading, config: &FieldConfig, scratch: &mut Scratch, holding: bool) {
        let Scratch { field: scores, term: term_scores, matched, terms_held: held, .. } = scratch;
        let and = config.bool == Bool::And;
        let query_len = query.terms.len();
        // With one term, what a document holds is known without noting it.
        let holding = holding && query_len > 1;
        for (number, token) in query.terms.iter().enumerate() {
            let bit = 1 << number;
            let corrected = query.corrected & bit != 0;
            let keys = if config.expand { field.expand(token) } else { field.find(token) };
            // Summing a term's keys straight into the field's scores gives the same sums where
            // the field has none yet (the first term) or the term has one key (OR).
            let direct = number == 0 || (!and && keys.len() == 1);
            for (term, docs, weights) in field.terms(keys) {
                let exact = term == token;
                // Coordination counts the documents that hold the term as such.
                let counted = exact && query_len > 1;
                let mut penalty = if exact {
                    1.0
                } else {
                    let (key_len, token_len) = (utf16_len(term) as f64, utf16_len(token) as f64);
                    (1.0 - (key_len - token_len) / key_len) * 0.15
                };
                if corrected {
                    penalty *= CORRECTION_PENALTY;
                }
                if direct {
                    for (&doc, &weight) in docs.iter().zip(weights) {
                        scores.add(doc, weight * penalty);
                        if holding {
                            held[doc as usize] |= bit;
                        }
                        if counted {
                            matched[doc as usize] += 1;
                        }
                    }
                } else {
                    for (&doc, &weight) in docs.iter().zip(weights) {
                        // AND: only documents that have every term so far.
                        if !(and && scores.values[doc as usize] == 0.0) {
                            term_scores.add(doc, weight * penalty);
                            if holding {
                                held[doc as usize] |= bit;
                            }
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
                        (matched[doc as usize], held[doc as usize]) = (0, 0);
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
    pub(super) fn new(mut index: FieldIndex, docs: usize) -> Field {
        let norm = |doc: u32| match index.lengths[doc as usize] {
            0 => 1.0,
            length => 1.0 / f64::from(length).sqrt(),
        };
        // Fields of shared texts (theme and project names, the article's title, authors and
        // event) repeat: score each text once, where the field comes grouped.
        let alike = index.groups.take().map(|groups| Alike { starts: groups.starts.into(), docs: groups.docs.into() });
        // Per document, what its postings are: its group's where it is the group's first (the
        // only one of the group with postings), its own where the field has no groups.
        let leaders = alike.as_ref().map(|alike| alike.leaders(docs));
        let unit = |doc: u32| leaders.as_ref().map_or(Some(doc), |leaders| leaders[doc as usize]);
        // How many documents hold a term: those of the groups whose first has a posting.
        let holders = |postings: &[(u32, u32)]| match (&alike, &leaders) {
            (Some(alike), Some(leaders)) => {
                let groups = postings.iter().filter_map(|&(doc, _)| leaders[doc as usize]);
                groups.map(|group| alike.docs_of(group).len()).sum()
            }
            _ => postings.len(),
        };
        let mut run = Run { terms: Vec::new(), starts: vec![0], docs: Vec::new(), weights: Vec::new() };
        for term in 0..index.terms.len() {
            let postings = index.postings_of(term);
            let idf = 1.0 + (docs as f64 / (holders(postings) as f64 + 1.0)).ln();
            for &(doc, count) in postings {
                if let Some(unit) = unit(doc) {
                    run.docs.push(unit);
                    run.weights.push(f64::from(count).sqrt() * idf * norm(doc));
                }
            }
            run.starts.push(run.docs.len() as u32);
        }
        run.terms = index.terms;
        Field::of_runs(index.name, vec![Arc::new(run)], alike.map(Arc::new))
    }

    /// This field with the terms of `piece` too: the field made of a piece of its index, whose
    /// terms it does not have. Its runs are shared, not copied; the grouping is this field's.
    pub(super) fn with(&self, piece: Field) -> Field {
        let mut runs = self.runs.clone();
        for run in piece.runs {
            let at = runs.partition_point(|r| r.terms[0] < run.terms[0]);
            runs.insert(at, run);
        }
        Field::of_runs(self.name.clone(), runs, self.alike.clone())
    }

    /// The field `name` of `runs` (in term order), those with no terms left out.
    fn of_runs(name: String, mut runs: Vec<Arc<Run>>, alike: Option<Arc<Alike>>) -> Field {
        runs.retain(|run| !run.terms.is_empty());
        let ends = runs.iter().scan(0, |count, run| {
            *count += run.terms.len();
            Some(*count)
        });
        let firsts = std::iter::once(0).chain(ends).collect();
        Field { name, runs, firsts, alike }
    }

    /// The documents of `unit`: its group's where the field groups them, else itself.
    #[inline(always)]
    fn docs_of<'a>(&'a self, unit: &'a u32) -> &'a [u32] {
        match &self.alike {
            Some(alike) => alike.docs_of(*unit),
            None => std::slice::from_ref(unit),
        }
    }

    /// The terms numbered `keys`, in order, each with its postings' documents and weights.
    fn terms(&self, keys: Range<usize>) -> impl Iterator<Item = (&str, &[u32], &[f64])> {
        let first = self.firsts.partition_point(|&first| first <= keys.start).saturating_sub(1);
        let runs = self.runs[first..].iter().zip(&self.firsts[first..]);
        runs.take_while(move |(_, &offset)| offset < keys.end).flat_map(move |(run, &offset)| {
            let (start, end) = (keys.start.saturating_sub(offset), (keys.end - offset).min(run.terms.len()));
            (start..end).map(move |key| {
                let range = run.starts[key] as usize..run.starts[key + 1] as usize;
                (run.terms[key].as_str(), &run.docs[range.clone()], &run.weights[range])
            })
        })
    }

    /// The number of the first term `before` is false for, where it holds for the terms up to
    /// some and for none after.
    fn partition_point(&self, before: impl Fn(&str) -> bool) -> usize {
        let at = self.runs.partition_point(|run| run.terms.last().is_some_and(|t| before(t)));
        match self.runs.get(at) {
            Some(run) => self.firsts[at] + run.terms.partition_point(|t| before(t)),
            None => self.firsts.last().copied().unwrap_or(0),
        }
    }

    /// The term equal to `term`, if any, as a range of term numbers.
    pub(super) fn find(&self, term: &str) -> Range<usize> {
        let at = self.partition_point(|t| t < term);
        match self.terms(at..at + 1).next() {
            Some((found, ..)) if found == term => at..at + 1,
            _ => 0..0,
        }
    }

    /// The documents that hold one of the terms numbered `keys` in this field, ascending.
    pub(super) fn docs_of_terms(&self, keys: Range<usize>) -> Vec<u32> {
        let units = self.terms(keys).flat_map(|(_, units, _)| units);
        let mut docs: Vec<u32> = units.flat_map(|unit| self.docs_of(unit)).copied().collect();
        docs.sort_unstable();
        docs.dedup();
        docs
    }

    /// Whether the field has `token` as a term or the start of one.
    pub(super) fn holds_prefix(&self, token: &str) -> bool {
        !self.expand(token).is_empty()
    }

    /// Each term with its number of postings.
    pub(super) fn terms_with_postings(&self) -> impl Iterator<Item = (&str, usize)> {
        self.runs.iter().flat_map(|run| {
            run.terms.iter().zip(run.starts.windows(2)).map(|(term, at)| (term.as_str(), (at[1] - at[0]) as usize))
        })
    }

    /// The terms `token` is a prefix of, itself included: elasticlunr's `expandToken`. They come
    /// right after the terms before `token`, and before every other term after it.
    pub(super) fn expand(&self, token: &str) -> Range<usize> {
        self.partition_point(|t| t < token)..self.partition_point(|t| t < token || t.starts_with(token))
    }
}

impl Sums {
    fn new(docs: usize) -> Sums {
        Sums { values: vec![0.0; docs].into(), docs: vec![0; docs].into(), len: 0 }
    }

    /// Adds to a document's sum, which may not exist yet: JavaScript's
    /// `x in s ? s[x] += v : s[x] = v`, as `0 + v` is `v`.
    #[inline(always)]
    pub(super) fn add(&mut self, doc: u32, value: f64) {
        let slot = &mut self.values[doc as usize];
        if *slot == 0.0 {
            self.docs[self.len] = doc;
            self.len += 1;
        }
        *slot += value;
    }

    /// How many documents have a sum.
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// The documents that have a sum, in the order they had their first.
    pub(super) fn docs(&self) -> impl Iterator<Item = u32> + '_ {
        self.docs[..self.len].iter().copied()
    }

    /// Hands `each` every document and its sum, in the order they had their first, leaving none.
    pub(super) fn take_each(&mut self, mut each: impl FnMut(u32, f64)) {
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
    pub(super) fn new(docs: usize, articles: usize) -> Scratch {
        Scratch {
            total: Sums::new(docs),
            field: Sums::new(docs),
            term: Sums::new(docs),
            matched: vec![0; docs].into(),
            terms_held: vec![0; docs].into(),
            holdings: Holdings::new(docs, articles),
            candidates: Default::default(),
        }
    }

    pub(super) fn clear(&mut self) {
        // Every document counted in `matched` or `terms_held` is in the field's or the term's
        // sums, every one holding words in the total.
        for doc in self.field.docs().chain(self.term.docs()) {
            (self.matched[doc as usize], self.terms_held[doc as usize]) = (0, 0);
        }
        self.holdings.forget(self.total.docs());
        self.total.clear();
        self.field.clear();
        self.term.clear();
    }
}

impl Alike {
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

/// Length in UTF-16 code units, as JavaScript counts it.
fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}
