//! Which parts of an article are its takeaways, by rules general enough for the next article:
//!
//! 1. Sections that frame the article are context, not takeaways: the intro before the first
//!    `##`, background and conclusion sections (背景, 总结, 结语, 引用…), and an overview section
//!    that repeats the count the title announces ("八大关键主题" → "8 个关键主题").
//! 2. Where the intro numbers the takeaways in a list, that list defines them, in order. The
//!    `##` sections carry the bodies, matched to the items in order (positionally when the
//!    counts agree, otherwise by aligning similar wordings); an item without a section is kept,
//!    title only. A section no item claims continues the takeaway before it.
//! 3. Otherwise each `##` section is a takeaway, except mis-levelled headings that continue the
//!    one before: a heading right after a paragraph that stops mid-sentence (its text is the
//!    rest of that sentence), and a heading that names the product a "有趣的产品" block under
//!    the takeaway before ends with.
//! 4. `articles.toml` can name, by heading, sections that continue the takeaway before them
//!    or are context: for what no rule can know.

use std::collections::HashSet;
use std::ops::Range;

use super::markdown::{Document, Section};
use super::metadata::ArticleMetadata;

/// Headings of sections that frame an article rather than make a point of their own.
const CONTEXT_HEADINGS: &[&str] = &["背景", "总结", "结语", "结论", "引用", "参考", "致谢", "写在最后"];

/// Latin words too common in this corpus to tie a heading to a product.
const GENERIC_WORDS: &[&str] = &["kubernetes", "k8s", "ai", "ml", "cloud", "native", "api", "data", "open", "source"];

/// How alike two headings must be to name the same takeaway (Dice over character pairs and words).
const MIN_SIMILARITY: f64 = 0.2;

/// The most text a section can have and still be a stub whose body landed under the next heading.
const STUB_CHARS: usize = 120;

/// The takeaways and context of one article.
#[derive(Debug, Default)]
pub struct Extraction {
    pub takeaways: Vec<Extracted>,
    /// Event ranges of the intro before the first section (also in `context`).
    pub intro: Vec<Range<usize>>,
    /// Event ranges of the context (intro, background, conclusion…), in article order.
    pub context: Vec<Range<usize>>,
    /// Things an editor may want to look at, with the byte offset in the body they concern.
    pub warnings: Vec<(usize, String)>,
}

impl Extraction {
    /// How many takeaways have their body before event index `at`: where a context part goes.
    pub fn takeaways_before(&self, at: usize) -> u32 {
        self.takeaways.iter().filter(|t| t.body.first().is_some_and(|b| b.start < at)).count() as u32
    }
}

/// One takeaway as found in the Markdown.
#[derive(Debug)]
pub struct Extracted {
    pub title: String,
    /// The heading's wording, when a list item named the takeaway differently.
    pub alt_title: Option<String>,
    /// Event ranges of the body: the first section's content, then any continuing sections.
    pub body: Vec<Range<usize>>,
    /// Byte offset in the body of where the takeaway is named.
    pub offset: usize,
}

/// A takeaway's sections: the one that starts it and those that continue it.
struct Group<'s> {
    head: &'s Section,
    continued_by: Vec<&'s Section>,
}

impl Group<'_> {
    fn body(&self) -> Vec<Range<usize>> {
        std::iter::once(self.head.content.clone()).chain(self.continued_by.iter().map(|s| s.whole())).collect()
    }
}

pub fn extract(doc: &Document, title: &str, overrides: &ArticleMetadata) -> Extraction {
    let (intro, sections) = doc.sections(2);
    let announced = announced_counts(title).into_iter().next();
    let mut extraction = Extraction { context: intro.clone(), intro: intro.clone(), ..Extraction::default() };

    let mut candidates = Vec::new();
    for section in &sections {
        let overview =
            candidates.is_empty() && announced.is_some_and(|n| announced_counts(&section.heading).contains(&n));
        if overview || is_context(&section.heading) || names_any(&section.heading, &overrides.context) {
            extraction.context.push(section.whole());
        } else {
            candidates.push(section);
        }
    }

    let list = intro.into_iter().flat_map(|r| doc.ordered_lists(r)).find(|items| is_takeaway_list(items));
    match list {
        Some(items) => from_list(&items, &candidates, &mut extraction),
        None => from_headings(doc, &candidates, overrides, &mut extraction),
    }

    extraction.context.sort_by_key(|r| r.start);
    if let Some(n) = announced.filter(|&n| n as usize != extraction.takeaways.len()) {
        extraction
            .warnings
            .push((0, format!("the title announces {n} takeaways, but {} were found", extraction.takeaways.len())));
    }
    extraction
}

