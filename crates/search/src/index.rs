//! The index: schema, writer, and search.

use std::cmp::{Ordering, Reverse};
use std::fmt;
use std::ops::Bound;
use std::path::{Path, PathBuf};

use tantivy::collector::TopDocs;
use tantivy::directory::MmapDirectory;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery,
};
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, Value,
    STORED, STRING,
};
use tantivy::{
    DocAddress, DocId, IndexReader, IndexWriter, Order, ReloadPolicy, Score, Searcher,
    SegmentReader, TantivyDocument, Term,
};

use crate::analysis::{key, Mode, WordTokenizer, EXACT, FOLDED, KEY};
use crate::error::{Context, SearchError};
use crate::query::{folded_terms, parse, Part, Word};
use crate::snippet::snippet;
use biennien_corpus::dates::period;

/// The writer's default memory budget, in bytes.
pub const DEFAULT_WRITER_BUDGET: usize = 50_000_000;
/// The least memory budget the engine accepts for each indexing thread.
const BUDGET_PER_THREAD_MIN: usize = 20_000_000;
/// The most indexing threads a writer uses.
const THREADS_MAX: usize = 4;
/// Weight of a title match relative to a body match.
const TITLE_BOOST: f32 = 2.0;
/// Weight of a match of the exact form (diacritics as typed) added to the folded match.
const EXACT_BOOST: f32 = 1.5;

/// One article as indexed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchDoc {
    /// Stable document id (hex content hash), the unique key.
    pub id: String,
    /// The title.
    pub title: String,
    /// The clean body.
    pub body: String,
    /// The outlet's name.
    pub outlet: Option<String>,
    /// Publication date, ISO 8601, maybe partial ("2024", "2024-11", "2024-11-13",
    /// "2024-11-13T08:30"). A value that is not such a date is stored but the document counts
    /// as undated for filters and ordering.
    pub published: Option<String>,
    /// ISO alpha-2 codes of the countries the article's persons, events and facts involve.
    pub countries: Vec<String>,
    /// Canonical person names ("Bùi Thanh Sơn").
    pub persons: Vec<String>,
    /// Event types ("TALKS", "MEET", ...).
    pub event_types: Vec<String>,
}

/// A query: text plus filters. Blank filter values are ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// The user's text: words (all must match) and "quoted phrases". Never a syntax error.
    pub text: String,
    /// Country codes, compared in upper case; every one must match.
    pub countries: Vec<String>,
    /// Person names, matched folded ("bui thanh son" matches "Bùi Thanh Sơn"); every one must
    /// match.
    pub persons: Vec<String>,
    /// Event types, compared in upper case; any one may match.
    pub event_types: Vec<String>,
    /// Outlets, matched folded; any one may match.
    pub outlets: Vec<String>,
    /// Earliest publication date, inclusive, maybe partial ("2024-11" = from 2024-11-01).
    pub from: Option<String>,
    /// Latest publication date, inclusive, maybe partial ("2024" = to 2024-12-31).
    pub to: Option<String>,
    /// The most hits to return.
    pub limit: usize,
}

impl Default for SearchQuery {
    /// No text, no filter, 20 hits.
    fn default() -> Self {
        SearchQuery {
            text: String::new(),
            countries: Vec::new(),
            persons: Vec::new(),
            event_types: Vec::new(),
            outlets: Vec::new(),
            from: None,
            to: None,
            limit: 20,
        }
    }
}

/// One result of a search.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The document id.
    pub id: String,
    /// The relevance score (BM25 with boosts); 0 when the query has no text.
    pub score: f32,
    /// The title.
    pub title: String,
    /// The outlet.
    pub outlet: Option<String>,
    /// The publication date as given.
    pub published: Option<String>,
    /// A window of the body around the best match.
    pub snippet: String,
    /// Byte ranges of the matched words in `snippet`, in order.
    pub highlights: Vec<(usize, usize)>,
}

/// The fields of the schema.
#[derive(Debug, Clone, Copy)]
struct Fields {
    id: Field,
    title: Field,
    title_folded: Field,
    body: Field,
    body_folded: Field,
    outlet: Field,
    published: Field,
    start: Field,
    end: Field,
    countries: Field,
    persons: Field,
    event_types: Field,
    order: Field,
}

/// The fast field that orders equal scores: [`order_key`] of the id.
const ORDER: &str = "order";

