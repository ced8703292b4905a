//! A deterministic synthetic corpus for benchmarks (native only): `n` articles written from the
//! seed articles' takeaway sections, with the seed corpus's metadata files. Same seed corpus and
//! `n`, same output, byte for byte.
//!
//! Copying the seeds' sections whole made every size figure flattering: gzip and brotli found
//! the same few dozen bodies again and again. So the text is recombined and varied instead:
//!
//! - each section takes the layout (paragraphs, lists, quotes) of a seed section, and its
//!   sentences (split at 。！？.!? and line breaks) from the seed sections about the same
//!   subject (their best theme), crossing from one sentence into another where the two share a
//!   pair of tokens; its heading is made the same way from their headings, list items from the
//!   seeds' short items;
//! - a large share of the Chinese characters is replaced by characters drawn at the seeds'
//!   frequencies (theme keywords never are), numbers are redrawn with as many digits,
//!   capitalized names are swapped for made-up ones and project names for other names from
//!   `projects.toml` (so tagging still finds projects; each the same way throughout its
//!   article), and each link gets a new path on its host;
//! - some intros number their takeaways in a list, as two of the seeds do, and a listed takeaway
//!   may have no section, its title only, as 7 of the seeds' 39 do;
//! - events (every one of `events.toml`), dates within a few weeks of the event's start, and
//!   authors are drawn too.
//!
//! So the text reads as garbled Chinese: it stands for the seeds' structure, vocabulary and
//! compressibility, not for their meaning. The share of replaced characters is what brings the
//! compression ratios (gzip and brotli) close to the seeds' own; `tests/synth.rs` holds them
//! there.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::ops::Range;
use std::path::Path;

use anyhow::{Context, Result};

use crate::builder::corpus::metadata::{Metadata, EVENTS_FILE, PROJECTS_FILE, SYNONYMS_FILE, THEMES_FILE};
use crate::builder::corpus::read_sources;
use crate::builder::corpus::tagging::Tagger;
use crate::builder::corpus::takeaways::{announced_counts, is_context};
use crate::model::Event;
use crate::search::tokenize::is_cjk;

/// Takeaways per article: from `MIN_SECTIONS` to `MIN_SECTIONS + SPREAD - 1`, 8 on average like
/// the seeds.
const MIN_SECTIONS: usize = 5;
const SPREAD: usize = 7;

/// Chance that an article's intro numbers its takeaways in a list (two of the five seeds do), and
/// that a listed takeaway has no section of its own, its title only: so that about as many
/// takeaways as the seeds' (7 of 39) are titles only, tagged from their titles alone.
const LISTED: f64 = 0.4;
const TITLE_ONLY: f64 = 0.4;

/// The longest line the build reads as a listed takeaway's title.
const LISTED_CHARS: usize = 60;

/// Chance that a sentence crosses into another one at a pair of tokens they share.
const SPLICE: f64 = 0.5;

/// Chance that an article replaces a Chinese character, wherever it writes it, by one drawn at
/// the seeds' frequencies: its own "dialect", so that what the article repeats is repeated
/// within it (as gzip's short window sees in a real article) while other articles differ (as
/// brotli's long window sees across a real corpus). The seeds are too small to vary enough by
/// recombining alone: a sentence, even spliced, is found again by a compressor with a long
/// window. Theme keywords are never replaced.
const DIALECT: f64 = 0.5;

/// Chance that a Chinese character is replaced, on top of the dialect, at each occurrence.
const VARIED_CJK: f64 = 0.2;

/// Chance that an article swaps a project's name for another project's, wherever it writes it:
/// swapped at each occurrence instead, a takeaway that names one project five times would name
/// several, and the synthetic takeaways would be tagged with more projects than the seeds' are.
const SWAPPED_PROJECT: f64 = 0.3;

/// Chance that a capitalized word (a person, a company, a place) is swapped for a made-up name.
const RENAMED: f64 = 0.5;

/// A sentence stops after this many tokens even where its source goes on.
const MAX_TOKENS: usize = 160;

/// Days after an event's start an article may be dated.
const DAYS_AFTER_START: u32 = 28;

pub fn generate(seeds: &Path, articles: usize, out: &Path) -> Result<()> {
    let seed = Seed::read(seeds)?;
    fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    for file in [EVENTS_FILE, THEMES_FILE, PROJECTS_FILE, SYNONYMS_FILE] {
        fs::copy(seeds.join(file), out.join(file)).with_context(|| format!("cannot copy {file}"))?;
    }
    let mut random = Lcg(0x5eed);
    for i in 0..articles {
        let event = &seed.events[random.below(seed.events.len())];
        let name = format!("{}-synthetic-{i:05}.md", event.id);
        let mut writer = Writer {
            seed: &seed,
            random: &mut random,
            dialect: HashMap::new(),
            projects: HashMap::new(),
            keywords: 0,
            topic: None,
        };
        let text = writer.article(event);
        fs::write(out.join(&name), text).with_context(|| format!("cannot write {name}"))?;
    }
    Ok(())
}

