//! biennien's system of record.
//!
//! The store keeps what `ingest` produces: every document (raw input, record, clean body,
//! metadata), what each article says (persons, event mentions, facts, with their evidence), the
//! links between near-duplicate articles, and the log of every input with what became of it.
//! From those it derives the corpus views: one event per real-world event (mentions merged by
//! `biennien_corpus::merge`), one fact per distinct fact, one person per folded name with roles
//! over time.
//!
//! Every backend implements [`Store`]; callers know nothing else. [`conformance`] is the one test
//! suite every backend passes, so a server backend (PostgreSQL) can be added without touching the
//! callers. [`SqliteStore`] is the embedded backend: one file, WAL journal, a schema versioned by
//! numbered migrations.
//!
//! Two promises hold for every backend:
//! - **Atomic batches.** [`Store::ingest`] stores a whole batch or nothing, so a process killed at
//!   any moment leaves the store as it was after some batch; ingesting the same inputs again
//!   then completes it. A document's identity is its content, so storing it again changes
//!   nothing.
//! - **Order-free views.** The derived views are a function of the set of stored documents, not
//!   of the order they came in: [`Store::refresh`] rebuilds them from the documents whenever
//!   documents were added since the last rebuild.

mod dates;
mod derive;
mod model;
mod sqlite;

#[cfg(any(test, feature = "conformance"))]
pub mod conformance;

pub use derive::fact_key;
pub use model::{
    Entry, EventFilter, EventMention, EventRow, FactRow, FirstCleaning, Hints, Incoming, LogLine,
    Outcome, PersonRow, Recleaned, RoleSpan, Stats, StoredDoc,
};
pub use sqlite::SqliteStore;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database reported an error.
    #[error("{context}: {source}")]
    Database {
        /// What the store was doing.
        context: String,
        /// The database's error.
        #[source]
        source: rusqlite::Error,
    },
    /// A stored value could not be read back.
    #[error("corrupt stored value in {what}: {message}")]
    Corrupt {
        /// Which table or column.
        what: String,
        /// What was wrong.
        message: String,
    },
    /// The data directory was written by a newer version of biennien.
    #[error(
        "{path}: schema version {found} is newer than this build knows ({known}); upgrade biennien"
    )]
    TooNew {
        /// The database file.
        path: String,
        /// Its schema version.
        found: i64,
        /// The newest version this build knows.
        known: i64,
    },
    /// A caller's sink stopped the iteration with an error.
    #[error("{0}")]
    Sink(String),
}

/// The operations every storage backend offers.
pub trait Store {
    /// Stores a batch atomically (all entries or none) and says what became of each entry, in
    /// order. `run` names the ingest run in the log.
    fn ingest(&mut self, run: &str, batch: Vec<Entry>) -> Result<Vec<Outcome>, StoreError>;

    /// The source of the stored document with content identifier `id`, if there is one.
    fn source_of(&self, id: &str) -> Result<Option<String>, StoreError>;

    /// Rebuilds the derived views (merged events, facts, persons) if documents were added since
    /// the last rebuild; returns whether it rebuilt.
    fn refresh(&mut self) -> Result<bool, StoreError>;

    /// Every document that has an outlet, as first cleaned, by identifier.
    fn first_cleaning(
        &self,
        sink: &mut dyn FnMut(FirstCleaning<'_>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;

    /// A value the corpus layer keeps about its own progress (`None` if never set).
    fn state(&self, key: &str) -> Result<Option<String>, StoreError>;

    /// Sets such a value.
    fn set_state(&mut self, key: &str, value: &str) -> Result<(), StoreError>;

    /// The outlet boilerplate learned last, by outlet and key.
    fn learned(&self) -> Result<Vec<biennien_corpus::boilerplate::Learned>, StoreError>;

    /// Replaces the learned outlet boilerplate.
    fn set_learned(
        &mut self,
        learned: &[biennien_corpus::boilerplate::Learned],
    ) -> Result<(), StoreError>;

    /// Stores documents cleaned again (atomically); their index entries become pending and the
    /// derived views stale.
    fn reclean(&mut self, batch: Vec<Recleaned>) -> Result<(), StoreError>;

    /// Documents whose search index entry must be refreshed.
    fn index_pending(&self) -> Result<Vec<String>, StoreError>;

    /// Marks documents as indexed again.
    fn indexed(&mut self, ids: &[String]) -> Result<(), StoreError>;

    /// The sequence number of the last stored document (0 when empty).
    fn last_seq(&self) -> Result<u64, StoreError>;

    /// Up to `limit` documents with a sequence number above `after`, in order.
    fn documents_after(&self, after: u64, limit: usize) -> Result<Vec<StoredDoc>, StoreError>;

    /// One document by content identifier.
    fn document(&self, id: &str) -> Result<Option<StoredDoc>, StoreError>;

    /// The merged events matching `filter`, by date then identifier, passed one by one to `sink`.
    fn events(
        &self,
        filter: &EventFilter,
        sink: &mut dyn FnMut(EventRow) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;

    /// The distinct facts matching `filter` (countries, kinds as fact kinds, dates of the
    /// articles stating them), by kind then identifier.
    fn facts(
        &self,
        filter: &EventFilter,
        sink: &mut dyn FnMut(FactRow) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;

    /// Persons whose name or a spelling of it folds to contain `query` folded, most named
    /// first.
    fn persons(&self, query: &str, limit: usize) -> Result<Vec<PersonRow>, StoreError>;

    /// Corpus counts.
    fn stats(&self) -> Result<Stats, StoreError>;

    /// The ingest log of one run, or of every run.
    fn log(&self, run: Option<&str>) -> Result<Vec<LogLine>, StoreError>;
}
