//! The site's data files under names made of their content (`bundle.<hash>.json`…): a name
//! always means the same bytes, so browsers, CDNs and the service worker may keep each file
//! forever, and a page names exactly the files of its own build. Beside `bundle.<hash>.json`,
//! the folder `bundle.<hash>/` holds the bundle in three files (`outline.json`, `titles.json`,
//! `articles.json`) and, on a large site, the first page's outline (`first-page.json`), which is
//! what pages fetch. Beside `texts.<hash>.json`, the folder `texts.<hash>/` holds the
//! same texts one article at a time (`<n>.json`, and its takeaways' summaries and titles apart,
//! `<n>-summaries.json`), which is what pages fetch; and, where the texts are too large to keep
//! offline or it is asked for, each takeaway's body alone (`takeaway-<n>.json`), which is what a
//! search reads of its results.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

use super::{hashed_name, write};
use crate::explore::listing::list_order;
use crate::explore::url::PAGE;
use crate::model::{
    ArticleIx, Bundle, DataFiles, Dataset, Outline, StoredTitles, BUNDLE_FILE, SEARCH_FILE, TEXTS_FILE,
};
use crate::search::pieces::{cut, PIECE_BYTES};

/// The data files' names, as [`publish`] gives them: whether takeaways' bodies ship alone too
/// is known once [`write_pieces`] has the texts' size.
pub struct Published {
    pub bundle: String,
    article_texts: String,
    search: String,
}

/// Renames `build`'s data files in `site` (`bundle.json`…) to their content's names; a site
/// whose files have those names already keeps them.
pub fn publish(site: &Path) -> Result<Published> {
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
    // The whole bundle, all texts and the whole index, one file each, stay for the command line
    // (`takeaways search --bundle`); the app reads them in pieces, in folders named alike.
    Ok(Published {
        bundle: name(BUNDLE_FILE)?,
        article_texts: folder(name(TEXTS_FILE)?),
        search: folder(name(SEARCH_FILE)?),
    })
}

/// The folder named like the data file `file`: `bundle.<hash>/` for `bundle.<hash>.json`.
fn folder(file: String) -> String {
    format!("{}/", file.trim_end_matches(".json"))
}

/// What a large site does, asked of a site of any size, so that the tests run both ways (the
/// tests' sub-path site asks for all three).
#[derive(Debug, Clone, Copy, Default)]
pub struct AsLarge {
    /// Each takeaway's body shipped alone too (see [`DataFiles::takeaway_bodies`]): `finish-site
    /// --takeaway-bodies`.
    pub takeaway_bodies: bool,
    /// A search's titles read with their articles' summaries (see
    /// [`DataFiles::titles_by_article`]): `finish-site --titles-by-article`.
    pub titles_by_article: bool,
    /// The first page's outline (see [`DataFiles::first_page`]): `finish-site --first-page`.
    pub first_page: bool,
}

/// How many bytes (as stored) the first page's outline must spare the home, against the whole
/// outline, to ship: every takeaway's themes and projects weigh that much from a few hundred
/// articles, where a second request (and the whole outline after it) is worth it. Set at one
/// piece of the index, and not measured below that.
const FIRST_PAGE_SPARING: usize = PIECE_BYTES;

/// The first takeaway whose themes and projects the first page's outline holds: the lowest of
/// those the home's first page shows (the newest articles', listed first).
fn first_page_from(bundle: &Bundle) -> usize {
    let order = list_order(bundle);
    order[..PAGE.min(order.len())].iter().copied().min().unwrap_or(0)
}

/// The size of a bundle (bytes, its three files together) from which a search reads the titles it
/// ranks with their articles' summaries (see [`DataFiles::titles_by_article`]): from about a
/// thousand articles, where every takeaway's titles weigh more than the rest of a `?q=` link.
/// Below, a search fetches every title at once, which typing reads anyway. The threshold was set
/// for the app's steps, which every site takes now, and has not been measured for titles alone.
const TITLES_BY_ARTICLE_FROM: usize = 1 << 20;

/// Bytes of data files (as stored, before the host compresses them) the service worker precaches
/// at most, beyond the app's own: a first visit downloads them in the background, after the page
/// has loaded.
pub const PRECACHE_BUDGET: u64 = 2 * 1024 * 1024;

/// Whether data files of `bytes` in all, the bundle's included, fit the precache.
pub fn precachable(bytes: u64) -> bool {
    bytes <= PRECACHE_BUDGET
}

