//! The home page: the facet panel beside the list of takeaways narrowed by the query and the
//! facets, with a count, export buttons, "show more", and what to try when nothing is left.

use maud::{html, Markup};

use super::facets::{panel, Panel};
use super::{chips, marked, site_name, takeaways_count, Cx};
use crate::explore::export::Format;
use crate::explore::facets::Facets;
use crate::explore::listing::Listing;
use crate::explore::url::{ListState, PAGE};
use crate::model::ids::takeaway_path;
use crate::render::lang::Lang;
use crate::search::Hit;

/// Where the search index is while a query waits for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum IndexStatus<'a> {
    Ready,
    Loading,
    Failed(&'a str),
}

/// What the home page shows.
pub struct Home<'a> {
    pub facets: &'a Facets,
    pub state: &'a ListState,
    pub listing: &'a Listing,
    /// Where the search index is, when there is a query.
    pub index: IndexStatus<'a>,
    pub panel: Panel<'a>,
}

pub fn page(cx: &Cx, home: &Home) -> Markup {
    html! {
        div.explorer {
            (panel(cx, home.facets, home.state, &home.listing.counts, &home.panel))
            section.listing aria-label=(cx.pick("要点", "Takeaways")) {
                @if !home.state.query.trim().is_empty() { (index_notice(cx, home.index)) }
                (listing(cx, home))
            }
        }
    }
}

/// While a query waits for the search index: that it is coming, or why it did not, with a retry.
fn index_notice(cx: &Cx, index: IndexStatus) -> Markup {
    html! {
        @match index {
            IndexStatus::Ready => {}
            IndexStatus::Loading => {
                p.notice role="status" { (cx.pick("正在加载搜索索引…", "Loading the search index…")) }
            }
            IndexStatus::Failed(why) => {
                div.notice role="alert" {
                    p { (cx.pick("搜索索引无法加载：", "Could not load the search index: ")) " " (why) }
                    button type="button" data-action="retry-search" { (cx.pick("重试", "Retry")) }
                }
            }
        }
    }
}

fn listing(cx: &Cx, home: &Home) -> Markup {
    let (state, total) = (home.state, home.listing.takeaways.len());
    let order = if state.query.trim().is_empty() {
        cx.pick("按大会时间排序，最新在前", "newest event first")
    } else {
        cx.pick("按相关度排序", "best match first")
    };
    let more = (total > state.shown).then(|| {
        let next = ListState { shown: state.shown + PAGE, ..state.clone() };
        let label = match cx.lang {
            Lang::Zh => format!("显示更多（还有 {} 条）", total - state.shown),
            Lang::En => format!("Show more ({} left)", total - state.shown),
        };
        (cx.route(&next.target(home.facets)), label)
    });
    html! {
        h1.visually-hidden { (site_name(cx.lang)) }
        div.toolbar {
            p.result-count role="status" { strong { (takeaways_count(cx.lang, total)) } " · " (order) }
            div.exports role="group" aria-label=(cx.pick("导出当前列表", "Export this list")) {
                span.exports-label { (cx.pick("导出", "Export")) }
                @for format in Format::ALL {
                    button.export type="button" data-action="export" data-format=(format.extension()) disabled[total == 0] {
                        (format.label())
                    }
                }
            }
        }
        @if !state.unknown.is_empty() {
            p.notice role="status" {
                (cx.pick("已忽略不认识的筛选条件：", "Ignored filters this site does not know: ")) " " (state.unknown.join(", "))
            }
        }
        ol.cards { (cards(cx, home.listing, state.shown)) }
        @if let Some((href, label)) = more { a.more href=(href) { (label) } }
        @if total == 0 { (empty(cx, home.facets, state)) }
    }
}

/// The list's first `shown` cards.
pub fn cards(cx: &Cx, listing: &Listing, shown: usize) -> Markup {
    cards_of(cx, &listing.takeaways[..shown.min(listing.takeaways.len())], &listing.hits)
}

/// A card per takeaway of `takeaways`: its title (matches marked, where `hits` has it at the
/// same position), where it comes from, a line of text (the snippet around the match when
/// searching, else the summary), and its themes.
pub fn cards_of(cx: &Cx, takeaways: &[usize], hits: &[Hit]) -> Markup {
    html! {
        @for (i, &index) in takeaways.iter().enumerate() {
            @let hit = hits.get(i).filter(|h| h.doc == index);
            @let t = &cx.bundle.takeaways[index];
            @let article = cx.bundle.article_of(t);
            @let (line, matches) = match hit {
                Some(hit) if !hit.snippet.is_empty() => (hit.snippet.as_str(), hit.snippet_matches.as_slice()),
                _ => (t.summary.as_str(), &[][..]),
            };
            li.card {
                a.card-title href=(cx.href(&takeaway_path(&t.id))) {
                    (marked(&t.title, hit.map_or(&[], |h| &h.title_matches)))
                }
                @if !t.has_body() { span.title-only { (cx.pick("仅标题", "title only")) } }
                p.card-source {
                    @if let Some(event) = cx.bundle.event_of(article) { (cx.name(&event.short_name())) " · " }
                    (article.title) " · #" (t.ordinal)
                }
                @if !line.is_empty() { p.card-line { (marked(line, matches)) } }
                (chips::card_themes(cx, t))
            }
        }
    }
}

/// Why nothing is listed, and what to try instead.
fn empty(cx: &Cx, facets: &Facets, state: &ListState) -> Markup {
    html! {
        div.empty {
            p {
                @match (state.query.trim(), cx.lang) {
                    ("", _) => { (cx.pick("没有符合这些筛选条件的要点。", "No takeaway matches these filters.")) }
                    (query, Lang::Zh) => { "没有找到“" (query) "”的结果。" }
                    (query, Lang::En) => { "No takeaways match “" (query) "”." }
                }
            }
            p.hint {
                (cx.pick(
                    "试试更短的词，或换成英文或中文名称（例如“服务网格”或 “service mesh”）。",
                    "Try fewer words, or the English or Chinese name (for example “service mesh” or “服务网格”).",
                ))
                @if !state.selection.is_empty() {
                    " "
                    a href=(cx.route(&state.with_selection(Default::default()).target(facets))) {
                        (cx.pick("去掉所有筛选条件", "Remove all filters"))
                    }
                }
            }
        }
    }
}
