//! Tests of the theme graphs' data on the seed corpus: what the heatmap, the co-occurrence
//! network, the theme × project graph and the event comparison say about the seeds, checked
//! against counts made independently here, the network's layout (no overlapping labels), and
//! the graphs' markup (links, aria labels, escaping).

mod common;

use common::seeds;

use takeaways::explore::facets::{Facet, Facets};
use takeaways::explore::graphs::layout::{network_layout, text_ems, wrap, PlacedNode, Rect, FONT, LABEL_EMS};
use takeaways::explore::graphs::{arc_length, co_occurrence, compare, theme_events, theme_projects, Change};
use takeaways::model::{Bundle, EventIx, ProjectIx, ThemeIx};
use takeaways::render::graphs::{self, GraphContext};
use takeaways::render::lang::Lang;
use takeaways::render::Cx;

fn all(bundle: &Bundle) -> Vec<usize> {
    (0..bundle.takeaways.len()).collect()
}

fn theme(bundle: &Bundle, id: &str) -> ThemeIx {
    ThemeIx::at(bundle.themes.iter().position(|t| t.id == id).unwrap())
}

fn event(bundle: &Bundle, id: &str) -> EventIx {
    EventIx::at(bundle.events.iter().position(|e| e.id == id).unwrap())
}

fn project(bundle: &Bundle, id: &str) -> ProjectIx {
    ProjectIx::at(bundle.projects.iter().position(|p| p.id == id).unwrap())
}

/// Takeaways of `event` with `theme`, counted straight from the bundle.
fn direct_count(bundle: &Bundle, theme: ThemeIx, event: EventIx) -> usize {
    bundle
        .takeaways
        .iter()
        .filter(|t| bundle.article(t.article).event == Some(event) && t.themes.contains(&theme))
        .count()
}

#[test]
fn heatmap_shows_platform_engineering_rising_from_nothing_in_2019() {
    let bundle = seeds();
    let heatmap = theme_events(&bundle, &all(&bundle));
    let ids: Vec<&str> = heatmap.events.iter().map(|&e| bundle.event(e).id.as_str()).collect();
    assert_eq!(ids, ["2019-eu-barcelona", "2023-na-chicago", "2024-eu-paris"], "events by date");
    let platform = heatmap.row(theme(&bundle, "platform-engineering")).unwrap();
    let at = |id: &str| platform.counts[heatmap.column(event(&bundle, id)).unwrap()];
    assert_eq!(at("2019-eu-barcelona"), 0);
    assert!(at("2023-na-chicago") >= 3, "{platform:?}");
    assert!(at("2024-eu-paris") >= 3, "{platform:?}");
    // A third of Chicago's takeaways: dominant.
    let chicago = heatmap.column(event(&bundle, "2023-na-chicago")).unwrap();
    assert!(heatmap.share(platform, chicago) > 0.25, "{}", heatmap.share(platform, chicago));
}

#[test]
fn heatmap_shows_service_mesh_and_networking_peaking_in_2019() {
    // Service mesh is part of the networking theme (with CNI, eBPF and API gateways).
    let bundle = seeds();
    let heatmap = theme_events(&bundle, &all(&bundle));
    let networking = heatmap.row(theme(&bundle, "networking")).unwrap();
    let shares: Vec<f64> = (0..heatmap.events.len()).map(|c| heatmap.share(networking, c)).collect();
    let barcelona = heatmap.column(event(&bundle, "2019-eu-barcelona")).unwrap();
    let peak = (0..shares.len()).max_by(|&a, &b| shares[a].total_cmp(&shares[b])).unwrap();
    assert_eq!(peak, barcelona, "{shares:?}");
    assert!(networking.counts.iter().all(|&c| c > 0), "present at every event, but smaller since: {networking:?}");
}

#[test]
fn heatmap_cells_and_totals_match_the_bundle() {
    let bundle = seeds();
    let heatmap = theme_events(&bundle, &all(&bundle));
    assert_eq!(heatmap.totals.iter().sum::<usize>(), bundle.takeaways.len());
    for row in &heatmap.rows {
        for (column, &e) in heatmap.events.iter().enumerate() {
            assert_eq!(row.counts[column], direct_count(&bundle, row.theme, e), "{}", bundle.theme(row.theme).id);
        }
    }
    let used =
        (0..bundle.themes.len()).filter(|&t| bundle.takeaways.iter().any(|x| x.themes.iter().any(|m| m.get() == t)));
    assert_eq!(heatmap.rows.len(), used.count(), "one row per theme in use");
    // Rows read as a diagonal: the event where each theme peaks never goes back left.
    let peaks: Vec<usize> = heatmap
        .rows
        .iter()
        .map(|r| {
            (0..heatmap.events.len())
                .max_by(|&a, &b| heatmap.share(r, a).total_cmp(&heatmap.share(r, b)).then(b.cmp(&a)))
                .unwrap()
        })
        .collect();
    assert!(peaks.windows(2).all(|w| w[0] <= w[1]), "{peaks:?}");
}

