//! Events read from short articles: what is reported as having happened, and what is only said
//! about an event.

use biennien_extract::{extract, Meta};

/// An event as (type, date, participant names or countries).
type Seen = (String, Option<String>, Vec<String>);

fn events(body: &str) -> Vec<Seen> {
    let meta = Meta {
        title: None,
        published: Some("2024-06-20"),
    };
    extract(body, &meta)
        .events
        .into_iter()
        .map(|e| {
            let who = e
                .participants
                .iter()
                .map(|p| p.name.clone().or(p.country.clone()).unwrap_or_default())
                .collect();
            (e.kind, e.date, who)
        })
        .collect()
}

fn kinds(body: &str) -> Vec<String> {
    events(body).into_iter().map(|e| e.0).collect()
}

#[test]
fn an_opinion_about_a_visit_is_no_visit() {
    let body = "Sáng 19/6, Bộ trưởng Ngoại giao Bùi Thanh Sơn hội đàm với Ngoại trưởng Nhật Bản \
                Kamikawa Yoko. Hai bộ trưởng cho rằng chuyến thăm Nhật Bản của Chủ tịch nước Tô \
                Lâm sẽ là dấu mốc quan trọng.";
    assert_eq!(kinds(body), vec!["TALKS"]);
}

#[test]
fn a_recollection_counts_when_it_is_dated() {
    let body = "Chiều 19/6, Thủ tướng Phạm Minh Chính tiếp Đại sứ Ấn Độ Sandeep Arya. Thủ tướng \
                Phạm Minh Chính nhắc lại cuộc gặp với Thủ tướng Ấn Độ Narendra Modi tại Hiroshima (20/5/2023).";
    let found = events(body);
    assert!(
        found.iter().any(|(k, d, who)| k == "MEET"
            && d.as_deref() == Some("2023-05-20")
            && who.contains(&"Narendra Modi".to_string())),
        "{found:?}"
    );
}

#[test]
fn appreciating_an_encounter_reports_none() {
    let body = "Chiều 19/6, Chủ tịch nước Tô Lâm hội đàm với Tổng thống Hàn Quốc Yoon Suk Yeol. \
                Tại hội đàm, Chủ tịch nước bày tỏ vui mừng được gặp lại Tổng thống Yoon Suk Yeol.";
    assert_eq!(kinds(body), vec!["TALKS"]);
}

#[test]
fn a_coming_visit_is_no_visit() {
    let body = "Người phát ngôn Bộ Ngoại giao Phạm Thu Hằng cho biết chuyến thăm Việt Nam sắp \
                tới của Tổng thống Nga Vladimir Putin có ý nghĩa quan trọng.";
    assert!(kinds(body).is_empty(), "{:?}", events(body));
}

#[test]
fn an_anniversary_of_a_signing_is_no_signing() {
    let body = "Chiều 19/6, Chủ tịch Quốc hội Trần Thanh Mẫn tiếp Đại sứ Pháp Olivier Brochet \
                nhân dịp kỷ niệm 10 năm ký Tuyên bố chung về quan hệ đối tác chiến lược.";
    assert_eq!(kinds(body), vec!["RECEIVE"]);
}

#[test]
fn compatriots_meeting_is_no_event() {
    let body = "Chiều 19/6, Đại sứ Việt Nam tại Nhật Bản Phạm Quang Hiệu gặp luật sư Nguyễn \
                Văn Bình tại Đại sứ quán.";
    assert!(kinds(body).is_empty(), "{:?}", events(body));
}

#[test]
fn a_party_named_unity_is_no_agreement() {
    let body = "Chiều 19/6, Chủ tịch Đảng Nước Nga Thống nhất Dmitry Medvedev đã tiếp Trưởng \
                ban Đối ngoại Trung ương Lê Hoài Trung.";
    assert_eq!(kinds(body), vec!["RECEIVE"]);
}

#[test]
fn an_office_without_a_name_is_its_holder() {
    let body = "Chủ tịch nước Lương Cường đón Tổng thống Chile Gabriel Boric. Sáng 19/6, hội đàm \
                giữa Chủ tịch nước với Tổng thống Chile diễn ra tại Phủ Chủ tịch.";
    let found = events(body);
    assert!(
        found.iter().any(|(k, _, who)| k == "TALKS"
            && who.contains(&"Lương Cường".to_string())
            && who.contains(&"Gabriel Boric".to_string())),
        "{found:?}"
    );
}

#[test]
fn the_holder_of_the_office_named_among_compatriots() {
    let body = "Tổng thống Mỹ Joe Biden cử Ngoại trưởng Antony Blinken sang châu Á. Chiều 19/6, \
                Ngoại trưởng Mỹ mời Bộ trưởng Ngoại giao Bùi Thanh Sơn thăm Washington.";
    let found = events(body);
    assert!(
        found.iter().any(|(k, _, who)| k == "INVITE"
            && who.contains(&"Antony Blinken".to_string())
            && who.contains(&"Bùi Thanh Sơn".to_string())),
        "{found:?}"
    );
}

