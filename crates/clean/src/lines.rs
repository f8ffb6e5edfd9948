//! Splitting text into lines that remember where they stand.

use biennien_record::{RemovalReason, Span};

/// What the cleaner has decided about one line so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum State {
    /// Still a candidate for the body.
    Body,
    /// Taken out of the body, for this reason.
    Gone(RemovalReason),
}

/// One non-empty line of the input.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// The part of the line (without its line break and surrounding spaces) that is still body
    /// when `state` is `Body`: prefixes such as an outlet tag and suffixes such as the end mark
    /// are cut off it.
    pub keep: Span,
    /// Number of words of the kept part.
    pub words: usize,
    /// Whether an empty line stands right before this one.
    pub blank_before: bool,
    /// The decision so far.
    pub state: State,
}

impl Line {
    pub fn is_body(&self) -> bool {
        self.state == State::Body
    }
}

/// Splits `text` into its non-empty lines, trimmed of surrounding white space.
pub(crate) fn split(text: &str) -> Vec<Line> {
    // Room for every line at once: line breaks are counted far faster than lines are built.
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    let mut next = 0usize;
    let mut blank_before = false;
    // The line breaks are found by one vector search over the whole text.
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    for end in ends {
        let start = next;
        next = end + 1;
        let raw = text.get(start..end).unwrap_or("");
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            blank_before = true;
            continue;
        }
        let s = start + lead;
        let span = Span::new(s, s + trimmed.len());
        out.push(Line {
            keep: span,
            words: crate::shape::words(trimmed),
            blank_before,
            state: State::Body,
        });
        blank_before = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_the_pieces_between_line_breaks() {
        for text in [
            "",
            "a",
            "a\n",
            "\na",
            "a\n\nb",
            " a \n\t\n b\n",
            "Hà Nội\nx\n\n\n y ",
        ] {
            let mut want = Vec::new();
            let mut pos = 0;
            let mut blank = false;
            for raw in text.split('\n') {
                let s = pos + raw.len() - raw.trim_start().len();
                pos += raw.len() + 1;
                if raw.trim().is_empty() {
                    blank = true;
                    continue;
                }
                want.push((s, s + raw.trim().len(), blank));
                blank = false;
            }
            let got: Vec<(usize, usize, bool)> = split(text)
                .iter()
                .map(|l| (l.keep.start, l.keep.end, l.blank_before))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }
}
