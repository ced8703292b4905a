//! The query as written, looked for in titles and bodies for the phrase bonus: character-pair
//! signatures rule most texts out unread, Horspool's search reads the rest.

use std::cell::OnceCell;
use std::sync::PoisonError;

use super::scoring::Field;
use super::{Engine, Missing, Reading};
use crate::search::fields::{BODY_FIELD, TITLE_FIELD};
use crate::search::text::squeeze;
use crate::search::tokenize::{fold, is_cjk, is_joiner, terms};

/// Multiplier for a document whose title contains the whole query as written.
pub(super) const TITLE_PHRASE_BONUS: f64 = 2.0;
/// Multiplier for a document whose body contains the whole query as written.
pub(super) const BODY_PHRASE_BONUS: f64 = 1.5;
/// Which pairs of adjacent characters a text holds, hashed into `WORDS` × 64 bits: a text that
/// lacks one of a phrase's pairs cannot hold the phrase, which is known without reading the
/// text. Most of the titles and bodies a query's phrase is looked for in are ruled out so.
pub(super) struct Pairs<const WORDS: usize>([u64; WORDS]);

/// Sizes for a title (tens of characters) and a body (hundreds): about a third of the bits set.
pub(super) const TITLE_WORDS: usize = 2;
pub(super) const BODY_WORDS: usize = 8;

impl<const WORDS: usize> Pairs<WORDS> {
    pub(super) fn of(text: &str) -> Self {
        let mut pairs = Pairs([0; WORDS]);
        let mut chars = text.chars();
        if let Some(mut previous) = chars.next() {
            for next in chars {
                let bit = Self::bit(previous, next);
                pairs.0[bit / 64] |= 1 << (bit % 64);
                previous = next;
            }
        }
        pairs
    }

    /// The pair's bit: a multiplicative hash, scaled to the number of bits.
    fn bit(first: char, second: char) -> usize {
        let hash = (u32::from(first).wrapping_mul(0x9E37_79B1) ^ u32::from(second)).wrapping_mul(0x85EB_CA6B);
        ((u64::from(hash) * (WORDS as u64 * 64)) >> 32) as usize
    }

    /// Whether every pair of `part` may be here too.
    pub(super) fn may_hold(&self, part: &Self) -> bool {
        self.0.iter().zip(&part.0).all(|(&all, &some)| all & some == some)
    }
}

/// A phrase to look for in many texts, with Horspool's table of how far a window may move on
/// after its last byte: most windows are passed over whole, where `str::contains`, without SIMD
/// in wasm, reads the text a byte at a time.
pub(super) struct Finder<'r> {
    needle: String,
    title_pairs: Pairs<TITLE_WORDS>,
    body_pairs: Pairs<BODY_WORDS>,
    /// Per byte value, capped at 255.
    shifts: [u8; 256],
    /// The query's terms: their pieces of the index are here.
    terms: &'r [String],
    /// The documents whose titles, and whose bodies, may hold the needle, ascending, where the
    /// field's index tells (see [`Engine::may_hold`]); found when a title or a body is first
    /// missed.
    holders: [OnceCell<Option<Vec<u32>>>; 2],
}

impl<'r> Finder<'r> {
    pub(super) fn new(needle: String, terms: &'r [String]) -> Finder<'r> {
        let bytes = needle.as_bytes();
        let mut shifts = [bytes.len().min(255) as u8; 256];
        for (at, &byte) in bytes.iter().enumerate().take(bytes.len().saturating_sub(1)) {
            shifts[usize::from(byte)] = (bytes.len() - 1 - at).min(255) as u8;
        }
        let holders = Default::default();
        Finder { title_pairs: Pairs::of(&needle), body_pairs: Pairs::of(&needle), needle, shifts, terms, holders }
    }

    /// Whether `text` holds the needle: `text.contains(needle)`.
    pub(super) fn is_in(&self, text: &str) -> bool {
        let (needle, text) = (self.needle.as_bytes(), text.as_bytes());
        let Some((&last, head)) = needle.split_last() else { return true };
        let mut at = 0;
        while let Some(window) = text.get(at..at + needle.len()) {
            let end = window[head.len()];
            // The first byte before the rest: comparing slices is a call.
            if end == last && window[0] == needle[0] && &window[..head.len()] == head {
                return true;
            }
            at += usize::from(self.shifts[usize::from(end)]);
        }
        false
    }
}

/// The texts of a takeaway a phrase is looked for in, each the field of the index that holds it.
#[derive(Clone, Copy)]
pub(super) enum Text {
    Title,
    Body,
}

impl Text {
    fn field(self) -> &'static str {
        match self {
            Text::Title => TITLE_FIELD,
            Text::Body => BODY_FIELD,
        }
    }
}