/// A unit of seed text. Links and code are one token each, so a splice never cuts them.
#[derive(Debug)]
enum Token {
    /// A Chinese character.
    Cjk(char),
    /// A run of Latin letters and digits (with inner `.`, `-`, `_`, `'`).
    Word(String),
    /// Digits, maybe with points: redrawn.
    Number(String),
    /// A theme keyword: never varied.
    Keyword(String),
    /// A project's one-word name or alias (and whether it is a theme keyword too): maybe swapped
    /// for another project's name.
    Project(String, bool),
    /// A capitalized word that is neither a project nor a theme keyword (a person, a company, a
    /// place): maybe swapped for a made-up name.
    Name(String),
    /// A link, its text tokenized too; it is written with a new path on the same host.
    Link { text: Vec<u32>, host: String },
    /// `<https://…>`.
    Autolink { host: String },
    /// Anything else, written as it is: punctuation, a space, inline code.
    Other(String),
}

/// Seed sentences and where each pair of tokens occurs in them, to cross from one sentence into
/// another.
#[derive(Default)]
struct Chain {
    sentences: Vec<Vec<u32>>,
    /// A pair of tokens → (sentence, position of the token after the pair).
    after: HashMap<(u32, u32), Vec<(u32, u32)>>,
}

impl Chain {
    fn add(&mut self, sentence: Vec<u32>) {
        if sentence.is_empty() {
            return;
        }
        let index = self.sentences.len() as u32;
        for p in 2..sentence.len() {
            self.after.entry((sentence[p - 2], sentence[p - 1])).or_default().push((index, p as u32));
        }
        self.sentences.push(sentence);
    }

    /// A sentence that starts as sentence `start` does, crossing into others of `within` where
    /// they share a pair of tokens.
    fn draw(&self, start: usize, within: Range<usize>, random: &mut Lcg) -> Vec<u32> {
        let (mut s, mut p) = (start, 0);
        let mut out = Vec::new();
        while let Some(&token) = self.sentences[s].get(p) {
            if out.len() == MAX_TOKENS {
                break;
            }
            out.push(token);
            p += 1;
            if out.len() >= 2 && random.chance(SPLICE) {
                if let Some(places) = self.after.get(&(out[out.len() - 2], out[out.len() - 1])) {
                    // Places are in sentence order, so those within a range are a slice.
                    let from = places.partition_point(|&(s, _)| (s as usize) < within.start);
                    let to = places.partition_point(|&(s, _)| (s as usize) < within.end);
                    if from < to {
                        let (next, at) = places[from + random.below(to - from)];
                        (s, p) = (next as usize, at as usize);
                    }
                }
            }
        }
        out
    }
}

/// The layout of a seed section's body, which a synthetic section copies.
#[derive(Debug, Clone)]
enum Block {
    /// A paragraph of this many sentences.
    Paragraph(usize),
    /// A list; per item, whether it leads with a bold phrase (`- **…：**…`).
    List(Vec<bool>),
    /// A quote of this many sentences.
    Quote(usize),
}

/// A seed section: what a synthetic section is modelled on, its layout and its subject.
struct SeedSection {
    /// The headings, in [`Seed::headings`], of the seed sections about its subject.
    headings: Range<usize>,
    /// Their sentences, in [`Seed::sentences`].
    sentences: Range<usize>,
    shape: Vec<Block>,
}

/// What the generator draws from.
struct Seed {
    tokens: Vec<Token>,
    interned: HashMap<String, u32>,
    /// Sentences of paragraphs, quotes and long list items.
    sentences: Chain,
    /// Headings, for headings and titles.
    headings: Chain,
    /// Short list items.
    items: Chain,
    sections: Vec<SeedSection>,
    /// Every Chinese character of the sections, so a draw follows their frequencies.
    characters: Vec<char>,
    /// Lower-cased one-word project names and aliases: the words that may be swapped.
    project_words: HashSet<String>,
    /// Names of every project, and whether each is a theme keyword too.
    project_names: Vec<(String, bool)>,
    /// Words of the seeds' link paths, for new paths.
    path_words: Vec<String>,
    /// Chinese theme keywords, longest first: each occurrence is one token that is never varied,
    /// so that a takeaway is tagged about as often as in the seeds.
    keywords: Vec<String>,
    /// Lower-cased Latin theme keywords: never taken for names.
    latin_keywords: HashSet<String>,
    events: Vec<Event>,
}

