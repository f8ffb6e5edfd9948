//! The rows the store keeps and answers with. Plain data, shared by every backend.

use biennien_record::{Document, Fact, Location, Participant};
use serde::{Deserialize, Serialize};

/// One article to store: its processed record plus what the corpus layer computed for it.
#[derive(Debug, Clone)]
pub struct Incoming {
    /// Content identifier of the raw input (see `biennien_corpus::ids::content_id`).
    pub id: String,
    /// The document record the pipeline produced (without `error`).
    pub record: Document,
    /// The raw input as read, kept so the article can be processed again.
    pub raw: Vec<u8>,
    /// Hints the input carried with the text (title, publication date, outlet, URL).
    pub hints: Hints,
    /// MinHash signature of the body, as bytes, when the body is long enough to have one.
    pub signature: Option<Vec<u8>>,
    /// Locality-sensitive band keys of the signature, for finding near-duplicate candidates.
    pub bands: Vec<u64>,
}

/// What the input said about an article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hints {
    /// Title given with the record.
    pub title: Option<String>,
    /// Publication date given with the record.
    pub published: Option<String>,
    /// Outlet given with the record.
    pub outlet: Option<String>,
    /// URL given with the record.
    pub url: Option<String>,
    /// How the content came: `text` (a JSON record's text), `html` (a JSON record's markup),
    /// `markup` (a web page's bytes), or raw bytes (`None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// The charset the transport declared for a web page's bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charset: Option<String>,
    /// When the page was fetched (a web archive record's date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched: Option<String>,
}

/// One entry of an ingest batch: an article to store, or an input that was refused.
#[derive(Debug, Clone)]
pub enum Entry {
    /// An article that was read and processed.
    Article(Box<Incoming>),
    /// An input whose content is already stored (checked before processing it again).
    Known {
        /// The input.
        input: String,
        /// Its content identifier.
        id: String,
    },
    /// An input that could not be read or processed, with the reason.
    Refused {
        /// The input (path, `path:line`, or the record's source).
        input: String,
        /// Why it was refused.
        reason: String,
    },
}

/// What became of one entry of a batch.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Stored as a new document.
    Stored,
    /// The same content is already stored (under this source).
    Duplicate {
        /// Source of the stored copy.
        of: String,
    },
    /// Stored, and linked as a near-duplicate of an earlier document.
    NearDuplicate {
        /// Source of the most similar earlier document.
        of: String,
        /// Estimated Jaccard similarity of the two bodies.
        similarity: f64,
    },
    /// Not stored: the input was refused.
    Refused {
        /// Why.
        reason: String,
    },
}

impl Outcome {
    /// A short word for the report: `stored`, `duplicate`, `near_duplicate`, `refused`.
    pub fn status(&self) -> &'static str {
        match self {
            Outcome::Stored => "stored",
            Outcome::Duplicate { .. } => "duplicate",
            Outcome::NearDuplicate { .. } => "near_duplicate",
            Outcome::Refused { .. } => "refused",
        }
    }
}

/// A stored document.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDoc {
    /// Order of arrival in this store (1, 2, …); used to resume indexing.
    pub seq: u64,
    /// Content identifier.
    pub id: String,
    /// The record as stored.
    pub record: Document,
    /// The raw input.
    pub raw: Vec<u8>,
    /// The input's hints.
    pub hints: Hints,
}

/// One real-world event: event mentions of several articles merged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    /// Identifier derived from the event's content.
    pub id: String,
    /// Event type (`TALKS`, `MEET`, …).
    #[serde(rename = "type")]
    pub kind: String,
    /// Date at the best precision any article gave.
    pub date: Option<String>,
    /// Where it happened.
    pub location: Option<Location>,
    /// Who took part.
    pub participants: Vec<Participant>,
    /// CAMEO code.
    pub cameo: Option<String>,
    /// PLOVER category.
    pub plover: Option<String>,
    /// Evidence: the sentence of the first article (by content identifier) that reports it.
    pub evidence: String,
    /// The articles that report it, as (source, published, evidence), sorted by source.
    pub mentions: Vec<EventMention>,
    /// Number of distinct stories among the mentions: near-duplicate articles count once.
    pub stories: usize,
}

