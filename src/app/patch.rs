//! Puts a region's new markup in by changing only what differs from the markup it holds: a
//! keystroke changes a few cards and counts, and a region's whole markup replaced had the
//! browser style, lay out and paint all of it again.
//!
//! The markup is the renderer's (maud's, with sanitized HTML in it): every element closed, text
//! escaped. It is read here as pieces, an element or a run of text each. Where the new markup's
//! element has the same start tag as the old one's in the same place, the page's element stays
//! and only its content is patched; an element with another start tag is replaced alone, and
//! text with nothing escaped in it is changed in place; a node added or gone (a notice, the
//! cards past the first screenful) is put in or taken out alone. Any other change (markup not
//! read here, a page whose nodes are not what the old markup says) replaces its parent's
//! content, which is always right.

use wasm_bindgen::JsCast;
use web_sys::Element;

/// One node of markup: an element or a run of text.
#[derive(Debug, PartialEq)]
enum Piece<'a> {
    Element {
        /// Its name as written, e.g. `li`.
        tag: &'a str,
        /// Its start tag with its attributes, e.g. `<li class="card">`.
        start: &'a str,
        /// The markup between its start and end tags.
        content: &'a str,
        /// All of it.
        whole: &'a str,
    },
    Text(&'a str),
}

impl<'a> Piece<'a> {
    fn whole(&self) -> &'a str {
        match self {
            Piece::Element { whole, .. } => whole,
            Piece::Text(text) => text,
        }
    }
}

/// Elements with no content or end tag.
const VOID: [&str; 13] =
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

/// Elements whose content is text up to their end tag, whatever it holds.
const RAW_TEXT: [&str; 4] = ["script", "style", "textarea", "title"];

/// `parent`'s content, which the page shows as `old`'s markup, changed to `new`'s.
pub fn patch(parent: &Element, old: &str, new: &str) {
    let patched = match (Tree::read(old), Tree::read(new)) {
        (Some(old), Some(new)) => patch_nodes(parent, &old, &old.top(), &new, &new.top()),
        _ => false,
    };
    if !patched {
        parent.set_inner_html(new);
    }
}

/// How the page's nodes change, in document order.
enum Change<'a> {
    /// An element with the same start tag: its content, from the old tree's node to the new's.
    Content(Element, usize, usize),
    /// A run of text with nothing escaped in it: this text now.
    Text(web_sys::Node, &'a str),
    /// New markup, put in before this element, or at the end where there is none.
    Insert(Option<Element>, &'a str),
    /// A node that is gone.
    Remove(web_sys::Node),
}

/// Whether an old and a new piece are the same node changed: elements with the same start tag,
/// or two runs of text.
fn same_node(old: &Piece, new: &Piece) -> bool {
    match (old, new) {
        (Piece::Element { start, .. }, Piece::Element { start: now, .. }) => start == now,
        (Piece::Text(_), Piece::Text(_)) => true,
        _ => false,
    }
}

/// Changes `parent`'s nodes, the `old` tree's nodes `olds`, to the `new` tree's `news`; false
/// where its content is to be replaced whole instead.
fn patch_nodes(parent: &Element, old: &Tree, olds: &[usize], new: &Tree, news: &[usize]) -> bool {
    let Some(changes) = changes(parent, old, olds, new, news) else { return false };
    for change in changes {
        match change {
            Change::Content(element, was, is) => {
                if !patch_nodes(&element, old, &old.children(was), new, &new.children(is)) {
                    if let Piece::Element { content, .. } = new.piece(is) {
                        element.set_inner_html(content);
                    }
                }
            }
            Change::Text(node, text) => node.set_node_value(Some(text)),
            Change::Insert(before, markup) => {
                let put = match before {
                    Some(element) => element.insert_adjacent_html("beforebegin", markup),
                    None => parent.insert_adjacent_html("beforeend", markup),
                };
                if put.is_err() {
                    return false;
                }
            }
            Change::Remove(node) => {
                if parent.remove_child(&node).is_err() {
                    return false;
                }
            }
        }
    }
    true
}

/// The changes that make `parent`'s nodes, the `old` tree's `olds`, the `new` tree's `news`;
/// none where its content is to be replaced whole. Decided before anything changes, from nodes
/// that are what the old markup says.
fn changes<'a>(
    parent: &Element,
    old: &Tree,
    olds: &[usize],
    new: &Tree<'a>,
    news: &[usize],
) -> Option<Vec<Change<'a>>> {
    let was: Vec<&Piece> = olds.iter().map(|&n| old.piece(n)).collect();
    let is: Vec<&Piece<'a>> = news.iter().map(|&n| new.piece(n)).collect();
    let mut changes = Vec::new();
    if was.len() == is.len() && was.iter().zip(&is).all(|(then, now)| then.whole() == now.whole()) {
        return Some(changes);
    }
    let nodes = parent.child_nodes();
    if nodes.length() as usize != was.len() {
        return None;
    }
    let node = |i: usize| nodes.item(i as u32);
    // Markup goes in before an element, or at the end.
    let before = |i: usize| match i < was.len() {
        true => node(i)?.dyn_into::<Element>().ok().map(Some),
        false => Some(None),
    };
    let steps = align(&was, &is);
    // The old node the steps have come to.
    let mut at = 0;
    for step in steps {
        match step {
            Step::Gone(i) => {
                changes.push(Change::Remove(node(i)?));
                at = i + 1;
            }
            Step::Added(j) => changes.push(Change::Insert(before(at)?, is[j].whole())),
            Step::Paired(i, j) => {
                at = i + 1;
                match (was[i], is[j]) {
                    (then, now) if then.whole() == now.whole() => {}
                    (Piece::Element { tag, start, .. }, Piece::Element { start: now, .. }) if start == now => {
                        let element =
                            node(i)?.dyn_into::<Element>().ok().filter(|e| e.local_name().eq_ignore_ascii_case(tag))?;
                        changes.push(Change::Content(element, olds[i], news[j]));
                    }
                    (Piece::Text(_), Piece::Text(text)) if !text.contains('&') => {
                        let text_node = node(i).filter(|n| n.node_type() == web_sys::Node::TEXT_NODE)?;
                        changes.push(Change::Text(text_node, text));
                    }
                    // Another node in its place.
                    (_, now) => {
                        changes.push(Change::Insert(before(i)?, now.whole()));
                        changes.push(Change::Remove(node(i)?));
                    }
                }
            }
        }
    }
    Some(changes)
}

