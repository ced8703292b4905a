//! What a page says about itself to link previews: what a chat, a social network or a search
//! engine shows of a link before anyone opens it.

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
    /// Its social card, if the build drew one.
    pub image: Option<Image<'a>>,
}

/// A page's social card.
pub struct Image<'a> {
    /// The PNG's absolute URL.
    pub url: &'a str,
    pub width: u32,
    pub height: u32,
    /// What the card says, for those who cannot see it.
    pub alt: &'a str,
}

/// The site's name, as previews show it beside a page's title.
pub const SITE_NAME: &str = "KubeCon 要点 · takeaways";

/// What the site is, for the pages that are not about one thing.
pub const SITE_DESCRIPTION: &str =
    "KubeCon + CloudNativeCon 要点：按大会、主题和项目浏览中文会议总结。Takeaways from KubeCon write-ups.";

/// The tags for `<head>`: description, Open Graph, Twitter's card and the canonical link.
pub fn meta(preview: &Preview) -> Markup {
    html! {
        meta name="description" content=(preview.description);
        meta property="og:type" content=(preview.kind);
        meta property="og:title" content=(preview.title);
        meta property="og:description" content=(preview.description);
        meta property="og:url" content=(preview.url);
        meta property="og:site_name" content=(SITE_NAME);
        @if let Some(image) = &preview.image {
            meta property="og:image" content=(image.url);
            meta property="og:image:width" content=(image.width);
            meta property="og:image:height" content=(image.height);
            meta property="og:image:alt" content=(image.alt);
            meta name="twitter:card" content="summary_large_image";
        } @else {
            meta name="twitter:card" content="summary";
        }
        link rel="canonical" href=(preview.url);
    }
}
