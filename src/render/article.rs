//! An article's page: its context (intro, background, conclusion) and every takeaway, each
//! with an anchor; and the byline a takeaway's page shares.

use maud::{html, Markup};

use super::{chips, safe_url, Cx};
use crate::model::ids::{event_path, takeaway_path};
use crate::model::{Article, ArticleIx, ArticleTexts};

/// The page of the article at `at`, with its `texts`.
pub fn page(cx: &Cx, at: ArticleIx, texts: &ArticleTexts) -> Markup {
    let article = cx.bundle.article(at);
    let context = |after: u32| {
        html! {
            @for c in texts.contexts.iter().filter(|c| c.after == after) { div.context.body { (c.html) } }
        }
    };
    html! {
        article.article-page {
            p.crumbs { a href=(cx.href("")) { (cx.pick("全部要点", "All takeaways")) } }
            h1 { (cx.article_titled(at).title) }
            (byline(cx, article))
            (context(0))
            @let takeaways = cx.bundle.takeaway_range(at).map(|n| (&cx.bundle.takeaways[n], cx.title(n)));
            @for (((t, titled), body), terms) in takeaways.zip(&texts.bodies).zip(&texts.theme_terms) {
                section.article-takeaway #(titled.id) {
                    h2 { a href=(cx.href(&takeaway_path(&titled.id))) { (t.ordinal) ". " (titled.title) } }
                    (chips::themes(cx, t, terms))
                    @if t.has_body() { div.body { (body) } }
                }
                (context(t.ordinal))
            }
        }
    }
}

/// The line under an article's title: event, authors, date, and links to the translation and
/// the original.
pub fn byline(cx: &Cx, article: &Article) -> Markup {
    let event = cx.bundle.event_of(article);
    let authors = (!article.authors.is_empty()).then(|| article.authors.join(", "));
    let parts: Vec<String> = [authors, article.date.clone()].into_iter().flatten().collect();
    let links = [(&article.url, cx.pick("译文", "Translation")), (&article.original_url, cx.pick("原文", "Original"))];
    html! {
        p.byline {
            @if let Some(event) = event {
                a href=(cx.href(&event_path(&event.id))) { (cx.name(&event.name)) } " · " (cx.name(&event.city))
                @if !parts.is_empty() { " · " }
            }
            (parts.join(" · "))
            @for (url, label) in links {
                @if let Some(url) = url.as_deref().and_then(safe_url) {
                    " · " a href=(url) rel="noopener noreferrer" target="_blank" { (label) }
                }
            }
        }
    }
}
