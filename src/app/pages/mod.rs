//! The app's pages, one file each, as the route names them: each turns the state and the data
//! that has arrived into the page's markup (or a loading or failure notice).

pub mod home;

mod article;
mod not_found;
mod subject;
mod takeaway;
mod themes;

use std::sync::Arc;

use maud::{html, Markup};

use super::data::{self, Load, Site};
use super::route::use_router;
use crate::explore::url::Page;
use crate::model::{ArticleIx, ArticleTexts};
use crate::render::lang::Lang;
use crate::render::shell::{self, Unloaded};
use crate::render::Cx;

/// What the main region shows.
pub struct Content {
    pub markup: Markup,
    /// False while the page waits for its data (the markup says it is loading).
    pub ready: bool,
    /// While it waits: whether the page the build wrote, which stays until then, is no answer to
    /// the URL (a query's results are coming), so it shows as busy.
    pub stale: bool,
}

impl Content {
    /// The page is waiting for its data.
    pub fn waiting(lang: Lang) -> Content {
        Content { markup: shell::loading(lang), ready: false, stale: false }
    }

    /// The list is waiting for a query's first results.
    pub fn searching(lang: Lang) -> Content {
        Content { stale: true, ..Content::waiting(lang) }
    }
}

impl From<Markup> for Content {
    fn from(markup: Markup) -> Content {
        Content { markup, ready: true, stale: false }
    }
}

/// The markup of `page` in `lang`, as far as its data has come.
pub fn content(page: Page, lang: Lang, home: home::HomeState) -> Content {
    let site = match super::loaded(lang, matches!(page, Page::List)) {
        Ok(site) => site,
        Err(waiting) => return waiting,
    };
    let base = use_router().base();
    let arrived = data::arrived(&site);
    let cx = Cx::new(&site.bundle, &arrived, lang, &base, &arrived);
    match page {
        Page::List => home::markup(&cx, &site, home),
        Page::Takeaway(id) => takeaway::markup(&cx, &site, &id),
        Page::Article(id) => article::markup(&cx, &site, &id),
        Page::Themes(view) => themes::markup(&cx, &site, view).into(),
        Page::Theme(id) => subject::theme(&cx, &site, &id),
        Page::Project(id) => subject::project(&cx, &site, &id),
        Page::Event(id) => subject::event(&cx, &site, &id),
        Page::NotFound => not_found::markup(&cx, &site),
    }
}

/// The texts of the article at `at`, once they have arrived (they are asked for now if they were
/// not), or what to show until then.
fn with_texts(lang: Lang, site: &Site, at: ArticleIx) -> Result<Arc<ArticleTexts>, Content> {
    data::request_article_texts([at]);
    match data::article_texts(site, at) {
        Load::Ready(texts) => Ok(texts),
        Load::Failed(why) => Err(shell::load_failed(lang, Unloaded::Data, &why, "retry-texts").into()),
        Load::Idle | Load::Loading => Err(Content::waiting(lang)),
    }
}

/// `markup`, which reads the summaries of the takeaways `summaries` (their cards, a takeaway's
/// Markdown) and the bodies of the takeaways `bodies` (what a ranking reads): ready once they
/// have come (they are asked for now if they were not) or failed. What failed is shown without
/// them, under a notice that says why and offers a retry.
fn when_read(lang: Lang, site: &Site, summaries: &[usize], bodies: &[usize], markup: Markup) -> Content {
    data::request_read(site, summaries, bodies);
    let ready = !data::read_pending(site, summaries, bodies);
    let markup = match data::texts_failure(site, summaries, bodies) {
        Some(why) => html! { (shell::load_failed(lang, Unloaded::SomeTexts, &why, "retry-texts")) (markup) },
        None => markup,
    };
    Content { markup, ready, stale: false }
}
