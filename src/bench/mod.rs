//! What the benchmarks time (`--features bench`), shared so that the command line
//! (`takeaways bench-*`) and the app in the browser (`bench_*` exports) run the same code. None
//! of it is in the shipped app.

pub mod explore;
pub mod graphs;
pub mod search;
