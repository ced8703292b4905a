//! The link-preview tags of a shared page: what a chat, a social network or a search engine
//! shows of a link before anyone opens it.

use maud::{html, Markup};

/// What a page says about itself to link previews.
pub struct Preview<'a> {
    /// The page's title, without the site's name.
    pub title: &'a str,
    pub description: &'a str,
    /// The page's absolute URL.
    pub url: &'a str,
    /// Open Graph's type: `article` for a takeaway, `website` for the rest.
    pub kind: &'a str,
}

/// The site's name, as previews show it beside a page's title.
pub const SITE_NAME: &str = "KubeCon 要点 · takeaways";

/// The tags for `<head>`: description, Open Graph, Twitter's card and the canonical link.
pub fn meta(preview: &Preview) -> Markup {
    html! {
        meta name="description" content=(preview.description);
        meta property="og:type" content=(preview.kind);
        meta property="og:title" content=(preview.title);
        meta property="og:description" content=(preview.description);
        meta property="og:url" content=(preview.url);
        meta property="og:site_name" content=(SITE_NAME);
        meta name="twitter:card" content="summary";
        link rel="canonical" href=(preview.url);
    }
}
