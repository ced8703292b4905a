//! The Content-Security-Policy of the built site (native only), in a `<meta>` of every page: the
//! browser may run the site's own scripts, the inline loader trunk writes (allowed by its hash),
//! and WebAssembly — nothing else, so hostile text that slipped into the corpus could not run
//! even if it reached a page.
//! Styles come only from the site's stylesheet (the app sets the few computed ones through the
//! CSSOM, which the policy allows; `style` attributes would be refused).

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The policy for a page whose inline scripts are `inline_scripts` (their exact text).
pub fn content_security_policy<'a>(inline_scripts: impl Iterator<Item = &'a str>) -> String {
    let hashes: String = inline_scripts
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            format!(" 'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
        })
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; base-uri 'self'; form-action 'none'; object-src 'none'"
    )
}

/// The text of each `<script>` without a `src` in `html`.
pub fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.match_indices("<script").filter_map(move |(start, _)| {
        let open_end = start + html[start..].find('>')?;
        if html[start..open_end].contains(" src=") {
            return None;
        }
        let close = open_end + html[open_end..].find("</script>")?;
        Some(&html[open_end + 1..close])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_allowed_by_hash_and_nothing_else() {
        let html = "<html><head><script type=\"module\">run()</script><script src=\"/a.js\"></script></head></html>";
        let policy = content_security_policy(inline_scripts(html));
        // echo -n 'run()' | openssl dgst -sha256 -binary | base64
        assert!(
            policy
                .contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-AvyuiL0SD1mVY3NNxR+V2uo+lhk6RMFrytWmRt6CrJQ='"),
            "{policy}"
        );
        assert!(!policy.contains("unsafe-inline"));
    }
}
