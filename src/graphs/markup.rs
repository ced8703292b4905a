//! The theme graphs as markup: each graph's SVG picture and its table alternative built as
//! strings, which the app inserts whole. One string per graph costs far less wasm than a view
//! per element, the same text is what "download SVG" saves, and native tests can read it.
//!
//! Every text from the corpus is escaped. Colours are classes (`.theme-graph …` rules in the
//! stylesheet) rather than `style` attributes, which the site's CSP forbids. An element a click
//! should follow carries the list's router path in `data-href`; a node whose arcs light up on
//! hover carries `data-node`, and its arcs name it in `data-ends`.

use std::fmt::{self, Write};

use super::{
    share, text_ems, wrap, Change, CoOccurrence, Comparison, Counted, ThemeEvents, ThemeProjects, FONT, LABEL_EMS, LINE,
};
use crate::bundle::Bundle;
use crate::facets::Facet;
use crate::html::escape_into;
use crate::lang::Lang;

/// The list's router path for the current filters with these picks replacing theirs.
pub type ListTarget<'a> = dyn Fn(&[(Facet, &str)]) -> String + 'a;

/// What every graph's markup needs besides its data.
pub struct GraphContext<'a> {
    pub bundle: &'a Bundle,
    pub lang: Lang,
    /// The path the site is served under, for the tables' links (`""` at the root).
    pub base: &'a str,
    pub list: &'a ListTarget<'a>,
}

/// One graph, ready to insert.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The SVG element's id, and the downloaded file's name.
    pub id: &'static str,
    /// The SVG's width in user units: the page lets it grow and shrink around it.
    pub width: f64,
    pub caption: String,
    pub svg: String,
    pub table: String,
}

/// `x` with `places` decimals, without the float formatting machinery (smaller wasm).
pub(crate) struct Fixed(f64, u32);

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scale = 10u64.pow(self.1);
        let scaled = (self.0.abs() * scale as f64).round() as u64;
        if self.0 < 0.0 && scaled > 0 {
            f.write_char('-')?;
        }
        write!(f, "{}", scaled / scale)?;
        if self.1 > 0 {
            write!(f, ".{:0width$}", scaled % scale, width = self.1 as usize)?;
        }
        Ok(())
    }
}

/// A coordinate: one decimal.
pub(crate) fn at(x: f64) -> Fixed {
    Fixed(x, 1)
}

/// "42%".
pub fn percent(share: f64) -> String {
    format!("{}%", Fixed(share * 100.0, 0))
}

/// "3 takeaways" / "3 条要点".
pub fn takeaways_count(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Zh => format!("{count} 条要点"),
        Lang::En => format!("{count} takeaway{}", if count == 1 { "" } else { "s" }),
    }
}

/// Appends ` name="value"`, the value escaped.
fn attr(out: &mut String, name: &str, value: &str) {
    let _ = write!(out, " {name}=\"");
    escape_into(out, value);
    out.push('"');
}

/// Appends `<tag>text</tag>`, the text escaped.
fn element(out: &mut String, tag: &str, text: &str) {
    let _ = write!(out, "<{tag}>");
    escape_into(out, text);
    let _ = write!(out, "</{tag}>");
}

/// Opens the SVG element of graph `id`.
fn open_svg(out: &mut String, id: &str, width: f64, height: f64, aria: &str) {
    let _ = write!(
        out,
        "<svg id=\"{id}\" class=\"theme-graph\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"100%\" role=\"img\"",
        Fixed(width, 0),
        Fixed(height, 0)
    );
    attr(out, "aria-label", aria);
    out.push('>');
}

/// `lines` as one SVG text, one line per tspan, centred vertically on `y`.
fn label(out: &mut String, lines: &[String], x: f64, y: f64, anchor: &str) {
    let _ =
        write!(out, "<text text-anchor=\"{anchor}\" dominant-baseline=\"central\" font-size=\"{}\">", Fixed(FONT, 0));
    let first = -(lines.len() as f64 - 1.0) / 2.0;
    for (i, line) in lines.iter().enumerate() {
        let _ = write!(out, "<tspan x=\"{}\" y=\"{}\">", at(x), at(y + (first + i as f64) * LINE));
        escape_into(out, line);
        out.push_str("</tspan>");
    }
    out.push_str("</text>");
}