#[test]
fn heatmap_follows_the_filters() {
    let bundle = seeds();
    let facets = Facets::new(&bundle);
    let (selection, _) = facets.parse(|key| (key == "event").then(|| "2024-eu-paris".to_owned()));
    let paris = facets.filter(&all(&bundle), &selection);
    let heatmap = theme_events(&bundle, &paris);
    assert_eq!(heatmap.events, [event(&bundle, "2024-eu-paris")]);
    assert_eq!(heatmap.totals, [paris.len()]);
    assert!(heatmap.row(theme(&bundle, "telco-edge")).is_some());
    assert!(heatmap.row(theme(&bundle, "community")).is_none(), "no community takeaway in Paris");
}

#[test]
fn network_counts_pairs_of_themes_on_the_same_takeaway() {
    let bundle = seeds();
    let network = co_occurrence(&bundle, &all(&bundle));
    for node in &network.nodes {
        let direct = bundle.takeaways.iter().filter(|t| t.themes.contains(&node.theme)).count();
        assert_eq!(node.count, direct);
    }
    assert!(!network.edges.is_empty());
    let mut pairs = 0;
    for (a, x) in network.nodes.iter().enumerate() {
        for (b, y) in network.nodes.iter().enumerate().skip(a + 1) {
            let both =
                bundle.takeaways.iter().filter(|t| t.themes.contains(&x.theme) && t.themes.contains(&y.theme)).count();
            let edge = network.edges.iter().find(|e| e.a == a && e.b == b);
            assert_eq!(edge.map_or(0, |e| e.count), both);
            if let Some(edge) = edge {
                pairs += 1;
                let jaccard = both as f64 / (x.count + y.count - both) as f64;
                assert!((edge.jaccard - jaccard).abs() < 1e-12 && edge.jaccard <= 1.0);
            }
        }
    }
    assert_eq!(pairs, network.edges.len());
}

#[test]
fn network_of_one_event_has_only_its_themes() {
    let bundle = seeds();
    let facets = Facets::new(&bundle);
    let (selection, _) = facets.parse(|key| (key == "event").then(|| "2019-eu-barcelona".to_owned()));
    let barcelona = co_occurrence(&bundle, &facets.filter(&all(&bundle), &selection));
    let themes: Vec<&str> = barcelona.nodes.iter().map(|n| bundle.theme(n.theme).id.as_str()).collect();
    assert!(!themes.contains(&"platform-engineering"), "{themes:?}");
    assert!(!themes.contains(&"ai-llm"), "{themes:?}");
    assert!(themes.contains(&"networking"), "{themes:?}");
}

#[test]
fn network_order_shortens_arcs() {
    let bundle = seeds();
    let network = co_occurrence(&bundle, &all(&bundle));
    let mut by_size = network.clone();
    // The same graph laid out biggest first, the order the layout starts from.
    let mut order: Vec<usize> = (0..network.nodes.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(network.nodes[i].count), network.nodes[i].theme));
    let position: Vec<usize> = (0..order.len()).map(|i| order.iter().position(|&o| o == i).unwrap()).collect();
    by_size.nodes = order.iter().map(|&i| network.nodes[i].clone()).collect();
    for edge in &mut by_size.edges {
        let (a, b) = (position[edge.a], position[edge.b]);
        (edge.a, edge.b) = (a.min(b), a.max(b));
    }
    assert!(arc_length(&network) < arc_length(&by_size), "{} vs {}", arc_length(&network), arc_length(&by_size));
}

