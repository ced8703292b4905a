//! Theme graphs: how themes rise and fall across events, which travel together, which
//! projects carry them, and what changed between two events — as plain data over a set of
//! takeaways, shared by the app (which draws it as SVG) and the command line (which times it).
//!
//! Everything here depends on the takeaways the current filters leave, so none of it is stored
//! in the bundle: it is recomputed on each filter change, well within a frame (see
//! [`redraw_latencies`]).

pub mod markup;

use crate::bundle::Bundle;
use crate::facets::{Facet, Facets, Selection};

/// Theme × event counts: the heatmap.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeEvents {
    /// Indices into [`Bundle::events`] of the events the takeaways come from, by date.
    pub events: Vec<usize>,
    /// How many of the takeaways each event has, in the order of `events`.
    pub totals: Vec<usize>,
    /// Every theme some takeaway has, ordered by the event where its share peaks (so rises
    /// and falls read as a diagonal), then most takeaways first.
    pub rows: Vec<ThemeRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ThemeRow {
    /// Index into [`Bundle::themes`].
    pub theme: usize,
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
    /// Index into [`Bundle::themes`].
    pub theme: usize,
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
    /// The projects mentioned by the most takeaways (index into [`Bundle::projects`], count),
    /// biggest first.
    pub projects: Vec<(usize, usize)>,
    /// The themes of those projects' takeaways (index into [`Bundle::themes`], count of
    /// takeaways with the theme and one of the projects), biggest first.
    pub themes: Vec<(usize, usize)>,
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
    /// Indices into [`Bundle::events`]: the earlier-picked `a` and the other `b`.
    pub events: [usize; 2],
    /// Takeaways per event.
    pub totals: [usize; 2],
    /// Themes either event has: gained, then shared, then lost; biggest first within each.
    pub themes: Vec<Counted>,
    /// Projects either event mentions, biggest first.
    pub projects: Vec<Counted>,
}

/// A theme or project (an index) and its takeaway counts at the two compared events.
#[derive(Debug, Clone, PartialEq)]
pub struct Counted {
    pub index: usize,
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
    pub fn row(&self, theme: usize) -> Option<&ThemeRow> {
        self.rows.iter().find(|r| r.theme == theme)
    }

    /// The column of an event, if some takeaway comes from it.
    pub fn column(&self, event: usize) -> Option<usize> {
        self.events.iter().position(|&e| e == event)
    }
}

impl ThemeRow {
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }
}

impl Counted {
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

/// The event a takeaway's article is about.
fn event_of(bundle: &Bundle, takeaway: usize) -> Option<usize> {
    bundle.articles[bundle.takeaways[takeaway].article].event
}

fn themes_of(bundle: &Bundle, takeaway: usize) -> impl Iterator<Item = usize> + '_ {
    bundle.takeaways[takeaway].themes.iter().map(|m| m.theme)
}

pub fn theme_events(bundle: &Bundle, takeaways: &[usize]) -> ThemeEvents {
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
        .map(|(theme, counts)| ThemeRow { theme, counts: events.iter().map(|&e| counts[e]).collect() })
        .filter(|r| r.total() > 0)
        .collect();
    let peak = |row: &ThemeRow| {
        (0..events.len())
            .max_by(|&x, &y| {
                share(row.counts[x], totals[x]).total_cmp(&share(row.counts[y], totals[y])).then(y.cmp(&x))
            })
            .unwrap_or_default()
    };
    crate::order::sort_by_key(&mut rows, |r| (peak(r), std::cmp::Reverse(r.total()), r.theme));
    ThemeEvents { events, totals, rows }
}

