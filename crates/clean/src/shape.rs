//! The shape of a single line: caption, image file, title-like, sentence ending.

use std::sync::LazyLock;

use regex::Regex;

#[allow(clippy::expect_used)] // the patterns are literals, checked by the tests
fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid built-in pattern")
}

/// "(Ảnh: X)", "(Nguồn: AFP)", "(Ảnh minh họa)" closing a line.
static CAPTION_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)[(\[]\s*(?:ảnh|nguồn|photo|ảnh minh họa|ảnh minh hoạ|minh họa|minh hoạ|đồ họa|đồ hoạ|video|clip|infographic|ảnh chụp màn hình|ảnh tư liệu)(?:\s*[:\-–]\s*[^()\[\]]{0,80})?\s*[)\]]\s*\.?$",
    )
});
/// "Ảnh: X" / "Nguồn: X" / "Ảnh minh họa" closing a line (capitalized, as credits are).
static CAPTION_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[\s.,;–\-|])(?:Ảnh|ẢNH|Nguồn|Nguồn ảnh|Đồ họa|Đồ hoạ|Photo|Clip|Video|Ảnh chụp màn hình|Ảnh tư liệu)\s*(?::|\s[-–])\s*([^:;!?]{1,80}?)\s*\.?$",
    )
});
static CAPTION_ILLUSTRATION: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:^|[\s.,;–\-])ảnh minh (?:họa|hoạ)\s*\.?$"));
/// Where a person stands in a picture: "(phải)", "(bên trái)", "(thứ hai từ trái sang)".
static PICTURE_POSITION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\((?:bên |ngồi |đứng |người |hàng đầu,? )?(?:thứ (?:\d+|nhất|hai|ba|tư|năm|sáu) )?(?:từ )?(?:phải|trái|giữa)(?: sang(?: trái| phải)?| qua(?: trái| phải)?)?\)",
    )
});
static IMAGE_FILE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:https?://\S+|[\w\-.()%+~\[\]@ ]+)\.(?:jpe?g|png|gif|webp|bmp|svg|tiff?|avif|heic)(?:\?\S*)?$",
    )
});
/// A title used as an image's alternative text: "… - Ảnh 1."
static IMAGE_ALT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)[-–—]\s*(?:ảnh|hình|photo)\s*\d{1,3}\s*\.?$"));

/// Number of words (runs of non-space characters).
pub(crate) fn words(s: &str) -> usize {
    // Normalized text has only ASCII white space, so counting word starts over bytes is exact
    // and much cheaper than decoding characters. A word starts at a byte that is not space
    // after one that is (or at the start): counted without branches, which the compiler turns
    // into vector code (this runs several times over every line of every page).
    fn space(b: u8) -> bool {
        b == b' ' || b.wrapping_sub(b'\t') < 5
    }
    let bytes = s.as_bytes();
    let Some((&first, rest)) = bytes.split_first() else {
        return 0;
    };
    let before = bytes.get(..rest.len()).unwrap_or_default();
    let mut count = usize::from(!space(first));
    // In blocks, so that the sum is taken over lanes of bytes.
    for (a, b) in before.chunks(64).zip(rest.chunks(64)) {
        let starts: u8 = a
            .iter()
            .zip(b)
            .map(|(&a, &b)| u8::from(space(a) & !space(b)))
            .sum();
        count += usize::from(starts);
    }
    count
}

/// "minh h", the start of "minh họa" / "minh hoạ".
static MINH_H: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("minh h"));

/// The words a credit starts with, in the forms [`CAPTION_TAIL`] accepts, each searched for
/// with a prebuilt vector search.
static CREDIT_WORDS: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
    ["Ảnh", "ẢNH", "Nguồn", "Đồ h", "Photo", "Clip", "Video"]
        .iter()
        .map(memchr::memmem::Finder::new)
        .collect()
});

/// Whether `text` holds a space followed by a hyphen or an en dash.
fn has_spaced_dash(text: &str) -> bool {
    let bytes = text.as_bytes();
    // The hyphen, or the first byte of the en dash (E2 80 93).
    memchr::memchr2_iter(b'-', 0xE2, bytes).any(|i| {
        i > 0
            && bytes.get(i - 1) == Some(&b' ')
            && (bytes.get(i) == Some(&b'-') || bytes.get(i..i + 3) == Some("–".as_bytes()))
    })
}