#[test]
fn network_labels_never_overlap_in_either_language() {
    let bundle = seeds();
    let facets = Facets::new(&bundle);
    let mut networks = vec![co_occurrence(&bundle, &all(&bundle))];
    for option in 0..facets.options(Facet::Event).len() {
        let mut selection = takeaways::explore::facets::Selection::default();
        selection.insert(Facet::Event, option as u32);
        networks.push(co_occurrence(&bundle, &facets.filter(&all(&bundle), &selection)));
    }
    for network in &networks {
        for english in [false, true] {
            let names: Vec<String> = network
                .nodes
                .iter()
                .map(|n| {
                    let name = &bundle.theme(n.theme).name;
                    if english {
                        name.en.clone()
                    } else {
                        name.zh.clone()
                    }
                })
                .collect();
            let layout = network_layout(network, &names);
            let frame = Rect { x: 0.0, y: 0.0, width: layout.width, height: layout.height };
            for (i, node) in layout.nodes.iter().enumerate() {
                assert!(frame.contains(&node.label), "{:?} outside {frame:?}", node.lines);
                assert!(node.label.x + node.label.width < layout.axis - node.radius, "label into its node");
                assert_eq!(node.lines.concat().replace(' ', ""), names[i].replace(' ', ""), "wrapping keeps the text");
                for other in &layout.nodes[i + 1..] {
                    assert!(!node.label.overlaps(&other.label), "{:?} overlaps {:?}", node.lines, other.lines);
                    let circle = |n: &PlacedNode| Rect {
                        x: layout.axis - n.radius,
                        y: n.y - n.radius,
                        width: 2.0 * n.radius,
                        height: 2.0 * n.radius,
                    };
                    assert!(!circle(node).overlaps(&circle(other)), "nodes overlap");
                }
            }
            assert_eq!(layout.arcs.len(), network.edges.len());
        }
    }
}

#[test]
fn long_names_wrap_at_spaces_and_chinese_anywhere() {
    let lines = wrap("Application development, integration and delivery", LABEL_EMS);
    assert!(lines.len() >= 2, "{lines:?}");
    assert!(lines.iter().all(|l| text_ems(l) <= LABEL_EMS), "{lines:?}");
    assert_eq!(lines.join(" "), "Application development, integration and delivery");
    assert_eq!(wrap("平台工程", LABEL_EMS), ["平台工程"]);
    let chinese = wrap("一二三四五六七八九十一二三四五六七八九十", 8.0);
    assert_eq!(chinese, ["一二三四五六七八", "九十一二三四五六", "七八九十"]);
    assert!(text_ems("平台工程") * FONT > text_ems("plat") * FONT);
}

#[test]
fn projects_carry_themes_biggest_first() {
    let bundle = seeds();
    let graph = theme_projects(&bundle, &all(&bundle), 10);
    assert_eq!(graph.projects.len(), 10);
    let kubernetes = project(&bundle, "kubernetes");
    assert_eq!(graph.projects[0].0, kubernetes, "the most mentioned project");
    assert!(graph.projects.windows(2).all(|w| w[0].1 >= w[1].1));
    assert!(graph.themes.windows(2).all(|w| w[0].1 >= w[1].1));
    for link in &graph.links {
        let (project, theme) = (graph.projects[link.project].0, graph.themes[link.theme].0);
        let both =
            bundle.takeaways.iter().filter(|t| t.projects.contains(&project) && t.themes.contains(&theme)).count();
        assert_eq!(link.count, both);
    }
    // Istio and Linkerd carry the service mesh theme.
    let istio = project(&bundle, "istio");
    let istio_at = graph.projects.iter().position(|&(p, _)| p == istio).expect("istio among the top 10");
    let networking = graph.themes.iter().position(|&(t, _)| t == theme(&bundle, "networking")).unwrap();
    assert!(graph.links.iter().any(|l| l.project == istio_at && l.theme == networking));
}

#[test]
fn comparing_2019_with_2023_shows_platform_engineering_and_ai_gained() {
    let bundle = seeds();
    let (barcelona, chicago) = (event(&bundle, "2019-eu-barcelona"), event(&bundle, "2023-na-chicago"));
    let comparison = compare(&bundle, &all(&bundle), barcelona, chicago);
    assert_eq!(comparison.totals, [10, 15]);
    let change = |id: &str| comparison.themes.iter().find(|c| c.what == theme(&bundle, id)).map(|c| c.change());
    assert_eq!(change("platform-engineering"), Some(Change::Gained));
    assert_eq!(change("ai-llm"), Some(Change::Gained));
    assert_eq!(change("networking"), Some(Change::Shared));
    assert_eq!(change("telco-edge"), None, "neither event has it");
    let kinds: Vec<Change> = comparison.themes.iter().map(|c| c.change()).collect();
    assert!(kinds.windows(2).all(|w| w[0] <= w[1]), "gained, shared, lost: {kinds:?}");
    for c in &comparison.themes {
        assert_eq!(c.counts, [direct_count(&bundle, c.what, barcelona), direct_count(&bundle, c.what, chicago)]);
    }
    let kubernetes = project(&bundle, "kubernetes");
    let shared: Vec<ProjectIx> =
        comparison.projects.iter().filter(|c| c.change() == Change::Shared).map(|c| c.what).collect();
    assert!(shared.contains(&kubernetes), "{shared:?}");
}

