//! A takeaway's own page: the deep link people share. Title and alternate wording, article and
//! event, themes (with why) and projects, the body, the original, previous/next in the
//! article, "copy link" and "copy as Markdown", and related takeaways.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::article_header::ArticleByline;
use super::browser::{copy_text, site_url};
use super::chips::{ProjectChips, ThemeChips};
use super::data;
use super::not_found::NotFoundMessage;
use super::prefs::{use_prefs, Lang};
use super::{href, set_title, Loaded, WithBundle};
use crate::export::takeaway_markdown;
use crate::html::escape_into;
use crate::ids::{article_path, takeaway_path};
use crate::related::related;

/// Related takeaways shown.
const RELATED: usize = 6;

#[component]
pub fn TakeawayPage(id: String) -> impl IntoView {
    let lang = use_prefs().lang;
    view! {
        <WithBundle texts=true ready=move |site| {
            let lang = lang.get();
            match site.takeaway_index(&id) {
                Some(index) => takeaway_view(&site, lang, index).into_any(),
                None => {
                    set_title(lang.pick("找不到要点", "Takeaway not found"));
                    view! { <NotFoundMessage site=site.clone() /> }.into_any()
                }
            }
        } />
    }
}

fn takeaway_view(site: &Loaded, lang: Lang, index: usize) -> impl IntoView {
    let takeaway = site.takeaways[index].clone();
    set_title(&format!("{} · {}", takeaway.title, lang.pick("KubeCon 要点", "KubeCon takeaways")));
    let article = site.articles[takeaway.article].clone();
    let siblings: Vec<_> = site.takeaways_of(takeaway.article).collect();
    let position = siblings.iter().position(|t| t.id == takeaway.id).unwrap_or(0);
    let sibling = |at: Option<usize>, rel: &'static str| {
        at.and_then(|at| siblings.get(at)).map(|t| {
            let label = if rel == "prev" { format!("← {}", t.title) } else { format!("{} →", t.title) };
            view! { <a href=href(&takeaway_path(&t.id)) rel=rel class=rel>{label}</a> }
        })
    };
    let prev = sibling(position.checked_sub(1), "prev");
    let next = sibling(Some(position + 1), "next");
    let article_link = href(&format!("{}#{}", article_path(&article.id), takeaway.id));
    let article_title = article.title.clone();
    let body = if takeaway.has_body() {
        // The body's own headings start at the third level: a hidden second-level one keeps the outline whole.
        view! {
            <h2 class="visually-hidden">{lang.pick("详情", "Details")}</h2>
            <div class="body" inner_html=data::body(site, index)></div>
        }
        .into_any()
    } else {
        view! {
            <p class="no-detail">
                {lang.pick("原文列出了这条要点，但没有展开。", "The article lists this takeaway but does not go into it.")}
            </p>
        }
        .into_any()
    };
    view! {
        <article class="takeaway">
            <p class="crumbs">
                <a href=href("")>{lang.pick("全部要点", "All takeaways")}</a>
                " › "
                <a href=article_link>{article_title}</a>
            </p>
            <h1>
                <span class="ordinal">{takeaway.ordinal} ". "</span>
                {takeaway.title.clone()}
            </h1>
            {takeaway.alt_title.clone().map(|alt| view! {
                <p class="alt-title">{lang.pick("正文小标题：", "Heading in the text: ")} {alt}</p>
            })}
            <ArticleByline bundle=site.clone() article=article />
            <ThemeChips bundle=site.clone() takeaway=takeaway.clone() />
            <ProjectChips bundle=site.clone() takeaway=takeaway.clone() />
            <CopyButtons site=site.clone() index=index />
            {body}
            <nav class="siblings" aria-label=lang.pick("同一篇文章", "Same article")>{prev} {next}</nav>
            {related_view(site, lang, index)}
        </article>
    }
}

/// "Copy link" and "copy as Markdown", with a word on whether it worked.
#[component]
fn CopyButtons(site: Loaded, index: usize) -> impl IntoView {
    let lang = use_prefs().lang;
    let status = RwSignal::new(None::<bool>);
    let id = site.takeaways[index].id.clone();
    let copy = move |text: String| {
        spawn_local(async move { status.set(Some(copy_text(&text).await)) });
    };
    let copy_link = move |_| copy(format!("{}{}", site_url(), takeaway_path(&id)));
    let copy_markdown = move |_| copy(takeaway_markdown(&site, index, &site_url()));
    view! {
        <div class="copy" role="group">
            <button type="button" class="copy-link" on:click=copy_link>
                {move || lang.get().pick("复制链接", "Copy link")}
            </button>
            <button type="button" class="copy-markdown" on:click=copy_markdown>
                {move || lang.get().pick("复制为 Markdown", "Copy as Markdown")}
            </button>
            <span class="copy-status" role="status">
                {move || match status.get() {
                    Some(true) => lang.get().pick("已复制", "Copied"),
                    Some(false) => lang.get().pick("浏览器不允许复制", "The browser did not allow copying"),
                    None => "",
                }}
            </span>
        </div>
    }
}

/// Takeaways sharing themes or projects, from other events first.
fn related_view(site: &Loaded, lang: Lang, index: usize) -> Option<impl IntoView> {
    let related = related(site, index, RELATED);
    (!related.is_empty()).then(|| {
        // Plain links and text: one markup string costs less wasm than views.
        let mut items = String::new();
        for r in related {
            let t = &site.takeaways[r];
            let article = &site.articles[t.article];
            let source = match site.event_of(article) {
                Some(event) => format!("{} · {}", lang.name(&event.short_name()), article.title),
                None => article.title.clone(),
            };
            items.push_str("<li><a href=\"");
            escape_into(&mut items, &href(&takeaway_path(&t.id)));
            items.push_str("\" class=\"related-link\">");
            escape_into(&mut items, &t.title);
            items.push_str("</a><p class=\"card-source\">");
            escape_into(&mut items, &source);
            items.push_str("</p></li>");
        }
        view! {
            <section class="related" aria-labelledby="related-title">
                <h2 id="related-title">{lang.pick("相关要点", "Related takeaways")}</h2>
                <ul class="related-list" inner_html=items></ul>
            </section>
        }
    })
}
