//! The site around the data (native only). After trunk has built the app, `takeaways
//! finish-site` writes, as one sequence of named steps:
//!
//! 1. a page for every URL the app knows ([`pages`]), each the same markup the app renders,
//!    readable without JavaScript, with its link preview and the Content-Security-Policy;
//!    `404.html` for the rest (static hosts serve it for unknown paths);
//! 2. a social card per page ([`cards`]), unless no CJK font is installed (then it says so and
//!    the pages go without) or none is asked for (`--no-cards`: the pages go without alike);
//! 3. Atom feeds: the site's and each theme's and event's ([`feeds`]);
//! 4. `sitemap.xml` and `robots.txt`;
//! 5. the web app manifest and its icons ([`install`]), and the service worker ([`worker`]).
//!
//! Every file but the pages, the feeds, the sitemap, `robots.txt` and the worker (whose names
//! are fixed by what finds them) is named by its content: trunk's, the data files ([`data`]), the
//! cards, the icons and the manifest.

pub mod cards;
mod data;
mod feeds;
pub mod install;
pub mod pages;
pub mod policy;
mod template;
pub mod worker;

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

use crate::model::ids::encode_path;
use crate::model::DataFiles;
use crate::render::card::{HEIGHT, WIDTH};
use crate::render::page::{document, Document};
use crate::render::share::{Image, Preview, SITE_NAME};
use crate::render::shell;
pub use data::AsLarge;
use pages::{Prerendered, LANG};
use template::Template;

/// What finishing a site wrote.
pub struct Finished {
    pub pages: usize,
    pub cards: usize,
    /// Cards drawn, not taken from the cache.
    pub drawn: usize,
    /// Why there are no cards, if there are none.
    pub no_cards: Option<String>,
    pub feeds: usize,
    /// What the service worker precaches.
    pub precache: worker::Precache,
}

/// Finishes the site built into `site`, whose absolute URL is `site_url`, with cards, those drawn
/// before taken from `card_cache`; without one, with no cards; shipped as a large site is where
/// `as_large` asks.
pub fn finish(site: &Path, site_url: &str, card_cache: Option<&Path>, as_large: AsLarge) -> Result<Finished> {
    let published = data::publish(site)?;
    let dataset = super::read(&site.join(&published.bundle))?;
    let (files, pieces) = data::write_pieces(site, published, &dataset, as_large)?;
    let template = Template::read(&site.join("index.html"))?;
    let site_url = site_url.trim_end_matches('/');
    let installable = install::write_installable(site, url_path(site_url))?;
    let pages = pages::all(&dataset, url_path(site_url));
    let (cards, drawn, no_cards) = draw_cards(&pages, site, card_cache)?;
    let shared = Shared { site_url, template: &template, files: &files, manifest: &installable.manifest };
    for (page, card) in pages.iter().zip(&cards) {
        write_page(site, &shared, page, card.as_deref())?;
    }
    let feeds = feeds::write_feeds(&dataset, site, site_url)?;
    write_sitemap(site, site_url, &pages)?;
    let robots = format!("User-agent: *\nAllow: /\n\nSitemap: {site_url}/sitemap.xml\n");
    write(&site.join("robots.txt"), robots.as_bytes())?;
    let cards = cards.iter().flatten().count();
    let mut app = app_files(site)?;
    app.push(installable.manifest);
    app.extend(installable.icons);
    let precache = worker::write_worker(site, &app, &files, &pieces)?;
    Ok(Finished { pages: pages.len(), cards, drawn, no_cards, feeds, precache })
}

/// What every page takes alike.
struct Shared<'a> {
    site_url: &'a str,
    template: &'a Template,
    files: &'a DataFiles,
    manifest: &'a str,
}

/// The app's files trunk wrote at the site's root: its script, wasm, stylesheet and favicon.
fn app_files(site: &Path) -> Result<Vec<String>> {
    let mut files: Vec<String> = fs::read_dir(site)
        .with_context(|| format!("cannot read {}", site.display()))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|name| name != worker::WORKER_FILE)
        .filter(|name| {
            [".js", ".wasm", ".css"].iter().any(|e| name.ends_with(e))
                || (name.starts_with("favicon") && name.ends_with(".svg"))
        })
        .collect();
    files.sort();
    Ok(files)
}

