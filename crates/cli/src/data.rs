//! The data directory: the store file and the search index beside it, opened together.

use std::path::{Path, PathBuf};

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use biennien_corpus::boilerplate::{Learned, Learner};
use biennien_corpus::ids::short_id;
use biennien_input::{Content, RawDoc};
use biennien_pipeline::process_with;
use biennien_search::{Index, SearchDoc};
use biennien_store::{Recleaned, SqliteStore, Store, StoredDoc};
use rayon::prelude::*;

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
        let index_dir = dir.join("index");
        let index = match Index::open_or_create(&index_dir) {
            Ok(i) => i,
            Err(e) if index_dir.is_dir() => {
                // The index is derived from the store: one written by another version (or
                // damaged) is rebuilt rather than refused.
                eprintln!(
                    "biennien: {}: the search index cannot be read ({e}); rebuilding it from the store",
                    dir.display()
                );
                std::fs::remove_dir_all(&index_dir).with_context(|| {
                    format!("cannot remove the old search index {}", index_dir.display())
                })?;
                Index::open_or_create(&index_dir).with_context(|| {
                    format!("cannot create the search index in {}", dir.display())
                })?
            }
            Err(e) => {
                return Err(e)
                    .with_context(|| format!("cannot open the search index in {}", dir.display()))
            }
        };
        Ok(Data {
            dir: dir.to_path_buf(),
            store,
            index,
        })
    }

    /// Brings everything derived from the stored documents up to date: the outlet boilerplate
    /// learned from them (and the documents cleaned again with it), the corpus views and the
    /// search index. Safe to interrupt at any point: the next call finishes the work.
    pub fn catch_up(&mut self) -> Result<CaughtUp> {
        let mut done = CaughtUp::default();
        let clock = Instant::now();
        self.learn_boilerplate(&mut done)?;
        done.learning = clock.elapsed();
        let clock = Instant::now();
        self.store
            .refresh()
            .context("cannot rebuild the corpus views")?;
        done.views = clock.elapsed();
        let clock = Instant::now();
        let last = self.store.last_seq()?;
        let mut upto = self.index.indexed_up_to()?;
        if upto > last {
            // The index is ahead of the store (a store restored from an older copy): rebuild.
            upto = 0;
            let mut w = self.index.writer()?;
            w.clear()?;
            w.commit(0)?;
        }
        let pending = self.store.index_pending()?;
        if upto == last && pending.is_empty() {
            done.indexing = clock.elapsed();
            return Ok(done);
        }
        let mut w = self.index.writer()?;
        for id in &pending {
            if let Some(d) = self.store.document(id)? {
                w.upsert(&search_doc(&d))?;
                done.indexed += 1;
            }
        }
        loop {
            let docs = self.store.documents_after(upto, 512)?;
            let Some(tail) = docs.last().map(|d| d.seq) else {
                break;
            };
            for d in &docs {
                w.upsert(&search_doc(d))?;
                done.indexed += 1;
            }
            upto = tail;
        }
        w.commit(upto)?;
        self.store.indexed(&pending)?;
        done.indexing = clock.elapsed();
        Ok(done)
    }

    /// Learns each outlet's boilerplate from the documents as first cleaned and cleans again
    /// the documents it concerns (only when documents were added since the last time).
    fn learn_boilerplate(&mut self, done: &mut CaughtUp) -> Result<()> {
        const STATE: &str = "boilerplate_up_to";
        let last = self.store.last_seq()?.to_string();
        if self.store.state(STATE)?.as_deref() == Some(last.as_str()) {
            return Ok(());
        }
        let mut learner = Learner::new();
        let mut docs: Vec<(String, String, String, Vec<u64>)> = Vec::new();
        self.store.first_cleaning(&mut |d| {
            let lines: Vec<&str> = d
                .body
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            let keys = learner.add(d.outlet, &lines);
            docs.push((
                d.id.to_string(),
                d.outlet.to_string(),
                d.applied.to_string(),
                keys,
            ));
            Ok(())
        })?;
        let learned = learner.learned();
        if learned != self.store.learned()? {
            self.store.set_learned(&learned)?;
        }
        let mut sets: HashMap<&str, HashSet<u64>> = HashMap::new();
        for l in &learned {
            sets.entry(l.outlet.as_str()).or_default().insert(l.key);
        }
        let prints: HashMap<&str, String> = sets
            .iter()
            .map(|(o, keys)| {
                let mut k: Vec<String> = keys.iter().map(|x| format!("{x:016x}")).collect();
                k.sort();
                let parts: Vec<&str> = k.iter().map(String::as_str).collect();
                (*o, short_id(&parts))
            })
            .collect();
        let empty = HashSet::new();
        let mut work: Vec<(String, &HashSet<u64>, String, bool)> = Vec::new();
        for (id, outlet, applied, keys) in &docs {
            let print = prints.get(outlet.as_str()).cloned().unwrap_or_default();
            if *applied == print {
                continue;
            }
            let set = sets.get(outlet.as_str()).unwrap_or(&empty);
            let again = !applied.is_empty() || keys.iter().any(|k| set.contains(k));
            work.push((id.clone(), set, print, again));
        }
        for chunk in work.chunks(256) {
            let mut raws = Vec::new();
            for (id, set, print, again) in chunk {
                let raw = if *again {
                    self.store.document(id)?.map(|d| raw_of(&d))
                } else {
                    None
                };
                raws.push((id, *set, print, raw));
            }
            let batch: Vec<Recleaned> = raws
                .par_iter()
                .map(|(id, set, print, raw)| Recleaned {
                    id: (*id).clone(),
                    record: raw
                        .as_ref()
                        .map(|r| process_with(r, Some(set)))
                        .filter(|d| d.error.is_none()),
                    applied: (*print).clone(),
                })
                .collect();
            done.recleaned += batch.iter().filter(|r| r.record.is_some()).count();
            self.store.reclean(batch)?;
        }
        done.learned = learned;
        self.store.set_state(STATE, &last)?;
        Ok(())
    }

    /// Drops the search index and builds it again from the store.
    pub fn reindex(&mut self) -> Result<u64> {
        let mut w = self.index.writer()?;
        w.clear()?;
        w.commit(0)?;
        Ok(self.catch_up()?.indexed)
    }
}

/// What [`Data::catch_up`] did.
#[derive(Debug, Default)]
pub struct CaughtUp {
    /// Documents (re)indexed.
    pub indexed: u64,
    /// Documents cleaned again with their outlet's learned boilerplate.
    pub recleaned: usize,
    /// The outlet boilerplate, when it was learned again.
    pub learned: Vec<Learned>,
    /// Time spent learning boilerplate and cleaning again.
    pub learning: Duration,
    /// Time spent rebuilding the corpus views.
    pub views: Duration,
    /// Time spent indexing.
    pub indexing: Duration,
}

/// The input a stored document was read from, to process it again.
pub fn raw_of(d: &StoredDoc) -> RawDoc {
    let text = || String::from_utf8_lossy(&d.raw).into_owned();
    let content = match d.hints.content.as_deref() {
        Some("text") => Content::Text(text()),
        Some("html") => Content::Html(text()),
        Some("markup") => Content::Markup {
            bytes: d.raw.clone(),
            charset: d.hints.charset.clone(),
        },
        _ => Content::Bytes(d.raw.clone()),
    };
    RawDoc {
        source: d.record.source.clone(),
        content,
        title: d.hints.title.clone(),
        published: d.hints.published.clone(),
        outlet: d.hints.outlet.clone(),
        url: d.hints.url.clone(),
        fetched: d.hints.fetched.clone(),
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
