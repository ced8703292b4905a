//! What the takeaway list shows for a query and a facet selection: the takeaways that pass (the
//! query matches them, see [`Engine::matches`], and the facets leave them), ranked or in list
//! order, then those the query reaches without matching (holding less of it); the search hits
//! of the first page; the facets' live counts of the matches; and the query as corrected when a
//! misspelt word was read as another.
//! The app renders it; the benchmark times it (`crate::bench`), so a filter change is measured
//! as people feel it.

use crate::explore::facets::{Facets, Selection};
use crate::model::OutlinedBundle;
use crate::search::{Config, Engine, Hit};

/// Every takeaway in list order: newest event first, each article's in its own order. The
/// bundle's articles are ordered by event date, oldest first, and its takeaways grouped by
/// article in that order: the groups from last to first, no sort.
pub fn list_order(bundle: &OutlinedBundle) -> Vec<usize> {
    let mut order = Vec::with_capacity(bundle.takeaways.len());
    let mut end = bundle.takeaways.len();
    for article in bundle.takeaways.chunk_by(|a, b| a.article == b.article).rev() {
        order.extend(end - article.len()..end);
        end -= article.len();
    }
    order
}

/// What the list shows for one state.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    /// The takeaways that pass the query and the facets: ranked when searching, else in `order`.
    pub takeaways: Vec<usize>,
    /// With a query, the takeaways the facets leave that it reaches without matching: listed
    /// after the others, not counted.
    pub others: Vec<usize>,
    /// With a query, the search hits of the first `shown` of `takeaways` then `others`, in order.
    pub hits: Vec<Hit>,
    /// Per facet, per option: the live counts.
    pub counts: [Vec<usize>; 6],
    /// What the list says about the query's spelling, if anything.
    pub spelling: Option<Spelling>,
    /// Whether a query ranked it; false where it is what the facets leave.
    pub searched: bool,
    /// The takeaways whose bodies the hits would read but the engine lacks (see
    /// [`Found::missing`](crate::search::Found::missing)): until they are added, the hits are
    /// ranked without them.
    pub missing: Vec<usize>,
    /// The same for their titles (see [`Found::untitled`](crate::search::Found::untitled)),
    /// which come with their articles' summaries, or with every takeaway's.
    pub untitled: Vec<usize>,
}

impl Listing {
    /// The first `shown` takeaways listed: of those that pass, then of the others.
    pub fn shown(&self, shown: usize) -> (&[usize], &[usize]) {
        let passing = &self.takeaways[..shown.min(self.takeaways.len())];
        (passing, &self.others[..shown.saturating_sub(passing.len()).min(self.others.len())])
    }

    /// The takeaways whose cards the list shows when it shows `shown`.
    pub fn cards(&self, shown: usize) -> Vec<usize> {
        let (passing, others) = self.shown(shown);
        passing.iter().chain(others).copied().collect()
    }

    /// Of the cards shown, those whose line is their summary: a hit's line is the snippet its
    /// body gives, so a search's cards need only the bodies, unless a takeaway has none.
    pub fn summarized(&self, shown: usize, bundle: &OutlinedBundle) -> Vec<usize> {
        let snippeted =
            |i: usize, t: usize| self.hits.get(i).is_some_and(|h| h.doc == t) && bundle.takeaways[t].has_body();
        self.cards(shown).into_iter().enumerate().filter(|&(i, t)| !snippeted(i, t)).map(|(_, t)| t).collect()
    }

    /// The takeaways whose articles' summaries the list reads when it shows `shown`: those
    /// [`summarized`](Listing::summarized), and those whose titles the ranking lacks, unless
    /// `every_title` is coming.
    pub fn read(&self, shown: usize, bundle: &OutlinedBundle, every_title: bool) -> Vec<usize> {
        let mut read = self.summarized(shown, bundle);
        if !every_title {
            read.extend(&self.untitled);
        }
        read
    }
}

/// A query with a misspelt word in it (see [`crate::search::engine::spelling`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Spelling {
    /// The takeaways are for this query, where the misspelt word is read as another.
    Corrected(String),
    /// The query is searched as typed; this is how it would be read otherwise.
    Suggested(String),
}

/// A query to narrow the list by.
#[derive(Clone, Copy)]
pub struct Search<'a> {
    pub engine: &'a Engine,
    pub query: &'a str,
    /// Whether the query is searched as typed, misspelt words and all.
    pub literal: bool,
}

impl Search<'_> {
    /// How the query is searched: misspelt words corrected unless it is to be taken as typed.
    pub fn config(literal: bool) -> Config {
        Config { correct_typos: !literal, ..Config::default() }
    }
}

/// The listing of `order` (every takeaway, in list order) narrowed by `selection` and, when
/// there is a `search` with a non-blank query, by that query, its first `shown` ranked.
pub fn listing(
    facets: &Facets,
    order: &[usize],
    search: Option<Search>,
    selection: &Selection,
    shown: usize,
) -> Listing {
    let Some(search) = search.filter(|s| !s.query.trim().is_empty()) else {
        return Listing {
            takeaways: facets.filter(order, selection),
            others: Vec::new(),
            hits: Vec::new(),
            counts: match selection.is_empty() {
                true => facets.totals(),
                false => facets.counts(order, selection),
            },
            spelling: None,
            searched: false,
            missing: Vec::new(),
            untitled: Vec::new(),
        };
    };
    // One scoring finds the takeaways (for the counts) and ranks those the facets leave.
    let config = Search::config(search.literal);
    let everything = selection.is_empty();
    let passes = |t: usize| everything || facets.passes(selection, t, None);
    let found = search.engine.search_found(search.query, &config, shown, passes);
    let matches = found.matches;
    // The hits come matches first; the rest of each part is only needed when exported or shown.
    let (mut takeaways, mut others): (Vec<usize>, Vec<usize>) =
        found.hits.iter().map(|h| h.doc).partition(|t| matches.binary_search(t).is_ok());
    // Marked by takeaway: the hits are a page or more, the parts most takeaways.
    let mut listed = vec![false; order.len()];
    takeaways.iter().chain(&others).for_each(|&t| listed[t] = true);
    let unlisted = |&t: &usize| !listed[t] && passes(t);
    takeaways.extend(matches.iter().copied().filter(unlisted));
    others.extend(found.others.iter().copied().filter(unlisted));
    let spelling = match found.corrected {
        Some(corrected) => Some(Spelling::Corrected(corrected)),
        None if search.literal => search.engine.correction(search.query).map(Spelling::Suggested),
        None => None,
    };
    let counts = facets.counts(&matches, selection);
    let (missing, untitled) = (found.missing, found.untitled);
    Listing { takeaways, others, hits: found.hits, counts, spelling, searched: true, missing, untitled }
}
