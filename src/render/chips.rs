//! Theme and project chips: what a takeaway is about, and why; each links to the page about
//! that theme or project.

use maud::{html, Markup};

use super::Cx;
use crate::model::ids::{project_path, theme_path};
use crate::model::Takeaway;

/// The takeaway's themes, best first, each linking to its page; hovering one shows the words
/// that gave it (`terms`, per theme, from its article's texts).
pub fn themes(cx: &Cx, takeaway: &Takeaway, terms: &[Vec<String>]) -> Markup {
    html! {
        ul.chips aria-label=(cx.pick("主题", "Themes")) {
            @for (n, &at) in takeaway.themes.iter().enumerate() {
                @let theme = cx.bundle.theme(at);
                @let words = terms.get(n).map(|words| words.join(", ")).unwrap_or_default();
                li {
                    a.chip.theme href=(cx.href(&theme_path(&theme.id)))
                        title={ (cx.pick("匹配的词", "matched")) ": " (words) } { (cx.name(&theme.name)) }
                }
            }
        }
    }
}

/// The projects, products and vendors the takeaway mentions; nothing when it names none.
pub fn projects(cx: &Cx, takeaway: &Takeaway) -> Markup {
    html! {
        @if !takeaway.projects.is_empty() {
            ul.chips aria-label=(cx.pick("项目", "Projects")) {
                @for &p in &takeaway.projects {
                    @let project = cx.bundle.project(p);
                    li {
                        a.chip.project.(project.kind.as_str()) href=(cx.href(&project_path(&project.id)))
                            title=(project.kind.as_str()) { (project.name) }
                    }
                }
            }
        }
    }
}

/// The takeaway's themes as plain chips, for the list's cards.
pub fn card_themes(cx: &Cx, takeaway: &Takeaway) -> Markup {
    html! {
        ul.chips aria-label=(cx.pick("主题", "Themes")) {
            @for &at in &takeaway.themes {
                li.chip.theme { (cx.name(&cx.bundle.theme(at).name)) }
            }
        }
    }
}
