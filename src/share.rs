//! Share pages (native only): for every takeaway a static `t/<id>/index.html` with its own
//! title, description, Open Graph tags and canonical link, and its text readable without
//! JavaScript, so a pasted link gets a real preview. Each is the site's built `index.html`
//! with these added: the app boots on top of it and replaces the static text.

use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::bundle::{Bundle, TEXTS_FILE};
use crate::html::escape;
use crate::ids::{takeaway_path, PRERENDERED_ID};

/// Writes the share pages into `out` from the site's `index.html`; `site_url` is the site's
/// absolute URL, ending in `/`. Returns how many were written.
pub fn write_share_pages(bundle: &Bundle, index_html: &str, site_url: &str, out: &Path) -> Result<usize> {
    if !index_html.contains("</head>") || !index_html.contains("<body>") {
        bail!("the site's index.html has no `</head>` or `<body>` to add a share page's content to");
    }
    let site_url = if site_url.ends_with('/') { site_url.to_owned() } else { format!("{site_url}/") };
    for takeaway in &bundle.takeaways {
        let article = &bundle.articles[takeaway.article];
        let event = bundle.event_of(article).map(|e| format!("{} · ", e.name.zh)).unwrap_or_default();
        let url = format!("{site_url}{}", takeaway_path(&takeaway.id));
        let title = format!("{} · KubeCon 要点", takeaway.title);
        let description =
            if takeaway.summary.is_empty() { format!("{event}{}", article.title) } else { takeaway.summary.clone() };
        let head = format!(
            concat!(
                "<meta name=\"description\" content=\"{description}\" />\n",
                "<meta property=\"og:type\" content=\"article\" />\n",
                "<meta property=\"og:title\" content=\"{title}\" />\n",
                "<meta property=\"og:description\" content=\"{description}\" />\n",
                "<meta property=\"og:url\" content=\"{url}\" />\n",
                "<meta property=\"og:site_name\" content=\"KubeCon 要点 · takeaways\" />\n",
                "<meta name=\"twitter:card\" content=\"summary\" />\n",
                "<link rel=\"canonical\" href=\"{url}\" />\n",
                // The page's body comes from the texts: downloaded beside the app, as the bundle is.
                "<link rel=\"preload\" href=\"{texts}\" as=\"fetch\" crossorigin />\n",
            ),
            description = escape(&description),
            title = escape(&takeaway.title),
            url = escape(&url),
            texts = TEXTS_FILE,
        );
        let body = format!(
            "<main id=\"{PRERENDERED_ID}\" class=\"takeaway\"><h1>{}</h1><p class=\"byline\">{}{}</p>{}</main>",
            escape(&takeaway.title),
            escape(&event),
            escape(&article.title),
            if takeaway.has_body() { takeaway.body_html.as_str() } else { "" },
        );
        let page = without_description(index_html).replacen("</head>", &format!("{head}</head>"), 1).replacen(
            "<body>",
            &format!("<body>{body}"),
            1,
        );
        let page = replace_title(&page, &escape(&title));
        let dir = out.join(takeaway_path(&takeaway.id));
        fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        fs::write(dir.join("index.html"), page)
            .with_context(|| format!("cannot write the share page of {}", takeaway.id))?;
    }
    Ok(bundle.takeaways.len())
}

/// `html` with its `<title>` text replaced.
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
    fn titles_and_descriptions_are_replaced_and_escaped() {
        let html =
            "<html><head><meta name=\"description\" content=\"site\" /><title>Site</title></head><body></body></html>";
        let page = replace_title(&without_description(html), &escape("A <b> & \"c\""));
        assert_eq!(page, "<html><head><title>A &lt;b&gt; &amp; &quot;c&quot;</title></head><body></body></html>");
    }
}
