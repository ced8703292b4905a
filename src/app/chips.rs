//! Theme and project chips: what a takeaway is about, and why; each links to the list of
//! takeaways that share it.

use leptos::prelude::*;

use super::href;
use super::prefs::use_prefs;
use crate::bundle::Takeaway;
use crate::facets::Facet;
use crate::html::escape_into;
use crate::ids::encode_query_value;

/// The href of the list filtered to one option of a facet.
fn filtered(facet: Facet, value: &str) -> String {
    href(&format!("?{}={}", facet.key(), encode_query_value(value)))
}

/// The takeaway's themes, best first; hovering one shows the words that gave it.
#[component]
pub fn ThemeChips(bundle: super::Loaded, takeaway: Takeaway) -> impl IntoView {
    let lang = use_prefs().lang;
    let chips = move || {
        let lang = lang.get();
        let mut out = String::new();
        for m in &takeaway.themes {
            let theme = &bundle.themes[m.theme];
            let why = format!("{}: {}", lang.pick("匹配的词", "matched"), m.terms.join(", "));
            chip(&mut out, &filtered(Facet::Theme, &theme.id), "chip theme", &why, &lang.name(&theme.name));
        }
        out
    };
    view! { <ul class="chips" aria-label=move || lang.get().pick("主题", "Themes") inner_html=chips></ul> }
}

/// The projects, products and vendors the takeaway mentions.
#[component]
pub fn ProjectChips(bundle: super::Loaded, takeaway: Takeaway) -> impl IntoView {
    let lang = use_prefs().lang;
    (!takeaway.projects.is_empty()).then(|| {
        let mut chips = String::new();
        for &p in &takeaway.projects {
            let project = &bundle.projects[p];
            let kind = project.kind.as_str();
            chip(
                &mut chips,
                &filtered(Facet::Project, &project.id),
                &format!("chip project {kind}"),
                kind,
                &project.name,
            );
        }
        view! { <ul class="chips" aria-label=move || lang.get().pick("项目", "Projects") inner_html=chips></ul> }
    })
}

/// Appends one chip: a list item linking to `href`, its `title` the tooltip; text escaped.
/// Markup rather than a view per chip: far less wasm.
fn chip(out: &mut String, href: &str, class: &str, title: &str, name: &str) {
    for (text, escaped) in [("<li><a href=\"", href), ("\" class=\"", class), ("\" title=\"", title), ("\">", name)] {
        out.push_str(text);
        escape_into(out, escaped);
    }
    out.push_str("</a></li>");
}
