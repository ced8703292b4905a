//! Two events side by side: a back-to-back bar chart of the themes gained, shared and lost
//! (bars by share of each event's takeaways, labelled with counts), and the projects both
//! events mention next to those only one does. The two events are in the URL (`a`, `b`).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::{figure, label, list_target, percent, svg_style, takeaways_count, GraphInput};
use crate::app::href;
use crate::app::prefs::{use_prefs, Lang};
use crate::facets::{Facet, Selection};
use crate::graphs::{compare, share, text_ems, wrap, Change, Counted, FONT, LINE};

/// Longest bar, in pixels.
const BAR: f64 = 100.0;
/// Room for a bar's "3 · 30%".
const FIGURES: f64 = 56.0;
/// Theme names wrap narrower than elsewhere: the bars need the room on a phone.
const LABEL_EMS: f64 = 11.0;
/// Projects listed per "only at" group before "and N more".
const ONLY_SHOWN: usize = 12;

#[component]
pub fn Compare(input: GraphInput, events: Memo<[usize; 2]>, pick: Callback<[usize; 2]>) -> impl IntoView {
    let lang = use_prefs().lang;
    let navigate = use_navigate();
    move || {
        let (lang, site, selection, [a, b]) = (lang.get(), &input.site, input.selection.get(), events.get());
        let comparison = compare(site, &input.takeaways.get(), a, b);
        let event_names = [a, b].map(|e| lang.name(&site.events[e].short_name()));
        let event_ids = [a, b].map(|e| site.events[e].id.clone());
        let pickers = [0, 1]
            .into_iter()
            .map(|side| {
                let options = site
                    .events
                    .iter()
                    .enumerate()
                    .map(|(e, event)| {
                        view! { <option value=e.to_string() selected=e == [a, b][side]>{lang.name(&event.short_name())}</option> }
                    })
                    .collect_view();
                let change = move |ev| {
                    if let Ok(e) = event_target_value(&ev).parse::<usize>() {
                        let mut pair = [a, b];
                        pair[side] = e;
                        pick.run(pair);
                    }
                };
                view! {
                    <label class="event-pick">
                        <span>{if side == 0 { "A" } else { "B" }}</span>
                        <select on:change=change>{options}</select>
                    </label>
                }
            })
            .collect_view();
        let pickers = view! { <div class="event-picks">{pickers}</div> };
        if a == b {
            return view! {
                {pickers}
                <p class="notice">{lang.pick("请选择两场不同的大会。", "Pick two different events.")}</p>
            }
            .into_any();
        }

        let lines: Vec<Vec<String>> =
            comparison.themes.iter().map(|c| wrap(&lang.name(&site.themes[c.index].name), LABEL_EMS)).collect();
        let label_width = lines.iter().flatten().map(|l| text_ems(l) * FONT).fold(0.0, f64::max);
        let left_axis = 8.0 + FIGURES + BAR;
        let centre = left_axis + 10.0 + label_width / 2.0;
        let right_axis = left_axis + 20.0 + label_width;
        let width = right_axis + BAR + FIGURES + 8.0;
        let shares = |c: &Counted| [0, 1].map(|side| share(c.counts[side], comparison.totals[side]));
        let max_share = comparison.themes.iter().flat_map(shares).fold(0.0, f64::max).max(f64::EPSILON);

        let mut y = 8.0;
        let heads = [0, 1]
            .map(|side| {
                let x = if side == 0 { left_axis - BAR / 2.0 } else { right_axis + BAR / 2.0 };
                let name: Vec<String> = event_names[side].split(" · ").map(str::to_owned).collect();
                let total = takeaways_count(lang, comparison.totals[side]);
                let lines = [vec![if side == 0 { "A".to_owned() } else { "B".to_owned() }], name, vec![total]].concat();
                label(&lines, x, y + 2.0 * LINE, "middle")
            })
            .collect_view();
        y += 4.0 * LINE + 8.0;
        let mut rows = Vec::new();
        let mut group = None;
        for (c, lines) in comparison.themes.iter().zip(&lines) {
            if group != Some(c.change()) {
                if group.is_some() {
                    y += 10.0;
                }
                group = Some(c.change());
                let title = match c.change() {
                    Change::Gained => lang.pick("只在 B 出现（新增）", "Only at B (gained)"),
                    Change::Shared => lang.pick("两场都有", "At both"),
                    Change::Lost => lang.pick("只在 A 出现（消失）", "Only at A (lost)"),
                };
                rows.push(view! {
                    <text x=format!("{centre:.1}") y=format!("{:.1}", y + 14.0) text-anchor="middle" font-size="12" font-weight="700" style="fill:var(--muted)">
                        {title}
                    </text>
                    <line x1="8" x2=format!("{:.1}", width - 8.0) y1=format!("{:.1}", y + 22.0) y2=format!("{:.1}", y + 22.0) style="stroke:var(--line)" />
                }
                .into_any());
                y += 28.0;
            }
            let height = (lines.len() as f64 * LINE + 8.0).max(28.0);
            let mid = y + height / 2.0;
            let theme = &site.themes[c.index];
            let bars = [0, 1]
                .into_iter()
                .filter(|&side| c.counts[side] > 0)
                .map(|side| {
                    let s = shares(c)[side];
                    let length = (BAR * s / max_share).max(2.0);
                    let (x, text_x, anchor) = if side == 0 {
                        (left_axis - length, left_axis - length - 4.0, "end")
                    } else {
                        (right_axis, right_axis + length + 4.0, "start")
                    };
                    let figures = format!("{} · {}", c.counts[side], percent(s));
                    let tip = format!("{} · {}: {} ({})", lang.name(&theme.name), event_names[side], takeaways_count(lang, c.counts[side]), percent(s));
                    let target = list_target(site, &selection, &[(Facet::Theme, &theme.id), (Facet::Event, &event_ids[side])]);
                    let navigate = navigate.clone();
                    let fill = if side == 0 { "fill:var(--muted)" } else { "fill:var(--accent)" };
                    view! {
                        <g class="bar link" data-theme=theme.id.clone() data-event=event_ids[side].clone() on:click=move |_| navigate(&target, Default::default())>
                            <title>{tip}</title>
                            <rect x=format!("{x:.1}") y=format!("{:.1}", mid - 7.0) width=format!("{length:.1}") height="14" rx="2" style=fill />
                            <text x=format!("{text_x:.1}") y=format!("{mid:.1}") text-anchor=anchor dominant-baseline="central" font-size="11" style="fill:var(--fg)">
                                {figures}
                            </text>
                        </g>
                    }
                })
                .collect_view();
            rows.push(view! { <g class="compare-row">{label(lines, centre, mid, "middle")} {bars}</g> }.into_any());
            y += height;
        }
        let height = y + 8.0;
        let count = |change: Change| comparison.themes.iter().filter(|c| c.change() == change).count();
        let aria = match lang {
            Lang::Zh => format!(
                "比较 {} 与 {}：新增 {} 个主题，消失 {} 个，共有 {} 个",
                event_names[0],
                event_names[1],
                count(Change::Gained),
                count(Change::Lost),
                count(Change::Shared)
            ),
            Lang::En => format!(
                "{} compared with {}: {} themes gained, {} lost, {} shared",
                event_names[0],
                event_names[1],
                count(Change::Gained),
                count(Change::Lost),
                count(Change::Shared)
            ),
        };
        let svg = view! {
            <svg
                id="theme-compare"
                xmlns="http://www.w3.org/2000/svg"
                viewBox=format!("0 0 {width:.0} {height:.0}")
                width="100%"
                style=svg_style(width)
                role="img"
                aria-label=aria
            >
                {heads}
                {rows}
            </svg>
        }
        .into_any();
        let table_rows = comparison
            .themes
            .iter()
            .map(|c| {
                let s = shares(c);
                let (key, change) = match c.change() {
                    Change::Gained => ("gained", lang.pick("新增", "gained")),
                    Change::Shared => ("shared", lang.pick("共有", "shared")),
                    Change::Lost => ("lost", lang.pick("消失", "lost")),
                };
                view! {
                    <tr class=format!("change-{key}")>
                        <th scope="row">{lang.name(&site.themes[c.index].name)}</th>
                        <td>{format!("{} ({})", c.counts[0], percent(s[0]))}</td>
                        <td>{format!("{} ({})", c.counts[1], percent(s[1]))}</td>
                        <td>{change}</td>
                    </tr>
                }
            })
            .collect_view();
        let table = view! {
            <table class="graph-data">
                <thead>
                    <tr>
                        <th scope="col">{lang.pick("主题", "Theme")}</th>
                        <th scope="col">{format!("A: {}", event_names[0])}</th>
                        <th scope="col">{format!("B: {}", event_names[1])}</th>
                        <th scope="col">{lang.pick("变化", "Change")}</th>
                    </tr>
                </thead>
                <tbody>{table_rows}</tbody>
            </table>
        }
        .into_any();
        let caption = lang
            .pick(
                "两场大会的主题对比：条形长度为占该大会要点的比例，数字为要点数。点击条形查看这些要点。",
                "Two events' themes side by side: bar length is the share of each event's takeaways, the figures are counts. Click a bar for its takeaways.",
            )
            .to_owned();
        let projects = project_lists(lang, site, &selection, &comparison.projects, &event_ids, &event_names);
        view! {
            {pickers}
            {figure(lang, "theme-compare", caption, svg, table)}
            {projects}
        }
        .into_any()
    }
}

