//! Stable, readable identifiers for takeaways: the deep links people paste into chats.
//!
//! A takeaway id is `<article id>-<ordinal>` followed by `-<slug>` when its title has Latin
//! words, e.g. `2023-na-chicago-daniel-bryant-2-devops`. The article id comes from its file name
//! (see [`article_id`]), so ids do not move when other articles are added or removed. Theme,
//! project and event ids come from the metadata files. Every page's path is here.

/// URL path of a takeaway's page, relative to the site root.
pub fn takeaway_path(id: &str) -> String {
    format!("t/{id}")
}

/// The id of the element that holds a share page's static copy of its takeaway: written by
/// the build (`share`), removed by the app when it starts (`app::start`).
pub const PRERENDERED_ID: &str = "prerendered";

/// URL path of an article's page, relative to the site root.
pub fn article_path(id: &str) -> String {
    format!("a/{id}")
}

/// URL path of a theme's page ("everything said about platform engineering"), relative to the
/// site root.
pub fn theme_path(id: &str) -> String {
    format!("theme/{id}")
}

/// URL path of a project's, product's or vendor's page, relative to the site root.
pub fn project_path(id: &str) -> String {
    format!("project/{id}")
}

/// URL path of an event's page, relative to the site root.
pub fn event_path(id: &str) -> String {
    format!("event/{id}")
}

/// An id safe in a URL path from a name: letters (any script, Latin lower-cased) and digits
/// kept, `-` and `_` kept, anything else (spaces, `#`, `?`, `%`, `/`, quotes, control
/// characters, punctuation) a `-`, runs of `-` as one, none at the ends. Chinese stays Chinese:
/// links percent-encode it and browsers show it decoded. Empty if nothing is left.
pub fn url_safe(name: &str) -> String {
    let mut id = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        let kept = if c.is_alphanumeric() || c == '_' { c } else { '-' };
        if !(kept == '-' && (id.is_empty() || id.ends_with('-'))) {
            id.push(kept);
        }
    }
    id.truncate(id.trim_end_matches('-').len());
    id
}

/// Whether `id` is already what [`url_safe`] makes of it.
pub fn is_url_safe(id: &str) -> bool {
    !id.is_empty() && url_safe(id) == id
}

/// The id of the `ordinal`-th takeaway of `article`, titled `title`. Written without the
/// formatting machinery: the app makes every takeaway's id when the bundle arrives.
pub fn takeaway_id(article: &str, ordinal: u32, title: &str) -> String {
    let mut id = String::with_capacity(article.len() + 32);
    id.push_str(article);
    id.push('-');
    push_decimal(&mut id, ordinal);
    id.push('-');
    let base = id.len();
    push_latin_slug(&mut id, title, 3);
    if id.len() == base {
        id.pop();
    }
    id
}

/// `number` in decimal put at the end of `into`.
fn push_decimal(into: &mut String, number: u32) {
    if number >= 10 {
        push_decimal(into, number / 10);
    }
    into.push(char::from(b'0' + (number % 10) as u8));
}

/// `text` percent-encoded for a URL query value (everything but unreserved ASCII).
pub fn encode_query_value(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A path inside the site percent-encoded for an absolute URL (sitemaps, feeds, link previews):
/// everything but unreserved ASCII and the `/` between segments.
pub fn encode_path(path: &str) -> String {
    path.split('/').map(encode_query_value).collect::<Vec<_>>().join("/")
}

/// The ordinal in `id` if it names a takeaway of `article`: `<article>-<ordinal>[-<slug>]`.
pub fn ordinal_in(id: &str, article: &str) -> Option<u32> {
    let rest = id.strip_prefix(article)?.strip_prefix('-')?;
    let digits = rest.split('-').next()?;
    digits.parse().ok().filter(|_| digits.bytes().all(|b| b.is_ascii_digit()))
}

/// Lower-case ASCII words of `text`, at most `max_words`, joined by `-`.
/// Chinese text has no such words and yields an empty slug.
pub fn latin_slug(text: &str, max_words: usize) -> String {
    let mut slug = String::new();
    push_latin_slug(&mut slug, text, max_words);
    slug
}

/// [`latin_slug`] put at the end of `into`, in one pass over the bytes and with no allocation of
/// its own: the app makes every takeaway's id when the bundle arrives. A byte is an ASCII letter
/// or digit only where the character is one (in UTF-8 the bytes of other characters are ≥ 0x80).
fn push_latin_slug(into: &mut String, text: &str, max_words: usize) {
    let (mut words, mut in_word) = (0, false);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() {
            if !in_word {
                if words == max_words {
                    return;
                }
                if words > 0 {
                    into.push('-');
                }
                (words, in_word) = (words + 1, true);
            }
            into.push(char::from(byte.to_ascii_lowercase()));
        } else {
            in_word = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_keep_latin_words_and_drop_chinese() {
        assert_eq!(
            takeaway_id("2023-na-chicago-daniel-bryant", 2, "DevOps 已经过时：平台工程万物！"),
            "2023-na-chicago-daniel-bryant-2-devops"
        );
        assert_eq!(takeaway_id("a", 8, "安全是大生意"), "a-8");
        assert_eq!(takeaway_id("a", 1, "云原生社区正在缓慢接受AI/LLM"), "a-1-ai-llm");
        assert_eq!(takeaway_id("a", 0, ""), "a-0");
        assert_eq!(takeaway_id("a", 4_294_967_295, "x"), "a-4294967295-x");
    }

    #[test]
    fn ordinals_are_found_whatever_the_slug() {
        assert_eq!(ordinal_in("2023-na-x-2-devops", "2023-na-x"), Some(2));
        assert_eq!(ordinal_in("2023-na-x-12", "2023-na-x"), Some(12));
        assert_eq!(ordinal_in("2023-na-xy-2", "2023-na-x"), None);
        assert_eq!(ordinal_in("2023-na-x-devops", "2023-na-x"), None);
        assert_eq!(ordinal_in("2023-na-x-+2", "2023-na-x"), None);
    }

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(encode_query_value("平台 a&b"), "%E5%B9%B3%E5%8F%B0%20a%26b");
        assert_eq!(encode_path("a/2024-eu-paris-张"), "a/2024-eu-paris-%E5%BC%A0");
    }

    #[test]
    fn ids_in_paths_are_url_safe() {
        assert_eq!(url_safe("2024-eu-paris-Jane Doe#2"), "2024-eu-paris-jane-doe-2");
        assert_eq!(url_safe(" a?b%c/d\"e'f\u{7}g_h "), "a-b-c-d-e-f-g_h");
        assert_eq!(url_safe("2024-eu-paris-张三"), "2024-eu-paris-张三");
        assert_eq!(url_safe("--a---b--"), "a-b");
        assert_eq!(url_safe("#?%"), "");
        assert!(is_url_safe("2023-na-chicago-daniel-bryant") && !is_url_safe("a b") && !is_url_safe(""));
    }

    #[test]
    fn slugs_are_bounded() {
        assert_eq!(latin_slug("Day 0-1-2 企业级 Kubernetes 平台", 4), "day-0-1-2");
        assert_eq!(latin_slug("  «Ünïcode» CNCF's k8s…", 3), "n-code-cncf");
        assert_eq!(latin_slug("平台工程", 3), "");
        assert_eq!(latin_slug("a b c", 0), "");
    }
}