/// The first eight bytes of `id`, big-endian, zero-padded: ids compare as their keys do, up to
/// their eighth byte (ties beyond it are resolved by the ids themselves).
fn order_key(id: &str) -> u64 {
    let mut b = [0u8; 8];
    for (slot, byte) in b.iter_mut().zip(id.bytes()) {
        *slot = byte;
    }
    u64::from_be_bytes(b)
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text = |tokenizer: &str, record: IndexRecordOption| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(record),
        )
    };
    let positions = IndexRecordOption::WithFreqsAndPositions;
    let basic = IndexRecordOption::Basic;
    let fields = Fields {
        id: builder.add_text_field("id", STRING | STORED),
        title: builder.add_text_field("title", text(EXACT, positions).set_stored()),
        title_folded: builder.add_text_field("title_folded", text(FOLDED, positions)),
        body: builder.add_text_field("body", text(EXACT, positions).set_stored()),
        body_folded: builder.add_text_field("body_folded", text(FOLDED, positions)),
        outlet: builder.add_text_field("outlet", text(KEY, basic).set_stored()),
        published: builder.add_text_field("published", STORED),
        start: builder.add_u64_field("start", NumericOptions::default().set_indexed().set_fast()),
        end: builder.add_u64_field("end", NumericOptions::default().set_indexed().set_fast()),
        countries: builder.add_text_field("countries", STRING),
        persons: builder.add_text_field("persons", text(KEY, basic)),
        event_types: builder.add_text_field("event_types", STRING),
        order: builder.add_u64_field(ORDER, NumericOptions::default().set_fast()),
    };
    (builder.build(), fields)
}

/// A full-text index of articles, on disk or in memory.
pub struct Index {
    pub(crate) index: tantivy::Index,
    reader: IndexReader,
    fields: Fields,
    place: String,
}

impl fmt::Debug for Index {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Index")
            .field("place", &self.place)
            .finish_non_exhaustive()
    }
}

impl Index {
    /// Opens the index in `dir`, creating the directory and an empty index if needed. An
    /// index whose last commit was interrupted opens at its previous commit.
    pub fn open_or_create(dir: &Path) -> Result<Index, SearchError> {
        std::fs::create_dir_all(dir).map_err(|source| SearchError::CreateDir {
            path: PathBuf::from(dir),
            source,
        })?;
        let place = format!("in {}", dir.display());
        let directory =
            MmapDirectory::open(dir).context(|| format!("open the directory {place}"))?;
        let (schema, fields) = schema();
        let index = tantivy::Index::open_or_create(directory, schema)
            .context(|| format!("open the index {place}"))?;
        Index::new(index, fields, place)
    }

    /// Creates an empty index in memory.
    pub fn in_memory() -> Result<Index, SearchError> {
        let (schema, fields) = schema();
        Index::new(
            tantivy::Index::create_in_ram(schema),
            fields,
            "in memory".to_string(),
        )
    }

    fn new(index: tantivy::Index, fields: Fields, place: String) -> Result<Index, SearchError> {
        let tokenizers = index.tokenizers();
        tokenizers.register(FOLDED, WordTokenizer(Mode::Folded));
        tokenizers.register(EXACT, WordTokenizer(Mode::Exact));
        tokenizers.register(KEY, WordTokenizer(Mode::Key));
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .context(|| format!("open a reader of the index {place}"))?;
        Ok(Index {
            index,
            reader,
            fields,
            place,
        })
    }

    /// The writer, with the [default memory budget](DEFAULT_WRITER_BUDGET). Only one writer
    /// can be open at a time: opening a second one fails.
    pub fn writer(&self) -> Result<Writer, SearchError> {
        self.writer_with_budget(DEFAULT_WRITER_BUDGET)
    }