#[test]
fn an_opening_back_reference_adds_no_encounter() {
    let body = "Sáng 19/6, Phó Chủ tịch nước Võ Thị Ánh Xuân tiếp Công chúa Thái Lan Maha Chakri \
                Sirindhorn. Tại cuộc gặp, Phó Chủ tịch nước cảm ơn Thái Lan đã giúp đỡ cộng \
                đồng người Việt (16-17/6).";
    assert_eq!(kinds(body), vec!["RECEIVE"]);
}

#[test]
fn meeting_the_press_or_difficulties_is_no_encounter() {
    let body = "Chiều 19/6, Đại sứ Mỹ Marc Knapper có cuộc gặp gỡ báo giới tại Hà Nội. Ông Marc \
                Knapper cho biết doanh nghiệp Mỹ gặp nhiều khó khăn tại Việt Nam.";
    assert!(kinds(body).is_empty(), "{:?}", events(body));
}

#[test]
fn an_encounter_told_twice_keeps_its_finer_date() {
    let body =
        "Trong tháng này, Bộ trưởng Bùi Thanh Sơn gặp Ngoại trưởng Lào Saleumxay Kommasith. Bộ \
                trưởng Ngoại giao Bùi Thanh Sơn chiều 20/6 gặp Ngoại trưởng Lào Saleumxay \
                Kommasith tại Viêng Chăn.";
    let meets: Vec<Seen> = events(body).into_iter().filter(|e| e.0 == "MEET").collect();
    assert_eq!(meets.len(), 1, "{meets:?}");
    assert_eq!(meets[0].1.as_deref(), Some("2024-06-20"));
}

#[test]
fn an_award_told_again_by_country_is_one_award() {
    let body = "Chiều 19/6, Thứ trưởng Ngoại giao Đỗ Hùng Việt trao tặng Huân chương Hữu nghị cho \
                Đại sứ Nhật Bản Yamada Takio. Đại sứ Yamada Takio được Nhà nước Việt Nam trao \
                tặng Huân chương vì những đóng góp cho quan hệ hai nước.";
    assert_eq!(kinds(body), vec!["AWARD"], "{:?}", events(body));
}

#[test]
fn captions_and_teasers_report_nothing() {
    let body = "Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Úc Anthony Albanese. Ảnh: \
                TTXVN\n\nViệt Nam - Úc: Quan hệ mới Chuyến thăm chính thức Úc của Chủ tịch \
                Quốc hội Vương Đình Huệ diễn ra từ ...";
    assert!(kinds(body).is_empty(), "{:?}", events(body));
}

#[test]
fn a_visiting_state_is_met_in_its_visitor() {
    let body = "Đại tướng Trương Hựu Hiệp, Phó Chủ tịch Quân ủy Trung ương Trung Quốc, thăm \
                chính thức Việt Nam từ ngày 18 đến 20/6. Ông Trương Hựu Hiệp hội kiến Chủ tịch \
                Trung Quốc Tập Cận Bình trước chuyến đi. Tại cuộc hội đàm, Đại tướng Phan Văn \
                Giang nhấn mạnh quan hệ với Trung Quốc là ưu tiên hàng đầu.";
    let found = events(body);
    assert!(
        found.iter().any(|(k, _, who)| k == "TALKS"
            && who.contains(&"Trương Hựu Hiệp".to_string())
            && who.contains(&"Phan Văn Giang".to_string())),
        "{found:?}"
    );
}

#[test]
fn the_visitor_may_follow_the_trip() {
    let body = "Trong khuôn khổ chuyến thăm chính thức Lào, sáng 19/6, Bộ trưởng Công an Lương \
                Tam Quang hội đàm với Bộ trưởng An ninh Lào Vilay Lakhamphong.";
    let found = events(body);
    assert!(
        found
            .iter()
            .any(|(k, _, who)| k == "VISIT" && who == &["Lương Tam Quang".to_string()]),
        "{found:?}"
    );
}

#[test]
fn a_country_in_a_title_is_no_destination() {
    let body = "Nhân chuyến thăm tàu, Đại sứ Việt Nam Hà Kim Ngọc cùng Thứ trưởng Ngoại giao Mỹ \
                Richard Verma trao đổi với thủy thủ đoàn.";
    assert!(
        !kinds(body).contains(&"VISIT".to_string()),
        "{:?}",
        events(body)
    );
}

#[test]
fn a_country_named_like_a_word_right_after_the_trip() {
    let body = "Chuyến thăm chính thức Nga của Chủ tịch nước Tô Lâm hồi tháng 6/2024 thúc đẩy \
                quan hệ hai nước.";
    let found = events(body);
    assert!(
        found
            .iter()
            .any(|(k, d, _)| k == "VISIT" && d.as_deref() == Some("2024-06")),
        "{found:?}"
    );
}