/// Opens a clickable group of `class` following `target`, with its `data-` attributes and tooltip.
fn open_link(out: &mut String, class: &str, data: &[(&str, &str)], target: &str, tip: &str) {
    let _ = write!(out, "<g class=\"{class} link\"");
    for (name, value) in data {
        attr(out, name, value);
    }
    attr(out, "data-href", target);
    out.push('>');
    element(out, "title", tip);
}

/// An arc or link of the network and projects graphs, lit when a node in `ends` is hovered.
fn arc(out: &mut String, class: &str, ends: &str, d: &str, width: f64, opacity: f64, tip: &str) {
    let _ = write!(
        out,
        "<path class=\"{class}\" data-ends=\"{ends}\" d=\"{d}\" stroke-width=\"{}\" stroke-opacity=\"{}\">",
        at(width),
        Fixed(opacity, 2)
    );
    element(out, "title", tip);
    out.push_str("</path>");
}

/// The table's header row.
fn head(out: &mut String, columns: &[&str]) {
    out.push_str("<thead><tr>");
    for column in columns {
        out.push_str("<th scope=\"col\">");
        escape_into(out, column);
        out.push_str("</th>");
    }
    out.push_str("</tr></thead>");
}

impl GraphContext<'_> {
    fn name(&self, names: &crate::bundle::Names) -> String {
        self.lang.name(names)
    }

    /// The href of the list with `picks`.
    fn href(&self, picks: &[(Facet, &str)]) -> String {
        format!("{}{}", self.base, (self.list)(picks))
    }

    /// A link to the list with `picks`, for the tables.
    fn link(&self, out: &mut String, picks: &[(Facet, &str)], text: &str) {
        out.push_str("<a");
        attr(out, "href", &self.href(picks));
        out.push('>');
        escape_into(out, text);
        out.push_str("</a>");
    }
}

/// Label widths in ems before wrapping in the heatmap: narrower than the network's, the
/// columns need room.
const HEATMAP_LABEL_EMS: f64 = 14.0;
const HEADER_FONT: f64 = 12.0;