    /// The writer, with a memory budget of `bytes`: one indexing thread per 20 MB, up to the
    /// machine's cores (at most 4); the engine refuses less than about 15 MB per thread.
    pub fn writer_with_budget(&self, bytes: usize) -> Result<Writer, SearchError> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let threads = (bytes / BUDGET_PER_THREAD_MIN).clamp(1, cores.clamp(1, THREADS_MAX));
        let writer = self
            .index
            .writer_with_num_threads(threads, bytes)
            .context(|| {
                format!(
                    "open a writer of the index {} with a budget of {bytes} bytes",
                    self.place
                )
            })?;
        Ok(Writer {
            writer,
            reader: self.reader.clone(),
            fields: self.fields,
            place: self.place.clone(),
        })
    }

    /// The sequence number stored by the last commit ([`Writer::commit`]); 0 if none.
    pub fn indexed_up_to(&self) -> Result<u64, SearchError> {
        let metas = self
            .index
            .load_metas()
            .context(|| format!("read the last commit of the index {}", self.place))?;
        match metas.payload {
            None => Ok(0),
            Some(payload) => payload
                .parse()
                .map_err(|_| SearchError::Payload { payload }),
        }
    }

    /// Brings this handle up to the last commit made through another handle or process (a
    /// handle sees its own writers' commits at once, and other commits only after this call).
    pub fn reload(&self) -> Result<(), SearchError> {
        self.reader
            .reload()
            .context(|| format!("reload the index {}", self.place))
    }

    /// The number of documents indexed (as of the last commit this handle has seen).
    pub fn count(&self) -> Result<u64, SearchError> {
        Ok(self.reader.searcher().num_docs())
    }

    /// The hits of `q`, best first: by score when it has text, newest first when it has none
    /// (undated documents last); equal scores or dates in the order of the ids.
    pub fn search(&self, q: &SearchQuery) -> Result<Vec<Hit>, SearchError> {
        if q.limit == 0 {
            return Ok(Vec::new());
        }
        let parts = parse(&q.text);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = self
            .filters(q)?
            .into_iter()
            .map(|f| {
                (
                    Occur::Must,
                    Box::new(ConstScoreQuery::new(f, 0.0)) as Box<dyn Query>,
                )
            })
            .collect();
        clauses.extend(parts.iter().map(|p| (Occur::Must, self.part_query(p))));
        let query: Box<dyn Query> = if clauses.is_empty() {
            Box::new(AllQuery)
        } else {
            Box::new(BooleanQuery::new(clauses))
        };
        let searcher = self.reader.searcher();
        let total = searcher.num_docs();
        let ranked = if parts.is_empty() {
            top(
                q.limit,
                total,
                |n| {
                    let collector =
                        TopDocs::with_limit(n).order_by_fast_field::<u64>("start", Order::Desc);
                    let found = searcher.search(query.as_ref(), &collector)?;
                    Ok(found
                        .into_iter()
                        .map(|(start, at)| (start.map_or(-1.0, |s| s as f64), 0.0, at))
                        .collect())
                },
                |at| self.id_of(&searcher, at),
            )
        } else {
            // Best score first, equal scores by id: one pass orders by the score and the order
            // key; only a tie on both at the cut-off needs the ids themselves.
            let n = q.limit.saturating_add(1).min(total as usize);
            let collector = TopDocs::with_limit(n).tweak_score(move |segment: &SegmentReader| {
                let order = segment
                    .fast_fields()
                    .u64(ORDER)
                    .ok()
                    .map(|c| c.first_or_default_col(u64::MAX));
                move |doc: DocId, score: Score| {
                    (
                        score,
                        Reverse(order.as_ref().map_or(u64::MAX, |c| c.get_val(doc))),
                    )
                }
            });
            let found = searcher
                .search(query.as_ref(), &collector)
                .context(|| format!("search the index {} for {:?}", self.place, q.text))?;
            let tied_at_cut =
                found.len() > q.limit && q.limit > 0 && found[q.limit - 1].0 == found[q.limit].0;
            if tied_at_cut {
                top(
                    q.limit,
                    total,
                    |n| {
                        let collector = TopDocs::with_limit(n).order_by_score();
                        let found = searcher.search(query.as_ref(), &collector)?;
                        Ok(found
                            .into_iter()
                            .map(|(score, at)| (f64::from(score), score, at))
                            .collect())
                    },
                    |at| self.id_of(&searcher, at),
                )
            } else {
                let mut ranked: Vec<(f32, DocAddress)> = found
                    .into_iter()
                    .map(|((score, _), at)| (score, at))
                    .collect();
                ranked.truncate(q.limit);
                Ok(ranked)
            }
        }
        .context(|| format!("search the index {} for {:?}", self.place, q.text))?;
        let terms = folded_terms(&parts);
        ranked
            .into_iter()
            .map(|(score, at)| self.hit(&searcher, at, score, &terms))
            .collect()
    }

    /// The filters of `q`, each a query that must match.
    fn filters(&self, q: &SearchQuery) -> Result<Vec<Box<dyn Query>>, SearchError> {
        let f = &self.fields;
        let term = |field: Field, text: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, text),
                IndexRecordOption::Basic,
            ))
        };
        let values = |list: &[String], normalize: fn(&str) -> String| -> Vec<String> {
            list.iter()
                .map(|v| normalize(v))
                .filter(|v| !v.is_empty())
                .collect()
        };
        let code = |v: &str| v.trim().to_ascii_uppercase();
        let mut filters: Vec<Box<dyn Query>> = Vec::new();
        filters.extend(
            values(&q.countries, code)
                .iter()
                .map(|c| term(f.countries, c)),
        );
        filters.extend(values(&q.persons, key).iter().map(|p| term(f.persons, p)));
        for (field, list) in [
            (f.event_types, values(&q.event_types, code)),
            (f.outlet, values(&q.outlets, key)),
        ] {
            if !list.is_empty() {
                let any = list
                    .iter()
                    .map(|v| (Occur::Should, term(field, v)))
                    .collect();
                filters.push(Box::new(BooleanQuery::new(any)));
            }
        }
        let date =
            |field: &'static str, value: &Option<String>| match value.as_deref().map(str::trim) {
                None | Some("") => Ok(None),
                Some(text) => period(text).map(Some).ok_or_else(|| SearchError::BadQuery {
                    field,
                    value: text.to_string(),
                    reason:
                        "is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm)",
                }),
            };
        if let Some(from) = date("from", &q.from)? {
            // The document's period ends at or after the start of `from`.
            let bound = Bound::Included(Term::from_field_u64(f.end, from.start));
            filters.push(Box::new(RangeQuery::new(bound, Bound::Unbounded)));
        }
        if let Some(to) = date("to", &q.to)? {
            // The document's period starts at or before the end of `to`.
            let bound = Bound::Included(Term::from_field_u64(f.start, to.end));
            filters.push(Box::new(RangeQuery::new(Bound::Unbounded, bound)));
        }
        Ok(filters)
    }

    /// The query of one part of the text: it matches the folded title or body; matches of the
    /// exact form (when the user typed diacritics) and of the title weigh more.
    fn part_query(&self, part: &Part) -> Box<dyn Query> {
        let f = &self.fields;
        let words = match part {
            Part::Word(w) => std::slice::from_ref(w),
            Part::Phrase(ws) => ws.as_slice(),
        };
        let exact = words.iter().any(Word::has_marks);
        let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (folded, field, boost) in [
            (true, f.title_folded, TITLE_BOOST),
            (true, f.body_folded, 1.0),
            (false, f.title, TITLE_BOOST * EXACT_BOOST),
            (false, f.body, EXACT_BOOST),
        ] {
            if !folded && !exact {
                continue;
            }
            let terms: Vec<Term> = words
                .iter()
                .map(|w| Term::from_field_text(field, if folded { &w.folded } else { &w.exact }))
                .collect();
            let query: Box<dyn Query> = match <[Term; 1]>::try_from(terms) {
                Ok([term]) => Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
                // The folded phrase decides what matches; the exact boost of a phrase counts
                // its words spelled as typed, which costs no second walk of positions.
                Err(terms) if !folded => Box::new(BooleanQuery::new(
                    terms
                        .into_iter()
                        .map(|t| {
                            let q: Box<dyn Query> =
                                Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs));
                            (Occur::Should, q)
                        })
                        .collect(),
                )),
                Err(terms) => Box::new(PhraseQuery::new(terms)),
            };
            any.push((Occur::Should, Box::new(BoostQuery::new(query, boost))));
        }
        Box::new(BooleanQuery::new(any))
    }

    fn id_of(&self, searcher: &Searcher, at: DocAddress) -> tantivy::Result<String> {
        let doc: TantivyDocument = searcher.doc(at)?;
        Ok(text_of(&doc, self.fields.id).unwrap_or_default())
    }

    fn hit(
        &self,
        searcher: &Searcher,
        at: DocAddress,
        score: f32,
        terms: &[String],
    ) -> Result<Hit, SearchError> {
        let f = &self.fields;
        let doc: TantivyDocument = searcher
            .doc(at)
            .context(|| format!("read a document of the index {}", self.place))?;
        let body = text_of(&doc, f.body).unwrap_or_default();
        let (snippet, highlights) = snippet(&body, terms);
        Ok(Hit {
            id: text_of(&doc, f.id).unwrap_or_default(),
            score,
            title: text_of(&doc, f.title).unwrap_or_default(),
            outlet: text_of(&doc, f.outlet),
            published: text_of(&doc, f.published),
            snippet,
            highlights,
        })
    }
}

