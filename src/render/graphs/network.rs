//! The co-occurrence network as an arc diagram.

use maud::html;

use super::{arc, at, head, label, link, svg, Figure, Fixed, GraphContext};
use crate::explore::facets::Facet;
use crate::explore::graphs::layout::network_layout;
use crate::explore::graphs::CoOccurrence;
use crate::render::lang::Lang;
use crate::render::takeaways_count;

/// The network (see [`network_layout`]): hovering a node lights its arcs, clicking it opens
/// the list filtered to its theme. None when no takeaway is left.
pub fn network(g: &GraphContext, network: &CoOccurrence) -> Option<Figure> {
    if network.nodes.is_empty() {
        return None;
    }
    let (cx, bundle) = (&g.cx, g.cx.bundle);
    let names: Vec<String> = network.nodes.iter().map(|n| cx.name(&bundle.theme(n.theme).name)).collect();
    let layout = network_layout(network, &names);
    let max_edge = network.edges.iter().map(|e| e.count).max().unwrap_or(1) as f64;
    let max_jaccard = network.edges.iter().map(|e| e.jaccard).fold(f64::EPSILON, f64::max);
    let (themes, links) = (network.nodes.len(), network.edges.len());
    let aria = match cx.lang {
        Lang::Zh => format!("主题共现网络：{themes} 个主题，{links} 条连线，线越粗共享的要点越多"),
        Lang::En => {
            format!(
                "Theme co-occurrence network: {themes} themes, {links} links, thicker where they share more takeaways"
            )
        }
    };
    let picture = html! {
        g.arcs {
            @for (edge, a) in network.edges.iter().zip(&layout.arcs) {
                @let tip = format!("{} + {}: {} · Jaccard {}", names[edge.a], names[edge.b], takeaways_count(cx.lang, edge.count), Fixed(edge.jaccard, 2));
                @let d = format!("M{axis} {}A{} {} 0 0 1 {axis} {}", at(a.top), at(a.rx), at(a.ry), at(a.bottom), axis = at(layout.axis));
                // Faint where the pair is a small part of either theme: the strong ties stand out.
                @let opacity = 0.12 + 0.6 * edge.jaccard / max_jaccard;
                @let width = 1.0 + 6.0 * edge.count as f64 / max_edge;
                (arc("arc", &format!("{} {}", edge.a, edge.b), &d, width, opacity, &tip))
            }
        }
        @for (i, (node, placed)) in network.nodes.iter().zip(&layout.nodes).enumerate() {
            @let theme = bundle.theme(node.theme);
            @let shared = network.edges.iter().filter(|e| e.a == i || e.b == i).count();
            @let tip = match cx.lang {
                Lang::Zh => format!("{}：{} 条要点，与 {shared} 个主题共现", names[i], node.count),
                Lang::En => format!("{}: {}, shared with {shared} themes", names[i], takeaways_count(cx.lang, node.count)),
            };
            @let target = (g.list)(&[(Facet::Theme, &theme.id)]);
            @let drawn = html! {
                circle.theme cx=(at(layout.axis)) cy=(at(placed.y)) r=(at(placed.radius)) {}
                (label(&placed.lines, placed.label.x + placed.label.width, placed.y, "end"))
            };
            (link("node", &[("data-theme", &theme.id), ("data-node", &i.to_string())], &target, &tip, drawn))
        }
    };
    let theme_column = cx.pick("主题", "Theme");
    let mut edges = network.edges.clone();
    crate::model::order::sort_by(&mut edges, |x, y| y.count.cmp(&x.count).then(y.jaccard.total_cmp(&x.jaccard)));
    let table = html! {
        table.graph-data {
            (head(&[theme_column, cx.pick("要点", "Takeaways")]))
            tbody {
                @for (node, name) in network.nodes.iter().zip(&names) {
                    tr {
                        th scope="row" { a href=(g.href(&[(Facet::Theme, &bundle.theme(node.theme).id)])) { (name) } }
                        td { (node.count) }
                    }
                }
            }
        }
        table.graph-data {
            (head(&[theme_column, theme_column, cx.pick("共同的要点", "Shared takeaways"), "Jaccard"]))
            tbody {
                @for e in &edges {
                    tr { td { (names[e.a]) } td { (names[e.b]) } td { (e.count) } td { (Fixed(e.jaccard, 2)) } }
                }
            }
        }
    };
    let caption = cx.pick(
        "哪些主题一起出现：圆点越大要点越多，弧线越粗两个主题共享的要点越多；相关的主题排得更近。悬停查看数字，点击主题查看其要点。",
        "Which themes travel together: bigger dots for more takeaways, thicker arcs where two themes share more; related themes sit close. Hover for counts, click a theme for its takeaways.",
    );
    Some(Figure {
        id: "theme-network",
        width: layout.width,
        caption: caption.to_owned(),
        svg: svg("theme-network", layout.width, layout.height, &aria, picture),
        table,
    })
}
