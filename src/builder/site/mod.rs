//! The site around the data (native only): after trunk has built the app, `takeaways
//! finish-site` puts the Content-Security-Policy into `index.html`, copies it to `404.html`
//! (static hosts serve it for unknown paths, so deep links open in the app), and writes a share
//! page per takeaway.

pub mod policy;
pub mod share;

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

use crate::model::BUNDLE_FILE;

/// Finishes the site built into `site`, whose absolute URL is `site_url`. Returns how many share
/// pages it wrote.
pub fn finish(site: &Path, site_url: &str) -> Result<usize> {
    let dataset = super::read(&site.join(BUNDLE_FILE))?;
    let index_path = site.join("index.html");
    let index = fs::read_to_string(&index_path).with_context(|| format!("cannot read {}", index_path.display()))?;
    let index = policy::with_content_security_policy(&index);
    for page in ["index.html", "404.html"] {
        fs::write(site.join(page), &index).with_context(|| format!("cannot write {}", site.join(page).display()))?;
    }
    share::write_share_pages(&dataset, &index, site_url, site)
}
