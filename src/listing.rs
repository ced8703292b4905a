//! What the takeaway list shows for a query and a facet selection: the takeaways that pass,
//! ranked or in list order, the search hits of the first page, and the facets' live counts.
//! The app renders it; the benchmark times it, so a filter change is measured as people feel it.

use crate::facets::{Facets, Selection};
use crate::search::{Config, Engine, Hit};

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

/// For the benchmarks: milliseconds to compute the listing for a series of states a reader
/// goes through (no filter, one theme, theme and year, a query, a query and a theme), each
/// the mean of `rounds` runs. `now` reads a clock in ms.
pub fn listing_latencies(
    facets: &Facets,
    order: &[usize],
    engine: &Engine,
    rounds: u32,
    now: impl Fn() -> f64,
) -> Vec<(&'static str, f64)> {
    let pick = |params: &[(&str, &str)]| {
        facets.parse(|key| params.iter().find(|(k, _)| *k == key).map(|(_, v)| v.to_string())).0
    };
    let theme = facets.options(crate::facets::Facet::Theme).first().map(|o| o.value.clone()).unwrap_or_default();
    let year = facets.options(crate::facets::Facet::Year).first().map(|o| o.value.clone()).unwrap_or_default();
    let states: [(&str, Option<&str>, Selection); 5] = [
        ("no filter", None, Selection::default()),
        ("one theme", None, pick(&[("theme", &theme)])),
        ("theme and year", None, pick(&[("theme", &theme), ("year", &year)])),
        ("query 平台工程", Some("平台工程"), Selection::default()),
        ("query security and a theme", Some("security"), pick(&[("theme", &theme)])),
    ];
    states
        .into_iter()
        .map(|(name, query, selection)| {
            let start = now();
            for _ in 0..rounds {
                std::hint::black_box(listing(facets, order, query.map(|q| (engine, q)), &selection, 50));
            }
            (name, (now() - start) / f64::from(rounds))
        })
        .collect()
}
