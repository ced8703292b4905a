//! Theme graphs: how themes rise and fall across events, which travel together, which
//! projects carry them, and what changed between two events — as plain data over a set of
//! takeaways, shared by the app (which draws it as SVG) and the command line (which times it).
//!
//! Everything here depends on the takeaways the current filters leave, so none of it is stored
//! in the bundle: it is recomputed on each filter change, well within a frame (`crate::bench`
//! times it). [`layout`] places each graph's parts; `crate::render::graphs` draws them.

pub mod layout;

use crate::model::{EventIx, OutlinedBundle, ProjectIx, ThemeIx};

/// Theme × event counts: the heatmap.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeEvents {
    /// The events the takeaways come from, by date.
    pub events: Vec<EventIx>,
    /// How many of the takeaways each event has, in the order of `events`.
    pub totals: Vec<usize>,
    /// Every theme some takeaway has, ordered by the event where its share peaks (so rises
    /// and falls read as a diagonal), then most takeaways first.
    pub rows: Vec<ThemeRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ThemeRow {
    pub theme: ThemeIx,
    /// Takeaways with this theme per event, in the order of [`ThemeEvents::events`].
    pub counts: Vec<usize>,
}

/// Themes that share takeaways: the co-occurrence network.
#[derive(Debug, Clone, PartialEq)]
pub struct CoOccurrence {
    /// Every theme some takeaway has, in layout order: neighbours placed close together.
    pub nodes: Vec<Node>,
    /// Pairs of nodes sharing at least one takeaway, by node position.
    pub edges: Vec<Edge>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub theme: ThemeIx,
    /// Takeaways with this theme.
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Positions in [`CoOccurrence::nodes`], `a < b`.
    pub a: usize,
    pub b: usize,
    /// Takeaways with both themes.
    pub count: usize,
    /// `count` over the takeaways with either theme.
    pub jaccard: f64,
}

/// Projects the bipartite graph shows: more would not fit a phone's height in one view.
pub const PROJECTS_SHOWN: usize = 20;

/// Which projects carry which themes: the bipartite graph.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeProjects {
    /// The projects mentioned by the most takeaways, with that count, biggest first.
    pub projects: Vec<(ProjectIx, usize)>,
    /// The themes of those projects' takeaways, with the count of takeaways with the theme and
    /// one of the projects, biggest first.
    pub themes: Vec<(ThemeIx, usize)>,
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// Positions in [`ThemeProjects::projects`] and [`ThemeProjects::themes`].
    pub project: usize,
    pub theme: usize,
    /// Takeaways with both.
    pub count: usize,
}

/// Two events side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The earlier-picked `a` and the other `b`.
    pub events: [EventIx; 2],
    /// Takeaways per event.
    pub totals: [usize; 2],
    /// Themes either event has: gained, then shared, then lost; biggest first within each.
    pub themes: Vec<Counted<ThemeIx>>,
    /// Projects either event mentions, biggest first.
    pub projects: Vec<Counted<ProjectIx>>,
}

/// A theme or project and its takeaway counts at the two compared events.
#[derive(Debug, Clone, PartialEq)]
pub struct Counted<T> {
    pub what: T,
    pub counts: [usize; 2],
}

/// What happened to a theme or project from event `a` to event `b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    Gained,
    Shared,
    Lost,
}

impl ThemeEvents {
    /// The share of event `column`'s takeaways that have the row's theme, 0 to 1.
    pub fn share(&self, row: &ThemeRow, column: usize) -> f64 {
        share(row.counts[column], self.totals[column])
    }

    /// The row of a theme, if some takeaway has it.
    pub fn row(&self, theme: ThemeIx) -> Option<&ThemeRow> {
        self.rows.iter().find(|r| r.theme == theme)
    }

    /// The column of an event, if some takeaway comes from it.
    pub fn column(&self, event: EventIx) -> Option<usize> {
        self.events.iter().position(|&e| e == event)
    }
}

impl Comparison {
    /// The share of each event's takeaways that `counted` has, 0 to 1.
    pub fn shares<T>(&self, counted: &Counted<T>) -> [f64; 2] {
        [0, 1].map(|side| share(counted.counts[side], self.totals[side]))
    }
}

impl ThemeRow {
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }
}

impl<T> Counted<T> {
    pub fn change(&self) -> Change {
        match self.counts {
            [0, _] => Change::Gained,
            [_, 0] => Change::Lost,
            _ => Change::Shared,
        }
    }
}