#[test]
fn a_quoted_hope_is_no_event() {
    let body = "\"Hy vọng rằng chuyến thăm Việt Nam của Thủ tướng Ấn Độ Narendra Modi sẽ thúc \
                đẩy quan hệ\", Đại sứ Nguyễn Thanh Hải nói.";
    assert!(kinds(body).is_empty(), "{:?}", events(body));
}

#[test]
fn presenting_credentials_is_a_reception_by_the_head_of_state() {
    let body = "Chiều 18/6, Đại sứ Brazil Marcos Leal Raposo trình Quốc thư lên Chủ tịch nước \
                Tô Lâm tại Phủ Chủ tịch.";
    let found = events(body);
    assert_eq!(found.len(), 1, "{found:?}");
    let (k, d, who) = &found[0];
    assert_eq!(k, "RECEIVE");
    assert_eq!(d.as_deref(), Some("2024-06-18"));
    assert!(who.contains(&"Tô Lâm".to_string()), "{found:?}");
    assert!(
        who.len() == 2 && who.iter().any(|w| w.contains("Raposo")),
        "{found:?}"
    );
    // The envoy named after: the one who presented is still the foreigner, not the speaker.
    let body = "Chủ tịch nước Tô Lâm đánh giá cao việc, kể từ khi trình Quốc thư lên Chủ tịch \
                nước Nguyễn Phú Trọng năm 2021, Đại sứ Pháp Olivier Brochet đã có nhiều đóng góp.";
    let found = events(body);
    assert!(
        found.iter().any(|(k, _, who)| k == "RECEIVE"
            && who.contains(&"Nguyễn Phú Trọng".to_string())
            && who.contains(&"Olivier Brochet".to_string())),
        "{found:?}"
    );
}

fn dated(found: &[Seen], kind: &str, who: &str) -> Option<String> {
    found
        .iter()
        .find(|(k, _, w)| k == kind && w.iter().any(|n| n.contains(who)))
        .and_then(|(_, d, _)| d.clone())
}

#[test]
fn the_same_day_is_the_day_last_told() {
    let body = "Chiều 18/6, Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Ngoại giao Pháp Stéphane \
                Séjourné. Cùng ngày, Phó Thủ tướng Trần Hồng Hà tiếp Đại sứ Pháp Olivier Brochet \
                để bàn kế hoạch hợp tác trong năm 2024.";
    let found = events(body);
    assert_eq!(
        dated(&found, "RECEIVE", "Brochet").as_deref(),
        Some("2024-06-18"),
        "{found:?}"
    );
    // A meeting recalled from long before does not change the day of the story.
    let body = "Chiều 18/6, Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Đầu tư Saudi Arabia Khalid \
                Al-Falih. Thủ tướng nhắc lại cuộc gặp với Thái tử Saudi Arabia Mohammed bin Salman \
                tại Riyadh (29/10/2023). Cùng ngày, Phó Thủ tướng Trần Hồng Hà tiếp Đại sứ Nhật \
                Bản Ito Naoki.";
    let found = events(body);
    assert_eq!(
        dated(&found, "RECEIVE", "Ito Naoki").as_deref(),
        Some("2024-06-18"),
        "{found:?}"
    );
}

#[test]
fn a_visit_is_dated_by_its_first_day() {
    let body = "Chiều 19/6, Chủ tịch nước Tô Lâm hội đàm với Tổng thống Hàn Quốc Yoon Suk Yeol, \
                người đến Hà Nội tối 18/6, bắt đầu chuyến thăm cấp Nhà nước Việt Nam.";
    let found = events(body);
    assert_eq!(
        dated(&found, "VISIT", "Yoon").as_deref(),
        Some("2024-06-18"),
        "{found:?}"
    );
    let body = "Hôm qua, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào Sonexay Siphandone \
                tại Vientiane, trong khuôn khổ chuyến thăm chính thức Lào của Thủ tướng từ ngày 17 \
                đến 19/6.";
    let found = events(body);
    assert_eq!(
        dated(&found, "VISIT", "Phạm Minh Chính").as_deref(),
        Some("2024-06-17"),
        "{found:?}"
    );
    // The start told after the talks does not date what follows them.
    let body = "Sáng 19/6, Chủ tịch Quốc hội Vương Đình Huệ hội đàm với Chủ tịch Quốc hội Lào \
                Saysomphone Phomvihane. Ông Saysomphone Phomvihane đến Hà Nội chiều 18/6, bắt đầu \
                chuyến thăm chính thức Việt Nam. Sau hội đàm, hai Chủ tịch Quốc hội đã ký Thỏa \
                thuận hợp tác giữa hai Quốc hội.";
    let found = events(body);
    assert_eq!(
        dated(&found, "SIGN", "Vương Đình Huệ").as_deref(),
        Some("2024-06-19"),
        "{found:?}"
    );
}

