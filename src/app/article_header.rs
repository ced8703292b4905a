//! The line under an article's title: event, authors, date and the original's link.

use leptos::prelude::*;

use crate::bundle::{Article, Bundle};

#[component]
pub fn ArticleByline(bundle: super::Loaded, article: Article) -> impl IntoView {
    let event = Bundle::event_of(&bundle, &article).map(|e| format!("{} · {}", e.name.zh, e.city.zh));
    let date = article.date.as_deref().map(|d| d.get(..10).unwrap_or(d).to_owned());
    let authors = (!article.authors.is_empty()).then(|| article.authors.join(", "));
    let parts: Vec<String> = [event, authors, date].into_iter().flatten().collect();
    view! {
        <p class="byline">
            {parts.join(" · ")}
            {article.original_url.map(|url| view! {
                " · " <a href=url rel="noopener noreferrer" target="_blank">"原文 Original"</a>
            })}
        </p>
    }
}
