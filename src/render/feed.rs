//! The site's XML for machines: Atom feeds of takeaways (the site's, a theme's, an event's) and
//! the sitemap. maud escapes what it splices as XML needs it; every element is closed.

use maud::{html, Markup, PreEscaped};

const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

/// A feed: what it is, where it and its page are, its entries newest first.
pub struct Feed<'a> {
    pub title: &'a str,
    pub subtitle: &'a str,
    /// The feed's own absolute URL (also its id).
    pub url: &'a str,
    /// The page it follows, absolute.
    pub page: &'a str,
    pub entries: Vec<Entry<'a>>,
}

/// One takeaway in a feed.
pub struct Entry<'a> {
    pub title: &'a str,
    /// The takeaway's page, absolute (also the entry's id).
    pub url: String,
    /// `YYYY-MM-DD`.
    pub date: &'a str,
    pub authors: &'a [String],
    /// Theme ids and names.
    pub categories: Vec<(&'a str, String)>,
    pub summary: &'a str,
}

/// An Atom 1.0 feed; `site` names the site for entries without authors.
pub fn atom(feed: &Feed, site: &str) -> Markup {
    let updated = feed.entries.iter().map(|e| e.date).max().unwrap_or("1970-01-01");
    html! {
        (PreEscaped(XML_DECLARATION))
        feed xmlns="http://www.w3.org/2005/Atom" {
            title { (feed.title) }
            subtitle { (feed.subtitle) }
            id { (feed.url) }
            link rel="self" type="application/atom+xml" href=(feed.url) {}
            link rel="alternate" type="text/html" href=(feed.page) {}
            updated { (timestamp(updated)) }
            author { name { (site) } }
            @for entry in &feed.entries {
                entry {
                    title { (entry.title) }
                    id { (entry.url) }
                    link rel="alternate" type="text/html" href=(entry.url) {}
                    updated { (timestamp(entry.date)) }
                    @for author in entry.authors { author { name { (author) } } }
                    @for (term, label) in &entry.categories { category term=(term) label=(label) {} }
                    @if !entry.summary.is_empty() { summary { (entry.summary) } }
                }
            }
        }
    }
}

/// A date as Atom's timestamps: midnight UTC.
fn timestamp(date: &str) -> String {
    format!("{date}T00:00:00Z")
}

/// The sitemap: every page's absolute URL, with the date its content last changed if known.
pub fn sitemap(pages: &[(String, Option<&str>)]) -> Markup {
    html! {
        (PreEscaped(XML_DECLARATION))
        urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" {
            @for (url, lastmod) in pages {
                url { loc { (url) } @if let Some(date) = lastmod { lastmod { (date) } } }
            }
        }
    }
}