#[test]
fn a_past_step_of_the_relation_keeps_the_date_told_beside_it() {
    let body = "Sáng 19/6, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Nhật Bản Kishida \
                Fumio. Hai bên hài lòng về hợp tác, đặc biệt kể từ khi hai nước thiết lập quan hệ \
                Đối tác chiến lược nhân chuyến thăm Nhật Bản của Chủ tịch nước Trương Tấn Sang \
                (tháng 3/2014).";
    let found = events(body);
    assert_eq!(
        dated(&found, "VISIT", "Trương Tấn Sang").as_deref(),
        Some("2014-03"),
        "{found:?}"
    );
    let body = "Sáng 19/6, Thủ tướng Phạm Minh Chính tiếp Đại sứ Hàn Quốc Choi Young Sam. Năm \
                1992, Ngoại trưởng Hàn Quốc Lee Sang Ok sang thăm Việt Nam và ngày 22-12-1992 đã \
                cùng Ngoại trưởng Nguyễn Mạnh Cầm ký tuyên bố chung về việc thiết lập quan hệ ngoại \
                giao.";
    let found = events(body);
    assert_eq!(
        dated(&found, "SIGN", "Nguyễn Mạnh Cầm").as_deref(),
        Some("1992-12-22"),
        "{found:?}"
    );
}

#[test]
fn talks_between_two_leaders_leave_out_who_attended_them() {
    let body = "Sáng 18/6, Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên đã dự lễ đón, hội đàm giữa \
                Chủ tịch nước Tô Lâm với Tổng thống Kenya William Ruto tại Phủ Chủ tịch.";
    let found = events(body);
    let talks: Vec<&Seen> = found.iter().filter(|e| e.0 == "TALKS").collect();
    assert_eq!(talks.len(), 1, "{found:?}");
    let mut who = talks[0].2.clone();
    who.sort();
    assert_eq!(who, vec!["Tô Lâm", "William Ruto"], "{found:?}");
}

#[test]
fn a_plain_meeting_told_with_the_talks_is_the_talks() {
    let body = "Tổng thống Hàn Quốc Yoon Suk Yeol gặp Thủ tướng Nhật Bản Kishida Fumio tại Seoul \
                ngày 7/5, trước khi hai nhà lãnh đạo cùng ngồi xuống hội đàm.";
    assert_eq!(kinds(body), vec!["TALKS"], "{:?}", events(body));
    // A private meeting is an encounter of its own.
    let body = "Chiều 17/6, tại Phủ Tổng thống, ngay sau lễ đón chính thức và cuộc gặp riêng, \
                Thủ tướng Phạm Minh Chính đã hội đàm với Tổng thống Chile Gabriel Boric.";
    let mut k = kinds(body);
    k.sort();
    assert_eq!(k, vec!["MEET", "TALKS"], "{:?}", events(body));
}

#[test]
fn a_list_of_counterparts_gives_one_meeting_each_and_no_more() {
    let body = "Ngày 8/6, tiếp tục các hoạt động tiếp xúc song phương bên lề Hội nghị Thượng \
                đỉnh G7, Thủ tướng Phạm Minh Chính đã có các cuộc gặp với Thủ tướng Ấn Độ \
                Narendra Modi, Tổng thống Brazil Luiz Inácio Lula da Silva và Thủ tướng Canada \
                Justin Trudeau.";
    let found = events(body);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        found.iter().all(|e| e.0 == "MEET" && e.2.len() == 2),
        "{found:?}"
    );
}

#[test]
fn both_sides_at_the_talks_are_the_talks_parties() {
    let body = "Sáng 18/6, Bộ trưởng Quốc phòng Phan Văn Giang hội đàm với Phó Thủ tướng, Bộ \
                trưởng Quốc phòng Australia Richard Marles. Chiều cùng ngày, Thủ tướng Phạm Minh \
                Chính tiếp Phó Thủ tướng Richard Marles. Tại cuộc hội đàm, hai bên đã ký kết Bản \
                ghi nhớ về hợp tác gìn giữ hòa bình.";
    let found = events(body);
    let signs: Vec<&Seen> = found.iter().filter(|e| e.0 == "SIGN").collect();
    assert_eq!(signs.len(), 1, "{found:?}");
    let mut who = signs[0].2.clone();
    who.sort();
    assert_eq!(who, vec!["Phan Văn Giang", "Richard Marles"], "{found:?}");
}