/// `part` of `whole`, 0 when `whole` is 0.
pub fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The position of the event a takeaway's article is about.
fn event_of(bundle: &OutlinedBundle, takeaway: usize) -> Option<usize> {
    bundle.article_of(&bundle.takeaways[takeaway]).event.map(EventIx::get)
}

/// The positions of a takeaway's themes.
fn themes_of(bundle: &OutlinedBundle, takeaway: usize) -> impl Iterator<Item = usize> + '_ {
    bundle.takeaways[takeaway].themes.iter().map(|&m| m.get())
}

/// The positions of the projects a takeaway mentions.
fn projects_of(bundle: &OutlinedBundle, takeaway: usize) -> impl Iterator<Item = usize> + '_ {
    bundle.takeaways[takeaway].projects.iter().map(|p| p.get())
}

pub fn theme_events(bundle: &OutlinedBundle, takeaways: &[usize]) -> ThemeEvents {
    let mut per_event = vec![0; bundle.events.len()];
    let mut counts = vec![vec![0; bundle.events.len()]; bundle.themes.len()];
    for &t in takeaways {
        let Some(event) = event_of(bundle, t) else { continue };
        per_event[event] += 1;
        themes_of(bundle, t).for_each(|theme| counts[theme][event] += 1);
    }
    let events: Vec<usize> = (0..bundle.events.len()).filter(|&e| per_event[e] > 0).collect();
    let totals: Vec<usize> = events.iter().map(|&e| per_event[e]).collect();
    let mut rows: Vec<ThemeRow> = counts
        .into_iter()
        .enumerate()
        .map(|(theme, counts)| ThemeRow {
            theme: ThemeIx::at(theme),
            counts: events.iter().map(|&e| counts[e]).collect(),
        })
        .filter(|r| r.total() > 0)
        .collect();
    let peak = |row: &ThemeRow| {
        (0..events.len())
            .max_by(|&x, &y| {
                share(row.counts[x], totals[x]).total_cmp(&share(row.counts[y], totals[y])).then(y.cmp(&x))
            })
            .unwrap_or_default()
    };
    crate::model::order::sort_by_key(&mut rows, |r| (peak(r), std::cmp::Reverse(r.total()), r.theme));
    ThemeEvents { events: events.into_iter().map(EventIx::at).collect(), totals, rows }
}

pub fn co_occurrence(bundle: &OutlinedBundle, takeaways: &[usize]) -> CoOccurrence {
    let n = bundle.themes.len();
    let mut counts = vec![0; n];
    // Upper triangle of the theme × theme matrix.
    let mut pairs = vec![0; n * n];
    for &t in takeaways {
        let themes: Vec<usize> = themes_of(bundle, t).collect();
        for (i, &x) in themes.iter().enumerate() {
            counts[x] += 1;
            for &y in &themes[i + 1..] {
                pairs[x.min(y) * n + x.max(y)] += 1;
            }
        }
    }
    let mut by_size: Vec<usize> = (0..n).filter(|&theme| counts[theme] > 0).collect();
    crate::model::order::sort_by_key(&mut by_size, |&theme| (std::cmp::Reverse(counts[theme]), theme));
    let weight = |x: usize, y: usize| pairs[x.min(y) * n + x.max(y)];
    let order = arc_order(&by_size, weight);
    let mut edges = Vec::new();
    for a in 0..order.len() {
        for b in a + 1..order.len() {
            let count = weight(order[a], order[b]);
            if count > 0 {
                let either = counts[order[a]] + counts[order[b]] - count;
                edges.push(Edge { a, b, count, jaccard: share(count, either) });
            }
        }
    }
    let nodes = order.iter().map(|&theme| Node { theme: ThemeIx::at(theme), count: counts[theme] }).collect();
    CoOccurrence { nodes, edges }
}

/// Orders themes along the network's axis so that themes sharing many takeaways sit close
/// (short arcs cross less): barycentric sweeps from the by-size order, keeping the order with
/// the least total arc length, `Σ count × distance`. Deterministic: ties keep the earlier order.
fn arc_order(by_size: &[usize], weight: impl Fn(usize, usize) -> usize) -> Vec<usize> {
    let cost = |order: &[usize]| -> usize {
        (0..order.len())
            .flat_map(|i| (i + 1..order.len()).map(move |j| (i, j)))
            .map(|(i, j)| weight(order[i], order[j]) * (j - i))
            .sum()
    };
    let mut best = (cost(by_size), by_size.to_vec());
    let mut order = by_size.to_vec();
    for _ in 0..12 {
        let centre: Vec<(f64, usize)> = order
            .iter()
            .enumerate()
            .map(|(at, &x)| {
                let (sum, total) = order.iter().enumerate().fold((0.0, 0usize), |(sum, total), (other_at, &y)| {
                    let w = if x == y { 0 } else { weight(x, y) };
                    (sum + (w * other_at) as f64, total + w)
                });
                (if total == 0 { at as f64 } else { sum / total as f64 }, at)
            })
            .collect();
        let mut next: Vec<usize> = (0..order.len()).collect();
        crate::model::order::sort_by(&mut next, |&x, &y| {
            centre[x].0.total_cmp(&centre[y].0).then(centre[x].1.cmp(&centre[y].1))
        });
        order = next.into_iter().map(|at| order[at]).collect();
        let c = cost(&order);
        if c < best.0 {
            best = (c, order.clone());
        }
    }
    best.1
}

