//! Themes ↔ projects: the projects (coloured by kind) on the left, the themes of their
//! takeaways on the right, a link as wide as the takeaways they share.

use maud::html;

use super::{arc, at, head, label, link, svg, Figure, GraphContext};
use crate::explore::facets::Facet;
use crate::explore::graphs::layout::projects_layout;
use crate::explore::graphs::ThemeProjects;
use crate::model::ProjectKind;
use crate::render::lang::Lang;
use crate::render::takeaways_count;

/// The kind of a project in the UI's language.
pub fn kind_name(lang: Lang, kind: ProjectKind) -> &'static str {
    match kind {
        ProjectKind::Project => lang.pick("开源项目", "project"),
        ProjectKind::Product => lang.pick("产品", "product"),
        ProjectKind::Vendor => lang.pick("厂商", "vendor"),
    }
}

/// The graph: hovering a project lights its links; clicking a project or theme filters the
/// list. None without links.
pub fn projects(g: &GraphContext, graph: &ThemeProjects) -> Option<Figure> {
    if graph.links.is_empty() {
        return None;
    }
    let (cx, bundle) = (&g.cx, g.cx.bundle);
    let project_names: Vec<&str> = graph.projects.iter().map(|&(p, _)| bundle.project(p).name.as_str()).collect();
    let theme_names: Vec<String> = graph.themes.iter().map(|&(t, _)| cx.name(&bundle.theme(t).name)).collect();
    let layout = projects_layout(graph, &project_names, &theme_names);
    let (x1, x2) = (layout.x1, layout.x2);
    let max_link = graph.links.iter().map(|l| l.count).max().unwrap_or(1) as f64;
    let max_project = graph.projects.first().map_or(1, |p| p.1) as f64;
    let (shown, themes) = (graph.projects.len(), graph.themes.len());
    let aria = match cx.lang {
        Lang::Zh => format!("项目与主题：提及最多的 {shown} 个项目、产品和厂商，连到其要点的 {themes} 个主题"),
        Lang::En => format!(
            "Projects and themes: the {shown} most mentioned projects, products and vendors, linked to the {themes} themes of their takeaways"
        ),
    };
    let mid = (x1 + x2) / 2.0;
    let picture = html! {
        g.arcs {
            @for l in &graph.links {
                @let (y1, y2) = (layout.project_y[l.project], layout.themes[l.theme].1);
                @let project = bundle.project(graph.projects[l.project].0);
                @let theme = bundle.theme(graph.themes[l.theme].0);
                @let tip = format!("{} · {}: {}", project.name, cx.name(&theme.name), takeaways_count(cx.lang, l.count));
                @let d = format!("M{} {}C{} {} {} {} {} {}", at(x1), at(y1), at(mid), at(y1), at(mid), at(y2), at(x2), at(y2));
                (arc(&format!("arc {}", project.kind.as_str()), &l.project.to_string(), &d, 1.0 + 5.0 * l.count as f64 / max_link, 0.4, &tip))
            }
        }
        @for (i, (&(p, count), &y)) in graph.projects.iter().zip(&layout.project_y).enumerate() {
            @let project = bundle.project(p);
            @let tip = format!("{} ({}): {}", project.name, kind_name(cx.lang, project.kind), takeaways_count(cx.lang, count));
            @let drawn = html! {
                circle class=(project.kind.as_str()) cx=(at(x1)) cy=(at(y)) r=(at(2.5 + 5.0 * (count as f64 / max_project).sqrt())) {}
                (label(std::slice::from_ref(&project.name), x1 - 10.0, y, "end"))
            };
            (link("node", &[("data-project", &project.id), ("data-node", &i.to_string())], &(g.list)(&[(Facet::Project, &project.id)]), &tip, drawn))
        }
        @for (&(t, count), (lines, y)) in graph.themes.iter().zip(&layout.themes) {
            @let theme = bundle.theme(t);
            @let tip = format!("{}: {}", cx.name(&theme.name), takeaways_count(cx.lang, count));
            @let drawn = html! {
                circle.ink cx=(at(x2)) cy=(at(*y)) r="4" {}
                (label(lines, x2 + 10.0, *y, "start"))
            };
            (link("node", &[("data-theme", &theme.id)], &(g.list)(&[(Facet::Theme, &theme.id)]), &tip, drawn))
        }
    };
    let table = html! {
        table.graph-data {
            (head(&[
                cx.pick("项目", "Project"),
                cx.pick("类型", "Kind"),
                cx.pick("要点", "Takeaways"),
                cx.pick("主题（共同的要点）", "Themes (shared takeaways)"),
            ]))
            tbody {
                @for (i, &(p, count)) in graph.projects.iter().enumerate() {
                    @let project = bundle.project(p);
                    @let carried: Vec<String> = graph.links.iter().filter(|l| l.project == i)
                        .map(|l| format!("{} ({})", theme_names[l.theme], l.count)).collect();
                    tr {
                        th scope="row" { a href=(g.href(&[(Facet::Project, &project.id)])) { (project.name) } }
                        td { (kind_name(cx.lang, project.kind)) }
                        td { (count) }
                        td { (carried.join(cx.pick("、", ", "))) }
                    }
                }
            }
        }
    };
    let caption = match cx.lang {
        Lang::Zh => format!(
            "哪些项目承载哪些主题：提及最多的 {shown} 个项目（蓝）、产品（橙）和厂商（紫），连线越粗共同的要点越多。点击项目或主题查看其要点。"
        ),
        Lang::En => format!(
            "Which projects carry which themes: the {shown} most mentioned projects (blue), products (orange) and vendors (purple); the thicker the link, the more takeaways they share. Click a project or theme for its takeaways."
        ),
    };
    Some(Figure {
        id: "theme-projects",
        width: layout.width,
        caption,
        svg: svg("theme-projects", layout.width, layout.height, &aria, picture),
        table,
    })
}
