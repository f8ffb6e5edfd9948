//! The conformance suite: what every backend must do, run against each one by its own tests.
//!
//! `run_all(make)` calls `make` for a fresh, empty store before each check. A backend passes
//! when every check passes; the checks use only the [`Store`] trait.
#![allow(clippy::expect_used, clippy::panic)]

use biennien_corpus::{ids, near};
use biennien_record::{Document, Event, Fact, Location, Participant, Person};

use crate::model::{Entry, EventFilter, EventRow, FactRow, Hints, Incoming, Outcome, Recleaned};
use crate::{Store, StoreError};

/// Runs every check, each on a fresh store from `make`.
pub fn run_all<S: Store>(make: impl Fn() -> S) {
    stores_reports_and_refuses(&mut make());
    same_content_is_stored_once(&mut make());
    near_duplicates_are_linked_and_counted_once(&mut make());
    one_event_per_real_world_event(&mut make());
    filters_select_events(&mut make());
    facts_are_distinct_and_filtered(&mut make());
    persons_have_roles_over_time(&mut make());
    views_do_not_depend_on_order(&make);
    documents_resume_by_sequence(&mut make());
    empty_store_answers(&mut make());
    cleaning_again_is_stored_apart(&mut make());
}

/// Data written before `reopen` is there after it.
pub fn survives_reopen<S: Store>(store: &mut S, reopen: impl Fn() -> S) {
    let before = store.last_seq().expect("last seq");
    store
        .ingest(
            "reopen",
            vec![article(
                "reopen.txt",
                "VOV",
                "2024-01-02",
                &body("reopen"),
                vec![],
            )],
        )
        .expect("ingest");
    store.refresh().expect("refresh");
    let again = reopen();
    assert_eq!(again.last_seq().expect("last seq"), before + 1);
    assert!(again
        .log(Some("reopen"))
        .expect("log")
        .iter()
        .any(|l| l.input == "reopen.txt" && l.status == "stored"));
}

fn body(topic: &str) -> String {
    // Distinct wording per topic, long enough for a near-duplicate signature.
    let words: Vec<String> = (0..60)
        .map(|i| format!("{topic}{}", (i * 7919 + topic.len() * 31) % 997))
        .collect();
    format!("Bài viết về {topic}. {}.", words.join(" "))
}

fn person(name: &str, country: &str, role: &str) -> Person {
    Person {
        name: name.into(),
        country: Some(country.into()),
        roles: vec![role.into()],
        ..Person::default()
    }
}

fn participant(name: &str, country: &str, role: &str) -> Participant {
    Participant {
        name: Some(name.into()),
        country: Some(country.into()),
        role: Some(role.into()),
    }
}

fn talks(date: &str, evidence: &str) -> Event {
    Event {
        kind: "TALKS".into(),
        date: Some(date.into()),
        location: Some(Location {
            name: Some("Lima".into()),
            country: Some("PE".into()),
        }),
        participants: vec![
            participant("Lương Cường", "VN", "Chủ tịch nước"),
            participant("Dina Boluarte", "PE", "Tổng thống"),
        ],
        evidence: evidence.into(),
        cameo: Some("040".into()),
        plover: Some("CONSULT".into()),
        ..Event::default()
    }
}

fn article(source: &str, outlet: &str, published: &str, body: &str, events: Vec<Event>) -> Entry {
    article_with(source, outlet, published, body, events, vec![], vec![])
}

fn article_with(
    source: &str,
    outlet: &str,
    published: &str,
    body: &str,
    events: Vec<Event>,
    persons: Vec<Person>,
    facts: Vec<Fact>,
) -> Entry {
    let raw = format!("{source}\n{body}").into_bytes();
    let sig = near::signature(body);
    Entry::Article(Box::new(Incoming {
        id: ids::content_id(&raw),
        record: Document {
            source: source.into(),
            title: Some(format!("Tin {source}")),
            published: Some(published.into()),
            outlet: Some(outlet.into()),
            body: body.into(),
            persons,
            events,
            facts,
            ..Document::default()
        },
        raw,
        hints: Hints::default(),
        bands: sig.as_ref().map(near::band_keys).unwrap_or_default(),
        signature: sig.as_ref().map(near::to_bytes),
    }))
}

