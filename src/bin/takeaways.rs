//! `takeaways`: the command-line tool that checks `corpus/`, builds the explorer's bundle from
//! it, and lists what it understood.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, Parser, Subcommand};
use takeaways::builder::{self, report, Checked};
use takeaways::model::Dataset;

#[derive(Parser)]
#[command(version, about = "Build and inspect the takeaways explorer's corpus")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check the corpus and write the JSON bundle the explorer loads.
    Build {
        #[command(flatten)]
        corpus: CorpusArg,
        /// Folder to write `bundle.json` into.
        #[arg(long, default_value = "dist")]
        out: PathBuf,
    },
    /// Lint the corpus: errors fail (exit 1), warnings are printed.
    Check {
        #[command(flatten)]
        corpus: CorpusArg,
    },
    /// Print every takeaway (one per line, or as JSON).
    List {
        #[command(flatten)]
        source: Source,
        /// Print a JSON array with id, path, title, ordinal, article (with where its fields came
        /// from, when read from a corpus), event, themes, projects, has_body.
        #[arg(long)]
        json: bool,
    },
    /// Print takeaway counts by event, theme and project.
    Stats {
        #[command(flatten)]
        source: Source,
    },
    /// Search the takeaways with the explorer's engine and print them, best first.
    Search {
        #[command(flatten)]
        source: Source,
        /// Print a JSON object: the query, `corrected` (the query the results are for when a
        /// misspelt word was read as another, else null), `matches` (how many takeaways match) and
        /// `hits` (id, title, title_en, score, matching, article).
        #[arg(long)]
        json: bool,
        /// At most this many results.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Search the query as typed: do not read a misspelt word as the closest one the index holds.
        #[arg(long)]
        literal: bool,
        query: String,
    },
    /// Finish a built site; trunk runs it after each build: a page for every URL the app knows
    /// (readable without JavaScript, with link-preview tags and the Content-Security-Policy),
    /// 404.html, a social card per page, Atom feeds, sitemap.xml and robots.txt.
    FinishSite {
        /// The built site: its bundle.json and index.html are read, the pages written into it.
        #[arg(long)]
        site: PathBuf,
        /// The site's absolute URL, for canonical, og:url, og:image, feed and sitemap links.
        #[arg(long, default_value = "http://127.0.0.1:8080/")]
        site_url: String,
        /// Where cards drawn by earlier builds are kept, so unchanged ones are not drawn again.
        #[arg(long, default_value = "target/card-cache")]
        card_cache: PathBuf,
        /// Draw no cards: the pages go without og:image, as when no CJK font is installed
        /// (cards take most of a large site's build: ~20 minutes at 5,000 articles).
        #[arg(long)]
        no_cards: bool,
        /// Ship each takeaway's body in a file of its own too, which a search reads of its
        /// results instead of their articles' texts; a site whose texts are too large to keep
        /// offline always does.
        #[arg(long)]
        takeaway_bodies: bool,
        /// Have a search read the titles it ranks with their articles' summaries, not every
        /// takeaway's at once; a site whose bundle is large (about a thousand articles) always does.
        #[arg(long)]
        titles_by_article: bool,
        /// Ship the first page's outline too, with the themes and projects of the home's first
        /// page's takeaways alone, which the home shows its first page with; a site whose
        /// takeaways' themes and projects weigh much (a few hundred articles) always does.
        #[arg(long)]
        first_page: bool,
    },
    /// Write a deterministic synthetic corpus of N articles made from the seed corpus, for benchmarks.
    Synth {
        #[command(flatten)]
        corpus: CorpusArg,
        #[arg(long, default_value_t = 500)]
        articles: usize,
        #[arg(long)]
        out: PathBuf,
    },
    /// Time the explorer's search natively over a built bundle: p50 and p95 per query.
    #[cfg(feature = "bench")]
    BenchSearch {
        #[arg(long)]
        bundle: PathBuf,
        /// Runs of each query; the mean is its latency.
        #[arg(long, default_value_t = 50)]
        rounds: u32,
    },
    /// Time the explorer's list for a series of filter and query changes over a built bundle.
    #[cfg(feature = "bench")]
    BenchExplore {
        #[arg(long)]
        bundle: PathBuf,
        /// Runs of each change; the mean is its latency.
        #[arg(long, default_value_t = 20)]
        rounds: u32,
    },
    /// Time the recomputation of each theme graph after a filter change, natively, over a built bundle.
    #[cfg(feature = "bench")]
    BenchGraphs {
        #[arg(long)]
        bundle: PathBuf,
        /// Runs of each filter change; the mean is its time.
        #[arg(long, default_value_t = 20)]
        rounds: u32,
    },
}

