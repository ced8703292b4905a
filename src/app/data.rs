//! Loading the bundle, once per visit, relative to the site's base URL; and the files shipped
//! apart, the first time something needs them: the texts (a takeaway or article page, search)
//! and the search index (typing, a `?q=` link, a not-found page).

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::explore::facets::Facets;
use crate::model::{Bundle, DataFiles, SearchFile, Texts, SCHEMA_VERSION};
use crate::search::Engine;

/// The loaded bundle, shared by every page, with what is derived from it on first use.
pub type Loaded = Arc<Site>;

pub struct Site {
    pub bundle: Bundle,
    engine: OnceLock<Engine>,
    facets: OnceLock<Facets>,
    list_order: OnceLock<Vec<usize>>,
}

impl Site {
    pub fn new(bundle: Bundle) -> Site {
        Site { bundle, engine: OnceLock::new(), facets: OnceLock::new(), list_order: OnceLock::new() }
    }

    /// The search engine, once its index and the texts have arrived (see [`request_search`]).
    /// Tracked until then.
    pub fn engine(&self) -> Option<&Engine> {
        if let Some(engine) = self.engine.get() {
            return Some(engine);
        }
        let search = match expect_context::<Files>().search.get() {
            Load::Ready(search) => search,
            _ => return None,
        };
        let Load::Ready(texts) = texts(self) else { return None };
        Some(self.engine.get_or_init(|| Engine::over(&self.bundle, &search.search, texts.bodies.iter())))
    }

    pub fn facets(&self) -> &Facets {
        self.facets.get_or_init(|| Facets::new(&self.bundle))
    }

    /// The takeaways in list order: newest event first, each article's in its own order.
    pub fn list_order(&self) -> &[usize] {
        self.list_order.get_or_init(|| crate::explore::listing::list_order(&self.bundle))
    }
}

impl std::ops::Deref for Site {
    type Target = Bundle;

    fn deref(&self) -> &Bundle {
        &self.bundle
    }
}

pub type BundleResource = LocalResource<Result<Loaded, String>>;

/// A file fetched when first needed: not asked for yet, on its way, here, or failed (why).
#[derive(Debug, Clone, PartialEq)]
pub enum Load<T = ()> {
    Idle,
    Loading,
    Ready(T),
    Failed(String),
}

/// The files shipped apart from the bundle, shared through the context. They do not wait for
/// the bundle: a takeaway page fetches its texts alongside it.
#[derive(Clone, Copy)]
pub struct Files {
    texts: RwSignal<Load<Arc<Texts>>>,
    search: RwSignal<Load<Arc<SearchFile>>>,
}

pub fn provide_files() {
    provide_context(Files { texts: RwSignal::new(Load::Idle), search: RwSignal::new(Load::Idle) });
}

/// Fetches the texts, unless they are here, on their way, or failed (see [`retry_texts`]): what a
/// page that needs them calls each time it renders.
pub fn request_texts() {
    request(expect_context::<Files>().texts, |files| files.texts, false);
}

/// Fetches the search index and the texts the engine needs, unless they are here, on their way,
/// or failed (see [`retry_search`]).
pub fn request_search() {
    request_texts();
    request(expect_context::<Files>().search, |files| files.search, false);
}

/// Fetches the texts again after they failed.
pub fn retry_texts() {
    request(expect_context::<Files>().texts, |files| files.texts, true);
}

/// Fetches the search index, and the texts, again after either failed.
pub fn retry_search() {
    retry_texts();
    request(expect_context::<Files>().search, |files| files.search, true);
}

/// The data files the page names (see [`DataFiles`]): those of the build the page and the app
/// come from.
fn data_files() -> Result<DataFiles, String> {
    let meta = document()
        .query_selector(&format!("meta[name=\"{}\"]", DataFiles::META))
        .ok()
        .flatten()
        .ok_or("this page names no data files: the site was built without `takeaways finish-site`")?;
    let name = |kind: &str| meta.get_attribute(&format!("data-{kind}")).unwrap_or_default();
    Ok(DataFiles { bundle: name("bundle"), texts: name("texts"), search: name("search") })
}