fn all_events<S: Store>(s: &S, filter: &EventFilter) -> Vec<EventRow> {
    let mut out = Vec::new();
    s.events(filter, &mut |e| {
        out.push(e);
        Ok(())
    })
    .expect("events");
    out
}

fn all_facts<S: Store>(s: &S, filter: &EventFilter) -> Vec<FactRow> {
    let mut out = Vec::new();
    s.facts(filter, &mut |f| {
        out.push(f);
        Ok(())
    })
    .expect("facts");
    out
}

fn stores_reports_and_refuses<S: Store>(s: &mut S) {
    let outcomes = s
        .ingest(
            "r1",
            vec![
                article("a.txt", "VOV", "2024-11-14", &body("alpha"), vec![]),
                Entry::Refused {
                    input: "bad.bin".into(),
                    reason: "binary file".into(),
                },
            ],
        )
        .expect("ingest");
    assert_eq!(outcomes[0], Outcome::Stored);
    assert_eq!(
        outcomes[1],
        Outcome::Refused {
            reason: "binary file".into()
        }
    );
    let log = s.log(Some("r1")).expect("log");
    assert_eq!(log.len(), 2);
    assert_eq!(
        (log[1].input.as_str(), log[1].status.as_str()),
        ("bad.bin", "refused")
    );
    assert_eq!(log[1].detail.as_deref(), Some("binary file"));
    assert!(s.log(Some("other")).expect("log").is_empty());
    s.refresh().expect("refresh");
    let st = s.stats().expect("stats");
    assert_eq!((st.documents, st.refused), (1, 1));
    assert_eq!(st.outlets, vec![("VOV".to_string(), 1)]);
}

fn same_content_is_stored_once<S: Store>(s: &mut S) {
    let a = article("a.txt", "VOV", "2024-11-14", &body("alpha"), vec![]);
    let out = s.ingest("r1", vec![a.clone(), a.clone()]).expect("ingest");
    assert_eq!(out[0], Outcome::Stored);
    assert_eq!(out[1], Outcome::Duplicate { of: "a.txt".into() });
    let id = match &a {
        Entry::Article(x) => x.id.clone(),
        _ => unreachable!(),
    };
    assert_eq!(s.source_of(&id).expect("source"), Some("a.txt".into()));
    assert_eq!(s.source_of("nope").expect("source"), None);
    let out = s
        .ingest(
            "r2",
            vec![
                a,
                Entry::Known {
                    input: "again.txt".into(),
                    id: id.clone(),
                },
                Entry::Known {
                    input: "ghost.txt".into(),
                    id: "0000".into(),
                },
            ],
        )
        .expect("ingest again");
    assert!(matches!(out[0], Outcome::Duplicate { .. }));
    assert_eq!(out[1], Outcome::Duplicate { of: "a.txt".into() });
    assert!(matches!(out[2], Outcome::Refused { .. }));
    // Met again under a smaller name, the document takes that name, so the name does not
    // depend on the order the copies came in.
    let mut renamed = article("0-first.txt", "VOV", "2024-11-14", &body("alpha"), vec![]);
    if let Entry::Article(x) = &mut renamed {
        x.id = id.clone();
    }
    s.ingest("r3", vec![renamed]).expect("ingest renamed");
    assert_eq!(
        s.source_of(&id).expect("source"),
        Some("0-first.txt".into())
    );
    let doc = s.document(&id).expect("doc").expect("found");
    assert_eq!(doc.record.source, "0-first.txt");
    assert_eq!(s.last_seq().expect("seq"), 1);
}

