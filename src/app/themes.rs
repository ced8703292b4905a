//! The theme graphs page, `/themes`: the heatmap, the co-occurrence network, themes ↔
//! projects, and the comparison of two events, one at a time. Everything on screen is in the
//! URL: `view=heatmap|network|projects|compare`, the compared events `a` and `b`, and the list's
//! facet parameters (`event=…&project=…`), which every view but the comparison follows.

use std::fmt::Write;

use leptos::html::Div;
use leptos::prelude::*;

use super::browser::replace_markup;
use super::data::Site;
use super::graphs::compare::compare_view;
use super::graphs::{figure, list_target};
use super::prefs::{use_prefs, Lang};
use super::route::{use_router, Query};
use super::{href, set_title, Loaded, WithBundle};
use crate::facets::{Facet, Selection};
use crate::graphs::markup::{self, takeaways_count, GraphContext};
use crate::graphs::{co_occurrence, compare, theme_events, theme_projects, PROJECTS_SHOWN};
use crate::html::escape_into;
use crate::ids::encode_query_value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    Heatmap,
    Network,
    Projects,
    Compare,
}

impl View {
    const ALL: [View; 4] = [View::Heatmap, View::Network, View::Projects, View::Compare];

    fn key(self) -> &'static str {
        match self {
            View::Heatmap => "heatmap",
            View::Network => "network",
            View::Projects => "projects",
            View::Compare => "compare",
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        match self {
            View::Heatmap => lang.pick("主题 × 大会", "Themes × events"),
            View::Network => lang.pick("共现网络", "Co-occurrence"),
            View::Projects => lang.pick("主题 ↔ 项目", "Themes ↔ projects"),
            View::Compare => lang.pick("比较两场大会", "Compare events"),
        }
    }
}

/// What the page shows, as its URL says.
#[derive(Debug, Clone, PartialEq)]
struct ThemesState {
    view: View,
    selection: Selection,
    /// The compared events (indices into the bundle's events): the oldest and newest unless named.
    events: [usize; 2],
}

impl ThemesState {
    fn from_params(site: &Site, params: &Query) -> ThemesState {
        let view =
            params.get("view").and_then(|v| View::ALL.into_iter().find(|w| w.key() == v)).unwrap_or(View::Heatmap);
        let (selection, _) = site.facets().parse(|key| params.get(key));
        let event = |key: &str, default: usize| {
            params.get(key).and_then(|id| site.events.iter().position(|e| e.id == id)).unwrap_or(default)
        };
        let events = [event("a", 0), event("b", site.events.len().saturating_sub(1))];
        ThemesState { view, selection, events }
    }

    /// The router path of this state: `/themes?view=…&a=…&b=…&event=…`.
    fn target(&self, site: &Site) -> String {
        let mut params = vec![format!("view={}", self.view.key())];
        if self.view == View::Compare {
            params.extend(["a", "b"].iter().zip(self.events).map(|(k, e)| format!("{k}={}", site.events[e].id)));
        }
        for (key, values) in site.facets().params(&self.selection) {
            params.push(format!("{key}={}", encode_query_value(&values).replace("%2C", ",")));
        }
        format!("/themes?{}", params.join("&"))
    }
}

/// What the heatmap and network say when no takeaway is left.
const NOTHING: (&str, &str) = ("没有要点可画。", "No takeaways to draw.");

#[component]
pub fn ThemesPage() -> impl IntoView {
    view! { <WithBundle ready=|site| view! { <Themes site=site /> } /> }
}

#[component]
fn Themes(site: Loaded) -> impl IntoView {
    let router = use_router();
    let params = router.query();
    let lang = use_prefs().lang;
    let state = {
        let site = site.clone();
        Memo::new(move |_| ThemesState::from_params(&site, &params.read()))
    };
    let all: Vec<usize> = (0..site.takeaways.len()).collect();
    let selection = Memo::new(move |_| state.read().selection.clone());
    let filtered = |skip_events: bool| {
        let (site, all) = (site.clone(), all.clone());
        Memo::new(move |_| {
            let selection = selection.read();
            let selection = if skip_events { selection.cleared(Facet::Event) } else { selection.clone() };
            site.facets().filter(&all, &selection)
        })
    };
    let takeaways = filtered(false);
    // The comparison picks its own two events; the other filters still apply.
    let compare_takeaways = filtered(true);
    let events = Memo::new(move |_| state.read().events);
    let pick = {
        let site = site.clone();
        Callback::new(move |events: [usize; 2]| {
            let next = ThemesState { events, ..state.get_untracked() };
            router.navigate(&next.target(&site), false);
        })
    };
    Effect::new(move |_| {
        let lang = lang.get();
        set_title(&format!(
            "{} · {}",
            lang.pick("主题图谱", "Theme graphs"),
            lang.pick("KubeCon 要点", "KubeCon takeaways")
        ));
    });
    let view_kind = Memo::new(move |_| state.read().view);
    let header_site = site.clone();
    let header_box = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let markup = header(&header_site, lang.get(), &state.read(), takeaways.read().len());
        if let Some(header_box) = header_box.get() {
            replace_markup(&header_box, &markup);
        }
    });
    let graph = move || {
        let (lang, view, selection) = (lang.get(), view_kind.get(), selection.read());
        let base = href("");
        let list = |picks: &[(Facet, &str)]| list_target(&site, &selection, picks);
        let cx = GraphContext { bundle: &site, lang, base: base.trim_end_matches('/'), list: &list };
        let (drawn, zh, en) = match view {
            View::Heatmap => (markup::heatmap(&cx, &theme_events(&site, &takeaways.read())), NOTHING.0, NOTHING.1),
            View::Network => (markup::network(&cx, &co_occurrence(&site, &takeaways.read())), NOTHING.0, NOTHING.1),
            View::Projects => (
                markup::projects(&cx, &theme_projects(&site, &takeaways.read(), PROJECTS_SHOWN)),
                "这些要点没有提到项目。",
                "These takeaways name no project.",
            ),
            View::Compare => {
                let [a, b] = events.get();
                return compare_view(&cx, &compare(&site, &compare_takeaways.read(), a, b), pick).into_any();
            }
        };
        match drawn {
            Some(drawn) => figure(lang, drawn).into_any(),
            None => view! { <p class="empty">{lang.pick(zh, en)}</p> }.into_any(),
        }
    };
    view! {
        <div class="themes-page">
            <h1>{move || lang.get().pick("主题图谱", "Theme graphs")}</h1>
            <p class="lede">
                {move || lang.get().pick(
                    "主题在历届 KubeCon 中如何起落、哪些主题一起出现、哪些项目承载它们，以及两场大会的对比。",
                    "How themes rise and fall across KubeCons, which travel together, which projects carry them, and two events side by side.",
                )}
            </p>
            <div class="graph-header" node_ref=header_box></div>
            {graph}
        </div>
    }
}

