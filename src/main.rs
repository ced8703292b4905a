//! The explorer: a leptos single-page app, built for wasm32 by trunk.

fn main() {
    takeaways::app::prepare_page();
    leptos::mount::mount_to_body(takeaways::app::App);
}

/// For `scripts/bench`: the time to build the search engine over the bundle `bundle_json`, its
/// texts `texts_json` and its index `search_json`, and its latencies for each benchmark query,
/// in milliseconds, measured in the browser's wasm engine; as JSON
/// ([`takeaways::search::bench::Figures`]).
#[cfg(feature = "bench")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_search(bundle_json: &str, texts_json: &str, search_json: &str, rounds: u32) -> Result<String, String> {
    let bundle = whole_bundle(bundle_json, texts_json, search_json)?;
    let performance = web_sys::window().and_then(|w| w.performance()).ok_or("no performance clock")?;
    let figures = takeaways::search::bench::measure(&bundle, rounds, || performance.now());
    serde_json::to_string(&figures).map_err(|e| e.to_string())
}

/// For `scripts/bench`: milliseconds to compute the explorer's list after each of a series of
/// filter and query changes ([`takeaways::listing::listing_latencies`]), in the browser's wasm
/// engine, as JSON pairs (change, ms); the first pair is the facets' one-off cost at load.
#[cfg(feature = "bench")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_explore(bundle_json: &str, texts_json: &str, search_json: &str, rounds: u32) -> Result<String, String> {
    let bundle = whole_bundle(bundle_json, texts_json, search_json)?;
    let performance = web_sys::window().and_then(|w| w.performance()).ok_or("no performance clock")?;
    let now = || performance.now();
    let start = now();
    let facets = takeaways::facets::Facets::new(&bundle);
    let mut figures = vec![("facets, once at load", now() - start)];
    let order: Vec<usize> = (0..bundle.takeaways.len()).collect();
    let engine = bundle.search_engine();
    figures.extend(takeaways::listing::listing_latencies(&facets, &order, &engine, rounds, now));
    serde_json::to_string(&figures).map_err(|e| e.to_string())
}

/// The bundle with its texts and search index in place, as the build has it.
#[cfg(feature = "bench")]
fn whole_bundle(bundle_json: &str, texts_json: &str, search_json: &str) -> Result<takeaways::bundle::Bundle, String> {
    let mut bundle = takeaways::app::parse_bundle(bundle_json)?;
    bundle.add_texts(serde_json::from_str(texts_json).map_err(|e| e.to_string())?)?;
    let search: takeaways::bundle::SearchFile = serde_json::from_str(search_json).map_err(|e| e.to_string())?;
    bundle.search = search.search;
    Ok(bundle)
}

/// For the browser tests: a Rust panic, to check that it shows the failure banner.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn panic_for_test(message: &str) {
    panic!("{message}");
}

/// The queries [`bench_search`] times, in its order.
#[cfg(feature = "bench")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_queries() -> Vec<String> {
    takeaways::search::bench::BENCH_QUERIES.iter().map(|q| q.to_string()).collect()
}