fn near_duplicates_are_linked_and_counted_once<S: Store>(s: &mut S) {
    let text = body("repost");
    let edited = text.replacen("repost1", "repostX", 1);
    let out = s
        .ingest(
            "r1",
            vec![
                article(
                    "first.txt",
                    "VOV",
                    "2024-11-14",
                    &text,
                    vec![talks("2024-11-13", "a")],
                ),
                article(
                    "copy.txt",
                    "Báo B",
                    "2024-11-14",
                    &edited,
                    vec![talks("2024-11-13", "b")],
                ),
                article(
                    "other.txt",
                    "Báo C",
                    "2024-11-14",
                    &body("different"),
                    vec![talks("2024-11-13", "c")],
                ),
            ],
        )
        .expect("ingest");
    assert_eq!(out[0], Outcome::Stored);
    match &out[1] {
        Outcome::NearDuplicate { of, similarity } => {
            assert_eq!(of, "first.txt");
            assert!(*similarity >= near::NEAR_DUPLICATE);
        }
        other => panic!("expected a near-duplicate, got {other:?}"),
    }
    assert_eq!(out[2], Outcome::Stored);
    s.refresh().expect("refresh");
    let events = all_events(s, &EventFilter::default());
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].mentions.len(), 3);
    assert_eq!(events[0].stories, 2, "the repost counts once");
    assert_eq!(s.stats().expect("stats").near_duplicates, 2);
}

fn one_event_per_real_world_event<S: Store>(s: &mut S) {
    let mut month_only = talks("2024-11", "Trong tháng 11, hai nhà lãnh đạo đã hội đàm.");
    month_only.location = None;
    s.ingest(
        "r1",
        vec![
            article(
                "vov.txt",
                "VOV",
                "2024-11-14",
                &body("v1"),
                vec![talks("2024-11-13", "Chiều 13/11, hai bên hội đàm.")],
            ),
            article(
                "ttxvn.txt",
                "TTXVN",
                "2024-11-14",
                &body("t1"),
                vec![talks("2024-11-13", "Ngày 13/11, Chủ tịch nước hội đàm.")],
            ),
            article(
                "month.txt",
                "Báo C",
                "2024-11-20",
                &body("m1"),
                vec![month_only],
            ),
            article(
                "later.txt",
                "VOV",
                "2024-12-02",
                &body("l1"),
                vec![talks("2024-12-01", "Ngày 1/12, hai bên lại hội đàm.")],
            ),
        ],
    )
    .expect("ingest");
    assert!(s.refresh().expect("refresh"));
    assert!(
        !s.refresh().expect("refresh again"),
        "nothing new: no rebuild"
    );
    let events = all_events(s, &EventFilter::default());
    assert_eq!(events.len(), 2, "{events:#?}");
    assert_eq!(events[0].date.as_deref(), Some("2024-11-13"));
    assert_eq!(events[0].mentions.len(), 3);
    let sources: Vec<&str> = events[0]
        .mentions
        .iter()
        .map(|m| m.source.as_str())
        .collect();
    assert_eq!(sources, ["month.txt", "ttxvn.txt", "vov.txt"]);
    assert_eq!(events[0].cameo.as_deref(), Some("040"));
    assert_eq!(events[1].date.as_deref(), Some("2024-12-01"));
    let st = s.stats().expect("stats");
    assert_eq!((st.events, st.event_mentions), (2, 4));
    assert_eq!(st.event_types, vec![("TALKS".to_string(), 2)]);
}

fn filters_select_events<S: Store>(s: &mut S) {
    let mut meet = talks("2023-05-02", "Ngày 2/5/2023, Thủ tướng tiếp Đại sứ.");
    meet.kind = "MEET".into();
    meet.location = None;
    meet.participants = vec![
        participant("Phạm Minh Chính", "VN", "Thủ tướng"),
        participant("Bakonyi Árpád", "HU", "Đại sứ"),
    ];
    s.ingest(
        "r1",
        vec![
            article(
                "t.txt",
                "VOV",
                "2024-11-14",
                &body("f1"),
                vec![talks("2024-11-13", "x")],
            ),
            article(
                "m.txt",
                "Chinhphu.vn",
                "2023-05-02",
                &body("f2"),
                vec![meet],
            ),
        ],
    )
    .expect("ingest");
    s.refresh().expect("refresh");
    let kinds =
        |f: EventFilter| -> Vec<String> { all_events(s, &f).into_iter().map(|e| e.kind).collect() };
    assert_eq!(kinds(EventFilter::default()), ["MEET", "TALKS"]);
    let f = |c: &[&str]| EventFilter {
        countries: c.iter().map(|x| x.to_string()).collect(),
        ..EventFilter::default()
    };
    assert_eq!(kinds(f(&["VN", "PE"])), ["TALKS"]);
    assert_eq!(kinds(f(&["vn", "hu"])), ["MEET"]);
    assert!(kinds(f(&["PE", "HU"])).is_empty());
    assert_eq!(
        kinds(EventFilter {
            kinds: vec!["MEET".into(), "VISIT".into()],
            ..EventFilter::default()
        }),
        ["MEET"]
    );
    assert_eq!(
        kinds(EventFilter {
            persons: vec!["luong cuong".into()],
            ..EventFilter::default()
        }),
        ["TALKS"]
    );
    assert_eq!(
        kinds(EventFilter {
            persons: vec!["Phạm Minh Chính".into()],
            ..EventFilter::default()
        }),
        ["MEET"]
    );
    assert_eq!(
        kinds(EventFilter {
            from: Some("2024".into()),
            ..EventFilter::default()
        }),
        ["TALKS"]
    );
    assert_eq!(
        kinds(EventFilter {
            from: Some("2023-05".into()),
            to: Some("2023-05-02".into()),
            ..EventFilter::default()
        }),
        ["MEET"]
    );
    assert_eq!(
        kinds(EventFilter {
            outlets: vec!["chinhphu.vn".into()],
            ..EventFilter::default()
        }),
        ["MEET"]
    );
}

