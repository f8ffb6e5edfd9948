//! Facts read from whole articles: who gives aid to whom, amounts in every spelling.

use biennien_extract::{extract, Meta};

/// A fact as (kind, countries sorted, donor, amount).
type Seen = (String, Vec<String>, Option<String>, Option<f64>);

fn facts(body: &str) -> Vec<Seen> {
    let meta = Meta {
        title: None,
        published: Some("2018-06-05"),
    };
    extract(body, &meta)
        .facts
        .into_iter()
        .map(|f| {
            let mut countries = f.countries.clone();
            countries.sort();
            (f.kind.clone(), countries, f.donor.clone(), f.amount)
        })
        .collect()
}

#[test]
fn vietnam_gives_when_the_text_names_the_recipient() {
    let body =
        "Chính phủ Việt Nam quyết định hỗ trợ 100.000 USD cho nhân dân Philippines khắc phục \
                hậu quả bão.";
    let found = facts(body);
    assert!(
        found
            .iter()
            .any(|(kind, countries, donor, amount)| kind == "aid"
                && countries == &["PH", "VN"]
                && donor.as_deref() == Some("VN")
                && *amount == Some(100_000.0)),
        "{found:?}"
    );
}

#[test]
fn the_donor_may_follow_the_amount() {
    let body = "Philippines đã nhận 124.000 USD viện trợ từ New Zealand để khắc phục hậu quả bão.";
    let found = facts(body);
    assert!(
        found
            .iter()
            .any(|(kind, _, donor, _)| kind == "aid" && donor.as_deref() == Some("NZ")),
        "{found:?}"
    );
}

#[test]
fn billions_spelled_ti() {
    let body = "Kim ngạch thương mại song phương Việt Nam - Mỹ năm 2017 đạt 51 tỉ USD.";
    let found = facts(body);
    assert!(
        found
            .iter()
            .any(|(kind, _, _, amount)| kind == "trade_volume" && *amount == Some(51e9)),
        "{found:?}"
    );
}

/// Every fact of `body` as a short line: kind, countries, then its value.
fn lines(body: &str) -> Vec<String> {
    let meta = Meta {
        title: None,
        published: Some("2018-06-05"),
    };
    extract(body, &meta)
        .facts
        .into_iter()
        .map(|f| {
            let value = match f.kind.as_str() {
                "relations_established" => f.date.clone().unwrap_or_default(),
                "partnership" => f.level.clone().unwrap_or_default(),
                "trade_rank" => format!(
                    "{} {}",
                    f.subject.clone().unwrap_or_default(),
                    f.rank.unwrap_or(0)
                ),
                _ => format!(
                    "{} {}",
                    f.amount.unwrap_or(0.0),
                    f.donor.clone().unwrap_or_default()
                ),
            };
            format!("{} {} {}", f.kind, f.countries.join("-"), value)
        })
        .collect()
}

#[test]
fn an_anniversary_needs_a_year_of_its_own() {
    let undated =
        lines("Năm nay, Việt Nam và Hàn Quốc kỷ niệm 26 năm thiết lập quan hệ ngoại giao.");
    assert!(
        !undated
            .iter()
            .any(|l| l.starts_with("relations_established")),
        "{undated:?}"
    );
    let dated =
        lines("Việt Nam và Hàn Quốc sẽ kỷ niệm 30 năm thiết lập quan hệ ngoại giao vào 2022.");
    assert!(
        dated.contains(&"relations_established KR-VN 1992".to_string()),
        "{dated:?}"
    );
}

#[test]
fn the_founding_date_is_the_one_next_to_the_verb() {
    let found = lines(
        "Thụy Điển thiết lập quan hệ ngoại giao với Việt Nam (ngày 11/1/1969), sau phong trào \
         phản chiến từ tháng 8/1966.",
    );
    assert_eq!(found, vec!["relations_established SE-VN 1969-01-11"]);
}

#[test]
fn a_partnership_founded_is_not_relations_established() {
    let found = lines("Từ năm 2007, Việt Nam và Ấn Độ đã thiết lập quan hệ Đối tác chiến lược.");
    assert_eq!(found, vec!["partnership IN-VN strategic_partnership"]);
}

