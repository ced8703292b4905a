//! The friendly page for an unknown takeaway, article or route, with the takeaways closest to
//! the words in the link once search is ready.

use maud::Markup;

use crate::app::data::{request_bodies, request_search, Site};
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
    let everything = |_: &[usize]| vec![true; site.takeaways.len()];
    let found = site.engine().map(|e| e.search_found(&words, &Config::default(), SUGGESTIONS, everything));
    let hits = found.map_or_else(Vec::new, |found| {
        // Ranked at once; again, with the phrase in them, once the texts they read are here.
        request_bodies(site, &found.missing);
        found.hits
    });
    set_title(cx.pick("找不到页面 · KubeCon 要点", "Not found · KubeCon takeaways"));
    page(cx, &hits.iter().map(|h| h.doc).collect::<Vec<_>>())
}
