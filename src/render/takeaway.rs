//! A takeaway's own page, the deep link people share: title and alternate wording, article
//! and event, themes (with why) and projects, "copy link" and "copy as Markdown", the body,
//! previous/next in the article, and related takeaways.

use maud::{html, Markup};

use super::article::byline;
use super::{chips, titles, Cx};
use crate::model::ids::{article_path, takeaway_path};
use crate::model::ArticleTexts;

/// The page of takeaway `index`, with its article's `texts` and the `related` takeaways (indices).
pub fn page(cx: &Cx, index: usize, texts: &ArticleTexts, related: &[usize]) -> Markup {
    let bundle = cx.bundle;
    let (takeaway, titled) = (&bundle.takeaways[index], cx.title(index));
    let article = bundle.article_of(takeaway);
    let siblings = bundle.takeaway_range(takeaway.article);
    let prev = index.checked_sub(1).filter(|at| siblings.contains(at)).map(|at| cx.title(at));
    let next = Some(index + 1).filter(|at| siblings.contains(at)).map(|at| cx.title(at));
    let (title, other_title) = titles(cx, &titled, None);
    html! {
        article.takeaway {
            p.crumbs {
                a href=(cx.href("")) { (cx.pick("全部要点", "All takeaways")) }
                " › "
                @let anchored = cx.href(&format!("{}#{}", article_path(&article.id), titled.id));
                a href=(anchored) { (cx.article_title(takeaway.article)) }
            }
            h1 { span.ordinal { (takeaway.ordinal) ". " } (title) }
            (other_title)
            @if let Some(alt) = &titled.alt_title {
                p.alt-title { (cx.pick("正文小标题：", "Heading in the text: ")) " " (alt) }
            }
            (byline(cx, article))
            (chips::themes(cx, takeaway, texts.theme_terms(bundle, index)))
            (chips::projects(cx, takeaway))
            div.copy role="group" {
                button.copy-link type="button" data-action="copy-link" { (cx.pick("复制链接", "Copy link")) }
                button.copy-markdown type="button" data-action="copy-markdown" { (cx.pick("复制为 Markdown", "Copy as Markdown")) }
                span.copy-status role="status" {}
            }
            @if takeaway.has_body() {
                // The body's own headings start at the third level: a hidden second-level one keeps the outline whole.
                h2.visually-hidden { (cx.pick("详情", "Details")) }
                div.body { @if let Some(body) = texts.body(bundle, index) { (body) } }
            } @else {
                p.no-detail { (cx.pick("原文列出了这条要点，但没有展开。", "The article lists this takeaway but does not go into it.")) }
            }
            nav.siblings aria-label=(cx.pick("同一篇文章", "Same article")) {
                @if let Some(t) = prev { a.prev href=(cx.href(&takeaway_path(&t.id))) rel="prev" { "← " (t.title) } }
                " "
                @if let Some(t) = next { a.next href=(cx.href(&takeaway_path(&t.id))) rel="next" { (t.title) " →" } }
            }
            (related_section(cx, related))
        }
    }
}

/// Takeaways sharing themes or projects, from other events first.
fn related_section(cx: &Cx, related: &[usize]) -> Markup {
    html! {
        @if !related.is_empty() {
            section.related aria-labelledby="related-title" {
                h2 #related-title { (cx.pick("相关要点", "Related takeaways")) }
                ul.related-list {
                    @for &r in related {
                        @let (t, titled) = (&cx.bundle.takeaways[r], cx.title(r));
                        @let article = cx.bundle.article_of(t);
                        li {
                            a.related-link href=(cx.href(&takeaway_path(&titled.id))) { (titled.title) }
                            p.card-source {
                                @if let Some(event) = cx.bundle.event_of(article) { (cx.name(&event.short_name())) " · " }
                                (cx.article_title(t.article))
                            }
                        }
                    }
                }
            }
        }
    }
}