/// Rule 3: each section is a takeaway unless it continues the one before.
fn from_headings(doc: &Document, candidates: &[&Section], overrides: &ArticleMetadata, extraction: &mut Extraction) {
    let mut groups: Vec<Group> = Vec::new();
    for &section in candidates {
        match groups.last_mut() {
            Some(group) if continues(doc, group, section, overrides) => group.continued_by.push(section),
            _ => groups.push(Group { head: section, continued_by: Vec::new() }),
        }
    }
    extraction.takeaways = groups
        .iter()
        .map(|g| Extracted { title: g.head.heading.clone(), alt_title: None, body: g.body(), offset: g.head.offset })
        .collect();
}

fn continues(doc: &Document, group: &Group, section: &Section, overrides: &ArticleMetadata) -> bool {
    if names_any(&section.heading, &overrides.continues) {
        return true;
    }
    // A stub whose one short paragraph stops mid-sentence: its body landed under the next heading.
    let head = group.head.content.clone();
    let stub = group.continued_by.is_empty()
        && doc.sub_headings(head.clone()).is_empty()
        && doc.plain_text(head.clone()).trim().chars().count() <= STUB_CHARS;
    if stub && doc.ends_mid_sentence(head) && similarity(&group.head.heading, &section.heading) >= MIN_SIMILARITY {
        return true;
    }
    // The product block (有趣的产品 → #### product) that closes the takeaway before.
    let body: Vec<Range<usize>> = group.body();
    let last_product = body.iter().rev().find_map(|r| doc.sub_headings(r.clone()).into_iter().rfind(|h| !h.is_empty()));
    last_product.is_some_and(|product| {
        let named: HashSet<String> = specific_words(&product);
        specific_words(&section.heading).iter().any(|w| named.contains(w))
    })
}

/// Rule 2: a numbered list names the takeaways; sections carry their bodies.
fn from_list(items: &[(String, usize)], candidates: &[&Section], extraction: &mut Extraction) {
    let titles: Vec<String> = items.iter().map(|(title, _)| title.clone()).collect();
    let pairs = align(&titles, candidates);
    let mut takeaways: Vec<Extracted> = items
        .iter()
        .zip(&pairs)
        .map(|((item, item_offset), section)| {
            let section = section.map(|s| candidates[s]);
            Extracted {
                title: item.clone(),
                alt_title: section.map(|s| s.heading.clone()).filter(|h| comparable(h) != comparable(item)),
                body: section.map(|s| vec![s.content.clone()]).unwrap_or_default(),
                offset: section.map_or(*item_offset, |s| s.offset),
            }
        })
        .collect();
    // A section no item claims continues the takeaway whose section comes before it.
    for (index, section) in candidates.iter().enumerate() {
        if pairs.contains(&Some(index)) {
            continue;
        }
        let owner = pairs.iter().rposition(|p| p.is_some_and(|p| p < index));
        match owner {
            Some(owner) => {
                takeaways[owner].body.push(section.whole());
                extraction.warnings.push((
                    section.offset,
                    format!(
                        "section `{}` matches no listed takeaway; kept as part of takeaway {}",
                        section.heading,
                        owner + 1
                    ),
                ));
            }
            None => {
                extraction.context.push(section.whole());
                extraction.warnings.push((
                    section.offset,
                    format!("section `{}` comes before every listed takeaway; kept as context", section.heading),
                ));
            }
        }
    }
    extraction.takeaways = takeaways;
}

/// A list that names takeaways: three items or more, each a short line.
fn is_takeaway_list(items: &[(String, usize)]) -> bool {
    items.len() >= 3 && items.iter().all(|(i, _)| !i.is_empty() && !i.contains('\n') && i.chars().count() <= 60)
}

