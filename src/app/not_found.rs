//! The friendly page for an unknown takeaway, article or route: it says so and offers the
//! takeaways closest to the words in the link.

use leptos::prelude::*;

use super::data::request_search;
use super::prefs::use_prefs;
use super::{href, set_title, Loaded, WithBundle};
use crate::html::escape_into;
use crate::ids::takeaway_path;
use crate::search::Config;

/// Suggestions offered at most.
const SUGGESTIONS: usize = 5;

#[component]
pub fn NotFound() -> impl IntoView {
    view! { <WithBundle ready=|site| view! { <NotFoundMessage site=site /> } /> }
}

#[component]
pub fn NotFoundMessage(site: Loaded) -> impl IntoView {
    let lang = use_prefs().lang;
    let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
    // The words of the link's last part: `t/2023-na-chicago-daniel-bryant-2-devops` → its article and slug.
    let words: String = path
        .rsplit('/')
        .find(|part| !part.is_empty())
        .unwrap_or_default()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    request_search();
    move || {
        let lang = lang.get();
        let hits = site.engine().map(|e| e.search(&words, &Config::default(), SUGGESTIONS)).unwrap_or_default();
        set_title(lang.pick("找不到页面 · KubeCon 要点", "Not found · KubeCon takeaways"));
        let suggestions = (!hits.is_empty()).then(|| {
            // Plain links: one markup string costs less wasm than views.
            let mut items = String::new();
            for hit in &hits {
                let t = &site.takeaways[hit.doc];
                items.push_str("<li><a href=\"");
                escape_into(&mut items, &href(&takeaway_path(&t.id)));
                items.push_str("\">");
                escape_into(&mut items, &t.title);
                items.push_str("</a></li>");
            }
            view! {
                <h2>{lang.pick("你可能在找", "Perhaps you were looking for")}</h2>
                <ul class="suggestions" inner_html=items></ul>
            }
        });
        view! {
            <section class="not-found">
                <h1>{lang.pick("找不到这个页面", "This page does not exist")}</h1>
                <p>
                    {lang.pick(
                        "链接可能有误，或者这条要点已经改名。",
                        "The link may be mistyped, or the takeaway was renamed.",
                    )}
                </p>
                {suggestions}
                <p><a href=href("")>{lang.pick("返回全部要点", "Back to all takeaways")}</a></p>
            </section>
        }
    }
}
