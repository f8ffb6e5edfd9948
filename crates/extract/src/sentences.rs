//! Sentences of a body, with their byte offsets and the paragraph they belong to.

/// One sentence of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// Index of the paragraph (blank-line separated block, or line) it belongs to.
    pub paragraph: usize,
}

impl Sentence {
    /// The sentence's text.
    pub fn text<'t>(&self, body: &'t str) -> &'t str {
        body.get(self.start..self.end).unwrap_or("")
    }
}

/// Whether the period at byte `i` of `text` ends a sentence: it is followed by a space and an
/// upper-case letter (or a quote/bracket and one), and is not part of an initial ("D.A.") or an
/// abbreviation ("TP.", "Tp.", "St.").
fn ends_here(text: &str, i: usize) -> bool {
    let after = &text[i + 1..];
    let mut rest = after.chars();
    if !rest.next().is_some_and(char::is_whitespace) {
        return false;
    }
    let next = after
        .trim_start()
        .chars()
        .find(|c| !matches!(c, '"' | '\'' | '(' | '“'));
    if !next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return false;
    }
    // The word before the period: one letter (an initial) or a known abbreviation.
    let before = &text[..i];
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let letters = word
        .chars()
        .filter(|&c| biennien_text::is_alphabetic(c))
        .count();
    let abbrev = matches!(
        word,
        "TP" | "Tp" | "St" | "Mr" | "Mrs" | "Dr" | "Ts" | "TS" | "GS" | "PGS" | "Th.S" | "ThS"
    );
    let initial =
        letters == 1 && word.chars().any(char::is_uppercase) || word.contains('.') && letters <= 3;
    !(initial || abbrev)
}

/// Splits `body` into sentences.
pub fn split(body: &str) -> Vec<Sentence> {
    let bytes = body.as_bytes();
    let mut out = Vec::with_capacity(body.len() / 96 + 4);
    let mut paragraph = 0;
    let mut line_start = 0;
    // The marks are ASCII, so their bytes never occur inside another character; they are
    // found once for the whole body, lines ending at each newline.
    let mut marks = marks(bytes).peekable();
    let mut newlines = memchr::memchr_iter(b'\n', bytes);
    while line_start < body.len() {
        let (content_end, line_end) = match newlines.next() {
            Some(n) => (n, n + 1),
            None => (body.len(), body.len()),
        };
        let content = &body[line_start..content_end];
        if content.trim().is_empty() {
            // No mark is white space: a blank line holds none.
            line_start = line_end;
            continue;
        }
        let mut start = line_start;
        while let Some(abs) = marks.next_if(|&i| i < content_end) {
            let end_mark = match bytes[abs] {
                b'.' => ends_here(body, abs),
                _ => body[abs + 1..].starts_with(char::is_whitespace),
            };
            if end_mark {
                push(&mut out, body, start, abs + 1, paragraph);
                start = abs + 1;
            }
        }
        push(&mut out, body, start, content_end, paragraph);
        paragraph += 1;
        line_start = line_end;
    }
    out
}

/// The positions of the marks that may end a sentence (`.`, `!`, `?`, `;`) in `bytes`, in
/// order: the first three are found together and `;` on its own, and the two are merged.
fn marks(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut stops = memchr::memchr3_iter(b'.', b'!', b'?', bytes).peekable();
    let mut semis = memchr::memchr_iter(b';', bytes).peekable();
    std::iter::from_fn(move || match (stops.peek(), semis.peek()) {
        (Some(a), Some(b)) if b < a => semis.next(),
        (Some(_), _) => stops.next(),
        (None, _) => semis.next(),
    })
}

fn push(out: &mut Vec<Sentence>, body: &str, start: usize, end: usize, paragraph: usize) {
    let s = body.get(start..end).unwrap_or("");
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    let (start, end) = (start + lead, end - trail);
    if end > start {
        out.push(Sentence {
            start,
            end,
            paragraph,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The split as first written: every byte of a line is looked at for a mark.
    fn split_plain(body: &str) -> Vec<Sentence> {
        let mut out = Vec::new();
        let mut paragraph = 0;
        let mut line_start = 0;
        for line in body.split_inclusive('\n') {
            let line_end = line_start + line.len();
            let content = line.trim_end_matches('\n');
            if content.trim().is_empty() {
                line_start = line_end;
                continue;
            }
            let mut start = line_start;
            let marks = content
                .bytes()
                .enumerate()
                .filter(|(_, b)| matches!(b, b'.' | b'!' | b'?' | b';'));
            for (i, b) in marks {
                let abs = line_start + i;
                let end_mark = match b {
                    b'.' => ends_here(body, abs),
                    _ => body[abs + 1..].starts_with(char::is_whitespace),
                };
                if end_mark {
                    push(&mut out, body, start, abs + 1, paragraph);
                    start = abs + 1;
                }
            }
            push(&mut out, body, start, line_start + content.len(), paragraph);
            paragraph += 1;
            line_start = line_end;
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn split_matches_the_plain_split(
            body in "([A-Za-z0-9 ]|Đ|ă|ư|Ể|ớ|\\.|!|\\?|;|\n|\n\n|\t|\u{a0}|\u{2003}|\"|\\(|“|TP|Th\\.S|D\\.A|St|3\\.37|Ông|É){0,60}"
        ) {
            proptest::prop_assert_eq!(split(&body), split_plain(&body));
        }
    }

    #[test]
    fn marks_are_every_mark_in_order() {
        let text = "a.b!c?d;e;;.f?!;x…ư.;";
        let want: Vec<usize> = text
            .bytes()
            .enumerate()
            .filter(|(_, b)| matches!(b, b'.' | b'!' | b'?' | b';'))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(marks(text.as_bytes()).collect::<Vec<_>>(), want);
        assert_eq!(want.len(), 12);
    }

    fn texts(body: &str) -> Vec<&str> {
        split(body).iter().map(|s| s.text(body)).collect()
    }

    #[test]
    fn splits_on_sentence_ends_only() {
        let body = "Ông D.A. Medvedev đến Hà Nội. Hai bên hội đàm.\n\nTP. Hồ Chí Minh đón đoàn; sau đó đoàn đi Huế.";
        assert_eq!(
            texts(body),
            vec![
                "Ông D.A. Medvedev đến Hà Nội.",
                "Hai bên hội đàm.",
                "TP. Hồ Chí Minh đón đoàn;",
                "sau đó đoàn đi Huế."
            ]
        );
        let p: Vec<usize> = split(body).iter().map(|s| s.paragraph).collect();
        assert_eq!(p, vec![0, 0, 1, 1]);
    }

    #[test]
    fn numbers_and_lower_case_continuations_stay() {
        let body = "Kim ngạch đạt 3.37 tỷ USD. năm ngoái tăng.";
        assert_eq!(
            texts(body),
            vec!["Kim ngạch đạt 3.37 tỷ USD. năm ngoái tăng."]
        );
    }
}
