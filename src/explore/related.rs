//! Related takeaways: the ones that share themes or projects with a takeaway, from other
//! events first, because what a reader wants next is the same idea seen at another KubeCon.

use std::cmp::Ordering;

use crate::model::{ArticleIx, EventIx, OutlinedBundle};

/// Related takeaways a takeaway's page shows.
pub const SHOWN: usize = 6;

/// Which takeaways carry each theme and each project, so a takeaway's relatives are scored by
/// walking the lists of what it has rather than by comparing it with every takeaway: the build
/// asks for every takeaway's relatives, and a comparison each would grow with the corpus squared.
pub struct Relations {
    by_theme: Vec<Vec<usize>>,
    by_project: Vec<Vec<usize>>,
    /// Each takeaway's article and event, side by side for the walk.
    articles: Vec<ArticleIx>,
    events: Vec<Option<EventIx>>,
    /// Scratch: each takeaway's score in the walk under way (zero between walks), and which
    /// were touched.
    scores: Vec<u32>,
    touched: Vec<usize>,
}

impl Relations {
    pub fn new(bundle: &OutlinedBundle) -> Self {
        let mut by_theme = vec![Vec::new(); bundle.themes.len()];
        let mut by_project = vec![Vec::new(); bundle.projects.len()];
        for (index, t) in bundle.takeaways.iter().enumerate() {
            for m in &t.themes {
                by_theme[m.get()].push(index);
            }
            for p in &t.projects {
                by_project[p.get()].push(index);
            }
        }
        Relations {
            by_theme,
            by_project,
            articles: bundle.takeaways.iter().map(|t| t.article).collect(),
            events: bundle.takeaways.iter().map(|t| bundle.article(t.article).event).collect(),
            scores: vec![0; bundle.takeaways.len()],
            touched: Vec::new(),
        }
    }

    /// Up to `limit` takeaways related to `takeaway` (an index of `bundle`, the one these
    /// relations were made from), most related first. A shared project counts more than a shared
    /// theme: projects are the more specific link.
    pub fn of(&mut self, bundle: &OutlinedBundle, takeaway: usize, limit: usize) -> Vec<usize> {
        let this = &bundle.takeaways[takeaway];
        let mut themes: Vec<usize> = this.themes.iter().map(|&m| m.get()).collect();
        let mut projects: Vec<usize> = this.projects.iter().map(|p| p.get()).collect();
        for shared in [&mut themes, &mut projects] {
            shared.sort_unstable();
            shared.dedup();
        }
        let lists =
            themes.iter().map(|&t| (&self.by_theme[t], 2)).chain(projects.iter().map(|&p| (&self.by_project[p], 3)));
        for (list, weight) in lists {
            for &other in list {
                if self.scores[other] == 0 {
                    self.touched.push(other);
                }
                self.scores[other] += weight;
            }
        }
        let event = self.events[takeaway];
        let mut best: Vec<(bool, u32, usize)> = Vec::with_capacity(limit + 1);
        for other in self.touched.drain(..) {
            let score = std::mem::take(&mut self.scores[other]);
            if self.articles[other] != this.article {
                keep_best(&mut best, (self.events[other] == event, score, other), limit);
            }
        }
        best.into_iter().map(|(_, _, index)| index).collect()
    }
}

/// Up to `limit` takeaways related to `takeaway`, for a single page.
pub fn related(bundle: &OutlinedBundle, takeaway: usize, limit: usize) -> Vec<usize> {
    Relations::new(bundle).of(bundle, takeaway, limit)
}

/// Other events first, then the most shared, then corpus order: a total order, so the pick is
/// stable across builds.
fn rank(a: &(bool, u32, usize), b: &(bool, u32, usize)) -> Ordering {
    a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2))
}

/// Inserts `candidate` into `best` (sorted by [`rank`], at most `limit` long) if it ranks
/// among the first `limit`; a short insertion keeps the page's few relatives without sorting
/// every candidate.
fn keep_best(best: &mut Vec<(bool, u32, usize)>, candidate: (bool, u32, usize), limit: usize) {
    if best.len() == limit && best.last().is_some_and(|last| rank(&candidate, last) != Ordering::Less) {
        return;
    }
    let at = best.partition_point(|kept| rank(kept, &candidate) == Ordering::Less);
    if at < limit {
        best.insert(at, candidate);
        best.truncate(limit);
    }
}
