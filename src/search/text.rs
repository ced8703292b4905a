//! Plain text of the sanitized HTML the bundle carries: what is indexed, searched for phrases
//! and cut into snippets, the same on both sides; and previews of it.

/// Text of `html` without tags, entities decoded, one line per block, no blank lines.
pub fn html_to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        decode_into(&rest[..open], &mut text);
        let Some(close) = rest[open..].find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[open + 1..open + close];
        let name = tag.trim_start_matches('/').split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("");
        if matches!(name, "p" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "br" | "tr" | "blockquote" | "pre")
            && !text.ends_with('\n')
            && !text.is_empty()
        {
            text.push('\n');
        }
        rest = &rest[open + close + 1..];
    }
    decode_into(rest, &mut text);
    text.lines().map(str::trim).filter(|line| !line.is_empty()).collect::<Vec<_>>().join("\n")
}

/// Runs of white space as one space, none at either end.
pub fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first sentences of `text`, about 60 to 140 characters, for previews.
pub fn first_sentences(text: &str) -> String {
    const ENOUGH: usize = 60;
    const AT_MOST: usize = 140;
    let text = squeeze(text);
    let mut summary = String::new();
    for (count, c) in text.chars().enumerate() {
        if count == AT_MOST {
            summary.push('…');
            break;
        }
        summary.push(c);
        if count + 1 >= ENOUGH && "。！？!?".contains(c) {
            break;
        }
    }
    summary
}

fn decode_into(mut s: &str, out: &mut String) {
    while let Some(amp) = s.find('&') {
        out.push_str(&s[..amp]);
        s = &s[amp..];
        let end = s.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&s[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                s = &s[e + 1..];
            }
            _ => {
                out.push('&');
                s = &s[1..];
            }
        }
    }
    out.push_str(s);
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let code = name.strip_prefix('#')?;
            let value = match code.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => code.parse().ok()?,
            };
            char::from_u32(value)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_go_and_entities_are_decoded() {
        assert_eq!(
            html_to_text("<p>A &amp; B &lt;x&gt; &#39;q&#x27;</p>\n<ul><li>one</li><li>two</li></ul>"),
            "A & B <x> 'q'\none\ntwo"
        );
        assert_eq!(html_to_text("a &unknown; b & c"), "a &unknown; b & c");
    }

    #[test]
    fn summaries_stop_after_a_sentence_or_at_a_bound() {
        let long = "这是第一句话，它要足够长才行，所以我们多写一点内容来凑够字数，再多写一些，还要更多一些字，直到它超过六十个字符为止，这样才算是一句够长的话。第二句。";
        assert!(first_sentences(long).ends_with('。'));
        assert!(!first_sentences(long).contains("第二句"));
        assert_eq!(first_sentences(&"字".repeat(300)).chars().count(), 141);
    }
}
