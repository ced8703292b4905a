//! Themes × events: a heatmap with events by date left to right and a cell per theme and event
//! (takeaway count, and shade by share of that event's takeaways), so rises and falls read
//! across a row. A cell opens the list filtered to its theme and event.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::{figure, label, list_target, percent, svg_style, takeaways_count, GraphInput};
use crate::app::href;
use crate::app::prefs::{use_prefs, Lang};
use crate::facets::Facet;
use crate::graphs::{text_ems, theme_events, wrap, LINE};

/// Label widths in ems before wrapping: narrower than the network's, the columns need room.
const LABEL_EMS: f64 = 14.0;
const HEADER_FONT: f64 = 12.0;

#[component]
pub fn Heatmap(input: GraphInput) -> impl IntoView {
    let lang = use_prefs().lang;
    let navigate = use_navigate();
    move || {
        let (lang, site, selection) = (lang.get(), &input.site, input.selection.get());
        let data = theme_events(site, &input.takeaways.get());
        if data.rows.is_empty() {
            return view! { <p class="empty">{lang.pick("没有要点可画。", "No takeaways to draw.")}</p> }.into_any();
        }
        let names: Vec<Vec<String>> =
            data.rows.iter().map(|r| wrap(&lang.name(&site.themes[r.theme].name), LABEL_EMS)).collect();
        let headers: Vec<Vec<String>> = data
            .events
            .iter()
            .map(|&e| {
                let event = &site.events[e];
                vec![
                    event.start.get(..4).unwrap_or_default().to_owned(),
                    lang.name(&event.region),
                    lang.name(&event.city),
                ]
            })
            .collect();
        let width_of = |lines: &[String], font: f64| lines.iter().map(|l| text_ems(l) * font).fold(0.0, f64::max);
        let label_width = names.iter().map(|l| width_of(l, crate::graphs::FONT)).fold(0.0, f64::max);
        let column = headers.iter().map(|h| width_of(h, HEADER_FONT) + 12.0).fold(68.0, f64::max);
        let left = 8.0 + label_width + 10.0;
        let header_height = 3.0 * LINE + 10.0;
        let width = left + column * data.events.len() as f64 + 8.0;
        let max_share = data
            .rows
            .iter()
            .flat_map(|r| (0..data.events.len()).map(move |c| (r, c)))
            .map(|(r, c)| data.share(r, c))
            .fold(0.0, f64::max);

        let header_view = headers
            .iter()
            .enumerate()
            .map(|(c, lines)| {
                let x = left + column * (c as f64 + 0.5);
                let spans = lines
                    .iter()
                    .enumerate()
                    .map(|(i, line)| {
                        let y = 6.0 + LINE * (i as f64 + 0.7);
                        view! { <tspan x=format!("{x:.1}") y=format!("{y:.1}") font-weight=if i == 0 { "700" } else { "400" }>{line.clone()}</tspan> }
                    })
                    .collect_view();
                view! { <text text-anchor="middle" font-size=HEADER_FONT.to_string() style="fill:var(--muted)">{spans}</text> }
            })
            .collect_view();

        let mut y = header_height;
        let mut rows_view = Vec::new();
        for (row, lines) in data.rows.iter().zip(&names) {
            let height = (lines.len() as f64 * LINE + 8.0).max(40.0);
            let theme = &site.themes[row.theme];
            let cells = data
                .events
                .iter()
                .enumerate()
                .map(|(c, &e)| {
                    let (count, share) = (row.counts[c], data.share(row, c));
                    let x = left + column * c as f64;
                    let event_name = lang.name(&site.events[e].short_name());
                    let tip = format!("{} · {event_name}: {} ({})", lang.name(&theme.name), takeaways_count(lang, count), percent(share));
                    let shade = if max_share > 0.0 { 0.12 + 0.88 * share / max_share } else { 0.0 };
                    let (fill, ink) = if count == 0 {
                        ("fill:var(--card)".to_owned(), "fill:var(--muted)")
                    } else {
                        (format!("fill:var(--accent);fill-opacity:{shade:.2}"), if shade > 0.55 { "fill:var(--bg)" } else { "fill:var(--fg)" })
                    };
                    let target = list_target(site, &selection, &[(Facet::Theme, &theme.id), (Facet::Event, &site.events[e].id)]);
                    let navigate = navigate.clone();
                    let linked = count > 0;
                    let (cx, cy) = (x + column / 2.0, y + height / 2.0);
                    view! {
                        <g
                            class="cell"
                            class:link=linked
                            data-theme=theme.id.clone()
                            data-event=site.events[e].id.clone()
                            on:click=move |_| {
                                if linked {
                                    navigate(&target, Default::default())
                                }
                            }
                        >
                            <title>{tip}</title>
                            <rect x=format!("{:.1}", x + 2.0) y=format!("{:.1}", y + 2.0) width=format!("{:.1}", column - 4.0) height=format!("{:.1}", height - 4.0) rx="4" style=fill />
                            <text x=format!("{cx:.1}") y=format!("{:.1}", cy - 6.0) text-anchor="middle" dominant-baseline="central" font-size="14" font-weight="700" style=ink>
                                {if count == 0 { "·".to_owned() } else { count.to_string() }}
                            </text>
                            <text x=format!("{cx:.1}") y=format!("{:.1}", cy + 9.0) text-anchor="middle" dominant-baseline="central" font-size="10" style=ink>
                                {if count == 0 { String::new() } else { percent(share) }}
                            </text>
                        </g>
                    }
                })
                .collect_view();
            rows_view.push(view! {
                <g class="heat-row">
                    {label(lines, left - 10.0, y + height / 2.0, "end")}
                    {cells}
                </g>
            });
            y += height;
        }
        let height = y + 8.0;
        let aria = match lang {
            Lang::Zh => format!("热力图：{} 个主题 × {} 场大会，每格为该大会含此主题的要点数与占比", data.rows.len(), data.events.len()),
            Lang::En => format!(
                "Heatmap of {} themes by {} events: each cell is the number and share of the event's takeaways with the theme",
                data.rows.len(),
                data.events.len()
            ),
        };
        let svg = view! {
            <svg
                id="theme-heatmap"
                xmlns="http://www.w3.org/2000/svg"
                viewBox=format!("0 0 {width:.0} {height:.0}")
                width="100%"
                style=svg_style(width)
                role="img"
                aria-label=aria
            >
                {header_view}
                {rows_view}
            </svg>
        }
        .into_any();

        let table_rows = data
            .rows
            .iter()
            .map(|row| {
                let theme = &site.themes[row.theme];
                let cells = data
                    .events
                    .iter()
                    .enumerate()
                    .map(|(c, &e)| {
                        let text = format!("{} ({})", row.counts[c], percent(data.share(row, c)));
                        let target = list_target(
                            site,
                            &selection,
                            &[(Facet::Theme, &theme.id), (Facet::Event, &site.events[e].id)],
                        );
                        let cell = if row.counts[c] == 0 {
                            text.into_any()
                        } else {
                            view! { <A href=href(&target[1..])>{text}</A> }.into_any()
                        };
                        view! { <td>{cell}</td> }
                    })
                    .collect_view();
                view! { <tr><th scope="row">{lang.name(&theme.name)}</th>{cells}</tr> }
            })
            .collect_view();
        let event_heads = data
            .events
            .iter()
            .zip(&data.totals)
            .map(|(&e, total)| view! { <th scope="col">{lang.name(&site.events[e].short_name())} <br /> {takeaways_count(lang, *total)}</th> })
            .collect_view();
        let table = view! {
            <table class="graph-data">
                <thead><tr><th scope="col">{lang.pick("主题", "Theme")}</th>{event_heads}</tr></thead>
                <tbody>{table_rows}</tbody>
            </table>
        }
        .into_any();
        let caption = lang
            .pick(
                "主题的起落：每场大会（按时间从左到右）含该主题的要点数；颜色越深，占该大会要点的比例越高。点击格子查看这些要点。",
                "How themes rise and fall: takeaways per theme at each event, oldest left; the darker, the larger the share of that event's takeaways. Click a cell for its takeaways.",
            )
            .to_owned();
        figure(lang, "theme-heatmap", caption, svg, table).into_any()
    }
}
