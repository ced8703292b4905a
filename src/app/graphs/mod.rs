//! The theme graphs' shared parts: the figure around each SVG (caption, "download SVG", the
//! table alternative), wrapped SVG labels, and the list links a click on a graph follows.

pub mod compare;
pub mod heatmap;
pub mod network;
pub mod projects;

use leptos::prelude::*;

use super::browser::download;
use super::data::Site;
use super::prefs::Lang;
use super::state::{ListState, PAGE};
use crate::facets::{Facet, Selection};
use crate::graphs::{FONT, LINE};

/// What a graph page gets: the bundle, the takeaways the filters leave, and those filters.
#[derive(Clone)]
pub struct GraphInput {
    pub site: super::Loaded,
    pub takeaways: Memo<Vec<usize>>,
    pub selection: Memo<Selection>,
}

/// The CSS variables graphs colour with; a downloaded SVG carries their current values, so it
/// looks the same outside the page, in the scheme it was saved in.
const COLOURS: [&str; 8] =
    ["--bg", "--fg", "--muted", "--line", "--card", "--accent", "--kind-product", "--kind-vendor"];

/// One graph: its caption, the SVG (which must carry `id`), a download button, and the table
/// alternative folded below.
pub fn figure(lang: Lang, id: &'static str, caption: String, svg: AnyView, table: AnyView) -> impl IntoView {
    let save = move |_| {
        if let Err(e) = download_svg(id) {
            leptos::logging::warn!("SVG download failed: {e}");
        }
    };
    view! {
        <figure class="graph">
            <figcaption>{caption}</figcaption>
            <div class="graph-scroll">{svg}</div>
            <div class="graph-tools">
                <button type="button" class="download-svg" on:click=save>
                    {lang.pick("下载 SVG", "Download SVG")}
                </button>
            </div>
            <details class="graph-table">
                <summary>{lang.pick("以表格查看", "Show as a table")}</summary>
                {table}
            </details>
        </figure>
    }
}

/// The `style` of an SVG `width` user units wide: it fits the page's width, growing to a
/// quarter above its size (labels at body text size) and shrinking to two thirds (labels
/// would get too small below), scrolling sideways inside its figure after that.
pub fn svg_style(width: f64) -> String {
    format!("max-width:{:.0}px;min-width:{:.0}px", width * 1.25, width * 0.65)
}

/// `lines` as one SVG text, one line per tspan, centred vertically on `y`.
pub fn label(lines: &[String], x: f64, y: f64, anchor: &'static str) -> impl IntoView {
    let first = -(lines.len() as f64 - 1.0) / 2.0;
    let spans = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let dy = y + (first + i as f64) * LINE;
            view! { <tspan x=format!("{x:.1}") y=format!("{dy:.1}")>{line.clone()}</tspan> }
        })
        .collect_view();
    view! {
        <text text-anchor=anchor dominant-baseline="central" font-size=FONT.to_string() style="fill:var(--fg)">
            {spans}
        </text>
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

/// "42%".
pub fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// "3 takeaways" / "3 条要点".
pub fn takeaways_count(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Zh => format!("{count} 条要点"),
        Lang::En => format!("{count} takeaway{}", if count == 1 { "" } else { "s" }),
    }
}

/// Saves the SVG element `id` as `<id>.svg`, with the colours it uses inlined.
fn download_svg(id: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let svg = document.get_element_by_id(id).ok_or("no such graph")?;
    let root = document.document_element().ok_or("no root element")?;
    let style = window.get_computed_style(&root).ok().flatten().ok_or("no computed style")?;
    let colours: String = COLOURS
        .iter()
        .map(|name| format!("{name}:{};", style.get_property_value(name).unwrap_or_default().trim()))
        .collect();
    let markup = svg.outer_html();
    // The variables go on the svg element itself, right after its opening tag.
    let at = markup.find('>').ok_or("not an element")? + 1;
    let font = "font-family:system-ui,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif";
    let text = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}<style>svg{{{colours}{font}}}</style>{}",
        &markup[..at],
        &markup[at..]
    );
    download(&format!("{id}.svg"), "image/svg+xml", &text)
}
