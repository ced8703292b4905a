//! The small charts of the pages about one theme, project or event: a subject's share of each
//! event's takeaways (how it rose and fell), and an event's themes against the other events'.

use maud::html;

use super::{at, head, label, percent, svg, Figure};
use crate::explore::graphs::layout::{wrap, LINE};
use crate::explore::subject::Spread;
use crate::model::ThemeIx;
use crate::render::lang::Lang;
use crate::render::{takeaways_count, Cx};

/// Width of an event's column, height of the tallest bar.
const COLUMN: f64 = 76.0;
const BAR_HEIGHT: f64 = 90.0;

/// A bar per event, oldest left, as tall as the share of the event's takeaways that are about
/// `subject` (named in the aria label and caption).
pub fn trend(cx: &Cx, subject: &str, spreads: &[Spread]) -> Figure {
    let max = spreads.iter().map(Spread::share).fold(f64::EPSILON, f64::max);
    let width = COLUMN * spreads.len() as f64 + 16.0;
    let bottom = 8.0 + LINE + BAR_HEIGHT;
    let height = bottom + 2.0 * LINE + 12.0;
    let aria = match cx.lang {
        Lang::Zh => format!("{subject}在各场大会要点中的占比"),
        Lang::En => format!("{subject}: its share of each event's takeaways"),
    };
    let picture = html! {
        line x1="8" x2=(at(width - 8.0)) y1=(at(bottom)) y2=(at(bottom)) {}
        @for (i, spread) in spreads.iter().enumerate() {
            @let event = cx.bundle.event(spread.event);
            @let x = 8.0 + COLUMN * (i as f64 + 0.5);
            @let length = if spread.count == 0 { 0.0 } else { (BAR_HEIGHT * spread.share() / max).max(2.0) };
            g {
                title { (cx.name(&event.short_name())) ": " (takeaways_count(cx.lang, spread.count)) " (" (percent(spread.share())) ")" }
                rect.accent x=(at(x - 14.0)) y=(at(bottom - length)) width="28" height=(at(length)) rx="2" {}
                text x=(at(x)) y=(at(bottom - length - 6.0)) text-anchor="middle" font-size="11" { (percent(spread.share())) }
                (label(&[event.year().to_owned(), cx.name(&event.city)], x, bottom + LINE, "middle"))
            }
        }
    };
    let table = html! {
        table.graph-data {
            (head(&[cx.pick("大会", "Event"), cx.pick("要点", "Takeaways"), cx.pick("占比", "Share")]))
            tbody {
                @for spread in spreads {
                    tr {
                        th scope="row" { (cx.name(&cx.bundle.event(spread.event).short_name())) }
                        td { (spread.count) " / " (spread.total) }
                        td { (percent(spread.share())) }
                    }
                }
            }
        }
    };
    let caption = match cx.lang {
        Lang::Zh => format!("{subject}的起落：每场大会（按时间从左到右）中关于它的要点所占比例。"),
        Lang::En => format!("How {subject} rose and fell: its share of each event's takeaways, oldest left."),
    };
    Figure { id: "trend", width, caption, svg: svg("trend", width, height, &aria, picture), table }
}

/// Label widths in ems before wrapping.
const CONTRAST_LABEL_EMS: f64 = 12.0;
/// Longest bar.
const CONTRAST_BAR: f64 = 160.0;

/// Per theme two bars: its share of `event`'s takeaways, and of all the other events'.
pub fn contrast(cx: &Cx, event: &str, shares: &[(ThemeIx, f64, f64)]) -> Figure {
    let lines: Vec<Vec<String>> =
        shares.iter().map(|(t, _, _)| wrap(&cx.name(&cx.bundle.theme(*t).name), CONTRAST_LABEL_EMS)).collect();
    let label_width =
        lines.iter().flatten().map(|l| crate::explore::graphs::layout::text_ems(l) * 13.0).fold(0.0, f64::max);
    let left = 8.0 + label_width + 10.0;
    let width = left + CONTRAST_BAR + 56.0;
    let max = shares.iter().flat_map(|&(_, a, b)| [a, b]).fold(f64::EPSILON, f64::max);
    let row = |lines: &[String]| (lines.len() as f64 * LINE + 4.0).max(34.0);
    let height = lines.iter().map(|l| row(l)).sum::<f64>() + 16.0 + LINE;
    let others = cx.pick("其他大会", "other events");
    let aria = match cx.lang {
        Lang::Zh => format!("{event}各主题的要点占比，与{others}对比"),
        Lang::En => format!("{event}: each theme's share of its takeaways, against the {others}"),
    };
    let mut y = 8.0 + LINE;
    let rows: Vec<(f64, f64)> = lines
        .iter()
        .map(|l| {
            let (top, height) = (y, row(l));
            y += height;
            (top, height)
        })
        .collect();
    let picture = html! {
        text x=(at(left)) y=(at(8.0 + LINE - 6.0)) font-size="11" {
            tspan.accent { "■ " } (event) tspan.muted { "  ■ " } (others)
        }
        @for (((theme, here, elsewhere), lines), (top, height)) in shares.iter().zip(&lines).zip(&rows) {
            g {
                title { (cx.name(&cx.bundle.theme(*theme).name)) ": " (percent(*here)) " · " (others) " " (percent(*elsewhere)) }
                (label(lines, left - 10.0, top + height / 2.0, "end"))
                @for (dy, share, class) in [(-7.0, *here, "accent"), (5.0, *elsewhere, "muted")] {
                    @let length = (CONTRAST_BAR * share / max).max(if share > 0.0 { 2.0 } else { 0.0 });
                    rect class=(class) x=(at(left)) y=(at(top + height / 2.0 + dy - 1.0)) width=(at(length)) height="9" rx="2" {}
                    text x=(at(left + length + 4.0)) y=(at(top + height / 2.0 + dy + 3.5)) font-size="10" { (percent(share)) }
                }
            }
        }
    };
    let table = html! {
        table.graph-data {
            (head(&[cx.pick("主题", "Theme"), event, others]))
            tbody {
                @for (theme, here, elsewhere) in shares {
                    tr { th scope="row" { (cx.name(&cx.bundle.theme(*theme).name)) } td { (percent(*here)) } td { (percent(*elsewhere)) } }
                }
            }
        }
    };
    let caption = match cx.lang {
        Lang::Zh => format!("{event}讲得更多、更少的主题：每个主题在本届要点中的占比（蓝）与其他大会（灰）对比。"),
        Lang::En => format!("What {event} talked about more, or less: each theme's share of its takeaways (blue) against the other events' (grey)."),
    };
    Figure { id: "contrast", width, caption, svg: svg("contrast", width, height, &aria, picture), table }
}
