//! The site's data files under names made of their content (`bundle.<hash>.json`…): a name
//! always means the same bytes, so browsers, CDNs and the service worker may keep each file
//! forever, and a page names exactly the files of its own build.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

use super::hashed_name;
use crate::model::{DataFiles, BUNDLE_FILE, SEARCH_FILE, TEXTS_FILE};

/// Renames `build`'s data files in `site` (`bundle.json`…) to their content's names; a site
/// whose files have those names already keeps them.
pub fn publish(site: &Path) -> Result<DataFiles> {
    let name = |file: &str| -> Result<String> {
        let plain = site.join(file);
        let (stem, extension) = file.rsplit_once('.').unwrap_or((file, ""));
        if !plain.exists() {
            return find(site, stem, extension)
                .with_context(|| format!("{}: no {file} to publish; build the site with trunk", site.display()));
        }
        let bytes = fs::read(&plain).with_context(|| format!("cannot read {}", plain.display()))?;
        let named = hashed_name(stem, extension, &bytes);
        fs::rename(&plain, site.join(&named)).with_context(|| format!("cannot rename {}", plain.display()))?;
        Ok(named)
    };
    Ok(DataFiles { bundle: name(BUNDLE_FILE)?, texts: name(TEXTS_FILE)?, search: name(SEARCH_FILE)? })
}

/// The name of the one `<stem>.<hash>.<extension>` in `site`.
fn find(site: &Path, stem: &str, extension: &str) -> Result<String> {
    let mut found = fs::read_dir(site)?.filter_map(|entry| {
        let name = entry.ok()?.file_name().to_string_lossy().into_owned();
        let hash = name.strip_prefix(stem)?.strip_prefix('.')?.strip_suffix(extension)?.strip_suffix('.')?;
        hash.bytes().all(|b| b.is_ascii_hexdigit()).then_some(name)
    });
    let first = found.next().context("none")?;
    anyhow::ensure!(found.next().is_none(), "more than one {stem}.<hash>.{extension}");
    Ok(first)
}
