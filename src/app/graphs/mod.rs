//! The theme graphs' shared parts: the figure around each graph's markup (caption, the SVG,
//! "download SVG", the table alternative folded below), and the delegated handlers that make
//! the inserted SVG clickable and light a hovered node's arcs.

pub mod compare;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

use super::browser::download;
use super::data::Site;
use super::prefs::Lang;
use super::route::{closest, use_router};
use super::state::{ListState, PAGE};
use crate::facets::{Facet, Selection};
use crate::graphs::markup::Figure;

/// The CSS variables graphs colour with; a downloaded SVG carries their current values, so it
/// looks the same outside the page, in the scheme it was saved in.
const COLOURS: [&str; 8] =
    ["--bg", "--fg", "--muted", "--line", "--card", "--accent", "--kind-product", "--kind-vendor"];

/// The stylesheet rules a downloaded SVG takes along: those of the graphs' own elements.
const SVG_RULES: &str = ".theme-graph";

/// One graph: its caption, the SVG, a download button, and the table alternative.
pub fn figure(lang: Lang, figure: Figure) -> impl IntoView {
    let Figure { id, width, caption, svg, table } = figure;
    let router = use_router();
    let saved = svg.clone();
    let save = move |_| {
        if let Err(e) = download_svg(id, &saved) {
            leptos::logging::warn!("SVG download failed: {e}");
        }
    };
    // A click anywhere in the picture follows the nearest `data-href`.
    let follow = move |ev: web_sys::MouseEvent| {
        if let Some(target) = closest(&ev, "[data-href]").and_then(|e| e.get_attribute("data-href")) {
            router.navigate(&target, false);
        }
    };
    let hover = move |ev: web_sys::MouseEvent| {
        let node = closest(&ev, "[data-node]").and_then(|e| e.get_attribute("data-node"));
        light_arcs(&ev, node.as_deref());
    };
    view! {
        <figure class="graph">
            <figcaption>{caption}</figcaption>
            // It fits the page's width, growing to a quarter above its size (labels at body text
            // size) and shrinking to two thirds (labels would get too small below), scrolling
            // sideways after that. Set through the CSSOM: the CSP forbids style attributes.
            <div class="graph-scroll">
                <div
                    class="graph-canvas"
                    style:max-width=format!("{}px", (width * 1.25).round() as u32)
                    style:min-width=format!("{}px", (width * 0.65).round() as u32)
                    inner_html=svg
                    on:click=follow
                    on:mouseover=hover
                    on:mouseleave=move |ev| light_arcs(&ev, None)
                />
            </div>
            <div class="graph-tools">
                <button type="button" class="download-svg" on:click=save>
                    {lang.pick("下载 SVG", "Download SVG")}
                </button>
            </div>
            <details class="graph-table">
                <summary>{lang.pick("以表格查看", "Show as a table")}</summary>
                <div inner_html=table />
            </details>
        </figure>
    }
}

/// Lights the arcs of the graph under `ev` that end at `node` and fades the others; with no
/// node, all arcs as drawn.
fn light_arcs(ev: &Event, node: Option<&str>) {
    let Some(canvas) = ev.current_target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let Ok(arcs) = canvas.query_selector_all("[data-ends]") else { return };
    for arc in (0..arcs.length()).filter_map(|i| arcs.item(i)?.dyn_into::<Element>().ok()) {
        let lit = node.map(|n| arc.get_attribute("data-ends").is_some_and(|ends| ends.split(' ').any(|e| e == n)));
        let classes = arc.class_list();
        let _ = classes.toggle_with_force("lit", lit == Some(true));
        let _ = classes.toggle_with_force("faded", lit == Some(false));
    }
}

/// The list's router path for the current `selection` with `picks` replacing the picks of the
/// facets they name, e.g. a heatmap cell's theme and event.
pub fn list_target(site: &Site, selection: &Selection, picks: &[(Facet, &str)]) -> String {
    let mut selection = picks.iter().fold(selection.clone(), |s, (facet, _)| s.cleared(*facet));
    for (facet, value) in picks {
        if let Some(at) = site.facets().options(*facet).iter().position(|o| o.value == *value) {
            selection.insert(*facet, at as u32);
        }
    }
    ListState { shown: PAGE, ..Default::default() }.with_selection(selection).target(site)
}

/// Saves `svg` as `<id>.svg`, with the current colours and the graphs' rules inlined.
fn download_svg(id: &str, svg: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let root = document.document_element().ok_or("no root element")?;
    let style = window.get_computed_style(&root).ok().flatten().ok_or("no computed style")?;
    let colours: String = COLOURS
        .iter()
        .map(|name| format!("{name}:{};", style.get_property_value(name).unwrap_or_default().trim()))
        .collect();
    let sheets = document.style_sheets();
    let rules: String = (0..sheets.length())
        .filter_map(|i| sheets.get(i)?.dyn_into::<web_sys::CssStyleSheet>().ok()?.css_rules().ok())
        .flat_map(|rules| (0..rules.length()).filter_map(move |i| rules.get(i)))
        .map(|rule| rule.css_text())
        .filter(|text| text.starts_with(SVG_RULES))
        .collect();
    // The styles go inside the svg element, right after its opening tag.
    let at = svg.find('>').ok_or("not an element")? + 1;
    let font = "font-family:system-ui,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif";
    let text = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}<style>svg{{{colours}{font}}}{rules}</style>{}",
        &svg[..at],
        &svg[at..]
    );
    download(&format!("{id}.svg"), "image/svg+xml", &text)
}
