//! An article's page: its context and every takeaway, each with an anchor.

use super::{not_found, when_read, with_texts, Content};
use crate::app::data::Site;
use crate::app::set_title;
use crate::model::ArticleIx;
use crate::render::{article, site_name, Cx};

pub fn markup(cx: &Cx, site: &Site, id: &str) -> Content {
    let Some(at) = site.articles.iter().position(|a| a.id == id).map(ArticleIx::at) else {
        let page = not_found::markup(cx, site);
        set_title(cx.pick("找不到文章", "Article not found"));
        return page;
    };
    let texts = match with_texts(cx.lang, site, at) {
        Ok(texts) => texts,
        Err(waiting) => return waiting,
    };
    set_title(&format!("{} · {}", cx.article_titled(at).title, site_name(cx.lang)));
    // Its titles and its takeaways' come with their summaries.
    let takeaways: Vec<usize> = site.takeaway_range(at).collect();
    when_read(cx.lang, site, &takeaways, &[], article::page(cx, at, &texts))
}
