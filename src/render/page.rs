//! A whole page as the build writes it: the document around the app's three regions (header,
//! main, footer), with the tags that load the app (trunk's), the Content-Security-Policy, the
//! link-preview tags and the feeds. The app boots onto these regions: it leaves a region alone
//! while what it would show there has the same [`fingerprint`] (`data-markup`), and keeps the
//! main one while the data it needs is on its way (`data-prerendered`).

use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::lang::Lang;
use super::share::{meta, Preview};
use crate::model::DataFiles;

/// Where trunk's tags end and a page's own begin in `<head>`: what the build writes after it is
/// its own, so a page can be written again from a written one.
pub const HEAD_MARK: &str = "<!-- page -->";

/// A page's document.
pub struct Document<'a> {
    pub lang: Lang,
    /// The `<title>`.
    pub title: &'a str,
    /// The Content-Security-Policy, first in `<head>` so that it covers all that follows.
    pub policy: &'a str,
    /// The tags that load the app, as trunk wrote them.
    pub assets: &'a str,
    /// The data files the app fetches.
    pub data: &'a DataFiles,
    /// The data files the app reads first on this page (the bundle's outline, its articles'
    /// texts), preloaded with it.
    pub preload: &'a [String],
    /// The web app manifest, and the browser chrome's colours in the light and dark schemes.
    pub manifest: &'a str,
    pub themes: (&'a str, &'a str),
    pub preview: &'a Preview<'a>,
    /// The page's Atom feed: its title and href.
    pub feed: Option<(&'a str, &'a str)>,
    pub header: Markup,
    pub main: Markup,
    pub footer: Markup,
}

pub fn document(doc: &Document) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(doc.lang.tag()) {
            head {
                meta http-equiv="Content-Security-Policy" content=(doc.policy);
                (PreEscaped(doc.assets))
                (PreEscaped(HEAD_MARK))
                meta name=(DataFiles::META) data-bundle=(doc.data.bundle) data-article-texts=(doc.data.article_texts) data-search=(doc.data.search) data-takeaway-bodies[doc.data.takeaway_bodies] data-titles-by-article[doc.data.titles_by_article] data-first-page[doc.data.first_page];
                // The page's data downloads beside the app instead of after it has started (every
                // takeaway's titles are search's, fetched when it is first needed).
                @for file in doc.preload { link rel="preload" href=(file) as="fetch" crossorigin; }
                link rel="manifest" href=(doc.manifest);
                meta name="theme-color" media="(prefers-color-scheme: light)" content=(doc.themes.0);
                meta name="theme-color" media="(prefers-color-scheme: dark)" content=(doc.themes.1);
                title { (doc.title) }
                (meta(doc.preview))
                @if let Some((title, href)) = doc.feed {
                    link rel="alternate" type="application/atom+xml" title=(title) href=(href);
                }
            }
            body {
                div #top data-markup=(fingerprint(&doc.header.0)) { (doc.header) }
                main #main tabindex="-1" data-prerendered data-markup=(fingerprint(&doc.main.0)) { (doc.main) }
                div #bottom data-markup=(fingerprint(&doc.footer.0)) { (doc.footer) }
            }
        }
    }
}

/// A short fingerprint of a region's markup (64-bit FNV-1a, in hex): the same markup, the same
/// fingerprint, whether the build or the app rendered it.
pub fn fingerprint(markup: &str) -> String {
    let hash = markup
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3));
    format!("{hash:016x}")
}
