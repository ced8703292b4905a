//! The theme graphs as markup: each graph's SVG picture and its table alternative, drawn from
//! the data and layout of `crate::explore::graphs`. The same SVG is what "download SVG" saves,
//! and the build prerenders it.
//!
//! Colours are classes (`.theme-graph …` rules in the stylesheet) rather than `style`
//! attributes, which the site's CSP forbids. An element a click should follow carries the
//! list's router path in `data-href`; a node whose arcs light up on hover carries `data-node`,
//! and its arcs name it in `data-ends`. Elements are closed explicitly (`<rect …></rect>`): a
//! downloaded SVG is XML.

mod comparison;
mod heatmap;
mod network;
mod projects;
mod trend;

use std::fmt;

use maud::{html, Markup};

pub use comparison::{compared_projects, comparison};
pub use heatmap::heatmap;
pub use network::network;
pub use projects::{kind_name, projects};
pub use trend::{contrast, trend};

use super::Cx;
use crate::explore::facets::Facet;
use crate::explore::graphs::layout::{FONT, LINE};

/// The list's router path for the current filters with these picks replacing theirs.
pub type ListTarget<'a> = dyn Fn(&[(Facet, &str)]) -> String + 'a;

/// What every graph's markup needs besides its data.
pub struct GraphContext<'a> {
    pub cx: Cx<'a>,
    pub list: &'a ListTarget<'a>,
}

/// One graph, ready to insert.
#[derive(Debug, Clone)]
pub struct Figure {
    /// The SVG element's id, and the downloaded file's name.
    pub id: &'static str,
    /// The SVG's width in user units: the page lets it grow and shrink around it.
    pub width: f64,
    pub caption: String,
    pub svg: Markup,
    pub table: Markup,
}

impl GraphContext<'_> {
    /// The href of the list with `picks`.
    fn href(&self, picks: &[(Facet, &str)]) -> String {
        self.cx.route(&(self.list)(picks))
    }
}

/// A figure: its caption, the SVG in a canvas that grows to a quarter above its size and shrinks
/// to two thirds, scrolling sideways after that (the stylesheet's `.w-<size>` rules); a download
/// button; and the table alternative folded below.
pub fn figure(cx: &Cx, figure: &Figure) -> Markup {
    html! {
        figure.graph {
            figcaption { (figure.caption) }
            div.graph-scroll {
                div class={ "graph-canvas w-" (size_class(figure.width)) } { (figure.svg) }
            }
            div.graph-tools {
                button.download-svg type="button" data-action="download-svg" data-graph=(figure.id) {
                    (cx.pick("下载 SVG", "Download SVG"))
                }
            }
            details.graph-table {
                summary { (cx.pick("以表格查看", "Show as a table")) }
                div { (figure.table) }
            }
        }
    }
}

/// The stylesheet's size class for a graph `width` units wide: rounded up to 40, from 160 to 2000.
fn size_class(width: f64) -> u32 {
    ((width / 40.0).ceil() as u32 * 40).clamp(160, 2000)
}

/// `x` with `places` decimals, without the float formatting machinery (smaller wasm).
pub struct Fixed(pub f64, pub u32);

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scale = 10u64.pow(self.1);
        let scaled = (self.0.abs() * scale as f64).round() as u64;
        if self.0 < 0.0 && scaled > 0 {
            f.write_str("-")?;
        }
        write!(f, "{}", scaled / scale)?;
        if self.1 > 0 {
            write!(f, ".{:0width$}", scaled % scale, width = self.1 as usize)?;
        }
        Ok(())
    }
}

/// A coordinate: one decimal.
fn at(x: f64) -> Fixed {
    Fixed(x, 1)
}

/// "42%".
pub fn percent(share: f64) -> String {
    format!("{}%", Fixed(share * 100.0, 0))
}

/// The SVG element of graph `id`, `width` × `height`, around `content`.
fn svg(id: &str, width: f64, height: f64, aria: &str, content: Markup) -> Markup {
    html! {
        svg id=(id) class="theme-graph" xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (Fixed(width, 0)) " " (Fixed(height, 0)) }
            width="100%" role="img" aria-label=(aria) { (content) }
    }
}

/// `lines` as one SVG text, one line per tspan, centred vertically on `y`.
fn label(lines: &[String], x: f64, y: f64, anchor: &str) -> Markup {
    let first = -(lines.len() as f64 - 1.0) / 2.0;
    html! {
        text text-anchor=(anchor) dominant-baseline="central" font-size=(Fixed(FONT, 0)) {
            @for (i, line) in lines.iter().enumerate() {
                tspan x=(at(x)) y=(at(y + (first + i as f64) * LINE)) { (line) }
            }
        }
    }
}

/// A clickable group of `class` following `target`, with its `data-` attributes and tooltip.
fn link(class: &str, data: &[(&str, &str)], target: &str, tip: &str, content: Markup) -> Markup {
    // maud names attributes at compile time: the data attributes a graph needs are spelled out.
    let value = |name: &str| data.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
    html! {
        g class={ (class) " link" } data-theme=[value("data-theme")] data-event=[value("data-event")]
            data-project=[value("data-project")] data-node=[value("data-node")] data-href=(target) {
            title { (tip) }
            (content)
        }
    }
}

/// An arc or link of the network and projects graphs, lit when a node in `ends` is hovered.
fn arc(class: &str, ends: &str, d: &str, width: f64, opacity: f64, tip: &str) -> Markup {
    html! {
        path class=(class) data-ends=(ends) d=(d) stroke-width=(at(width)) stroke-opacity=(Fixed(opacity, 2)) {
            title { (tip) }
        }
    }
}

/// A table's header row.
fn head(columns: &[&str]) -> Markup {
    html! {
        thead { tr { @for column in columns { th scope="col" { (column) } } } }
    }
}