fn facts_are_distinct_and_filtered<S: Store>(s: &mut S) {
    let est = |ev: &str| Fact {
        kind: "relations_established".into(),
        countries: vec!["PE".into(), "VN".into()],
        date: Some("1994-11-14".into()),
        evidence: ev.into(),
        ..Fact::default()
    };
    let trade = Fact {
        kind: "trade_volume".into(),
        countries: vec!["CL".into(), "VN".into()],
        amount: Some(2e9),
        currency: Some("USD".into()),
        evidence: "Kim ngạch đạt 2 tỷ USD.".into(),
        ..Fact::default()
    };
    s.ingest(
        "r1",
        vec![
            article_with(
                "a.txt",
                "VOV",
                "2024-11-14",
                &body("fa"),
                vec![],
                vec![],
                vec![est(
                    "Hai nước thiết lập quan hệ ngoại giao ngày 14/11/1994.",
                )],
            ),
            article_with(
                "b.txt",
                "TTXVN",
                "2024-11-15",
                &body("fb"),
                vec![],
                vec![],
                vec![est("Kỷ niệm 30 năm quan hệ ngoại giao."), trade],
            ),
        ],
    )
    .expect("ingest");
    s.refresh().expect("refresh");
    let facts = all_facts(s, &EventFilter::default());
    assert_eq!(facts.len(), 2);
    let est_row = facts
        .iter()
        .find(|f| f.fact.kind == "relations_established")
        .expect("established");
    assert_eq!(est_row.mentions.len(), 2);
    let pe = all_facts(
        s,
        &EventFilter {
            countries: vec!["VN".into(), "PE".into()],
            ..EventFilter::default()
        },
    );
    assert_eq!(pe.len(), 1);
    assert_eq!(pe[0].fact.date.as_deref(), Some("1994-11-14"));
    let trade_only = all_facts(
        s,
        &EventFilter {
            kinds: vec!["trade_volume".into()],
            ..EventFilter::default()
        },
    );
    assert_eq!(trade_only.len(), 1);
    assert_eq!(s.stats().expect("stats").facts, 2);
}

