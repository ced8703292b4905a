//! The theme graphs in the page: a hovered node's arcs lit, and "download SVG" with the current
//! colours.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::app::browser::download;
use crate::app::route::closest;

/// The CSS variables graphs colour with; a downloaded SVG carries their current values, so it
/// looks the same outside the page, in the scheme it was saved in.
const COLOURS: [&str; 8] =
    ["--bg", "--fg", "--muted", "--line", "--card", "--accent", "--kind-product", "--kind-vendor"];

/// The stylesheet rules a downloaded SVG takes along: those of the graphs' own elements.
const SVG_RULES: &str = ".theme-graph";

/// Lights the arcs of the hovered node's graph that end at it and fades the others; every
/// other graph's arcs as drawn.
pub fn hovered(ev: &web_sys::Event) {
    let node = closest(ev, ".graph-canvas [data-node]").and_then(|e| e.get_attribute("data-node"));
    let canvas = closest(ev, ".graph-canvas");
    let Ok(arcs) = document().query_selector_all(".graph-canvas [data-ends]") else { return };
    for arc in (0..arcs.length()).filter_map(|i| arcs.item(i)?.dyn_into::<Element>().ok()) {
        let here = canvas.as_ref().is_some_and(|c| c.contains(Some(&arc)));
        let lit = node
            .as_deref()
            .filter(|_| here)
            .map(|n| arc.get_attribute("data-ends").is_some_and(|ends| ends.split(' ').any(|e| e == n)));
        let classes = arc.class_list();
        let _ = classes.toggle_with_force("lit", lit == Some(true));
        let _ = classes.toggle_with_force("faded", lit == Some(false));
    }
}

/// Saves the graph `id` as `<id>.svg`, with the current colours and the graphs' rules inlined.
pub fn download_svg(id: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let svg = document.get_element_by_id(id).ok_or("no such graph")?.outer_html();
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