/// What becomes of the old nodes, in order.
#[derive(Debug, PartialEq)]
enum Step {
    /// The old node `.0` is the new node `.1`, changed or not.
    Paired(usize, usize),
    /// The old node is gone.
    Gone(usize),
    /// The new node is added, before the old node the steps have come to.
    Added(usize),
}

/// The old pieces `was` and the new `is` paired in order. Where a pair is not the same node
/// changed (see [`same_node`]) and the next piece on one side is the other's, the piece skipped
/// was added or is gone (a notice shown, a card fewer); what is left at the end is added or gone.
fn align(was: &[&Piece], is: &[&Piece]) -> Vec<Step> {
    let (mut steps, mut i, mut j) = (Vec::new(), 0, 0);
    while i < was.len() || j < is.len() {
        let differ = i < was.len() && j < is.len() && !same_node(was[i], is[j]);
        if j == is.len() || (differ && i + 1 < was.len() && same_node(was[i + 1], is[j])) {
            steps.push(Step::Gone(i));
            i += 1;
        } else if i == was.len() || (differ && j + 1 < is.len() && same_node(was[i], is[j + 1])) {
            steps.push(Step::Added(j));
            j += 1;
        } else {
            steps.push(Step::Paired(i, j));
            (i, j) = (i + 1, j + 1);
        }
    }
    steps
}

/// Markup read once, as its pieces in document order, each element followed by its content's.
struct Tree<'a> {
    /// Each piece, and the position in `nodes` after its own content's pieces.
    nodes: Vec<(Piece<'a>, usize)>,
}

