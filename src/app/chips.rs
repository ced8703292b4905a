//! Theme and project chips: what a takeaway is about, and why; each links to the list of
//! takeaways that share it.

use leptos::prelude::*;

use super::href;
use super::prefs::use_prefs;
use crate::bundle::Takeaway;
use crate::facets::Facet;
use crate::ids::encode_query_value;

/// The href of the list filtered to one option of a facet.
fn filtered(facet: Facet, value: &str) -> String {
    href(&format!("?{}={}", facet.key(), encode_query_value(value)))
}

/// The takeaway's themes, best first; hovering one shows the words that gave it.
#[component]
pub fn ThemeChips(bundle: super::Loaded, takeaway: Takeaway) -> impl IntoView {
    let lang = use_prefs().lang;
    move || {
        let lang = lang.get();
        let chips = takeaway
            .themes
            .iter()
            .map(|m| {
                let theme = &bundle.themes[m.theme];
                let why = format!("{}: {}", lang.pick("匹配的词", "matched"), m.terms.join(", "));
                let name = lang.name(&theme.name);
                view! {
                    <li>
                        <a href=filtered(Facet::Theme, &theme.id) class="chip theme" title=why>
                            {name}
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="chips" aria-label=lang.pick("主题", "Themes")>{chips}</ul> }
    }
}

/// The projects, products and vendors the takeaway mentions.
#[component]
pub fn ProjectChips(bundle: super::Loaded, takeaway: Takeaway) -> impl IntoView {
    let lang = use_prefs().lang;
    (!takeaway.projects.is_empty()).then(|| {
        let chips = takeaway
            .projects
            .iter()
            .map(|&p| {
                let project = &bundle.projects[p];
                let (kind, name) = (project.kind.as_str(), project.name.clone());
                view! {
                    <li>
                        <a href=filtered(Facet::Project, &project.id) class=format!("chip project {kind}") title=kind>
                            {name}
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="chips" aria-label=move || lang.get().pick("项目", "Projects")>{chips}</ul> }
    })
}
