//! The offset map from normalized text back to the original, and the builder that records it.
//!
//! The map is piecewise: a sorted list of anchors, each starting a segment of the output.
//! A *linear* segment is a verbatim copy of the input (output byte `o` maps to input byte
//! `inp + (o - out)`); an *atomic* segment is a replacement (a composed cluster, a moved tone
//! mark, `\r\n` made `\n`, a typographic quote made ASCII) whose inner offsets round outwards to
//! the whole input span it came from. Deleted input (collapsed spaces, invisible characters)
//! leaves a gap: two anchors at the same output offset. Text that needed no change has a
//! single anchor, so the map costs nothing for clean input.

/// What the output after an anchor is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A verbatim copy of the input.
    Linear,
    /// A replacement of the input span from this anchor to the next one.
    Atomic,
}

/// The start of one output segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Anchor {
    /// Byte offset in the output.
    out: usize,
    /// Byte offset in the input.
    inp: usize,
    kind: Kind,
}

/// Maps byte offsets of normalized text back to byte offsets of the original text.
///
/// Every char boundary of the normalized text maps to a char boundary of the original, and
/// the mapping is monotonic. Offsets past the end of the normalized text map to the end of
/// the original. The [`Default`] map has no anchors and returns every offset unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OffsetMap {
    anchors: Vec<Anchor>,
    out_len: usize,
    in_len: usize,
}

impl OffsetMap {
    /// The map of text that normalization left unchanged: every offset maps to itself.
    pub fn identity(len: usize) -> Self {
        OffsetMap {
            anchors: vec![Anchor {
                out: 0,
                inp: 0,
                kind: Kind::Linear,
            }],
            out_len: len,
            in_len: len,
        }
    }

    /// Whether every offset maps to itself (the normalized text is the original text).
    pub fn is_identity(&self) -> bool {
        self.out_len == self.in_len
            && self
                .anchors
                .iter()
                .all(|a| a.kind == Kind::Linear && a.out == a.inp)
    }

    /// Maps a half-open byte span `[start, end)` of the normalized text to the smallest span of
    /// the original text that produced it.
    ///
    /// The start skips input that was deleted just before it (it lands on the next kept
    /// character); the end stops after the last kept character. A span inside a replacement
    /// widens to the whole replaced input. The result always has `start <= end`; an empty span
    /// at a deletion maps to an empty span at the next kept character.
    pub fn span_to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.start_of(start);
        let e = self.end_of(end);
        if e < s {
            (s, s)
        } else {
            (s, e)
        }
    }

    /// Maps one offset (a boundary) of the normalized text to the original text.
    ///
    /// Input deleted at that boundary is attributed to what follows: the result is the offset
    /// of the next kept input character (or the end of the input). An offset inside a
    /// replacement rounds down to the start of the replaced input.
    pub fn to_original(&self, offset: usize) -> usize {
        self.start_of(offset)
    }

    /// The original offset of `o` seen as the start of a span (round down, skip deletions).
    fn start_of(&self, o: usize) -> usize {
        if self.anchors.is_empty() {
            return o;
        }
        let o = o.min(self.out_len);
        let k = self.anchors.partition_point(|a| a.out <= o);
        let Some(a) = k.checked_sub(1).and_then(|k| self.anchors.get(k)) else {
            return 0;
        };
        match a.kind {
            Kind::Linear => a.inp + (o - a.out),
            Kind::Atomic => a.inp,
        }
    }

    /// The original offset of `o` seen as the end of a span (round up, stop before deletions).
    fn end_of(&self, o: usize) -> usize {
        if self.anchors.is_empty() {
            return o;
        }
        let o = o.min(self.out_len);
        let k = self.anchors.partition_point(|a| a.out < o);
        let Some(prev) = k.checked_sub(1).and_then(|k| self.anchors.get(k)) else {
            return self.anchors.first().map_or(0, |a| a.inp);
        };
        match prev.kind {
            Kind::Linear => prev.inp + (o - prev.out),
            Kind::Atomic => self.anchors.get(k).map_or(self.in_len, |a| a.inp),
        }
    }
}

/// Writes normalized output and records its [`OffsetMap`].
///
/// Copies of input that continue the previous copy are deferred and appended in one go, so
/// clean text is moved with a few large copies and records no anchor at all.
#[derive(Debug)]
pub(crate) struct Builder<'a> {
    input: &'a str,
    out: String,
    anchors: Vec<Anchor>,
    /// Input range copied but not yet appended to `out`; its end is `expect_in`.
    pend: (usize, usize),
    /// The input offset the end of the output corresponds to, when output continues linearly.
    expect_in: usize,
    /// The input span of the atomic segment being written, if any.
    atomic: Option<(usize, usize)>,
}

impl<'a> Builder<'a> {
    pub(crate) fn new(input: &'a str) -> Self {
        Builder {
            input,
            out: String::with_capacity(input.len()),
            anchors: vec![Anchor {
                out: 0,
                inp: 0,
                kind: Kind::Linear,
            }],
            pend: (0, 0),
            expect_in: 0,
            atomic: None,
        }
    }

    /// Length of the output written so far, deferred copies included.
    fn out_len(&self) -> usize {
        self.out.len() + (self.pend.1 - self.pend.0)
    }

    /// Whether nothing has been written yet.
    pub(crate) fn is_empty(&self) -> bool {
        self.out_len() == 0
    }