/// The projects both events mention, then those only one does, each linking to the list.
fn project_lists(
    lang: Lang,
    site: &crate::app::Loaded,
    selection: &Selection,
    projects: &[Counted],
    event_ids: &[String; 2],
    event_names: &[String; 2],
) -> impl IntoView {
    let group = |change: Change, title: String| {
        let members: Vec<&Counted> = projects.iter().filter(|c| c.change() == change).collect();
        let shown = if change == Change::Shared { members.len() } else { ONLY_SHOWN };
        let more = members.len().saturating_sub(shown);
        let items = members
            .iter()
            .take(shown)
            .map(|c| {
                let project = &site.projects[c.index];
                let picks = [
                    (Facet::Project, project.id.as_str()),
                    (Facet::Event, &event_ids[0]),
                    (Facet::Event, &event_ids[1]),
                ];
                let target = list_target(site, selection, &picks);
                let figures = match change {
                    Change::Shared => format!("{} · {}", c.counts[0], c.counts[1]),
                    _ => (c.counts[0] + c.counts[1]).to_string(),
                };
                let name = project.name.clone();
                view! {
                    <li>
                        <A href=href(&target[1..]) attr:class=format!("chip project {}", project.kind.as_str())>
                            {name} " " <span class="count">{figures}</span>
                        </A>
                    </li>
                }
            })
            .collect_view();
        let more = (more > 0).then(|| match lang {
            Lang::Zh => format!("还有 {more} 个"),
            Lang::En => format!("and {more} more"),
        });
        view! {
            <section class="compare-projects">
                <h3>{title} " " <span class="count">{members.len()}</span></h3>
                <ul class="chips">{items} {more.map(|m| view! { <li class="more-projects">{m}</li> })}</ul>
            </section>
        }
    };
    let [a, b] = event_names;
    view! {
        <div class="compare-project-lists">
            {group(Change::Shared, lang.pick("两场都提到的项目（A · B）", "Projects at both (A · B)").to_owned())}
            {group(Change::Lost, format!("{}{a}", lang.pick("只在 A 提到：", "Only at A: ")))}
            {group(Change::Gained, format!("{}{b}", lang.pick("只在 B 提到：", "Only at B: ")))}
        </div>
    }
}