/// The tabs, and but for the comparison the filters the graphs follow: one chip per event (or
/// all), the other picks with a way to drop them, how many takeaways remain, and the same
/// filters as a list. Plain links, so one markup string: far less wasm than views.
fn header(site: &Loaded, lang: Lang, state: &ThemesState, remaining: usize) -> String {
    let mut out = String::new();
    let _ = write!(out, "<nav class=\"view-tabs\" aria-label=\"{}\">", lang.pick("图表", "Graphs"));
    for view in View::ALL {
        let target = ThemesState { view, ..state.clone() }.target(site);
        link(&mut out, "view-tab", &target, (view == state.view).then_some("page"), view.label(lang));
    }
    out.push_str("</nav>");
    if state.view == View::Compare {
        return out;
    }
    let with = |selection: Selection| ThemesState { selection, ..state.clone() }.target(site);
    let no_event = state.selection.cleared(Facet::Event);
    let _ = write!(
        out,
        "<div class=\"graph-filters\"><ul class=\"chips\" aria-label=\"{}\"><li>",
        lang.pick("大会", "Event")
    );
    let current = state.selection.get(Facet::Event).is_empty().then_some("true");
    link(&mut out, "chip event-chip", &with(no_event.clone()), current, lang.pick("全部大会", "All events"));
    out.push_str("</li>");
    for (at, option) in site.facets().options(Facet::Event).iter().enumerate().rev() {
        let mut selection = no_event.clone();
        selection.insert(Facet::Event, at as u32);
        let current = state.selection.contains(Facet::Event, at as u32).then_some("true");
        out.push_str("<li>");
        link(&mut out, "chip event-chip", &with(selection), current, &lang.name(&option.label));
        out.push_str("</li>");
    }
    let _ = write!(out, "</ul><p class=\"result-count\"><strong>{}</strong> · ", takeaways_count(lang, remaining));
    link(&mut out, "", &list_target(site, &state.selection, &[]), None, lang.pick("在列表中查看", "Open as a list"));
    out.push_str("</p></div>");
    let others: Vec<String> = Facet::ALL
        .into_iter()
        .filter(|&f| f != Facet::Event)
        .flat_map(|f| {
            let (zh, en) = f.label();
            state
                .selection
                .get(f)
                .iter()
                .map(move |&o| (lang.pick(zh, en), &site.facets().options(f)[o as usize].label))
                .collect::<Vec<_>>()
        })
        .map(|(facet, label)| format!("{facet}: {}", lang.name(label)))
        .collect();
    if !others.is_empty() {
        let target =
            with(
                Facet::ALL
                    .iter()
                    .fold(state.selection.clone(), |s, &f| if f == Facet::Event { s } else { s.cleared(f) }),
            );
        out.push_str("<p class=\"notice\" role=\"status\">");
        out.push_str(lang.pick("只看：", "Only: "));
        escape_into(&mut out, &others.join(" · "));
        out.push(' ');
        link(&mut out, "", &target, None, lang.pick("清除", "Clear"));
        out.push_str("</p>");
    }
    out
}

/// Appends a link to `target`, a router path (`/themes?…`), with `text` escaped.
fn link(out: &mut String, class: &str, target: &str, current: Option<&str>, text: &str) {
    out.push_str("<a");
    if !class.is_empty() {
        let _ = write!(out, " class=\"{class}\"");
    }
    out.push_str(" href=\"");
    escape_into(out, &href(&target[1..]));
    out.push('"');
    if let Some(current) = current {
        let _ = write!(out, " aria-current=\"{current}\"");
    }
    out.push('>');
    escape_into(out, text);
    out.push_str("</a>");
}
