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

fn acts_for<'a>(
    found: &'a [(String, Option<String>, Vec<String>)],
    name: &str,
) -> Option<&'a Option<String>> {
    found.iter().find(|(n, _, _)| n == name).map(|(_, c, _)| c)
}

#[test]
fn an_officer_of_an_international_body_acts_for_no_country() {
    // Donald Tusk also led Poland's government: the office named here decides.
    let body = "Ngày 5/7, Thủ tướng Phạm Minh Chính đã gặp Chủ tịch Hội đồng châu Âu Donald Tusk \
                và Tổng Giám đốc Tổ chức Y tế thế giới (WHO) Tedros Adhanom Ghebreyesus.";
    let found = persons(body);
    assert_eq!(acts_for(&found, "Donald Tusk"), Some(&None), "{found:?}");
    assert_eq!(
        acts_for(&found, "Tedros Adhanom Ghebreyesus"),
        Some(&None),
        "{found:?}"
    );
    // The same person as Poland's prime minister acts for Poland.
    let found = persons("Ngày 6/7, Thủ tướng Ba Lan Donald Tusk thăm Hà Nội.");
    assert_eq!(
        acts_for(&found, "Donald Tusk"),
        Some(&Some("PL".to_string())),
        "{found:?}"
    );
}

#[test]
fn particles_and_joined_articles_stay_inside_a_name() {
    let body = "Ngày 3/7, Chủ tịch Ủy ban châu Âu (EC) Ursula von der Leyen đã gặp \
                Ngoại trưởng Jordan, ông Ayman al-Safadi, tại Brussels. Trước đó, Hoàng tử \
                Faisal bin Farhan, Ngoại trưởng Saudi Arabia, cũng tới Brussels.";
    let found = persons(body);
    let names: Vec<&str> = found.iter().map(|(n, _, _)| n.as_str()).collect();
    for want in [
        "Ursula von der Leyen",
        "Ayman al-Safadi",
        "Faisal bin Farhan",
    ] {
        assert!(names.contains(&want), "{want} not in {names:?}");
    }
    assert_eq!(
        acts_for(&found, "Ayman al-Safadi"),
        Some(&Some("JO".to_string())),
        "{found:?}"
    );
}

#[test]
fn a_country_after_a_verb_is_no_country_of_the_title() {
    // "sang thăm … Việt Nam" says where the visitor went, not whom he serves.
    let body = "Ngày 14/7, Trưởng ban Đối ngoại Trung ương Lê Hoài Trung tiếp đoàn Đảng Cộng \
                sản Nepal do ông Bishnu Rijal, Phó Tổng Thư ký CPN sang thăm và làm việc tại \
                Việt Nam, dẫn đầu.";
    let found = persons(body);
    assert_eq!(
        acts_for(&found, "Bishnu Rijal"),
        Some(&Some("NP".to_string())),
        "{found:?}"
    );
}

#[test]
fn a_remit_clause_names_a_topic_not_the_country_served() {
    let body = "Ngày 8/7, Đặc phái viên Anh phụ trách vấn đề Myanmar Claire Hardy đã tới Hà Nội. \
                Cùng ngày, Thứ trưởng phụ trách châu Mỹ của Bộ Ngoại giao Nhật Bản Kenji Mori \
                cũng có mặt. Phó Tổng Thư ký Liên hợp quốc phụ trách các vấn đề nhân đạo \
                Tom Fletcher kêu gọi viện trợ cho vùng Trung Đông.";
    let found = persons(body);
    assert_eq!(
        acts_for(&found, "Claire Hardy"),
        Some(&Some("GB".to_string())),
        "{found:?}"
    );
    assert_eq!(
        acts_for(&found, "Kenji Mori"),
        Some(&Some("JP".to_string())),
        "{found:?}"
    );
    assert_eq!(acts_for(&found, "Tom Fletcher"), Some(&None), "{found:?}");
    assert!(
        !found.iter().any(|(n, _, _)| n.contains("Trung Đông")),
        "{found:?}"
    );
}

