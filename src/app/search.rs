//! The search box in the header: results follow the typing (the list reads `?q=`), Chinese
//! input methods are waited for, Esc clears.

use gloo_timers::callback::Timeout;
use leptos::ev;
use leptos::html::Input;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::data::request_search;
use super::prefs::use_prefs;
use super::route::{use_router, Page};
use super::state::query_target;

/// How long typing must pause before the results follow (the issue asks for ≤ 50 ms).
const DEBOUNCE_MS: u32 = 30;

/// The query in the URL (`?q=`), empty when there is none.
pub fn use_query() -> Memo<String> {
    let query = use_router().query();
    Memo::new(move |_| query.read().get("q").unwrap_or_default())
}

/// The search box: always in the header; `/` focuses it (see `keys`).
#[component]
pub fn SearchBox() -> impl IntoView {
    let query = use_query();
    let router = use_router();
    let params = router.query();
    let input = NodeRef::<Input>::new();
    let pending = StoredValue::new_local(None::<Timeout>);
    let lang = use_prefs().lang;

    // Puts the query in the URL (replacing the entry while typing), keeping the facets; the list
    // follows. Unlike links, navigation adds the site's base itself: the target is relative to it.
    let go = move |value: String| {
        let target = query_target(&params.read_untracked(), &value);
        // Typing on the list replaces its history entry; typing on another page leaves it for back.
        let replace = router.page().get_untracked() == Page::List;
        let timer = Timeout::new(DEBOUNCE_MS, move || router.navigate(&target, replace));
        pending.set_value(Some(timer));
    };
    let on_input = move |event: ev::Event| {
        // While an input method composes Chinese, the text is pinyin: wait for the characters.
        if event.dyn_ref::<web_sys::InputEvent>().is_some_and(|e| e.is_composing()) {
            return;
        }
        go(event_target_value(&event));
    };
    let on_composed = move |event: ev::CompositionEvent| go(event_target_value(&event));
    let on_key = move |event: ev::KeyboardEvent| {
        if event.key() == "Escape" {
            if let Some(input) = input.get() {
                input.set_value("");
            }
            go(String::new());
        }
    };
    // Whoever focuses the box is about to search: fetch the index now, not at the first key.
    let prepare = |_| request_search();
    view! {
        <form class="search" role="search" on:submit=|e| e.prevent_default()>
            <input
                node_ref=input
                type="search"
                name="q"
                placeholder=move || lang.get().pick("搜索要点…（按 / ）", "Search takeaways… (/)")
                aria-label=move || lang.get().pick("搜索要点", "Search takeaways")
                autocomplete="off"
                prop:value=move || query.get()
                on:input=on_input
                on:compositionend=on_composed
                on:keydown=on_key
                on:focus=prepare
            />
        </form>
    }
}
