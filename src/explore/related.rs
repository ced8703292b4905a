//! Related takeaways: the ones that share themes or projects with a takeaway, from other
//! events first, because what a reader wants next is the same idea seen at another KubeCon.

use crate::model::Bundle;

/// Related takeaways a takeaway's page shows.
pub const SHOWN: usize = 6;

/// Up to `limit` takeaways related to `takeaway` (an index), most related first. A shared
/// project counts more than a shared theme: projects are the more specific link.
pub fn related(bundle: &Bundle, takeaway: usize, limit: usize) -> Vec<usize> {
    let this = &bundle.takeaways[takeaway];
    let event = bundle.article(this.article).event;
    let mut scored: Vec<(bool, u32, usize)> = bundle
        .takeaways
        .iter()
        .enumerate()
        .filter(|(_, other)| other.article != this.article)
        .filter_map(|(index, other)| {
            let themes = other.themes.iter().filter(|m| this.themes.iter().any(|n| n.theme == m.theme)).count();
            let projects = other.projects.iter().filter(|p| this.projects.contains(p)).count();
            let score = (2 * themes + 3 * projects) as u32;
            let same_event = bundle.article(other.article).event == event;
            (score > 0).then_some((same_event, score, index))
        })
        .collect();
    // Other events first, then the most shared, then corpus order: stable across builds.
    crate::model::order::sort_by(&mut scored, |a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    scored.into_iter().take(limit).map(|(_, _, index)| index).collect()
}
