//! trunk's page, read for what every written page takes from it: the tags in `<head>` that load
//! the app (its script, wasm, stylesheet, icons, `<base>`), and the inline scripts the
//! Content-Security-Policy allows by hash.

use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};

use super::policy;
use crate::render::page::HEAD_MARK;

/// What the pages take from trunk's `index.html`.
#[derive(Debug)]
pub struct Template {
    /// `<head>`'s tags but its title, description and policy, which each page writes its own.
    pub assets: String,
    /// The Content-Security-Policy that allows exactly the assets' inline scripts.
    pub policy: String,
}

impl Template {
    /// Reads the site's `index.html`: as trunk wrote it, or as a previous run of the build
    /// rewrote it (its own tags come after [`HEAD_MARK`] and are left out).
    pub fn read(path: &Path) -> Result<Template> {
        let html = fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
        let (Some(start), Some(end)) = (html.find("<head>"), html.find("</head>")) else {
            bail!("{} has no <head> to take the app's tags from; build the site with trunk", path.display());
        };
        let head = &html[start + "<head>".len()..end];
        let head = head.split(HEAD_MARK).next().unwrap_or_default();
        let assets = without(
            &without(
                &without(head, "<meta http-equiv=\"Content-Security-Policy\"", ">"),
                "<meta name=\"description\"",
                ">",
            ),
            "<title>",
            "</title>",
        );
        let policy = policy::content_security_policy(policy::inline_scripts(&assets));
        Ok(Template { assets: assets.trim().to_owned(), policy })
    }
}

/// `html` without the first element that starts with `open` and ends at the next `close`.
fn without(html: &str, open: &str, close: &str) -> String {
    let Some(start) = html.find(open) else { return html.to_owned() };
    let Some(length) = html[start..].find(close) else { return html.to_owned() };
    format!("{}{}", &html[..start], &html[start + length + close.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_tags_are_kept_and_the_page_tags_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.html");
        let head = "<meta charset=\"utf-8\" /><meta name=\"description\" content=\"site\" /><title>Site</title><base href=\"/\" /><script type=\"module\">run()</script>";
        fs::write(&path, format!("<html><head>{head}{HEAD_MARK}<title>Old</title></head><body>x</body></html>"))
            .unwrap();
        let template = Template::read(&path).unwrap();
        assert_eq!(
            template.assets,
            "<meta charset=\"utf-8\" /><base href=\"/\" /><script type=\"module\">run()</script>"
        );
        assert!(
            template.policy.contains("'sha256-AvyuiL0SD1mVY3NNxR+V2uo+lhk6RMFrytWmRt6CrJQ='"),
            "{}",
            template.policy
        );
        fs::write(&path, "<html><body></body></html>").unwrap();
        assert!(Template::read(&path).unwrap_err().to_string().contains("build the site with trunk"));
    }
}