/// Each page's card path, how many were drawn, and why there are none if so.
fn draw_cards(
    pages: &[Prerendered],
    site: &Path,
    cache: Option<&Path>,
) -> Result<(Vec<Option<String>>, usize, Option<String>)> {
    let none = |why: String| Ok((vec![None; pages.len()], 0, Some(why)));
    let Some(cache) = cache else { return none("none was asked for (--no-cards)".into()) };
    let painter = match cards::Painter::new() {
        Ok(painter) => painter,
        Err(why) => return none(why),
    };
    let texts: Vec<Vec<&str>> = pages.iter().map(|p| p.card.chips.iter().map(String::as_str).collect()).collect();
    let cards: Vec<cards::Card> = pages
        .iter()
        .zip(&texts)
        .map(|(page, chips)| cards::Card {
            kicker: &page.card.kicker,
            title: &page.card.title,
            subtitle: page.card.subtitle.as_deref(),
            chips,
            footer: SITE_NAME,
        })
        .collect();
    let drawn = cards::draw_all(&painter, &cards, site, cache).map_err(anyhow::Error::msg)?;
    Ok((drawn.paths.into_iter().map(Some).collect(), drawn.drawn, None))
}

fn write_page(site: &Path, shared: &Shared, page: &Prerendered, card: Option<&str>) -> Result<()> {
    let Shared { site_url, template, files, manifest } = *shared;
    let url = match &page.path {
        Some(path) if path.is_empty() => format!("{site_url}/"),
        Some(path) => format!("{site_url}/{}", encode_path(path)),
        None => format!("{site_url}/404.html"),
    };
    let image_url = card.map(|card| format!("{site_url}/{card}"));
    let alt = format!("{} · {}", page.card.title, page.card.kicker);
    let preview = Preview {
        title: &page.headline,
        description: &page.description,
        url: &url,
        kind: page.kind,
        image: image_url.as_deref().map(|url| Image { url, width: WIDTH, height: HEIGHT, alt: &alt }),
    };
    let base = url_path(site_url);
    let texts = page.texts.iter().map(|&at| files.article_texts_file(at));
    let summaries = page.summaries.iter().map(|&at| files.article_summaries_file(at));
    let article_titles = page.article_titles.then(|| files.bundle_article_titles());
    // The home's app starts with the first page's outline where it ships, unless its URL has a
    // query (a `?q=` link, which the same page serves): neither is preloaded there.
    let home = page.path.as_deref() == Some("");
    let outline = (!(home && files.first_page)).then(|| files.bundle_outline());
    let preload: Vec<String> = outline.into_iter().chain(texts).chain(summaries).chain(article_titles).collect();
    let feed_href = page.feed.as_ref().map(|(path, title)| (format!("{base}/{path}"), title.as_str()));
    let html = document(&Document {
        lang: LANG,
        title: &page.title,
        policy: &template.policy,
        assets: &template.assets,
        data: files,
        preload: &preload,
        manifest,
        themes: (install::THEME_LIGHT, install::THEME_DARK),
        preview: &preview,
        feed: feed_href.as_ref().map(|(href, title)| (*title, href.as_str())),
        header: shell::header(LANG, base, page.nav, shell::HeaderState::default()),
        main: page.main.clone(),
        footer: shell::footer(LANG),
    });
    let file = match &page.path {
        Some(path) if path.is_empty() => site.join("index.html"),
        Some(path) => site.join(path).join("index.html"),
        None => site.join("404.html"),
    };
    write(&file, html.into_string().as_bytes())
}

fn write_sitemap(site: &Path, site_url: &str, pages: &[Prerendered]) -> Result<()> {
    let listed: Vec<(String, Option<&str>)> = pages
        .iter()
        .filter_map(|p| Some((format!("{site_url}/{}", encode_path(p.path.as_ref()?)), p.updated.as_deref())))
        .collect();
    write(&site.join("sitemap.xml"), crate::render::feed::sitemap(&listed).into_string().as_bytes())
}

/// A short name for `bytes`: the first 16 hex digits of their SHA-256.
pub fn short_hash(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The name of a file with `bytes` that changes whenever they do: `<stem>.<hash>.<extension>`.
pub fn hashed_name(stem: &str, extension: &str, bytes: &[u8]) -> String {
    format!("{stem}.{}.{extension}", short_hash(bytes))
}

/// Writes `bytes` to `file`, making its folder.
fn write(file: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = file.parent() {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    fs::write(file, bytes).with_context(|| format!("cannot write {}", file.display()))
}

/// The path of an absolute URL without its trailing slash: `""` for a site at a host's root.
fn url_path(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    after_scheme.find('/').map_or("", |at| &after_scheme[at..]).trim_end_matches('/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_paths() {
        assert_eq!(url_path("http://127.0.0.1:8080"), "");
        assert_eq!(url_path("https://x.example/some/path/"), "/some/path");
    }
}
