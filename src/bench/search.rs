//! Search: building the engine, then ranking and searching the benchmark queries.

use std::sync::Arc;

use serde::Serialize;

use crate::model::Dataset;
use crate::search::pieces::{cut, Pieces, PIECE_BYTES};
use crate::search::{Config, Engine, EngineIndex};

/// The queries the benchmarks time: Chinese, English, mixed, variants, prefixes, projects, and
/// misspelt words (read as their corrections).
pub const BENCH_QUERIES: &[&str] = &[
    "平台工程",
    "可观测性",
    "可观察性",
    "安全",
    "多租户",
    "开发者体验",
    "服务网格",
    "云原生",
    "数据",
    "社区",
    "platform engineering",
    "service mesh",
    "security",
    "observability",
    "kubernetes lts",
    "finops",
    "cilium",
    "dapr",
    "istio",
    "grafana",
    "opentelemetry",
    "ebpf 安全",
    "ai 平台工程",
    "k8s",
    "llm",
    "kub",
    "plat",
    "云",
    "api 网关",
    "多云 混合云",
    "kubernets",
    "opentelemtry",
    "grafaan",
];

/// Results asked for, as the benchmark asks every library.
const LIMIT: usize = 10;

/// What one benchmark run measures, in milliseconds.
#[derive(Debug, Serialize)]
pub struct Figures {
    /// Building the engine from the bundle: decoding the index, and the takeaways' text for
    /// phrases and snippets.
    pub engine_ms: f64,
    /// The first correction of a misspelt word, which groups the index's words by length.
    pub first_correction_ms: f64,
    /// Per query, [`Engine::rank`](crate::search::Engine::rank): documents and scores, what the libraries' searches return.
    pub ranking: Vec<f64>,
    /// Per query, [`Engine::search`](crate::search::Engine::search): the ranking with highlighted titles and snippets, as the
    /// app calls it.
    pub search: Vec<f64>,
}

/// Times building the engine over `dataset`, then each of [`BENCH_QUERIES`]: each run `rounds`
/// times, the mean taken. `now` reads a clock in ms.
pub fn measure(dataset: &Dataset, rounds: u32, now: impl Fn() -> f64) -> Figures {
    let start = now();
    let engine = dataset.engine();
    let engine_ms = now() - start;
    let start = now();
    std::hint::black_box(engine.correction("kubernets"));
    let first_correction_ms = now() - start;
    let config = Config::default();
    Figures {
        engine_ms,
        first_correction_ms,
        ranking: latencies(rounds, &now, |q| {
            std::hint::black_box(engine.rank(q, &config, LIMIT));
        }),
        search: latencies(rounds, &now, |q| {
            std::hint::black_box(engine.search(q, &config, LIMIT));
        }),
    }
}

/// Milliseconds to join the index's pieces (of the build's size) to an engine one at a time, as
/// a reader's searches bring them, in an order far from the terms' (the odd pieces from the last
/// down, then the even ones up): the mean over the first tenth of them and over the last, and
/// how many there are. `now` reads a clock in ms.
pub fn piece_latencies(dataset: &Dataset, now: impl Fn() -> f64) -> (f64, f64, usize) {
    let cut = cut(dataset, PIECE_BYTES);
    let engine = Engine::of(dataset, EngineIndex::over_pieces(dataset, &cut.head));
    let mut pieces = Pieces::new(Arc::new(cut.head));
    let count = cut.pieces.len();
    let order = (0..count).rev().filter(|n| n % 2 == 1).chain((0..count).filter(|n| n % 2 == 0));
    let times: Vec<f64> = order
        .map(|n| {
            let start = now();
            if let Some(piece) = pieces.add(n, &cut.pieces[n]) {
                engine.add_piece(piece);
            }
            now() - start
        })
        .collect();
    let tenth = (count / 10).max(1).min(count);
    let mean = |times: &[f64]| times.iter().sum::<f64>() / times.len().max(1) as f64;
    (mean(&times[..tenth]), mean(&times[count - tenth..]), count)
}

fn latencies(rounds: u32, now: &impl Fn() -> f64, run: impl Fn(&str)) -> Vec<f64> {
    BENCH_QUERIES
        .iter()
        .map(|q| {
            let start = now();
            for _ in 0..rounds {
                run(q);
            }
            (now() - start) / f64::from(rounds)
        })
        .collect()
}

/// The `p`-th percentile (0 to 100) of `values`, nearest rank.
pub fn percentile(values: &[f64], p: f64) -> f64 {
    let mut sorted = values.to_vec();
    crate::model::order::sort_by(&mut sorted, f64::total_cmp);
    let rank = ((p / 100.0) * sorted.len() as f64).ceil().max(1.0) as usize;
    sorted[rank.min(sorted.len()) - 1]
}
