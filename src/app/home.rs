//! The home page: every event, its articles, and their takeaways as deep links.

use leptos::prelude::*;
use leptos_router::components::A;

use super::article_header::ArticleByline;
use super::search::{use_query, SearchResults};
use super::{href, set_title, Loaded, WithBundle};
use crate::ids::{article_path, takeaway_path};

#[component]
pub fn Home() -> impl IntoView {
    let query = use_query();
    view! {
        <WithBundle ready=move |bundle| {
            let query = query.get();
            if !query.trim().is_empty() {
                set_title(&format!("{query} · 搜索 · KubeCon 要点"));
                return view! { <SearchResults site=bundle query=query /> }.into_any();
            }
            set_title("KubeCon 要点 · takeaways");
            let summary = format!(
                "{} 场大会 · {} 篇文章 · {} 条要点 — {} events, {} articles, {} takeaways",
                bundle.events.len(), bundle.articles.len(), bundle.takeaways.len(),
                bundle.events.len(), bundle.articles.len(), bundle.takeaways.len()
            );
            // Newest event first; articles without a known event come last.
            let mut groups: Vec<Option<usize>> = (0..bundle.events.len()).rev().map(Some).collect();
            groups.push(None);
            let events = groups.into_iter().map(|event| event_section(&bundle, event)).collect_view();
            view! {
                <section class="home">
                    <p class="summary">{summary}</p>
                    {events}
                </section>
            }
            .into_any()
        } />
    }
}

/// One event's heading and article cards (nothing if it has no article).
fn event_section(bundle: &Loaded, event: Option<usize>) -> Option<impl IntoView> {
    let articles: Vec<usize> = (0..bundle.articles.len()).filter(|&a| bundle.articles[a].event == event).collect();
    if articles.is_empty() {
        return None;
    }
    let heading = match event.map(|e| &bundle.events[e]) {
        Some(e) => view! {
            <h2 class="event-name">{e.name.zh.clone()}</h2>
            <p class="event-meta">{format!("{} · {} · {} – {}", e.name.en, e.city.zh, e.start, e.end)}</p>
        }
        .into_any(),
        None => view! { <h2 class="event-name">"其他 · Other"</h2> }.into_any(),
    };
    let cards = articles.into_iter().map(|a| article_card(bundle, a)).collect_view();
    Some(view! { <section class="event">{heading}{cards}</section> })
}

fn article_card(bundle: &Loaded, index: usize) -> impl IntoView {
    let article = bundle.articles[index].clone();
    let takeaways = bundle
        .takeaways_of(index)
        .map(|t| {
            let title = t.title.clone();
            let title_only = (!t.has_body()).then(|| view! { <span class="title-only">"仅标题 title only"</span> });
            view! {
                <li value=t.ordinal>
                    <A href=href(&takeaway_path(&t.id))>{title}</A>
                    {title_only}
                </li>
            }
        })
        .collect_view();
    let (anchor, link, title) = (article.id.clone(), href(&article_path(&article.id)), article.title.clone());
    view! {
        <article class="article-card" id=anchor>
            <h3><A href=link>{title}</A></h3>
            <ArticleByline bundle=bundle.clone() article=article />
            <ol class="takeaway-list">{takeaways}</ol>
        </article>
    }
}
