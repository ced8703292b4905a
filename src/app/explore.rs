//! The home page: every takeaway as a card, narrowed by the search query and the facets, with
//! live counts, a result count, "show more", and export of what is listed.

use leptos::html::Ol;
use leptos::prelude::*;

use super::browser::{download, replace_markup};
use super::data::{request_search, search_readiness, Load};
use super::facet_panel::FacetPanel;
use super::prefs::{use_prefs, Lang};
use super::route::use_router;
use super::state::{ListState, PAGE};
use super::{href, set_title, Loaded, WithBundle};
use crate::export::{export, Format};
use crate::html::escape_into;
use crate::ids::takeaway_path;
use crate::listing::{listing, Listing};

#[component]
pub fn Home() -> impl IntoView {
    view! { <WithBundle ready=|site| view! { <Explorer site=site /> } /> }
}

#[component]
fn Explorer(site: Loaded) -> impl IntoView {
    let params = use_router().query();
    let lang = use_prefs().lang;
    let state = {
        let site = site.clone();
        Memo::new(move |_| ListState::from_params(&site, &params.read()))
    };
    Effect::new(move |_| {
        if !state.read().query.trim().is_empty() {
            request_search();
        }
    });
    let listing = {
        let site = site.clone();
        Memo::new(move |_| {
            let state = state.read();
            // Until the index arrives, a query lists what the facets leave; then it recomputes.
            let search = site.engine().filter(|_| !state.query.trim().is_empty()).map(|e| (e, state.query.as_str()));
            listing(site.facets(), site.list_order(), search, &state.selection, state.shown)
        })
    };
    Effect::new(move |_| {
        let (state, lang) = (state.read(), lang.get());
        let name = lang.pick("KubeCon 要点", "KubeCon takeaways");
        match state.query.trim() {
            "" => set_title(name),
            query => set_title(&format!("{query} · {} · {name}", lang.pick("搜索", "Search"))),
        }
    });
    let cards_box = NodeRef::<Ol>::new();
    {
        let site = site.clone();
        Effect::new(move |_| {
            let markup = cards(&site, lang.get(), &listing.read(), state.read().shown);
            if let Some(cards_box) = cards_box.get() {
                replace_markup(&cards_box, &markup);
            }
        });
    }
    let list_site = site.clone();
    let list = move || {
        let (lang, state, listing) = (lang.get(), state.get(), listing.get());
        let waiting =
            (!state.query.trim().is_empty()).then(|| search_notice(lang, search_readiness(&list_site))).flatten();
        view! { {waiting} {list_view(&list_site, lang, &state, &listing, cards_box)} }
    };
    view! {
        <div class="explorer">
            <FacetPanel site=site state=state listing=listing />
            <section class="listing" aria-label=move || lang.get().pick("要点", "Takeaways")>{list}</section>
        </div>
    }
}

/// While a query waits for the search index: that it is coming, or why it did not, with a retry.
fn search_notice(lang: Lang, readiness: Load) -> Option<impl IntoView> {
    match readiness {
        Load::Ready(()) => None,
        Load::Idle | Load::Loading => Some(
            view! { <p class="notice" role="status">{lang.pick("正在加载搜索索引…", "Loading the search index…")}</p> }
                .into_any(),
        ),
        Load::Failed(why) => Some(
            view! {
                <div class="notice" role="alert">
                    <p>{lang.pick("搜索索引无法加载：", "Could not load the search index: ")} {why}</p>
                    <button type="button" on:click=|_| request_search()>{lang.pick("重试", "Retry")}</button>
                </div>
            }
            .into_any(),
        ),
    }
}

fn list_view(site: &Loaded, lang: Lang, state: &ListState, listing: &Listing, cards: NodeRef<Ol>) -> impl IntoView {
    let total = listing.takeaways.len();
    let count = match lang {
        Lang::Zh => format!("{total} 条要点"),
        Lang::En => format!("{total} takeaway{}", if total == 1 { "" } else { "s" }),
    };
    let order = if state.query.trim().is_empty() {
        lang.pick("按大会时间排序，最新在前", "newest event first")
    } else {
        lang.pick("按相关度排序", "best match first")
    };
    let unknown = (!state.unknown.is_empty()).then(|| {
        let ignored = state.unknown.join(", ");
        view! {
            <p class="notice" role="status">
                {lang.pick("已忽略不认识的筛选条件：", "Ignored filters this site does not know: ")} {ignored}
            </p>
        }
    });
    let more = (total > state.shown).then(|| {
        let next = ListState { shown: state.shown + PAGE, ..state.clone() };
        let label = match lang {
            Lang::Zh => format!("显示更多（还有 {} 条）", total - state.shown),
            Lang::En => format!("Show more ({} left)", total - state.shown),
        };
        view! { <a href=href(&next.target(site)[1..]) class="more">{label}</a> }
    });
    let empty = (total == 0).then(|| empty_view(site, lang, state));
    let exported = listing.takeaways.clone();
    let export_site = site.clone();
    let exports = Format::ALL
        .into_iter()
        .map(|format| {
            let (site, exported) = (export_site.clone(), exported.clone());
            let save = move |_| {
                let text = export(&site, &exported, format, &super::browser::site_url());
                let name = format!("takeaways.{}", format.extension());
                if let Err(e) = download(&name, format.media_type(), &text) {
                    leptos::logging::warn!("export failed: {e}");
                }
            };
            let label = match format {
                Format::Csv => "CSV",
                Format::Json => "JSON",
                Format::Markdown => "Markdown",
            };
            view! { <button type="button" class="export" on:click=save disabled=total == 0>{label}</button> }
        })
        .collect_view();
    view! {
        <h1 class="visually-hidden">{lang.pick("KubeCon 要点", "KubeCon takeaways")}</h1>
        <div class="toolbar">
            <p class="result-count" role="status">
                <strong>{count}</strong> " · " {order}
            </p>
            <div class="exports" role="group" aria-label=lang.pick("导出当前列表", "Export this list")>
                <span class="exports-label">{lang.pick("导出", "Export")}</span>
                {exports}
            </div>
        </div>
        {unknown}
        <ol class="cards" node_ref=cards></ol>
        {more}
        {empty}
    }
}

