//! `sw.js`: the service worker, written once trunk's files exist so that it names them. It
//! precaches the app (its script, wasm, stylesheet, icons, manifest), the home page and the shell
//! other pages open on offline, and the data files while they fit the budget
//! ([`precachable`]); data beyond it is kept the first time a page fetches it.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

use super::data::{precachable, Pieces};
use super::{short_hash, write};
use crate::model::{ArticleIx, DataFiles};

/// The script's name, at the site's root so that its scope is the whole site.
pub const WORKER_FILE: &str = "sw.js";

/// What the worker precaches, and how much.
pub struct Precache {
    pub files: Vec<String>,
    pub bytes: u64,
}

/// Writes `sw.js` into `site`; `app` are the app's files (paths under the site's root), `pieces`
/// what `data`'s folders hold.
pub fn write_worker(site: &Path, app: &[String], data: &DataFiles, pieces: &Pieces) -> Result<Precache> {
    let size =
        |file: &str| fs::metadata(site.join(file)).map(|m| m.len()).with_context(|| format!("cannot read {file}"));
    let mut files: Vec<String> = vec!["./".to_owned(), "404.html".to_owned()];
    files.extend(app.iter().cloned());
    let mut bytes =
        files.iter().filter(|f| f.as_str() != "./").map(|f| size(f)).sum::<Result<u64>>()? + size("index.html")?;
    let mut data_bytes = 0;
    // The bundle always: nothing shows without it; then, each whole or not at all, what fits:
    // every article's texts and summaries, with the takeaways' bodies alone if they ship (any
    // page readable offline), the index (search offline).
    let articles = (0..pieces.articles).map(ArticleIx::at);
    let article_texts = articles.flat_map(|at| [data.article_texts_file(at), data.article_summaries_file(at)]);
    let bodies = (0..pieces.takeaway_bodies).map(|index| data.takeaway_body_file(index));
    let article_texts = article_texts.chain(bodies).collect();
    let words = (0..pieces.words).map(|n| data.search_words(n));
    let search =
        std::iter::once(data.search_head()).chain(words).chain((0..pieces.search).map(|n| data.search_piece(n)));
    let mut bundle = vec![data.bundle_outline(), data.bundle_titles(), data.bundle_article_titles()];
    if data.first_page {
        bundle.push(data.bundle_first_page());
    }
    let groups = [bundle, article_texts, search.collect()];
    for (at, group) in groups.into_iter().enumerate() {
        let group_size = group.iter().map(|file| size(file)).sum::<Result<u64>>()?;
        if at == 0 || precachable(data_bytes + group_size) {
            data_bytes += group_size;
            files.extend(group);
        }
    }
    bytes += data_bytes;
    let list = serde_json::to_string(&files).context("cannot list the precached files")?;
    let script =
        include_str!("worker.js").replace("__VERSION__", &short_hash(list.as_bytes())).replace("__PRECACHE__", &list);
    write(&site.join(WORKER_FILE), script.as_bytes())?;
    Ok(Precache { files, bytes })
}
