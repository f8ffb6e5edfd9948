//! Name forms: spaced dashes, a surname alone after a title, a fuller form told later.

use biennien_extract::{extract, Meta};

fn persons(body: &str) -> Vec<(String, Option<String>, Vec<String>)> {
    let meta = Meta {
        title: None,
        published: Some("2024-07-14"),
    };
    extract(body, &meta)
        .persons
        .into_iter()
        .map(|p| (p.name, p.country, p.aliases))
        .collect()
}

#[test]
fn a_spaced_dash_before_punctuation_still_joins_one_name() {
    let body = "Chiều 12/7, Thủ tướng Thái Lan Somchai Rattana - kul, người vừa nhậm chức, \
                đã hội đàm với Thủ tướng Phạm Minh Chính.\n\n\
                Sau hội đàm, Thủ tướng Thái Lan Somchai Rattana - kul cảm ơn sự đón tiếp.";
    let found = persons(body);
    let thai: Vec<_> = found
        .iter()
        .filter(|(_, c, _)| c.as_deref() == Some("TH"))
        .collect();
    assert_eq!(thai.len(), 1, "{found:?}");
    assert_eq!(thai[0].0, "Somchai Rattana-kul", "{found:?}");
}

#[test]
fn a_surname_alone_after_title_and_country_is_the_known_holder() {
    let body = "Ngày 10/7, Tổng thống Nga Putin đã tiếp Bộ trưởng Ngoại giao Bùi Thanh Sơn \
                tại Moskva.";
    let found = persons(body);
    assert!(
        found
            .iter()
            .any(|(name, country, aliases)| name == "Vladimir Putin"
                && country.as_deref() == Some("RU")
                && aliases.iter().any(|a| a == "Putin")),
        "{found:?}"
    );
}

#[test]
fn a_surname_alone_then_the_full_name_is_one_person() {
    let body = "Đại sứ Đức tại Việt Nam Weissenborn trả lời phỏng vấn ngày 9/7.\n\n\
                Theo Đại sứ Helmut Weissenborn, hai nước còn nhiều tiềm năng hợp tác.";
    let found = persons(body);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Helmut Weissenborn");
    assert_eq!(found[0].1.as_deref(), Some("DE"));
}

#[test]
fn an_acronym_or_a_word_before_another_name_is_no_surname() {
    let body = "Tổng Giám đốc hãng thông tấn Pháp AFP cho biết hãng sẽ mở văn phòng mới.\n\n\
                Đại sứ Pháp Olivier Brochet dự buổi lễ.";
    let found = persons(body);
    assert!(found.iter().all(|(name, _, _)| name != "AFP"), "{found:?}");
}

#[test]
fn a_vietnamese_syllable_after_title_and_country_is_no_surname() {
    let body = "Chủ tịch Đảng Nước Nga Thống nhất tiếp đoàn đại biểu Đảng Cộng sản Việt Nam \
                ngày 10/7.";
    let found = persons(body);
    assert!(
        found.iter().all(|(name, _, _)| name != "Thống"),
        "{found:?}"
    );
}
