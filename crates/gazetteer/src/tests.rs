//! Tests of the embedded data and of the lookups and the scanner over it.

use super::*;

fn g() -> &'static Gazetteer {
    gazetteer()
}

// ------------------------------------------------------------------ data files

#[test]
fn every_data_file_loads_without_errors() {
    let (g, errors) = Gazetteer::from_sources(&Sources::EMBEDDED);
    let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(listed.is_empty(), "data errors:\n{}", listed.join("\n"));
    assert!(g.countries().len() >= 245, "{}", g.countries().len());
    assert!(g.places().len() >= 500, "{}", g.places().len());
    assert!(
        g.organizations().len() >= 150,
        "{}",
        g.organizations().len()
    );
    assert!(g.titles().len() >= 150, "{}", g.titles().len());
    assert!(g.honorifics().len() >= 40, "{}", g.honorifics().len());
    assert!(g.office_holders_all().len() >= 500);
}

fn data_lines() -> impl Iterator<Item = (&'static str, usize, &'static str)> {
    let s = Sources::EMBEDDED;
    [
        ("countries.tsv", s.countries),
        ("places.tsv", s.places),
        ("organizations.tsv", s.organizations),
        ("titles.tsv", s.titles),
        ("honorifics.tsv", s.honorifics),
        ("officeholders.tsv", s.officeholders),
        ("context.tsv", s.context),
    ]
    .into_iter()
    .flat_map(|(file, text)| {
        text.lines()
            .enumerate()
            .map(move |(i, line)| (file, i + 1, line))
    })
}

#[test]
fn data_is_nfc_without_stray_space() {
    use unicode_normalization::UnicodeNormalization;
    for (file, line, text) in data_lines() {
        let nfc: String = text.nfc().collect();
        assert_eq!(nfc, text, "{file}:{line} is not NFC");
        if text.starts_with('#') {
            continue;
        }
        for field in text.split(['\t', '|']) {
            assert_eq!(field, field.trim(), "{file}:{line}: space around `{field}`");
            assert!(
                !field.contains("  "),
                "{file}:{line}: double space in `{field}`"
            );
        }
    }
}

/// Old tone placement: `hòa`, `thủy` (tone on the first vowel of an open `oa`/`oe`/`uy`),
/// never `hoà`, `thuỷ`; `quý` is a different case (`qu` is the onset).
#[test]
fn data_uses_old_tone_placement() {
    use unicode_normalization::UnicodeNormalization;
    let new_style = |word: &str| {
        let chars: Vec<char> = word.chars().collect();
        chars.windows(2).enumerate().any(|(i, w)| {
            let base = |c: char| c.nfd().next().unwrap_or(c).to_ascii_lowercase();
            let toned = |c: char| {
                c.nfd()
                    .any(|m| "\u{300}\u{301}\u{303}\u{309}\u{323}".contains(m))
            };
            let last = i + 2 == chars.len();
            let after_q = i > 0 && base(chars[i - 1]) == 'q';
            last && !toned(w[0])
                && toned(w[1])
                && ((base(w[0]) == 'o' && matches!(base(w[1]), 'a' | 'e'))
                    || (base(w[0]) == 'u' && base(w[1]) == 'y' && !after_q))
        })
    };
    for (file, line, text) in data_lines() {
        if text.starts_with('#') {
            continue;
        }
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            assert!(
                !new_style(word),
                "{file}:{line}: new tone placement in `{word}`"
            );
        }
    }
}

#[test]
fn patterns_start_with_a_letter_or_digit() {
    let g = g();
    let names = g
        .countries()
        .iter()
        .flat_map(|c| c.names.iter().chain(&c.capital))
        .chain(g.places().iter().flat_map(|p| &p.names))
        .chain(g.organizations().iter().flat_map(|o| &o.names))
        .chain(g.titles().iter().flat_map(|t| &t.forms))
        .chain(g.honorifics().iter().flat_map(|h| &h.forms));
    for name in names {
        let first = name.chars().next().unwrap();
        assert!(
            first.is_alphanumeric(),
            "`{name}` does not start with a letter"
        );
    }
}

