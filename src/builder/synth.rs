//! A deterministic synthetic corpus for benchmarks (native only): `n` articles made of the
//! seed articles' takeaway sections, recombined by a fixed pseudo-random sequence, with the
//! seed corpus's metadata files. Same seed corpus and `n`, same output, byte for byte.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

use crate::builder::corpus::metadata::{EVENTS_FILE, PROJECTS_FILE, SYNONYMS_FILE, THEMES_FILE};
use crate::builder::corpus::read_sources;

/// Sections per synthetic article.
const SECTIONS: usize = 8;

pub fn generate(seeds: &Path, articles: usize, out: &Path) -> Result<()> {
    let sections = seed_sections(seeds)?;
    let events = ["2019-eu-barcelona", "2023-na-chicago", "2024-eu-paris"];
    fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    for file in [EVENTS_FILE, THEMES_FILE, PROJECTS_FILE, SYNONYMS_FILE] {
        fs::copy(seeds.join(file), out.join(file)).with_context(|| format!("cannot copy {file}"))?;
    }
    let mut random = Lcg(0x5eed);
    for i in 0..articles {
        let mut text = format!(
            "---\ntitle: \"合成文章 {i}：云原生要点\"\ndate: 2024-0{}-1{}\nauthors: [\"Author {}\"]\n---\n\n",
            1 + i % 9,
            i % 10,
            i % 37
        );
        for s in 0..SECTIONS {
            let (heading, body) = &sections[random.below(sections.len())];
            text += &format!("## {heading}（{i}.{s}）\n\n{body}\n\n");
        }
        let name = format!("{}-synthetic-{i:05}.md", events[i % events.len()]);
        fs::write(out.join(&name), text).with_context(|| format!("cannot write {name}"))?;
    }
    Ok(())
}

/// The `##` sections of the seed articles (heading, body), except framing ones.
fn seed_sections(seeds: &Path) -> Result<Vec<(String, String)>> {
    let mut sections = Vec::new();
    let sources = read_sources(seeds)?;
    if let Some(error) = sources.errors.first() {
        anyhow::bail!("{error}");
    }
    for source in sources.files {
        for part in source.text.split("\n## ").skip(1) {
            let (heading, body) = part.split_once('\n').unwrap_or((part, ""));
            let body = body.split("\n# ").next().unwrap_or_default().trim();
            if !body.is_empty() && !["背景", "总结", "结语", "引用"].iter().any(|c| heading.starts_with(c)) {
                sections.push((heading.trim().to_owned(), body.to_owned()));
            }
        }
    }
    anyhow::ensure!(!sections.is_empty(), "no `##` sections in {}", seeds.display());
    Ok(sections)
}

/// A small linear congruential generator: deterministic everywhere, no dependency.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}
