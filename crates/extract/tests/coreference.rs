//! Persons referred to without their names: a title standing alone, plural and counted forms.

use biennien_extract::{extract, Meta};

fn events(body: &str) -> Vec<(String, Option<String>, Vec<String>)> {
    let meta = Meta {
        title: None,
        published: Some("2024-07-14"),
    };
    extract(body, &meta)
        .events
        .into_iter()
        .map(|e| {
            let mut names: Vec<String> = e
                .participants
                .iter()
                .map(|p| p.name.clone().unwrap_or_default())
                .collect();
            names.sort();
            (e.kind.clone(), e.date.clone(), names)
        })
        .collect()
}

#[test]
fn a_title_alone_is_the_article_holder_of_that_office() {
    let body = "Chủ tịch nước Tô Lâm lên đường thăm cấp Nhà nước Lào.\n\n\
                Tại Vientiane, chiều 11/7, Chủ tịch nước đã hội đàm với Tổng Bí thư, Chủ tịch nước \
                Lào Thongloun Sisoulith.";
    let found = events(body);
    assert!(
        found.iter().any(|(kind, date, names)| kind == "TALKS"
            && date.as_deref() == Some("2024-07-11")
            && names == &["Thongloun Sisoulith", "Tô Lâm"]),
        "{found:?}"
    );
}

#[test]
fn a_speaker_a_common_noun_and_counted_visits_are_no_parties() {
    let body = "Đại sứ Việt Nam tại Lào Nguyễn Bá Hùng tiếp phóng viên ngày 10/7.\n\n\
                Đại sứ cho hay ngoại trưởng hai nước đã có nhiều lần đến thăm lẫn nhau, \
                trong đó có 6 chuyến thăm của Thủ tướng Lào Sonexay Siphandone.";
    let found = events(body);
    assert!(
        found.iter().all(|(kind, _, _)| kind != "VISIT"),
        "{found:?}"
    );
}
