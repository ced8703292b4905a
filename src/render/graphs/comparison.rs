//! Two events side by side: their themes as back-to-back bars, gained, shared and lost, and the
//! projects both mention next to those only one does.

use maud::{html, Markup};

use super::{at, head, label, link, percent, svg, Figure, GraphContext};
use crate::explore::facets::Facet;
use crate::explore::graphs::layout::{comparison_layout, BAR};
use crate::explore::graphs::{Change, Comparison, Counted};
use crate::model::ProjectIx;
use crate::render::lang::Lang;
use crate::render::takeaways_count;

/// Projects listed per "only at" group before "and N more".
const ONLY_SHOWN: usize = 12;

/// The themes' bars by share; a bar opens the list of its theme at its event.
pub fn comparison(g: &GraphContext, comparison: &Comparison) -> Figure {
    let (cx, bundle) = (&g.cx, g.cx.bundle);
    let events = comparison.events.map(|e| bundle.event(e));
    let event_names = events.map(|e| cx.name(&e.short_name()));
    let names: Vec<String> = comparison.themes.iter().map(|c| cx.name(&bundle.theme(c.what).name)).collect();
    let layout = comparison_layout(comparison, &names);
    let picture = html! {
        @for side in 0..2 {
            @let x = if side == 0 { layout.left_axis - BAR / 2.0 } else { layout.right_axis + BAR / 2.0 };
            @let heading: Vec<String> = std::iter::once(["A", "B"][side].to_owned())
                .chain(event_names[side].split(" · ").map(str::to_owned))
                .chain([takeaways_count(cx.lang, comparison.totals[side])])
                .collect();
            (label(&heading, x, layout.heads_y, "middle"))
        }
        @for &(change, y) in &layout.groups {
            text x=(at(layout.centre)) y=(at(y + 14.0)) text-anchor="middle" font-size="12" font-weight="700" class="muted" {
                (group_title(cx.lang, change))
            }
            line x1="8" x2=(at(layout.width - 8.0)) y1=(at(y + 22.0)) y2=(at(y + 22.0)) {}
        }
        @for (c, band) in comparison.themes.iter().zip(&layout.rows) {
            @let theme = bundle.theme(c.what);
            @let shares = comparison.shares(c);
            @let mid = band.middle();
            g.compare-row {
                (label(&band.lines, layout.centre, mid, "middle"))
                @for side in (0..2).filter(|&side| c.counts[side] > 0) {
                    @let length = layout.bar(shares[side]);
                    @let (x, text_x, anchor, fill) = if side == 0 {
                        (layout.left_axis - length, layout.left_axis - length - 4.0, "end", "muted")
                    } else {
                        (layout.right_axis, layout.right_axis + length + 4.0, "start", "accent")
                    };
                    @let tip = format!("{} · {}: {} ({})", cx.name(&theme.name), event_names[side], takeaways_count(cx.lang, c.counts[side]), percent(shares[side]));
                    @let target = (g.list)(&[(Facet::Theme, &theme.id), (Facet::Event, &events[side].id)]);
                    @let drawn = html! {
                        rect class=(fill) x=(at(x)) y=(at(mid - 7.0)) width=(at(length)) height="14" rx="2" {}
                        text x=(at(text_x)) y=(at(mid)) text-anchor=(anchor) dominant-baseline="central" font-size="11" {
                            (c.counts[side]) " · " (percent(shares[side]))
                        }
                    };
                    (link("bar", &[("data-theme", &theme.id), ("data-event", &events[side].id)], &target, &tip, drawn))
                }
            }
        }
    };
    let count = |change: Change| comparison.themes.iter().filter(|c| c.change() == change).count();
    let [a, b] = &event_names;
    let (gained, lost, shared) = (count(Change::Gained), count(Change::Lost), count(Change::Shared));
    let aria = match cx.lang {
        Lang::Zh => format!("比较 {a} 与 {b}：新增 {gained} 个主题，消失 {lost} 个，共有 {shared} 个"),
        Lang::En => format!("{a} compared with {b}: {gained} themes gained, {lost} lost, {shared} shared"),
    };
    let table = html! {
        table.graph-data {
            (head(&[cx.pick("主题", "Theme"), &format!("A: {a}"), &format!("B: {b}"), cx.pick("变化", "Change")]))
            tbody {
                @for (c, name) in comparison.themes.iter().zip(&names) {
                    @let s = comparison.shares(c);
                    @let (key, change) = match c.change() {
                        Change::Gained => ("gained", cx.pick("新增", "gained")),
                        Change::Shared => ("shared", cx.pick("共有", "shared")),
                        Change::Lost => ("lost", cx.pick("消失", "lost")),
                    };
                    tr class={ "change-" (key) } {
                        th scope="row" { (name) }
                        td { (c.counts[0]) " (" (percent(s[0])) ")" }
                        td { (c.counts[1]) " (" (percent(s[1])) ")" }
                        td { (change) }
                    }
                }
            }
        }
    };
    let caption = cx.pick(
        "两场大会的主题对比：条形长度为占该大会要点的比例，数字为要点数。点击条形查看这些要点。",
        "Two events' themes side by side: bar length is the share of each event's takeaways, the figures are counts. Click a bar for its takeaways.",
    );
    Figure {
        id: "theme-compare",
        width: layout.width,
        caption: caption.to_owned(),
        svg: svg("theme-compare", layout.width, layout.height, &aria, picture),
        table,
    }
}

