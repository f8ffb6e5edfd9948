//! Vietnamese text normalization with offset maps, and folding for matching and search.
//!
//! Two operations, kept apart on purpose:
//!
//! - [`normalize`] is *lossless in meaning*: it picks one spelling among equivalent ones
//!   (line endings, spaces, Unicode composition, tone-mark placement, quotes) and returns a
//!   [`Normalized`] text with an [`OffsetMap`], so every span found in the normalized text can
//!   point back into the original. The rest of the pipeline works on normalized text.
//! - [`fold`] is *lossy*: lowercase, no diacritics, `đ` → `d`. It is for comparing and
//!   searching ("Đà Nẵng" and "da nang" fold alike), never for display. It maps characters
//!   one to one ([`fold_char`]), so [`fold_with_offsets`] keeps a byte map as well.
//!
//! # Normalization rules
//!
//! Applied in this order, in one pass over the text:
//!
//! 1. **Line breaks.** CRLF, CR, U+2028, U+2029 and form feed become LF. So do vertical tab
//!    and NEL (U+0085), which Unicode also counts as line breaks: deleting them would glue
//!    the words on either side.
//! 2. **Invisible characters are removed:** the other C0 and C1 controls, U+200B–U+200D (zero
//!    width space, non-joiner, joiner), U+2060–U+2064, U+FEFF (anywhere), soft hyphen U+00AD,
//!    bidi marks and controls U+200E, U+200F, U+202A–U+202E, U+2066–U+2069.
//! 3. **Spaces.** Tab and every Unicode space separator (NBSP U+00A0, U+1680, U+2000–U+200A,
//!    U+202F, U+205F, U+3000) become an ASCII space.
//! 4. **NFC** (canonical composition): decomposed Vietnamese (`a` U+0323 U+0302) becomes the
//!    precomposed letter (`ậ`). A composed character maps to its whole original cluster.
//! 5. **Tone marks** in open `oa`/`oe`/`uy` syllables go on the first vowel, the *old style*
//!    the gold data and most newspapers use: `hoà` → `hòa`, `thuỷ` → `thủy`, `Uỷ` → `Ủy`;
//!    `quý`, `hoàng`, `thuyền` do not change. The moved pair maps to both original vowels.
//!    See the `tone` module for the exact rule.
//! 6. **Quotes.** `“ ” „ ‟ « » ″` become `"`, `‘ ’ ‚ ‛` become `'`. Dashes (`–`, `—`) and the
//!    ellipsis `…` are kept as they are: they carry meaning (ranges, speech, elision) and are
//!    one character each, which keeps offsets simple.
//! 7. **White space.** Runs of spaces become one space; lines are trimmed; two or more line
//!    breaks (with only white space or invisible characters between them) become one blank
//!    line, so paragraphs are separated by exactly `"\n\n"`; leading and trailing blank lines
//!    of the whole text are removed.
//!
//! Invariants: normalization never fails and never panics; it is idempotent; the normalized
//! text contains no CR, tab, control or invisible character from the lists above, no
//! Unicode space other than U+0020, no run of two spaces, no space at a line start or end,
//! and no run of three line breaks. Text that is already normal is returned unchanged with
//! [`OffsetMap::identity`], and clean words are copied as whole slices (fast path).
//!
//! # Offsets
//!
//! [`OffsetMap::span_to_original`] maps a byte span of the normalized text to the smallest
//! span of the original that produced it; [`OffsetMap::to_original`] maps one boundary.
//! Every char boundary of the output maps to a char boundary of the input, monotonically.
//! Deleted input (collapsed spaces, invisible characters) is attributed to what follows it.

mod class;
mod fold;
pub mod hash;
mod normalize;
mod offsets;
mod tone;

pub use class::{is_alphabetic, is_alphanumeric};
pub use fold::{fold, fold_bytes_into, fold_char, fold_chars, fold_with_offsets};
pub use normalize::{normalize, Normalized};
pub use offsets::OffsetMap;