/// How the credit words of [`CAPTION_TAIL`] end, one of which stands right before the colon or
/// dash that opens the credit.
const CREDIT_WORD_ENDS: [&str; 11] = [
    "Ảnh", "ẢNH", "ảnh", "Nguồn", "họa", "hoạ", "Photo", "Clip", "Video", "hình", "liệu",
];

/// A necessary condition for [`CAPTION_TAIL`] to match `line`, tested without the pattern: a
/// credit word, then white space, closes the text before a colon or a dash (after white
/// space) that opens the credit. The credit holds no colon, so that colon is the line's last
/// one, and that dash stands after it.
fn may_close_with_credit(line: &str) -> bool {
    let bytes = line.as_bytes();
    let credit_before = |at: usize| {
        let head = line.get(..at).unwrap_or_default().trim_end();
        CREDIT_WORD_ENDS.iter().any(|w| head.ends_with(w))
    };
    let last_colon = memchr::memrchr(b':', bytes);
    if last_colon.is_some_and(credit_before) {
        return true;
    }
    let from = last_colon.map_or(0, |c| c + 1);
    let after = bytes.get(from..).unwrap_or_default();
    // The hyphen, or the first byte of the en dash (E2 80 93).
    memchr::memchr2_iter(b'-', 0xE2, after).any(|i| {
        let at = from + i;
        let dash = bytes.get(at) == Some(&b'-') || bytes.get(at..at + 3) == Some("–".as_bytes());
        dash && line
            .get(..at)
            .and_then(|h| h.chars().next_back())
            .is_some_and(char::is_whitespace)
            && credit_before(at)
    })
}

/// Whether `line` ends as [`CAPTION_ILLUSTRATION`] needs: "họa" or "hoạ" (in any case), then
/// white space and a full stop at most, so with "a" or "ạ" before them.
fn ends_like_illustration(line: &str) -> bool {
    line.strip_suffix('.')
        .unwrap_or(line)
        .trim_end()
        .ends_with(['a', 'A', 'ạ', 'Ạ'])
}

/// Whether the line is a photo caption marked by a credit or "ảnh minh họa". `n` is the
/// line's number of [`words`].
pub(crate) fn is_caption(line: &str, n: usize) -> bool {
    if line.len() > 1200 || n > 80 {
        return false;
    }
    // Cheap tests first: each pattern needs a closing bracket, "minh h…" or a credit word.
    let end = line.trim_end_matches(['.', ' ']);
    if end.ends_with([')', ']']) && CAPTION_PAREN.is_match(line) {
        return true;
    }
    if ends_like_illustration(line)
        && MINH_H.find(line.as_bytes()).is_some()
        && CAPTION_ILLUSTRATION.is_match(line)
    {
        return true;
    }
    if !may_close_with_credit(line) {
        return false;
    }
    // A credit closes the line: only its last part can hold one.
    let from = (0..=line.len().saturating_sub(240))
        .rev()
        .find(|&i| line.is_char_boundary(i))
        .unwrap_or(0);
    let tail = &line[from..];
    // The credit word is followed by a colon or a dash.
    if memchr::memchr(b':', tail.as_bytes()).is_none() && !has_spaced_dash(tail) {
        return false;
    }
    let credit_word = CREDIT_WORDS
        .iter()
        .any(|w| w.find(tail.as_bytes()).is_some());
    if !credit_word {
        return false;
    }
    if let Some(c) = CAPTION_TAIL.captures(line) {
        // The credit is a name or an agency, a few words at most.
        return c.get(1).is_some_and(|m| words(m.as_str()) <= 8);
    }
    false
}

/// Whether the line is a short caption that says where the people stand in the picture:
/// "Thứ trưởng Nguyễn Văn A (phải) tiếp Đại sứ B." Longer lines are left to the story. `n` is
/// the line's number of [`words`].
pub(crate) fn is_position_caption(line: &str, n: usize) -> bool {
    n <= 15 && line.contains('(') && sentences(line) == 1 && PICTURE_POSITION.is_match(line)
}