impl<'a> Tree<'a> {
    /// The pieces of `markup`, or none where it is not markup as the renderer writes it (a
    /// comment, an end tag without its start, an element not closed).
    fn read(markup: &'a str) -> Option<Self> {
        let mut nodes: Vec<(Piece<'a>, usize)> = Vec::new();
        // The elements open, innermost last: their nodes, and where their content starts.
        let mut open: Vec<(usize, usize)> = Vec::new();
        let mut at = 0;
        while at < markup.len() {
            let rest = &markup[at..];
            if !rest.starts_with('<') {
                let end = at + rest.find('<').unwrap_or(rest.len());
                nodes.push((Piece::Text(&markup[at..end]), nodes.len() + 1));
                at = end;
                continue;
            }
            if let Some(end_tag) = rest.strip_prefix("</") {
                let (node, content_start) = open.pop()?;
                let Piece::Element { tag, start, .. } = nodes[node].0 else { return None };
                if !(end_tag.starts_with(tag) && end_tag[tag.len()..].starts_with('>')) {
                    return None;
                }
                let end = at + 2 + tag.len() + 1;
                let (content, whole) = (&markup[content_start..at], &markup[content_start - start.len()..end]);
                nodes[node] = (Piece::Element { tag, start, content, whole }, nodes.len());
                at = end;
                continue;
            }
            let name = rest[1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'));
            let tag = &rest[1..1 + name.unwrap_or(rest.len() - 1)];
            if tag.is_empty() {
                return None;
            }
            let start_end = at + start_tag_len(rest)?;
            let start = &markup[at..start_end];
            let void = start.ends_with("/>") || VOID.iter().any(|v| v.eq_ignore_ascii_case(tag));
            nodes.push((Piece::Element { tag, start, content: "", whole: start }, nodes.len() + 1));
            at = start_end;
            if !void {
                // Its content and end are known at its end tag; raw text's is text up to there.
                open.push((nodes.len() - 1, start_end));
                if RAW_TEXT.iter().any(|r| r.eq_ignore_ascii_case(tag)) {
                    at += markup[start_end..].find("</")?;
                }
            }
        }
        open.is_empty().then_some(Tree { nodes })
    }

    fn piece(&self, node: usize) -> &Piece<'a> {
        &self.nodes[node].0
    }

    /// The nodes of the markup's top level.
    fn top(&self) -> Vec<usize> {
        self.siblings(0, self.nodes.len())
    }

    /// The nodes of an element's content.
    fn children(&self, node: usize) -> Vec<usize> {
        self.siblings(node + 1, self.nodes[node].1)
    }

    /// The nodes from `first` on, each after the last's content, up to `end`.
    fn siblings(&self, first: usize, end: usize) -> Vec<usize> {
        let (mut nodes, mut node) = (Vec::new(), first);
        while node < end {
            nodes.push(node);
            node = self.nodes[node].1;
        }
        nodes
    }
}

/// The length of the start tag `markup` begins with, up to its `>` outside quotes.
fn start_tag_len(markup: &str) -> Option<usize> {
    let mut quote = None;
    for (i, byte) in markup.bytes().enumerate().skip(1) {
        match (quote, byte) {
            (None, b'"' | b'\'') => quote = Some(byte),
            (Some(q), _) if q == byte => quote = None,
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wholes(markup: &str) -> Option<Vec<&str>> {
        let tree = Tree::read(markup)?;
        Some(tree.top().into_iter().map(|node| tree.piece(node).whole()).collect())
    }

    #[test]
    fn markup_is_read_as_its_pieces() {
        let markup = r#"<li class="card"><a href="t/a-1">平台 <mark>工程</mark></a><br><p>x &amp; y</p></li>tail<input value="a>b">"#;
        assert_eq!(
            wholes(markup).unwrap(),
            [
                r#"<li class="card"><a href="t/a-1">平台 <mark>工程</mark></a><br><p>x &amp; y</p></li>"#,
                "tail",
                r#"<input value="a>b">"#
            ]
        );
        let tree = Tree::read(markup).unwrap();
        let Piece::Element { tag, start, content, .. } = *tree.piece(0) else { panic!() };
        assert_eq!((tag, start), ("li", r#"<li class="card">"#));
        assert_eq!(
            wholes(content).unwrap(),
            [r#"<a href="t/a-1">平台 <mark>工程</mark></a>"#, "<br>", "<p>x &amp; y</p>"]
        );
    }

    #[test]
    fn svg_and_raw_text_are_read() {
        let markup = r#"<svg viewBox="0 0 2 2"><path d="M0 0"/><text>a</text></svg><style>a > b { }</style>"#;
        assert_eq!(
            wholes(markup).unwrap(),
            [r#"<svg viewBox="0 0 2 2"><path d="M0 0"/><text>a</text></svg>"#, "<style>a > b { }</style>"]
        );
    }

    fn steps(was: &str, is: &str) -> Vec<Step> {
        fn pieces<'t, 'a>(tree: &'t Tree<'a>) -> Vec<&'t Piece<'a>> {
            tree.top().into_iter().map(|n| tree.piece(n)).collect()
        }
        let (was, is) = (Tree::read(was).unwrap(), Tree::read(is).unwrap());
        align(&pieces(&was), &pieces(&is))
    }

    #[test]
    fn nodes_added_or_gone_are_seen_where_they_are() {
        use Step::*;
        let cards = |n: usize| (0..n).map(|i| format!("<li class=\"card\">{i}</li>")).collect::<String>();
        // Cards fewer or more: the first are paired, the rest gone or added at the end.
        assert_eq!(steps(&cards(3), &cards(1)), [Paired(0, 0), Gone(1), Gone(2)]);
        assert_eq!(steps(&cards(1), &cards(3)), [Paired(0, 0), Added(1), Added(2)]);
        // A notice shown, then gone, between what stays.
        let (without, with) = ("<h1>a</h1><ol>b</ol><a>c</a>", "<h1>a</h1><p>notice</p><ol>b</ol><a>c</a>");
        assert_eq!(steps(without, with), [Paired(0, 0), Added(1), Paired(1, 2), Paired(2, 3)]);
        assert_eq!(steps(with, without), [Paired(0, 0), Gone(1), Paired(2, 1), Paired(3, 2)]);
        // Another element in the place of one: paired, for the patch to replace.
        assert_eq!(steps("<p>a</p>text", "<div>a</div>text"), [Paired(0, 0), Paired(1, 1)]);
        assert_eq!(steps("", "<p>a</p>"), [Added(0)]);
        assert_eq!(steps("<p>a</p>", ""), [Gone(0)]);
    }

    #[test]
    fn markup_not_the_renderers_is_not_read() {
        for markup in ["<p>open", "</p>", "<!-- a -->", "<p>a</b>", "<p a=\"b>", "< p>", "<p><span></p>"] {
            assert!(Tree::read(markup).is_none(), "{markup}");
        }
        assert_eq!(wholes("").unwrap(), Vec::<&str>::new());
    }
}