#[test]
fn office_holder_terms_do_not_overlap_for_single_offices() {
    // Offices held by one person at a time; acting terms overlap the suspended holder's.
    let single = [
        "Tổng thống",
        "Thủ tướng",
        "Chủ tịch nước",
        "Tổng Bí thư",
        "Bộ trưởng Ngoại giao",
    ];
    let rows = g().office_holders_all();
    for (i, a) in rows.iter().enumerate() {
        for b in &rows[i + 1..] {
            let same_office = a.role == b.role && a.country == b.country && a.org == b.org;
            if !same_office || !single.contains(&a.role) || a.name == b.name {
                continue;
            }
            if a.note.is_some_and(|n| n.contains("acting"))
                || b.note.is_some_and(|n| n.contains("acting"))
            {
                continue;
            }
            let a_end = a.to.map_or(i64::MAX, |t| t.last_day());
            let b_end = b.to.map_or(i64::MAX, |t| t.last_day());
            let overlap = a_end.min(b_end) - a.from.first_day().max(b.from.first_day());
            // A shared hand-over day (or month, at month precision) is fine.
            assert!(
                overlap <= 31,
                "{} and {} both {} of {:?} for {overlap} days",
                a.name,
                b.name,
                a.role,
                a.country.or(a.org)
            );
        }
    }
}

// ------------------------------------------------------------------ lookups

#[test]
fn countries_by_name() {
    let cases = [
        ("Hoa Kỳ", "US"),
        ("Mỹ", "US"),
        ("Hợp chúng quốc Hoa Kỳ", "US"),
        ("Hoa Kì", "US"),
        ("USA", "US"),
        ("Ma-rốc", "MA"),
        ("Vương quốc Maroc", "MA"),
        ("Niu Di-lân", "NZ"),
        ("Tân Tây Lan", "NZ"),
        ("Đại Hàn Dân Quốc", "KR"),
        ("Nam Hàn", "KR"),
        ("CHDCND Triều Tiên", "KP"),
        ("Trung Hoa", "CN"),
        ("Cộng hòa Nhân dân Trung Hoa", "CN"),
        ("Đài Loan", "TW"),
        ("CHDCND Lào", "LA"),
        ("Căm-pu-chia", "KH"),
        ("LB Nga", "RU"),
        ("Vương quốc Liên hiệp Anh và Bắc Ireland", "GB"),
        ("Anh quốc", "GB"),
        ("CHLB Đức", "DE"),
        ("Pháp", "FR"),
        ("Ốt-xtrây-li-a", "AU"),
        ("Úc", "AU"),
        ("Ấn Độ", "IN"),
        ("Nhật", "JP"),
        ("Chi-lê", "CL"),
        ("Pê-ru", "PE"),
        ("Tòa Thánh", "VA"),
        ("Thuỵ Sĩ", "CH"),
        ("thụy điển", "SE"),
        ("Hà Lan", "NL"),
        ("Ý", "IT"),
        ("Séc", "CZ"),
        ("Palestine", "PS"),
        ("Kosovo", "XK"),
        ("Hồng Kông", "HK"),
        ("Ma Cao", "MO"),
    ];
    for (name, code) in cases {
        let found = g().country_by_name(name).map(|c| c.code);
        assert_eq!(found, Some(code), "{name}");
    }
    assert!(g().country_by_name("Liên minh châu Âu").is_none());
    assert!(g().country_by_name("Mỹ Latinh").is_none());
    let us = g().country("us").unwrap();
    assert_eq!(us.name(), "Hoa Kỳ");
    assert!(us.capital.contains(&"Oa-sinh-tơn"));
    assert!(us.is_ambiguous_name("Mỹ") && !us.is_ambiguous_name("Hoa Kỳ"));
    assert!(g().country("GB").unwrap().is_ambiguous_name("Anh"));
}