#[test]
fn both_sides_named_only_after_a_signing_are_not_its_signers() {
    let body = "Chiều 18/6, Phó Thủ tướng Trần Hồng Hà gặp Bộ trưởng Thương mại New Zealand Todd \
                McClay. Quan chức hai nước ký kết Chương trình hành động giai đoạn 2024-2027, văn \
                kiện thể hiện cam kết của hai bên trong nhiều lĩnh vực.";
    assert_eq!(kinds(body), vec!["MEET"], "{:?}", events(body));
}

/// The visits found, as (date, host country).
fn visits(body: &str) -> Vec<(Option<String>, Option<String>)> {
    let meta = Meta {
        title: None,
        published: Some("2024-06-20"),
    };
    let mut v: Vec<_> = extract(body, &meta)
        .events
        .into_iter()
        .filter(|e| e.kind == "VISIT")
        .map(|e| (e.date, e.location.and_then(|l| l.country)))
        .collect();
    v.sort();
    v
}

#[test]
fn a_trip_to_countries_joined_by_and_is_one_visit_each() {
    let body = "Trong khuôn khổ chuyến thăm chính thức tới Singapore và Malaysia (3-6/6), Thủ \
                tướng Phạm Minh Chính đã dự lễ khánh thành một trung tâm dữ liệu của Việt Nam.";
    assert_eq!(
        visits(body),
        vec![
            (Some("2024-06".to_string()), Some("MY".to_string())),
            (Some("2024-06-03".to_string()), Some("SG".to_string())),
        ],
        "{:?}",
        events(body)
    );
    // Told in the trip's order: the first leg first.
    let dates: Vec<Option<String>> = events(body).into_iter().map(|e| e.1).collect();
    assert_eq!(
        dates,
        vec![Some("2024-06-03".to_string()), Some("2024-06".to_string())]
    );
}

#[test]
fn a_trip_framing_a_day_has_its_month() {
    let body = "Trong khuôn khổ chuyến thăm chính thức Nhật Bản, chiều 18/6, Bộ trưởng Ngoại \
                giao Bùi Thanh Sơn đã hội đàm với Ngoại trưởng Nhật Bản Kamikawa Yoko.";
    assert_eq!(
        visits(body),
        vec![(Some("2024-06".to_string()), Some("JP".to_string()))]
    );
}

#[test]
fn a_country_named_for_an_office_or_a_topic_is_no_destination() {
    let body = "Ngoại trưởng Pháp Stéphane Séjourné sáng 18/6 gặp Phó Thủ tướng Trần Lưu Quang, \
                trong chuyến thăm đầu tiên trên cương vị ngoại trưởng Pháp.";
    assert_eq!(visits(body), vec![], "{:?}", events(body));
    let body = "Ngày 18/6, Thứ trưởng Ngoại giao Mỹ Kurt Campbell đến thăm và nói chuyện tại một \
                trường đại học ở Boston về quan hệ với các đối tác Việt Nam.";
    assert_eq!(visits(body), vec![], "{:?}", events(body));
}

#[test]
fn the_further_trips_of_an_announced_visitor_are_planned_too() {
    let body = "Thủ tướng Phạm Minh Chính và phu nhân sẽ thăm chính thức Ba Lan theo lời mời của \
                Thủ tướng Donald Tusk. Thủ tướng và phu nhân sau đó thăm chính thức Cộng hòa Séc. \
                Năm ngoái, Thủ tướng Phạm Minh Chính đã thăm chính thức Hungary.";
    assert_eq!(
        visits(body),
        vec![(Some("2023".to_string()), Some("HU".to_string()))],
        "{:?}",
        events(body)
    );
}

#[test]
fn a_pronoun_traveller_is_the_person_last_named() {
    let body = "Ông Lương Cường được Quốc hội bầu làm Chủ tịch nước ngày 21/5. Trên cương vị mới, \
                ông đã thăm chính thức Chile và Peru.";
    let found = events(body);
    assert_eq!(
        visits(body),
        vec![
            (Some("2024-05".to_string()), Some("CL".to_string())),
            (Some("2024-05".to_string()), Some("PE".to_string())),
        ],
        "{found:?}"
    );
    assert!(
        found.iter().all(|e| e.2 == vec!["Lương Cường".to_string()]),
        "{found:?}"
    );
    // Someone named in the sentence is the traveller, not the person named before.
    let body = "Ông Lương Cường được Quốc hội bầu làm Chủ tịch nước. Theo Đại sứ Chile, ông \
                Gabriel Boric đã thăm chính thức Việt Nam năm 2023.";
    let found = events(body);
    assert!(
        found
            .iter()
            .all(|e| !e.2.contains(&"Lương Cường".to_string())),
        "{found:?}"
    );
}