/// The markup context of the seeds, in `lang`, at the site's root: links name their picks.
fn markup_of<T>(bundle: &Bundle, lang: Lang, draw: impl FnOnce(&GraphContext) -> T) -> T {
    let list = |picks: &[(Facet, &str)]| {
        let picks: Vec<String> = picks.iter().map(|(facet, value)| format!("{}={value}", facet.key())).collect();
        format!("/?{}", picks.join("&"))
    };
    draw(&GraphContext { cx: Cx::new(bundle, bundle, lang, "/base", &()), list: &list })
}

#[test]
fn heatmap_markup_links_cells_with_takeaways_and_labels_the_picture() {
    let bundle = seeds();
    let data = theme_events(&bundle, &all(&bundle));
    let figure = markup_of(&bundle, Lang::En, |cx| graphs::heatmap(cx, &data)).unwrap();
    assert!(figure
        .svg
        .0
        .starts_with("<svg id=\"theme-heatmap\" class=\"theme-graph\" xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(figure.svg.0.contains(" role=\"img\" aria-label=\"Heatmap of "), "{}", &figure.svg.0[..300]);
    assert!(figure.svg.0.ends_with("</svg>"));
    assert!(!figure.svg.0.contains("style="), "the CSP forbids style attributes");
    // A cell with takeaways follows its theme and event; an empty one links nowhere.
    assert!(figure.svg.0.contains(
        "<g class=\"cell link\" data-theme=\"platform-engineering\" data-event=\"2023-na-chicago\" data-href=\"/?theme=platform-engineering&amp;event=2023-na-chicago\">"
    ));
    assert!(figure
        .svg
        .0
        .contains("<g class=\"cell\" data-theme=\"platform-engineering\" data-event=\"2019-eu-barcelona\"><title>"));
    assert_eq!(figure.svg.0.matches("<g class=\"cell").count(), data.rows.len() * data.events.len());
    // The table links with the site's base.
    assert!(figure.table.0.contains("<a href=\"/base/?theme=platform-engineering&amp;event=2023-na-chicago\">"));
    let chinese = markup_of(&bundle, Lang::Zh, |cx| graphs::heatmap(cx, &data)).unwrap();
    assert!(chinese.svg.0.contains("aria-label=\"热力图：") && chinese.svg.0.contains("平台工程"));
    assert!(chinese.caption.starts_with("主题的起落"));
}

#[test]
fn markup_escapes_hostile_names() {
    let mut bundle = seeds();
    let hostile = "<script>alert('x')</script> & \"friends\"";
    let platform = theme(&bundle, "platform-engineering");
    bundle.bundle.themes[platform.get()].name.en = hostile.to_owned();
    let kubernetes = project(&bundle, "kubernetes");
    bundle.bundle.projects[kubernetes.get()].name = hostile.to_owned();
    // In text and double-quoted attributes an apostrophe is harmless: it stays.
    let escaped = "&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;friends&quot;";
    let (barcelona, chicago) = (event(&bundle, "2019-eu-barcelona"), event(&bundle, "2023-na-chicago"));
    let takeaways = all(&bundle);
    let (figures, projects) = markup_of(&bundle, Lang::En, |cx| {
        let comparison = compare(&bundle, &takeaways, barcelona, chicago);
        let figures = [
            graphs::heatmap(cx, &theme_events(&bundle, &takeaways)).unwrap(),
            graphs::network(cx, &co_occurrence(&bundle, &takeaways)).unwrap(),
            graphs::projects(cx, &theme_projects(&bundle, &takeaways, 20)).unwrap(),
            graphs::comparison(cx, &comparison),
        ];
        (figures, graphs::compared_projects(cx, &comparison))
    });
    for text in figures.iter().flat_map(|f| [&f.svg.0, &f.table.0]).chain([&projects.0]) {
        assert!(!text.contains("<script"), "{text}");
        assert!(!text.contains("\"friends\""));
    }
    for figure in &figures {
        assert!(figure.svg.0.contains(escaped) || figure.table.0.contains(escaped), "{}", figure.id);
    }
    assert!(projects.0.contains(escaped));
}

#[test]
fn network_markup_names_each_arcs_ends_for_hover() {
    let bundle = seeds();
    let network = co_occurrence(&bundle, &all(&bundle));
    let figure = markup_of(&bundle, Lang::En, |cx| graphs::network(cx, &network)).unwrap();
    assert_eq!(figure.svg.0.matches("<path class=\"arc\" data-ends=").count(), network.edges.len());
    let first = &network.edges[0];
    assert!(figure.svg.0.contains(&format!("data-ends=\"{} {}\"", first.a, first.b)));
    assert_eq!(figure.svg.0.matches("<g class=\"node link\" data-theme=").count(), network.nodes.len());
    assert!(figure.svg.0.contains("data-node=\"0\" data-href=\"/?theme="));
}