fn persons_have_roles_over_time<S: Store>(s: &mut S) {
    s.ingest(
        "r1",
        vec![
            article_with(
                "a.txt",
                "VOV",
                "2023-03-01",
                &body("pa"),
                vec![],
                vec![person("Bùi Thanh Sơn", "VN", "Bộ trưởng Ngoại giao")],
                vec![],
            ),
            article_with(
                "b.txt",
                "VOV",
                "2024-06-01",
                &body("pb"),
                vec![],
                vec![person("Bùi Thanh Sơn", "VN", "Bộ trưởng Ngoại giao")],
                vec![],
            ),
            article_with(
                "c.txt",
                "TTXVN",
                "2024-11-14T08:00",
                &body("pc"),
                vec![],
                vec![
                    person("Bùi Thanh Sơn", "VN", "Phó Thủ tướng"),
                    person("Dina Boluarte", "PE", "Tổng thống"),
                ],
                vec![],
            ),
        ],
    )
    .expect("ingest");
    s.refresh().expect("refresh");
    let found = s.persons("bui thanh son", 10).expect("persons");
    assert_eq!(found.len(), 1, "{found:?}");
    let p = &found[0];
    assert_eq!(p.name, "Bùi Thanh Sơn");
    assert_eq!(p.country.as_deref(), Some("VN"));
    assert_eq!(p.articles, 3);
    let roles: Vec<(&str, Option<&str>, Option<&str>)> = p
        .roles
        .iter()
        .map(|r| (r.role.as_str(), r.from.as_deref(), r.to.as_deref()))
        .collect();
    assert_eq!(
        roles,
        [
            (
                "Bộ trưởng Ngoại giao",
                Some("2023-03-01"),
                Some("2024-06-01")
            ),
            ("Phó Thủ tướng", Some("2024-11-14"), Some("2024-11-14")),
        ]
    );
    assert_eq!(s.persons("Sơn", 10).expect("persons").len(), 1);
    assert!(s.persons("nobody here", 10).expect("persons").is_empty());
    assert_eq!(s.stats().expect("stats").persons, 2);
}

fn views_do_not_depend_on_order<S: Store>(make: &impl Fn() -> S) {
    let entries = vec![
        article(
            "1.txt",
            "VOV",
            "2024-11-14",
            &body("o1"),
            vec![talks("2024-11-13", "one")],
        ),
        article(
            "2.txt",
            "TTXVN",
            "2024-11-14",
            &body("o2"),
            vec![talks("2024-11", "two")],
        ),
        article(
            "3.txt",
            "VOV",
            "2024-11-14",
            &body("o1").replacen("o11", "o1X", 1),
            vec![talks("2024-11-13", "three")],
        ),
        article(
            "4.txt",
            "Báo D",
            "2024-12-02",
            &body("o4"),
            vec![talks("2024-12-01", "four")],
        ),
    ];
    let dump = |s: &S| -> String {
        let mut out = String::new();
        for e in all_events(s, &EventFilter::default()) {
            out.push_str(&format!("{e:?}\n"));
        }
        for f in all_facts(s, &EventFilter::default()) {
            out.push_str(&format!("{f:?}\n"));
        }
        for p in s.persons("", 100).expect("persons") {
            out.push_str(&format!("{p:?}\n"));
        }
        out
    };
    let mut a = make();
    a.ingest("r", entries.clone()).expect("ingest");
    a.refresh().expect("refresh");
    let mut b = make();
    let mut reversed = entries.clone();
    reversed.reverse();
    for e in reversed {
        b.ingest("r", vec![e]).expect("ingest one");
        b.refresh().expect("refresh");
    }
    assert_eq!(dump(&a), dump(&b));
    assert!(!dump(&a).is_empty());
}

fn documents_resume_by_sequence<S: Store>(s: &mut S) {
    let batch: Vec<Entry> = (0..5)
        .map(|i| {
            article(
                &format!("{i}.txt"),
                "VOV",
                "2024-01-01",
                &body(&format!("seq{i}")),
                vec![],
            )
        })
        .collect();
    s.ingest("r", batch).expect("ingest");
    assert_eq!(s.last_seq().expect("seq"), 5);
    let first = s.documents_after(0, 2).expect("after 0");
    assert_eq!(first.len(), 2);
    let rest = s.documents_after(first[1].seq, 10).expect("after 2");
    let sources: Vec<&str> = rest.iter().map(|d| d.record.source.as_str()).collect();
    assert_eq!(sources, ["2.txt", "3.txt", "4.txt"]);
    let one = s.document(&rest[0].id).expect("doc").expect("found");
    assert_eq!(one, rest[0]);
    assert!(one.raw.starts_with(b"2.txt\n"));
    assert!(s.document("nope").expect("doc").is_none());
}

