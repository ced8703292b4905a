//! Themes × events: a cell per theme and event with the count and share, shaded by share.

use maud::html;

use super::{at, label, link, percent, svg, Figure, Fixed, GraphContext};
use crate::explore::facets::Facet;
use crate::explore::graphs::layout::{heatmap_layout, HEADER_FONT, LINE};
use crate::explore::graphs::ThemeEvents;
use crate::render::lang::Lang;
use crate::render::takeaways_count;

/// The heatmap; a cell with takeaways opens the list filtered to its theme and event. None when
/// no takeaway is left.
pub fn heatmap(g: &GraphContext, data: &ThemeEvents) -> Option<Figure> {
    if data.rows.is_empty() {
        return None;
    }
    let (cx, bundle) = (&g.cx, g.cx.bundle);
    let names: Vec<String> = data.rows.iter().map(|r| cx.name(&bundle.theme(r.theme).name)).collect();
    let headers: Vec<[String; 3]> = data
        .events
        .iter()
        .map(|&e| {
            let event = bundle.event(e);
            [event.year().to_owned(), cx.name(&event.region), cx.name(&event.city)]
        })
        .collect();
    let layout = heatmap_layout(data, &names, &headers);
    let aria = match cx.lang {
        Lang::Zh => format!("热力图：{} 个主题 × {} 场大会，每格为该大会含此主题的要点数与占比", data.rows.len(), data.events.len()),
        Lang::En => format!(
            "Heatmap of {} themes by {} events: each cell is the number and share of the event's takeaways with the theme",
            data.rows.len(),
            data.events.len()
        ),
    };
    let picture = html! {
        @for (c, lines) in headers.iter().enumerate() {
            @let x = layout.left + layout.column * (c as f64 + 0.5);
            text text-anchor="middle" font-size=(Fixed(HEADER_FONT, 0)) class="muted" {
                @for (i, line) in lines.iter().enumerate() {
                    tspan x=(at(x)) y=(at(6.0 + LINE * (i as f64 + 0.7))) font-weight=(if i == 0 { 700 } else { 400 }) { (line) }
                }
            }
        }
        @for (row, band) in data.rows.iter().zip(&layout.rows) {
            @let theme = bundle.theme(row.theme);
            g.heat-row {
                (label(&band.lines, layout.left - 10.0, band.middle(), "end"))
                @for (c, &e) in data.events.iter().enumerate() {
                    @let (count, share) = (row.counts[c], data.share(row, c));
                    @let event = bundle.event(e);
                    @let tip = format!("{} · {}: {} ({})", cx.name(&theme.name), cx.name(&event.short_name()), takeaways_count(cx.lang, count), percent(share));
                    @let shade = layout.shade(share);
                    // Figures on a dark shade are drawn in the background colour.
                    @let ink = if count == 0 { "muted" } else if shade > 0.55 { "on-accent" } else { "ink" };
                    @let x = layout.left + layout.column * c as f64;
                    @let drawn = html! {
                        rect x=(at(x + 2.0)) y=(at(band.y + 2.0)) width=(at(layout.column - 4.0)) height=(at(band.height - 4.0))
                            rx="4" fill-opacity=(Fixed(if count == 0 { 1.0 } else { shade }, 2)) {}
                        @let (figure, share_text) = if count == 0 { ("·".to_owned(), String::new()) } else { (count.to_string(), percent(share)) };
                        @for (dy, size, weight, text) in [(-6.0, 14, 700, figure), (9.0, 10, 400, share_text)] {
                            text x=(at(x + layout.column / 2.0)) y=(at(band.middle() + dy)) text-anchor="middle" dominant-baseline="central"
                                font-size=(size) font-weight=(weight) class=(ink) { (text) }
                        }
                    };
                    @if count == 0 {
                        // An empty cell links nowhere.
                        g.cell data-theme=(theme.id) data-event=(event.id) { title { (tip) } (drawn) }
                    } @else {
                        @let target = (g.list)(&[(Facet::Theme, &theme.id), (Facet::Event, &event.id)]);
                        (link("cell", &[("data-theme", &theme.id), ("data-event", &event.id)], &target, &tip, drawn))
                    }
                }
            }
        }
    };
    let table = html! {
        table.graph-data {
            thead {
                tr {
                    th scope="col" { (cx.pick("主题", "Theme")) }
                    @for (&e, &total) in data.events.iter().zip(&data.totals) {
                        th scope="col" { (cx.name(&bundle.event(e).short_name())) br; (takeaways_count(cx.lang, total)) }
                    }
                }
            }
            tbody {
                @for row in &data.rows {
                    @let theme = bundle.theme(row.theme);
                    tr {
                        th scope="row" { (cx.name(&theme.name)) }
                        @for (c, &e) in data.events.iter().enumerate() {
                            @let text = format!("{} ({})", row.counts[c], percent(data.share(row, c)));
                            td {
                                @if row.counts[c] == 0 { (text) } @else {
                                    a href=(g.href(&[(Facet::Theme, &theme.id), (Facet::Event, &bundle.event(e).id)])) { (text) }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    let caption = cx.pick(
        "主题的起落：每场大会（按时间从左到右）含该主题的要点数；颜色越深，占该大会要点的比例越高。点击格子查看这些要点。",
        "How themes rise and fall: takeaways per theme at each event, oldest left; the darker, the larger the share of that event's takeaways. Click a cell for its takeaways.",
    );
    Some(Figure {
        id: "theme-heatmap",
        width: layout.width,
        caption: caption.to_owned(),
        svg: svg("theme-heatmap", layout.width, layout.height, &aria, picture),
        table,
    })
}
