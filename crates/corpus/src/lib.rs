//! Corpus-level logic of biennien: what can only be decided by looking at many articles.
//!
//! The pipeline turns one article into one record; this crate answers the questions that need
//! the whole corpus. [`ids`] names documents by their content and events and facts by what
//! they are, so that ingesting the same article twice changes nothing. [`near`] finds reposts
//! and lightly edited copies of an article with MinHash signatures and the band keys that let
//! a store look candidates up in an index. [`merge`] groups the event mentions read from many
//! articles into one event per real-world event. [`boilerplate`] learns the lines an outlet
//! repeats in every page (menus, footers) so the cleaner can remove them.
//!
//! The crate is pure: no files, no clock, no database, no randomness. The store and the
//! `ingest` command feed it and keep what it returns. Every result is **deterministic and
//! independent of input order**: two stores built from the same articles, in any order and
//! with interruptions, must export identical files. So inputs are sorted by a canonical key
//! before any decision, decisions are functions of the set of inputs, ties are broken by
//! lexical order, and outputs come in a documented order.
//!
//! Hashes are stored, so they must not change between runs, platforms or Rust versions: they
//! come from `blake3` (identifiers, line keys) or from fixed integer arithmetic written here
//! (the MinHash functions), never from the standard library's randomly seeded hashers. Text is
//! compared after [`biennien_text::fold`] (lowercase, no diacritics), with words taken as runs
//! of [`biennien_text::is_alphanumeric`] characters, so that spelling variants of case, tone
//! marks and punctuation do not count as differences.

pub mod boilerplate;
pub mod dates;
pub mod ids;
pub mod merge;
pub mod near;

/// The key of a name (a person, an outlet): its folded words joined by single spaces, so
/// "Javier González-Olaechea" and "javier gonzalez olaechea" share it; empty without words.
pub fn name_key(text: &str) -> String {
    folded_words(text).join(" ")
}

/// The words of `text` after folding: runs of alphanumeric characters of
/// [`biennien_text::fold`]`(text)`.
pub(crate) fn folded_words(text: &str) -> Vec<String> {
    biennien_text::fold(text)
        .split(|c: char| !biennien_text::is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_keys_fold_hyphens_and_case() {
        assert_eq!(name_key("Bùi Thanh Sơn"), "bui thanh son");
        assert_eq!(
            name_key("Javier González-Olaechea"),
            name_key("javier gonzalez olaechea")
        );
        assert_eq!(name_key("  "), "");
    }
}
