//! The app's pages, one file each, as the route names them: each turns the state and the data
//! that has arrived into the page's markup (or a loading or failure notice).

pub mod home;

mod article;
mod not_found;
mod takeaway;
mod themes;

use std::sync::Arc;

use maud::Markup;

use super::data::{self, Load, Site};
use super::route::{use_router, Page};
use crate::model::Texts;
use crate::render::lang::Lang;
use crate::render::{shell, Cx};

/// The markup of `page` in `lang`, as far as its data has come.
pub fn content(page: Page, lang: Lang, home: home::HomeState) -> Markup {
    let site = match super::loaded(lang) {
        Ok(site) => site,
        Err(waiting) => return waiting,
    };
    let base = use_router().base();
    let cx = Cx::new(&site.bundle, lang, &base);
    match page {
        Page::List => home::markup(&cx, &site, home),
        Page::Takeaway(id) => takeaway::markup(&cx, &site, &id),
        Page::Article(id) => article::markup(&cx, &site, &id),
        Page::Themes => themes::markup(&cx, &site),
        Page::NotFound => not_found::markup(&cx, &site),
    }
}

/// The texts, once they have arrived (they are asked for now if they were not), or the markup
/// to show until then.
fn with_texts(lang: Lang, site: &Site) -> Result<Arc<Texts>, Markup> {
    data::request_texts();
    match data::texts(site) {
        Load::Ready(texts) => Ok(texts),
        Load::Failed(why) => Err(shell::load_failed(lang, &why, "retry-texts")),
        Load::Idle | Load::Loading => Err(shell::loading(lang)),
    }
}