#[derive(Args)]
struct CorpusArg {
    /// Folder holding the Markdown articles and metadata files.
    #[arg(long, default_value = "corpus")]
    corpus: PathBuf,
}

#[derive(Args)]
struct Source {
    #[command(flatten)]
    corpus: CorpusArg,
    /// Read a built bundle.json instead of the corpus.
    #[arg(long, conflicts_with = "corpus")]
    bundle: Option<PathBuf>,
}

impl Source {
    fn load(&self) -> Result<Dataset> {
        self.load_with_sources().map(|(dataset, _)| dataset)
    }

    /// The dataset, and where its articles' fields came from: known from a corpus, not from a
    /// built bundle (empty then).
    fn load_with_sources(&self) -> Result<(Dataset, Vec<BTreeMap<String, String>>)> {
        match &self.bundle {
            Some(path) => Ok((builder::read(path)?, Vec::new())),
            None => checked(&self.corpus.corpus, false).map(|c| (c.dataset, c.sources)),
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse().command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<()> {
    match command {
        Command::Build { corpus, out } => {
            let checked = checked(&corpus.corpus, true)?;
            let report = builder::write(&checked.dataset, &out)?;
            eprintln!(
                "takeaways: {} articles, {} takeaways, {} warnings -> {} ({} bytes)",
                checked.dataset.articles.len(),
                checked.dataset.takeaways.len(),
                checked.warnings.len(),
                report.bundle_path.display(),
                report.bundle_bytes
            );
        }
        Command::Check { corpus } => {
            let checked = checked(&corpus.corpus, true)?;
            eprintln!(
                "takeaways: {} articles, {} takeaways, {} warnings: ok",
                checked.dataset.articles.len(),
                checked.dataset.takeaways.len(),
                checked.warnings.len()
            );
        }
        Command::List { source, json } => {
            let (dataset, sources) = source.load_with_sources()?;
            let listed = report::list(&dataset, &sources);
            if json {
                println!("{}", serde_json::to_string_pretty(&listed)?);
            } else {
                for t in listed {
                    println!("{}\t{}", t.id, t.title);
                }
            }
        }
        Command::Stats { source } => print!("{}", report::stats(&source.load()?.bundle)),
        Command::Search { source, json, limit, literal, query } => {
            let dataset = source.load()?;
            let found = report::search(&dataset, &query, limit, literal);
            if json {
                println!("{}", serde_json::to_string_pretty(&found)?);
            } else {
                if let Some(corrected) = &found.corrected {
                    println!("showing results for “{corrected}” · search for “{query}” instead with --literal");
                }
                println!("{} matching takeaways; best first, then others holding part of the query (~)", found.matches);
                for hit in found.hits {
                    let part = if hit.matching { ' ' } else { '~' };
                    println!("{part}{:>8.4}  {}\t{}\t({})", hit.score, hit.id, hit.title, hit.article);
                }
            }
        }
        Command::FinishSite {
            site,
            site_url,
            card_cache,
            no_cards,
            takeaway_bodies,
            titles_by_article,
            first_page,
        } => {
            let started = std::time::Instant::now();
            let cache = (!no_cards).then_some(card_cache.as_path());
            let done = builder::site::finish(
                &site,
                &site_url,
                cache,
                builder::site::AsLarge { takeaway_bodies, titles_by_article, first_page },
            )?;
            if let Some(why) = done.no_cards.as_ref().filter(|_| !no_cards) {
                eprintln!("takeaways: warning: the pages have no social cards: {why}");
            }
            eprintln!(
                "takeaways: {} pages, {} cards ({} drawn, the rest from {}), {} feeds, sitemap.xml, a service worker \
                 precaching {} files ({} KB) -> {} in {:.1} s",
                done.pages,
                done.cards,
                done.drawn,
                card_cache.display(),
                done.feeds,
                done.precache.files.len(),
                done.precache.bytes / 1024,
                site.display(),
                started.elapsed().as_secs_f64()
            );
        }
        Command::Synth { corpus, articles, out } => {
            takeaways::builder::synth::generate(&corpus.corpus, articles, &out)?
        }
        #[cfg(feature = "bench")]
        Command::BenchSearch { bundle, rounds } => bench::search(&builder::read(&bundle)?, rounds),
        #[cfg(feature = "bench")]
        Command::BenchExplore { bundle, rounds } => bench::explore(&builder::read(&bundle)?, rounds),
        #[cfg(feature = "bench")]
        Command::BenchGraphs { bundle, rounds } => bench::graphs(&builder::read(&bundle)?, rounds),
    }
    Ok(())
}

/// The checked corpus, printing its warnings if asked.
fn checked(corpus: &Path, print_warnings: bool) -> Result<Checked> {
    let checked = builder::check(corpus)?;
    if print_warnings {
        checked.warnings.iter().for_each(|w| eprintln!("{w}"));
    }
    Ok(checked)
}

/// The benchmarks' commands: they print figures, natively.
#[cfg(feature = "bench")]
mod bench {
    use takeaways::bench::{explore, graphs, search};
    use takeaways::explore::facets::Facets;
    use takeaways::model::Dataset;

    /// A clock in milliseconds since it was made.
    fn clock() -> impl Fn() -> f64 {
        let start = std::time::Instant::now();
        move || start.elapsed().as_secs_f64() * 1000.0
    }

    pub fn search(dataset: &Dataset, rounds: u32) {
        let figures = search::measure(dataset, rounds, clock());
        println!("ranking   search  (ms; search adds highlights and snippets)");
        for ((query, rank), search) in search::BENCH_QUERIES.iter().zip(&figures.ranking).zip(&figures.search) {
            println!("{rank:>7.3} {search:>8.3}  {query}");
        }
        let (queries, takeaways) = (figures.ranking.len(), dataset.takeaways.len());
        let p = |latencies: &[f64]| {
            format!(
                "p50 {:.3} ms, p95 {:.3} ms",
                search::percentile(latencies, 50.0),
                search::percentile(latencies, 95.0)
            )
        };
        println!(
            "native, {takeaways} takeaways: engine built in {:.0} ms, first correction of a misspelt word {:.1} ms",
            figures.engine_ms, figures.first_correction_ms
        );
        let (first, last, pieces) = search::piece_latencies(dataset, clock());
        println!(
            "native, the index's {pieces} pieces joined one at a time: {first:.3} ms each among the first tenth, {last:.3} ms among the last"
        );
        println!("native ranking, {queries} queries × {rounds}: {}", p(&figures.ranking));
        println!("native search (with highlights and snippets), {queries} queries × {rounds}: {}", p(&figures.search));
    }

    pub fn explore(dataset: &Dataset, rounds: u32) {
        let ms = clock();
        let start = ms();
        let facets = Facets::new(dataset);
        println!("{:>8.3} ms  facets of {} takeaways (once, at load)", ms() - start, dataset.takeaways.len());
        let order: Vec<usize> = (0..dataset.takeaways.len()).collect();
        let engine = dataset.engine();
        for (change, latency) in explore::listing_latencies(&facets, &order, &engine, rounds, ms) {
            println!("{latency:>8.3} ms  list after: {change}");
        }
    }

    pub fn graphs(dataset: &Dataset, rounds: u32) {
        let selections = graphs::bench_selections(&Facets::new(dataset)).len();
        println!("native graph redraw, {} takeaways, {selections} filter changes × {rounds}:", dataset.takeaways.len());
        for (view, mean, worst) in graphs::redraw_latencies(dataset, rounds, clock()) {
            println!("{view:>10}: mean {mean:.3} ms, worst {worst:.3} ms");
        }
    }
}
