//! The friendly page for an unknown takeaway, article or route, with the takeaways closest to
//! the words in the link once search is ready.

use maud::Markup;

use crate::app::data::{request_search, Site};
use crate::app::set_title;
use crate::render::not_found::{page, words_of};
use crate::render::Cx;
use crate::search::Config;

/// Suggestions offered at most.
const SUGGESTIONS: usize = 5;

pub fn markup(cx: &Cx, site: &Site) -> Markup {
    request_search();
    let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
    let words = words_of(&path);
    let hits = site.engine().map(|e| e.search(&words, &Config::default(), SUGGESTIONS)).unwrap_or_default();
    set_title(cx.pick("找不到页面 · KubeCon 要点", "Not found · KubeCon takeaways"));
    page(cx, &hits.iter().map(|h| h.doc).collect::<Vec<_>>())
}
