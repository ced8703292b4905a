//! `takeaways`: the command-line tool that turns `corpus/` into the explorer's bundle.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(version, about = "Build and inspect the takeaways explorer's corpus")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Turn the corpus into the JSON bundle the explorer loads.
    Build {
        /// Folder holding the Markdown articles and metadata files.
        #[arg(long, default_value = "corpus")]
        corpus: PathBuf,
        /// Folder to write `bundle.json` into.
        #[arg(long, default_value = "dist")]
        out: PathBuf,
    },
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Build { corpus, out } => takeaways::build::build(&corpus, &out).map(|report| {
            eprintln!(
                "takeaways: {} articles, {} takeaways -> {} ({} bytes)",
                report.articles,
                report.takeaways,
                report.bundle_path.display(),
                report.bundle_bytes
            );
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e:#}");
            ExitCode::FAILURE
        }
    }
}
