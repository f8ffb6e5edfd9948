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
