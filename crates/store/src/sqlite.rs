//! The embedded backend: one SQLite file in WAL mode.
//!
//! Each ingest batch is one immediate transaction; the derived views are rebuilt in one
//! transaction too, and the sequence number they were built up to is stored with them, so a
//! process killed at any point leaves a consistent file and the next run finishes the work.

use std::collections::HashMap;
use std::path::Path;

use biennien_corpus::near;
use biennien_record::Document;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Transaction};

use crate::dates::date_bounds;
use crate::derive::{self, DocView, Extracted};
use biennien_corpus::boilerplate::Learned;
use biennien_corpus::name_key;

use crate::model::{
    Entry, EventFilter, EventRow, FactRow, FirstCleaning, Hints, LogLine, Outcome, PersonRow,
    Recleaned, Stats, StoredDoc,
};
use crate::{Store, StoreError};

/// The schema, one step per version: `PRAGMA user_version` counts the steps applied.
const MIGRATIONS: &[&str] = &[
    // 1: documents, what each says, near-duplicate links, the ingest log, the derived views.
    "CREATE TABLE documents (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        url TEXT,
        title TEXT,
        published TEXT,
        outlet TEXT,
        author TEXT,
        body TEXT NOT NULL,
        record TEXT NOT NULL,
        extracted TEXT NOT NULL,
        raw BLOB NOT NULL,
        hints TEXT NOT NULL
    );
    CREATE TABLE signatures (doc TEXT PRIMARY KEY, source TEXT NOT NULL, signature BLOB NOT NULL)
        WITHOUT ROWID;
    CREATE TABLE bands (key INTEGER NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID;
    CREATE TABLE near_duplicates (
        a TEXT NOT NULL, b TEXT NOT NULL, similarity REAL NOT NULL, PRIMARY KEY (a, b)
    ) WITHOUT ROWID;
    CREATE TABLE ingest_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        run TEXT NOT NULL,
        input TEXT NOT NULL,
        doc TEXT,
        status TEXT NOT NULL,
        detail TEXT
    );
    CREATE INDEX ingest_log_run ON ingest_log (run);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE events (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, date TEXT, date_lo TEXT, date_hi TEXT,
        row TEXT NOT NULL
    );
    CREATE INDEX events_date ON events (date_lo, date_hi);
    CREATE TABLE event_countries (event TEXT NOT NULL, country TEXT NOT NULL,
        PRIMARY KEY (country, event)) WITHOUT ROWID;
    CREATE TABLE event_persons (event TEXT NOT NULL, key TEXT NOT NULL,
        PRIMARY KEY (key, event)) WITHOUT ROWID;
    CREATE TABLE event_outlets (event TEXT NOT NULL, outlet TEXT NOT NULL,
        PRIMARY KEY (outlet, event)) WITHOUT ROWID;
    CREATE TABLE facts (id TEXT PRIMARY KEY, kind TEXT NOT NULL, date_lo TEXT, date_hi TEXT,
        row TEXT NOT NULL);
    CREATE TABLE fact_countries (fact TEXT NOT NULL, country TEXT NOT NULL,
        PRIMARY KEY (country, fact)) WITHOUT ROWID;
    CREATE TABLE persons (key TEXT PRIMARY KEY, articles INTEGER NOT NULL, row TEXT NOT NULL);
    CREATE TABLE person_names (key TEXT NOT NULL, name TEXT NOT NULL,
        PRIMARY KEY (name, key)) WITHOUT ROWID;",
    // 2: outlet boilerplate learned from the corpus, which documents were cleaned again with
    // it (the `body` column keeps the first cleaning, which learning reads), and documents
    // whose index entry must be refreshed.
    "ALTER TABLE documents ADD COLUMN applied TEXT NOT NULL DEFAULT '';
    CREATE TABLE boilerplate (outlet TEXT NOT NULL, key INTEGER NOT NULL, text TEXT NOT NULL,
        docs INTEGER NOT NULL, share REAL NOT NULL, PRIMARY KEY (outlet, key)) WITHOUT ROWID;
    CREATE TABLE index_pending (doc TEXT PRIMARY KEY) WITHOUT ROWID;",
];

/// The SQLite backend.
#[derive(Debug)]
pub struct SqliteStore {
    conn: Connection,
}

fn db(context: impl Into<String>) -> impl FnOnce(rusqlite::Error) -> StoreError {
    let context = context.into();
    move |source| StoreError::Database { context, source }
}

fn corrupt(what: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt {
        what: what.to_string(),
        message: e.to_string(),
    }
}