#[test]
fn a_place_word_between_title_phrase_and_name_is_a_given_name() {
    let body = "Ngày 2/7, Chủ tịch nước đã tiếp Đại sứ Cuba tại Việt Nam Orlando Hernández \
                Guillén. Sau đó, Đại sứ Orlando Hernández Guillén dự lễ tại tỉnh Thái Bình.";
    let found = persons(body);
    assert_eq!(
        acts_for(&found, "Orlando Hernández Guillén"),
        Some(&Some("CU".to_string())),
        "{found:?}"
    );
    assert!(!found.iter().any(|(n, _, _)| n == "Thái Bình"), "{found:?}");
}

#[test]
fn a_hyphenated_surname_refers_back_to_the_fuller_name() {
    let body = "Năm ngoái, Chủ tịch Cuba Miguel Díaz-Canel Bermúdez thăm Việt Nam. \
                Đại sứ cho biết Chủ tịch Díaz-Canel luôn dành tình cảm cho Việt Nam.";
    let found = persons(body);
    let cuban: Vec<_> = found
        .iter()
        .filter(|(_, c, _)| c.as_deref() == Some("CU"))
        .collect();
    assert_eq!(cuban.len(), 1, "{found:?}");
}

#[test]
fn a_description_after_the_name_gives_nationality_or_affiliation() {
    let body = "Theo bà Maria Santos, người Brazil, vụ việc cần được làm rõ. \
                \"Đây là bước đi quan trọng\", ông Peter Lang, chuyên gia về Trung Quốc thuộc \
                Viện Nghiên cứu Chính sách ở Australia, nhận định. Tiến sĩ Ian Chong, giảng \
                viên Đại học Quốc gia (Singapore), cũng đồng tình.";
    let found = persons(body);
    assert_eq!(
        acts_for(&found, "Maria Santos"),
        Some(&Some("BR".to_string())),
        "{found:?}"
    );
    assert_eq!(
        acts_for(&found, "Peter Lang"),
        Some(&Some("AU".to_string())),
        "{found:?}"
    );
    assert_eq!(
        acts_for(&found, "Ian Chong"),
        Some(&Some("SG".to_string())),
        "{found:?}"
    );
}

#[test]
fn people_of_a_story_set_abroad_take_its_country() {
    // Residents quoted in a report from Osaka: the story is about Japan.
    let body = "Ngày 3/7, người dân Osaka đổ ra đường đón đoàn đua. Thủ tướng Nhật Bản \
                Ishiba Shigeru phát biểu tại Osaka. Chính phủ Nhật Bản cho biết sẽ tiếp tục \
                hỗ trợ. \"Tôi rất vui\", ông Kenta Mori, một người dân nói.";
    let found = persons(body);
    assert_eq!(
        acts_for(&found, "Kenta Mori"),
        Some(&Some("JP".to_string())),
        "{found:?}"
    );
    // Two foreign countries in balance: nobody is given either.
    let body = "Ngày 3/7, Mỹ và Nga trao đổi tù nhân. Nhà Trắng và Điện Kremlin xác nhận. \
                Hai nước Mỹ, Nga đều hoan nghênh. \"Tôi rất vui\", ông Alex Turner nói.";
    let found = persons(body);
    assert_eq!(acts_for(&found, "Alex Turner"), Some(&None), "{found:?}");
}

#[test]
fn a_lower_case_portfolio_after_the_title_and_a_foreign_name_under_a_state_title() {
    let body = "Ngày 21/2, Bộ trưởng hải quân Mỹ John Phelan đã tiếp Đại sứ Nguyễn Quốc Dũng tại \
                Washington. Trước đó, Thứ trưởng quốc phòng Philippines, ông Irineo Espino, đã \
                gặp trợ lý bộ trưởng ngoại giao Trần Văn Bình. Thứ trưởng hải quân Hunter \
                Stires cũng dự, cùng nhiều tướng lĩnh của Bộ Quốc phòng Mỹ tại Washington.";
    let found = persons(body);
    assert_eq!(
        acts_for(&found, "John Phelan"),
        Some(&Some("US".to_string())),
        "{found:?}"
    );
    assert_eq!(
        acts_for(&found, "Trần Văn Bình"),
        Some(&Some("VN".to_string())),
        "{found:?}"
    );
    // A title Vietnam's state also has does not make a foreign name Vietnamese.
    assert_eq!(
        acts_for(&found, "Hunter Stires"),
        Some(&Some("US".to_string())),
        "{found:?}"
    );
}

