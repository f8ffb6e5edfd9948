//! Behaviour of the whole index: queries in, ids out, through one helper.

use crate::{Index, SearchDoc, SearchError, SearchQuery};

fn doc(id: &str, title: &str, body: &str) -> SearchDoc {
    SearchDoc {
        id: id.to_string(),
        title: title.to_string(),
        body: body.to_string(),
        ..SearchDoc::default()
    }
}

fn dated(id: &str, published: &str) -> SearchDoc {
    SearchDoc {
        published: Some(published.to_string()),
        ..doc(id, "Tin", "nội dung")
    }
}

fn index_of(docs: &[SearchDoc]) -> Index {
    let index = Index::in_memory().unwrap();
    let mut writer = index.writer().unwrap();
    for d in docs {
        writer.upsert(d).unwrap();
    }
    writer.commit(1).unwrap();
    index
}

fn text(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.to_string(),
        ..SearchQuery::default()
    }
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Runs `query` and compares the ids of the hits, in order.
fn check(index: &Index, query: &SearchQuery, expected: &[&str]) {
    let hits = index.search(query).unwrap();
    let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, expected, "{query:?}");
}

#[test]
fn matching_ignores_case_and_diacritics() {
    let index = index_of(&[
        doc(
            "a",
            "Bộ trưởng Bùi Thanh Sơn tiếp Đại sứ",
            "Cuộc gặp tại Hà Nội.",
        ),
        doc("b", "Vì hòa bình khu vực", "Các bên cam kết."),
        doc("c", "Vì hoà bình khu vực", "Các bên cam kết."),
        doc("d", "Đà Nẵng đón đoàn", "Thành phố ven biển."),
    ]);
    check(&index, &text("bui thanh son"), &["a"]);
    check(&index, &text("BUI THANH SON"), &["a"]);
    check(&index, &text("ha noi"), &["a"]);
    check(&index, &text("hoa binh"), &["b", "c"]);
    check(&index, &text("da nang"), &["d"]);
    check(&index, &text("dai su"), &["a"]);
    check(&index, &text("son hoa"), &[]);
}

#[test]
fn exact_diacritics_rank_first() {
    let body = "Hai nước trao đổi về";
    let index = index_of(&[
        doc("1", "Tin", &format!("{body} hoa binh khu vực")),
        doc("2", "Tin", &format!("{body} Hoà Bình khu vực")),
        doc("3", "Tin", &format!("{body} Hòa Bình khu vực")),
    ]);
    // "Hoà Bình" shares the exact "Bình" with the query, "hoa binh" nothing.
    check(&index, &text("Hòa Bình"), &["3", "2", "1"]);
    check(&index, &text("Hoà Bình"), &["2", "3", "1"]);
    check(&index, &text("Hòa binh"), &["3", "1", "2"]);
    // A quoted phrase matches folded; its words spelled as typed weigh more, as unquoted ones do.
    check(&index, &text("\"Hòa Bình\""), &["3", "2", "1"]);
    // Without diacritics the query says nothing about them: equal scores, ordered by id.
    check(&index, &text("hoa binh"), &["1", "2", "3"]);
    let hits = index.search(&text("Hòa Bình")).unwrap();
    assert!(
        hits[0].score > hits[1].score && hits[1].score > hits[2].score,
        "{hits:?}"
    );
}

#[test]
fn title_matches_weigh_more_than_body_matches() {
    let index = index_of(&[
        doc("body", "Tin ngoại giao", "Hội đàm với Nhật Bản"),
        doc("title", "Hội đàm với Nhật Bản", "Tin ngoại giao"),
    ]);
    check(&index, &text("nhat ban"), &["title", "body"]);
}

#[test]
fn words_must_all_match_and_phrases_match_in_order() {
    let index = index_of(&[
        doc("a", "Thanh Sơn", "Tin"),
        doc("b", "Sơn Thanh", "Tin"),
        doc("c", "Thanh", "Sơn ở thân bài"),
        doc("d", "Thanh", "Tin"),
    ]);
    check(&index, &text("thanh son"), &["a", "b", "c"]);
    check(&index, &text("\"thanh son\""), &["a"]);
    check(&index, &text("\"son thanh\""), &["b"]);
    check(&index, &text("\"thanh son\" tin"), &["a"]);
    check(&index, &text("thanh \"son"), &["a", "b", "c"]);
}

