//! What the takeaway list shows for a query and a facet selection: the takeaways that pass,
//! ranked or in list order, the search hits of the first page, and the facets' live counts.
//! The app renders it; the benchmark times it (`crate::bench`), so a filter change is measured
//! as people feel it.

use crate::explore::facets::{Facets, Selection};
use crate::model::Bundle;
use crate::search::{Config, Engine, Hit};

/// Every takeaway in list order: newest event first, each article's in its own order.
pub fn list_order(bundle: &Bundle) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bundle.takeaways.len()).collect();
    // The bundle is ordered by event date, oldest first; stable, so ordinals stay in order.
    crate::model::order::sort_by_key(&mut order, |&t| std::cmp::Reverse(bundle.takeaways[t].article));
    order
}

/// What the list shows for one state.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    /// The takeaways that pass the query and the facets: ranked when searching, else in `order`.
    pub takeaways: Vec<usize>,
    /// With a query, the search hits of the first `shown`, in the same order.
    pub hits: Vec<Hit>,
    /// Per facet, per option: the live counts.
    pub counts: [Vec<usize>; 6],
}

/// The listing of `order` (every takeaway, in list order) narrowed by `selection` and, when
/// `search` holds an engine and a non-blank query, by that query, its first `shown` ranked.
pub fn listing(
    facets: &Facets,
    order: &[usize],
    search: Option<(&Engine, &str)>,
    selection: &Selection,
    shown: usize,
) -> Listing {
    let Some((engine, query)) = search.filter(|(_, q)| !q.trim().is_empty()) else {
        return Listing {
            takeaways: facets.filter(order, selection),
            hits: Vec::new(),
            counts: facets.counts(order, selection),
        };
    };
    // One scoring finds the takeaways (for the counts) and ranks those the facets leave.
    let mut passing = Vec::new();
    let (found, mut keep, hits) = engine.search_found(query, &Config::default(), shown, |found| {
        passing = facets.filter(found, selection);
        let mut keep = vec![false; order.len()];
        passing.iter().for_each(|&t| keep[t] = true);
        keep
    });
    // The rest of the ranking is only needed when exported; the list shows the hits.
    let mut takeaways: Vec<usize> = hits.iter().map(|h| h.doc).collect();
    takeaways.iter().for_each(|&t| keep[t] = false);
    takeaways.extend(passing.iter().filter(|&&t| keep[t]));
    Listing { takeaways, hits, counts: facets.counts(&found, selection) }
}
