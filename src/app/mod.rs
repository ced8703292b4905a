//! The explorer app: the page the URL names, the bundle it loads, and one module per page.

mod article;
mod article_header;
mod browser;
mod chips;
mod data;
mod explore;
mod facet_panel;
mod graphs;
mod keys;
mod not_found;
mod prefs;
mod route;
mod search;
mod state;
mod takeaway;
mod themes;

use leptos::prelude::*;

pub use data::{parse_bundle, site_base};

use crate::ids::PRERENDERED_ID;
use article::ArticlePage;
use data::{BundleResource, Loaded};
use explore::Home;
use keys::Shortcuts;
use not_found::NotFound;
use prefs::{use_prefs, PrefToggles};
use route::{href, Page};
use takeaway::TakeawayPage;
use themes::ThemesPage;

#[component]
pub fn App() -> impl IntoView {
    provide_context(data::load_bundle());
    data::provide_files();
    let lang = prefs::provide_prefs().lang;
    let page = route::provide_router(site_base()).page();
    let current = move |at: Page| (page.get() == at).then_some("page");
    view! {
        <a class="skip-link" href="#main">{move || lang.get().pick("跳到内容", "Skip to content")}</a>
        <header class="site-header">
            <a href=href("") class="brand" aria-current=move || current(Page::List)>
                {move || lang.get().pick("KubeCon 要点", "KubeCon takeaways")}
            </a>
            <a href=href("themes") class="nav-themes" aria-current=move || current(Page::Themes)>
                {move || lang.get().pick("主题图谱", "Theme graphs")}
            </a>
            <search::SearchBox />
            <PrefToggles />
        </header>
        <main id="main" tabindex="-1">
            {move || match page.get() {
                Page::List => view! { <Home /> }.into_any(),
                Page::Takeaway(id) => view! { <TakeawayPage id=id /> }.into_any(),
                Page::Article(id) => view! { <ArticlePage id=id /> }.into_any(),
                Page::Themes => view! { <ThemesPage /> }.into_any(),
                Page::NotFound => view! { <NotFound /> }.into_any(),
            }}
        </main>
        <footer class="site-footer">
            <p>{move || lang.get().pick("按 ? 查看键盘快捷键", "Press ? for keyboard shortcuts")}</p>
        </footer>
        <Shortcuts />
    }
}

/// Renders `ready` once the bundle has loaded, and with `texts` once the texts have too (their
/// fetch starts at once, beside the bundle's); a skeleton before, an error with retry if either
/// fails.
#[component]
fn WithBundle<V: IntoView + 'static>(
    ready: impl Fn(Loaded) -> V + Send + Sync + 'static,
    #[prop(optional)] texts: bool,
) -> impl IntoView {
    with_bundle(Box::new(move |loaded| ready(loaded).into_any()), texts)
}

/// [`WithBundle`] for every page at once: one copy of the skeleton and the error in the wasm.
fn with_bundle(ready: Box<dyn Fn(Loaded) -> AnyView + Send + Sync>, texts: bool) -> impl IntoView {
    let bundle = expect_context::<BundleResource>();
    let lang = use_prefs().lang;
    if texts {
        data::request_texts();
    }
    let failed = move |message: String, retry: Box<dyn Fn() + Send + Sync>| {
        view! {
            <div class="error" role="alert">
                <p>{move || lang.get().pick("无法加载数据：", "Could not load the takeaways: ")} {message}</p>
                <button on:click=move |_| retry()>{move || lang.get().pick("重试", "Retry")}</button>
            </div>
        }
        .into_any()
    };
    let loading = move || {
        view! {
            <div class="loading" aria-busy="true">
                <p class="loading-text">{move || lang.get().pick("加载中…", "Loading…")}</p>
                <div class="skeleton"></div>
                <div class="skeleton"></div>
                <div class="skeleton"></div>
            </div>
        }
        .into_any()
    };
    move || match bundle.get() {
        Some(Err(message)) => failed(message, Box::new(move || bundle.refetch())),
        Some(Ok(loaded)) => match texts.then(|| data::texts(&loaded)) {
            None | Some(data::Load::Ready(_)) => ready(loaded),
            Some(data::Load::Failed(message)) => failed(message, Box::new(data::request_texts)),
            Some(_) => loading(),
        },
        None => loading(),
    }
}

/// Readies the page for the app: a panic shows a banner instead of a dead page; a share page's
/// static copy of the takeaway goes (the app renders it); and the trailing slash static hosts
/// add when they redirect `t/<id>` to the share page's folder is dropped, so the route matches.
pub fn prepare_page() {
    std::panic::set_hook(Box::new(|info| show_failure(&info.to_string())));
    let Some(window) = web_sys::window() else { return };
    if let Some(static_copy) = window.document().and_then(|d| d.get_element_by_id(PRERENDERED_ID)) {
        static_copy.remove();
    }
    let location = window.location();
    let (Ok(path), Ok(search), Ok(hash)) = (location.pathname(), location.search(), location.hash()) else { return };
    let base = site_base();
    if path.len() > base.len() + 1 && path.ends_with('/') {
        let url = format!("{}{search}{hash}", path.trim_end_matches('/'));
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
}

/// Tells the reader the app has failed (the reactive system may be gone: plain DOM) and logs why.
fn show_failure(message: &str) {
    web_sys::console::error_1(&message.into());
    let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else { return };
    let banner = format!(
        "<div class=\"failure\" role=\"alert\"><p>出错了，页面已停止响应。Something went wrong and the page stopped working.</p>\
         <p><code>{}</code></p><p><a href=\"\">重新加载 · Reload</a></p></div>",
        crate::html::escape(message)
    );
    let _ = body.insert_adjacent_html("afterbegin", &banner);
}

/// Sets the browser tab's title.
fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}
