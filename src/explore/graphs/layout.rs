//! Where each theme graph's parts go: sizes, rows, columns and arcs in SVG user units (pixels
//! at 1:1), computed without a browser from the labels' texts, so that they can be tested
//! natively. `crate::render::graphs` draws them.

use super::{Change, CoOccurrence, Comparison, ThemeEvents, ThemeProjects};

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
    /// Per edge, in edge order.
    pub arcs: Vec<Arc>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlacedNode {
    pub y: f64,
    pub radius: f64,
    /// The label's lines; their box is `label`, right-aligned at `label.x + label.width`.
    pub lines: Vec<String>,
    pub label: Rect,
}

/// An elliptical arc from `(axis, top)` down to `(axis, bottom)`, bulging right.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Arc {
    pub top: f64,
    pub bottom: f64,
    /// The ellipse's radii: narrower than tall, so long spans do not widen the picture much.
    pub rx: f64,
    pub ry: f64,
}

/// Lays `network` out with `names` (one per node) as labels.
pub fn network_layout(network: &CoOccurrence, names: &[String]) -> NetworkLayout {
    const GAP: f64 = 10.0;
    const MARGIN: f64 = 8.0;
    let max_count = network.nodes.iter().map(|n| n.count).max().unwrap_or(1) as f64;
    let lines: Vec<Vec<String>> = names.iter().map(|name| wrap(name, LABEL_EMS)).collect();
    let label_width = widest(lines.iter().flatten(), FONT);
    let radius = |count: usize| 3.0 + 9.0 * (count as f64 / max_count).sqrt();
    let axis = MARGIN + label_width + GAP + radius(max_count as usize);
    let mut y = MARGIN;
    let mut nodes = Vec::with_capacity(network.nodes.len());
    for (node, lines) in network.nodes.iter().zip(lines) {
        let r = radius(node.count);
        let text_height = lines.len() as f64 * LINE;
        let row = text_height.max(2.0 * r) + 12.0;
        let centre = y + row / 2.0;
        let width = widest(&lines, FONT);
        let label = Rect { x: axis - r - GAP / 2.0 - width, y: centre - text_height / 2.0, width, height: text_height };
        nodes.push(PlacedNode { y: centre, radius: r, lines, label });
        y += row;
    }
    let arcs: Vec<Arc> = network
        .edges
        .iter()
        .map(|e| {
            let (top, bottom) = (nodes[e.a].y, nodes[e.b].y);
            let ry = (bottom - top) / 2.0;
            Arc { top, bottom, rx: ry * 0.75, ry }
        })
        .collect();
    let reach = arcs.iter().map(|a| a.rx).fold(0.0, f64::max);
    let width = axis + reach.max(radius(max_count as usize)) + MARGIN + 4.0;
    NetworkLayout { width, height: y + MARGIN, axis, nodes, arcs }
}

/// Label widths in ems before wrapping in the heatmap: narrower than the network's, the
/// columns need room.
const HEATMAP_LABEL_EMS: f64 = 14.0;
/// Font size of the heatmap's column headers.
pub const HEADER_FONT: f64 = 12.0;

/// The heatmap: theme names down the left, a column per event, a row per theme.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatmapLayout {
    pub width: f64,
    pub height: f64,
    /// Where the first column starts; labels end 10 units before it.
    pub left: f64,
    pub column: f64,
    /// Height of the column headers (three lines: year, region, city).
    pub header_height: f64,
    /// Per row of [`ThemeEvents::rows`]: its label's lines, top and height.
    pub rows: Vec<Band>,
    /// The largest share of any cell, which gets the darkest shade.
    pub max_share: f64,
}

/// A horizontal band of a graph: a row with a wrapped label.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub lines: Vec<String>,
    pub y: f64,
    pub height: f64,
}

impl Band {
    pub fn middle(&self) -> f64 {
        self.y + self.height / 2.0
    }
}

/// Lays the heatmap out with `names` (one per row) and `headers` (year, region, city per event).
pub fn heatmap_layout(data: &ThemeEvents, names: &[String], headers: &[[String; 3]]) -> HeatmapLayout {
    let lines: Vec<Vec<String>> = names.iter().map(|name| wrap(name, HEATMAP_LABEL_EMS)).collect();
    let label_width = widest(lines.iter().flatten(), FONT);
    let column = headers.iter().map(|h| widest(h, HEADER_FONT) + 12.0).fold(68.0, f64::max);
    let left = 8.0 + label_width + 10.0;
    let width = left + column * data.events.len() as f64 + 8.0;
    let max_share =
        data.rows.iter().flat_map(|r| (0..data.events.len()).map(move |c| data.share(r, c))).fold(0.0, f64::max);
    let header_height = 3.0 * LINE + 10.0;
    let mut y = header_height;
    let rows: Vec<Band> = lines
        .into_iter()
        .map(|lines| {
            let height = (lines.len() as f64 * LINE + 8.0).max(40.0);
            let band = Band { lines, y, height };
            y += height;
            band
        })
        .collect();
    HeatmapLayout { width, height: y + 8.0, left, column, header_height, rows, max_share }
}

impl HeatmapLayout {
    /// The fill opacity of a cell with `share`: 0.12 to 1, the largest share darkest.
    pub fn shade(&self, share: f64) -> f64 {
        if self.max_share > 0.0 {
            0.12 + 0.88 * share / self.max_share
        } else {
            0.0
        }
    }
}

