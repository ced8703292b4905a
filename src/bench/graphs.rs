//! The theme graphs' redraw after a filter change: data, layout and markup.

use crate::explore::facets::{Facet, Facets, Selection};
use crate::explore::graphs::{co_occurrence, compare, theme_events, theme_projects, PROJECTS_SHOWN};
use crate::model::{Bundle, EventIx};
use crate::render::graphs as markup;
use crate::render::lang::Lang;
use crate::render::Cx;

/// The filter changes [`redraw_latencies`] times: none, each event, each year, the biggest
/// theme, the biggest project — one event's network, one theme's neighbours, and so on.
pub fn bench_selections(facets: &Facets) -> Vec<(String, Selection)> {
    let mut selections = vec![("no filter".to_owned(), Selection::default())];
    for facet in [Facet::Event, Facet::Year, Facet::Theme, Facet::Project] {
        let options = facets.options(facet);
        let picked = if matches!(facet, Facet::Event | Facet::Year) { options.len() } else { 1 };
        for (at, option) in options.iter().enumerate().take(picked) {
            let mut selection = Selection::default();
            selection.insert(facet, at as u32);
            selections.push((format!("{}={}", facet.key(), option.value), selection));
        }
    }
    selections
}

/// What one view redraws from the takeaways the filters leave: its data, layout and markup.
type Redraw<'a> = dyn Fn(&[usize]) + 'a;

/// Per view (heatmap, network, projects, compare), the time in milliseconds to redraw it after
/// a filter change — filtering, the graph's data and layout, and its SVG and table markup; all
/// but the browser's parsing of that markup — for each of [`bench_selections`] the mean of
/// `rounds` runs; returned as (view, mean over selections, worst selection). `now` reads a
/// clock in ms.
pub fn redraw_latencies(bundle: &Bundle, rounds: u32, now: impl Fn() -> f64) -> Vec<(&'static str, f64, f64)> {
    let facets = Facets::new(bundle);
    let all: Vec<usize> = (0..bundle.takeaways.len()).collect();
    let selections = bench_selections(&facets);
    let (first, last) = (EventIx::at(0), EventIx::at(bundle.events.len().saturating_sub(1)));
    let list = |picks: &[(Facet, &str)]| {
        picks.iter().map(|(facet, value)| format!("{}={value}", facet.key())).collect::<Vec<_>>().join("&")
    };
    let cx = markup::GraphContext { cx: Cx::new(bundle, bundle, Lang::Zh, "", &()), list: &list };
    let views: [(&'static str, &Redraw); 4] = [
        ("heatmap", &|t| drop(std::hint::black_box(markup::heatmap(&cx, &theme_events(bundle, t))))),
        ("network", &|t| drop(std::hint::black_box(markup::network(&cx, &co_occurrence(bundle, t))))),
        ("projects", &|t| {
            drop(std::hint::black_box(markup::projects(&cx, &theme_projects(bundle, t, PROJECTS_SHOWN))))
        }),
        ("compare", &|t| drop(std::hint::black_box(markup::comparison(&cx, &compare(bundle, t, first, last))))),
    ];
    views
        .iter()
        .map(|(view, draw)| {
            let times: Vec<f64> = selections
                .iter()
                .map(|(_, selection)| {
                    let start = now();
                    for _ in 0..rounds {
                        draw(&facets.filter(&all, selection));
                    }
                    (now() - start) / f64::from(rounds)
                })
                .collect();
            let mean = times.iter().sum::<f64>() / times.len() as f64;
            (*view, mean, times.iter().copied().fold(0.0, f64::max))
        })
        .collect()
}