#[test]
fn trips_counted_are_no_visit() {
    let body = "Đại sứ Hàn Quốc Choi Young-sam cho biết ông đã đến thăm Việt Nam 5 lần trước khi \
                nhận nhiệm vụ tại Hà Nội.";
    assert_eq!(visits(body), vec![], "{:?}", events(body));
    let body = "Ngày 18/6, Tổng thống Hàn Quốc Yoon Suk Yeol thăm Việt Nam lần thứ hai.";
    assert_eq!(visits(body).len(), 1, "{:?}", events(body));
}

#[test]
fn a_recollection_dated_only_by_what_is_to_come_is_none() {
    let body = "Chiều 18/6, Phó Thủ tướng Trần Hồng Hà tiếp Bộ trưởng Thương mại Peru Úrsula \
                Desilú León. Phó Thủ tướng nhắc lại việc lãnh đạo Việt Nam đã mời Tổng thống Peru \
                Dina Boluarte dự Hội nghị Cấp cao APEC vào tháng 11 tới.";
    assert_eq!(kinds(body), vec!["RECEIVE"], "{:?}", events(body));
}

#[test]
fn a_sentence_opening_with_trong_names_no_leader_trong() {
    // "Trong" (in) folds like the given name "Trọng": it is no mention of the leader.
    let body = "Chiều 18/6, Tổng Bí thư Nguyễn Phú Trọng tiếp Đại sứ Nhật Bản Yamada Takio. \
                Trong cuộc hội kiến Thủ tướng Phạm Minh Chính hôm 19/6, Đại sứ Yamada Takio \
                trình bày kế hoạch hợp tác.";
    let found = events(body);
    assert!(
        found.iter().any(|(k, d, who)| k == "MEET"
            && d.as_deref() == Some("2024-06-19")
            && who.contains(&"Phạm Minh Chính".to_string())
            && !who.contains(&"Nguyễn Phú Trọng".to_string())),
        "{found:?}"
    );
}

#[test]
fn calling_someone_on_the_phone_is_a_call() {
    let body = "Ngày 18/6, Ngoại trưởng Pháp Stéphane Séjourné đã gọi điện cho Ngoại trưởng \
                Ấn Độ Subrahmanyam Jaishankar để trao đổi về tình hình khu vực. Thủ tướng Anh \
                Rishi Sunak cho biết ông sẽ gọi điện cho Tổng thống Kenya William Ruto.";
    let found = events(body);
    assert_eq!(
        found,
        vec![(
            "CALL".to_string(),
            Some("2024-06-18".to_string()),
            vec![
                "Stéphane Séjourné".to_string(),
                "Subrahmanyam Jaishankar".to_string()
            ]
        )]
    );
}

#[test]
fn travellers_who_each_made_a_trip_have_a_visit_each() {
    let body = "Đầu tháng 6, Thủ tướng Phạm Minh Chính và Chủ tịch Quốc hội Trần Thanh Mẫn đều \
                có chuyến thăm chính thức tới Hàn Quốc.";
    let mut found: Vec<Vec<String>> = events(body).into_iter().map(|e| e.2).collect();
    found.sort();
    assert_eq!(
        found,
        vec![
            vec!["Phạm Minh Chính".to_string()],
            vec!["Trần Thanh Mẫn".to_string()]
        ]
    );
    // Without "đều", the trip is told of the one named next to it.
    let body = "Đầu tháng 6, Đại sứ Nguyễn Vũ Tùng cho biết Thủ tướng Phạm Minh Chính đã có \
                chuyến thăm chính thức tới Hàn Quốc.";
    let found: Vec<Vec<String>> = events(body).into_iter().map(|e| e.2).collect();
    assert_eq!(found, vec![vec!["Phạm Minh Chính".to_string()]]);
}

#[test]
fn a_visit_known_by_its_year_takes_the_month_of_its_first_encounter() {
    // No publication date: the year is the text's own.
    let body = "Tổng thống Indonesia Joko Widodo hôm nay thăm chính thức Việt Nam, chuyến công du \
                đầu tiên của ông trong năm 2018. Trong cuộc hội đàm với Thủ tướng Nguyễn Xuân \
                Phúc hôm 11/9, Tổng thống Joko Widodo đề nghị tăng cường hợp tác biển. Trước đó, \
                hôm 2/7 tại Jakarta, Tổng thống Joko Widodo đã tiếp Đại sứ Việt Nam Phạm Vinh \
                Quang.";
    let meta = Meta {
        title: None,
        published: None,
    };
    let visits: Vec<(Option<String>, Option<String>)> = extract(body, &meta)
        .events
        .into_iter()
        .filter(|e| e.kind == "VISIT")
        .map(|e| (e.date, e.location.and_then(|l| l.country)))
        .collect();
    assert_eq!(
        visits,
        vec![(Some("2018-09".to_string()), Some("VN".to_string()))]
    );
}