/// The total arc length of the network's order, `Σ count × distance` (lower reads better).
pub fn arc_length(network: &CoOccurrence) -> usize {
    network.edges.iter().map(|e| e.count * (e.b - e.a)).sum()
}

pub fn theme_projects(bundle: &OutlinedBundle, takeaways: &[usize], top: usize) -> ThemeProjects {
    let mut per_project = vec![0; bundle.projects.len()];
    for &t in takeaways {
        projects_of(bundle, t).for_each(|p| per_project[p] += 1);
    }
    let mut projects: Vec<(usize, usize)> = per_project.iter().copied().enumerate().filter(|&(_, c)| c > 0).collect();
    crate::model::order::sort_by_key(&mut projects, |&(p, c)| (std::cmp::Reverse(c), p));
    projects.truncate(top);
    let position: Vec<Option<usize>> = {
        let mut position = vec![None; bundle.projects.len()];
        projects.iter().enumerate().for_each(|(at, &(p, _))| position[p] = Some(at));
        position
    };
    let mut per_theme = vec![0; bundle.themes.len()];
    let mut pairs = vec![vec![0; bundle.themes.len()]; projects.len()];
    for &t in takeaways {
        let carried: Vec<usize> = projects_of(bundle, t).filter_map(|p| position[p]).collect();
        if carried.is_empty() {
            continue;
        }
        for theme in themes_of(bundle, t) {
            per_theme[theme] += 1;
            carried.iter().for_each(|&at| pairs[at][theme] += 1);
        }
    }
    let mut themes: Vec<(usize, usize)> = per_theme.iter().copied().enumerate().filter(|&(_, c)| c > 0).collect();
    crate::model::order::sort_by_key(&mut themes, |&(theme, c)| (std::cmp::Reverse(c), theme));
    let links = pairs
        .iter()
        .enumerate()
        .flat_map(|(project, row)| {
            themes
                .iter()
                .enumerate()
                .filter(move |(_, &(theme, _))| row[theme] > 0)
                .map(move |(at, &(theme, _))| Link { project, theme: at, count: row[theme] })
        })
        .collect();
    let projects = projects.into_iter().map(|(p, count)| (ProjectIx::at(p), count)).collect();
    let themes = themes.into_iter().map(|(theme, count)| (ThemeIx::at(theme), count)).collect();
    ThemeProjects { projects, themes, links }
}

pub fn compare(bundle: &OutlinedBundle, takeaways: &[usize], a: EventIx, b: EventIx) -> Comparison {
    let mut totals = [0; 2];
    let mut themes = vec![[0; 2]; bundle.themes.len()];
    let mut projects = vec![[0; 2]; bundle.projects.len()];
    for &t in takeaways {
        let side = match event_of(bundle, t) {
            Some(e) if e == a.get() => 0,
            Some(e) if e == b.get() => 1,
            _ => continue,
        };
        totals[side] += 1;
        themes_of(bundle, t).for_each(|theme| themes[theme][side] += 1);
        projects_of(bundle, t).for_each(|p| projects[p][side] += 1);
    }
    Comparison {
        events: [a, b],
        totals,
        themes: counted(themes, ThemeIx::at),
        projects: counted(projects, ProjectIx::at),
    }
}

/// The things with takeaways at either event, gained then shared then lost, biggest first.
fn counted<T: Ord + Copy>(counts: Vec<[usize; 2]>, what: fn(usize) -> T) -> Vec<Counted<T>> {
    let mut counted: Vec<Counted<T>> = counts
        .into_iter()
        .enumerate()
        .filter(|(_, c)| c[0] + c[1] > 0)
        .map(|(at, counts)| Counted { what: what(at), counts })
        .collect();
    crate::model::order::sort_by_key(&mut counted, |c| {
        (c.change(), std::cmp::Reverse(c.counts[0] + c.counts[1]), c.what)
    });
    counted
}
