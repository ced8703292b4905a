//! Tagging takeaways with themes (scored, with the terms that explain them) and with the
//! projects, products and vendors they mention.
//!
//! Terms match as the search tokenizer folds text (NFKC, lower case), on word boundaries (see
//! [`occurrences`]: `Ray` does not match `array`; Chinese terms match anywhere). A theme's score is the sum over its matching keywords of
//! `weight × (3 if in the title + occurrences in the body, at most 3)`; a takeaway keeps every
//! theme scoring at least [`MIN_SCORE`], and always its best one.

use super::metadata::ThemeDefinition;
use crate::model::{Project, ProjectIx, ThemeIx};
use crate::search::tokenize::{fold, occurrences};

/// The score a theme needs, unless it is the takeaway's best.
pub const MIN_SCORE: f32 = 3.0;
/// How much more a title match counts than one body occurrence.
const TITLE_FACTOR: usize = 3;
/// Body occurrences counted at most, so one long section does not drown the title.
const MAX_BODY_HITS: usize = 3;

/// Why a takeaway has a theme: the bundle keeps the theme, the texts the terms.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeMatch {
    pub theme: ThemeIx,
    pub score: f32,
    /// The keywords that matched, as written in themes.toml.
    pub terms: Vec<String>,
}

/// The themes and projects, ready to match.
pub struct Tagger {
    themes: Vec<Vec<(Term, u8)>>,
    projects: Vec<Vec<Term>>,
}

/// A keyword or name, folded for matching, with its written form.
struct Term {
    written: String,
    folded: String,
}

impl Tagger {
    pub fn new(themes: &[ThemeDefinition], projects: &[Project]) -> Self {
        Tagger {
            themes: themes.iter().map(|t| t.keywords.iter().map(|(k, w)| (Term::new(k), *w)).collect()).collect(),
            projects: projects
                .iter()
                .map(|p| std::iter::once(&p.name).chain(&p.aliases).map(|n| Term::new(n)).collect())
                .collect(),
        }
    }

    /// The themes of a takeaway, best first.
    pub fn themes(&self, title: &str, body: &str) -> Vec<ThemeMatch> {
        let (title, body) = (fold(title), fold(body));
        let mut matches: Vec<ThemeMatch> = self
            .themes
            .iter()
            .enumerate()
            .filter_map(|(theme, keywords)| {
                let mut score = 0;
                let mut terms = Vec::new();
                for (term, weight) in keywords {
                    let hits = TITLE_FACTOR * term.count_in(&title).min(1) + term.count_in(&body).min(MAX_BODY_HITS);
                    if hits > 0 {
                        score += usize::from(*weight) * hits;
                        terms.push(term.written.clone());
                    }
                }
                (score > 0).then_some(ThemeMatch { theme: ThemeIx::at(theme), score: score as f32, terms })
            })
            .collect();
        matches.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.theme.cmp(&b.theme)));
        let keep = matches.iter().skip(1).take_while(|m| m.score >= MIN_SCORE).count() + 1;
        matches.truncate(keep);
        matches
    }

    /// The projects a text mentions, in projects.toml order.
    pub fn projects(&self, text: &str) -> Vec<ProjectIx> {
        let text = fold(text);
        let mentioned = |p: &usize| self.projects[*p].iter().any(|t| t.count_in(&text) > 0);
        (0..self.projects.len()).filter(mentioned).map(ProjectIx::at).collect()
    }
}

impl Term {
    fn new(written: &str) -> Self {
        Term { written: written.to_owned(), folded: fold(written) }
    }

    /// Occurrences in folded `text`, respecting word boundaries.
    fn count_in(&self, text: &str) -> usize {
        occurrences(text, &self.folded).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ProjectKind;

    fn theme(id: &str, keywords: &[(&str, u8)]) -> ThemeDefinition {
        ThemeDefinition {
            id: id.into(),
            zh: id.into(),
            en: id.into(),
            description_zh: String::new(),
            description_en: String::new(),
            keywords: keywords.iter().map(|(k, w)| (k.to_string(), *w)).collect(),
        }
    }

    #[test]
    fn title_matches_weigh_more_and_weak_themes_are_dropped() {
        let tagger = Tagger::new(
            &[theme("pe", &[("平台工程", 3)]), theme("sec", &[("安全", 3)]), theme("weak", &[("社区", 1)])],
            &[],
        );
        let matches = tagger.themes("DevOps 已经过时：平台工程万物", "安全很重要。社区也是。");
        assert_eq!(matches.iter().map(|m| m.theme.get()).collect::<Vec<_>>(), [0, 1]);
        assert_eq!(matches[0].score, 9.0);
        assert_eq!(matches[0].terms, ["平台工程"]);
        // The best theme is kept even when weak.
        assert_eq!(tagger.themes("无关", "社区").len(), 1);
        assert!(tagger.themes("无关", "无关").is_empty());
    }

    #[test]
    fn latin_names_match_whole_words_in_any_case() {
        let project = |name: &str, aliases: &[&str]| Project {
            id: name.to_lowercase(),
            name: name.into(),
            kind: ProjectKind::Project,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        };
        let tagger =
            Tagger::new(&[], &[project("Ray", &[]), project("Kubernetes", &["k8s"]), project("Cisco", &["思科"])]);
        assert_eq!(tagger.projects("an array of RAY clusters"), [ProjectIx(0)]);
        assert_eq!(tagger.projects("在K8s上运行"), [ProjectIx(1)]);
        assert_eq!(tagger.projects("已被思科收购"), [ProjectIx(2)]);
        assert!(tagger.projects("Rayleigh arrays").is_empty());
    }

    #[test]
    fn full_width_latin_is_folded() {
        let tagger = Tagger::new(&[theme("ai", &[("AI", 3)])], &[]);
        assert_eq!(tagger.themes("ＡＩ　与 LLM", "").len(), 1);
    }
}