impl SqliteStore {
    /// Opens (creating if needed) the database file at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let name = path.display().to_string();
        let conn = Connection::open(path).map_err(db(format!("cannot open {name}")))?;
        Self::setup(conn, &name)
    }

    /// A database in memory, for tests.
    pub fn in_memory() -> Result<Self, StoreError> {
        let conn = Connection::open_in_memory().map_err(db("cannot open a database in memory"))?;
        Self::setup(conn, ":memory:")
    }

    fn setup(conn: Connection, name: &str) -> Result<Self, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .map_err(db(format!("{name}: cannot set the busy timeout")))?;
        // WAL: readers never block the writer, and a killed writer loses at most its open
        // transaction. NORMAL sync is safe against process crashes in WAL mode.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(db(format!("{name}: cannot switch to WAL")))?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(db(format!("{name}: cannot set synchronous")))?;
        // A page cache of 64 MB keeps the lookups of a large store (identifiers, bands,
        // signatures) in memory.
        conn.pragma_update(None, "cache_size", -65_536)
            .map_err(db(format!("{name}: cannot set the cache size")))?;
        conn.pragma_update(None, "temp_store", "MEMORY")
            .map_err(db(format!("{name}: cannot set temp_store")))?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(db(format!("{name}: cannot enable foreign keys")))?;
        let mut store = SqliteStore { conn };
        store.migrate(name)?;
        Ok(store)
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(db("cannot read the schema version"))
    }

    fn migrate(&mut self, name: &str) -> Result<(), StoreError> {
        let known = MIGRATIONS.len() as i64;
        let found = self.schema_version()?;
        if found > known {
            return Err(StoreError::TooNew {
                path: name.to_string(),
                found,
                known,
            });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(found.max(0) as usize) {
            let tx = self
                .conn
                .transaction()
                .map_err(db(format!("{name}: cannot start migration {}", i + 1)))?;
            tx.execute_batch(sql)
                .map_err(db(format!("{name}: migration {} failed", i + 1)))?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)
                .map_err(db(format!("{name}: cannot record migration {}", i + 1)))?;
            tx.commit()
                .map_err(db(format!("{name}: cannot commit migration {}", i + 1)))?;
        }
        Ok(())
    }

    fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(db(format!("cannot read {key}")))
    }

    fn store_article(
        tx: &Transaction<'_>,
        run: &str,
        a: &crate::model::Incoming,
    ) -> Result<Outcome, StoreError> {
        let source = &a.record.source;
        if let Some(of) = stored_source(tx, &a.id, source)? {
            log(tx, run, source, Some(&a.id), "duplicate", Some(&of))?;
            prefer_source(tx, &a.id, &of, source)?;
            return Ok(Outcome::Duplicate { of });
        }
        // Near-duplicates: earlier documents sharing a band, compared by signature.
        let mut similar: Vec<(String, String, f64)> = Vec::new();
        if let Some(sig) = a.signature.as_deref().and_then(near::from_bytes) {
            let mut candidates: Vec<String> = Vec::new();
            {
                let mut q = tx
                    .prepare_cached("SELECT doc FROM bands WHERE key = ?1")
                    .map_err(db("cannot look up bands"))?;
                for key in &a.bands {
                    let rows = q
                        .query_map([*key as i64], |r| r.get::<_, String>(0))
                        .map_err(db("cannot look up bands"))?;
                    for r in rows {
                        candidates.push(r.map_err(db("cannot read bands"))?);
                    }
                }
            }
            candidates.sort();
            candidates.dedup();
            let mut q = tx
                .prepare_cached("SELECT source, signature FROM signatures WHERE doc = ?1")
                .map_err(db("cannot read signatures"))?;
            for c in candidates {
                let Some((csource, bytes)) = q
                    .query_row([&c], |r| {
                        Ok((r.get::<_, String>(0)?, r.get::<_, Option<Vec<u8>>>(1)?))
                    })
                    .optional()
                    .map_err(db("cannot read a signature"))?
                else {
                    continue;
                };
                let Some(other) = bytes.as_deref().and_then(near::from_bytes) else {
                    continue;
                };
                let s = near::similarity(&sig, &other);
                if s >= near::NEAR_DUPLICATE {
                    similar.push((c, csource, s));
                }
            }
        }
        let r = &a.record;
        let record = serde_json::to_string(r).map_err(|e| corrupt("record", e))?;
        let extracted = serde_json::to_string(&Extracted {
            persons: r.persons.clone(),
            events: r.events.clone(),
            facts: r.facts.clone(),
        })
        .map_err(|e| corrupt("record", e))?;
        let hints = serde_json::to_string(&a.hints).map_err(|e| corrupt("hints", e))?;
        tx.prepare_cached(
            "INSERT INTO documents (id, source, url, title, published, outlet, author, body,
                record, extracted, raw, hints)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )
        .and_then(|mut q| {
            q.execute(params![
                a.id,
                source,
                a.hints.url,
                r.title,
                r.published,
                r.outlet,
                r.author,
                r.body,
                record,
                extracted,
                a.raw,
                hints
            ])
        })
        .map_err(db(format!("{source}: cannot store the document")))?;
        if let Some(sig) = &a.signature {
            tx.prepare_cached(
                "INSERT OR REPLACE INTO signatures (doc, source, signature) VALUES (?1, ?2, ?3)",
            )
            .and_then(|mut q| q.execute(params![a.id, source, sig]))
            .map_err(db(format!("{source}: cannot store its signature")))?;
        }
        {
            let mut q = tx
                .prepare_cached("INSERT OR IGNORE INTO bands (key, doc) VALUES (?1, ?2)")
                .map_err(db("cannot store bands"))?;
            for key in &a.bands {
                q.execute(params![*key as i64, a.id])
                    .map_err(db(format!("{source}: cannot store bands")))?;
            }
        }
        let mut q = tx
            .prepare_cached(
                "INSERT OR IGNORE INTO near_duplicates (a, b, similarity) VALUES (?1, ?2, ?3)",
            )
            .map_err(db("cannot link near-duplicates"))?;
        for (other, _, s) in &similar {
            let (x, y) = if other < &a.id {
                (other, &a.id)
            } else {
                (&a.id, other)
            };
            q.execute(params![x, y, s])
                .map_err(db(format!("{source}: cannot link near-duplicates")))?;
        }
        // The report names the most similar earlier document (ties: the smallest identifier).
        similar.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)));
        let outcome = match similar.first() {
            Some((_, of, s)) => Outcome::NearDuplicate {
                of: of.clone(),
                similarity: *s,
            },
            None => Outcome::Stored,
        };
        let detail = match &outcome {
            Outcome::NearDuplicate { of, similarity } => Some(format!("{of} ({similarity:.2})")),
            _ => None,
        };
        log(
            tx,
            run,
            source,
            Some(&a.id),
            outcome.status(),
            detail.as_deref(),
        )?;
        Ok(outcome)
    }

    fn doc_views(&self) -> Result<Vec<DocView>, StoreError> {
        let mut q = self
            .conn
            .prepare("SELECT id, source, outlet, published, extracted FROM documents ORDER BY id")
            .map_err(db("cannot read documents"))?;
        let rows = q
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })
            .map_err(db("cannot read documents"))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, source, outlet, published, extracted) =
                row.map_err(db("cannot read documents"))?;
            let mut x: Extracted =
                serde_json::from_str(&extracted).map_err(|e| corrupt("documents.extracted", e))?;
            // The views need no offsets: dropping them keeps a large corpus in less memory.
            for p in &mut x.persons {
                p.mentions = Vec::new();
            }
            for e in &mut x.events {
                e.evidence_span = None;
            }
            out.push(DocView {
                id,
                source,
                outlet,
                published,
                persons: x.persons,
                events: x.events,
                facts: x.facts,
            });
        }
        Ok(out)
    }

    fn pairs(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut q = self
            .conn
            .prepare("SELECT a, b FROM near_duplicates ORDER BY a, b")
            .map_err(db("cannot read near-duplicates"))?;
        let rows = q
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(db("cannot read near-duplicates"))?;
        rows.collect::<Result<_, _>>()
            .map_err(db("cannot read near-duplicates"))
    }
}

