//! The errors of the search index.

use std::path::PathBuf;

/// What went wrong with the search index or a query.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The index directory could not be created.
    #[error("cannot create the search index directory {}", path.display())]
    CreateDir {
        /// The directory.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The search engine failed; `context` says while doing what.
    #[error("search index: cannot {context}")]
    Engine {
        /// What was being done, with the object concerned ("open the index in /x").
        context: String,
        /// The underlying error.
        #[source]
        source: tantivy::TantivyError,
    },
    /// A query filter is not valid (the query text itself never is: it is read as words).
    #[error("bad query: {field} {value:?} {reason}")]
    BadQuery {
        /// The filter (`from`, `to`).
        field: &'static str,
        /// The value given.
        value: String,
        /// Why it is not valid.
        reason: &'static str,
    },
    /// The last commit's payload is not a sequence number.
    #[error("search index: commit payload {payload:?} is not a sequence number")]
    Payload {
        /// The payload found.
        payload: String,
    },
}

/// Attaches a context to tantivy results.
pub(crate) trait Context<T> {
    /// Maps the error to [`SearchError::Engine`] with the context `context()`.
    fn context(self, context: impl FnOnce() -> String) -> Result<T, SearchError>;
}

impl<T, E: Into<tantivy::TantivyError>> Context<T> for Result<T, E> {
    fn context(self, context: impl FnOnce() -> String) -> Result<T, SearchError> {
        self.map_err(|e| SearchError::Engine {
            context: context(),
            source: e.into(),
        })
    }
}