/// Whether the line is an image file name or image address.
pub(crate) fn is_image_file(line: &str) -> bool {
    const EXTENSIONS: &[&str] = &[
        "jpg", "jpeg", "png", "gif", "webp", "bmp", "svg", "tif", "tiff", "avif", "heic",
    ];
    if line.len() > 300 {
        return false;
    }
    let Some(dot) = line.rfind('.') else {
        return false;
    };
    let ext = line[dot + 1..].split('?').next().unwrap_or("");
    // Or an extension right before a question mark (".JPG?w=800"), in any case of ASCII.
    let bytes = line.as_bytes();
    let before_query = || {
        memchr::memchr_iter(b'?', bytes).any(|q| {
            EXTENSIONS.iter().any(|e| {
                q > e.len()
                    && bytes.get(q - e.len() - 1) == Some(&b'.')
                    && bytes
                        .get(q - e.len()..q)
                        .is_some_and(|x| x.eq_ignore_ascii_case(e.as_bytes()))
            })
        })
    };
    let plausible = EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e)) || before_query();
    plausible && IMAGE_FILE.is_match(line)
}

/// Whether the line is an image's alternative text ("<title>- Ảnh 1.").
pub(crate) fn is_image_alt(line: &str) -> bool {
    // The pattern needs a digit near the end.
    line.bytes().rev().take(16).any(|b| b.is_ascii_digit()) && IMAGE_ALT.is_match(line)
}

/// The text without closing quotes and brackets at its end.
fn core_end(line: &str) -> &str {
    line.trim_end_matches(|c: char| {
        matches!(c, '"' | '\'' | ')' | ']' | '»' | '”' | '’') || c.is_whitespace()
    })
}

/// Whether the line ends as a sentence does ("." "!" ";" ":" ","), ellipses excluded.
pub(crate) fn ends_sentence(line: &str) -> bool {
    let t = core_end(line);
    if ends_with_ellipsis(t) {
        return false;
    }
    t.ends_with(['.', '!', ';', ':', ','])
}

/// Whether the line ends with an ellipsis ("..." or "…").
pub(crate) fn ends_with_ellipsis(line: &str) -> bool {
    let t = core_end(line);
    t.ends_with("...") || t.ends_with('…')
}

/// Whether the line ends with a truncation mark: an ellipsis after a space or a comma, as
/// teaser leads cut by a template do ("… đến thủ đô Lima, ...").
pub(crate) fn ends_truncated(line: &str) -> bool {
    let t = core_end(line);
    let Some(head) = t.strip_suffix("...").or_else(|| t.strip_suffix('…')) else {
        return false;
    };
    head.ends_with(' ') || head.ends_with(',')
}

/// A headline-shaped line: a few words, no closing full stop.
pub(crate) fn is_title_like(line: &str) -> bool {
    let n = words(line);
    (2..=45).contains(&n) && line.len() <= 400 && !ends_sentence(line)
}

/// Whether the line is one text written twice with a space between ("A A"), as teaser lists
/// render a picture's alternative text next to its link.
pub(crate) fn is_doubled(line: &str) -> bool {
    let n = line.len();
    if n < 21 || n.is_multiple_of(2) {
        return false;
    }
    let mid = n / 2;
    line.is_char_boundary(mid)
        && line.is_char_boundary(mid + 1)
        && line.as_bytes().get(mid) == Some(&b' ')
        && line[..mid] == line[mid + 1..]
}

/// Whether the line contains at least one letter.
pub(crate) fn has_letters(line: &str) -> bool {
    line.chars().any(char::is_alphabetic)
}

/// Number of sentences, roughly: full stops followed by a space and a capital.
pub(crate) fn sentences(line: &str) -> usize {
    let mut n = 1;
    let mut prev_stop = false;
    let mut prev_space = false;
    for c in line.chars() {
        if prev_stop && prev_space && c.is_uppercase() {
            n += 1;
        }
        if c.is_whitespace() {
            prev_space = true;
        } else {
            prev_stop = matches!(c, '.' | '!' | '?');
            prev_space = false;
        }
    }
    n
}