impl Seed {
    fn read(seeds: &Path) -> Result<Seed> {
        let metadata = Metadata::load(seeds).map_err(|e| anyhow::anyhow!("{e}"))?;
        anyhow::ensure!(!metadata.events.is_empty(), "no events in {}", seeds.join(EVENTS_FILE).display());
        let mut seed = Seed {
            tokens: Vec::new(),
            interned: HashMap::new(),
            sentences: Chain::default(),
            headings: Chain::default(),
            items: Chain::default(),
            sections: Vec::new(),
            characters: Vec::new(),
            project_words: HashSet::new(),
            project_names: Vec::new(),
            path_words: Vec::new(),
            keywords: Vec::new(),
            latin_keywords: HashSet::new(),
            events: metadata.events,
        };
        for keyword in metadata.themes.iter().flat_map(|t| t.keywords.keys()) {
            if keyword.chars().any(is_cjk) {
                seed.keywords.push(keyword.clone());
            } else {
                seed.latin_keywords.insert(keyword.to_lowercase());
            }
        }
        seed.keywords.sort_by_key(|k| std::cmp::Reverse(k.len()));
        for project in &metadata.projects {
            seed.project_names.push((project.name.clone(), seed.latin_keywords.contains(&project.name.to_lowercase())));
            for name in std::iter::once(&project.name).chain(&project.aliases) {
                if name.chars().all(|c| c.is_ascii_alphanumeric()) {
                    seed.project_words.insert(name.to_lowercase());
                }
            }
        }
        // Sections about one subject (their best theme) are read one after another, so that a
        // subject's headings and sentences are each one range to draw from.
        let tagger = Tagger::new(&metadata.themes, &metadata.projects);
        let mut sections: Vec<_> = seed_sections(seeds)?
            .into_iter()
            .map(|(heading, body)| (tagger.themes(&heading, &body).first().map(|m| m.theme), heading, body))
            .collect();
        sections.sort_by_key(|(subject, _, _)| *subject);
        let mut read = Vec::new();
        for (subject, heading, body) in &sections {
            let (first_heading, first_sentence) = (seed.headings.sentences.len(), seed.sentences.sentences.len());
            let tokens = seed.tokenize(heading);
            seed.headings.add(tokens);
            let shape = seed.read_blocks(body);
            let ranges = (first_heading..seed.headings.sentences.len(), first_sentence..seed.sentences.sentences.len());
            read.push((subject, ranges, shape));
        }
        for (subject, _, shape) in &read {
            let same: Vec<_> = read.iter().filter(|r| r.0 == *subject).map(|r| &r.1).collect();
            let (Some(first), Some(last)) = (same.first(), same.last()) else { continue };
            let headings = first.0.start..last.0.end;
            let sentences = first.1.start..last.1.end;
            if !shape.is_empty() && !headings.is_empty() && !sentences.is_empty() {
                seed.sections.push(SeedSection { headings, sentences, shape: shape.clone() });
            }
        }
        anyhow::ensure!(
            !seed.sections.is_empty() && !seed.characters.is_empty(),
            "the `##` sections of {} have no paragraphs of Chinese text",
            seeds.display()
        );
        Ok(seed)
    }