pub fn co_occurrence(bundle: &Bundle, takeaways: &[usize]) -> CoOccurrence {
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
    crate::order::sort_by_key(&mut by_size, |&theme| (std::cmp::Reverse(counts[theme]), theme));
    let weight = |x: usize, y: usize| pairs[x.min(y) * n + x.max(y)];
    let order = arc_order(&by_size, weight);
    let nodes: Vec<Node> = order.iter().map(|&theme| Node { theme, count: counts[theme] }).collect();
    let mut edges = Vec::new();
    for a in 0..nodes.len() {
        for b in a + 1..nodes.len() {
            let count = weight(nodes[a].theme, nodes[b].theme);
            if count > 0 {
                let either = nodes[a].count + nodes[b].count - count;
                edges.push(Edge { a, b, count, jaccard: share(count, either) });
            }
        }
    }
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
        crate::order::sort_by(&mut next, |&x, &y| {
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

pub fn theme_projects(bundle: &Bundle, takeaways: &[usize], top: usize) -> ThemeProjects {
    let mut per_project = vec![0; bundle.projects.len()];
    for &t in takeaways {
        bundle.takeaways[t].projects.iter().for_each(|&p| per_project[p] += 1);
    }
    let mut projects: Vec<(usize, usize)> = per_project.iter().copied().enumerate().filter(|&(_, c)| c > 0).collect();
    crate::order::sort_by_key(&mut projects, |&(p, c)| (std::cmp::Reverse(c), p));
    projects.truncate(top);
    let position: Vec<Option<usize>> = {
        let mut position = vec![None; bundle.projects.len()];
        projects.iter().enumerate().for_each(|(at, &(p, _))| position[p] = Some(at));
        position
    };
    let mut per_theme = vec![0; bundle.themes.len()];
    let mut pairs = vec![vec![0; bundle.themes.len()]; projects.len()];
    for &t in takeaways {
        let carried: Vec<usize> = bundle.takeaways[t].projects.iter().filter_map(|&p| position[p]).collect();
        if carried.is_empty() {
            continue;
        }
        for theme in themes_of(bundle, t) {
            per_theme[theme] += 1;
            carried.iter().for_each(|&at| pairs[at][theme] += 1);
        }
    }
    let mut themes: Vec<(usize, usize)> = per_theme.iter().copied().enumerate().filter(|&(_, c)| c > 0).collect();
    crate::order::sort_by_key(&mut themes, |&(theme, c)| (std::cmp::Reverse(c), theme));
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
    ThemeProjects { projects, themes, links }
}

pub fn compare(bundle: &Bundle, takeaways: &[usize], a: usize, b: usize) -> Comparison {
    let mut totals = [0; 2];
    let mut themes = vec![[0; 2]; bundle.themes.len()];
    let mut projects = vec![[0; 2]; bundle.projects.len()];
    for &t in takeaways {
        let side = match event_of(bundle, t) {
            Some(e) if e == a => 0,
            Some(e) if e == b => 1,
            _ => continue,
        };
        totals[side] += 1;
        themes_of(bundle, t).for_each(|theme| themes[theme][side] += 1);
        bundle.takeaways[t].projects.iter().for_each(|&p| projects[p][side] += 1);
    }
    let counted = |counts: Vec<[usize; 2]>| {
        let mut counted: Vec<Counted> = counts
            .into_iter()
            .enumerate()
            .filter(|(_, c)| c[0] + c[1] > 0)
            .map(|(index, counts)| Counted { index, counts })
            .collect();
        crate::order::sort_by_key(&mut counted, |c| {
            (c.change(), std::cmp::Reverse(c.counts[0] + c.counts[1]), c.index)
        });
        counted
    };
    Comparison { events: [a, b], totals, themes: counted(themes), projects: counted(projects) }
}

/// A box in SVG user units (pixels at 1:1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.width
            && other.x < self.x + self.width
            && self.y < other.y + other.height
            && other.y < self.y + self.height
    }

    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.x + other.width <= self.x + self.width
            && other.y + other.height <= self.y + self.height
    }
}

/// Font size of graph labels, in pixels.
pub const FONT: f64 = 13.0;
/// Line height of graph labels, in pixels.
pub const LINE: f64 = 16.0;
/// Widest label line, in ems: longer names wrap.
pub const LABEL_EMS: f64 = 15.0;

/// An upper bound of a text's width in ems in the UI's sans-serif fonts (CJK full width,
/// Latin generous), so layouts computed without a browser leave room enough.
pub fn text_ems(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            _ if c as u32 >= 0x2e80 => 1.0,
            ' ' => 0.32,
            'm' | 'w' | 'M' | 'W' => 0.95,
            'i' | 'l' | 'j' | 't' | 'f' | 'r' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '(' | ')' => 0.42,
            'A'..='Z' => 0.74,
            _ => 0.62,
        })
        .sum()
}

