//! The theme co-occurrence network, drawn as an arc diagram: a node per theme sized by its
//! takeaways, an arc wherever two themes share takeaways, as wide as how many. It follows the
//! page's filters (one event's network, one project's…); hovering a node brings out its arcs,
//! clicking it opens the filtered list.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::{figure, label, list_target, svg_style, takeaways_count, GraphInput};
use crate::app::href;
use crate::app::prefs::{use_prefs, Lang};
use crate::facets::Facet;
use crate::graphs::{co_occurrence, network_layout};

#[component]
pub fn Network(input: GraphInput) -> impl IntoView {
    let lang = use_prefs().lang;
    let navigate = use_navigate();
    // The node under the pointer: its arcs stand out, the others fade.
    let hovered = RwSignal::new(None::<usize>);
    move || {
        let (lang, site, selection) = (lang.get(), &input.site, input.selection.get());
        let network = co_occurrence(site, &input.takeaways.get());
        if network.nodes.is_empty() {
            return view! { <p class="empty">{lang.pick("没有要点可画。", "No takeaways to draw.")}</p> }.into_any();
        }
        let names: Vec<String> = network.nodes.iter().map(|n| lang.name(&site.themes[n.theme].name)).collect();
        let layout = network_layout(&network, &names);
        let max_edge = network.edges.iter().map(|e| e.count).max().unwrap_or(1) as f64;
        let max_jaccard = network.edges.iter().map(|e| e.jaccard).fold(f64::EPSILON, f64::max);
        let arcs = network
            .edges
            .iter()
            .zip(&layout.arcs)
            .map(|(edge, path)| {
                let (a, b) = (edge.a, edge.b);
                let tip = format!(
                    "{} + {}: {} · Jaccard {:.2}",
                    names[a],
                    names[b],
                    takeaways_count(lang, edge.count),
                    edge.jaccard
                );
                let width = 1.0 + 6.0 * edge.count as f64 / max_edge;
                // Faint where the pair is a small part of either theme: the strong ties stand out.
                let weight = 0.12 + 0.6 * edge.jaccard / max_jaccard;
                view! {
                    <path
                        class="arc"
                        class:faded=move || hovered.get().is_some_and(|h| h != a && h != b)
                        class:lit=move || hovered.get().is_some_and(|h| h == a || h == b)
                        d=path.clone()
                        style=format!("fill:none;stroke:var(--accent);stroke-width:{width:.1};--weight:{weight:.2}")
                    >
                        <title>{tip}</title>
                    </path>
                }
            })
            .collect_view();
        let nodes = network
            .nodes
            .iter()
            .zip(&layout.nodes)
            .enumerate()
            .map(|(i, (node, placed))| {
                let theme = &site.themes[node.theme];
                let shared: usize = network.edges.iter().filter(|e| e.a == i || e.b == i).count();
                let tip = match lang {
                    Lang::Zh => format!("{}：{} 条要点，与 {shared} 个主题共现", names[i], node.count),
                    Lang::En => {
                        format!("{}: {}, shared with {shared} themes", names[i], takeaways_count(lang, node.count))
                    }
                };
                let target = list_target(site, &selection, &[(Facet::Theme, &theme.id)]);
                let navigate = navigate.clone();
                let text_x = placed.label.x + placed.label.width;
                view! {
                    <g
                        class="node link"
                        data-theme=theme.id.clone()
                        on:click=move |_| navigate(&target, Default::default())
                        on:mouseenter=move |_| hovered.set(Some(i))
                        on:mouseleave=move |_| hovered.set(None)
                    >
                        <title>{tip}</title>
                        <circle
                            cx=format!("{:.1}", layout.axis)
                            cy=format!("{:.1}", placed.y)
                            r=format!("{:.1}", placed.radius)
                            style="fill:var(--accent);stroke:var(--bg);stroke-width:1.5"
                        />
                        {label(&placed.lines, text_x, placed.y, "end")}
                    </g>
                }
            })
            .collect_view();
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
        let svg = view! {
            <svg
                id="theme-network"
                xmlns="http://www.w3.org/2000/svg"
                viewBox=format!("0 0 {:.0} {:.0}", layout.width, layout.height)
                width="100%"
                style=svg_style(layout.width)
                role="img"
                aria-label=aria
            >
                <g class="arcs">{arcs}</g>
                {nodes}
            </svg>
        }
        .into_any();

        let node_rows = network
            .nodes
            .iter()
            .enumerate()
            .map(|(i, node)| {
                let target = list_target(site, &selection, &[(Facet::Theme, &site.themes[node.theme].id)]);
                let name = names[i].clone();
                view! { <tr><th scope="row"><A href=href(&target[1..])>{name}</A></th><td>{node.count}</td></tr> }
            })
            .collect_view();
        let mut edges = network.edges.clone();
        edges.sort_by(|x, y| y.count.cmp(&x.count).then(y.jaccard.total_cmp(&x.jaccard)));
        let edge_rows = edges
            .iter()
            .map(|e| {
                view! {
                    <tr>
                        <td>{names[e.a].clone()}</td>
                        <td>{names[e.b].clone()}</td>
                        <td>{e.count}</td>
                        <td>{format!("{:.2}", e.jaccard)}</td>
                    </tr>
                }
            })
            .collect_view();
        let table = view! {
            <table class="graph-data">
                <thead><tr><th scope="col">{lang.pick("主题", "Theme")}</th><th scope="col">{lang.pick("要点", "Takeaways")}</th></tr></thead>
                <tbody>{node_rows}</tbody>
            </table>
            <table class="graph-data">
                <thead>
                    <tr>
                        <th scope="col">{lang.pick("主题", "Theme")}</th>
                        <th scope="col">{lang.pick("主题", "Theme")}</th>
                        <th scope="col">{lang.pick("共同的要点", "Shared takeaways")}</th>
                        <th scope="col">Jaccard</th>
                    </tr>
                </thead>
                <tbody>{edge_rows}</tbody>
            </table>
        }
        .into_any();
        let caption = lang
            .pick(
                "哪些主题一起出现：圆点越大要点越多，弧线越粗两个主题共享的要点越多；相关的主题排得更近。悬停查看数字，点击主题查看其要点。",
                "Which themes travel together: bigger dots for more takeaways, thicker arcs where two themes share more; related themes sit close. Hover for counts, click a theme for its takeaways.",
            )
            .to_owned();
        figure(lang, "theme-network", caption, svg, table).into_any()
    }
}