/// A document met under several names is known by the smallest, whatever the order they came
/// in: when `offered` sorts before the `current` name of document `id`, it becomes its name.
fn prefer_source(
    tx: &Transaction<'_>,
    id: &str,
    current: &str,
    offered: &str,
) -> Result<(), StoreError> {
    if offered >= current {
        return Ok(());
    }
    let record: String = tx
        .query_row("SELECT record FROM documents WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .map_err(db(format!("{offered}: cannot read the stored copy")))?;
    let mut doc: Document =
        serde_json::from_str(&record).map_err(|e| corrupt("documents.record", e))?;
    doc.source = offered.to_string();
    let record = serde_json::to_string(&doc).map_err(|e| corrupt("record", e))?;
    tx.execute(
        "UPDATE documents SET source = ?2, record = ?3 WHERE id = ?1",
        params![id, offered, record],
    )
    .map_err(db(format!("{offered}: cannot rename the stored copy")))?;
    tx.execute(
        "UPDATE signatures SET source = ?2 WHERE doc = ?1",
        params![id, offered],
    )
    .map_err(db(format!("{offered}: cannot rename the stored copy")))?;
    // The views name documents by source: rebuild them.
    views_stale(tx)
}

/// The source of the stored document with content identifier `id` (`input` names what asked,
/// for the error).
fn stored_source(conn: &Connection, id: &str, input: &str) -> Result<Option<String>, StoreError> {
    conn.query_row("SELECT source FROM documents WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .optional()
    .map_err(db(format!("{input}: cannot look up its identifier")))
}

/// Marks the derived views as stale: the next refresh rebuilds them.
fn views_stale(conn: &Connection) -> Result<(), StoreError> {
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('derived_up_to', '-1')",
        [],
    )
    .map(|_| ())
    .map_err(db("cannot record the views' state"))
}

fn log(
    tx: &Transaction<'_>,
    run: &str,
    input: &str,
    doc: Option<&str>,
    status: &str,
    detail: Option<&str>,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO ingest_log (run, input, doc, status, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
    )
    .and_then(|mut q| q.execute(params![run, input, doc, status, detail]))
    .map_err(db(format!("{input}: cannot write the ingest log")))?;
    Ok(())
}

fn bounds(date: Option<&str>) -> (Option<String>, Option<String>) {
    match date.and_then(date_bounds) {
        Some((lo, hi)) => (Some(lo), Some(hi)),
        None => (None, None),
    }
}

/// The SQL conditions of a filter on the table aliased `t`, with their numbered parameters.
struct Where {
    sql: Vec<String>,
    args: Vec<String>,
}

impl Where {
    fn new() -> Self {
        Where {
            sql: Vec::new(),
            args: Vec::new(),
        }
    }

    fn push(&mut self, sql: &str, arg: String) {
        self.args.push(arg);
        self.sql
            .push(sql.replace('?', &format!("?{}", self.args.len())));
    }

    /// Takes `values` as parameters and returns their placeholders, comma-separated.
    fn marks(&mut self, values: &[String]) -> String {
        let mut marks = Vec::new();
        for v in values {
            self.args.push(v.clone());
            marks.push(format!("?{}", self.args.len()));
        }
        marks.join(", ")
    }

    fn any_of(&mut self, column: &str, values: &[String]) {
        if values.is_empty() {
            return;
        }
        let marks = self.marks(values);
        self.sql.push(format!("{column} IN ({marks})"));
    }

    fn dates(&mut self, filter: &EventFilter) {
        if let Some((lo, _)) = filter.from.as_deref().and_then(date_bounds) {
            self.push("t.date_hi >= ?", lo);
        } else if filter.from.is_some() {
            self.sql.push("0".into());
        }
        if let Some((_, hi)) = filter.to.as_deref().and_then(date_bounds) {
            self.push("t.date_lo <= ?", hi);
        } else if filter.to.is_some() {
            self.sql.push("0".into());
        }
    }

    fn clause(&self) -> String {
        if self.sql.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.sql.join(" AND "))
        }
    }
}

