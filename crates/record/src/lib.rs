//! The document record: what biennien emits for one input article.
//!
//! The shape follows the evaluation format (one JSON object per article, one per line). Every
//! field the extraction has not filled yet is an empty list or `null`, never missing, so that
//! consumers can rely on the keys being present. Records are plain data: building them is the job
//! of the pipeline crates, printing them the job of the binary.

use serde::{Deserialize, Serialize};

mod json;

/// A half-open byte range `[start, end)` into the text it was taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Why a piece of the raw text is not part of the article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalReason {
    /// The article title, kept in `title` rather than in the body.
    Title,
    /// A navigation menu: a run of short list items such as provinces or sections.
    Menu,
    /// A prompt to share, follow, subscribe or comment.
    SharePrompt,
    /// A header announcing other stories ("Tin liên quan", "Đọc thêm", …).
    RelatedHeader,
    /// A teaser (title, lead or picture) of another story.
    RelatedStory,
    /// A photo caption ("… Ảnh: X", "(Ảnh: X)").
    Caption,
    /// An image file name such as `ttxvn_chile.jpg`.
    ImageFile,
    /// A line that repeats an earlier one verbatim.
    Duplicate,
    /// The outlet tag: "(Chinhphu.vn) -", "(TTXVN/Vietnam+)", "Theo baoquocte.vn".
    OutletTag,
    /// The author's byline.
    Byline,
    /// A dateline such as "(từ thủ đô Lima, Peru)".
    Dateline,
    /// A publication date or time stamp line.
    Timestamp,
    /// A page footer: copyright, contact, licence, tags.
    Footer,
    /// Text after the end mark "./." that closes the story.
    AfterEndMark,
    /// A line of the outlet's template learned from the corpus.
    OutletBoilerplate,
    /// Text that carries no words (separators, stray symbols).
    Empty,
}

/// One piece of the input the cleaner left out of the body, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// Why it was left out.
    pub reason: RemovalReason,
    /// The text that was removed (as normalized).
    pub text: String,
    /// Where it stood in the original input text, in bytes.
    pub span: Span,
}

/// A named person the article mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Person {
    /// Canonical full name.
    pub name: String,
    /// ISO 3166-1 alpha-2 code of the state the person acts for; `None` for officials of
    /// international organizations.
    pub country: Option<String>,
    /// Offices and titles the article gives.
    #[serde(default)]
    pub roles: Vec<String>,
    /// Other forms of the name seen in the article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Where the person is mentioned in the body, in bytes of the body.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Span>,
}

/// A place an event happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Location {
    /// City or place name as the article gives it.
    pub name: Option<String>,
    /// ISO 3166-1 alpha-2 code of the country.
    pub country: Option<String>,
}

/// Someone taking part in an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Participant {
    /// Canonical name; `None` when the article names only the office.
    pub name: Option<String>,
    /// Country acted for.
    pub country: Option<String>,
    /// The role in which the person acted.
    pub role: Option<String>,
}

/// A diplomatic event the article reports as having happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Event {
    /// One of the event types of the guidelines (`TALKS`, `MEET`, …).
    #[serde(rename = "type")]
    pub kind: String,
    /// ISO 8601 date at the precision the text supports.
    pub date: Option<String>,
    /// Where it happened.
    pub location: Option<Location>,
    /// Who took part.
    pub participants: Vec<Participant>,
    /// The sentence(s) it was read from.
    pub evidence: String,
    /// Where the evidence stands in the body, in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_span: Option<Span>,
    /// CAMEO event code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    /// PLOVER event category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plover: Option<String>,
}

/// A standing fact about a pair of countries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Fact {
    /// `relations_established`, `partnership`, `trade_volume`, `trade_rank` or `aid`.
    pub kind: String,
    /// The two countries, sorted.
    pub countries: Vec<String>,
    /// Date, for `relations_established`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Partnership level, for `partnership`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// Amount, for `trade_volume` and `aid`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    /// Currency code, for `trade_volume` and `aid`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Country ranked, for `trade_rank`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Rank, for `trade_rank`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<u32>,
    /// Donor country, for `aid`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub donor: Option<String>,
    /// The sentence the fact was read from.
    #[serde(default)]
    pub evidence: String,
    /// Where the evidence stands in the body, in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_span: Option<Span>,
}

/// The record of one input article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Document {
    /// Path or URL of the input.
    pub source: String,
    /// Article title.
    pub title: Option<String>,
    /// Publication date or date-time, ISO 8601, at the precision known.
    pub published: Option<String>,
    /// The outlet that published it.
    pub outlet: Option<String>,
    /// The author's byline.
    pub author: Option<String>,
    /// The article's URL: a web page's canonical URL, else the URL given with the input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The page's language, as it declares it ("vi").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// When the page was fetched, for pages read from a web archive (the record's date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched: Option<String>,
    /// Dateline, when the article gives one ("Lima, Peru").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// The article's own text, paragraphs separated by blank lines.
    pub body: String,
    /// Named persons.
    pub persons: Vec<Person>,
    /// Diplomatic events.
    pub events: Vec<Event>,
    /// Bilateral facts.
    pub facts: Vec<Fact>,
    /// What the cleaner left out of the body, and why.
    pub removed: Vec<Removed>,
    /// How the input bytes were decoded, when not plain UTF-8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Problems met that did not stop processing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// Why the document could not be processed, when it could not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}