    fn flush_pending(&mut self) {
        let (s, e) = self.pend;
        if s < e {
            self.out.push_str(self.input.get(s..e).unwrap_or(""));
        }
        self.pend = (e, e);
    }

    fn close_atomic(&mut self) {
        if let Some((_, e)) = self.atomic.take() {
            self.anchors.push(Anchor {
                out: self.out_len(),
                inp: e,
                kind: Kind::Linear,
            });
            self.expect_in = e;
            self.pend = (e, e);
        }
    }

    /// Copies `input[s..e]` verbatim.
    pub(crate) fn copy(&mut self, s: usize, e: usize) {
        self.close_atomic();
        if s != self.expect_in {
            self.flush_pending();
            self.anchors.push(Anchor {
                out: self.out_len(),
                inp: s,
                kind: Kind::Linear,
            });
            self.pend = (s, s);
        }
        self.pend.1 = e;
        self.expect_in = e;
    }

    /// Writes `c` as (part of) the replacement of `input[s..e]`. Consecutive calls with the
    /// same span build one replacement.
    pub(crate) fn replace(&mut self, s: usize, e: usize, c: char) {
        if self.atomic == Some((s, e)) {
            self.out.push(c);
            return;
        }
        match self.atomic {
            // Adjacent replacements share the boundary anchor.
            Some((_, pe)) if pe == s => self.atomic = None,
            Some(_) => self.close_atomic(),
            None => {}
        }
        self.flush_pending();
        self.anchors.push(Anchor {
            out: self.out_len(),
            inp: s,
            kind: Kind::Atomic,
        });
        self.out.push(c);
        self.atomic = Some((s, e));
    }

    /// Finishes the output; trailing deleted input maps to the end of the input.
    pub(crate) fn finish(mut self) -> (String, OffsetMap) {
        self.close_atomic();
        self.flush_pending();
        let in_len = self.input.len();
        if self.expect_in != in_len {
            self.anchors.push(Anchor {
                out: self.out.len(),
                inp: in_len,
                kind: Kind::Linear,
            });
        }
        let map = OffsetMap {
            anchors: self.anchors,
            out_len: self.out.len(),
            in_len,
        };
        (self.out, map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_map_is_identity_for_any_offset() {
        let m = OffsetMap::default();
        assert_eq!(m.to_original(7), 7);
        assert_eq!(m.span_to_original(2, 5), (2, 5));
    }

    #[test]
    fn identity_map() {
        let m = OffsetMap::identity(10);
        assert!(m.is_identity());
        assert_eq!(m.to_original(4), 4);
        assert_eq!(m.span_to_original(3, 10), (3, 10));
        assert_eq!(m.to_original(99), 10);
    }

    #[test]
    fn clean_copies_record_no_anchor() {
        let input = "ab cd";
        let mut b = Builder::new(input);
        b.copy(0, 2);
        b.copy(2, 3);
        b.copy(3, 5);
        let (text, map) = b.finish();
        assert_eq!(text, input);
        assert_eq!(map, OffsetMap::identity(5));
    }

    #[test]
    fn deletion_gap_start_and_end() {
        // "a  b" -> "a b": the second space is deleted.
        let input = "a  b";
        let mut b = Builder::new(input);
        b.copy(0, 2);
        b.copy(3, 4);
        let (text, map) = b.finish();
        assert_eq!(text, "a b");
        assert_eq!(map.to_original(2), 3);
        assert_eq!(map.span_to_original(2, 3), (3, 4));
        assert_eq!(map.span_to_original(1, 2), (1, 2));
        assert_eq!(map.span_to_original(0, 3), (0, 4));
        assert_eq!(map.span_to_original(2, 2), (3, 3));
    }

    #[test]
    fn replacement_rounds_outwards() {
        // "x\r\ny" -> "x\ny"
        let input = "x\r\ny";
        let mut b = Builder::new(input);
        b.copy(0, 1);
        b.replace(1, 3, '\n');
        b.copy(3, 4);
        let (text, map) = b.finish();
        assert_eq!(text, "x\ny");
        assert_eq!(map.span_to_original(1, 2), (1, 3));
        assert_eq!(map.to_original(2), 3);
        assert_eq!(map.span_to_original(2, 3), (3, 4));
        assert!(!map.is_identity());
    }

    #[test]
    fn multi_char_replacement_and_adjacent_replacements() {
        // "oà" (o + a + U+0300) -> "òa", then a quote.
        let input = "hoa\u{300}\u{201D}";
        let mut b = Builder::new(input);
        b.copy(0, 1);
        b.replace(1, 5, 'ò');
        b.replace(1, 5, 'a');
        b.replace(5, 8, '"');
        let (text, map) = b.finish();
        assert_eq!(text, "hòa\"");
        assert_eq!(map.span_to_original(1, 3), (1, 5));
        assert_eq!(map.span_to_original(3, 4), (1, 5));
        assert_eq!(map.span_to_original(1, 4), (1, 5));
        assert_eq!(map.span_to_original(4, 5), (5, 8));
        assert_eq!(map.to_original(5), 8);
    }

    #[test]
    fn leading_and_trailing_deletions() {
        let input = "  ab  ";
        let mut b = Builder::new(input);
        b.copy(2, 4);
        let (text, map) = b.finish();
        assert_eq!(text, "ab");
        assert_eq!(map.span_to_original(0, 2), (2, 4));
        assert_eq!(map.to_original(0), 2);
        assert_eq!(map.to_original(2), 6);
    }
}