/// The list's cards as markup, inserted whole (see [`replace_markup`]): one string costs far
/// less wasm than a view per card. Each card: its title (matches marked), where it comes from, a line of text, and its
/// themes.
fn cards(site: &Loaded, lang: Lang, listing: &Listing, shown: usize) -> String {
    let mut out = String::new();
    for (i, &index) in listing.takeaways.iter().take(shown).enumerate() {
        let hit = listing.hits.get(i).filter(|h| h.doc == index);
        let t = &site.takeaways[index];
        let article = &site.articles[t.article];
        out.push_str("<li class=\"card\"><a href=\"");
        escape_into(&mut out, &href(&takeaway_path(&t.id)));
        out.push_str("\" class=\"card-title\">");
        marked_into(&mut out, &t.title, hit.map_or(&[], |h| &h.title_matches));
        out.push_str("</a>");
        if !t.has_body() {
            out.push_str("<span class=\"title-only\">");
            out.push_str(lang.pick("仅标题", "title only"));
            out.push_str("</span>");
        }
        out.push_str("<p class=\"card-source\">");
        if let Some(event) = site.event_of(article) {
            escape_into(&mut out, &lang.name(&event.short_name()));
            out.push_str(" · ");
        }
        escape_into(&mut out, &article.title);
        out.push_str(&format!(" · #{}</p>", t.ordinal));
        // The snippet around the match when searching, else the summary.
        let (line, matches) = match hit {
            Some(hit) if !hit.snippet.is_empty() => (hit.snippet.as_str(), hit.snippet_matches.as_slice()),
            _ => (t.summary.as_str(), &[][..]),
        };
        if !line.is_empty() {
            out.push_str("<p class=\"card-line\">");
            marked_into(&mut out, line, matches);
            out.push_str("</p>");
        }
        out.push_str("<ul class=\"chips\" aria-label=\"");
        out.push_str(lang.pick("主题", "Themes"));
        out.push_str("\">");
        for m in &t.themes {
            out.push_str("<li class=\"chip theme\">");
            escape_into(&mut out, &lang.name(&site.themes[m.theme].name));
            out.push_str("</li>");
        }
        out.push_str("</ul></li>");
    }
    out
}

/// Appends `text`, escaped, with the byte ranges in `matches` (ordered, not overlapping) in `<mark>`.
fn marked_into(out: &mut String, text: &str, matches: &[std::ops::Range<usize>]) {
    let mut at = 0;
    for range in matches {
        if range.start < at || range.end > text.len() {
            continue;
        }
        escape_into(out, &text[at..range.start]);
        out.push_str("<mark>");
        escape_into(out, &text[range.clone()]);
        out.push_str("</mark>");
        at = range.end;
    }
    escape_into(out, &text[at..]);
}

/// Why nothing is listed, and what to try instead.
fn empty_view(site: &Loaded, lang: Lang, state: &ListState) -> impl IntoView {
    let without_facets = (!state.selection.is_empty()).then(|| {
        let target = state.with_selection(Default::default()).target(site);
        view! { <a href=href(&target[1..])>{lang.pick("去掉所有筛选条件", "Remove all filters")}</a> }
    });
    view! {
        <div class="empty">
            <p>
                {match state.query.trim() {
                    "" => lang.pick("没有符合这些筛选条件的要点。", "No takeaway matches these filters.").to_owned(),
                    query => match lang {
                        Lang::Zh => format!("没有找到“{query}”的结果。"),
                        Lang::En => format!("No takeaways match “{query}”."),
                    },
                }}
            </p>
            <p class="hint">
                {lang.pick(
                    "试试更短的词，或换成英文或中文名称（例如“服务网格”或 “service mesh”）。",
                    "Try fewer words, or the English or Chinese name (for example “service mesh” or “服务网格”).",
                )}
                " "
                {without_facets}
            </p>
        </div>
    }
}