/// Horizontal room the projects graph's links get between its two columns.
const MIDDLE: f64 = 120.0;

/// Themes ↔ projects: projects down the left, themes down the right, links between.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectsLayout {
    pub width: f64,
    pub height: f64,
    /// The projects' and the themes' axes.
    pub x1: f64,
    pub x2: f64,
    /// Per project of [`ThemeProjects::projects`], its centre.
    pub project_y: Vec<f64>,
    /// Per theme of [`ThemeProjects::themes`], its label's lines and centre.
    pub themes: Vec<(Vec<String>, f64)>,
}

/// Lays the projects graph out with the projects' `project_names` and the themes' `theme_names`.
pub fn projects_layout(graph: &ThemeProjects, project_names: &[&str], theme_names: &[String]) -> ProjectsLayout {
    let theme_lines: Vec<Vec<String>> = theme_names.iter().map(|name| wrap(name, LABEL_EMS)).collect();
    let left_width = widest(project_names, FONT);
    let right_width = widest(theme_lines.iter().flatten(), FONT);
    let x1 = 8.0 + left_width + 14.0;
    let x2 = x1 + MIDDLE;
    let theme_rows: Vec<f64> = theme_lines.iter().map(|l| l.len() as f64 * LINE + 8.0).collect();
    let height = (graph.projects.len() as f64 * 24.0).max(theme_rows.iter().sum()) + 16.0;
    // Each column spread over the full height, so links fan out evenly.
    let project_y = (0..graph.projects.len())
        .map(|at| 8.0 + (at as f64 + 0.5) * (height - 16.0) / graph.projects.len() as f64)
        .collect();
    let spare = (height - 16.0 - theme_rows.iter().sum::<f64>()) / theme_rows.len() as f64;
    let mut y = 8.0;
    let themes = theme_lines
        .into_iter()
        .zip(&theme_rows)
        .map(|(lines, row)| {
            let centre = y + (row + spare) / 2.0;
            y += row + spare;
            (lines, centre)
        })
        .collect();
    ProjectsLayout { width: x2 + 14.0 + right_width + 8.0, height, x1, x2, project_y, themes }
}

/// Longest bar of the comparison, in pixels.
pub const BAR: f64 = 100.0;
/// Room for a bar's "3 · 30%".
const FIGURES: f64 = 56.0;
/// Theme names wrap narrower than elsewhere in the comparison: the bars need the room on a phone.
const COMPARE_LABEL_EMS: f64 = 11.0;

/// Two events' themes as back-to-back bars: A's bars grow left from `left_axis`, B's right from
/// `right_axis`, the theme names centred between; themes grouped by what changed.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonLayout {
    pub width: f64,
    pub height: f64,
    pub left_axis: f64,
    pub centre: f64,
    pub right_axis: f64,
    /// The middle of the two events' headings.
    pub heads_y: f64,
    /// Each group's heading and where it starts.
    pub groups: Vec<(Change, f64)>,
    /// Per theme of [`Comparison::themes`].
    pub rows: Vec<Band>,
    /// The largest share either event gives a theme: the longest bar.
    pub max_share: f64,
}

/// Lays the comparison out with `names`, one per theme of `comparison`.
pub fn comparison_layout(comparison: &Comparison, names: &[String]) -> ComparisonLayout {
    let lines: Vec<Vec<String>> = names.iter().map(|name| wrap(name, COMPARE_LABEL_EMS)).collect();
    let label_width = widest(lines.iter().flatten(), FONT);
    let left_axis = 8.0 + FIGURES + BAR;
    let centre = left_axis + 10.0 + label_width / 2.0;
    let right_axis = left_axis + 20.0 + label_width;
    let max_share = comparison.themes.iter().flat_map(|c| comparison.shares(c)).fold(0.0, f64::max).max(f64::EPSILON);
    let heads_y = 8.0 + 2.0 * LINE;
    let mut y = 8.0 + 4.0 * LINE + 8.0;
    let mut groups: Vec<(Change, f64)> = Vec::new();
    let mut rows = Vec::with_capacity(lines.len());
    for (c, lines) in comparison.themes.iter().zip(lines) {
        if groups.last().map(|g| g.0) != Some(c.change()) {
            if !groups.is_empty() {
                y += 10.0;
            }
            groups.push((c.change(), y));
            y += 28.0;
        }
        let height = (lines.len() as f64 * LINE + 8.0).max(28.0);
        rows.push(Band { lines, y, height });
        y += height;
    }
    let width = right_axis + BAR + FIGURES + 8.0;
    ComparisonLayout { width, height: y + 8.0, left_axis, centre, right_axis, heads_y, groups, rows, max_share }
}

impl ComparisonLayout {
    /// The length of a bar showing `share`: at least 2, so a small share still shows.
    pub fn bar(&self, share: f64) -> f64 {
        (BAR * share / self.max_share).max(2.0)
    }
}

/// The widest of `lines` at `font` size.
fn widest<S: AsRef<str>>(lines: impl IntoIterator<Item = S>, font: f64) -> f64 {
    lines.into_iter().map(|l| text_ems(l.as_ref()) * font).fold(0.0, f64::max)
}