/// For each item, the index of its section. Positional when the counts agree (the wording may
/// differ: 加大/增加, 捆绑/打包); otherwise the in-order pairing of most similar wordings.
fn align(items: &[String], sections: &[&Section]) -> Vec<Option<usize>> {
    if items.len() == sections.len() {
        return (0..items.len()).map(Some).collect();
    }
    let (n, m) = (items.len(), sections.len());
    let sim: Vec<Vec<f64>> =
        items.iter().map(|i| sections.iter().map(|s| similarity(i, &s.heading)).collect()).collect();
    // best[i][j]: the best total similarity pairing items[i..] with sections[j..] in order.
    let mut best = vec![vec![0.0; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let pair = if sim[i][j] >= MIN_SIMILARITY { sim[i][j] + best[i + 1][j + 1] } else { f64::MIN };
            best[i][j] = pair.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let mut pairs = vec![None; n];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if sim[i][j] >= MIN_SIMILARITY && best[i][j] == sim[i][j] + best[i + 1][j + 1] {
            pairs[i] = Some(j);
            (i, j) = (i + 1, j + 1);
        } else if best[i][j] == best[i + 1][j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// Dice similarity of two titles over their CJK character pairs and Latin words.
fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (title_grams(a), title_grams(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(&b).count() as f64 / (a.len() + b.len()) as f64
}

fn title_grams(title: &str) -> HashSet<String> {
    let lower = title.to_lowercase();
    let cjk: Vec<char> = lower.chars().filter(|c| is_cjk(*c)).collect();
    let mut grams: HashSet<String> = cjk.windows(2).map(|w| w.iter().collect()).collect();
    grams.extend(lower.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned));
    grams
}

/// A title without punctuation or spaces, to tell real rewordings from punctuation changes.
fn comparable(title: &str) -> String {
    title.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// Whether a section headed `heading` frames the article (背景, 总结…) rather than making a point.
pub fn is_context(heading: &str) -> bool {
    CONTEXT_HEADINGS.iter().any(|c| heading.starts_with(c))
}

/// Whether `heading` starts with any of `prefixes` (headings named in articles.toml).
fn names_any(heading: &str, prefixes: &[String]) -> bool {
    prefixes.iter().any(|p| !p.is_empty() && heading.starts_with(p.as_str()))
}

/// Latin words of two letters or more that name something specific.
fn specific_words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() >= 2)
        .map(str::to_ascii_lowercase)
        .filter(|w| !GENERIC_WORDS.contains(&w.as_str()))
        .collect()
}

/// Counts of takeaways a text announces: "十大要点" → 10, "5 个有趣的主题演讲" → 5,
/// "20 个主题和 8 个关键主题" → 20 and 8.
pub fn announced_counts(text: &str) -> Vec<u32> {
    const NOUNS: &[&str] = &["主题", "要点", "收获", "趋势", "话题", "演讲", "亮点"];
    let chars: Vec<char> = text.chars().collect();
    let mut counts = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (number, len) = number_at(&chars[i..]);
        if len == 0 {
            i += 1;
            continue;
        }
        let mut j = i + len;
        while chars.get(j) == Some(&' ') {
            j += 1;
        }
        if matches!(chars.get(j), Some('大' | '个' | '项' | '条')) {
            let rest: String = chars[j + 1..chars.len().min(j + 8)].iter().collect();
            if NOUNS.iter().any(|n| rest.contains(n)) {
                counts.push(number);
            }
        }
        i += len;
    }
    counts
}

/// A number in digits or Chinese numerals (up to 99) at the start of `chars`, and its length.
fn number_at(chars: &[char]) -> (u32, usize) {
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 {
        let number: String = chars[..digits].iter().collect();
        return (number.parse().unwrap_or(0), digits);
    }
    let value = |c: &char| "零一二三四五六七八九".chars().position(|d| d == *c).map(|v| v as u32);
    match chars {
        [t, '十', u, ..] if value(t).is_some() && value(u).is_some() => {
            (value(t).unwrap_or(0) * 10 + value(u).unwrap_or(0), 3)
        }
        [t, '十', ..] if value(t).is_some() => (value(t).unwrap_or(0) * 10, 2),
        ['十', u, ..] if value(u).is_some() => (10 + value(u).unwrap_or(0), 2),
        ['十', ..] => (10, 1),
        [u, ..] if value(u).is_some() => (value(u).unwrap_or(0), 1),
        _ => (0, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_announced_in_titles() {
        assert_eq!(announced_counts("平台工程大行其道：八大关键主题"), [8]);
        assert_eq!(announced_counts("[译] KubeCon EU 2019：十大要点"), [10]);
        assert_eq!(announced_counts("KubeCon North America 2023:5 个有趣的主题演讲摘要"), [5]);
        assert_eq!(announced_counts("60 场会议、20 个主题和 8 个关键主题"), [20, 8]);
        assert_eq!(announced_counts("KubeCon 2023 回顾"), Vec::<u32>::new());
        assert_eq!(announced_counts("二十三个要点"), [23]);
    }

    #[test]
    fn rewordings_align_in_order_and_skip_what_has_no_section() {
        let doc = Document::parse("## 多平台和混合云（仍然）是一件事\n\na\n\n## 技术捆绑显著增加\n\nb\n\n## 服务网状接口（SMI）公告：保持调整\n\nc\n");
        let (_, sections) = doc.sections(2);
        let refs: Vec<&Section> = sections.iter().collect();
        let items: Vec<String> = [
            "多平台和混合云（仍然）是一件事",
            "技术捆绑显著增加",
            "服务网格接口（SMI）公布：敬请期待",
            "Istio的（不确定？）未来",
            "社区仍然是Kubernetes成功的核心",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(align(&items, &refs), [Some(0), Some(1), Some(2), None, None]);
    }

    #[test]
    fn punctuation_is_not_a_rewording() {
        assert_eq!(comparable("DevOps 已经过时：平台工程万物"), comparable("DevOps 已经过时：平台工程万物！"));
        assert_ne!(comparable("增加对应用程序开发和集成的关注"), comparable("加大对应用开发和集成的关注"));
    }
}
