//! The theme graphs page, `/themes`: the heatmap, the co-occurrence network, themes ↔ projects,
//! and the comparison of two events, one at a time, with tabs, the filters the graphs follow,
//! and each graph as a figure.

use maud::{html, Markup};

use super::graphs::{self, figure, GraphContext};
use super::{site_name, takeaways_count, Cx};
use crate::explore::facets::{Facet, Facets, Selection};
use crate::explore::graphs::{co_occurrence, compare, theme_events, theme_projects, PROJECTS_SHOWN};
use crate::explore::url::{list_target, GraphView, ThemesState};
use crate::model::EventIx;
use crate::render::lang::Lang;

/// A view's tab label.
pub fn view_label(view: GraphView, lang: Lang) -> &'static str {
    match view {
        GraphView::Heatmap => lang.pick("主题 × 大会", "Themes × events"),
        GraphView::Network => lang.pick("共现网络", "Co-occurrence"),
        GraphView::Projects => lang.pick("主题 ↔ 项目", "Themes ↔ projects"),
        GraphView::Compare => lang.pick("比较两场大会", "Compare events"),
    }
}

/// The page's title, as the browser's tab shows it.
pub fn title(lang: Lang) -> String {
    format!("{} · {}", lang.pick("主题图谱", "Theme graphs"), site_name(lang))
}

/// The page for `state`. `takeaways` are those its filters leave; `compared` those they leave
/// but for the event picks, which the comparison replaces with its own two.
pub fn page(cx: &Cx, facets: &Facets, state: &ThemesState, takeaways: &[usize], compared: &[usize]) -> Markup {
    html! {
        div.themes-page {
            h1 { (cx.pick("主题图谱", "Theme graphs")) }
            p.lede {
                (cx.pick(
                    "主题在历届 KubeCon 中如何起落、哪些主题一起出现、哪些项目承载它们，以及两场大会的对比。",
                    "How themes rise and fall across KubeCons, which travel together, which projects carry them, and two events side by side.",
                ))
            }
            div.graph-header { (header(cx, facets, state, takeaways.len())) }
            (graph(cx, facets, state, takeaways, compared))
        }
    }
}

/// The tabs, and but for the comparison the filters the graphs follow: one chip per event (or
/// all), the other picks with a way to drop them, how many takeaways remain, and the same
/// filters as a list.
fn header(cx: &Cx, facets: &Facets, state: &ThemesState, remaining: usize) -> Markup {
    let bundle = cx.bundle;
    let with = |selection: Selection| cx.route(&ThemesState { selection, ..state.clone() }.target(bundle, facets));
    let no_event = state.selection.cleared(Facet::Event);
    let others: Vec<String> = Facet::ALL
        .into_iter()
        .filter(|&f| f != Facet::Event)
        .flat_map(|f| {
            let (zh, en) = f.label();
            let options = facets.options(f);
            state
                .selection
                .get(f)
                .iter()
                .map(move |&o| format!("{}: {}", cx.pick(zh, en), cx.name(&options[o as usize].label)))
        })
        .collect();
    let one_event = |at: usize| {
        let mut selection = no_event.clone();
        selection.insert(Facet::Event, at as u32);
        with(selection)
    };
    let only_events =
        Facet::ALL.iter().fold(state.selection.clone(), |s, &f| if f == Facet::Event { s } else { s.cleared(f) });
    html! {
        nav.view-tabs aria-label=(cx.pick("图表", "Graphs")) {
            @for view in GraphView::ALL {
                a.view-tab href=(cx.route(&ThemesState { view, ..state.clone() }.target(bundle, facets)))
                    aria-current=[(view == state.view).then_some("page")] { (view_label(view, cx.lang)) }
            }
        }
        @if state.view != GraphView::Compare {
            div.graph-filters {
                ul.chips aria-label=(cx.pick("大会", "Event")) {
                    li {
                        a.chip.event-chip href=(with(no_event.clone()))
                            aria-current=[state.selection.get(Facet::Event).is_empty().then_some("true")] {
                            (cx.pick("全部大会", "All events"))
                        }
                    }
                    @for (at, option) in facets.options(Facet::Event).iter().enumerate().rev() {
                        li {
                            a.chip.event-chip href=(one_event(at))
                                aria-current=[state.selection.contains(Facet::Event, at as u32).then_some("true")] {
                                (cx.name(&option.label))
                            }
                        }
                    }
                }
                p.result-count {
                    strong { (takeaways_count(cx.lang, remaining)) } " · "
                    a href=(cx.route(&list_target(facets, &state.selection, &[]))) { (cx.pick("在列表中查看", "Open as a list")) }
                }
            }
            @if !others.is_empty() {
                p.notice role="status" {
                    (cx.pick("只看：", "Only: ")) (others.join(" · ")) " "
                    a href=(with(only_events)) { (cx.pick("清除", "Clear")) }
                }
            }
        }
    }
}

/// The view's graph, or why there is none.
fn graph(cx: &Cx, facets: &Facets, state: &ThemesState, takeaways: &[usize], compared: &[usize]) -> Markup {
    let bundle = cx.bundle;
    let list = |picks: &[(Facet, &str)]| list_target(facets, &state.selection, picks);
    let g = GraphContext { cx: *cx, list: &list };
    let nothing = cx.pick("没有要点可画。", "No takeaways to draw.");
    let drawn = match state.view {
        GraphView::Heatmap => (graphs::heatmap(&g, &theme_events(bundle, takeaways)), nothing),
        GraphView::Network => (graphs::network(&g, &co_occurrence(bundle, takeaways)), nothing),
        GraphView::Projects => (
            graphs::projects(&g, &theme_projects(bundle, takeaways, PROJECTS_SHOWN)),
            cx.pick("这些要点没有提到项目。", "These takeaways name no project."),
        ),
        GraphView::Compare => return comparison(&g, facets, state, compared),
    };
    html! {
        @match drawn {
            (Some(drawn), _) => (figure(cx, &drawn)),
            (None, why) => p.empty { (why) },
        }
    }
}

/// The comparison of the state's two events, with pickers for another pair: each option's
/// value is the page with that pick.
fn comparison(g: &GraphContext, facets: &Facets, state: &ThemesState, compared: &[usize]) -> Markup {
    let (cx, bundle) = (&g.cx, g.cx.bundle);
    let [a, b] = state.events;
    let picked = |side: usize, e: usize| {
        let mut events = state.events;
        events[side] = EventIx::at(e);
        (ThemesState { events, ..state.clone() }.target(bundle, facets), events[side] == state.events[side])
    };
    html! {
        div.event-picks {
            @for side in 0..2 {
                label.event-pick {
                    span { (["A", "B"][side]) }
                    select data-navigate {
                        @for (e, event) in bundle.events.iter().enumerate() {
                            @let (target, selected) = picked(side, e);
                            option value=(target) selected[selected] { (cx.name(&event.short_name())) }
                        }
                    }
                }
            }
        }
        @if a == b {
            p.notice { (cx.pick("请选择两场不同的大会。", "Pick two different events.")) }
        } @else {
            @let data = compare(bundle, compared, a, b);
            (figure(cx, &graphs::comparison(g, &data)))
            div.compare-project-lists { (graphs::compared_projects(g, &data)) }
        }
    }
}
