//! Full-text search of the corpus: diacritic-insensitive, exact forms first, BM25, snippets,
//! filters.
//!
//! Analysts type Vietnamese without diacritics, so every word is indexed **folded**
//! (lowercase, no diacritics, `đ` → `d`: "Sơn" and "son" are one term) by a tokenizer of our
//! own (module `analysis`): words are runs of letters and digits, the same
//! definition the query reader and the snippet use, so a word highlighted is a word matched.
//! Title and body are also indexed **exact** (lowercased, diacritics as given, so the old
//! and new tone placements "hoà" and "hòa" stay distinct). A query word matches the folded
//! fields; when the user typed diacritics, a match of the exact form adds a boosted score, so
//! "Hòa Bình" ranks articles spelled that way above "Hoà Bình" and "hoa binh". Title matches
//! weigh twice body matches. Every word must match (AND); "quoted phrases" are phrase
//! queries on the folded fields, whose words typed with diacritics add the exact boost word by
//! word (one walk of positions per phrase, not two). Equal scores are ordered by document id
//! through a fast field, in the same pass. The query text is never a syntax error: anything that is not a word separates
//! words, and an unclosed quote is ignored.
//!
//! Filters (countries, persons, event types, outlets, dates) never change scores. Persons and
//! outlets are matched as whole folded names. A publication date may be partial ("2024-11"),
//! so a document covers a period, kept as its first and last minute in two fast fields; a
//! date filter keeps the documents whose period overlaps the range, and never an undated one.
//! A query without words lists the matching documents newest first.
//!
//! Results are deterministic: equal scores (or dates) are ordered by id, and the engine is
//! asked for more documents until no tie crosses the limit. Snippets are computed here over
//! the stored body (module `snippet`), fold-aware, with byte ranges of the matched
//! words.
//!
//! The index lives in one directory (or in memory). [`Writer::commit`] is a durable engine
//! commit whose payload records how far the caller's own store was indexed, read back by
//! [`Index::indexed_up_to`] to resume after a crash; a writer dropped without a commit leaves
//! the index at its previous commit.

mod analysis;
mod error;
mod index;
mod query;
mod snippet;

pub use analysis::key;
pub use error::SearchError;
pub use index::{Hit, Index, SearchDoc, SearchQuery, Writer, DEFAULT_WRITER_BUDGET};
pub use snippet::SNIPPET_CHARS;

#[cfg(test)]
mod tests;
