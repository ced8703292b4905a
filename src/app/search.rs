//! Search in the explorer: the box in the header, and the results page the home page becomes
//! while `?q=` holds a query.

use gloo_timers::callback::Timeout;
use leptos::ev;
use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use super::{href, Loaded};
use crate::ids::{encode_query_value, takeaway_path};
use crate::search::Config;

/// How long typing must pause before the results follow (the issue asks for ≤ 50 ms).
const DEBOUNCE_MS: u32 = 30;
/// Results shown at most.
const LIMIT: usize = 50;

/// The query in the URL (`?q=`), empty when there is none.
pub fn use_query() -> Memo<String> {
    let query = use_query_map();
    Memo::new(move |_| query.read().get("q").unwrap_or_default())
}

/// The search box: always in the header, `/` focuses it, results follow the typing.
#[component]
pub fn SearchBox() -> impl IntoView {
    let query = use_query();
    let navigate = use_navigate();
    let input = NodeRef::<Input>::new();
    let pending = StoredValue::new_local(None::<Timeout>);

    // Puts the query in the URL (replacing the entry while typing), which the results follow.
    // Unlike links, navigation adds the site's base itself: the target is relative to it.
    let go = move |value: String| {
        let navigate = navigate.clone();
        let target =
            if value.trim().is_empty() { "/".to_owned() } else { format!("/?q={}", encode_query_value(&value)) };
        let timer = Timeout::new(DEBOUNCE_MS, move || {
            navigate(&target, NavigateOptions { replace: true, ..Default::default() })
        });
        pending.set_value(Some(timer));
    };
    let on_input = {
        let go = go.clone();
        move |event: ev::Event| {
            // While an input method composes Chinese, the text is pinyin: wait for the characters.
            if event.dyn_ref::<web_sys::InputEvent>().is_some_and(|e| e.is_composing()) {
                return;
            }
            go(event_target_value(&event));
        }
    };
    let on_composed = {
        let go = go.clone();
        move |event: ev::CompositionEvent| go(event_target_value(&event))
    };
    let on_key = move |event: ev::KeyboardEvent| {
        if event.key() == "Escape" {
            if let Some(input) = input.get() {
                input.set_value("");
            }
            go(String::new());
        }
    };
    let _focus = window_event_listener(ev::keydown, move |event| {
        let typing = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if event.key() == "/" && !typing && !event.ctrl_key() && !event.meta_key() && !event.alt_key() {
            event.prevent_default();
            if let Some(input) = input.get() {
                let _ = input.focus();
            }
        }
    });
    view! {
        <form class="search" role="search" on:submit=|e| e.prevent_default()>
            <input
                node_ref=input
                type="search"
                name="q"
                placeholder="搜索要点… Search (/)"
                aria-label="搜索要点 · Search takeaways"
                autocomplete="off"
                prop:value=move || query.get()
                on:input=on_input
                on:compositionend=on_composed
                on:keydown=on_key
            />
        </form>
    }
}

/// The results of the query, best first, with the matches marked.
#[component]
pub fn SearchResults(site: Loaded, query: String) -> impl IntoView {
    let hits = site.engine().search(&query, &Config::default(), LIMIT);
    if hits.is_empty() {
        return view! {
            <section class="search-results" aria-live="polite">
                <p class="result-count">{format!("没有找到“{query}”的结果 · No takeaways match “{query}”.")}</p>
                <p class="hint">
                    "试试更短的词，或换成英文或中文名称（例如 “服务网格” 或 “service mesh”）。"
                    " Try fewer words, or the English or Chinese name."
                </p>
            </section>
        }
        .into_any();
    }
    let count = format!("“{query}”：{} 条结果 · {} results", hits.len(), hits.len());
    let items = hits
        .into_iter()
        .map(|hit| {
            let t = &site.takeaways[hit.doc];
            let article = &site.articles[t.article];
            let event = site.event_of(article).map(|e| format!("{} · ", e.name.zh)).unwrap_or_default();
            let context = format!("{event}{}", article.title);
            let (link, title) = (href(&takeaway_path(&t.id)), marked(&t.title, &hit.title_matches));
            view! {
                <li class="result">
                    <A href=link>{title}</A>
                    <p class="result-article">{context}</p>
                    <p class="snippet">{marked(&hit.snippet, &hit.snippet_matches)}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="search-results" aria-live="polite">
            <p class="result-count">{count}</p>
            <ol class="results">{items}</ol>
        </section>
    }
    .into_any()
}

/// `text` with the byte ranges in `matches` (ordered, not overlapping) wrapped in `<mark>`.
fn marked(text: &str, matches: &[std::ops::Range<usize>]) -> Vec<AnyView> {
    let mut parts = Vec::new();
    let mut at = 0;
    for range in matches {
        if range.start < at || range.end > text.len() {
            continue;
        }
        parts.push(text[at..range.start].to_owned().into_any());
        parts.push(view! { <mark>{text[range.clone()].to_owned()}</mark> }.into_any());
        at = range.end;
    }
    parts.push(text[at..].to_owned().into_any());
    parts
}
