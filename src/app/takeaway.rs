//! A takeaway's own page: the deep link people share.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::article_header::ArticleByline;
use super::chips::{ProjectChips, ThemeChips};
use super::not_found::NotFoundMessage;
use super::{href, set_title, WithBundle};
use crate::bundle::Takeaway;
use crate::ids::{article_path, takeaway_path};

#[component]
pub fn TakeawayPage() -> impl IntoView {
    let params = use_params_map();
    view! {
        <WithBundle ready=move |bundle| {
            let id = params.read().get("id").unwrap_or_default();
            let Some(takeaway) = bundle.takeaway(&id).cloned() else {
                set_title("找不到要点 · Not found");
                return view! { <NotFoundMessage /> }.into_any();
            };
            set_title(&format!("{} · KubeCon 要点", takeaway.title));
            let article = bundle.articles[takeaway.article].clone();
            let siblings: Vec<_> = bundle.takeaways_of(takeaway.article).collect();
            let position = siblings.iter().position(|t| t.id == takeaway.id).unwrap_or(0);
            let link = |t: Option<&&Takeaway>, rel: &'static str| {
                t.map(|t| {
                    let label = match rel {
                        "prev" => format!("← {}", t.title),
                        _ => format!("{} →", t.title),
                    };
                    view! {
                        <A href=href(&takeaway_path(&t.id)) attr:rel=rel attr:class=rel>
                            {label}
                        </A>
                    }
                })
            };
            let prev = link(position.checked_sub(1).and_then(|p| siblings.get(p)), "prev");
            let next = link(siblings.get(position + 1), "next");
            let article_title = article.title.clone();
            let article_link = href(&format!("{}#{}", article_path(&article.id), takeaway.id));
            let body = if takeaway.has_body() {
                view! { <div class="body" inner_html=takeaway.body_html.clone()></div> }.into_any()
            } else {
                view! {
                    <p class="no-detail">
                        "原文列出了这条要点，但没有展开。 · The article lists this takeaway but does not go into it."
                    </p>
                }
                .into_any()
            };
            view! {
                <article class="takeaway">
                    <p class="crumbs">
                        <A href=href("")>"全部 All"</A> " › "
                        <A href=article_link>{article_title}</A>
                    </p>
                    <h1>
                        <span class="ordinal">{takeaway.ordinal} ". "</span>
                        {takeaway.title.clone()}
                    </h1>
                    {takeaway.alt_title.clone().map(|alt| view! {
                        <p class="alt-title">"正文小标题 · Heading in the text: " {alt}</p>
                    })}
                    <ArticleByline bundle=bundle.clone() article=article />
                    <ThemeChips bundle=bundle.clone() takeaway=takeaway.clone() />
                    <ProjectChips bundle=bundle.clone() takeaway=takeaway.clone() />
                    {body}
                    <nav class="siblings" aria-label="同一篇文章 · Same article">{prev} {next}</nav>
                </article>
            }.into_any()
        } />
    }
}
