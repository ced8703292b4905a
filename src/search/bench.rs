//! What the benchmarks time, shared so the native command and the wasm app run the same thing.

use super::{Config, Engine};

/// The queries the benchmarks time: Chinese, English, mixed, variants, prefixes, projects.
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
];

/// Latency of the explorer's search over `bundle` for each of [`BENCH_QUERIES`], in
/// milliseconds: each query run `rounds` times, the mean taken. `now` reads a clock in ms.
pub fn search_latencies(engine: &Engine, rounds: u32, now: impl Fn() -> f64) -> Vec<f64> {
    BENCH_QUERIES
        .iter()
        .map(|q| {
            let start = now();
            for _ in 0..rounds {
                std::hint::black_box(engine.search(q, &Config::default(), 10));
            }
            (now() - start) / f64::from(rounds)
        })
        .collect()
}

/// The `p`-th percentile (0 to 100) of `values`, nearest rank.
pub fn percentile(values: &[f64], p: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * sorted.len() as f64).ceil().max(1.0) as usize;
    sorted[rank.min(sorted.len()) - 1]
}
