//! A takeaway's own page: the deep link people share.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::article_header::ArticleByline;
use super::not_found::NotFoundMessage;
use super::{href, set_title, WithBundle};
use crate::bundle::Takeaway;
use crate::ids::takeaway_path;

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
            view! {
                <article class="takeaway">
                    <p class="crumbs">
                        <A href=href("")>"全部 All"</A> " › " {article.title.clone()}
                    </p>
                    <h1>
                        <span class="ordinal">{takeaway.ordinal} ". "</span>
                        {takeaway.title.clone()}
                    </h1>
                    <ArticleByline bundle=bundle.clone() article=article />
                    <div class="body" inner_html=takeaway.body_html.clone()></div>
                    <nav class="siblings" aria-label="同一篇文章 · Same article">{prev} {next}</nav>
                </article>
            }.into_any()
        } />
    }
}
