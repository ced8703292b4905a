//! What every page has around its content: the skip link and header (the site's name, the
//! graphs link, the search box, the language and colour toggles), the footer, and the states a
//! page can be in before its content: loading, failed to load, the app itself failed.

use maud::{html, Markup};

use super::site_name;
use crate::render::lang::Lang;

/// Which of the header's links is the current page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    List,
    Themes,
    Other,
}

/// What the header shows besides its links: the search box's text, whether the dark colour
/// theme is on, whether the network is gone.
#[derive(Debug, Clone, Copy, Default)]
pub struct HeaderState<'a> {
    pub query: &'a str,
    pub dark: bool,
    pub offline: bool,
}

/// The skip link and the header of a site served under `base` (see [`Cx`](super::Cx)).
pub fn header(lang: Lang, base: &str, nav: Nav, state: HeaderState) -> Markup {
    let HeaderState { query, dark, offline } = state;
    let pick = |zh, en| lang.pick(zh, en);
    html! {
        a.skip-link href="#main" { (pick("跳到内容", "Skip to content")) }
        header.site-header {
            a.brand href={ (base) "/" } aria-current=[(nav == Nav::List).then_some("page")] { (site_name(lang)) }
            a.nav-themes href={ (base) "/themes" } aria-current=[(nav == Nav::Themes).then_some("page")] {
                (pick("主题图谱", "Theme graphs"))
            }
            form.search role="search" {
                input type="search" name="q" value=(query) placeholder=(pick("搜索要点…（按 / ）", "Search takeaways… (/)"))
                    aria-label=(pick("搜索要点", "Search takeaways")) autocomplete="off";
            }
            @if offline {
                span.offline role="status" title=(pick("没有网络：显示的是已保存的内容", "No network: showing what was saved")) {
                    (pick("离线", "Offline"))
                }
            }
            div.toggles {
                button.toggle.lang-toggle type="button" data-action="toggle-lang" lang=(lang.other().tag())
                    aria-label=(pick("Switch to English", "切换到中文")) { (pick("EN", "中文")) }
                button.toggle.theme-toggle type="button" data-action="toggle-scheme" aria-pressed=(dark)
                    aria-label=(pick("深色模式", "Dark mode")) title=(pick("深色模式", "Dark mode")) {
                    (if dark { "☀" } else { "☾" })
                }
            }
        }
    }
}

pub fn footer(lang: Lang) -> Markup {
    html! {
        footer.site-footer { p { (lang.pick("按 ? 查看键盘快捷键", "Press ? for keyboard shortcuts")) } }
    }
}

/// A new build of the site is ready: the offer to reload into it.
pub fn update_prompt(lang: Lang) -> Markup {
    html! {
        div.update-prompt role="status" {
            p { (lang.pick("网站有新版本。", "A new version of the site is ready.")) }
            button type="button" data-action="update" { (lang.pick("重新加载", "Reload")) }
        }
    }
}

/// The keyboard shortcuts, as the dialog `?` opens.
pub fn shortcuts(lang: Lang) -> Markup {
    let rows = [
        ("/", lang.pick("搜索", "Search")),
        ("j / k", lang.pick("下一条 / 上一条要点", "Next / previous takeaway")),
        ("Enter", lang.pick("打开所选要点", "Open the selected takeaway")),
        ("Esc", lang.pick("清除搜索和筛选，或返回", "Clear the search and filters, or go back")),
        ("?", lang.pick("显示或隐藏快捷键", "Show or hide the shortcuts")),
    ];
    html! {
        div.dialog-backdrop data-action="close-shortcuts" {
            div.dialog role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" {
                h2 #shortcuts-title { (lang.pick("键盘快捷键", "Keyboard shortcuts")) }
                table.shortcuts {
                    tbody { @for (key, what) in rows { tr { td { kbd { (key) } } td { (what) } } } }
                }
                button.close type="button" data-action="close-shortcuts" autofocus { (lang.pick("关闭", "Close")) }
            }
        }
    }
}

/// While a page's data loads.
pub fn loading(lang: Lang) -> Markup {
    html! {
        div.loading aria-busy="true" {
            p.loading-text { (lang.pick("加载中…", "Loading…")) }
            div.skeleton {}
            div.skeleton {}
            div.skeleton {}
        }
    }
}

/// What could not be loaded: all of a page's data, or some texts of what it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unloaded {
    Data,
    SomeTexts,
}

/// Data could not be loaded: what, why, and a button whose `data-action` is `retry`.
pub fn load_failed(lang: Lang, what: Unloaded, why: &str, retry: &str) -> Markup {
    let lead = match what {
        Unloaded::Data => lang.pick("无法加载数据：", "Could not load the takeaways: "),
        Unloaded::SomeTexts => lang.pick("部分摘要或正文无法加载：", "Some summaries or texts could not be loaded: "),
    };
    html! {
        div.error role="alert" {
            p { (lead) " " (why) }
            button type="button" data-action=(retry) { (lang.pick("重试", "Retry")) }
        }
    }
}

/// The app has failed (a panic): it says so in both languages, with the message and a reload.
pub fn failure(message: &str) -> Markup {
    html! {
        div.failure role="alert" {
            p { "出错了，页面已停止响应。Something went wrong and the page stopped working." }
            p { code { (message) } }
            p { a href="" { "重新加载 · Reload" } }
        }
    }
}