fn empty_store_answers<S: Store>(s: &mut S) {
    assert_eq!(s.last_seq().expect("seq"), 0);
    s.refresh().expect("refresh");
    assert!(all_events(s, &EventFilter::default()).is_empty());
    let st = s.stats().expect("stats");
    assert_eq!(st.documents, 0);
    assert!(st.published_range.is_none());
    // A sink's error stops the iteration and comes back to the caller.
    s.ingest(
        "r",
        vec![article(
            "e.txt",
            "VOV",
            "2024-11-14",
            &body("e"),
            vec![talks("2024-11-13", "x")],
        )],
    )
    .expect("ingest");
    s.refresh().expect("refresh");
    let err = s
        .events(&EventFilter::default(), &mut |_| {
            Err(StoreError::Sink("stop".into()))
        })
        .expect_err("sink error");
    assert_eq!(err.to_string(), "stop");
}

fn cleaning_again_is_stored_apart<S: Store>(s: &mut S) {
    use biennien_corpus::boilerplate::Learned;
    let mut no_outlet = article("n.txt", "VOV", "2024-01-01", &body("n"), vec![]);
    if let Entry::Article(a) = &mut no_outlet {
        a.record.outlet = None;
    }
    s.ingest(
        "r",
        vec![
            article(
                "a.txt",
                "VOV",
                "2024-11-14",
                &body("ca"),
                vec![talks("2024-11-13", "x")],
            ),
            article("b.txt", "TTXVN", "2024-11-14", &body("cb"), vec![]),
            no_outlet,
        ],
    )
    .expect("ingest");
    s.refresh().expect("refresh");
    let mut seen = Vec::new();
    s.first_cleaning(&mut |d| {
        seen.push((d.outlet.to_string(), d.applied.to_string(), d.body.len()));
        Ok(())
    })
    .expect("first cleaning");
    assert_eq!(seen.len(), 2, "documents without an outlet are not listed");
    assert!(seen
        .iter()
        .all(|(_, applied, len)| applied.is_empty() && *len > 100));
    let learned = vec![Learned {
        outlet: "VOV".into(),
        key: u64::MAX - 7,
        text: "Theo dõi VOV trên mạng xã hội".into(),
        docs: 5,
        share: 0.5,
    }];
    s.set_learned(&learned).expect("set learned");
    assert_eq!(s.learned().expect("learned"), learned);
    let stored = s.documents_after(0, 10).expect("docs");
    let a = stored
        .iter()
        .find(|d| d.record.source == "a.txt")
        .expect("a");
    let b = stored
        .iter()
        .find(|d| d.record.source == "b.txt")
        .expect("b");
    let mut cleaned = a.record.clone();
    cleaned.body = "Thân bài sau khi bỏ dòng mẫu.".into();
    cleaned.events.clear();
    s.reclean(vec![
        Recleaned {
            id: a.id.clone(),
            record: Some(cleaned.clone()),
            applied: "f1".into(),
        },
        Recleaned {
            id: b.id.clone(),
            record: None,
            applied: "f2".into(),
        },
    ])
    .expect("reclean");
    assert_eq!(s.index_pending().expect("pending"), vec![a.id.clone()]);
    let again = s.document(&a.id).expect("doc").expect("found");
    assert_eq!(again.record, cleaned);
    assert_eq!(
        s.document(&b.id).expect("doc").expect("found").record,
        b.record
    );
    // The first cleaning is kept for learning; the views follow the new record.
    let mut applied = Vec::new();
    s.first_cleaning(&mut |d| {
        applied.push((d.applied.to_string(), d.body.len()));
        Ok(())
    })
    .expect("first cleaning");
    applied.sort();
    assert_eq!(applied[0].0, "f1");
    assert!(applied[0].1 > 100);
    assert_eq!(applied[1].0, "f2");
    assert!(
        s.refresh().expect("refresh"),
        "recleaning makes the views stale"
    );
    assert!(all_events(s, &EventFilter::default()).is_empty());
    s.indexed(std::slice::from_ref(&a.id)).expect("indexed");
    assert!(s.index_pending().expect("pending").is_empty());
    s.set_learned(&[]).expect("forget");
    assert_eq!(s.state("x").expect("state"), None);
    s.set_state("x", "1").expect("set state");
    s.set_state("x", "2").expect("set state");
    assert_eq!(s.state("x").expect("state").as_deref(), Some("2"));
    assert!(s.learned().expect("learned").is_empty());
}
