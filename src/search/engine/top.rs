//! The best few of the scored documents, the matching ones first (see
//! [`matching`](super::matching)), in one pass over them, with the phrase bonus looked for only
//! where it could still change the top.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::phrase::{Finder, BODY_PHRASE_BONUS, TITLE_PHRASE_BONUS};
use super::scoring::Scratch;
use super::{by_rank, Engine, Missing, Reading};

/// A scored document, greater when better (see [`by_rank`]).
#[derive(Clone, Copy, PartialEq)]
pub(super) struct Ranked(pub(super) usize, pub(super) f64);

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

/// The candidates for the best `limit` of a stream of scored documents: those whose score with
/// the largest bonus could reach the `limit`-th best so far, a floor that only rises.
#[derive(Default)]
pub(super) struct Candidates {
    ranked: Vec<Ranked>,
    /// The best `limit` scores so far (see [`raise_floor`]).
    best: BinaryHeap<Reverse<u64>>,
    floor: f64,
}

impl Candidates {
    fn clear(&mut self) {
        self.ranked.clear();
        self.best.clear();
        self.floor = 0.0;
    }

    // Inlined: it is offered every scored document.
    #[inline(always)]
    fn offer(&mut self, doc: u32, score: f64, limit: usize) {
        if score * TITLE_PHRASE_BONUS >= self.floor {
            self.ranked.push(Ranked(doc as usize, score));
        }
        if score > self.floor {
            self.floor = raise_floor(&mut self.best, limit, score);
        }
    }
}

/// For a phrase of several words, how many of the best-scored candidates may take the body's
/// bonus, of those the facets leave that match and of the others: a rescoring window, two pages
/// of the list. The index cannot tell which bodies hold such a phrase (it knows words, not which
/// follows which), and it is seldom held as written, so without a window every candidate whose
/// score the bonus could lift into the top had its body fetched: hundreds, for a phrase whose
/// words many takeaways share. Raising it lifts more takeaways whose bodies alone hold the
/// phrase, at the cost of as many more bodies fetched per search; it does not depend on how many
/// results are shown, so showing more never reorders those already shown. A query of one word
/// has no window: the index rules most bodies out.
pub const PHRASE_WINDOW: usize = 40;

/// The titles and bodies a ranking looked for that have not arrived, a round's worth. Where many
/// candidates tie, each might take the body's bonus, and every one of their bodies was asked for
/// at once: hundreds, where the best few often settle the top. So for a query of one word, while
/// fewer than twice the top's bodies of the candidates looked at are here, a round asks for that
/// many, best first; after, for all the top needs. A top whose best candidates' bodies hold the
/// word settles in one round, one whose bodies do not takes two. A phrase of several words asks
/// for those of its window (see [`PHRASE_WINDOW`]) at once. Titles, which every candidate that
/// could enter the top with the title's bonus is looked in, are asked for twice the top's at a
/// time, best first: those that hold the query lift the top, and fewer candidates are left.
struct Round<'m> {
    missing: &'m mut Missing,
    /// The bodies and the titles already missing when the round began.
    before: (usize, usize),
    /// Bodies looked in that were here.
    read: usize,
    limit: usize,
    /// Whether the query is of one word.
    capped: bool,
}

impl Round<'_> {
    fn full(&self) -> bool {
        let (bodies, titles) = (self.missing.bodies.len() - self.before.0, self.missing.titles.len() - self.before.1);
        (self.capped && self.read < 2 * self.limit && bodies >= 2 * self.limit) || titles >= 2 * self.limit
    }

    /// How many of each kind of candidate, best-scored first, may take the body's bonus.
    fn window(&self) -> usize {
        if self.capped {
            usize::MAX
        } else {
            PHRASE_WINDOW
        }
    }
}