#[test]
fn an_ambiguous_country_word_before_a_foreign_name_is_the_country() {
    let body = "Ông có mặt cùng cựu tư lệnh Bộ Chỉ huy Hậu cần Mỹ Benjamin Griffin. \
                Chủ tịch Tập đoàn Phạm Nhật Vượng cũng tham dự.";
    let found = persons(body);
    assert_eq!(
        acts_for(&found, "Benjamin Griffin"),
        Some(&Some("US".to_string())),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(n, _, _)| n == "Phạm Nhật Vượng"),
        "{found:?}"
    );
}

#[test]
fn a_full_vietnamese_name_needs_no_title_but_a_byline_is_no_person() {
    let body = "Ngày 9/11, phiên xét xử thuyền trưởng Đặng Văn Lượm diễn ra tại tòa án quận. \
                Sau khi bản án được tuyên, Trương Minh Hiếu đã làm đơn kháng cáo. Các em học \
                sinh trường Tiểu học Nguyễn Tất Thành cũng tới dự.\n\nVũ Thị Thu Hằng (TTXVN)";
    let found = persons(body);
    let names: Vec<&str> = found.iter().map(|(n, _, _)| n.as_str()).collect();
    assert!(names.contains(&"Trương Minh Hiếu"), "{names:?}");
    assert!(names.contains(&"Đặng Văn Lượm"), "{names:?}");
    assert!(!names.contains(&"Nguyễn Tất Thành"), "{names:?}");
    assert!(!names.contains(&"Vũ Thị Thu Hằng"), "{names:?}");
}

#[test]
fn place_words_ranks_and_postings_inside_title_phrases_and_names() {
    let body = "Ngày 4/3/1992, đại sứ Nhật Bản ở Bangkok Kenji Tanaka được cử sang Hà Nội. \
                Thứ trưởng phụ trách Bộ Ngoại giao Trung Quốc (cấp Bộ trưởng) Mã Triều Húc \
                cùng dự. Bộ trưởng Ngoại giao Chile Alberto Valparaíso gửi điện chúc mừng. \
                Chủ tịch Tập đoàn Vinamilk Mai Kiều Liên phát biểu.";
    let found = persons(body);
    assert_eq!(
        acts_for(&found, "Kenji Tanaka"),
        Some(&Some("JP".to_string())),
        "{found:?}"
    );
    assert_eq!(
        acts_for(&found, "Mã Triều Húc"),
        Some(&Some("CN".to_string())),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(n, _, _)| n == "Mai Kiều Liên"),
        "{found:?}"
    );
}

#[test]
fn compound_given_names_and_a_known_surname_after_a_word_of_address() {
    let body = "Ngày 5/6, Thủ tướng Phạm Minh Chính tiếp Chủ tịch Ủy ban châu Âu Jean - Claude \
                Juncker. Trong khi đó, ông Macron đã tới Berlin; truyền thông Pháp cho biết ông \
                sẽ gặp Thủ tướng Đức. Hội đàm Việt Nam - Hàn Quốc cũng diễn ra.";
    let found = persons(body);
    let names: Vec<&str> = found.iter().map(|(n, _, _)| n.as_str()).collect();
    assert!(names.contains(&"Jean-Claude Juncker"), "{names:?}");
    assert_eq!(
        acts_for(&found, "Emmanuel Macron"),
        Some(&Some("FR".to_string())),
        "{found:?}"
    );
    // A Vietnamese given name alone is nobody in particular.
    let found = persons("Hội đồng An ninh quốc gia Việt Nam họp. Ông An cho biết.");
    assert!(found.is_empty(), "{found:?}");
}