/// Themes × events: a cell per theme and event with the count and share, shaded by share. A
/// cell with takeaways opens the list filtered to its theme and event. None when empty.
pub fn heatmap(cx: &GraphContext, data: &ThemeEvents) -> Option<Figure> {
    if data.rows.is_empty() {
        return None;
    }
    let (lang, bundle) = (cx.lang, cx.bundle);
    let names: Vec<Vec<String>> =
        data.rows.iter().map(|r| wrap(&cx.name(&bundle.themes[r.theme].name), HEATMAP_LABEL_EMS)).collect();
    let headers: Vec<[String; 3]> = data
        .events
        .iter()
        .map(|&e| {
            let event = &bundle.events[e];
            [event.start.get(..4).unwrap_or_default().to_owned(), cx.name(&event.region), cx.name(&event.city)]
        })
        .collect();
    let width_of = |lines: &[String], font: f64| lines.iter().map(|l| text_ems(l) * font).fold(0.0, f64::max);
    let label_width = names.iter().map(|l| width_of(l, FONT)).fold(0.0, f64::max);
    let column = headers.iter().map(|h| width_of(h, HEADER_FONT) + 12.0).fold(68.0, f64::max);
    let left = 8.0 + label_width + 10.0;
    let width = left + column * data.events.len() as f64 + 8.0;
    let max_share =
        data.rows.iter().flat_map(|r| (0..data.events.len()).map(move |c| data.share(r, c))).fold(0.0, f64::max);
    let heights: Vec<f64> = names.iter().map(|lines| (lines.len() as f64 * LINE + 8.0).max(40.0)).collect();
    let header_height = 3.0 * LINE + 10.0;
    let height = header_height + heights.iter().sum::<f64>() + 8.0;
    let aria = match lang {
        Lang::Zh => format!("热力图：{} 个主题 × {} 场大会，每格为该大会含此主题的要点数与占比", data.rows.len(), data.events.len()),
        Lang::En => format!(
            "Heatmap of {} themes by {} events: each cell is the number and share of the event's takeaways with the theme",
            data.rows.len(),
            data.events.len()
        ),
    };

    let mut svg = String::new();
    open_svg(&mut svg, "theme-heatmap", width, height, &aria);
    for (c, lines) in headers.iter().enumerate() {
        let x = left + column * (c as f64 + 0.5);
        let _ = write!(svg, "<text text-anchor=\"middle\" font-size=\"{}\" class=\"muted\">", Fixed(HEADER_FONT, 0));
        for (i, line) in lines.iter().enumerate() {
            let weight = if i == 0 { 700 } else { 400 };
            let _ = write!(
                svg,
                "<tspan x=\"{}\" y=\"{}\" font-weight=\"{weight}\">",
                at(x),
                at(6.0 + LINE * (i as f64 + 0.7))
            );
            escape_into(&mut svg, line);
            svg.push_str("</tspan>");
        }
        svg.push_str("</text>");
    }
    let mut y = header_height;
    for ((row, lines), row_height) in data.rows.iter().zip(&names).zip(&heights) {
        let theme = &bundle.themes[row.theme];
        svg.push_str("<g class=\"heat-row\">");
        label(&mut svg, lines, left - 10.0, y + row_height / 2.0, "end");
        for (c, &e) in data.events.iter().enumerate() {
            let (count, share) = (row.counts[c], data.share(row, c));
            let event = &bundle.events[e];
            let tip = format!(
                "{} · {}: {} ({})",
                cx.name(&theme.name),
                cx.name(&event.short_name()),
                takeaways_count(lang, count),
                percent(share)
            );
            let data_attrs = [("data-theme", theme.id.as_str()), ("data-event", event.id.as_str())];
            let shade = if max_share > 0.0 { 0.12 + 0.88 * share / max_share } else { 0.0 };
            // Figures on a dark shade are drawn in the background colour.
            let ink = if count == 0 {
                "muted"
            } else if shade > 0.55 {
                "on-accent"
            } else {
                "ink"
            };
            if count == 0 {
                // An empty cell links nowhere.
                svg.push_str("<g class=\"cell\"");
                data_attrs.iter().for_each(|(name, value)| attr(&mut svg, name, value));
                svg.push('>');
                element(&mut svg, "title", &tip);
            } else {
                let target = (cx.list)(&[(Facet::Theme, &theme.id), (Facet::Event, &event.id)]);
                open_link(&mut svg, "cell", &data_attrs, &target, &tip);
            }
            let x = left + column * c as f64;
            let (cx_, cy) = (x + column / 2.0, y + row_height / 2.0);
            let _ = write!(
                svg,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\" fill-opacity=\"{}\"/>",
                at(x + 2.0),
                at(y + 2.0),
                at(column - 4.0),
                at(row_height - 4.0),
                Fixed(if count == 0 { 1.0 } else { shade }, 2)
            );
            let (figure, share_text) =
                if count == 0 { ("·".to_owned(), String::new()) } else { (count.to_string(), percent(share)) };
            for (dy, size, weight, text) in [(-6.0, 14, 700, figure), (9.0, 10, 400, share_text)] {
                let _ = write!(
                    svg,
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" dominant-baseline=\"central\" font-size=\"{size}\" font-weight=\"{weight}\" class=\"{ink}\">{text}</text>",
                    at(cx_),
                    at(cy + dy)
                );
            }
            svg.push_str("</g>");
        }
        svg.push_str("</g>");
        y += row_height;
    }
    svg.push_str("</svg>");

    let mut table = String::from("<table class=\"graph-data\"><thead><tr><th scope=\"col\">");
    escape_into(&mut table, lang.pick("主题", "Theme"));
    table.push_str("</th>");
    for (&e, &total) in data.events.iter().zip(&data.totals) {
        table.push_str("<th scope=\"col\">");
        escape_into(&mut table, &cx.name(&bundle.events[e].short_name()));
        table.push_str("<br>");
        escape_into(&mut table, &takeaways_count(lang, total));
        table.push_str("</th>");
    }
    table.push_str("</tr></thead><tbody>");
    for row in &data.rows {
        let theme = &bundle.themes[row.theme];
        table.push_str("<tr><th scope=\"row\">");
        escape_into(&mut table, &cx.name(&theme.name));
        table.push_str("</th>");
        for (c, &e) in data.events.iter().enumerate() {
            let text = format!("{} ({})", row.counts[c], percent(data.share(row, c)));
            table.push_str("<td>");
            if row.counts[c] == 0 {
                escape_into(&mut table, &text);
            } else {
                cx.link(&mut table, &[(Facet::Theme, &theme.id), (Facet::Event, &bundle.events[e].id)], &text);
            }
            table.push_str("</td>");
        }
        table.push_str("</tr>");
    }
    table.push_str("</tbody></table>");
    let caption = lang.pick(
        "主题的起落：每场大会（按时间从左到右）含该主题的要点数；颜色越深，占该大会要点的比例越高。点击格子查看这些要点。",
        "How themes rise and fall: takeaways per theme at each event, oldest left; the darker, the larger the share of that event's takeaways. Click a cell for its takeaways.",
    );
    Some(Figure { id: "theme-heatmap", width, caption: caption.to_owned(), svg, table })
}