fn text_of(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// The best `limit` documents by sort key (highest first), ties broken by id, out of `total`
/// documents, from `fetch(n)`, which returns the best `n` documents with their sort key and score in any order among
/// equal keys. Fetches more until no tie crosses the cut, so the result does not depend on
/// the order in which the engine visits documents.
fn top(
    limit: usize,
    total: u64,
    fetch: impl Fn(usize) -> tantivy::Result<Vec<(f64, f32, DocAddress)>>,
    id_of: impl Fn(DocAddress) -> tantivy::Result<String>,
) -> tantivy::Result<Vec<(f32, DocAddress)>> {
    let total = usize::try_from(total).unwrap_or(usize::MAX);
    if limit == 0 || total == 0 {
        return Ok(Vec::new());
    }
    let mut n = limit.saturating_add(1);
    let found = loop {
        // Never ask for more than the index holds: the engine reserves room for `n`.
        let found = fetch(n.min(total))?;
        if found.len() < n || found[limit - 1].0 != found[n - 1].0 || n == usize::MAX {
            break found;
        }
        n = n.saturating_mul(2);
    };
    let mut keyed = found
        .into_iter()
        .map(|(key, score, at)| Ok((key, id_of(at)?, score, at)))
        .collect::<tantivy::Result<Vec<_>>>()?;
    keyed.sort_by(|a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap_or(Ordering::Equal)
            .then_with(|| a.1.cmp(&b.1))
    });
    keyed.truncate(limit);
    Ok(keyed
        .into_iter()
        .map(|(_, _, score, at)| (score, at))
        .collect())
}

