//! The line under an article's title: event, authors, date, and links to the translation and
//! the original.

use leptos::prelude::*;

use super::prefs::use_prefs;
use crate::bundle::Article;

#[component]
pub fn ArticleByline(bundle: super::Loaded, article: Article) -> impl IntoView {
    let lang = use_prefs().lang;
    move || {
        let lang = lang.get();
        let event = bundle.event_of(&article).map(|e| format!("{} · {}", lang.name(&e.name), lang.name(&e.city)));
        let authors = (!article.authors.is_empty()).then(|| article.authors.join(", "));
        let parts: Vec<String> = [event, authors, article.date.clone()].into_iter().flatten().collect();
        let link = |url: Option<String>, label: &'static str| {
            url.map(|url| view! { " · " <a href=url rel="noopener noreferrer" target="_blank">{label}</a> })
        };
        view! {
            <p class="byline">
                {parts.join(" · ")}
                {link(article.url.clone(), lang.pick("译文", "Translation"))}
                {link(article.original_url.clone(), lang.pick("原文", "Original"))}
            </p>
        }
    }
}