/// The co-occurrence network as an arc diagram (see [`super::network_layout`]): hovering a
/// node lights its arcs, clicking it opens the list filtered to its theme. None when empty.
pub fn network(cx: &GraphContext, network: &CoOccurrence) -> Option<Figure> {
    if network.nodes.is_empty() {
        return None;
    }
    let (lang, bundle) = (cx.lang, cx.bundle);
    let names: Vec<String> = network.nodes.iter().map(|n| cx.name(&bundle.themes[n.theme].name)).collect();
    let layout = super::network_layout(network, &names);
    let max_edge = network.edges.iter().map(|e| e.count).max().unwrap_or(1) as f64;
    let max_jaccard = network.edges.iter().map(|e| e.jaccard).fold(f64::EPSILON, f64::max);
    let aria = match lang {
        Lang::Zh => format!(
            "主题共现网络：{} 个主题，{} 条连线，线越粗共享的要点越多",
            network.nodes.len(),
            network.edges.len()
        ),
        Lang::En => format!(
            "Theme co-occurrence network: {} themes, {} links, thicker where they share more takeaways",
            network.nodes.len(),
            network.edges.len()
        ),
    };
    let mut svg = String::new();
    open_svg(&mut svg, "theme-network", layout.width, layout.height, &aria);
    svg.push_str("<g class=\"arcs\">");
    for (edge, d) in network.edges.iter().zip(&layout.arcs) {
        let tip = format!(
            "{} + {}: {} · Jaccard {}",
            names[edge.a],
            names[edge.b],
            takeaways_count(lang, edge.count),
            Fixed(edge.jaccard, 2)
        );
        // Faint where the pair is a small part of either theme: the strong ties stand out.
        let opacity = 0.12 + 0.6 * edge.jaccard / max_jaccard;
        let width = 1.0 + 6.0 * edge.count as f64 / max_edge;
        arc(&mut svg, "arc", &format!("{} {}", edge.a, edge.b), d, width, opacity, &tip);
    }
    svg.push_str("</g>");
    for (i, (node, placed)) in network.nodes.iter().zip(&layout.nodes).enumerate() {
        let theme = &bundle.themes[node.theme];
        let shared = network.edges.iter().filter(|e| e.a == i || e.b == i).count();
        let tip = match lang {
            Lang::Zh => format!("{}：{} 条要点，与 {shared} 个主题共现", names[i], node.count),
            Lang::En => format!("{}: {}, shared with {shared} themes", names[i], takeaways_count(lang, node.count)),
        };
        let target = (cx.list)(&[(Facet::Theme, &theme.id)]);
        open_link(&mut svg, "node", &[("data-theme", &theme.id), ("data-node", &i.to_string())], &target, &tip);
        let _ = write!(
            svg,
            "<circle class=\"theme\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>",
            at(layout.axis),
            at(placed.y),
            at(placed.radius)
        );
        label(&mut svg, &placed.lines, placed.label.x + placed.label.width, placed.y, "end");
        svg.push_str("</g>");
    }
    svg.push_str("</svg>");

    let theme_column = lang.pick("主题", "Theme");
    let mut table = String::from("<table class=\"graph-data\">");
    head(&mut table, &[theme_column, lang.pick("要点", "Takeaways")]);
    table.push_str("<tbody>");
    for (node, name) in network.nodes.iter().zip(&names) {
        table.push_str("<tr><th scope=\"row\">");
        cx.link(&mut table, &[(Facet::Theme, &bundle.themes[node.theme].id)], name);
        let _ = write!(table, "</th><td>{}</td></tr>", node.count);
    }
    table.push_str("</tbody></table><table class=\"graph-data\">");
    head(&mut table, &[theme_column, theme_column, lang.pick("共同的要点", "Shared takeaways"), "Jaccard"]);
    table.push_str("<tbody>");
    let mut edges = network.edges.clone();
    crate::order::sort_by(&mut edges, |x, y| y.count.cmp(&x.count).then(y.jaccard.total_cmp(&x.jaccard)));
    for e in &edges {
        table.push_str("<tr>");
        element(&mut table, "td", &names[e.a]);
        element(&mut table, "td", &names[e.b]);
        let _ = write!(table, "<td>{}</td><td>{}</td></tr>", e.count, Fixed(e.jaccard, 2));
    }
    table.push_str("</tbody></table>");
    let caption = lang.pick(
        "哪些主题一起出现：圆点越大要点越多，弧线越粗两个主题共享的要点越多；相关的主题排得更近。悬停查看数字，点击主题查看其要点。",
        "Which themes travel together: bigger dots for more takeaways, thicker arcs where two themes share more; related themes sit close. Hover for counts, click a theme for its takeaways.",
    );
    Some(Figure { id: "theme-network", width: layout.width, caption: caption.to_owned(), svg, table })
}

