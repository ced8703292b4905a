//! Theme and project chips: what a takeaway is about, and why; each links to the list of
//! takeaways that share it.

use maud::{html, Markup};

use super::Cx;
use crate::explore::facets::Facet;
use crate::model::ids::encode_query_value;
use crate::model::Takeaway;

/// The href of the list filtered to one option of a facet.
pub fn filtered(cx: &Cx, facet: Facet, value: &str) -> String {
    cx.href(&format!("?{}={}", facet.key(), encode_query_value(value)))
}

/// The takeaway's themes, best first, each linking to its list; hovering one shows the words
/// that gave it.
pub fn themes(cx: &Cx, takeaway: &Takeaway) -> Markup {
    html! {
        ul.chips aria-label=(cx.pick("主题", "Themes")) {
            @for m in &takeaway.themes {
                @let theme = cx.bundle.theme(m.theme);
                li {
                    a.chip.theme href=(filtered(cx, Facet::Theme, &theme.id))
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
                        a.chip.project.(project.kind.as_str()) href=(filtered(cx, Facet::Project, &project.id))
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
