//! The site's data files under names made of their content (`bundle.<hash>.json`…): a name
//! always means the same bytes, so browsers, CDNs and the service worker may keep each file
//! forever, and a page names exactly the files of its own build. Beside `texts.<hash>.json`,
//! the folder `texts.<hash>/` holds the same texts one article at a time (`<n>.json`), which
//! is what pages fetch.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

use super::hashed_name;
use super::write;
use crate::model::{ArticleIx, DataFiles, Dataset, BUNDLE_FILE, SEARCH_FILE, TEXTS_FILE};

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
    // All texts in one file stay for the command line (`takeaways search --bundle`); the app
    // reads them one article at a time.
    let texts = name(TEXTS_FILE)?;
    let article_texts = format!("{}/", texts.trim_end_matches(".json"));
    Ok(DataFiles { bundle: name(BUNDLE_FILE)?, article_texts, search: name(SEARCH_FILE)? })
}

/// Writes the texts of each of `dataset`'s articles into the folder `files` names; returns how
/// many files that is.
pub fn write_article_texts(site: &Path, files: &DataFiles, dataset: &Dataset) -> Result<usize> {
    for at in (0..dataset.articles.len()).map(ArticleIx::at) {
        let texts = dataset.texts.of_article(&dataset.bundle, at);
        let json = serde_json::to_vec(&texts).context("cannot serialise an article's texts")?;
        write(&site.join(files.article_texts_file(at)), &json)?;
    }
    Ok(dataset.articles.len())
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