/// Horizontal room the projects graph's links get between its two columns.
const MIDDLE: f64 = 120.0;

fn kind_name(lang: Lang, kind: crate::bundle::ProjectKind) -> &'static str {
    use crate::bundle::ProjectKind;
    match kind {
        ProjectKind::Project => lang.pick("开源项目", "project"),
        ProjectKind::Product => lang.pick("产品", "product"),
        ProjectKind::Vendor => lang.pick("厂商", "vendor"),
    }
}

/// Themes ↔ projects: the projects (coloured by kind) on the left, the themes of their
/// takeaways on the right, a link as wide as the takeaways they share. Hovering a project
/// lights its links; clicking a project or theme filters the list. None without links.
pub fn projects(cx: &GraphContext, graph: &ThemeProjects) -> Option<Figure> {
    if graph.links.is_empty() {
        return None;
    }
    let (lang, bundle) = (cx.lang, cx.bundle);
    let theme_lines: Vec<Vec<String>> =
        graph.themes.iter().map(|&(t, _)| wrap(&cx.name(&bundle.themes[t].name), LABEL_EMS)).collect();
    let left_width = graph.projects.iter().map(|&(p, _)| text_ems(&bundle.projects[p].name) * FONT).fold(0.0, f64::max);
    let right_width = theme_lines.iter().flatten().map(|l| text_ems(l) * FONT).fold(0.0, f64::max);
    let (x1, x2) = (8.0 + left_width + 14.0, 8.0 + left_width + 14.0 + MIDDLE);
    let theme_rows: Vec<f64> = theme_lines.iter().map(|l| l.len() as f64 * LINE + 8.0).collect();
    let height = (graph.projects.len() as f64 * 24.0).max(theme_rows.iter().sum()) + 16.0;
    // Each column spread over the full height, so links fan out evenly.
    let project_y = |at: usize| 8.0 + (at as f64 + 0.5) * (height - 16.0) / graph.projects.len() as f64;
    let theme_y: Vec<f64> = {
        let spare = (height - 16.0 - theme_rows.iter().sum::<f64>()) / theme_rows.len() as f64;
        let mut y = 8.0;
        theme_rows
            .iter()
            .map(|row| {
                let centre = y + (row + spare) / 2.0;
                y += row + spare;
                centre
            })
            .collect()
    };
    let width = x2 + 14.0 + right_width + 8.0;
    let max_link = graph.links.iter().map(|l| l.count).max().unwrap_or(1) as f64;
    let max_project = graph.projects.first().map_or(1, |p| p.1) as f64;
    let aria = match lang {
        Lang::Zh => format!(
            "项目与主题：提及最多的 {} 个项目、产品和厂商，连到其要点的 {} 个主题",
            graph.projects.len(),
            graph.themes.len()
        ),
        Lang::En => format!(
            "Projects and themes: the {} most mentioned projects, products and vendors, linked to the {} themes of their takeaways",
            graph.projects.len(),
            graph.themes.len()
        ),
    };

    let mut svg = String::new();
    open_svg(&mut svg, "theme-projects", width, height, &aria);
    svg.push_str("<g class=\"arcs\">");
    let mid = (x1 + x2) / 2.0;
    for link in &graph.links {
        let (y1, y2) = (project_y(link.project), theme_y[link.theme]);
        let project = &bundle.projects[graph.projects[link.project].0];
        let theme = &bundle.themes[graph.themes[link.theme].0];
        let tip = format!("{} · {}: {}", project.name, cx.name(&theme.name), takeaways_count(lang, link.count));
        let d = format!("M{} {}C{} {} {} {} {} {}", at(x1), at(y1), at(mid), at(y1), at(mid), at(y2), at(x2), at(y2));
        let class = format!("arc {}", project.kind.as_str());
        let width = 1.0 + 5.0 * link.count as f64 / max_link;
        arc(&mut svg, &class, &link.project.to_string(), &d, width, 0.4, &tip);
    }
    svg.push_str("</g>");
    for (at_, &(p, count)) in graph.projects.iter().enumerate() {
        let project = &bundle.projects[p];
        let tip = format!("{} ({}): {}", project.name, kind_name(lang, project.kind), takeaways_count(lang, count));
        let target = (cx.list)(&[(Facet::Project, &project.id)]);
        open_link(&mut svg, "node", &[("data-project", &project.id), ("data-node", &at_.to_string())], &target, &tip);
        let y = project_y(at_);
        let r = 2.5 + 5.0 * (count as f64 / max_project).sqrt();
        let _ = write!(
            svg,
            "<circle class=\"{}\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>",
            project.kind.as_str(),
            at(x1),
            at(y),
            at(r)
        );
        label(&mut svg, std::slice::from_ref(&project.name), x1 - 10.0, y, "end");
        svg.push_str("</g>");
    }
    for ((&(t, count), lines), &y) in graph.themes.iter().zip(&theme_lines).zip(&theme_y) {
        let theme = &bundle.themes[t];
        let tip = format!("{}: {}", cx.name(&theme.name), takeaways_count(lang, count));
        let target = (cx.list)(&[(Facet::Theme, &theme.id)]);
        open_link(&mut svg, "node", &[("data-theme", &theme.id)], &target, &tip);
        let _ = write!(svg, "<circle class=\"ink\" cx=\"{}\" cy=\"{}\" r=\"4\"/>", at(x2), at(y));
        label(&mut svg, lines, x2 + 10.0, y, "start");
        svg.push_str("</g>");
    }
    svg.push_str("</svg>");

    let mut table = String::from("<table class=\"graph-data\">");
    head(
        &mut table,
        &[
            lang.pick("项目", "Project"),
            lang.pick("类型", "Kind"),
            lang.pick("要点", "Takeaways"),
            lang.pick("主题（共同的要点）", "Themes (shared takeaways)"),
        ],
    );
    table.push_str("<tbody>");
    for (at_, &(p, count)) in graph.projects.iter().enumerate() {
        let project = &bundle.projects[p];
        let carried: Vec<String> = graph
            .links
            .iter()
            .filter(|l| l.project == at_)
            .map(|l| format!("{} ({})", cx.name(&bundle.themes[graph.themes[l.theme].0].name), l.count))
            .collect();
        table.push_str("<tr><th scope=\"row\">");
        cx.link(&mut table, &[(Facet::Project, &project.id)], &project.name);
        let _ = write!(table, "</th><td>{}</td><td>{count}</td>", kind_name(lang, project.kind));
        element(&mut table, "td", &carried.join(lang.pick("、", ", ")));
        table.push_str("</tr>");
    }
    table.push_str("</tbody></table>");
    let caption = match lang {
        Lang::Zh => format!(
            "哪些项目承载哪些主题：提及最多的 {} 个项目（蓝）、产品（橙）和厂商（紫），连线越粗共同的要点越多。点击项目或主题查看其要点。",
            graph.projects.len()
        ),
        Lang::En => format!(
            "Which projects carry which themes: the {} most mentioned projects (blue), products (orange) and vendors (purple); the thicker the link, the more takeaways they share. Click a project or theme for its takeaways.",
            graph.projects.len()
        ),
    };
    Some(Figure { id: "theme-projects", width, caption, svg, table })
}