#[test]
fn query_syntax_is_read_as_words() {
    let index = index_of(&[doc(
        "a",
        "Việt Nam - Nhật Bản: đối tác (chiến lược)",
        "AND OR NOT",
    )]);
    for q in [
        "\"",
        "\"\"\"",
        "viet -nam",
        "+viet +nam",
        "title:viet",
        "(nam",
        "nam)",
        "viet~2",
        "nam^3",
        "[a TO b]",
        "{a TO b}",
        "*",
        "?",
        "\\",
        "viet \"nam",
        "doi tac (chien luoc)",
        "AND",
        "NOT",
        "viet AND nam",
        "nhat:ban",
        "'viet'",
    ] {
        assert!(index.search(&text(q)).is_ok(), "{q}");
    }
    check(&index, &text("viet -nam"), &["a"]);
    check(&index, &text("title:viet"), &[]);
    check(&index, &text("nhat:ban"), &["a"]);
    check(&index, &text("doi tac (chien luoc)"), &["a"]);
    check(&index, &text("NOT"), &["a"]);
    check(&index, &text("\""), &["a"]);
}

fn filtered() -> Index {
    let mut docs = vec![
        SearchDoc {
            outlet: Some("Báo Quốc tế".into()),
            countries: strings(&["VN", "JP"]),
            persons: strings(&["Bùi Thanh Sơn"]),
            event_types: strings(&["TALKS"]),
            ..dated("jp", "2024-11-13")
        },
        SearchDoc {
            outlet: Some("VnExpress".into()),
            countries: strings(&["VN", "US"]),
            persons: strings(&["Bùi Thanh Sơn", "Antony Blinken"]),
            event_types: strings(&["MEET", "CALL"]),
            ..dated("us", "2024-11")
        },
        SearchDoc {
            outlet: Some("vnexpress".into()),
            countries: strings(&["VN"]),
            event_types: strings(&["VISIT"]),
            ..dated("vn", "2023")
        },
        SearchDoc {
            countries: strings(&["VN", "JP"]),
            ..doc("undated", "Tin", "nội dung")
        },
    ];
    docs.push(SearchDoc {
        outlet: Some("Báo Quốc Tế".into()),
        ..dated("dec", "2024-12-01T09:15")
    });
    index_of(&docs)
}

fn filter(f: impl FnOnce(&mut SearchQuery)) -> SearchQuery {
    let mut q = SearchQuery::default();
    f(&mut q);
    q
}

#[test]
fn empty_text_lists_newest_first_with_undated_last() {
    let index = filtered();
    check(
        &index,
        &SearchQuery::default(),
        &["dec", "jp", "us", "vn", "undated"],
    );
    check(
        &index,
        &SearchQuery {
            limit: 2,
            ..SearchQuery::default()
        },
        &["dec", "jp"],
    );
    check(
        &index,
        &SearchQuery {
            limit: 0,
            ..SearchQuery::default()
        },
        &[],
    );
    check(
        &index,
        &text(" \" + - "),
        &["dec", "jp", "us", "vn", "undated"],
    );
}

