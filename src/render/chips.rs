//! Theme and project chips: what a takeaway is about, and why; each links to the page about
//! that theme or project.

use maud::{html, Markup};

use super::Cx;
use crate::model::ids::{project_path, theme_path};
use crate::model::Takeaway;

/// The takeaway's themes, best first, each linking to its page; hovering one shows the words
/// that gave it.
pub fn themes(cx: &Cx, takeaway: &Takeaway) -> Markup {
    html! {
        ul.chips aria-label=(cx.pick("主题", "Themes")) {
            @for m in &takeaway.themes {
                @let theme = cx.bundle.theme(m.theme);
                li {
                    a.chip.theme href=(cx.href(&theme_path(&theme.id)))
                        title={ (cx.pick("匹配的词", "matched")) ": " (m.terms.join(", ")) } { (cx.name(&theme.name)) }
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
            @for m in &takeaway.themes {
                li.chip.theme { (cx.name(&cx.bundle.theme(m.theme).name)) }
            }
        }
    }
}
