//! Theme and project chips: what a takeaway is about, and why.

use leptos::prelude::*;

use crate::bundle::Takeaway;

/// The takeaway's themes, best first; hovering one shows the words that gave it.
#[component]
pub fn ThemeChips(bundle: super::Loaded, takeaway: Takeaway) -> impl IntoView {
    let chips = takeaway
        .themes
        .iter()
        .map(|m| {
            let theme = &bundle.themes[m.theme];
            let why = format!("{} · 匹配 matched: {}", theme.name.en, m.terms.join(", "));
            view! { <li class="chip theme" title=why>{theme.name.zh.clone()}</li> }
        })
        .collect_view();
    view! { <ul class="chips" aria-label="主题 Themes">{chips}</ul> }
}

/// The projects, products and vendors the takeaway mentions.
#[component]
pub fn ProjectChips(bundle: super::Loaded, takeaway: Takeaway) -> impl IntoView {
    (!takeaway.projects.is_empty()).then(|| {
        let chips = takeaway
            .projects
            .iter()
            .map(|&p| {
                let project = &bundle.projects[p];
                let kind = project.kind.as_str();
                view! { <li class=format!("chip project {kind}") title=kind>{project.name.clone()}</li> }
            })
            .collect_view();
        view! { <ul class="chips" aria-label="项目 Projects">{chips}</ul> }
    })
}