/// One article's report of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventMention {
    /// Content identifier of the article.
    pub doc: String,
    /// Source of the article.
    pub source: String,
    /// Outlet of the article.
    pub outlet: Option<String>,
    /// Publication date of the article.
    pub published: Option<String>,
    /// The sentence the event was read from in this article.
    pub evidence: String,
}

/// A bilateral fact with every article that states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactRow {
    /// Identifier derived from the fact's content.
    pub id: String,
    /// The fact (evidence from the first article by content identifier).
    pub fact: Fact,
    /// The articles that state it, as (source, published, evidence).
    pub mentions: Vec<EventMention>,
}

/// A person as the corpus knows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonRow {
    /// Folded name: the person's key.
    pub key: String,
    /// The most used spelling of the name.
    pub name: String,
    /// The country the person most often acts for.
    pub country: Option<String>,
    /// Other spellings seen.
    pub aliases: Vec<String>,
    /// Roles with the first and last publication dates they were seen with.
    pub roles: Vec<RoleSpan>,
    /// Number of articles naming the person.
    pub articles: usize,
}

/// A role held over a period, as the articles show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleSpan {
    /// The office or title.
    pub role: String,
    /// First publication date it was seen with (if any article had a date).
    pub from: Option<String>,
    /// Last publication date it was seen with.
    pub to: Option<String>,
    /// Number of articles giving it.
    pub articles: usize,
}

/// Which events (or facts) a query wants.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// Countries that must all take part (ISO alpha-2).
    pub countries: Vec<String>,
    /// Event types, any of which may match.
    pub kinds: Vec<String>,
    /// Persons (any spelling, folded) who must all take part.
    pub persons: Vec<String>,
    /// Earliest date, inclusive; partial dates allowed.
    pub from: Option<String>,
    /// Latest date, inclusive; partial dates allowed.
    pub to: Option<String>,
    /// Outlets, any of which must report the event.
    pub outlets: Vec<String>,
}

/// Counts for `stats`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Documents stored.
    pub documents: u64,
    /// Of which near-duplicates of another.
    pub near_duplicates: u64,
    /// Real-world events (merged).
    pub events: u64,
    /// Event mentions (one per article and event).
    pub event_mentions: u64,
    /// Distinct facts.
    pub facts: u64,
    /// Distinct persons.
    pub persons: u64,
    /// Inputs refused, over all runs.
    pub refused: u64,
    /// Documents per outlet, most first.
    pub outlets: Vec<(String, u64)>,
    /// Events per type, most first.
    pub event_types: Vec<(String, u64)>,
    /// First and last publication dates.
    pub published_range: Option<(String, String)>,
}

/// One line of the ingest log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogLine {
    /// The run that wrote it.
    pub run: String,
    /// The input.
    pub input: String,
    /// `stored`, `duplicate`, `near_duplicate` or `refused`.
    pub status: String,
    /// The other document (for duplicates) or the reason (for refusals).
    pub detail: Option<String>,
}

/// A document as first cleaned, for learning its outlet's boilerplate.
#[derive(Debug, Clone, Copy)]
pub struct FirstCleaning<'a> {
    /// Content identifier.
    pub id: &'a str,
    /// The outlet the first cleaning found.
    pub outlet: &'a str,
    /// Fingerprint of the learned lines the current record was cleaned with ("" for none).
    pub applied: &'a str,
    /// The body of the first cleaning.
    pub body: &'a str,
}

/// A document after cleaning it again with its outlet's learned lines.
#[derive(Debug, Clone)]
pub struct Recleaned {
    /// Content identifier.
    pub id: String,
    /// The new record; `None` when cleaning again changes nothing (only `applied` is stored).
    pub record: Option<biennien_record::Document>,
    /// Fingerprint of the learned lines it was cleaned with.
    pub applied: String,
}