/// A bullet or list marker at the start of a line, with the text after it.
pub(crate) fn strip_bullet(line: &str) -> (bool, &str) {
    let t = line.trim_start_matches(|c: char| {
        matches!(
            c,
            '•' | '·'
                | '▪'
                | '►'
                | '▸'
                | '»'
                | '›'
                | '*'
                | '-'
                | '–'
                | '+'
                | '◦'
                | '■'
                | '□'
                | '●'
                | '○'
        )
    });
    (t.len() != line.len(), t.trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_of_non_space() {
        for s in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "Hà  Nội,\t22/2\r\n(TTXVN) -\x0b x\x0cy",
            "\u{a0}Ảnh: \u{2003}Minh Duy ",
        ] {
            let want = s
                .split([' ', '\t', '\n', '\r', '\x0b', '\x0c'])
                .filter(|w| !w.is_empty())
                .count();
            assert_eq!(words(s), want, "{s:?}");
        }
    }

    /// The caption test as written before its substring searches were prebuilt: the reference
    /// the faster one must agree with.
    fn is_caption_reference(line: &str) -> bool {
        if line.len() > 1200 || words(line) > 80 {
            return false;
        }
        let end = line.trim_end_matches(['.', ' ']);
        if end.ends_with([')', ']']) && CAPTION_PAREN.is_match(line) {
            return true;
        }
        if line.contains("minh h") && CAPTION_ILLUSTRATION.is_match(line) {
            return true;
        }
        let from = (0..=line.len().saturating_sub(240))
            .rev()
            .find(|&i| line.is_char_boundary(i))
            .unwrap_or(0);
        let tail = &line[from..];
        if !tail.contains(':') && !tail.contains(" -") && !tail.contains(" –") {
            return false;
        }
        let credit_word = ["Ảnh", "ẢNH", "Nguồn", "Đồ h", "Photo", "Clip", "Video"]
            .iter()
            .any(|w| tail.contains(w));
        if !credit_word {
            return false;
        }
        if let Some(c) = CAPTION_TAIL.captures(line) {
            return c.get(1).is_some_and(|m| words(m.as_str()) <= 8);
        }
        false
    }

    /// Lines of every kind the line tests meet, for checking fast tests against references.
    pub(crate) fn sample_lines() -> Vec<String> {
        let prose =
            "Chiều 5/4, tại Trụ sở Chính phủ, Thủ tướng đã tiếp Đoàn doanh nghiệp Phần Lan \
                     đang thăm và làm việc tại Việt Nam – hai bên trao đổi: hợp tác giáo dục.";
        let mut lines: Vec<String> = [
            "Bộ trưởng gặp Bộ trưởng Ngoại giao Peru. Ảnh: Minh Duy",
            "Cảng Los Angeles, California, Mỹ. (Ảnh minh họa: THX/TTXVN)",
            "Thứ trưởng Hà Kim Ngọc. (Ảnh: TTXVN phát)",
            "Quang cảnh hội đàm (ảnh: VGP/Nhật Bắc)",
            "Ảnh: Reuters",
            "ẢNH: REUTERS",
            "Quang cảnh lễ ký. Nguồn: AFP",
            "Quang cảnh lễ ký - Nguồn ảnh - AFP",
            "Quang cảnh lễ ký – Photo – AFP",
            "Quang cảnh lễ ký. Đồ họa: Minh Hà",
            "Video: Toàn cảnh lễ ký",
            "Clip -Toàn cảnh",
            "Hai bên tại buổi tiếp. Ảnh minh họa",
            "Hai bên tại buổi tiếp. Ảnh minh hoạ.",
            "Hai bên nhất trí thúc đẩy hợp tác qua hình ảnh: du lịch, văn hóa.",
            "Theo nguồn tin, hai bên đã nhất trí.",
            "Nguồn vốn ODA – được ưu tiên",
            "Thứ trưởng Nguyễn Văn An (phải) tiếp Đại sứ Lê Minh.",
            "Bộ trưởng Trần Bình (thứ hai từ trái sang) tại lễ ký.",
            "Hai bên (phải thừa nhận) còn nhiều khó khăn.",
            "ttxvn_chile_2.jpg",
            "IMG_2024.JPG",
            "https://cdn.example.vn/a/b/photo-1-1699.png?w=800",
            "a.png?x=.jpg?",
            "Phó Thủ tướng tiếp xúc song phương- Ảnh 1.",
            "Hai bên ký kết văn kiện hợp tác.",
            "",
            "-",
            " -",
            "x –",
            ":",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        lines.extend(
            [
                "Hai bên tại buổi tiếp. ẢNH MINH HỌA",
                "Hai bên tại buổi tiếp - ảnh minh họa .",
                "Hai bên tại buổi tiếp, Ảnh minh hoạ\u{2003}.",
                "Hai bên tại buổi tiếp. Ảnh minh họa..",
                "Hai bên tại buổi tiếp. Ảnh minh họa. ",
                "minh họa, ảnh minh HỌA",
                "Ảnh minh họa ở đầu, còn đây là lời",
                "Ảnh minh hoạ",
                "ảnh minh Hoạ",
            ]
            .map(String::from),
        );
        lines.push(prose.to_string());
        // A credit beyond the last 240 bytes, and one inside them.
        lines.push(format!("{prose} {prose} Ảnh: Minh Duy {prose} {prose}"));
        lines.push(format!("{prose} {prose} Ảnh: Minh Duy"));
        lines.push(format!("{prose} Ảnh minh họa"));
        lines.push(format!("{} Ảnh: X", "từ ".repeat(90)));
        lines
    }

    /// The image file test as written before it compared extensions without copying them.
    fn is_image_file_reference(line: &str) -> bool {
        const EXTENSIONS: &[&str] = &[
            "jpg", "jpeg", "png", "gif", "webp", "bmp", "svg", "tif", "tiff", "avif", "heic",
        ];
        let Some(dot) = line.rfind('.') else {
            return false;
        };
        let ext = line[dot + 1..]
            .split('?')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let plausible = EXTENSIONS.contains(&ext.as_str())
            || line.contains('?')
                && EXTENSIONS
                    .iter()
                    .any(|e| line.to_ascii_lowercase().contains(&format!(".{e}?")));
        line.len() <= 300 && plausible && IMAGE_FILE.is_match(line)
    }

    #[test]
    fn image_files_agree_with_the_reference() {
        let mut lines = sample_lines();
        lines.extend(
            [
                "ẢNH.JPG",
                "ảnh_đẹp.Jpeg",
                "photo.jpg.txt",
                "photo.JPG?v=2",
                "x.pngg",
                "Ảnh.ǰpg",
                "a b c.gif",
                "Vì sao.JPG? Hỏi",
                "ảnh.PnG?",
                ".jpg?",
                "jpg?",
                "x.jpgg? a.bmp",
                "Ai? Ở đâu? Khi nào.",
            ]
            .map(String::from),
        );
        lines.push(format!("{}.jpg", "a".repeat(297)));
        lines.push(format!("{}.jpg", "a".repeat(296)));
        let mut seen = [0, 0];
        for line in &lines {
            let want = is_image_file_reference(line);
            assert_eq!(is_image_file(line), want, "{line:?}");
            seen[usize::from(want)] += 1;
        }
        assert!(seen[0] > 5 && seen[1] > 5, "{seen:?}");
    }

    #[test]
    fn captions_agree_with_the_reference() {
        let mut seen = [0, 0];
        for line in sample_lines() {
            let want = is_caption_reference(&line);
            assert_eq!(is_caption(&line, words(&line)), want, "{line:?}");
            seen[usize::from(want)] += 1;
        }
        assert!(seen[0] > 5 && seen[1] > 5, "{seen:?}");
        for text in ["a - b", "a – b", "a-b", "a–b", "-", " –x", "–", ""] {
            assert_eq!(
                has_spaced_dash(text),
                text.contains(" -") || text.contains(" –"),
                "{text:?}"
            );
        }
    }

    #[test]
    fn credit_test_lets_every_credit_through() {
        let mut lines = sample_lines();
        let credits = [
            "Ảnh: Minh Duy",
            "ẢNH : REUTERS",
            "Nguồn ảnh: AFP",
            "Nguồn - TTXVN",
            "Đồ họa – Minh Hà",
            "Đồ hoạ:X",
            "Photo -AP",
            "Clip: VTV",
            "Video – VOV",
            "Ảnh chụp màn hình: X",
            "Ảnh tư liệu - TTXVN",
            "Ảnh\u{a0}: X",
            "Ảnh -X",
            "Ảnh-X",
            "Ảnh –– X",
            "Nguồn: 12:30",
            "Ảnh: A; B",
            "Ảnh: X - Nguồn: Y",
            "Ảnh: X - Video - Y",
        ];
        let heads = [
            "",
            "Hai bên hội đàm. ",
            "Giờ: 9h, địa điểm – Hà Nội, ",
            "Lễ ký (phải)- ",
        ];
        for head in heads {
            for credit in credits {
                for end in ["", ".", " . ", "  "] {
                    lines.push(format!("{head}{credit}{end}"));
                }
            }
        }
        let mut seen = [0, 0];
        for line in &lines {
            let matched = CAPTION_TAIL.is_match(line);
            assert!(!matched || may_close_with_credit(line), "{line:?}");
            assert_eq!(
                is_caption(line, words(line)),
                is_caption_reference(line),
                "{line:?}"
            );
            seen[usize::from(may_close_with_credit(line))] += 1;
        }
        assert!(seen[0] > 20 && seen[1] > 50, "{seen:?}");
    }

    #[test]
    fn captions() {
        let is_caption = |line: &str| is_caption(line, words(line));
        let is_position_caption = |line: &str| is_position_caption(line, words(line));
        assert!(is_caption(
            "Bộ trưởng gặp Bộ trưởng Ngoại giao Peru. Ảnh: Minh Duy"
        ));
        assert!(is_caption(
            "Cảng Los Angeles, California, Mỹ. (Ảnh minh họa: THX/TTXVN)"
        ));
        assert!(is_caption("Thứ trưởng Hà Kim Ngọc. (Ảnh: TTXVN phát)"));
        assert!(is_caption("Quang cảnh hội đàm (ảnh: VGP/Nhật Bắc)"));
        assert!(is_caption("Ảnh: Reuters"));
        assert!(is_caption("Quang cảnh lễ ký. Nguồn: AFP"));
        assert!(is_caption("Hai bên tại buổi tiếp. Ảnh minh họa"));
        assert!(!is_caption(
            "Hai bên nhất trí thúc đẩy hợp tác qua hình ảnh: du lịch, văn hóa."
        ));
        assert!(!is_caption("Theo nguồn tin, hai bên đã nhất trí."));
        assert!(is_position_caption(
            "Thứ trưởng Nguyễn Văn An (phải) tiếp Đại sứ Lê Minh."
        ));
        assert!(is_position_caption(
            "Bộ trưởng Trần Bình (thứ hai từ trái sang) tại lễ ký."
        ));
        // A long sentence with a position is the story's, and "(phải)" inside a word is not one.
        assert!(!is_position_caption(
            "Phó Thủ tướng Nguyễn Văn An (trái) bắt tay Chủ tịch Quốc hội nước bạn tại trụ sở Quốc hội chiều ngày 12/5 trước giờ hội đàm."
        ));
        assert!(!is_position_caption(
            "Hai bên (phải thừa nhận) còn nhiều khó khăn."
        ));
    }

    #[test]
    fn images() {
        assert!(is_image_file("ttxvn_chile_2.jpg"));
        assert!(is_image_file("IMG_2024.JPG"));
        assert!(is_image_file(
            "https://cdn.example.vn/a/b/photo-1-1699.png?w=800"
        ));
        assert!(!is_image_file("Hai bên ký kết văn kiện hợp tác."));
        assert!(is_image_alt("Phó Thủ tướng tiếp xúc song phương- Ảnh 1."));
    }

    #[test]
    fn shapes() {
        assert!(is_doubled(
            "Toàn cảnh lễ đón chính thức Toàn cảnh lễ đón chính thức"
        ));
        assert!(!is_doubled("Toàn cảnh lễ đón chính thức và hội đàm"));
        assert!(is_title_like("Nền kinh tế thế giới: Bức tranh tươi sáng"));
        assert!(!is_title_like("Hai bên nhất trí tăng cường hợp tác."));
        assert!(ends_truncated("Chủ tịch nước đến thủ đô Lima, ..."));
        assert!(!ends_truncated("như du lịch, văn hóa…"));
        assert_eq!(sentences("Một câu. Hai câu. Ba câu."), 3);
        assert_eq!(strip_bullet("• An Giang"), (true, "An Giang"));
    }
}