/// Adds, replaces and deletes documents; nothing is visible or durable before
/// [`commit`](Writer::commit). Dropping a writer without committing discards its changes.
pub struct Writer {
    writer: IndexWriter<TantivyDocument>,
    reader: IndexReader,
    fields: Fields,
    place: String,
}

impl fmt::Debug for Writer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Writer")
            .field("place", &self.place)
            .finish_non_exhaustive()
    }
}

impl Writer {
    /// Adds `doc`, replacing any document with the same id.
    pub fn upsert(&mut self, doc: &SearchDoc) -> Result<(), SearchError> {
        self.delete(&doc.id)?;
        let f = &self.fields;
        let mut d = TantivyDocument::default();
        d.add_text(f.id, &doc.id);
        d.add_u64(f.order, order_key(&doc.id));
        for (exact, folded, text) in [
            (f.title, f.title_folded, &doc.title),
            (f.body, f.body_folded, &doc.body),
        ] {
            d.add_text(exact, text);
            d.add_text(folded, text);
        }
        if let Some(outlet) = &doc.outlet {
            d.add_text(f.outlet, outlet);
        }
        if let Some(published) = &doc.published {
            d.add_text(f.published, published);
            if let Some(p) = period(published) {
                d.add_u64(f.start, p.start);
                d.add_u64(f.end, p.end);
            }
        }
        for country in &doc.countries {
            d.add_text(f.countries, country.trim().to_ascii_uppercase());
        }
        for person in &doc.persons {
            d.add_text(f.persons, person);
        }
        for event_type in &doc.event_types {
            d.add_text(f.event_types, event_type.trim().to_ascii_uppercase());
        }
        self.writer
            .add_document(d)
            .context(|| format!("add the document {} to the index {}", doc.id, self.place))?;
        Ok(())
    }

    /// Deletes the document `id`, if any.
    pub fn delete(&mut self, id: &str) -> Result<(), SearchError> {
        self.writer
            .delete_term(Term::from_field_text(self.fields.id, id));
        Ok(())
    }

    /// Deletes every document, for a full rebuild.
    pub fn clear(&mut self) -> Result<(), SearchError> {
        self.writer
            .delete_all_documents()
            .context(|| format!("clear the index {}", self.place))?;
        Ok(())
    }

    /// Makes the changes durable and visible, recording `indexed_up_to` in the commit (read
    /// back by [`Index::indexed_up_to`]).
    pub fn commit(mut self, indexed_up_to: u64) -> Result<(), SearchError> {
        let place = self.place.clone();
        let mut prepared = self
            .writer
            .prepare_commit()
            .context(|| format!("prepare a commit of the index {place}"))?;
        prepared.set_payload(&indexed_up_to.to_string());
        prepared
            .commit()
            .context(|| format!("commit the index {place}"))?;
        self.reader
            .reload()
            .context(|| format!("reload the index {place}"))?;
        self.writer
            .wait_merging_threads()
            .context(|| format!("finish merging segments of the index {place}"))
    }
}
