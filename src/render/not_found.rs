//! The friendly page for an unknown takeaway, article or route: it says so and offers the
//! takeaways closest to the words in the link.

use maud::{html, Markup};

use super::Cx;
use crate::model::ids::takeaway_path;

/// The page, with `suggestions` (takeaway indices, best first; none while search loads).
pub fn page(cx: &Cx, suggestions: &[usize]) -> Markup {
    html! {
        section.not-found {
            h1 { (cx.pick("找不到这个页面", "This page does not exist")) }
            p { (cx.pick("链接可能有误，或者这条要点已经改名。", "The link may be mistyped, or the takeaway was renamed.")) }
            @if !suggestions.is_empty() {
                h2 { (cx.pick("你可能在找", "Perhaps you were looking for")) }
                ul.suggestions {
                    @for &t in suggestions {
                        @let titled = cx.title(t);
                        li { a href=(cx.href(&takeaway_path(&titled.id))) { (titled.title) } }
                    }
                }
            }
            p { a href=(cx.href("")) { (cx.pick("返回全部要点", "Back to all takeaways")) } }
        }
    }
}

/// The words of a link's last part, to look for: `t/2023-na-chicago-daniel-bryant-2-devops` →
/// its article's and its slug's words.
pub fn words_of(path: &str) -> String {
    let last = path.rsplit('/').find(|part| !part.is_empty()).unwrap_or_default();
    last.chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect()
}
