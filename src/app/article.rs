//! An article's page: its context (intro, background, conclusion) and every takeaway, each
//! with an anchor.

use leptos::prelude::*;

use super::article_header::ArticleByline;
use super::chips::ThemeChips;
use super::data::{self, Load};
use super::not_found::NotFoundMessage;
use super::prefs::use_prefs;
use super::{href, set_title, WithBundle};
use crate::ids::takeaway_path;

#[component]
pub fn ArticlePage(id: String) -> impl IntoView {
    let lang = use_prefs().lang;
    view! {
        <WithBundle texts=true ready=move |bundle| {
            let lang = lang.get();
            let Some(index) = bundle.articles.iter().position(|a| a.id == id) else {
                set_title(lang.pick("找不到文章", "Article not found"));
                return view! { <NotFoundMessage site=bundle.clone() /> }.into_any();
            };
            let article = bundle.articles[index].clone();
            set_title(&format!("{} · {}", article.title, lang.pick("KubeCon 要点", "KubeCon takeaways")));
            let Load::Ready(texts) = data::texts(&bundle) else { return ().into_any() };
            let context = |after: u32| {
                texts.contexts[index].iter().filter(|c| c.after == after).map(|c| {
                    view! { <div class="context body" inner_html=c.html.clone()></div> }
                }).collect_view()
            };
            let before = context(0);
            let takeaways = bundle.takeaways.iter().zip(&texts.bodies).filter(|(t, _)| t.article == index).map(|(t, body)| {
                let body = t.has_body().then(|| view! { <div class="body" inner_html=body.clone()></div> });
                let (anchor, link, heading) = (t.id.clone(), href(&takeaway_path(&t.id)), format!("{}. {}", t.ordinal, t.title));
                view! {
                    <section class="article-takeaway" id=anchor>
                        <h2><a href=link>{heading}</a></h2>
                        <ThemeChips bundle=bundle.clone() takeaway=t.clone() />
                        {body}
                    </section>
                    {context(t.ordinal)}
                }
            }).collect_view();
            view! {
                <article class="article-page">
                    <p class="crumbs"><a href=href("")>{lang.pick("全部要点", "All takeaways")}</a></p>
                    <h1>{article.title.clone()}</h1>
                    <ArticleByline bundle=bundle.clone() article=article.clone() />
                    {before}
                    {takeaways}
                </article>
            }.into_any()
        } />
    }
}
