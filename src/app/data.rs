//! Loading the bundle, once per visit, relative to the site's base URL; and its search index,
//! the first time search is needed (typing, a `?q=` link, a not-found page).

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;
use serde::Deserialize;

use crate::bundle::{Bundle, SearchFile, BUNDLE_FILE, SCHEMA_VERSION, SEARCH_FILE};
use crate::facets::Facets;
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

    /// The search engine, once its index has arrived (see [`request_search`]).
    pub fn engine(&self) -> Option<&Engine> {
        self.engine.get()
    }

    pub fn facets(&self) -> &Facets {
        self.facets.get_or_init(|| Facets::new(&self.bundle))
    }

    /// The takeaways in list order: newest event first, each article's in its own order.
    pub fn list_order(&self) -> &[usize] {
        self.list_order.get_or_init(|| {
            let mut order: Vec<usize> = (0..self.bundle.takeaways.len()).collect();
            // The bundle is ordered by event date, oldest first; stable, so ordinals stay in order.
            crate::order::sort_by_key(&mut order, |&t| std::cmp::Reverse(self.bundle.takeaways[t].article));
            order
        })
    }
}

impl std::ops::Deref for Site {
    type Target = Bundle;

    fn deref(&self) -> &Bundle {
        &self.bundle
    }
}

pub type BundleResource = LocalResource<Result<Loaded, String>>;

/// Where the search index is: not asked for yet, on its way, here, or failed (why).
#[derive(Debug, Clone, PartialEq)]
pub enum Readiness {
    Idle,
    Loading,
    Ready,
    Failed(String),
}

/// The search index's [`Readiness`], shared through the context.
#[derive(Clone, Copy)]
pub struct SearchReadiness(pub RwSignal<Readiness>);

/// Fetches the search index and builds the engine, unless that is done or under way.
pub fn request_search(site: &Loaded) {
    let readiness = expect_context::<SearchReadiness>().0;
    if matches!(readiness.get_untracked(), Readiness::Loading | Readiness::Ready) {
        return;
    }
    readiness.set(Readiness::Loading);
    let site = site.clone();
    leptos::task::spawn_local(async move {
        match fetch_search(&site).await {
            Ok(engine) => {
                let _ = site.engine.set(engine);
                readiness.set(Readiness::Ready);
            }
            Err(why) => readiness.set(Readiness::Failed(why)),
        }
    });
}

async fn fetch_search(site: &Site) -> Result<Engine, String> {
    let response = gloo_net::http::Request::get(SEARCH_FILE).send().await.map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("{SEARCH_FILE}: HTTP {}", response.status()));
    }
    let text = response.text().await.map_err(|e| e.to_string())?;
    let search: SearchFile = serde_json::from_str(&text).map_err(|e| format!("{SEARCH_FILE} is damaged: {e}"))?;
    if search.schema != site.bundle.schema {
        return Err(format!("{SEARCH_FILE} belongs to another version of the site; reload the page"));
    }
    Ok(site.bundle.engine_with(&search.search))
}

pub fn load_bundle() -> BundleResource {
    LocalResource::new(|| async { fetch_bundle().await })
}

async fn fetch_bundle() -> Result<Loaded, String> {
    // Relative to <base href>, so the site works under any sub-path.
    let response = gloo_net::http::Request::get(BUNDLE_FILE).send().await.map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("{BUNDLE_FILE}: HTTP {}", response.status()));
    }
    let text = response.text().await.map_err(|e| e.to_string())?;
    let bundle = parse_bundle(&text)?;
    Ok(Arc::new(Site::new(bundle)))
}

/// Parses a bundle, checking its schema version first so an old bundle is named as such.
pub fn parse_bundle(text: &str) -> Result<Bundle, String> {
    #[derive(Deserialize)]
    struct Version {
        schema: u32,
    }
    let version: Version = serde_json::from_str(text).map_err(|e| format!("{BUNDLE_FILE} is damaged: {e}"))?;
    if version.schema != SCHEMA_VERSION {
        return Err(format!(
            "{BUNDLE_FILE} has schema version {}, this app reads version {SCHEMA_VERSION}; rebuild the site",
            version.schema
        ));
    }
    serde_json::from_str(text).map_err(|e| format!("{BUNDLE_FILE} is damaged: {e}"))
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