#[test]
fn places_by_name() {
    let cases = [
        ("TP.HCM", "TP Hồ Chí Minh", "VN", PlaceKind::City),
        ("Sài Gòn", "TP Hồ Chí Minh", "VN", PlaceKind::City),
        ("Hà Nội", "Hà Nội", "VN", PlaceKind::Capital),
        ("Quảng Ninh", "Quảng Ninh", "VN", PlaceKind::Region),
        ("Lima", "Lima", "PE", PlaceKind::Capital),
        ("Xơ-un", "Seoul", "KR", PlaceKind::Capital),
        ("Viêng Chăn", "Vientiane", "LA", PlaceKind::Capital),
        ("Phnôm Pênh", "Phnom Penh", "KH", PlaceKind::Capital),
        ("Mát-xcơ-va", "Moskva", "RU", PlaceKind::Capital),
        ("Matxcơva", "Moskva", "RU", PlaceKind::Capital),
        ("Giơ-ne-vơ", "Geneva", "CH", PlaceKind::City),
        ("Niu Oóc", "New York", "US", PlaceKind::City),
        ("Luân Đôn", "London", "GB", PlaceKind::Capital),
        ("Bình Nhưỡng", "Bình Nhưỡng", "KP", PlaceKind::Capital),
        ("Thiên Tân", "Thiên Tân", "CN", PlaceKind::City),
        ("Xanh Pê-téc-bua", "Saint Petersburg", "RU", PlaceKind::City),
        ("Singapore", "Singapore", "SG", PlaceKind::Capital),
        ("Nhà Trắng", "Nhà Trắng", "US", PlaceKind::Site),
    ];
    for (name, canonical, code, kind) in cases {
        let p = g().place(name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(
            (p.name(), p.country, p.kind),
            (canonical, Some(code), kind),
            "{name}"
        );
    }
    assert_eq!(g().place("Hà Giang").unwrap().part_of, Some("Tuyên Quang"));
    assert_eq!(g().place("biển Đông").unwrap().country, None);
    let vn_units = g()
        .places()
        .iter()
        .filter(|p| p.country == Some("VN") && p.part_of.is_none())
        .filter(|p| {
            matches!(
                p.kind,
                PlaceKind::Region | PlaceKind::City | PlaceKind::Capital
            )
        })
        .filter(|p| {
            // the provinces and centrally governed cities (rows before "other cities")
            g().places().iter().position(|q| std::ptr::eq(q, *p))
                < g().places().iter().position(|q| q.name() == "Hạ Long")
                || p.kind == PlaceKind::Capital
        })
        .count();
    assert_eq!(vn_units, 34, "the 34 provincial units from 2025-07-01");
}

#[test]
fn organizations_and_titles() {
    assert_eq!(g().organization("LHQ").unwrap().id, "un");
    assert_eq!(g().organization("Liên Hợp Quốc").unwrap().id, "un");
    assert_eq!(
        g().organization("Hiệp hội các quốc gia Đông Nam Á")
            .unwrap()
            .id,
        "asean"
    );
    let cpp = g().organization("Đảng Nhân dân Campuchia").unwrap();
    assert_eq!(
        (cpp.id, cpp.kind, cpp.country),
        ("cpp", OrganizationKind::Party, Some("KH"))
    );
    assert_eq!(g().organization("asean").unwrap().name(), "ASEAN");
    assert_eq!(
        g().organization("Diễn đàn Kinh tế Thế giới").unwrap().id,
        "wef"
    );

    let t = g().title("Ngoại trưởng").unwrap();
    assert_eq!(
        (t.role, t.rank, t.kind),
        ("Bộ trưởng Ngoại giao", 3, TitleKind::Government)
    );
    assert_eq!(g().title("Phó thủ tướng").unwrap().role, "Phó Thủ tướng");
    assert_eq!(
        g().title("Bộ trưởng Bộ Công Thương").unwrap().role,
        "Bộ trưởng Công Thương"
    );
    assert_eq!(
        g().title("Đại sứ đặc mệnh toàn quyền").unwrap().role,
        "Đại sứ"
    );
    let head = g().title("Chủ tịch nước").unwrap();
    assert!(head.rank == 1 && head.requires_country);
    assert_eq!(g().role_label("Ngoại trưởng"), Some("Bộ trưởng Ngoại giao"));
    assert_eq!(
        g().honorific("Samdech Techo").unwrap().kind,
        HonorificKind::Royal
    );
    assert!(g().title("Tổng thống Chính phủ").is_none());
}

fn holder(scope: &str, role: &str, date: Option<&str>) -> Option<&'static str> {
    g().office_holder(scope, role, date).map(|h| h.name)
}