#[test]
fn a_plan_to_establish_relations_is_not_a_fact() {
    let found = lines(
        "Tháng 10 năm 1990, đại sứ Việt Nam và Hàn Quốc gặp nhau để bàn việc thiết lập quan hệ.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_pair_keeps_its_highest_framework() {
    let found = lines(
        "Việt Nam và Australia lập quan hệ Đối tác toàn diện năm 2009. Năm 2018, hai nước nâng \
         quan hệ lên Đối tác chiến lược.",
    );
    assert_eq!(found, vec!["partnership AU-VN strategic_partnership"]);
}

#[test]
fn every_trade_figure_counts_but_targets() {
    let found = lines(
        "Quan hệ Việt Nam - Mông Cổ phát triển. Kim ngạch thương mại hai chiều năm ngoái đạt gần \
         ba tỷ USD, 7 tháng đầu năm nay đạt hơn 1,7 tỷ USD; năm 2016 đạt 2 tỷ USD; hai bên \
         phấn đấu đạt mục tiêu 5 tỷ USD.",
    );
    let trade: Vec<&String> = found
        .iter()
        .filter(|l| l.starts_with("trade_volume"))
        .collect();
    assert_eq!(
        trade,
        vec![
            "trade_volume MN-VN 3000000000 ",
            "trade_volume MN-VN 1700000000 ",
            "trade_volume MN-VN 2000000000 "
        ],
        "{found:?}"
    );
}

#[test]
fn a_present_figure_inside_a_target_counts() {
    let found = lines(
        "Hai bên nhất trí đưa kim ngạch thương mại Việt Nam - Campuchia, hiện đạt hơn 10 tỷ USD, \
         lên 20 tỷ USD.",
    );
    assert_eq!(found, vec!["trade_volume KH-VN 10000000000 "], "{found:?}");
}

#[test]
fn rising_is_not_giving() {
    let found = lines(
        "Đứng thứ hai là Hàn Quốc với 38 tỷ USD, Nhật Bản đứng thứ ba với 13 tỷ USD, tăng 7%.",
    );
    assert!(!found.iter().any(|l| l.starts_with("aid")), "{found:?}");
}

#[test]
fn the_recipient_is_the_country_of_the_passage() {
    let found = lines(
        "Siêu bão gây thiệt hại nặng nề cho Philippines. Bộ Ngoại giao Đức công bố viện trợ ban \
         đầu nửa triệu euro cho quốc đảo.",
    );
    assert!(
        found.contains(&"aid DE-PH 500000 DE".to_string()),
        "{found:?}"
    );
}

#[test]
fn partners_listed_respectively_take_the_ranks_in_order() {
    let found = lines(
        "Theo số liệu hải quan, các đối tác thương mại lớn nhất của Việt Nam hiện lần lượt là: \
         Trung Quốc, Hoa Kỳ, Hàn Quốc và Nhật Bản - bốn nền kinh tế chiếm hơn nửa kim ngạch.",
    );
    for want in [
        "trade_rank CN-VN CN 1",
        "trade_rank US-VN US 2",
        "trade_rank KR-VN KR 3",
        "trade_rank JP-VN JP 4",
    ] {
        assert!(found.iter().any(|f| f == want), "{want}: {found:?}");
    }
    // A list of partners without "lần lượt" gives no order.
    let found = lines(
        "Các đối tác thương mại lớn nhất của Việt Nam gồm Trung Quốc, Hoa Kỳ, Hàn Quốc và \
         Nhật Bản.",
    );
    assert!(
        !found.iter().any(|f| f.ends_with(" 2") || f.ends_with(" 3")),
        "{found:?}"
    );
}

#[test]
fn standing_among_a_partners_trading_partners_is_a_rank() {
    let found = lines(
        "Năm 2017, Việt Nam trở thành đối tác thương mại lớn nhất của Trung Quốc trong ASEAN và \
         đứng thứ 8 trong số các đối tác thương mại của Trung Quốc trên toàn thế giới.",
    );
    assert!(
        found.iter().any(|f| f == "trade_rank CN-VN VN 8"),
        "{found:?}"
    );
    let found = lines(
        "Theo số liệu của Cục Thống kê Australia, Hàn Quốc đứng thứ chín trong số các đối tác \
         thương mại của Australia.",
    );
    assert!(
        found.iter().any(|f| f == "trade_rank AU-KR KR 9"),
        "{found:?}"
    );
    // A rank among investors is no trade rank.
    let found = lines("Nhật Bản đứng thứ hai trong số các nhà đầu tư vào Việt Nam.");
    assert!(
        !found.iter().any(|f| f.starts_with("trade_rank")),
        "{found:?}"
    );
}
