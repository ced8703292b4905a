//! Numbers written as base64 VLQ, as source maps write them: a digit holds 5 bits of the number,
//! lowest first, and its sixth bit says another digit follows, so a number under 32 is one
//! character and no separator is needed. Long runs of small numbers (the index's postings and
//! its documents' lengths, the takeaways' themes and projects) take a fraction of their JSON
//! arrays' bytes, compressed or not, and are read in one pass over a string.

use serde::{Deserialize, Deserializer, Serializer};

const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Appends `n` to `out`.
pub fn push(out: &mut String, mut n: u32) {
    loop {
        let digit = (n & 31) as usize;
        n >>= 5;
        out.push(DIGITS[digit | if n > 0 { 32 } else { 0 }] as char);
        if n == 0 {
            return;
        }
    }
}

/// The number that starts at `bytes[at]`, and where the next starts; or where a byte is not a
/// digit, or the number is cut short or over `u32::MAX`.
pub fn read(bytes: &[u8], mut at: usize) -> Result<(u32, usize), usize> {
    let (mut n, mut shift) = (0u32, 0u32);
    loop {
        let value = bytes.get(at).and_then(|&byte| digit_value(byte)).ok_or(at)?;
        let bits = value & 31;
        // The bits this digit holds must fit: none shifted out of the number.
        let shifted = bits.checked_shl(shift).filter(|s| s >> shift == bits).ok_or(at)?;
        n |= shifted;
        at += 1;
        if value & 32 == 0 {
            return Ok((n, at));
        }
        shift += 5;
    }
}

/// The numbers of a VLQ string, up to the first that cannot be read.
pub fn numbers(text: &str) -> impl Iterator<Item = u32> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let (n, next) = read(text.as_bytes(), at).ok()?;
        at = next;
        Some(n)
    })
}

fn digit_value(byte: u8) -> Option<u32> {
    let value = match byte {
        b'A'..=b'Z' => byte - b'A',
        b'a'..=b'z' => byte - b'a' + 26,
        b'0'..=b'9' => byte - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

/// `numbers` as one VLQ string.
pub fn written(numbers: &[u32]) -> String {
    let mut out = String::with_capacity(numbers.len() * 2);
    numbers.iter().for_each(|&n| push(&mut out, n));
    out
}

/// The numbers of `text`, every byte of it, or where it is not so written.
pub fn read_all(text: &str) -> Result<Vec<u32>, String> {
    let mut numbers = Vec::with_capacity(text.len());
    let mut at = 0;
    while at < text.len() {
        let (n, next) = read(text.as_bytes(), at).map_err(|at| format!("not a VLQ number at byte {at}"))?;
        numbers.push(n);
        at = next;
    }
    Ok(numbers)
}

/// Serde's `with` for a list of numbers written as one VLQ string.
pub mod string {
    use super::*;

    pub fn serialize<S: Serializer>(numbers: &[u32], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&written(numbers))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u32>, D::Error> {
        let text = <std::borrow::Cow<str>>::deserialize(deserializer)?;
        read_all(&text).map_err(serde::de::Error::custom)
    }
}

/// Serde's `with` for lists of numbers, each written as one VLQ string.
pub mod strings {
    use serde::ser::SerializeSeq;

    use super::*;

    pub fn serialize<S: Serializer>(lists: &[Vec<u32>], serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(lists.len()))?;
        for list in lists {
            seq.serialize_element(&written(list))?;
        }
        seq.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Vec<u32>>, D::Error> {
        let texts = <Vec<std::borrow::Cow<str>>>::deserialize(deserializer)?;
        texts.iter().map(|text| read_all(text).map_err(serde::de::Error::custom)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip() {
        let numbers = [0, 1, 31, 32, 1023, 1024, 100_000, u32::MAX];
        let text = written(&numbers);
        assert_eq!(read_all(&text), Ok(numbers.to_vec()));
        assert_eq!(numbers_of(&text), numbers);
        assert_eq!(written(&[0, 1, 2]), "ABC");
        assert_eq!(written(&[32]), "gB");
    }

    fn numbers_of(text: &str) -> Vec<u32> {
        numbers(text).collect()
    }

    #[test]
    fn a_damaged_string_is_refused_with_where_or_read_up_to_it() {
        for (text, at) in [("AB*C", 2), ("g", 1), ("//////////8P", 6), ("AB,", 2)] {
            assert_eq!(read_all(text), Err(format!("not a VLQ number at byte {at}")), "{text:?}");
        }
        assert_eq!(numbers_of("AB*C"), [0, 1]);
        // u32::MAX is "//////D": one bit more does not fit.
        assert_eq!(read_all("//////D"), Ok(vec![u32::MAX]));
        assert_eq!(read_all("//////H"), Err("not a VLQ number at byte 6".to_owned()));
    }
}