#[test]
fn office_holders_at_a_date() {
    assert_eq!(
        holder("US", "Tổng thống", Some("2024-11")),
        Some("Joe Biden")
    );
    assert_eq!(
        holder("US", "Tổng thống", Some("2025-02")),
        Some("Donald Trump")
    );
    assert_eq!(
        holder("US", "Tổng thống", Some("2025-01-20")),
        Some("Donald Trump")
    );
    assert_eq!(
        holder("US", "Tổng thống", Some("2013")),
        Some("Barack Obama")
    );
    assert_eq!(
        holder("US", "Ngoại trưởng", Some("2022")),
        Some("Antony Blinken")
    );
    assert_eq!(holder("VN", "Tổng Bí thư", Some("2024-09")), Some("Tô Lâm"));
    assert_eq!(
        holder("VN", "Tổng Bí thư", Some("2015")),
        Some("Nguyễn Phú Trọng")
    );
    assert_eq!(
        holder("VN", "Chủ tịch nước", Some("2024-11-13")),
        Some("Lương Cường")
    );
    assert_eq!(
        holder("VN", "Thủ tướng", Some("2010")),
        Some("Nguyễn Tấn Dũng")
    );
    assert_eq!(
        holder("VN", "Bộ trưởng Ngoại giao", Some("2023")),
        Some("Bùi Thanh Sơn")
    );
    assert_eq!(
        holder("PE", "Tổng thống", Some("2024-11-15")),
        Some("Dina Boluarte")
    );
    assert_eq!(holder("CN", "Chủ tịch nước", None), Some("Tập Cận Bình"));
    assert_eq!(holder("JP", "Thủ tướng", Some("2019")), Some("Shinzo Abe"));
    assert_eq!(
        holder("un", "Tổng Thư ký", Some("2015")),
        Some("Ban Ki-moon")
    );
    assert_eq!(holder("UN", "Tổng Thư ký", None), Some("António Guterres"));
    assert_eq!(holder("asean", "Tổng Thư ký", None), Some("Kao Kim Hourn"));
    assert_eq!(holder("US", "Tổng thống", Some("24/11/2024")), None);
    assert_eq!(holder("US", "Không có chức này", Some("2024")), None);
    assert_eq!(holder("US", "Tổng thống", Some("1950")), None);

    let deputies: Vec<&str> = g()
        .office_holders("VN", "Phó Thủ tướng", "2025-03")
        .iter()
        .map(|h| h.name)
        .collect();
    assert!(deputies.contains(&"Bùi Thanh Sơn"), "{deputies:?}");
    assert!(deputies.len() >= 5, "{deputies:?}");
}

