//! Themes ↔ projects: a bipartite graph with the most mentioned projects, products and vendors
//! on the left (biggest first, coloured by kind), the themes of their takeaways on the right,
//! and a link as wide as the takeaways they share. Clicking a project or theme filters the list.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::{figure, label, list_target, svg_style, takeaways_count, GraphInput};
use crate::app::href;
use crate::app::prefs::{use_prefs, Lang};
use crate::bundle::ProjectKind;
use crate::facets::Facet;
use crate::graphs::{text_ems, theme_projects, wrap, FONT, LABEL_EMS, LINE, PROJECTS_SHOWN};

/// Horizontal room the links get between the two columns.
const MIDDLE: f64 = 120.0;

fn kind_colour(kind: ProjectKind) -> &'static str {
    match kind {
        ProjectKind::Project => "var(--accent)",
        ProjectKind::Product => "var(--kind-product)",
        ProjectKind::Vendor => "var(--kind-vendor)",
    }
}

fn kind_name(lang: Lang, kind: ProjectKind) -> &'static str {
    match kind {
        ProjectKind::Project => lang.pick("开源项目", "project"),
        ProjectKind::Product => lang.pick("产品", "product"),
        ProjectKind::Vendor => lang.pick("厂商", "vendor"),
    }
}

#[component]
pub fn Projects(input: GraphInput) -> impl IntoView {
    let lang = use_prefs().lang;
    let navigate = use_navigate();
    // The project under the pointer: its links stand out.
    let hovered = RwSignal::new(None::<usize>);
    move || {
        let (lang, site, selection) = (lang.get(), &input.site, input.selection.get());
        let graph = theme_projects(site, &input.takeaways.get(), PROJECTS_SHOWN);
        if graph.links.is_empty() {
            return view! { <p class="empty">{lang.pick("这些要点没有提到项目。", "These takeaways name no project.")}</p> }
                .into_any();
        }
        let project_names: Vec<String> = graph.projects.iter().map(|&(p, _)| site.projects[p].name.clone()).collect();
        let theme_lines: Vec<Vec<String>> =
            graph.themes.iter().map(|&(t, _)| wrap(&lang.name(&site.themes[t].name), LABEL_EMS)).collect();
        let left_width = project_names.iter().map(|n| text_ems(n) * FONT).fold(0.0, f64::max);
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

        let links = graph
            .links
            .iter()
            .map(|link| {
                let (y1, y2) = (project_y(link.project), theme_y[link.theme]);
                let (project, theme) = (link.project, &site.themes[graph.themes[link.theme].0]);
                let tip = format!("{} · {}: {}", project_names[project], lang.name(&theme.name), takeaways_count(lang, link.count));
                let mid = (x1 + x2) / 2.0;
                let d = format!("M{x1:.1} {y1:.1}C{mid:.1} {y1:.1} {mid:.1} {y2:.1} {x2:.1} {y2:.1}");
                let colour = kind_colour(site.projects[graph.projects[project].0].kind);
                view! {
                    <path
                        class="arc"
                        class:faded=move || hovered.get().is_some_and(|h| h != project)
                        class:lit=move || hovered.get() == Some(project)
                        d=d
                        style=format!("fill:none;stroke:{colour};stroke-width:{:.1}", 1.0 + 5.0 * link.count as f64 / max_link)
                    >
                        <title>{tip}</title>
                    </path>
                }
            })
            .collect_view();
        let projects = graph
            .projects
            .iter()
            .enumerate()
            .map(|(at, &(p, count))| {
                let project = &site.projects[p];
                let tip = format!("{} ({}): {}", project.name, kind_name(lang, project.kind), takeaways_count(lang, count));
                let target = list_target(site, &selection, &[(Facet::Project, &project.id)]);
                let navigate = navigate.clone();
                let y = project_y(at);
                let r = 2.5 + 5.0 * (count as f64 / max_project).sqrt();
                view! {
                    <g
                        class="node link"
                        data-project=project.id.clone()
                        on:click=move |_| navigate(&target, Default::default())
                        on:mouseenter=move |_| hovered.set(Some(at))
                        on:mouseleave=move |_| hovered.set(None)
                    >
                        <title>{tip}</title>
                        <circle cx=format!("{x1:.1}") cy=format!("{y:.1}") r=format!("{r:.1}") style=format!("fill:{}", kind_colour(project.kind)) />
                        {label(std::slice::from_ref(&project.name), x1 - 10.0, y, "end")}
                    </g>
                }
            })
            .collect_view();
        let themes = graph
            .themes
            .iter()
            .enumerate()
            .map(|(at, &(t, count))| {
                let theme = &site.themes[t];
                let tip = format!("{}: {}", lang.name(&theme.name), takeaways_count(lang, count));
                let target = list_target(site, &selection, &[(Facet::Theme, &theme.id)]);
                let navigate = navigate.clone();
                let y = theme_y[at];
                view! {
                    <g class="node link" data-theme=theme.id.clone() on:click=move |_| navigate(&target, Default::default())>
                        <title>{tip}</title>
                        <circle cx=format!("{x2:.1}") cy=format!("{y:.1}") r="4" style="fill:var(--fg)" />
                        {label(&theme_lines[at], x2 + 10.0, y, "start")}
                    </g>
                }
            })
            .collect_view();
        let aria = match lang {
            Lang::Zh => format!("项目与主题：提及最多的 {} 个项目、产品和厂商，连到其要点的 {} 个主题", graph.projects.len(), graph.themes.len()),
            Lang::En => format!(
                "Projects and themes: the {} most mentioned projects, products and vendors, linked to the {} themes of their takeaways",
                graph.projects.len(),
                graph.themes.len()
            ),
        };
        let svg = view! {
            <svg
                id="theme-projects"
                xmlns="http://www.w3.org/2000/svg"
                viewBox=format!("0 0 {width:.0} {height:.0}")
                width="100%"
                style=svg_style(width)
                role="img"
                aria-label=aria
            >
                <g class="arcs">{links}</g>
                {projects}
                {themes}
            </svg>
        }
        .into_any();

        let rows = graph
            .projects
            .iter()
            .enumerate()
            .map(|(at, &(p, count))| {
                let project = &site.projects[p];
                let carried: Vec<String> = graph
                    .links
                    .iter()
                    .filter(|l| l.project == at)
                    .map(|l| format!("{} ({})", lang.name(&site.themes[graph.themes[l.theme].0].name), l.count))
                    .collect();
                let target = list_target(site, &selection, &[(Facet::Project, &project.id)]);
                let name = project.name.clone();
                view! {
                    <tr>
                        <th scope="row"><A href=href(&target[1..])>{name}</A></th>
                        <td>{kind_name(lang, project.kind)}</td>
                        <td>{count}</td>
                        <td>{carried.join(lang.pick("、", ", "))}</td>
                    </tr>
                }
            })
            .collect_view();
        let table = view! {
            <table class="graph-data">
                <thead>
                    <tr>
                        <th scope="col">{lang.pick("项目", "Project")}</th>
                        <th scope="col">{lang.pick("类型", "Kind")}</th>
                        <th scope="col">{lang.pick("要点", "Takeaways")}</th>
                        <th scope="col">{lang.pick("主题（共同的要点）", "Themes (shared takeaways)")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any();
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
        figure(lang, "theme-projects", caption, svg, table).into_any()
    }
}