fn group_title(lang: Lang, change: Change) -> &'static str {
    match change {
        Change::Gained => lang.pick("只在 B 出现（新增）", "Only at B (gained)"),
        Change::Shared => lang.pick("两场都有", "At both"),
        Change::Lost => lang.pick("只在 A 出现（消失）", "Only at A (lost)"),
    }
}

/// The projects both compared events mention, then those only one does, as chips linking to
/// the list of that project at the two events.
pub fn compared_projects(g: &GraphContext, comparison: &Comparison) -> Markup {
    let (cx, bundle) = (&g.cx, g.cx.bundle);
    let events = comparison.events.map(|e| bundle.event(e));
    let [a, b] = events.map(|e| cx.name(&e.short_name()));
    let groups = [
        (Change::Shared, cx.pick("两场都提到的项目（A · B）", "Projects at both (A · B)").to_owned()),
        (Change::Lost, format!("{}{a}", cx.pick("只在 A 提到：", "Only at A: "))),
        (Change::Gained, format!("{}{b}", cx.pick("只在 B 提到：", "Only at B: "))),
    ];
    html! {
        @for (change, title) in groups {
            @let members: Vec<&Counted<ProjectIx>> = comparison.projects.iter().filter(|c| c.change() == change).collect();
            @let shown = if change == Change::Shared { members.len() } else { ONLY_SHOWN };
            section.compare-projects {
                h2 { (title) " " span.count { (members.len()) } }
                ul.chips {
                    @for c in members.iter().take(shown) {
                        @let project = bundle.project(c.what);
                        @let picks = [(Facet::Project, project.id.as_str()), (Facet::Event, &events[0].id), (Facet::Event, &events[1].id)];
                        li {
                            a class={ "chip project " (project.kind.as_str()) } href=(g.href(&picks)) {
                                (project.name) " "
                                span.count {
                                    @if change == Change::Shared { (c.counts[0]) " · " (c.counts[1]) } @else { (c.counts[0] + c.counts[1]) }
                                }
                            }
                        }
                    }
                    @let more = members.len().saturating_sub(shown);
                    @if more > 0 {
                        li.more-projects {
                            @match cx.lang { Lang::Zh => { "还有 " (more) " 个" } Lang::En => { "and " (more) " more" } }
                        }
                    }
                }
            }
        }
    }
}