#[test]
fn people_by_alias() {
    let cases = [
        ("D.A. Medvedev", "Dmitry Medvedev"),
        ("Đ. Mét-vê-đép", "Dmitry Medvedev"),
        ("Xi Jinping", "Tập Cận Bình"),
        ("Takeshi Iwaya", "Iwaya Takeshi"),
        ("Tarō Kōno", "Taro Kono"),
        ("Kang Kyung-hwa", "Kang Kyung-wha"),
        ("Winston Peter", "Winston Peters"),
        ("Prayuth Chan-ocha", "Prayut Chan-o-cha"),
        ("Heeng Xom Rin", "Heng Samrin"),
        ("javier gonzalez olaechea", "Javier González-Olaechea"),
    ];
    for (alias, name) in cases {
        assert_eq!(
            g().person_alias(alias).map(|h| h.name),
            Some(name),
            "{alias}"
        );
    }
    let medvedev = g().person_alias("Dmitry Medvedev").unwrap();
    assert!(medvedev.aliases.contains(&"D.A. Medvedev"));
    assert_eq!(medvedev.role, "Thủ tướng", "latest term");
    assert!(g().person_terms("Tô Lâm").len() >= 3);
    assert!(g().person_alias("Nguyễn Văn A").is_none());
}

// ------------------------------------------------------------------ scanner

/// A hit as `surface=Kind:value`: the matched text, then the entry (`?` marks an ambiguous
/// country).
fn describe(text: &str, hit: &Hit<'_>) -> String {
    let surface = &text[hit.start..hit.end];
    let entry = match hit.entry {
        Entry::Country { country, ambiguous } => {
            format!(
                "Country{}:{}",
                if ambiguous { "?" } else { "" },
                country.code
            )
        }
        Entry::Place(p) => format!("Place:{}", p.name()),
        Entry::Organization(o) => format!("Org:{}", o.id),
        Entry::Title(t) => format!("Title:{}", t.role),
        Entry::Honorific(h) => format!("Honorific:{}", h.forms[0]),
        Entry::Person(p) => format!("Person:{}", p.name),
    };
    format!("{surface}={entry}")
}

fn check(text: &str, expected: &[&str]) {
    let hits = g().scan(text);
    let found: Vec<String> = hits.iter().map(|h| describe(text, h)).collect();
    assert_eq!(found, expected, "in {text:?}");
}

#[test]
fn scan_reads_a_meeting() {
    check(
        "Chủ tịch nước Lương Cường hội đàm với Tổng thống Peru Dina Boluarte tại Lima.",
        &[
            "Chủ tịch nước=Title:Chủ tịch nước",
            "Lương Cường=Person:Lương Cường",
            "Tổng thống=Title:Tổng thống",
            "Peru=Country:PE",
            "Dina Boluarte=Person:Dina Boluarte",
            "Lima=Place:Lima",
        ],
    );
    check(
        "Ngoại trưởng Mỹ Antony Blinken đến Hà Nội, gặp Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn.",
        &[
            "Ngoại trưởng=Title:Bộ trưởng Ngoại giao",
            "Mỹ=Country:US",
            "Antony Blinken=Person:Antony Blinken",
            "Hà Nội=Place:Hà Nội",
            "Phó Thủ tướng=Title:Phó Thủ tướng",
            "Bộ trưởng Ngoại giao=Title:Bộ trưởng Ngoại giao",
            "Bùi Thanh Sơn=Person:Bùi Thanh Sơn",
        ],
    );
}

#[test]
fn scan_resolves_ambiguous_country_names() {
    check(
        "Ý kiến của Thủ tướng Ý được đánh giá cao.",
        &["Thủ tướng=Title:Thủ tướng", "Ý=Country:IT"],
    );
    check(
        "Ông Đức gặp Bộ trưởng Quốc phòng Đức tại Berlin.",
        &[
            "Ông=Honorific:ông",
            "Đức=Country?:DE",
            "Bộ trưởng Quốc phòng=Title:Bộ trưởng Quốc phòng",
            "Đức=Country:DE",
            "Berlin=Place:Berlin",
        ],
    );
    check(
        "Quan hệ Việt - Mỹ, Mỹ và Nga.",
        &[
            "Việt=Country:VN",
            "Mỹ=Country:US",
            "Mỹ=Country:US",
            "Nga=Country:RU",
        ],
    );
    check(
        "Anh ấy nói tiếng Anh với người Nga ở Pháp.",
        &["Anh=Country:GB", "Nga=Country:RU", "Pháp=Country:FR"],
    );
    check(
        "Chị Nga và anh Tuấn Anh.",
        &["Nga=Country?:RU", "Anh=Country?:GB"],
    );
    check(
        "Đại sứ quán Anh tại Hà Nội",
        &["Anh=Country:GB", "Hà Nội=Place:Hà Nội"],
    );
    check(
        "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam",
        &["Đảng Cộng sản Việt Nam=Org:cpv"],
    );
}

