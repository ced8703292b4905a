//! Text into HTML: the one escaper for the markup the project writes itself (share pages, the
//! theme graphs' SVG and tables, the failure banner), safe in element text and in quoted
//! attribute values alike.

/// Appends `text` to `out`, escaped.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// `text`, escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            super::escape(r#"<a href="x">Tom's & "Jerry"</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; &quot;Jerry&quot;&lt;/a&gt;"
        );
    }
}
