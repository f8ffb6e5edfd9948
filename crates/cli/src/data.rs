//! The data directory: the store file and the search index beside it, opened together.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use biennien_search::{Index, SearchDoc};
use biennien_store::{SqliteStore, Store, StoredDoc};

/// The default data directory.
pub const DEFAULT_DATA: &str = "biennien-data";

/// Where commands find their data: `--data DIR`.
#[derive(Debug, Clone, clap::Args)]
pub struct DataArgs {
    /// Data directory (created by `ingest`).
    #[arg(long, value_name = "DIR", default_value = DEFAULT_DATA)]
    pub data: PathBuf,
}

/// The store and the index of one data directory.
pub struct Data {
    pub dir: PathBuf,
    pub store: SqliteStore,
    pub index: Index,
}

impl std::fmt::Debug for Data {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Data").field("dir", &self.dir).finish()
    }
}

fn store_path(dir: &Path) -> PathBuf {
    dir.join("store.db")
}

impl Data {
    /// Opens the data directory, creating it when `create` is set.
    pub fn open(dir: &Path, create: bool) -> Result<Data> {
        if create {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create the data directory {}", dir.display()))?;
        } else if !store_path(dir).exists() {
            anyhow::bail!(
                "{}: no biennien data here; run `biennien ingest INPUT --data {}` first",
                dir.display(),
                dir.display()
            );
        }
        let store = SqliteStore::open(&store_path(dir))
            .with_context(|| format!("cannot open the store in {}", dir.display()))?;
        let index = Index::open_or_create(&dir.join("index"))
            .with_context(|| format!("cannot open the search index in {}", dir.display()))?;
        Ok(Data {
            dir: dir.to_path_buf(),
            store,
            index,
        })
    }

    /// Brings the derived views and the search index up to date with the stored documents
    /// (after an ingest, or after a run that was killed before it could). Returns the number of
    /// documents indexed.
    pub fn catch_up(&mut self) -> Result<u64> {
        self.store
            .refresh()
            .context("cannot rebuild the corpus views")?;
        let last = self.store.last_seq()?;
        let mut done = self.index.indexed_up_to()?;
        if done > last {
            // The index is ahead of the store (a store restored from an older copy): rebuild.
            done = 0;
            let mut w = self.index.writer()?;
            w.clear()?;
            w.commit(0)?;
        }
        if done == last {
            return Ok(0);
        }
        let mut w = self.index.writer()?;
        let mut n = 0u64;
        loop {
            let docs = self.store.documents_after(done, 512)?;
            let Some(tail) = docs.last().map(|d| d.seq) else {
                break;
            };
            for d in &docs {
                w.upsert(&search_doc(d))?;
                n += 1;
            }
            done = tail;
        }
        w.commit(done)?;
        Ok(n)
    }

    /// Drops the search index and builds it again from the store.
    pub fn reindex(&mut self) -> Result<u64> {
        let mut w = self.index.writer()?;
        w.clear()?;
        w.commit(0)?;
        self.catch_up()
    }
}

/// What the index holds of a stored document.
pub fn search_doc(d: &StoredDoc) -> SearchDoc {
    let r = &d.record;
    let mut countries: Vec<String> = r
        .persons
        .iter()
        .filter_map(|p| p.country.clone())
        .chain(
            r.events
                .iter()
                .flat_map(|e| e.participants.iter().filter_map(|p| p.country.clone())),
        )
        .chain(r.facts.iter().flat_map(|f| f.countries.iter().cloned()))
        .collect();
    countries.sort();
    countries.dedup();
    let mut persons: Vec<String> = r.persons.iter().map(|p| p.name.clone()).collect();
    persons.sort();
    persons.dedup();
    let mut event_types: Vec<String> = r.events.iter().map(|e| e.kind.clone()).collect();
    event_types.sort();
    event_types.dedup();
    SearchDoc {
        id: d.id.clone(),
        title: r.title.clone().unwrap_or_default(),
        body: r.body.clone(),
        outlet: r.outlet.clone(),
        published: r.published.clone(),
        countries,
        persons,
        event_types,
    }
}