/// Longest bar of the comparison, in pixels.
const BAR: f64 = 100.0;
/// Room for a bar's "3 · 30%".
const FIGURES: f64 = 56.0;
/// Theme names wrap narrower than elsewhere in the comparison: the bars need the room on a phone.
const COMPARE_LABEL_EMS: f64 = 11.0;
/// Projects listed per "only at" group before "and N more".
const ONLY_SHOWN: usize = 12;

/// Two events' themes as back-to-back bars by share, gained, shared and lost; a bar opens the
/// list of its theme at its event.
pub fn comparison(cx: &GraphContext, comparison: &Comparison) -> Figure {
    let (lang, bundle) = (cx.lang, cx.bundle);
    let events = comparison.events.map(|e| &bundle.events[e]);
    let event_names = events.map(|e| cx.name(&e.short_name()));
    let lines: Vec<Vec<String>> =
        comparison.themes.iter().map(|c| wrap(&cx.name(&bundle.themes[c.index].name), COMPARE_LABEL_EMS)).collect();
    let label_width = lines.iter().flatten().map(|l| text_ems(l) * FONT).fold(0.0, f64::max);
    let left_axis = 8.0 + FIGURES + BAR;
    let centre = left_axis + 10.0 + label_width / 2.0;
    let right_axis = left_axis + 20.0 + label_width;
    let width = right_axis + BAR + FIGURES + 8.0;
    let shares = |c: &Counted| [0, 1].map(|side| share(c.counts[side], comparison.totals[side]));
    let max_share = comparison.themes.iter().flat_map(shares).fold(0.0, f64::max).max(f64::EPSILON);

    let mut body = String::new();
    let mut y = 8.0;
    for side in 0..2 {
        let x = if side == 0 { left_axis - BAR / 2.0 } else { right_axis + BAR / 2.0 };
        let mut head = vec![["A", "B"][side].to_owned()];
        head.extend(event_names[side].split(" · ").map(str::to_owned));
        head.push(takeaways_count(lang, comparison.totals[side]));
        label(&mut body, &head, x, y + 2.0 * LINE, "middle");
    }
    y += 4.0 * LINE + 8.0;
    let mut group = None;
    for (c, lines) in comparison.themes.iter().zip(&lines) {
        if group != Some(c.change()) {
            if group.is_some() {
                y += 10.0;
            }
            group = Some(c.change());
            let title = match c.change() {
                Change::Gained => lang.pick("只在 B 出现（新增）", "Only at B (gained)"),
                Change::Shared => lang.pick("两场都有", "At both"),
                Change::Lost => lang.pick("只在 A 出现（消失）", "Only at A (lost)"),
            };
            let _ = write!(
                body,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"700\" class=\"muted\">{title}</text><line x1=\"8\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/>",
                at(centre),
                at(y + 14.0),
                at(width - 8.0),
                at(y + 22.0),
                at(y + 22.0)
            );
            y += 28.0;
        }
        let height = (lines.len() as f64 * LINE + 8.0).max(28.0);
        let mid = y + height / 2.0;
        let theme = &bundle.themes[c.index];
        body.push_str("<g class=\"compare-row\">");
        label(&mut body, lines, centre, mid, "middle");
        for side in (0..2).filter(|&side| c.counts[side] > 0) {
            let s = shares(c)[side];
            let length = (BAR * s / max_share).max(2.0);
            let (x, text_x, anchor, fill) = if side == 0 {
                (left_axis - length, left_axis - length - 4.0, "end", "muted")
            } else {
                (right_axis, right_axis + length + 4.0, "start", "accent")
            };
            let tip = format!(
                "{} · {}: {} ({})",
                cx.name(&theme.name),
                event_names[side],
                takeaways_count(lang, c.counts[side]),
                percent(s)
            );
            let target = (cx.list)(&[(Facet::Theme, &theme.id), (Facet::Event, &events[side].id)]);
            open_link(&mut body, "bar", &[("data-theme", &theme.id), ("data-event", &events[side].id)], &target, &tip);
            let _ = write!(
                body,
                "<rect class=\"{fill}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"14\" rx=\"2\"/><text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" dominant-baseline=\"central\" font-size=\"11\">{} · {}</text></g>",
                at(x),
                at(mid - 7.0),
                at(length),
                at(text_x),
                at(mid),
                c.counts[side],
                percent(s)
            );
        }
        body.push_str("</g>");
        y += height;
    }
    let count = |change: Change| comparison.themes.iter().filter(|c| c.change() == change).count();
    let [a, b] = &event_names;
    let (gained, lost, shared) = (count(Change::Gained), count(Change::Lost), count(Change::Shared));
    let aria = match lang {
        Lang::Zh => format!("比较 {a} 与 {b}：新增 {gained} 个主题，消失 {lost} 个，共有 {shared} 个"),
        Lang::En => format!("{a} compared with {b}: {gained} themes gained, {lost} lost, {shared} shared"),
    };
    let mut svg = String::new();
    open_svg(&mut svg, "theme-compare", width, y + 8.0, &aria);
    svg.push_str(&body);
    svg.push_str("</svg>");

    let mut table = String::from("<table class=\"graph-data\">");
    head(
        &mut table,
        &[lang.pick("主题", "Theme"), &format!("A: {a}"), &format!("B: {b}"), lang.pick("变化", "Change")],
    );
    table.push_str("<tbody>");
    for c in &comparison.themes {
        let s = shares(c);
        let (key, change) = match c.change() {
            Change::Gained => ("gained", lang.pick("新增", "gained")),
            Change::Shared => ("shared", lang.pick("共有", "shared")),
            Change::Lost => ("lost", lang.pick("消失", "lost")),
        };
        let _ = write!(table, "<tr class=\"change-{key}\"><th scope=\"row\">");
        escape_into(&mut table, &cx.name(&bundle.themes[c.index].name));
        let _ = write!(
            table,
            "</th><td>{} ({})</td><td>{} ({})</td><td>{change}</td></tr>",
            c.counts[0],
            percent(s[0]),
            c.counts[1],
            percent(s[1])
        );
    }
    table.push_str("</tbody></table>");
    let caption = lang.pick(
        "两场大会的主题对比：条形长度为占该大会要点的比例，数字为要点数。点击条形查看这些要点。",
        "Two events' themes side by side: bar length is the share of each event's takeaways, the figures are counts. Click a bar for its takeaways.",
    );
    Figure { id: "theme-compare", width, caption: caption.to_owned(), svg, table }
}