impl Engine {
    /// A finder of the phrase of `reading`.
    pub(super) fn finder<'r>(&self, reading: &'r Reading) -> Finder<'r> {
        Finder::new(self.phrase_form(&reading.text), &reading.terms)
    }

    /// The documents whose `text` may hold `phrase`, ascending, as far as its field's index
    /// tells: a text that holds the phrase holds each of its terms, as a term of its index (a
    /// pair of Chinese characters) or inside one (a Latin word), unless a variant's canonical
    /// spelling may have made it (see
    /// [`Synonyms::may_make`](crate::search::tokenize::Synonyms::may_make)). Only the query's
    /// terms are looked up, whose pieces are here; a word only where no word of the field has it
    /// inside but at its start, so that its documents are those of the terms it starts. `None`
    /// where no term tells.
    fn holders(&self, text: Text, phrase: &Finder) -> Option<Vec<u32>> {
        let field = self.field(text.field())?;
        let mut holders: Option<Vec<u32>> = None;
        for term in terms(&phrase.needle) {
            let chinese = term.starts_with(is_cjk);
            let told = phrase.terms.contains(&term)
                && !self.synonyms.may_make(&term)
                && match chinese {
                    // A lone character is a term only where no other is next to it.
                    true => term.chars().nth(1).is_some(),
                    false => !term.contains(is_joiner) && self.only_as_a_start(&field, &term),
                };
            if told {
                let holding = field.docs_of_terms(if chinese { field.find(&term) } else { field.expand(&term) });
                holders = Some(match holders.take() {
                    Some(mut holders) => {
                        holders.retain(|doc| holding.binary_search(doc).is_ok());
                        holders
                    }
                    None => holding,
                });
            }
        }
        holders
    }

    /// Whether `doc`'s `text` may hold `phrase`, as far as its field's index tells.
    fn may_hold(&self, text: Text, doc: usize, phrase: &Finder) -> bool {
        let holders = phrase.holders[text as usize].get_or_init(|| self.holders(text, phrase));
        holders.as_ref().is_none_or(|holders| holders.binary_search(&(doc as u32)).is_ok())
    }

    /// Whether every word of `field`'s index that has `word` inside starts with it: from `field`
    /// where the index is whole, or, of one in pieces, from the infixes of the pieces `word`
    /// starts terms in (here, the titles' and the bodies' words'), if it starts a term of a field
    /// (see [`crate::search::pieces::infixes`]).
    fn only_as_a_start(&self, field: &Field, word: &str) -> bool {
        if !self.in_pieces {
            return !field.terms_with_postings().any(|(t, _)| !t.starts_with(word) && t.contains(word));
        }
        let fields = self.fields.read().unwrap_or_else(PoisonError::into_inner);
        let infixes = self.infixes.read().unwrap_or_else(PoisonError::into_inner);
        let inside = infixes.iter().any(|of_piece| {
            let after = &of_piece[of_piece.partition_point(|infix| infix.as_str() < word)..];
            after.first().is_some_and(|infix| infix.starts_with(word))
        });
        fields.iter().any(|field| field.holds_prefix(word)) && !inside
    }

    /// `text` as phrases are looked for in it: folded, spaces squeezed, variants spelled
    /// canonically (a query, a title, a body alike).
    pub(super) fn phrase_form(&self, text: &str) -> String {
        self.synonyms.canonicalize(&squeeze(&fold(text)))
    }

    /// The bonus for `doc`, the body's only if `body` asks for it; titles or a body that have
    /// not arrived give none, and are noted in `missing`.
    pub(super) fn phrase_bonus(&self, doc: usize, phrase: &Finder, body: bool, missing: &mut Missing) -> f64 {
        if phrase.needle.is_empty() {
            return 1.0;
        }
        match self.titles[doc].get() {
            Some(text) => {
                let (title_phrase, title_pairs) = text.phrase.get_or_init(|| {
                    let title_phrase = self.phrase_form(&text.title);
                    let pairs = Pairs::of(&title_phrase);
                    (title_phrase, pairs)
                });
                if title_pairs.may_hold(&phrase.title_pairs) && phrase.is_in(title_phrase) {
                    return TITLE_PHRASE_BONUS;
                }
            }
            // Titles the index rules out give none; they are not fetched.
            None if !self.may_hold(Text::Title, doc, phrase) => {}
            None => missing.titles.push(doc),
        }
        if !body {
            return 1.0;
        }
        match self.bodies[doc].get() {
            Some(b) if b.pairs.may_hold(&phrase.body_pairs) && phrase.is_in(&b.phrase) => BODY_PHRASE_BONUS,
            Some(_) => 1.0,
            // A body the index rules out gives none; it is not fetched.
            None if !self.may_hold(Text::Body, doc, phrase) => 1.0,
            None => {
                missing.bodies.push(doc);
                1.0
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_never_rule_out_a_text_that_holds_the_phrase() {
        let texts = ["在 k8s 上运行 kubernetes，平台工程平台", "ebpf 安全与可观测性 observability", "a"];
        for text in texts {
            let chars: Vec<char> = text.chars().collect();
            for start in 0..chars.len() {
                for end in start + 1..=chars.len() {
                    let part: String = chars[start..end].iter().collect();
                    assert!(Pairs::<TITLE_WORDS>::of(text).may_hold(&Pairs::of(&part)), "{part:?} in {text:?}");
                    assert!(Pairs::<BODY_WORDS>::of(text).may_hold(&Pairs::of(&part)), "{part:?} in {text:?}");
                }
            }
        }
        // And they do rule out most others: a pair the text lacks.
        let body = Pairs::<BODY_WORDS>::of("平台工程的实践");
        assert!(!body.may_hold(&Pairs::of("ebpf 安全")));
    }

    #[test]
    fn the_finder_finds_what_contains_finds() {
        let long = "ab".repeat(200);
        let texts = ["", "a", "kubernetes lts", "在 k8s 上运行 kubernetes，平台工程平台", "aaab aab ab", long.as_str()];
        let needles =
            ["", "a", "b", "ab", "aab", "kub", "kubernetes", "平台工程", "工程平", "台", "s，平", "ba", "abc"];
        let longer = format!("{long}a");
        for needle in needles.iter().copied().chain([long.as_str(), &long[1..], longer.as_str()]) {
            let finder = Finder::new(needle.to_owned(), &[]);
            for text in texts {
                assert_eq!(finder.is_in(text), text.contains(needle), "{needle:?} in {text:?}");
            }
        }
    }
}
