//! The home page: every article, by event, with its takeaways as deep links.

use leptos::prelude::*;
use leptos_router::components::A;

use super::article_header::ArticleByline;
use super::{href, set_title, WithBundle};
use crate::ids::takeaway_path;

#[component]
pub fn Home() -> impl IntoView {
    set_title("KubeCon 要点 · takeaways");
    view! {
        <WithBundle ready=|bundle| {
            let summary = format!(
                "{} 篇文章 · {} 条要点 · {} articles, {} takeaways",
                bundle.articles.len(), bundle.takeaways.len(), bundle.articles.len(), bundle.takeaways.len()
            );
            let articles = bundle.articles.iter().enumerate().map(|(index, article)| {
                let takeaways = bundle.takeaways_of(index).map(|t| {
                    let title = t.title.clone();
                    view! {
                        <li value=t.ordinal>
                            <A href=href(&takeaway_path(&t.id))>{title}</A>
                        </li>
                    }
                }).collect_view();
                view! {
                    <article class="article-card" id=article.id.clone()>
                        <h2>{article.title.clone()}</h2>
                        <ArticleByline bundle=bundle.clone() article=article.clone() />
                        <ol class="takeaway-list">{takeaways}</ol>
                    </article>
                }
            }).collect_view();
            view! {
                <section class="home">
                    <p class="summary">{summary}</p>
                    {articles}
                </section>
            }
        } />
    }
}