impl Engine {
    /// The best `limit` of the scored documents `keep` accepts, with the phrase bonus: those that
    /// match the query first, then the others; leaving the scores empty. The documents whose
    /// titles or bodies were looked for but have not arrived are noted in `missing`, a round's
    /// worth (see [`Round`]): the top is final once none are.
    pub(super) fn top(
        &self,
        reading: &Reading,
        scratch: &mut Scratch,
        limit: usize,
        keep: impl Fn(usize) -> bool,
        missing: &mut Missing,
    ) -> Vec<(usize, f64)> {
        if limit == 0 {
            return Vec::new();
        }
        let phrase = self.finder(reading);
        // In one pass, the candidates among the matching documents and among the others.
        let [matching, others] = &mut scratch.candidates;
        matching.clear();
        others.clear();
        let Scratch { total, holdings, .. } = scratch;
        let mut at = 0;
        total.take_each(|doc, score| {
            let matches = holdings.take(doc, at);
            at += 1;
            if keep(doc as usize) {
                let candidates = if matches { &mut *matching } else { &mut *others };
                candidates.offer(doc, score, limit);
            }
        });
        holdings.all_taken();
        let capped = reading.words.len() <= 1;
        let before = (missing.bodies.len(), missing.titles.len());
        let mut round = Round { before, missing, read: 0, limit, capped };
        let mut top = self.best(&phrase, matching, limit, &mut round);
        if top.len() < limit && !round.full() {
            top.extend(self.best(&phrase, others, limit - top.len(), &mut round));
        }
        top
    }

    /// The best `limit` of `candidates`, with the phrase bonus. Titles or a body that have not
    /// arrived give no bonus, so that the top can only be lower and more candidates are looked
    /// at: the round's missing ones are then the best candidates' of those the top with all
    /// titles and bodies would need.
    fn best(&self, phrase: &Finder, candidates: &mut Candidates, limit: usize, round: &mut Round) -> Vec<(usize, f64)> {
        let floor = candidates.floor;
        candidates.ranked.retain(|r| r.1 * TITLE_PHRASE_BONUS >= floor);
        // A heap: the phrase is usually looked for in far fewer documents than a sort would order.
        let mut ranked = BinaryHeap::from(std::mem::take(&mut candidates.ranked));
        // Best first, so the phrase is looked for only until no bonus can reach the top.
        let mut top: Vec<(usize, f64)> = Vec::with_capacity(limit + 1);
        // Whether `doc` with `score` would rank above the last of a full top (a tie ranks it
        // below: candidates come best first, so a tie comes from a later document).
        let enters = |top: &[(usize, f64)], doc: usize, score: f64| {
            top.len() < limit || by_rank(&(doc, score), &top[limit - 1]).is_lt()
        };
        // The candidates come best-scored first, all of those the floor left: the n-th is the
        // n-th best of its kind, whatever the limit.
        let mut looked = 0;
        while let Some(Ranked(doc, score)) = ranked.pop() {
            if !enters(&top, doc, score * TITLE_PHRASE_BONUS) || round.full() {
                break;
            }
            // Where even the body's bonus cannot reach the top, only the title's is looked for.
            let body = looked < round.window() && enters(&top, doc, score * BODY_PHRASE_BONUS);
            looked += 1;
            round.read += usize::from(body && self.has_body(doc));
            let hit = (doc, score * self.phrase_bonus(doc, phrase, body, round.missing));
            top.insert(top.partition_point(|t| by_rank(t, &hit).is_lt()), hit);
            top.truncate(limit);
        }
        candidates.ranked = ranked.into_vec();
        top
    }
}

/// Adds `score`, above the floor, to `best`: the best `limit` scores so far (numbers above 0, so
/// ordered as their bits), the worst on top. Returns the new floor: the `limit`-th best so far,
/// 0 while there are fewer.
pub(super) fn raise_floor(best: &mut BinaryHeap<Reverse<u64>>, limit: usize, score: f64) -> f64 {
    if best.len() == limit {
        best.pop();
    }
    best.push(Reverse(score.to_bits()));
    match best.peek() {
        Some(worst) if best.len() == limit => f64::from_bits(worst.0),
        _ => 0.0,
    }
}
