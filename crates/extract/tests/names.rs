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

fn country_of(found: &[(String, Option<String>, Vec<String>)], name: &str) -> Option<String> {
    found
        .iter()
        .find(|(n, _, _)| n == name)
        .and_then(|(_, c, _)| c.clone())
}

#[test]
fn a_delegation_head_acts_for_the_delegation_country() {
    let body = "Chiều 8/7, Phó Bí thư thường trực Thành ủy Hà Nội Trần Văn Lực đã tiếp đoàn đại \
                biểu Đảng Cộng sản Pháp do bà Claire Moreau, Ủy viên Ban Chấp hành, dẫn đầu.";
    let found = persons(body);
    assert_eq!(
        country_of(&found, "Claire Moreau").as_deref(),
        Some("FR"),
        "{found:?}"
    );
    assert_eq!(
        country_of(&found, "Trần Văn Lực").as_deref(),
        Some("VN"),
        "{found:?}"
    );
}

#[test]
fn a_seat_of_government_in_an_apposition_gives_the_country() {
    let body = "Người phát ngôn Nhà Trắng, ông Mark Ellison, cho biết Mỹ tôn trọng quyết định này.";
    let found = persons(body);
    assert_eq!(
        country_of(&found, "Mark Ellison").as_deref(),
        Some("US"),
        "{found:?}"
    );
}

#[test]
fn a_chamber_before_an_ambiguous_country_name_confirms_it() {
    let body = "Chủ tịch Ủy ban Đối ngoại Thượng viện Nga Pavel Orlov khẳng định điều này.";
    let found = persons(body);
    assert_eq!(
        country_of(&found, "Pavel Orlov").as_deref(),
        Some("RU"),
        "{found:?}"
    );
}

#[test]
fn a_long_institution_name_between_title_and_country() {
    let body = "Đoàn có Phó Chủ nhiệm Ủy ban Cải cách và Phát triển Quốc gia Trung Quốc Triệu \
                Thành Minh; Tổng Cục trưởng Tổng Cục Hợp tác Phát triển Quốc tế Trung Quốc Hứa \
                Quang Vĩnh.";
    let found = persons(body);
    assert_eq!(
        country_of(&found, "Triệu Thành Minh").as_deref(),
        Some("CN"),
        "{found:?}"
    );
    assert_eq!(
        country_of(&found, "Hứa Quang Vĩnh").as_deref(),
        Some("CN"),
        "{found:?}"
    );
    assert!(
        found.iter().all(|(n, _, _)| !n.starts_with("Tổng")),
        "{found:?}"
    );
}