#[test]
fn filters() {
    let index = filtered();
    let cases: Vec<(SearchQuery, &[&str])> = vec![
        (
            filter(|q| q.countries = strings(&["VN"])),
            &["jp", "us", "vn", "undated"],
        ),
        (
            filter(|q| q.countries = strings(&["VN", "JP"])),
            &["jp", "undated"],
        ),
        (
            filter(|q| q.countries = strings(&["jp", " "])),
            &["jp", "undated"],
        ),
        (filter(|q| q.countries = strings(&["FR"])), &[]),
        (
            filter(|q| q.persons = strings(&["bui thanh son"])),
            &["jp", "us"],
        ),
        (
            filter(|q| q.persons = strings(&["BÙI THANH SƠN", "antony blinken"])),
            &["us"],
        ),
        (filter(|q| q.persons = strings(&["thanh son"])), &[]),
        (
            filter(|q| q.event_types = strings(&["TALKS", "CALL"])),
            &["jp", "us"],
        ),
        (filter(|q| q.event_types = strings(&["visit"])), &["vn"]),
        (
            filter(|q| q.outlets = strings(&["VNEXPRESS"])),
            &["us", "vn"],
        ),
        (
            filter(|q| q.outlets = strings(&["bao quoc te", "nobody"])),
            &["dec", "jp"],
        ),
        (filter(|q| q.outlets = strings(&["quoc te"])), &[]),
        // Dates: a document's period overlapping the range counts as inside.
        (
            filter(|q| q.from = Some("2024-11-13".into())),
            &["dec", "jp", "us"],
        ),
        (
            filter(|q| q.from = Some("2024-11-14".into())),
            &["dec", "us"],
        ),
        (filter(|q| q.to = Some("2024-11-01".into())), &["us", "vn"]),
        (filter(|q| q.to = Some("2023".into())), &["vn"]),
        (filter(|q| q.to = Some("2022".into())), &[]),
        (
            filter(|q| (q.from, q.to) = (Some("2024".into()), Some("2024".into()))),
            &["dec", "jp", "us"],
        ),
        (
            filter(|q| (q.from, q.to) = (Some("2024-12-01T09:15".into()), None)),
            &["dec"],
        ),
        (
            filter(|q| (q.from, q.to) = (Some("2024-12-01T09:16".into()), None)),
            &[],
        ),
        (
            filter(|q| (q.from, q.to) = (Some("2024-11-20".into()), Some("2024-11-30".into()))),
            &["us"],
        ),
        (
            filter(|q| (q.from, q.to) = (Some(" ".into()), Some(String::new()))),
            &["dec", "jp", "us", "vn", "undated"],
        ),
        // Filters combine with text and with each other.
        (
            filter(|q| {
                (q.countries, q.event_types) = (strings(&["VN"]), strings(&["VISIT", "TALKS"]))
            }),
            &["jp", "vn"],
        ),
        (
            filter(|q| (q.text, q.countries) = ("noi dung".into(), strings(&["JP"]))),
            &["jp", "undated"],
        ),
    ];
    for (query, expected) in &cases {
        check(&index, query, expected);
    }
}

#[test]
fn filters_do_not_change_scores() {
    let index = filtered();
    let plain = index.search(&text("noi dung")).unwrap();
    let with = index
        .search(&filter(|q| {
            (q.text, q.countries) = ("noi dung".into(), strings(&["VN"]))
        }))
        .unwrap();
    let score = |hits: &[crate::Hit], id: &str| hits.iter().find(|h| h.id == id).map(|h| h.score);
    assert!(score(&plain, "jp").is_some());
    assert_eq!(score(&plain, "jp"), score(&with, "jp"));
}

#[test]
fn bad_dates_are_bad_queries() {
    let index = filtered();
    for (from, to) in [
        (Some("2024-13"), None),
        (None, Some("tháng 11")),
        (Some("2024-02-30"), None),
    ] {
        let q = filter(|q| (q.from, q.to) = (from.map(String::from), to.map(String::from)));
        let err = index.search(&q).unwrap_err();
        assert!(matches!(err, SearchError::BadQuery { .. }), "{err}");
        let message = err.to_string();
        assert!(
            message.starts_with("bad query: ") && !message.ends_with('.'),
            "{message}"
        );
    }
}

#[test]
fn hits_carry_stored_fields_and_highlights() {
    let index = index_of(&[SearchDoc {
        outlet: Some("Báo Quốc tế".into()),
        published: Some("2024-11-13".into()),
        ..doc(
            "a",
            "Hội đàm Việt Nam - Nhật Bản",
            "Bộ trưởng Bùi Thanh Sơn hội đàm với Ngoại trưởng.",
        )
    }]);
    let hits = index.search(&text("son \"hoi dam\"")).unwrap();
    assert_eq!(hits.len(), 1);
    let hit = &hits[0];
    assert_eq!(hit.title, "Hội đàm Việt Nam - Nhật Bản");
    assert_eq!(hit.outlet.as_deref(), Some("Báo Quốc tế"));
    assert_eq!(hit.published.as_deref(), Some("2024-11-13"));
    let marked: Vec<&str> = hit
        .highlights
        .iter()
        .map(|&(s, e)| &hit.snippet[s..e])
        .collect();
    assert_eq!(marked, ["Sơn", "hội", "đàm"]);
    assert!(hit.score > 0.0);
}