#[test]
fn delivering_a_leaders_invitation_is_an_invitation_to_the_counterpart() {
    let body = "Chiều 18/6, Bộ trưởng Ngoại giao Bùi Thanh Sơn hội đàm với Ngoại trưởng Chile \
                Alberto van Klaveren. Bộ trưởng Bùi Thanh Sơn đề nghị hai bên tăng cường trao đổi \
                đoàn, chuyển lời mời của Chủ tịch nước Tô Lâm mời Tổng thống Chile thăm Việt Nam.";
    let found = events(body);
    let invite = found.iter().find(|e| e.0 == "INVITE");
    assert!(
        invite.is_some_and(|(_, d, who)| d.as_deref() == Some("2024-06-18")
            && ["Tô Lâm", "Bùi Thanh Sơn", "Alberto van Klaveren"]
                .iter()
                .all(|n| who.contains(&n.to_string()))),
        "{found:?}"
    );
    // An invitation still to be delivered is none.
    let body = "Chiều 18/6, Bộ trưởng Ngoại giao Bùi Thanh Sơn hội đàm với Ngoại trưởng Chile \
                Alberto van Klaveren. Bộ trưởng Bùi Thanh Sơn cho biết sẽ chuyển lời mời của Chủ \
                tịch nước Tô Lâm mời Tổng thống Chile thăm Việt Nam.";
    assert_eq!(kinds(body), vec!["TALKS"]);
}

#[test]
fn counterparts_listed_by_country_after_a_plural_office_are_met_each() {
    let body = "Ngày 18/6 tại Viêng Chăn, Bộ trưởng Ngoại giao Bùi Thanh Sơn có các cuộc gặp \
                song phương với các ngoại trưởng Canada, Hàn Quốc và Liên minh châu Âu (EU), \
                theo thông cáo của Bộ Ngoại giao.";
    let mut found: Vec<Vec<String>> = events(body).into_iter().map(|e| e.2).collect();
    found.sort();
    assert_eq!(
        found,
        vec![
            vec!["Bùi Thanh Sơn".to_string(), "CA".to_string()],
            vec!["Bùi Thanh Sơn".to_string(), "EU".to_string()],
            vec!["Bùi Thanh Sơn".to_string(), "KR".to_string()],
        ]
    );
    // Named counterparts are met by name.
    let body = "Ngày 18/6, Bộ trưởng Ngoại giao Bùi Thanh Sơn có các cuộc gặp với các ngoại \
                trưởng Canada Mélanie Joly và Hàn Quốc Cho Tae-yul.";
    let mut found: Vec<Vec<String>> = events(body).into_iter().map(|e| e.2).collect();
    found.sort();
    assert_eq!(
        found,
        vec![
            vec!["Bùi Thanh Sơn".to_string(), "Cho Tae-yul".to_string()],
            vec!["Bùi Thanh Sơn".to_string(), "Mélanie Joly".to_string()],
        ]
    );
}

#[test]
fn two_words_for_meetings_with_objects_of_their_own_are_two_meetings() {
    let body = "Chiều 18/6, Thủ tướng Phạm Minh Chính gặp chủ tịch Thượng viện, chủ tịch Hạ \
                viện Ba Lan, và chào xã giao Tổng thống Andrzej Duda.";
    let mut found: Vec<Vec<String>> = events(body).into_iter().map(|e| e.2).collect();
    found.sort();
    assert_eq!(
        found,
        vec![
            vec!["Phạm Minh Chính".to_string(), "Andrzej Duda".to_string()],
            vec!["Phạm Minh Chính".to_string(), "PL".to_string()],
        ]
    );
    // "gặp gỡ và tiếp xúc với B": one encounter.
    let body = "Chiều 18/6, Thủ tướng Phạm Minh Chính gặp gỡ và tiếp xúc với Tổng thống Ba Lan \
                Andrzej Duda.";
    assert_eq!(kinds(body), vec!["MEET"]);
}

#[test]
fn an_undated_report_has_the_month_of_a_publication_late_in_it() {
    let body = "Tại cuộc gặp, Thủ tướng Phạm Minh Chính đề nghị Tổng thống Nga Vladimir Putin \
                tăng cường hợp tác năng lượng. Thủ tướng Phạm Minh Chính gặp Tổng thống Nga \
                Vladimir Putin bên lề hội nghị.";
    let dates: Vec<Option<String>> = events(body).into_iter().map(|e| e.1).collect();
    assert_eq!(dates, vec![Some("2024-06".to_string())]);
    // Published on the 2nd, the report may tell of the month before: the year only.
    let meta = Meta {
        title: None,
        published: Some("2024-06-02"),
    };
    let dates: Vec<Option<String>> = extract(body, &meta)
        .events
        .into_iter()
        .map(|e| e.date)
        .collect();
    assert_eq!(dates, vec![Some("2024".to_string())]);
}

