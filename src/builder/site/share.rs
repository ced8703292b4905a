//! Share pages: for every takeaway a static `t/<id>/index.html` with its own title,
//! description, Open Graph tags and canonical link, and its page readable without JavaScript,
//! so a pasted link gets a real preview. Each is the site's built `index.html` with these
//! added: the app boots on top of it and replaces the static copy.

use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};
use maud::html;

use crate::explore::related::{self, related};
use crate::model::ids::{takeaway_path, PRERENDERED_ID};
use crate::model::{Dataset, TEXTS_FILE};
use crate::render::lang::Lang;
use crate::render::share::{meta, Preview};
use crate::render::{site_name, takeaway, Cx};

/// Writes the share pages into `out` from the site's `index.html`; `site_url` is the site's
/// absolute URL. Returns how many were written.
pub fn write_share_pages(dataset: &Dataset, index_html: &str, site_url: &str, out: &Path) -> Result<usize> {
    if !index_html.contains("</head>") || !index_html.contains("<body>") {
        bail!("the site's index.html has no `</head>` or `<body>` to add a share page's content to");
    }
    let site_url = site_url.trim_end_matches('/');
    let base = url_path(site_url);
    let cx = Cx::new(&dataset.bundle, Lang::Zh, base);
    for (index, takeaway) in dataset.takeaways.iter().enumerate() {
        let article = dataset.article_of(takeaway);
        let event = dataset.event_of(article).map(|e| format!("{} · ", e.name.zh)).unwrap_or_default();
        let url = format!("{site_url}/{}", takeaway_path(&takeaway.id));
        let description =
            if takeaway.summary.is_empty() { format!("{event}{}", article.title) } else { takeaway.summary.clone() };
        let preview = Preview { title: &takeaway.title, description: &description, url: &url, kind: "article" };
        let head = html! {
            (meta(&preview))
            // The page's body comes from the texts: downloaded beside the app, as the bundle is.
            link rel="preload" href=(TEXTS_FILE) as="fetch" crossorigin;
        };
        let body = html! {
            main #(PRERENDERED_ID) {
                (takeaway::page(&cx, index, dataset.body(index), &related(dataset, index, related::SHOWN)))
            }
        };
        let page = without_description(index_html)
            .replacen("</head>", &format!("{}</head>", head.into_string()), 1)
            .replacen("<body>", &format!("<body>{}", body.into_string()), 1);
        let title = html! { (takeaway.title) " · " (site_name(Lang::Zh)) }.into_string();
        let page = replace_title(&page, &title);
        let dir = out.join(takeaway_path(&takeaway.id));
        fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        fs::write(dir.join("index.html"), page)
            .with_context(|| format!("cannot write the share page of {}", takeaway.id))?;
    }
    Ok(dataset.takeaways.len())
}

/// The path of an absolute URL without its trailing slash: `""` for a site at a host's root.
fn url_path(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    after_scheme.find('/').map_or("", |at| &after_scheme[at..]).trim_end_matches('/')
}

/// `html` with its `<title>` text replaced by `title` (markup, escaped).
fn replace_title(html: &str, title: &str) -> String {
    match (html.find("<title>"), html.find("</title>")) {
        (Some(start), Some(end)) if start < end => format!("{}<title>{title}{}", &html[..start], &html[end..]),
        _ => html.replacen("</head>", &format!("<title>{title}</title></head>"), 1),
    }
}

/// `html` without the site's own `<meta name="description">`, which a share page replaces.
fn without_description(html: &str) -> String {
    let Some(start) = html.find("<meta name=\"description\"") else { return html.to_owned() };
    let Some(len) = html[start..].find('>') else { return html.to_owned() };
    format!("{}{}", &html[..start], &html[start + len + 1..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_descriptions_are_replaced() {
        let html =
            "<html><head><meta name=\"description\" content=\"site\" /><title>Site</title></head><body></body></html>";
        let title = html! { "A <b> & \"c\"" }.into_string();
        let page = replace_title(&without_description(html), &title);
        assert_eq!(page, "<html><head><title>A &lt;b&gt; &amp; &quot;c&quot;</title></head><body></body></html>");
    }

    #[test]
    fn url_paths() {
        assert_eq!(url_path("http://127.0.0.1:8080"), "");
        assert_eq!(url_path("https://x.example/some/path/"), "/some/path");
    }
}