/// Fetches `file` into `load` unless it is here or on its way, or it failed and this is no
/// `retry`: pages ask on every render, so a failure must wait for the reader's retry.
fn request<T: DeserializeOwned + Send + Sync + 'static>(
    load: RwSignal<Load<Arc<T>>>,
    file: fn(DataFiles) -> String,
    retry: bool,
) {
    match load.get_untracked() {
        Load::Loading | Load::Ready(_) => return,
        Load::Failed(_) if !retry => return,
        Load::Idle | Load::Failed(_) => {}
    }
    load.set(Load::Loading);
    leptos::task::spawn_local(async move {
        let file = match data_files() {
            Ok(files) => file(files),
            Err(why) => return load.set(Load::Failed(why)),
        };
        let fetched = fetch_text(&file).await.and_then(|text| {
            let damaged = |e: serde_json::Error| format!("{file} is damaged: {e}");
            if schema_of(&text).map_err(damaged)? != SCHEMA_VERSION {
                return Err(format!("{file} belongs to another version of the site; reload the page"));
            }
            serde_json::from_str::<T>(&text).map_err(damaged)
        });
        load.set(match fetched {
            Ok(value) => Load::Ready(Arc::new(value)),
            Err(why) => Load::Failed(why),
        });
    });
}

/// The texts of `site`'s takeaways and articles, as far as they have come (tracked).
pub fn texts(site: &Site) -> Load<Arc<Texts>> {
    match expect_context::<Files>().texts.get() {
        Load::Ready(texts) => match texts.check(&site.bundle) {
            Ok(()) => Load::Ready(texts),
            Err(why) => Load::Failed(why),
        },
        other => other,
    }
}

/// Whether search can run: the index and the texts are here, or what they wait for (tracked).
pub fn search_readiness(site: &Site) -> Load {
    match (expect_context::<Files>().search.get(), texts(site)) {
        (Load::Failed(why), _) | (_, Load::Failed(why)) => Load::Failed(why),
        (Load::Ready(_), Load::Ready(_)) => Load::Ready(()),
        (Load::Idle, Load::Idle) => Load::Idle,
        _ => Load::Loading,
    }
}

pub fn load_bundle() -> BundleResource {
    LocalResource::new(|| async { fetch_bundle().await })
}

async fn fetch_bundle() -> Result<Loaded, String> {
    let bundle = parse_bundle(&fetch_text(&data_files()?.bundle).await?)?;
    Ok(Arc::new(Site::new(bundle)))
}

/// One of the site's files, relative to `<base href>`, so the site works under any sub-path. A
/// file of the page's build that the site no longer has means a newer build replaced it.
async fn fetch_text(file: &str) -> Result<String, String> {
    let response = gloo_net::http::Request::get(file).send().await.map_err(|e| e.to_string())?;
    match response.status() {
        200..=299 => response.text().await.map_err(|e| e.to_string()),
        404 => Err(format!("{file}: HTTP 404: the site has been updated since this page was loaded; reload the page")),
        status => Err(format!("{file}: HTTP {status}")),
    }
}

/// The schema version a data file declares, read before the rest, so that a file of another
/// version (whose fields may differ) is named as such rather than as damaged.
fn schema_of(text: &str) -> Result<u32, serde_json::Error> {
    #[derive(Deserialize)]
    struct Version {
        schema: u32,
    }
    serde_json::from_str::<Version>(text).map(|version| version.schema)
}

/// Parses a bundle, checking its schema version first so an old bundle is named as such.
pub fn parse_bundle(text: &str) -> Result<Bundle, String> {
    let schema = schema_of(text).map_err(|e| format!("the bundle is damaged: {e}"))?;
    if schema != SCHEMA_VERSION {
        return Err(format!(
            "the bundle has schema version {schema}, this app reads version {SCHEMA_VERSION}; rebuild the site"
        ));
    }
    let bundle: Bundle = serde_json::from_str(text).map_err(|e| format!("the bundle is damaged: {e}"))?;
    bundle.check_positions()?;
    Ok(bundle)
}

/// The path the site is served under, from `<base href>` (which trunk's `--public-url` sets),
/// without its trailing slash: `""` at the root, `"/some/path"` under a sub-path.
pub fn site_base() -> String {
    let base =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    base_path(&base)
}

/// The path of an absolute URL, without its trailing slash.
fn base_path(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or_default();
    path.trim_end_matches('/').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths() {
        assert_eq!(base_path("http://127.0.0.1:8080/"), "");
        assert_eq!(base_path("http://127.0.0.1:8080/some/path/"), "/some/path");
        assert_eq!(base_path("https://x.example/a/?q=1"), "/a");
        assert_eq!(base_path(""), "");
    }

    #[test]
    fn bundles_of_another_schema_are_named() {
        let err = parse_bundle(r#"{"schema": 999, "articles": 1}"#).unwrap_err();
        assert!(err.contains("schema version 999"), "{err}");
        assert!(parse_bundle("{").unwrap_err().contains("damaged"));
    }
}