#[test]
fn an_encounter_known_by_its_year_on_the_one_trip_that_year_has_its_month() {
    let meta = Meta {
        title: None,
        published: None,
    };
    let signed = |body: &str| -> Vec<Option<String>> {
        extract(body, &meta)
            .events
            .into_iter()
            .filter(|e| e.kind == "SIGN")
            .map(|e| e.date)
            .collect()
    };
    let body = "Hôm nay, Thủ tướng Jacinda Ardern và Thủ tướng Nguyễn Xuân Phúc đã ký tuyên bố \
                chung về quan hệ Đối tác chiến lược, dấu mốc của năm 2019. Thủ tướng Nguyễn Xuân \
                Phúc đang thăm chính thức New Zealand từ ngày 12 đến 14/3.";
    assert_eq!(signed(body), vec![Some("2019-03".to_string())]);
    // Two trips of that year: which one is not told.
    let body = "Hôm nay, Thủ tướng Jacinda Ardern và Thủ tướng Nguyễn Xuân Phúc đã ký tuyên bố \
                chung về quan hệ Đối tác chiến lược, dấu mốc của năm 2019. Thủ tướng Nguyễn Xuân \
                Phúc đã thăm chính thức New Zealand từ ngày 12 đến 14/3 và thăm chính thức \
                Australia từ ngày 20 đến 22/8.";
    assert_eq!(signed(body), vec![Some("2019".to_string())]);
}

#[test]
fn a_visit_begins_on_the_day_its_visitor_arrived() {
    let body = "Thủ tướng Thái Lan Srettha Thavisin thăm chính thức Việt Nam trong tháng 6. Tối \
                16/6, ngay khi đến Hà Nội, Thủ tướng Srettha Thavisin đã đến chào Tổng Bí thư \
                Nguyễn Phú Trọng.";
    let found = events(body);
    assert_eq!(
        dated(&found, "VISIT", "Srettha Thavisin").as_deref(),
        Some("2024-06-16"),
        "{found:?}"
    );
    // Arriving in another country is no start of this visit.
    let body = "Thủ tướng Thái Lan Srettha Thavisin thăm chính thức Việt Nam trong tháng 6. Tối \
                16/6, ngay khi đến Bắc Kinh, Thủ tướng Srettha Thavisin đã gặp Thủ tướng Trung \
                Quốc Lý Cường.";
    let found = events(body);
    assert_eq!(
        dated(&found, "VISIT", "Srettha Thavisin").as_deref(),
        Some("2024-06"),
        "{found:?}"
    );
}

#[test]
fn a_day_told_before_an_anniversary_dates_the_encounter() {
    // The summit is named for an anniversary; the talks' own day comes first, with its part of
    // the day, and is no anniversary's day.
    let body = "Chiều 18/6 tại Tokyo, nhân dịp tham dự Hội nghị Cấp cao kỷ niệm 50 năm quan hệ \
                ASEAN - Nhật Bản, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Nhật Bản \
                Kishida Fumio.";
    let found = events(body);
    assert_eq!(
        dated(&found, "TALKS", "Kishida Fumio").as_deref(),
        Some("2024-06-18"),
        "{found:?}"
    );
}

#[test]
fn answering_an_invitation_with_a_visit_to_come_reports_the_invitation() {
    let body = "Chiều 19/6, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Thái Lan Srettha \
                Thavisin. Đáp lại lời mời thăm Việt Nam của Thủ tướng Phạm Minh Chính, Thủ tướng \
                Srettha Thavisin khẳng định sẽ sớm thăm Việt Nam.";
    let found = events(body);
    assert_eq!(
        dated(&found, "INVITE", "Srettha Thavisin").as_deref(),
        Some("2024-06-19"),
        "{found:?}"
    );
    // An invitation answered by a visit already made is the visit's background.
    let body = "Đáp lại lời mời của Thủ tướng Phạm Minh Chính, chiều 19/6, Thủ tướng Thái Lan \
                Srettha Thavisin đã sang thăm chính thức Việt Nam.";
    assert_eq!(kinds(body), vec!["VISIT"]);
}

#[test]
fn a_visit_named_as_the_occasion_of_what_will_happen_is_still_to_come() {
    let body = "Sáng 19/6, Chủ tịch nước Tô Lâm tiếp Đại sứ Cuba Orlando Hernández Guillén. Đại \
                sứ cho biết, nhân chuyến thăm Việt Nam của Chủ tịch Cuba Miguel Díaz-Canel, hai \
                hãng thông tấn sẽ tổ chức triển lãm ảnh chung.";
    assert_eq!(kinds(body), vec!["RECEIVE"]);
    // On an occasion that has come, what was done on it is reported.
    let body = "Nhân chuyến thăm Việt Nam của Chủ tịch Cuba Miguel Díaz-Canel, sáng 19/6, hai \
                hãng thông tấn đã khai mạc triển lãm ảnh chung.";
    assert_eq!(kinds(body), vec!["VISIT"]);
}