#[test]
fn scan_does_not_read_names_into_common_words() {
    check(
        "Ông vừa qua đời, theo phương pháp mới của my.",
        &["Ông=Honorific:ông"],
    );
    check(
        "Hòa bình là mục tiêu; Hòa Bình là một tỉnh.",
        &["Hòa Bình=Place:Hòa Bình"],
    );
    check("Người dân Mỹ Tho và nhà Mỹ thuật", &["Mỹ Tho=Place:Mỹ Tho"]);
    check("who said Ý", &["Ý=Country?:IT"]);
    check(
        "Tổng Giám đốc WHO",
        &["Tổng Giám đốc=Title:Tổng Giám đốc", "WHO=Org:who"],
    );
    check("Anhxtanh và Namibia", &["Namibia=Country:NA"]);
}

#[test]
fn scan_handles_variant_spellings() {
    check(
        "THỦ TƯỚNG NHẬT BẢN",
        &["THỦ TƯỚNG=Title:Thủ tướng", "NHẬT BẢN=Country:JP"],
    );
    check(
        "Thuỵ Điển và Thụy Sĩ",
        &["Thuỵ Điển=Country:SE", "Thụy Sĩ=Country:CH"],
    );
    check(
        "tại Geneve  và  Hoa\u{a0}Kỳ",
        &["Geneve=Place:Geneva", "Hoa\u{a0}Kỳ=Country:US"],
    );
    // Decomposed input: the span covers the combining marks.
    let nfd = "Tổng thống Mỹ".chars().collect::<String>();
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd(nfd.as_str()).collect();
    let hits = g().scan(&nfd);
    assert_eq!(hits.len(), 2);
    assert_eq!(&nfd[hits[1].start..hits[1].end], "M\u{79}\u{303}");
    assert!(matches!(hits[1].entry, Entry::Country { country, .. } if country.code == "US"));
}

#[test]
fn scan_prefers_the_longest_name() {
    check(
        "Hội nghị Cấp cao Đông Á tại Kuala Lumpur, Malaysia",
        &[
            "Hội nghị Cấp cao Đông Á=Org:eas",
            "Kuala Lumpur=Place:Kuala Lumpur",
            "Malaysia=Country:MY",
        ],
    );
    check(
        "Cộng hòa Dominica và Dominica",
        &["Cộng hòa Dominica=Country:DO", "Dominica=Country:DM"],
    );
    // When the longest candidate fails its check, a shorter one is tried.
    check("Nam Phiên", &[]);
    check("Nam Phi, Nam Phiên", &["Nam Phi=Country:ZA"]);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "Mỹ",
            "Anh",
            " ",
            "-",
            "Tổng thống",
            "Hà Nội",
            "ông",
            "y",
            "Ý",
            "\u{303}",
            "Đ",
            "Việt",
            "Nam",
            ",",
            "và",
            "ß",
            "İ",
            "Trung ương",
            "\u{a0}",
            "Thuỵ",
            "Lào Cai",
        ]);
        prop::collection::vec(
            prop_oneof![pieces.prop_map(String::from), any::<String>()],
            0..12,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn hits_are_ordered_disjoint_spans_of_the_text(t in text()) {
            let hits = g().scan(&t);
            let mut last_end = 0;
            for h in &hits {
                prop_assert!(h.start < h.end && h.end <= t.len());
                prop_assert!(t.is_char_boundary(h.start) && t.is_char_boundary(h.end));
                prop_assert!(h.start >= last_end);
                last_end = h.end;
            }
        }
    }
}
