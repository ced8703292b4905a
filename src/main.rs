//! The explorer: a leptos single-page app, built for wasm32 by trunk.

fn main() {
    takeaways::app::start();
}

/// For the browser tests (`--features test-exports`): a Rust panic, to check that it shows the
/// failure banner.
#[cfg(feature = "test-exports")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn panic_for_test(message: &str) {
    panic!("{message}");
}

/// The benchmark's exports (`--features bench`, see `scripts/bench.sh`): the same code the
/// command line times, in the browser's wasm engine.
#[cfg(feature = "bench")]
mod bench {
    use takeaways::model::{Dataset, SearchFile};
    use wasm_bindgen::prelude::wasm_bindgen;

    /// The time to build the search engine over the bundle `bundle_json`, its texts
    /// `texts_json` and its index `search_json`, and its latencies for each benchmark query, in
    /// milliseconds; as JSON ([`takeaways::bench::search::Figures`]).
    #[wasm_bindgen]
    pub fn bench_search(bundle_json: &str, texts_json: &str, search_json: &str, rounds: u32) -> Result<String, String> {
        let dataset = dataset(bundle_json, texts_json, search_json)?;
        let performance = web_sys::window().and_then(|w| w.performance()).ok_or("no performance clock")?;
        let figures = takeaways::bench::search::measure(&dataset, rounds, || performance.now());
        serde_json::to_string(&figures).map_err(|e| e.to_string())
    }

    /// Milliseconds to compute the explorer's list after each of a series of filter and query
    /// changes ([`takeaways::bench::explore::listing_latencies`]), as JSON pairs (change, ms);
    /// the first pair is the facets' one-off cost at load.
    #[wasm_bindgen]
    pub fn bench_explore(
        bundle_json: &str,
        texts_json: &str,
        search_json: &str,
        rounds: u32,
    ) -> Result<String, String> {
        let dataset = dataset(bundle_json, texts_json, search_json)?;
        let performance = web_sys::window().and_then(|w| w.performance()).ok_or("no performance clock")?;
        let now = || performance.now();
        let start = now();
        let facets = takeaways::explore::facets::Facets::new(&dataset.bundle);
        let mut figures = vec![("facets, once at load", now() - start)];
        let order: Vec<usize> = (0..dataset.takeaways.len()).collect();
        let engine = dataset.engine();
        figures.extend(takeaways::bench::explore::listing_latencies(&facets, &order, &engine, rounds, now));
        serde_json::to_string(&figures).map_err(|e| e.to_string())
    }

    /// The queries [`bench_search`] times, in its order.
    #[wasm_bindgen]
    pub fn bench_queries() -> Vec<String> {
        takeaways::bench::search::BENCH_QUERIES.iter().map(|q| q.to_string()).collect()
    }

    /// The three files, checked to belong together.
    fn dataset(bundle_json: &str, texts_json: &str, search_json: &str) -> Result<Dataset, String> {
        let bundle = takeaways::app::parse_bundle(bundle_json.as_bytes())?;
        let texts = serde_json::from_str(texts_json).map_err(|e| e.to_string())?;
        let search: SearchFile = serde_json::from_str(search_json).map_err(|e| e.to_string())?;
        Dataset::new(bundle, texts, search)
    }
}
