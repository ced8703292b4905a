//! The explorer's list after the filter and query changes a reader goes through.

use crate::explore::facets::{Facet, Facets, Selection};
use crate::explore::listing::{listing, Search};
use crate::search::Engine;

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
    let theme = facets.options(Facet::Theme).first().map(|o| o.value.clone()).unwrap_or_default();
    let year = facets.options(Facet::Year).first().map(|o| o.value.clone()).unwrap_or_default();
    let states: [(&str, Option<&str>, Selection); 6] = [
        ("no filter", None, Selection::default()),
        ("one theme", None, pick(&[("theme", &theme)])),
        ("theme and year", None, pick(&[("theme", &theme), ("year", &year)])),
        ("query 平台工程", Some("平台工程"), Selection::default()),
        // The first key of a word: a prefix that reaches most takeaways.
        ("query k", Some("k"), Selection::default()),
        ("query security and a theme", Some("security"), pick(&[("theme", &theme)])),
    ];
    states
        .into_iter()
        .map(|(name, query, selection)| {
            let start = now();
            for _ in 0..rounds {
                std::hint::black_box(listing(
                    facets,
                    order,
                    query.map(|query| Search { engine, query, literal: false }),
                    &selection,
                    50,
                ));
            }
            (name, (now() - start) / f64::from(rounds))
        })
        .collect()
}