/// What the data folders hold: how many articles' texts, takeaways' bodies alone, pieces of the
/// index and files of its words.
pub struct Pieces {
    pub articles: usize,
    pub takeaway_bodies: usize,
    pub search: usize,
    pub words: usize,
}

/// Writes `dataset` in pieces into the folders `published` names: the bundle's outline (and the
/// first page's, where it spares the home enough or `as_large` asks for it), its
/// takeaways' titles and its articles'; each article's texts and its takeaways' summaries; each takeaway's body
/// alone if `as_large` asks for them or the texts are too large to precache (a search would
/// otherwise fetch whole articles' texts for a few of their takeaways); and the shipped fields'
/// index cut into pieces with its head and its words in runs of initials. Returns the data files
/// as the pages name them.
pub fn write_pieces(
    site: &Path,
    published: Published,
    dataset: &Dataset,
    as_large: AsLarge,
) -> Result<(DataFiles, Pieces)> {
    let outline = json(&Outline { bundle: &dataset.bundle, subjects_from: 0 }, "the bundle's outline")?;
    let subjects_from = first_page_from(&dataset.bundle);
    let first_page = json(&Outline { bundle: &dataset.bundle, subjects_from }, "the first page's outline")?;
    let first_page = (subjects_from > 0
        && (as_large.first_page || outline.len().saturating_sub(first_page.len()) >= FIRST_PAGE_SPARING))
        .then_some(first_page);
    let titles = json(&StoredTitles::of_takeaways(&dataset.bundle), "the takeaways' titles")?;
    let article_titles = json(&StoredTitles::of_articles(&dataset.bundle), "the articles' titles")?;
    let articles = (0..dataset.articles.len()).map(ArticleIx::at).map(|at| {
        let texts = json(&dataset.texts.of_article(&dataset.bundle, at), "an article's texts")?;
        let summaries = json(&dataset.texts.summaries_of_article(&dataset.bundle, at), "an article's summaries")?;
        Ok((at, texts, summaries))
    });
    let articles: Vec<(ArticleIx, Vec<u8>, Vec<u8>)> = articles.collect::<Result<_>>()?;
    let bundle_bytes = outline.len() + titles.len() + article_titles.len();
    let texts_bytes = bundle_bytes as u64
        + articles.iter().map(|(_, texts, summaries)| (texts.len() + summaries.len()) as u64).sum::<u64>();
    let Published { bundle, article_texts, search } = published;
    let takeaway_bodies = as_large.takeaway_bodies || !precachable(texts_bytes);
    let titles_by_article = as_large.titles_by_article || bundle_bytes >= TITLES_BY_ARTICLE_FROM;
    let files = DataFiles {
        bundle: folder(bundle),
        article_texts,
        search,
        takeaway_bodies,
        titles_by_article,
        first_page: first_page.is_some(),
    };
    write(&site.join(files.bundle_outline()), &outline)?;
    if let Some(first_page) = &first_page {
        write(&site.join(files.bundle_first_page()), first_page)?;
    }
    write(&site.join(files.bundle_titles()), &titles)?;
    write(&site.join(files.bundle_article_titles()), &article_titles)?;
    for (at, texts, summaries) in &articles {
        write(&site.join(files.article_texts_file(*at)), texts)?;
        write(&site.join(files.article_summaries_file(*at)), summaries)?;
    }
    if files.takeaway_bodies {
        for index in 0..dataset.takeaways.len() {
            let body = dataset.texts.body_of(&dataset.bundle, index);
            write(&site.join(files.takeaway_body_file(index)), &json(&body, "a takeaway's body")?)?;
        }
    }
    let cut = cut(dataset, PIECE_BYTES);
    write(&site.join(files.search_head()), &json(&cut.head, "the index's head")?)?;
    for (n, words) in cut.words.iter().enumerate() {
        write(&site.join(files.search_words(n)), &json(words, "the index's words")?)?;
    }
    for (n, piece) in cut.pieces.iter().enumerate() {
        write(&site.join(files.search_piece(n)), &json(piece, "a piece of the index")?)?;
    }
    let takeaway_bodies = if files.takeaway_bodies { dataset.takeaways.len() } else { 0 };
    let (search, words) = (cut.pieces.len(), cut.words.len());
    Ok((files, Pieces { articles: dataset.articles.len(), takeaway_bodies, search, words }))
}

fn json<T: serde::Serialize>(value: &T, what: &str) -> Result<Vec<u8>> {
    serde_json::to_vec(value).with_context(|| format!("cannot serialise {what}"))
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