impl Store for SqliteStore {
    fn ingest(&mut self, run: &str, batch: Vec<Entry>) -> Result<Vec<Outcome>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(db("cannot start an ingest transaction"))?;
        let mut outcomes = Vec::with_capacity(batch.len());
        for entry in &batch {
            let outcome = match entry {
                Entry::Refused { input, reason } => {
                    log(&tx, run, input, None, "refused", Some(reason))?;
                    Outcome::Refused {
                        reason: reason.clone(),
                    }
                }
                Entry::Article(a) => Self::store_article(&tx, run, a)?,
                Entry::Known { input, id } => match stored_source(&tx, id, input)? {
                    Some(of) => {
                        log(&tx, run, input, Some(id), "duplicate", Some(&of))?;
                        prefer_source(&tx, id, &of, input)?;
                        Outcome::Duplicate { of }
                    }
                    None => {
                        let reason = "content was announced as stored but is not; ingest it again"
                            .to_string();
                        log(&tx, run, input, Some(id), "refused", Some(&reason))?;
                        Outcome::Refused { reason }
                    }
                },
            };
            outcomes.push(outcome);
        }
        tx.commit().map_err(db("cannot commit an ingest batch"))?;
        Ok(outcomes)
    }

    fn source_of(&self, id: &str) -> Result<Option<String>, StoreError> {
        stored_source(&self.conn, id, id)
    }

    fn refresh(&mut self) -> Result<bool, StoreError> {
        let last = self.last_seq()?;
        let built: u64 = self
            .meta("derived_up_to")?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        if built == last && last > 0 {
            return Ok(false);
        }
        let docs = self.doc_views()?;
        let pairs = self.pairs()?;
        let groups = derive::story_groups(&pairs);
        let events = derive::events(&docs, &groups);
        let facts = derive::facts(&docs);
        let persons = derive::persons(&docs);
        let outlet_of: HashMap<&str, Option<&str>> = docs
            .iter()
            .map(|d| (d.id.as_str(), d.outlet.as_deref()))
            .collect();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(db("cannot start rebuilding the views"))?;
        tx.execute_batch(
            "DELETE FROM events; DELETE FROM event_countries; DELETE FROM event_persons;
             DELETE FROM event_outlets; DELETE FROM facts; DELETE FROM fact_countries;
             DELETE FROM persons; DELETE FROM person_names;",
        )
        .map_err(db("cannot clear the views"))?;
        {
            let mut ins = tx
                .prepare("INSERT INTO events (id, kind, date, date_lo, date_hi, row) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .map_err(db("cannot store events"))?;
            let mut ins_c = tx
                .prepare("INSERT OR IGNORE INTO event_countries (event, country) VALUES (?1, ?2)")
                .map_err(db("cannot store events"))?;
            let mut ins_p = tx
                .prepare("INSERT OR IGNORE INTO event_persons (event, key) VALUES (?1, ?2)")
                .map_err(db("cannot store events"))?;
            let mut ins_o = tx
                .prepare("INSERT OR IGNORE INTO event_outlets (event, outlet) VALUES (?1, ?2)")
                .map_err(db("cannot store events"))?;
            for e in &events {
                let (lo, hi) = bounds(e.date.as_deref());
                let row = serde_json::to_string(e).map_err(|x| corrupt("events", x))?;
                ins.execute(params![e.id, e.kind, e.date, lo, hi, row])
                    .map_err(db("cannot store an event"))?;
                // The countries of an event are those of its participants: a meeting held in
                // Peru between Viet Nam and Canada is no event of Peru's.
                let countries = e.participants.iter().filter_map(|p| p.country.as_deref());
                for c in countries {
                    ins_c
                        .execute(params![e.id, c])
                        .map_err(db("cannot store an event"))?;
                }
                for p in &e.participants {
                    if let Some(n) = &p.name {
                        ins_p
                            .execute(params![e.id, name_key(n)])
                            .map_err(db("cannot store an event"))?;
                    }
                }
                for m in &e.mentions {
                    if let Some(Some(o)) = outlet_of.get(m.doc.as_str()) {
                        ins_o
                            .execute(params![e.id, name_key(o)])
                            .map_err(db("cannot store an event"))?;
                    }
                }
            }
            let mut ins = tx
                .prepare("INSERT INTO facts (id, kind, date_lo, date_hi, row) VALUES (?1, ?2, ?3, ?4, ?5)")
                .map_err(db("cannot store facts"))?;
            let mut ins_c = tx
                .prepare("INSERT OR IGNORE INTO fact_countries (fact, country) VALUES (?1, ?2)")
                .map_err(db("cannot store facts"))?;
            for f in &facts {
                // A fact is dated by the articles that state it.
                let dates: Vec<&str> = f
                    .mentions
                    .iter()
                    .filter_map(|m| m.published.as_deref())
                    .collect();
                let lo = dates
                    .iter()
                    .filter_map(|d| date_bounds(d))
                    .map(|b| b.0)
                    .min();
                let hi = dates
                    .iter()
                    .filter_map(|d| date_bounds(d))
                    .map(|b| b.1)
                    .max();
                let row = serde_json::to_string(f).map_err(|x| corrupt("facts", x))?;
                ins.execute(params![f.id, f.fact.kind, lo, hi, row])
                    .map_err(db("cannot store a fact"))?;
                for c in &f.fact.countries {
                    ins_c
                        .execute(params![f.id, c])
                        .map_err(db("cannot store a fact"))?;
                }
            }
            let mut ins = tx
                .prepare("INSERT INTO persons (key, articles, row) VALUES (?1, ?2, ?3)")
                .map_err(db("cannot store persons"))?;
            let mut ins_n = tx
                .prepare("INSERT OR IGNORE INTO person_names (key, name) VALUES (?1, ?2)")
                .map_err(db("cannot store persons"))?;
            for p in &persons {
                let row = serde_json::to_string(p).map_err(|x| corrupt("persons", x))?;
                ins.execute(params![p.key, p.articles as i64, row])
                    .map_err(db("cannot store a person"))?;
                for a in &p.aliases {
                    ins_n
                        .execute(params![p.key, name_key(a)])
                        .map_err(db("cannot store a person"))?;
                }
            }
        }
        tx.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('derived_up_to', ?1)",
            [last.to_string()],
        )
        .map_err(db("cannot record the views' state"))?;
        tx.commit().map_err(db("cannot commit the views"))?;
        Ok(true)
    }

    fn first_cleaning(
        &self,
        sink: &mut dyn FnMut(FirstCleaning<'_>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut q = self
            .conn
            .prepare("SELECT id, outlet, applied, body FROM documents WHERE outlet IS NOT NULL ORDER BY id")
            .map_err(db("cannot read documents"))?;
        let mut rows = q.query([]).map_err(db("cannot read documents"))?;
        while let Some(r) = rows.next().map_err(db("cannot read documents"))? {
            let id: String = r.get(0).map_err(db("cannot read documents"))?;
            let outlet: String = r.get(1).map_err(db("cannot read documents"))?;
            let applied: String = r.get(2).map_err(db("cannot read documents"))?;
            let body: String = r.get(3).map_err(db("cannot read documents"))?;
            sink(FirstCleaning {
                id: &id,
                outlet: &outlet,
                applied: &applied,
                body: &body,
            })?;
        }
        Ok(())
    }

    fn state(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.meta(&format!("state:{key}"))
    }

    fn set_state(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
                params![format!("state:{key}"), value],
            )
            .map(|_| ())
            .map_err(db(format!("cannot record {key}")))
    }

    fn learned(&self) -> Result<Vec<Learned>, StoreError> {
        let mut q = self
            .conn
            .prepare("SELECT outlet, key, text, docs, share FROM boilerplate ORDER BY outlet, key")
            .map_err(db("cannot read the learned boilerplate"))?;
        let rows = q
            .query_map([], |r| {
                Ok(Learned {
                    outlet: r.get(0)?,
                    key: r.get::<_, i64>(1)? as u64,
                    text: r.get(2)?,
                    docs: r.get::<_, i64>(3)?.max(0) as usize,
                    share: r.get(4)?,
                })
            })
            .map_err(db("cannot read the learned boilerplate"))?;
        rows.collect::<Result<_, _>>()
            .map_err(db("cannot read the learned boilerplate"))
    }

    fn set_learned(&mut self, learned: &[Learned]) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(db("cannot store the learned boilerplate"))?;
        tx.execute("DELETE FROM boilerplate", [])
            .map_err(db("cannot store the learned boilerplate"))?;
        {
            let mut ins = tx
                .prepare("INSERT OR REPLACE INTO boilerplate (outlet, key, text, docs, share) VALUES (?1, ?2, ?3, ?4, ?5)")
                .map_err(db("cannot store the learned boilerplate"))?;
            for l in learned {
                ins.execute(params![
                    l.outlet,
                    l.key as i64,
                    l.text,
                    l.docs as i64,
                    l.share
                ])
                .map_err(db("cannot store the learned boilerplate"))?;
            }
        }
        tx.commit()
            .map_err(db("cannot store the learned boilerplate"))
    }

    fn reclean(&mut self, batch: Vec<Recleaned>) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(db("cannot start storing cleaned documents"))?;
        {
            let mut upd = tx
                .prepare(
                    "UPDATE documents SET record = ?2, extracted = ?3, applied = ?4 WHERE id = ?1",
                )
                .map_err(db("cannot store cleaned documents"))?;
            let mut mark = tx
                .prepare("UPDATE documents SET applied = ?2 WHERE id = ?1")
                .map_err(db("cannot store cleaned documents"))?;
            let mut pending = tx
                .prepare("INSERT OR IGNORE INTO index_pending (doc) VALUES (?1)")
                .map_err(db("cannot store cleaned documents"))?;
            for r in &batch {
                match &r.record {
                    Some(doc) => {
                        let record =
                            serde_json::to_string(doc).map_err(|e| corrupt("record", e))?;
                        let extracted = serde_json::to_string(&Extracted {
                            persons: doc.persons.clone(),
                            events: doc.events.clone(),
                            facts: doc.facts.clone(),
                        })
                        .map_err(|e| corrupt("record", e))?;
                        upd.execute(params![r.id, record, extracted, r.applied])
                            .map_err(db(format!(
                                "{}: cannot store the cleaned record",
                                doc.source
                            )))?;
                        pending
                            .execute([&r.id])
                            .map_err(db("cannot mark a document for indexing"))?;
                    }
                    None => {
                        mark.execute(params![r.id, r.applied])
                            .map_err(db("cannot store cleaned documents"))?;
                    }
                }
            }
        }
        // The views must be rebuilt from the new records.
        views_stale(&tx)?;
        tx.commit().map_err(db("cannot commit cleaned documents"))
    }

    fn index_pending(&self) -> Result<Vec<String>, StoreError> {
        let mut q = self
            .conn
            .prepare("SELECT doc FROM index_pending ORDER BY doc")
            .map_err(db("cannot read pending documents"))?;
        let rows = q
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(db("cannot read pending documents"))?;
        rows.collect::<Result<_, _>>()
            .map_err(db("cannot read pending documents"))
    }

    fn indexed(&mut self, ids: &[String]) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction()
            .map_err(db("cannot clear pending documents"))?;
        {
            let mut del = tx
                .prepare("DELETE FROM index_pending WHERE doc = ?1")
                .map_err(db("cannot clear pending documents"))?;
            for id in ids {
                del.execute([id])
                    .map_err(db("cannot clear pending documents"))?;
            }
        }
        tx.commit().map_err(db("cannot clear pending documents"))
    }

    fn last_seq(&self) -> Result<u64, StoreError> {
        self.conn
            .query_row("SELECT COALESCE(MAX(seq), 0) FROM documents", [], |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| n.max(0) as u64)
            .map_err(db("cannot read the last sequence number"))
    }

    fn documents_after(&self, after: u64, limit: usize) -> Result<Vec<StoredDoc>, StoreError> {
        let mut q = self
            .conn
            .prepare_cached(
                "SELECT seq, id, record, raw, hints FROM documents WHERE seq > ?1 ORDER BY seq LIMIT ?2",
            )
            .map_err(db("cannot read documents"))?;
        let rows = q
            .query_map(params![after as i64, limit as i64], stored_doc)
            .map_err(db("cannot read documents"))?;
        let mut out = Vec::new();
        for r in rows {
            out.push(parse_stored(r.map_err(db("cannot read documents"))?)?);
        }
        Ok(out)
    }

    fn document(&self, id: &str) -> Result<Option<StoredDoc>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT seq, id, record, raw, hints FROM documents WHERE id = ?1",
                [id],
                stored_doc,
            )
            .optional()
            .map_err(db(format!("cannot read document {id}")))?;
        row.map(parse_stored).transpose()
    }

    fn events(
        &self,
        filter: &EventFilter,
        sink: &mut dyn FnMut(EventRow) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut w = Where::new();
        w.any_of("t.kind", &filter.kinds);
        for c in &filter.countries {
            w.push(
                "EXISTS (SELECT 1 FROM event_countries c WHERE c.event = t.id AND c.country = ?)",
                c.to_uppercase(),
            );
        }
        for p in &filter.persons {
            w.push(
                "EXISTS (SELECT 1 FROM event_persons p WHERE p.event = t.id AND p.key LIKE '%' || ? || '%')",
                name_key(p),
            );
        }
        if !filter.outlets.is_empty() {
            let folded: Vec<String> = filter.outlets.iter().map(|o| name_key(o)).collect();
            let marks = w.marks(&folded);
            w.sql.push(format!(
                "EXISTS (SELECT 1 FROM event_outlets o WHERE o.event = t.id AND o.outlet IN ({marks}))"
            ));
        }
        w.dates(filter);
        let sql = format!(
            "SELECT t.row FROM events t {} ORDER BY t.date_lo IS NULL, t.date_lo, t.date, t.id",
            w.clause()
        );
        let mut q = self.conn.prepare(&sql).map_err(db("cannot query events"))?;
        let mut rows = q
            .query(params_from_iter(w.args.iter()))
            .map_err(db("cannot query events"))?;
        while let Some(r) = rows.next().map_err(db("cannot read events"))? {
            let json: String = r.get(0).map_err(db("cannot read events"))?;
            let e: EventRow = serde_json::from_str(&json).map_err(|x| corrupt("events", x))?;
            sink(e)?;
        }
        Ok(())
    }

    fn facts(
        &self,
        filter: &EventFilter,
        sink: &mut dyn FnMut(FactRow) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut w = Where::new();
        w.any_of("t.kind", &filter.kinds);
        for c in &filter.countries {
            w.push(
                "EXISTS (SELECT 1 FROM fact_countries c WHERE c.fact = t.id AND c.country = ?)",
                c.to_uppercase(),
            );
        }
        w.dates(filter);
        let sql = format!(
            "SELECT t.row FROM facts t {} ORDER BY t.kind, t.id",
            w.clause()
        );
        let mut q = self.conn.prepare(&sql).map_err(db("cannot query facts"))?;
        let mut rows = q
            .query(params_from_iter(w.args.iter()))
            .map_err(db("cannot query facts"))?;
        while let Some(r) = rows.next().map_err(db("cannot read facts"))? {
            let json: String = r.get(0).map_err(db("cannot read facts"))?;
            let f: FactRow = serde_json::from_str(&json).map_err(|x| corrupt("facts", x))?;
            sink(f)?;
        }
        Ok(())
    }

    fn persons(&self, query: &str, limit: usize) -> Result<Vec<PersonRow>, StoreError> {
        let key = name_key(query);
        let mut q = self
            .conn
            .prepare_cached(
                "SELECT row FROM persons WHERE key LIKE '%' || ?1 || '%'
                    OR key IN (SELECT key FROM person_names WHERE name LIKE '%' || ?1 || '%')
                 ORDER BY key = ?1 DESC, articles DESC, key LIMIT ?2",
            )
            .map_err(db("cannot query persons"))?;
        let rows = q
            .query_map(params![key, limit as i64], |r| r.get::<_, String>(0))
            .map_err(db("cannot query persons"))?;
        let mut out = Vec::new();
        for r in rows {
            let json = r.map_err(db("cannot read persons"))?;
            out.push(serde_json::from_str(&json).map_err(|x| corrupt("persons", x))?);
        }
        Ok(out)
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        let count = |sql: &str| -> Result<u64, StoreError> {
            self.conn
                .query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(|n| n.max(0) as u64)
                .map_err(db("cannot count"))
        };
        let grouped = |sql: &str| -> Result<Vec<(String, u64)>, StoreError> {
            let mut q = self.conn.prepare(sql).map_err(db("cannot count"))?;
            let rows = q
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
                .map_err(db("cannot count"))?;
            rows.map(|r| r.map(|(k, n)| (k, n.max(0) as u64)))
                .collect::<Result<_, _>>()
                .map_err(db("cannot count"))
        };
        let range: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT MIN(published), MAX(published) FROM documents WHERE published IS NOT NULL",
                [],
                |r| {
                    Ok((
                        r.get::<_, Option<String>>(0)?,
                        r.get::<_, Option<String>>(1)?,
                    ))
                },
            )
            .map(|(a, b)| a.zip(b))
            .map_err(db("cannot count"))?;
        Ok(Stats {
            documents: count("SELECT COUNT(*) FROM documents")?,
            near_duplicates: count(
                "SELECT COUNT(*) FROM (SELECT b FROM near_duplicates UNION SELECT a FROM near_duplicates)",
            )?,
            events: count("SELECT COUNT(*) FROM events")?,
            event_mentions: count(
                "SELECT COALESCE(SUM(json_array_length(row, '$.mentions')), 0) FROM events",
            )?,
            facts: count("SELECT COUNT(*) FROM facts")?,
            persons: count("SELECT COUNT(*) FROM persons")?,
            refused: count(
                "SELECT COUNT(DISTINCT input || char(0) || COALESCE(detail, '')) FROM ingest_log WHERE status = 'refused'",
            )?,
            outlets: grouped(
                "SELECT COALESCE(outlet, '(unknown)'), COUNT(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1",
            )?,
            event_types: grouped(
                "SELECT kind, COUNT(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1",
            )?,
            published_range: range,
        })
    }

    fn log(&self, run: Option<&str>) -> Result<Vec<LogLine>, StoreError> {
        let mut q = self
            .conn
            .prepare(
                "SELECT run, input, status, detail FROM ingest_log
                 WHERE ?1 IS NULL OR run = ?1 ORDER BY seq",
            )
            .map_err(db("cannot read the ingest log"))?;
        let rows = q
            .query_map([run], |r| {
                Ok(LogLine {
                    run: r.get(0)?,
                    input: r.get(1)?,
                    status: r.get(2)?,
                    detail: r.get(3)?,
                })
            })
            .map_err(db("cannot read the ingest log"))?;
        rows.collect::<Result<_, _>>()
            .map_err(db("cannot read the ingest log"))
    }
}

