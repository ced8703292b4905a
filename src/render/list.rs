//! The home page: the facet panel beside the list of takeaways narrowed by the query and the
//! facets, with a count, export buttons, the query as corrected (and a link to search it as
//! typed), the takeaways that hold only part of the query after the others, "show more", and
//! what to try when nothing is left.

use maud::{html, Markup};

use super::facets::{panel, Panel};
use super::{chips, marked, site_name, takeaways_count, titles, Cx};
use crate::explore::export::Format;
use crate::explore::facets::Facets;
use crate::explore::listing::{Listing, Spelling};
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
    /// How many of the cards the state shows are put in (the app's typing puts in the first
    /// screenful, then the rest).
    pub cards: usize,
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
    let listed = total + home.listing.others.len();
    let order = if state.query.trim().is_empty() {
        cx.pick("按大会时间排序，最新在前", "newest event first")
    } else {
        cx.pick("按相关度排序", "best match first")
    };
    let more = (listed > state.shown).then(|| {
        let next = ListState { shown: state.shown + PAGE, ..state.clone() };
        let label = match cx.lang {
            Lang::Zh => format!("显示更多（还有 {} 条）", listed - state.shown),
            Lang::En => format!("Show more ({} left)", listed - state.shown),
        };
        (cx.route(&next.target(home.facets)), label)
    });
    let (passing, others) = home.listing.shown(home.cards.min(state.shown));
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
        @if let Some(spelling) = &home.listing.spelling { (spelling_notice(cx, home.facets, state, spelling)) }
        @if !state.unknown.is_empty() {
            p.notice role="status" {
                (cx.pick("已忽略不认识的筛选条件：", "Ignored filters this site does not know: ")) " " (state.unknown.join(", "))
            }
        }
        ol.cards { (cards(cx, passing, &home.listing.hits)) }
        @if total == 0 { (empty(cx, home.facets, state)) }
        @if !others.is_empty() {
            section.partial aria-labelledby="partial-title" {
                h2 #partial-title {
                    @match cx.lang {
                        Lang::Zh => { "较远的要点：只含部分查询词，或只见于所属文章（不计入上面的数量）" }
                        Lang::En => { "Less close: part of the query, or only in their article (not counted above)" }
                    }
                }
                ol.cards {
                    (cards(cx, others, home.listing.hits.get(total..).unwrap_or_default()))
                }
            }
        }
        @if let Some((href, label)) = more { a.more href=(href) { (label) } }
    }
}

/// That the results are for the query as corrected, with a link to search it as typed; or, for
/// a query searched as typed, the correction as a link.
fn spelling_notice(cx: &Cx, facets: &Facets, state: &ListState, spelling: &Spelling) -> Markup {
    let typed = cx.route(&state.with_query(&state.query, true).target(facets));
    html! {
        p.notice.spelling role="status" {
            @match (spelling, cx.lang) {
                (Spelling::Corrected(corrected), Lang::Zh) => {
                    "显示的是“" strong { (corrected) } "”的结果 · " a href=(typed) { "仍然搜索“" (state.query) "”" }
                }
                (Spelling::Corrected(corrected), Lang::En) => {
                    "Showing results for “" strong { (corrected) } "” · " a href=(typed) { "search for “" (state.query) "” instead" }
                }
                (Spelling::Suggested(suggested), lang) => {
                    (lang.pick("你是不是要找：", "Did you mean: ")) " "
                    a href=(cx.route(&state.with_query(suggested, false).target(facets))) { (suggested) }
                }
            }
        }
    }
}

/// Cards for `takeaways`: each its title (matches marked) with its other title beneath, where it
/// comes from, a line of text (the snippet around the match when searching, else the summary),
/// and its themes. `hits` are the search hits of the same takeaways, in order, when searching.
pub fn cards(cx: &Cx, takeaways: &[usize], hits: &[Hit]) -> Markup {
    html! {
        @for (i, &index) in takeaways.iter().enumerate() {
            @let hit = hits.get(i).filter(|h| h.doc == index);
            @let (t, titled) = (&cx.bundle.takeaways[index], cx.title(index));
            @let article = cx.bundle.article_of(t);
            @let (line, matches) = match hit {
                Some(hit) if !hit.snippet.is_empty() => (hit.snippet.as_str(), hit.snippet_matches.as_slice()),
                _ => (cx.summaries.summary(index), &[][..]),
            };
            @let (title, other_title) = titles(cx, &titled, hit);
            li.card {
                a.card-title href=(cx.href(&takeaway_path(&titled.id))) { (title) }
                @if !t.has_body() { span.title-only { (cx.pick("仅标题", "title only")) } }
                (other_title)
                p.card-source {
                    @if let Some(event) = cx.bundle.event_of(article) { (cx.name(&event.short_name())) " · " }
                    (cx.article_title(t.article)) " · #" (t.ordinal)
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