/// The projects both compared events mention, then those only one does, as chips linking to
/// the list of that project at the two events.
pub fn compared_projects(cx: &GraphContext, comparison: &Comparison) -> String {
    let (lang, bundle) = (cx.lang, cx.bundle);
    let events = comparison.events.map(|e| &bundle.events[e]);
    let [a, b] = events.map(|e| cx.name(&e.short_name()));
    let groups = [
        (Change::Shared, lang.pick("两场都提到的项目（A · B）", "Projects at both (A · B)").to_owned()),
        (Change::Lost, format!("{}{a}", lang.pick("只在 A 提到：", "Only at A: "))),
        (Change::Gained, format!("{}{b}", lang.pick("只在 B 提到：", "Only at B: "))),
    ];
    let mut out = String::new();
    for (change, title) in groups {
        let members: Vec<&Counted> = comparison.projects.iter().filter(|c| c.change() == change).collect();
        out.push_str("<section class=\"compare-projects\"><h3>");
        escape_into(&mut out, &title);
        let _ = write!(out, " <span class=\"count\">{}</span></h3><ul class=\"chips\">", members.len());
        let shown = if change == Change::Shared { members.len() } else { ONLY_SHOWN };
        for c in members.iter().take(shown) {
            let project = &bundle.projects[c.index];
            let picks =
                [(Facet::Project, project.id.as_str()), (Facet::Event, &events[0].id), (Facet::Event, &events[1].id)];
            let _ = write!(out, "<li><a class=\"chip project {}\"", project.kind.as_str());
            attr(&mut out, "href", &cx.href(&picks));
            out.push('>');
            escape_into(&mut out, &project.name);
            let _ = match change {
                Change::Shared => {
                    write!(out, " <span class=\"count\">{} · {}</span></a></li>", c.counts[0], c.counts[1])
                }
                _ => write!(out, " <span class=\"count\">{}</span></a></li>", c.counts[0] + c.counts[1]),
            };
        }
        let more = members.len().saturating_sub(shown);
        if more > 0 {
            let _ = match lang {
                Lang::Zh => write!(out, "<li class=\"more-projects\">还有 {more} 个</li>"),
                Lang::En => write!(out, "<li class=\"more-projects\">and {more} more</li>"),
            };
        }
        out.push_str("</ul></section>");
    }
    out
}