#[test]
fn equal_scores_are_ordered_by_id_across_segments() {
    let index = Index::in_memory().unwrap();
    let ids = ["m", "c", "x", "a", "q", "b", "z", "k"];
    // Several commits make several segments, visited in an order unrelated to the ids.
    for chunk in ids.chunks(3) {
        let mut writer = index.writer().unwrap();
        for id in chunk {
            writer
                .upsert(&doc(id, "Cùng tiêu đề", "Cùng nội dung"))
                .unwrap();
        }
        writer.commit(0).unwrap();
    }
    check(
        &index,
        &SearchQuery {
            limit: 3,
            ..text("noi dung")
        },
        &["a", "b", "c"],
    );
    check(
        &index,
        &SearchQuery {
            limit: 1,
            ..text("noi dung")
        },
        &["a"],
    );
    check(
        &index,
        &text("tieu de"),
        &["a", "b", "c", "k", "m", "q", "x", "z"],
    );
    check(
        &index,
        &SearchQuery {
            limit: 4,
            ..SearchQuery::default()
        },
        &["a", "b", "c", "k"],
    );
}

#[test]
fn upsert_replaces_and_delete_and_clear_remove() {
    let index = Index::in_memory().unwrap();
    let mut writer = index.writer().unwrap();
    writer.upsert(&doc("a", "Cũ", "bản cũ")).unwrap();
    writer.upsert(&doc("b", "Khác", "bài khác")).unwrap();
    writer.upsert(&doc("a", "Mới", "bản mới")).unwrap();
    writer.commit(2).unwrap();
    assert_eq!(index.count().unwrap(), 2);
    check(&index, &text("ban"), &["a"]);
    check(&index, &text("cu"), &[]);
    assert_eq!(index.search(&text("moi")).unwrap()[0].title, "Mới");

    let mut writer = index.writer().unwrap();
    writer.upsert(&doc("a", "Mới hơn", "bản mới hơn")).unwrap();
    writer.delete("b").unwrap();
    writer.delete("missing").unwrap();
    writer.commit(3).unwrap();
    assert_eq!(index.count().unwrap(), 1);
    check(&index, &SearchQuery::default(), &["a"]);

    let mut writer = index.writer().unwrap();
    writer.clear().unwrap();
    writer.upsert(&doc("c", "Sau khi xóa", "làm lại")).unwrap();
    writer.commit(4).unwrap();
    check(&index, &SearchQuery::default(), &["c"]);
    assert_eq!(index.indexed_up_to().unwrap(), 4);
}

#[test]
fn one_writer_at_a_time() {
    let index = Index::in_memory().unwrap();
    let writer = index.writer().unwrap();
    assert!(matches!(index.writer(), Err(SearchError::Engine { .. })));
    drop(writer);
    assert!(index.writer().is_ok());
}

#[test]
fn the_writer_budget_is_a_parameter() {
    let index = Index::in_memory().unwrap();
    let err = index.writer_with_budget(1_000).unwrap_err();
    assert!(err.to_string().contains("budget of 1000 bytes"), "{err}");
    let mut writer = index.writer_with_budget(30_000_000).unwrap();
    writer.upsert(&doc("a", "Tin", "nội dung")).unwrap();
    writer.commit(1).unwrap();
    assert_eq!(index.count().unwrap(), 1);
}

#[test]
fn a_payload_that_is_not_a_number_is_an_error() {
    let index = Index::in_memory().unwrap();
    let mut writer: tantivy::IndexWriter =
        index.index.writer_with_num_threads(1, 20_000_000).unwrap();
    let mut prepared = writer.prepare_commit().unwrap();
    prepared.set_payload("seq-12");
    prepared.commit().unwrap();
    let err = index.indexed_up_to().unwrap_err();
    assert!(
        matches!(&err, SearchError::Payload { payload } if payload == "seq-12"),
        "{err}"
    );
}