/// `text` wrapped into lines of at most `max_ems` (a word longer than that gets a line of its
/// own): Latin breaks at spaces, Chinese between any two characters.
pub fn wrap(text: &str, max_ems: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut word = String::new();
    let push_word = |word: &mut String, line: &mut String, lines: &mut Vec<String>| {
        if !line.trim().is_empty() && text_ems(line.trim_end()) + text_ems(word.trim_end()) > max_ems {
            lines.push(line.trim_end().to_owned());
            line.clear();
            *word = word.trim_start().to_owned();
        }
        line.push_str(word);
        word.clear();
    };
    for c in text.chars() {
        let cjk = c as u32 >= 0x2e80;
        // A Chinese character, or the space after a Latin word, ends a breakable unit.
        if cjk && !word.is_empty() {
            push_word(&mut word, &mut line, &mut lines);
        }
        word.push(c);
        if cjk || c == ' ' {
            push_word(&mut word, &mut line, &mut lines);
        }
    }
    push_word(&mut word, &mut line, &mut lines);
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// The network drawn as an arc diagram: nodes down one axis in [`CoOccurrence::nodes`] order,
/// labels to their left, edges as arcs to the right. One row per node, so labels never
/// overlap however long the names, and it stays narrow enough for a phone.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkLayout {
    pub width: f64,
    pub height: f64,
    /// The axis the nodes sit on.
    pub axis: f64,
    /// In node order.
    pub nodes: Vec<PlacedNode>,
    /// SVG path data per edge, in edge order.
    pub arcs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlacedNode {
    pub y: f64,
    pub radius: f64,
    /// The label's lines; their box is `label`, right-aligned at `label.x + label.width`.
    pub lines: Vec<String>,
    pub label: Rect,
}

/// Lays `network` out with `names` (one per node) as labels.
pub fn network_layout(network: &CoOccurrence, names: &[String]) -> NetworkLayout {
    const GAP: f64 = 10.0;
    const MARGIN: f64 = 8.0;
    let max_count = network.nodes.iter().map(|n| n.count).max().unwrap_or(1) as f64;
    let lines: Vec<Vec<String>> = names.iter().map(|name| wrap(name, LABEL_EMS)).collect();
    let label_width = lines.iter().flatten().map(|l| text_ems(l) * FONT).fold(0.0, f64::max);
    let radius = |count: usize| 3.0 + 9.0 * (count as f64 / max_count).sqrt();
    let axis = MARGIN + label_width + GAP + radius(max_count as usize);
    let mut y = MARGIN;
    let mut nodes = Vec::with_capacity(network.nodes.len());
    for (node, lines) in network.nodes.iter().zip(lines) {
        let r = radius(node.count);
        let text_height = lines.len() as f64 * LINE;
        let row = text_height.max(2.0 * r) + 12.0;
        let centre = y + row / 2.0;
        let width = lines.iter().map(|l| text_ems(l) * FONT).fold(0.0, f64::max);
        let label = Rect { x: axis - r - GAP / 2.0 - width, y: centre - text_height / 2.0, width, height: text_height };
        nodes.push(PlacedNode { y: centre, radius: r, lines, label });
        y += row;
    }
    // Elliptical arcs narrower than tall keep long spans from widening the picture much.
    let mut reach: f64 = 0.0;
    let arcs = network
        .edges
        .iter()
        .map(|e| {
            let (top, bottom) = (nodes[e.a].y, nodes[e.b].y);
            let ry = (bottom - top) / 2.0;
            reach = reach.max(ry * 0.75);
            // Coordinates as in the markup: integer formatting only (smaller wasm).
            let (axis, top, bottom) = (markup::at(axis), markup::at(top), markup::at(bottom));
            format!("M{axis} {top}A{} {} 0 0 1 {axis} {bottom}", markup::at(ry * 0.75), markup::at(ry))
        })
        .collect();
    let width = axis + reach.max(radius(max_count as usize)) + MARGIN + 4.0;
    NetworkLayout { width, height: y + MARGIN, axis, nodes, arcs }
}

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
    let (first, last) = (0, bundle.events.len().saturating_sub(1));
    let list = |picks: &[(Facet, &str)]| {
        picks.iter().map(|(facet, value)| format!("{}={value}", facet.key())).collect::<Vec<_>>().join("&")
    };
    let cx = markup::GraphContext { bundle, lang: crate::lang::Lang::Zh, base: "", list: &list };
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