    /// Adds a section body's sentences to the chains and returns its layout. Images, sub-headings,
    /// rules, tables and code blocks are left out.
    fn read_blocks(&mut self, body: &str) -> Vec<Block> {
        let mut shape = Vec::new();
        for block in body.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
            let lines: Vec<&str> = block.lines().collect();
            if lines.iter().all(|l| list_item(l).is_some()) {
                let mut leads = Vec::new();
                for item in lines.iter().filter_map(|l| list_item(l)) {
                    let lead = item.starts_with("**");
                    let tokens = self.tokenize(item);
                    if lead || tokens.len() > 40 {
                        self.sentences.add(tokens);
                    } else {
                        self.items.add(tokens);
                    }
                    leads.push(lead);
                }
                shape.push(Block::List(leads));
            } else if block.starts_with('>') {
                let text: Vec<&str> = lines.iter().map(|l| l.trim_start_matches('>').trim()).collect();
                shape.push(Block::Quote(self.add_sentences(&text)));
            } else if !block.starts_with(['!', '#', '-', '|', '`', '<']) {
                shape.push(Block::Paragraph(self.add_sentences(&lines)));
            }
        }
        shape
    }

    /// Adds the sentences of a block's lines; returns how many there were (at least one).
    fn add_sentences(&mut self, lines: &[&str]) -> usize {
        let mut count = 0;
        for line in lines {
            let tokens = self.tokenize(line);
            let mut start = 0;
            for i in 0..tokens.len() {
                if self.sentence_ends_at(&tokens, i) {
                    count += 1;
                    self.sentences.add(trimmed(&tokens[start..=i], &self.tokens));
                    start = i + 1;
                }
            }
            if start < tokens.len() {
                count += 1;
                self.sentences.add(trimmed(&tokens[start..], &self.tokens));
            }
        }
        count.max(1)
    }

    /// Whether a sentence ends with token `i`: at 。！？!?, at `.` before a space, or at the
    /// closing quote or bracket right after one of them.
    fn sentence_ends_at(&self, tokens: &[u32], i: usize) -> bool {
        let is = |at: usize, set: &[&str]| {
            tokens
                .get(at)
                .is_some_and(|&t| matches!(&self.tokens[t as usize], Token::Other(s) if set.contains(&s.as_str())))
        };
        let closers = ["”", "」", "’", "）", ")"];
        let ends = |at: usize| {
            is(at, &["。", "！", "？", "!", "?"]) || (is(at, &["."]) && (at + 1 == tokens.len() || is(at + 1, &[" "])))
        };
        (ends(i) && !is(i + 1, &closers)) || (i > 0 && is(i, &closers) && ends(i - 1))
    }

    fn intern(&mut self, key: &str, token: impl FnOnce(&mut Seed) -> Token) -> u32 {
        if let Some(&id) = self.interned.get(key) {
            return id;
        }
        let token = token(self);
        let id = self.tokens.len() as u32;
        self.tokens.push(token);
        self.interned.insert(key.to_owned(), id);
        id
    }

    /// The tokens of a line of Markdown; images and `**` are left out, a run of spaces is one.
    fn tokenize(&mut self, line: &str) -> Vec<u32> {
        let mut tokens = Vec::new();
        let mut rest = line.trim();
        while let Some(c) = rest.chars().next() {
            let len = if let Some((text, url, len)) = link_at(rest) {
                let (text, host) = (text.to_owned(), host(url).to_owned());
                let id = self.intern(&rest[..len], |seed| Token::Link { text: seed.tokenize(&text), host });
                self.path_words.extend(path_words(url));
                tokens.push(id);
                len
            } else if let Some(len) = rest.strip_prefix('!').and_then(link_at).map(|(_, _, len)| len + 1) {
                len
            } else if rest.starts_with("**") {
                2
            } else if let Some(end) = rest.strip_prefix("<http").and_then(|r| r.find('>')) {
                let url = &rest[1..end + 5];
                let host = host(url).to_owned();
                tokens.push(self.intern(&rest[..end + 6], |_| Token::Autolink { host }));
                end + 6
            } else if let Some(end) = rest.strip_prefix('`').and_then(|r| r.find('`')) {
                tokens.push(self.intern(&rest[..end + 2], |_| Token::Other(rest[..end + 2].to_owned())));
                end + 2
            } else if let Some(keyword) = self.keywords.iter().find(|k| rest.starts_with(k.as_str())) {
                let keyword = keyword.clone();
                tokens.push(self.intern(&keyword, |_| Token::Keyword(keyword.clone())));
                keyword.len()
            } else if c.is_ascii_alphanumeric() {
                let len = word_len(rest);
                tokens.push(self.intern(&rest[..len], |seed| seed.classify(&rest[..len])));
                len
            } else if c.is_whitespace() {
                let len = rest.len() - rest.trim_start().len();
                tokens.push(self.intern(" ", |_| Token::Other(" ".to_owned())));
                len
            } else {
                let len = c.len_utf8();
                if is_cjk(c) {
                    self.characters.push(c);
                    tokens.push(self.intern(&rest[..len], |_| Token::Cjk(c)));
                } else {
                    tokens.push(self.intern(&rest[..len], |_| Token::Other(c.to_string())));
                }
                len
            };
            rest = &rest[len..];
        }
        tokens
    }

    fn classify(&self, word: &str) -> Token {
        let lower = word.to_lowercase();
        let capitalized = word.len() >= 3
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && word[1..].chars().all(|c| c.is_ascii_lowercase());
        let keyword = self.latin_keywords.contains(&lower);
        if word.chars().all(|c| c.is_ascii_digit() || c == '.') {
            Token::Number(word.to_owned())
        } else if self.project_words.contains(&lower) {
            Token::Project(word.to_owned(), keyword)
        } else if keyword {
            Token::Keyword(word.to_owned())
        } else if capitalized {
            Token::Name(word.to_owned())
        } else {
            Token::Word(word.to_owned())
        }
    }
}