#[test]
fn commits_are_durable_and_an_uncommitted_writer_leaves_the_last_commit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("search");
    {
        let index = Index::open_or_create(&path).unwrap();
        assert_eq!(index.indexed_up_to().unwrap(), 0);
        assert_eq!(index.count().unwrap(), 0);
        let mut writer = index.writer().unwrap();
        writer
            .upsert(&doc("a", "Bùi Thanh Sơn", "thăm Nhật Bản"))
            .unwrap();
        writer.upsert(&doc("b", "Hòa bình", "khu vực")).unwrap();
        writer.commit(7).unwrap();
    }
    {
        let index = Index::open_or_create(&path).unwrap();
        assert_eq!(index.indexed_up_to().unwrap(), 7);
        assert_eq!(index.count().unwrap(), 2);
        check(&index, &text("son"), &["a"]);
        // Interrupted work: changes made but never committed.
        let mut writer = index.writer().unwrap();
        writer.upsert(&doc("c", "Không được lưu", "mất")).unwrap();
        writer.delete("a").unwrap();
        drop(writer);
    }
    let index = Index::open_or_create(&path).unwrap();
    assert_eq!(index.indexed_up_to().unwrap(), 7);
    assert_eq!(index.count().unwrap(), 2);
    check(&index, &text("son"), &["a"]);
    check(&index, &text("luu"), &[]);
    let mut writer = index.writer().unwrap();
    writer.upsert(&doc("c", "Được lưu", "còn")).unwrap();
    writer.commit(9).unwrap();
    assert_eq!(index.indexed_up_to().unwrap(), 9);
    check(&index, &text("luu"), &["c"]);
}

#[test]
fn another_handle_sees_a_commit_after_reload() {
    let dir = tempfile::tempdir().unwrap();
    let writing = Index::open_or_create(dir.path()).unwrap();
    let reading = Index::open_or_create(dir.path()).unwrap();
    let mut writer = writing.writer().unwrap();
    writer.upsert(&doc("a", "Tin", "nội dung")).unwrap();
    writer.commit(1).unwrap();
    assert_eq!(writing.count().unwrap(), 1);
    assert_eq!(reading.count().unwrap(), 0);
    reading.reload().unwrap();
    assert_eq!(reading.count().unwrap(), 1);
    assert_eq!(reading.indexed_up_to().unwrap(), 1);
}

#[test]
fn a_file_in_place_of_the_directory_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("not-a-dir");
    std::fs::write(&path, "x").unwrap();
    let err = Index::open_or_create(&path).unwrap_err();
    assert!(err.to_string().contains("not-a-dir"), "{err}");
}

#[test]
fn a_thousand_generated_documents() {
    let places = ["Hà Nội", "Đà Nẵng", "Huế", "Cần Thơ", "Hải Phòng"];
    let countries = ["JP", "US", "FR", "KR", "LA", "KH", "CN"];
    let docs: Vec<SearchDoc> = (0..1000)
        .map(|i| SearchDoc {
            countries: vec![countries[i % 7].to_string()],
            ..doc(
                &format!("{i:04}"),
                &format!("Tin số {i}"),
                &format!("Đoàn đến {} ngày {}", places[i % 5], i % 27 + 1),
            )
        })
        .collect();
    let index = index_of(&docs);
    assert_eq!(index.count().unwrap(), 1000);
    // "da nang" and "ngay 7" and country JP: i % 5 == 1, i % 27 == 6, i % 7 == 0.
    let mut expected: Vec<String> = (0..1000)
        .filter(|i| i % 5 == 1 && i % 27 == 6 && i % 7 == 0)
        .map(|i| format!("{i:04}"))
        .collect();
    expected.sort();
    let q = SearchQuery {
        text: "da nang \"ngay 7\"".into(),
        countries: strings(&["JP"]),
        limit: 1000,
        ..SearchQuery::default()
    };
    let mut got: Vec<String> = index
        .search(&q)
        .unwrap()
        .into_iter()
        .map(|h| h.id)
        .collect();
    got.sort();
    assert!(!expected.is_empty());
    assert_eq!(got, expected);
    check(&index, &text("tin so 123"), &["0123"]);
}

#[test]
fn equal_scores_of_ids_alike_in_their_first_eight_bytes_are_still_ordered_by_id() {
    let ids = ["prefixedC", "prefixedA", "prefixedB", "prefixeZ"];
    let index = Index::in_memory().unwrap();
    {
        let mut writer = index.writer().unwrap();
        for id in ids {
            writer
                .upsert(&doc(id, "Cùng tiêu đề", "Cùng nội dung"))
                .unwrap();
        }
        writer.commit(0).unwrap();
    }
    check(
        &index,
        &SearchQuery {
            limit: 2,
            ..text("noi dung")
        },
        &["prefixeZ", "prefixedA"],
    );
    check(
        &index,
        &SearchQuery {
            limit: 3,
            ..text("noi dung")
        },
        &["prefixeZ", "prefixedA", "prefixedB"],
    );
}
