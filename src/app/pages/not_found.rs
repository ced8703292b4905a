//! The friendly page for an unknown takeaway, article or route, with the takeaways closest to
//! the words in the link once search is ready.

use super::{when_read, Content};
use crate::app::data::{request_search, request_wanted, wanted, Site};
use crate::app::set_title;
use crate::render::not_found::{page, words_of};
use crate::render::Cx;
use crate::search::Config;

/// Suggestions offered at most.
const SUGGESTIONS: usize = 5;

pub fn markup(cx: &Cx, site: &Site) -> Content {
    request_search();
    let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
    let words = words_of(&path);
    let config = Config::default();
    // Once the index has the pieces the words need.
    let found = site.engine().filter(|engine| {
        let wanted = wanted(site, Some(engine), &words, &config);
        request_wanted(&wanted);
        wanted.is_empty()
    });
    let found = found.map(|engine| engine.search_found(&words, &config, SUGGESTIONS, |_| true));
    let (missing, shown, untitled) = match found {
        Some(found) => (found.missing, found.hits.iter().map(|h| h.doc).collect(), found.untitled),
        None => (Vec::new(), Vec::new(), Vec::new()),
    };
    set_title(cx.pick("找不到页面 · KubeCon 要点", "Not found · KubeCon takeaways"));
    // The titles its ranking reads come with their articles' summaries, as the cards' do.
    let read: Vec<usize> = shown.iter().chain(&untitled).copied().collect();
    when_read(cx.lang, site, &read, &missing, page(cx, &shown))
}