/// Writes one article, varying what it draws from the seeds.
struct Writer<'s> {
    seed: &'s Seed,
    random: &'s mut Lcg,
    /// This article's replacements of Chinese characters.
    dialect: HashMap<char, char>,
    /// This article's replacements of projects' names (lower-cased): a position in
    /// [`Seed::project_names`].
    projects: HashMap<String, Option<usize>>,
    /// Theme keywords written so far: a section without one would get no theme.
    keywords: usize,
    /// The seed section the section being written is modelled on: its sentences and heading
    /// come from seed sections about the same subject, so that it has about as many themes as
    /// they do.
    topic: Option<usize>,
}

impl Writer<'_> {
    /// Writes `tokens`, varied: characters redrawn, numbers redrawn, projects swapped, links moved.
    fn write(&mut self, tokens: &[u32], out: &mut String) {
        let seed = self.seed;
        for &token in tokens {
            match &seed.tokens[token as usize] {
                Token::Cjk(c) => {
                    let c = self.character(*c);
                    out.push(c);
                }
                Token::Number(number) => out.push_str(&number_like(number, self.random)),
                Token::Project(word, keyword) => {
                    let random = &mut *self.random;
                    let swapped = *self.projects.entry(word.to_lowercase()).or_insert_with(|| {
                        random.chance(SWAPPED_PROJECT).then(|| random.below(seed.project_names.len()))
                    });
                    let (name, keyword) = match swapped {
                        Some(other) => (&seed.project_names[other].0, seed.project_names[other].1),
                        None => (word, *keyword),
                    };
                    out.push_str(name);
                    self.keywords += usize::from(keyword);
                }
                Token::Keyword(word) => {
                    out.push_str(word);
                    self.keywords += 1;
                }
                Token::Name(_) if self.random.chance(RENAMED) => out.push_str(&latin_name(self.random)),
                Token::Name(word) | Token::Word(word) | Token::Other(word) => out.push_str(word),
                Token::Link { text, host } => {
                    out.push('[');
                    self.write(text, out);
                    out.push_str("](");
                    self.url(host, out);
                    out.push(')');
                }
                Token::Autolink { host } => {
                    out.push('<');
                    self.url(host, out);
                    out.push('>');
                }
            }
        }
    }

    fn character(&mut self, c: char) -> char {
        let seed = self.seed;
        let random = &mut *self.random;
        let c = *self.dialect.entry(c).or_insert_with(|| {
            if random.chance(DIALECT) {
                seed.characters[random.below(seed.characters.len())]
            } else {
                c
            }
        });
        if self.random.chance(VARIED_CJK) {
            seed.characters[self.random.below(seed.characters.len())]
        } else {
            c
        }
    }

    /// A new URL on `host`: a path of words from the seeds' paths, often an id.
    fn url(&mut self, host: &str, out: &mut String) {
        let random = &mut *self.random;
        out.push_str("https://");
        out.push_str(host);
        out.push('/');
        if random.chance(0.3) {
            out.push_str(&format!("{}/{:02}/", 2015 + random.below(12), 1 + random.below(12)));
        }
        let words = &self.seed.path_words;
        for i in 0..2 + random.below(5) {
            if i > 0 {
                out.push('-');
            }
            match words.get(random.below(words.len().max(1))) {
                Some(word) if random.chance(0.5) => out.push_str(word),
                _ => out.push_str(&latin_name(random).to_lowercase()),
            }
        }
        if random.chance(0.6) {
            out.push('-');
            for _ in 0..6 + random.below(7) {
                out.push(char::from_digit(random.below(16) as u32, 16).unwrap_or('0'));
            }
        }
    }

    /// A sentence from the body chain, written, ending like a sentence.
    fn sentence(&mut self, out: &mut String) {
        let start = out.len();
        let seed = self.seed;
        let within = self.topic.map_or(0..seed.sentences.sentences.len(), |t| seed.sections[t].sentences.clone());
        let first = within.start + self.random.below(within.len());
        let tokens = seed.sentences.draw(first, within, self.random);
        self.write(&tokens, out);
        let written = out[start..].trim_end().len();
        out.truncate(start + written);
        if out[start..].ends_with(|c: char| c.is_ascii_alphanumeric() || is_cjk(c)) {
            out.push('。');
        }
    }

    /// A heading (from those of `within`, if given), or a short list item if `item`, on one line.
    fn phrase(&mut self, item: bool, within: Option<Range<usize>>) -> String {
        let seed = self.seed;
        let chain = if item && !seed.items.sentences.is_empty() { &seed.items } else { &seed.headings };
        let within = within.unwrap_or(0..chain.sentences.len());
        let mut out = String::new();
        while out.trim().is_empty() {
            out.clear();
            let start = within.start + self.random.below(within.len());
            let tokens = chain.draw(start, within.clone(), self.random);
            self.write(&tokens, &mut out);
        }
        block_safe(out.trim())
    }

    fn paragraph(&mut self, sentences: usize) -> String {
        let mut out = String::new();
        for _ in 0..sentences {
            if out.ends_with(|c: char| c.is_ascii()) {
                out.push(' ');
            }
            self.sentence(&mut out);
        }
        block_safe(out.trim())
    }

    fn blocks(&mut self, shape: &[Block], out: &mut String) {
        for block in shape {
            match block {
                Block::Paragraph(sentences) => out.push_str(&self.paragraph(*sentences)),
                Block::Quote(sentences) => {
                    out.push_str("> ");
                    out.push_str(&self.paragraph(*sentences));
                }
                Block::List(leads) => {
                    for (i, &lead) in leads.iter().enumerate() {
                        if i > 0 {
                            out.push('\n');
                        }
                        out.push_str("- ");
                        if lead {
                            let (phrase, sentence) = (self.phrase(false, None), self.paragraph(1));
                            out.push_str(&format!("**{phrase}：**{sentence}"));
                        } else {
                            out.push_str(&self.phrase(true, None));
                        }
                    }
                }
            }
            out.push_str("\n\n");
        }
    }

    /// A heading that is not context (背景, 总结…) and names no count (so no section reads as
    /// an overview of the article's takeaways).
    fn heading(&mut self) -> String {
        loop {
            let keywords = self.keywords;
            let within = self.topic.map(|t| self.seed.sections[t].headings.clone());
            let heading = self.phrase(false, within);
            if !is_context(&heading) && announced_counts(&heading).is_empty() && !heading.starts_with('\\') {
                return heading;
            }
            self.keywords = keywords;
        }
    }

    /// A `##` section the build tags with a theme (else it warns), as its heading and its body:
    /// drawn again until it names a theme keyword (and, if `listed`, until its heading fits a
    /// list item).
    fn section(&mut self, listed: bool) -> (String, String) {
        loop {
            self.keywords = 0;
            let topic = self.random.below(self.seed.sections.len());
            self.topic = Some(topic);
            let heading = self.heading();
            let mut body = String::new();
            self.blocks(&self.seed.sections[topic].shape, &mut body);
            if self.keywords > 0 && (!listed || heading.chars().count() <= LISTED_CHARS) {
                return (heading, body);
            }
        }
    }

    /// A listed takeaway's title that has no section: drawn again until the build can tag it
    /// with a theme from the title alone and read it as a list item.
    fn title_only(&mut self) -> String {
        loop {
            self.keywords = 0;
            self.topic = Some(self.random.below(self.seed.sections.len()));
            let heading = self.heading();
            if self.keywords > 0 && heading.chars().count() <= LISTED_CHARS {
                return heading;
            }
        }
    }

    fn article(&mut self, event: &Event) -> String {
        self.topic = None;
        let title = format!("{}：{}", self.heading(), self.heading());
        let date = date_after(&event.start, self.random.below(DAYS_AFTER_START as usize + 1) as u32);
        let authors: Vec<String> = (0..1 + self.random.below(4) / 3).map(|_| author(self.random)).collect();
        let mut text = format!(
            "---\ntitle: {}\ndate: {date}\nauthors: {}\n",
            serde_json::to_string(&title).unwrap_or_default(),
            serde_json::to_string(&authors).unwrap_or_default()
        );
        if self.random.chance(0.5) {
            let mut summary = String::new();
            for _ in 0..2 + self.random.below(2) {
                self.sentence(&mut summary);
            }
            text += &format!("summary: {}\n", serde_json::to_string(&unlinked(&summary)).unwrap_or_default());
        }
        text += "---\n\n";
        let topic = self.random.below(self.seed.sections.len());
        self.topic = Some(topic);
        let intro: Vec<Block> =
            self.seed.sections[topic].shape.iter().filter(|b| matches!(b, Block::Paragraph(_))).cloned().collect();
        self.blocks(if intro.is_empty() { &[Block::Paragraph(2)] } else { &intro }, &mut text);
        // Some intros number the takeaways, and a listed takeaway may be a title only.
        let listed = self.random.chance(LISTED);
        let mut items = Vec::new();
        let mut sections = String::new();
        for _ in 0..MIN_SECTIONS + self.random.below(SPREAD) {
            if listed && self.random.chance(TITLE_ONLY) {
                items.push(self.title_only());
            } else {
                let (heading, body) = self.section(listed);
                sections += &format!("## {heading}\n\n{body}");
                items.push(heading);
            }
        }
        if listed {
            let list: Vec<String> = items.iter().zip(1..).map(|(item, n)| format!("{n}. {item}")).collect();
            text += &format!("{}\n\n", list.join("\n"));
        }
        text += &sections;
        if self.random.chance(0.4) {
            self.topic = None;
            let sentences = 2 + self.random.below(3);
            text += &format!("## 总结\n\n{}\n\n", self.paragraph(sentences));
        }
        text.truncate(text.trim_end().len());
        text.push('\n');
        text
    }
}