type RawStored = (i64, String, String, Vec<u8>, String);

fn stored_doc(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawStored> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn parse_stored((seq, id, record, raw, hints): RawStored) -> Result<StoredDoc, StoreError> {
    let record: Document =
        serde_json::from_str(&record).map_err(|e| corrupt("documents.record", e))?;
    let hints: Hints = serde_json::from_str(&hints).map_err(|e| corrupt("documents.hints", e))?;
    Ok(StoredDoc {
        seq: seq.max(0) as u64,
        id,
        record,
        raw,
        hints,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conformance_in_memory() {
        crate::conformance::run_all(|| SqliteStore::in_memory().expect("open"));
    }

    #[test]
    fn conformance_on_disk_and_reopen() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("store.db");
        crate::conformance::run_all(|| {
            let _ = std::fs::remove_file(&path);
            let _ = std::fs::remove_file(path.with_extension("db-wal"));
            let _ = std::fs::remove_file(path.with_extension("db-shm"));
            SqliteStore::open(&path).expect("open")
        });
        let mut s = SqliteStore::open(&path).expect("open");
        crate::conformance::survives_reopen(&mut s, || SqliteStore::open(&path).expect("reopen"));
    }

    #[test]
    fn migrations_set_the_version_and_refuse_newer_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("v.db");
        let s = SqliteStore::open(&path).expect("open");
        assert_eq!(
            s.schema_version().expect("version"),
            MIGRATIONS.len() as i64
        );
        s.conn
            .pragma_update(None, "user_version", 99)
            .expect("set version");
        drop(s);
        let err = SqliteStore::open(&path).expect_err("newer schema");
        assert!(err.to_string().contains("schema version 99"), "{err}");
    }
}
