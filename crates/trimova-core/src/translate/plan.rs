//! Translation planning: which texts go in which request, within a provider's limits.

use crate::provider::Limits;

/// One text to send: all or part (`part` of a segment split because it was too long) of a segment.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    pub segment: usize,
    pub part: usize,
    pub html: String,
}

/// The requests for a set of segments: pieces, and batches of piece indexes (one request each).
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub pieces: Vec<Piece>,
    pub batches: Vec<Vec<usize>>,
}

/// Plans `texts` (segment fragments) for a provider with `limits`: long segments are split at
/// sentence boundaries below `max_segment_chars`, then pieces are packed greedily, in order, into
/// as few requests as `max_segments` and `max_chars` allow.
pub fn plan(texts: &[&str], limits: &Limits) -> Plan {
    let pieces: Vec<Piece> = texts
        .iter()
        .enumerate()
        .flat_map(|(segment, text)| {
            split(text, limits.max_segment_chars)
                .into_iter()
                .enumerate()
                .map(move |(part, html)| Piece {
                    segment,
                    part,
                    html,
                })
        })
        .collect();
    let mut batches: Vec<Vec<usize>> = Vec::new();
    let mut chars = 0;
    for (i, piece) in pieces.iter().enumerate() {
        let len = piece.html.chars().count();
        match batches.last_mut() {
            Some(batch) if batch.len() < limits.max_segments && chars + len <= limits.max_chars => {
                batch.push(i);
                chars += len;
            }
            _ => {
                batches.push(vec![i]);
                chars = len;
            }
        }
    }
    Plan { pieces, batches }
}

impl Plan {
    /// The translation of `segment`, its pieces joined, once every piece of it is in `translated`
    /// (indexed like `pieces`).
    pub fn segment_text(&self, segment: usize, translated: &[Option<String>]) -> Option<String> {
        let parts: Option<Vec<&str>> = self
            .pieces
            .iter()
            .zip(translated)
            .filter(|(piece, _)| piece.segment == segment)
            .map(|(_, text)| text.as_deref().map(str::trim))
            .collect();
        parts.filter(|p| !p.is_empty()).map(|p| p.join(" "))
    }
}

/// Splits an HTML fragment into pieces of at most `max` characters, preferring sentence ends, then
/// spaces, and never inside a tag or an open element, so every piece is well-formed on its own
/// (a piece is longer than `max` only where no such place exists within it).
pub fn split(html: &str, max: usize) -> Vec<String> {
    if html.chars().count() <= max || max == 0 {
        return vec![html.to_string()];
    }
    // Byte offsets after which a piece may end, with how good a place each is.
    let mut sentence_ends = Vec::new();
    let mut spaces = Vec::new();
    let (mut in_tag, mut depth, mut prev) = (false, 0i32, ' ');
    let mut tag = String::new();
    for (at, c) in html.char_indices() {
        match c {
            '<' => {
                in_tag = true;
                tag.clear();
            }
            '>' if in_tag => {
                in_tag = false;
                // Placeholders (`<span data-k>`) open and close at once; only marks nest.
                if tag.starts_with('/') {
                    depth -= i32::from(!tag.starts_with("/span"));
                } else if !tag.starts_with("span") && !tag.ends_with('/') {
                    depth += 1;
                }
            }
            _ if in_tag => tag.push(c),
            ' ' if depth == 0 => {
                if matches!(prev, '.' | '!' | '?' | '…' | ';') {
                    sentence_ends.push(at + 1);
                }
                spaces.push(at + 1);
            }
            _ => {}
        }
        if !in_tag && c != '>' {
            prev = c;
        }
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    while html[start..].chars().count() > max {
        let fits = |end: &usize| *end > start && html[start..*end].chars().count() <= max;
        let end = sentence_ends
            .iter()
            .rev()
            .find(|e| fits(e))
            .or_else(|| spaces.iter().rev().find(|e| fits(e)))
            // Nothing fits: a well-formed piece matters more than the limit (which is set far
            // below what services accept), so take the first safe place after it.
            .or_else(|| spaces.iter().find(|e| **e > start))
            .copied();
        let Some(end) = end else { break };
        pieces.push(html[start..end].trim_end().to_string());
        start = end;
    }
    if start < html.len() {
        pieces.push(html[start..].trim_end().to_string());
    }
    pieces.retain(|p| !p.trim().is_empty());
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits {
        max_segments: 3,
        max_chars: 20,
        max_segment_chars: 12,
        concurrency: 1,
    };

    #[test]
    fn packs_pieces_into_as_few_requests_as_limits_allow() {
        let texts = ["aaaa", "bbbb", "cccc", "dddd", "eeeeeeeeee", "ff"];
        let p = plan(&texts, &LIMITS);
        assert_eq!(p.pieces.len(), 6);
        // 3 per request at most; 20 characters at most.
        assert_eq!(p.batches, vec![vec![0, 1, 2], vec![3, 4, 5]]);
        let one_each = plan(
            &texts,
            &Limits {
                max_segments: 1,
                ..LIMITS
            },
        );
        assert_eq!(one_each.batches.len(), 6);
    }

    #[test]
    fn long_segments_split_at_sentences_and_reassemble() {
        let text = "Один два. Три чотири! П'ять.";
        let parts = split(text, 12);
        assert_eq!(parts, ["Один два.", "Три чотири!", "П'ять."]);
        let p = plan(&[text, "x"], &LIMITS);
        assert_eq!(
            p.pieces.iter().map(|x| x.segment).collect::<Vec<_>>(),
            [0, 0, 0, 1]
        );
        let translated: Vec<Option<String>> = p
            .pieces
            .iter()
            .map(|x| Some(x.html.to_uppercase()))
            .collect();
        assert_eq!(
            p.segment_text(0, &translated).as_deref(),
            Some("ОДИН ДВА. ТРИ ЧОТИРИ! П'ЯТЬ.")
        );
        assert_eq!(p.segment_text(1, &translated).as_deref(), Some("X"));
        let mut missing = translated.clone();
        missing[1] = None;
        assert_eq!(
            p.segment_text(0, &missing),
            None,
            "a segment with a missing piece is not complete"
        );
    }

    #[test]
    fn never_splits_inside_markup() {
        let text = "Раз. <b>Два. Три.</b> Чотири. <span data-k=\"0\"></span> П'ять.";
        for max in [8, 12, 20, 30] {
            for piece in split(text, max) {
                assert_eq!(
                    piece.matches("<b>").count(),
                    piece.matches("</b>").count(),
                    "{max}: {piece}"
                );
                assert_eq!(
                    piece.matches('<').count(),
                    piece.matches('>').count(),
                    "{max}: {piece}"
                );
            }
        }
        assert_eq!(split(text, 1000), [text]);
    }

    #[test]
    fn a_real_long_text_stays_under_the_limit() {
        let sentence = "Речення з кількома словами, щоб було що ділити. ";
        let text = sentence.repeat(300);
        let parts = split(&text, 3000);
        assert!(parts.len() >= 5);
        assert!(parts
            .iter()
            .all(|p| p.chars().count() <= 3000 && p.ends_with('.')));
        assert_eq!(parts.join(" "), text.trim_end());
    }
}