/// The `##` sections of the seed articles (heading, body), except context ones.
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
            if !body.is_empty() && !is_context(heading.trim()) {
                sections.push((heading.trim().to_owned(), body.to_owned()));
            }
        }
    }
    anyhow::ensure!(!sections.is_empty(), "no `##` sections in {}", seeds.display());
    Ok(sections)
}

/// A sentence's tokens without spaces around it.
fn trimmed(tokens: &[u32], vocabulary: &[Token]) -> Vec<u32> {
    let space = |t: &&u32| matches!(&vocabulary[**t as usize], Token::Other(s) if s == " ");
    let start = tokens.iter().take_while(space).count();
    let end = tokens.len() - tokens[start..].iter().rev().take_while(space).count();
    tokens[start..end].to_vec()
}

/// The text of a list item (`- `, `* `, `+ `, `1. `), if `line` is one.
fn list_item(line: &str) -> Option<&str> {
    let line = line.trim_start();
    if let Some(item) = line.strip_prefix(['-', '*', '+']).and_then(|r| r.strip_prefix(' ')) {
        return Some(item.trim());
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (digits > 0).then(|| line[digits..].strip_prefix(". ")).flatten().map(str::trim)
}

/// `[text](url)` at the start of `text`: its text, URL and length.
fn link_at(text: &str) -> Option<(&str, &str, usize)> {
    let rest = text.strip_prefix('[')?;
    let close = rest.find("](")?;
    let label = &rest[..close];
    let url_start = close + 2;
    let url_len = rest[url_start..].find(')')?;
    let url = &rest[url_start..url_start + url_len];
    if label.contains('\n') || url.contains([' ', '\n']) {
        return None;
    }
    Some((label, url, 1 + url_start + url_len + 1))
}

/// Markdown with each link replaced by its text: a summary is plain text.
fn unlinked(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(at) = rest.find(['[', '<']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some((text, _, len)) = link_at(rest) {
            out.push_str(text);
            rest = &rest[len..];
        } else if let Some(end) = rest.strip_prefix("<http").and_then(|r| r.find('>')) {
            out.push_str(&rest[1..end + 5]);
            rest = &rest[end + 6..];
        } else {
            out.push_str(&rest[..1]);
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The host of a URL (`example.com`), or the URL when it has none.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// The lower-case words of a URL's path.
fn path_words(url: &str) -> Vec<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.split_once('/').map_or("", |(_, p)| p);
    path.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() >= 2).map(str::to_lowercase).collect()
}

/// How long the Latin word at the start of `text` is: letters and digits, with `.`, `-`, `_`
/// and `'` inside it.
fn word_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut len = 0;
    while len < bytes.len() {
        let b = bytes[len];
        let inner =
            matches!(b, b'.' | b'-' | b'_' | b'\'') && bytes.get(len + 1).is_some_and(|n| n.is_ascii_alphanumeric());
        if b.is_ascii_alphanumeric() || (inner && len > 0) {
            len += 1;
        } else {
            break;
        }
    }
    len.max(1)
}

/// A number with the same digits and points as `number`, redrawn: a year stays a year.
fn number_like(number: &str, random: &mut Lcg) -> String {
    if number.len() == 4 && (number.starts_with("19") || number.starts_with("20")) {
        return (2010 + random.below(20)).to_string();
    }
    let mut first = true;
    number
        .chars()
        .map(|c| {
            if !c.is_ascii_digit() {
                first = true;
                return c;
            }
            let digit = if first && number.len() > 1 && c != '0' { 1 + random.below(9) } else { random.below(10) };
            first = false;
            char::from_digit(digit as u32, 10).unwrap_or(c)
        })
        .collect()
}

/// `line` made safe to start a block: a leading `#`, `>`, `-`, `*`, `+`, `=`, `|` or `1.` is
/// escaped, so a paragraph never turns into a heading or a list.
fn block_safe(line: &str) -> String {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let numbered = digits > 0
        && line[digits..].starts_with(['.', ')'])
        && line[digits + 1..].chars().next().is_none_or(char::is_whitespace);
    if line.starts_with(['#', '>', '-', '*', '+', '=', '|', '`', '<']) {
        format!("\\{line}")
    } else if numbered {
        format!("{}\\{}", &line[..digits], &line[digits..])
    } else {
        line.to_owned()
    }
}

/// A made-up Latin name of two or three syllables, capitalized.
fn latin_name(random: &mut Lcg) -> String {
    const ONSETS: &[&str] = &[
        "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "ch", "cl",
        "dr", "gr", "kr", "sh", "st", "th", "tr",
    ];
    const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ea", "ie", "ou", "y"];
    const CODAS: &[&str] = &["", "", "", "n", "r", "l", "s", "m", "nd", "rt", "ck", "x"];
    let mut name = String::new();
    for _ in 0..2 + random.below(2) {
        for part in [ONSETS, VOWELS, CODAS] {
            name.push_str(part[random.below(part.len())]);
        }
    }
    let mut chars = name.chars();
    chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

/// An author's name: Chinese or Latin, from short lists of common surnames and given names.
fn author(random: &mut Lcg) -> String {
    const SURNAMES: &[&str] = &[
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "林", "何",
        "高", "罗",
    ];
    const GIVEN: &[&str] = &[
        "伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "杰", "涛", "明", "超", "霞", "平", "刚", "颖", "晨", "宇",
        "欣", "浩",
    ];
    const FIRST: &[&str] = &[
        "Daniel", "Jason", "Eric", "Tim", "Abby", "Helen", "Matt", "Mark", "Thomas", "Priya", "Ana", "Sofia", "Lena",
        "Omar", "Kenji", "Marta", "Lucas", "Chloe", "Ivan", "Nora",
    ];
    const LAST: &[&str] = &[
        "Bryant", "Gregory", "Bangser", "Campbell", "Betts", "Fussell", "Kautz", "Taber", "Lewi", "Mattix", "Novak",
        "Silva", "Tanaka", "Rossi", "Schmidt", "Dubois", "Kowalski", "Haddad", "Okafor", "Larsen",
    ];
    if random.chance(0.5) {
        let given: String = (0..1 + random.below(2)).map(|_| GIVEN[random.below(GIVEN.len())]).collect();
        format!("{}{given}", SURNAMES[random.below(SURNAMES.len())])
    } else {
        format!("{} {}", FIRST[random.below(FIRST.len())], LAST[random.below(LAST.len())])
    }
}

/// `YYYY-MM-DD` of `days` after the date `start` (`YYYY-MM-DD`); `start` itself if it is not one.
fn date_after(start: &str, days: u32) -> String {
    let parts: Vec<i64> = start.split('-').filter_map(|p| p.parse().ok()).collect();
    let [year, month, day] = parts[..] else {
        return start.to_owned();
    };
    let (year, month, day) = civil_from_days(days_from_civil(year, month, day) + i64::from(days));
    format!("{year:04}-{month:02}-{day:02}")
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146097 + day_of_era - 719468
}

/// The date of a day since 1970-01-01: the inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719468;
    let era = days.div_euclid(146097);
    let day_of_era = days - era * 146097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (year_of_era + era * 400 + i64::from(month <= 2), month, day)
}

/// A small linear congruential generator: deterministic everywhere, no dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        (self.next() as f64) < p * (1u64 << 31) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_cross_months_and_years() {
        assert_eq!(date_after("2023-11-06", 0), "2023-11-06");
        assert_eq!(date_after("2023-11-06", 27), "2023-12-03");
        assert_eq!(date_after("2023-12-20", 20), "2024-01-09");
        assert_eq!(date_after("2024-02-20", 10), "2024-03-01");
        assert_eq!(date_after("2023-02-20", 10), "2023-03-02");
    }

    #[test]
    fn blocks_never_start_as_markup() {
        assert_eq!(block_safe("# 标题"), "\\# 标题");
        assert_eq!(block_safe("12. 项"), "12\\. 项");
        assert_eq!(block_safe("3.19 - 3.22 在巴黎"), "3.19 - 3.22 在巴黎");
        assert_eq!(block_safe("平台工程"), "平台工程");
    }

    #[test]
    fn numbers_keep_their_shape() {
        let mut random = Lcg(1);
        for number in ["85.79", "3", "60", "2027", "1.0"] {
            let varied = number_like(number, &mut random);
            assert_eq!(varied.len(), number.len(), "{number} → {varied}");
            assert_eq!(varied.find('.'), number.find('.'), "{number} → {varied}");
        }
    }

    #[test]
    fn links_and_list_items_are_read() {
        assert_eq!(link_at("[Dapr](https://dapr.io/) 社区"), Some(("Dapr", "https://dapr.io/", 24)));
        assert_eq!(link_at("[a b] c"), None);
        assert_eq!(list_item("- **仪器化：**使用"), Some("**仪器化：**使用"));
        assert_eq!(list_item("10. 社区"), Some("社区"));
        assert_eq!(list_item("3.19 - 3.22"), None);
        assert_eq!(host("https://thenewstack.io/platform-engineering/"), "thenewstack.io");
    }
}
