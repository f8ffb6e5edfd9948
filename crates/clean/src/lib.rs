//! Finding the article inside a crawled Vietnamese news page.
//!
//! A crawler's text of a news page is the story wrapped in the page's template: province and
//! section menus, share and follow prompts, the title, a byline and a dateline, an outlet tag in
//! front of the lead, time stamps, photo captions (often twice), image file names, blocks of
//! other stories' teasers with or without a header, footers, and the TTXVN end mark `./.` after
//! which nothing is story. [`clean`] takes that text (already normalized by `biennien-text`) and
//! returns the title, the metadata it could read, the body paragraphs, and every piece it left
//! out together with the reason, as byte spans of the input.
//!
//! # How it decides
//!
//! The text is cut into lines; every line starts as body and a fixed sequence of passes takes
//! lines (or a prefix or suffix of a line) out, each for one reason:
//!
//! 1. the end mark closes the story; what follows only feeds metadata (outlet, author);
//! 2. single-line shapes: time stamps, source lines ("Nguồn: VOV"), image files, captions with
//!    a credit or a position ("(phải)"), related-story headers and links, footers, share and
//!    follow prompts, datelines, outlet lines, lines written twice;
//! 3. menus: runs of short label-like lines, or one line of labels (between separators, or
//!    known labels one after another); then footer blocks: what is glued to two footer lines;
//! 4. the title (given by the crawler, or the first headline-shaped line) and its later copies
//!    used as image text;
//! 5. the header zone: byline and dateline under the title, the outlet tag (or agency dateline,
//!    "Hà Nội, 22/2 (TTXVN) -") before the lead;
//! 6. captions without credit that follow an image marker;
//! 7. repeated lines: a short line written twice in a row is a caption or a teaser, a later copy
//!    of any line is a duplicate;
//! 8. teaser blocks after a header: headline-shaped lines and the leads that sit between them;
//! 9. teasers without a header: truncated leads after a teaser, and a tail of headlines (never
//!    the line of the end mark); the writer's credit on the story's last line;
//! 10. short captions glued under a paragraph in a page whose paragraphs are blank-separated.
//!
//! The rules look at the shape of lines and at the vocabulary of page templates (the data file
//! `data/boilerplate.tsv`), never at the wording of particular articles.
//!
//! # Invariants
//!
//! - [`clean`] never fails and never panics: any text gives a result.
//! - Every byte of every non-empty input line is either in a body paragraph or in a removed
//!   piece; body paragraphs and removed pieces never overlap; all spans are on char boundaries.

mod lexicon;
mod lines;
mod meta;
mod shape;

use biennien_corpus::boilerplate::line_key;
use biennien_record::{RemovalReason, Span};
use biennien_text::{fold, fold_bytes_into};

use biennien_text::hash::FastSet;
use lexicon::{lexicon, Lexicon};
use lines::{Line, State};
use shape::{
    ends_sentence, ends_truncated, ends_with_ellipsis, has_letters, is_caption, is_doubled,
    is_image_alt, is_image_file, is_position_caption, is_title_like, sentences, strip_bullet,
    words,
};

/// What the crawler already knows about the page, used before anything read from the text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hints<'a> {
    /// The title, when the crawler extracted it.
    pub title: Option<&'a str>,
    /// The publication date or date-time.
    pub published: Option<&'a str>,
    /// The outlet.
    pub outlet: Option<&'a str>,
    /// Lines this outlet repeats in its pages, learned from the corpus
    /// (`biennien_corpus::boilerplate::line_key` of each): removed wherever they stand.
    pub boilerplate: Option<&'a std::collections::HashSet<u64>>,
}

/// A piece of the input left out of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cut {
    /// Why.
    pub reason: RemovalReason,
    /// Where, in bytes of the input text.
    pub span: Span,
}

/// The article found in a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// The title.
    pub title: Option<String>,
    /// Publication date or date-time, ISO 8601 at the precision given.
    pub published: Option<String>,
    /// The outlet.
    pub outlet: Option<String>,
    /// The author's byline.
    pub author: Option<String>,
    /// The dateline's place.
    pub dateline: Option<String>,
    /// Body paragraphs, in order, as spans of the input text.
    pub paragraphs: Vec<Span>,
    /// Pieces left out, in order, as spans of the input text.
    pub cuts: Vec<Cut>,
}

impl Cleaned {
    /// The body: paragraphs of `text` separated by blank lines.
    pub fn body(&self, text: &str) -> String {
        let mut out = String::new();
        for p in &self.paragraphs {
            if let Some(s) = text.get(p.start..p.end) {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                out.push_str(s);
            }
        }
        out
    }
}

/// Finds the article in `text`. See the crate documentation for the passes.
pub fn clean(text: &str, hints: &Hints<'_>) -> Cleaned {
    let mut page = Page::new(text);
    page.end_mark();
    if let Some(lines) = hints.boilerplate.filter(|b| !b.is_empty()) {
        page.outlet_boilerplate(lines);
    }
    page.single_lines();
    page.menus();
    page.footer_blocks();
    page.title(hints.title);
    page.header_zone();
    page.image_captions();
    page.repeats();
    page.related_blocks();
    page.headerless_teasers();
    page.glued_captions();
    page.finish(hints)
}

/// A candidate date read from a time stamp, with the line it came from.
#[derive(Debug)]
struct Stamp {
    line: usize,
    iso: String,
}

/// The kept part of each line of the story, folded (see [`biennien_text::fold`]) when a pass
/// first compares it, all in one buffer: most lines are told apart without their fold.
#[derive(Default)]
struct Folded {
    text: String,
    /// For each line of the story, the range of `text` that holds its kept part folded, once
    /// folded.
    lines: Vec<Option<(usize, usize)>>,
    /// Room to fold one line in.
    scratch: Vec<u8>,
}

impl Folded {
    /// No line folded yet, of `n` lines.
    fn new(n: usize) -> Self {
        Folded {
            text: String::new(),
            lines: vec![None; n],
            scratch: Vec::new(),
        }
    }

    /// Forgets the fold of line `i`, whose kept part changed.
    fn forget(&mut self, i: usize) {
        if let Some(slot) = self.lines.get_mut(i) {
            *slot = None;
        }
    }

    /// Folds line `i`, whose kept part is `kept`, unless it is folded already (or not a line of
    /// the story).
    fn fold(&mut self, i: usize, kept: &str) {
        let Some(slot) = self.lines.get_mut(i) else {
            return;
        };
        if slot.is_some() {
            return;
        }
        let start = self.text.len();
        self.scratch.clear();
        fold_bytes_into(kept, &mut self.scratch);
        match std::str::from_utf8(&self.scratch) {
            Ok(f) => self.text.push_str(f),
            // Folds of text are text, so this is never taken.
            Err(_) => self.text.push_str(&fold(kept)),
        }
        *slot = Some((start, self.text.len()));
    }

    /// The folded kept part of line `i` (empty when the line is not folded).
    fn line(&self, i: usize) -> &str {
        self.lines
            .get(i)
            .copied()
            .flatten()
            .and_then(|(a, b)| self.text.get(a..b))
            .unwrap_or("")
    }
}

/// What folding leaves as it is in a text: the numbers of spaces, digits, commas and full
/// stops, summed in one word. Texts with the same fold have the same key, so texts with
/// different keys need not be folded to be told apart.
fn fold_key(text: &str) -> u64 {
    // Counted in blocks of bytes, lane by lane without branches, which the compiler turns
    // into vector code; the counts wrap, which keeps equal counts equal.
    let mut counts = [0u16; 4];
    for block in text.as_bytes().chunks(128) {
        let count = |hit: fn(u8) -> bool| -> u16 {
            block
                .iter()
                .map(|&b| u8::from(hit(b)))
                .fold(0u8, u8::wrapping_add)
                .into()
        };
        counts[0] = counts[0].wrapping_add(count(|b| b == b' '));
        counts[1] = counts[1].wrapping_add(count(|b| b == b','));
        counts[2] = counts[2].wrapping_add(count(|b| b == b'.'));
        counts[3] = counts[3].wrapping_add(count(|b| b.is_ascii_digit()));
    }
    counts
        .iter()
        .fold(0u64, |key, &c| (key << 16) | u64::from(c))
}

/// The working state of one page.
struct Page<'t> {
    text: &'t str,
    /// The kept part of the lines of the story, folded once for every comparison of the
    /// passes (from the single-line pass on).
    folded: Folded,
    lines: Vec<Line>,
    /// Lines from this index on are after the end mark.
    story_end: usize,
    /// The line that carries the end mark: the story's last line, never a teaser.
    end_line: Option<usize>,
    /// Pieces of lines (prefixes, suffixes) cut while the rest of the line stays.
    partial: Vec<Cut>,
    /// Lines that mark a picture: the next short line is its caption.
    image_markers: Vec<usize>,
    stamps: Vec<Stamp>,
    title: Option<String>,
    outlet: Option<String>,
    /// The outlet named by a copyright line, used when nothing else names one.
    footer_outlet: Option<String>,
    author: Option<String>,
    dateline: Option<String>,
    lex: &'static Lexicon,
}

impl<'t> Page<'t> {
    fn new(text: &'t str) -> Self {
        let lines = lines::split(text);
        let story_end = lines.len();
        Page {
            text,
            folded: Folded::default(),
            lines,
            story_end,
            end_line: None,
            partial: Vec::new(),
            image_markers: Vec::new(),
            stamps: Vec::new(),
            title: None,
            outlet: None,
            footer_outlet: None,
            author: None,
            dateline: None,
            lex: lexicon(),
        }
    }

    /// The part of line `i` still kept.
    fn kept(&self, i: usize) -> &'t str {
        let k = self.lines[i].keep;
        self.text.get(k.start..k.end).unwrap_or("")
    }

    /// The part of line `i` still kept, folded (empty for lines after the story, and before
    /// the single-line pass).
    fn folded(&mut self, i: usize) -> &str {
        let kept = self.kept(i);
        self.folded.fold(i, kept);
        self.folded.line(i)
    }

    fn reason(&self, i: usize) -> Option<RemovalReason> {
        match self.lines[i].state {
            State::Body => None,
            State::Gone(r) => Some(r),
        }
    }

    fn remove(&mut self, i: usize, reason: RemovalReason) {
        if let Some(line) = self.lines.get_mut(i) {
            if line.state == State::Body {
                line.state = State::Gone(reason);
            }
        }
    }

    /// Cuts the first `len` bytes of the kept part of line `i`.
    fn cut_prefix(&mut self, i: usize, len: usize, reason: RemovalReason) {
        let keep = self.lines[i].keep;
        let rest = self.text.get(keep.start + len..keep.end).unwrap_or("");
        let new_start = keep.end - rest.trim_start().len();
        self.partial.push(Cut {
            reason,
            span: Span::new(keep.start, new_start),
        });
        self.lines[i].keep.start = new_start;
        self.lines[i].words = words(self.kept(i));
        self.folded.forget(i);
    }

    /// Cuts line `i`'s kept part from byte `at` (absolute) to its end.
    fn cut_suffix(&mut self, i: usize, at: usize, reason: RemovalReason) {
        let keep = self.lines[i].keep;
        let head = self.text.get(keep.start..at).unwrap_or("");
        let new_end = keep.start + head.trim_end().len();
        self.partial.push(Cut {
            reason,
            span: Span::new(new_end, keep.end),
        });
        self.lines[i].keep.end = new_end;
        self.lines[i].words = words(self.kept(i));
        self.folded.forget(i);
    }

    /// Body lines in order, as indices.
    fn body_indices(&self) -> Vec<usize> {
        (0..self.story_end)
            .filter(|&i| self.lines[i].is_body())
            .collect()
    }

    // 1. The end mark "./." closes the story.
    fn end_mark(&mut self) {
        let mut seen_words = 0usize;
        for i in 0..self.lines.len() {
            let t = self.kept(i);
            if let Some(pos) = find_end_mark(t) {
                seen_words += words(&t[..pos]);
                if seen_words < 15 {
                    continue;
                }
                let at = self.lines[i].keep.start + pos;
                self.cut_suffix(i, at, RemovalReason::AfterEndMark);
                if self.kept(i).is_empty() {
                    self.lines[i].state = State::Gone(RemovalReason::AfterEndMark);
                }
                self.story_end = i + 1;
                self.end_line = Some(i);
                self.after_end_metadata();
                return;
            }
            seen_words += self.lines[i].words;
        }
    }

    /// Reads the outlet, author and stamp that often follow the end mark.
    fn after_end_metadata(&mut self) {
        for i in self.story_end..self.lines.len() {
            self.lines[i].state = State::Gone(RemovalReason::AfterEndMark);
            let t = self.kept(i);
            if i < self.story_end + 4 {
                if let Some(o) = meta::outlet_line(t).or_else(|| meta::agency_line(t)) {
                    self.outlet.get_or_insert(o);
                } else if let Some(c) = meta::credit(t) {
                    self.take_credit(c);
                }
            }
        }
    }

    /// Keeps the writer and outlet of a credit line, unless already known.
    fn take_credit(&mut self, c: meta::Credit) {
        if let Some(a) = c.author {
            self.author.get_or_insert(a);
        }
        if let Some(o) = c.outlet {
            self.outlet.get_or_insert(o);
        }
    }

    // 1b. Lines the corpus taught are this outlet's template.
    fn outlet_boilerplate(&mut self, lines: &std::collections::HashSet<u64>) {
        for i in 0..self.story_end {
            if self.lines[i].is_body() && lines.contains(&line_key(self.kept(i))) {
                self.remove(i, RemovalReason::OutletBoilerplate);
            }
        }
    }

    // 2. Lines whose shape alone says what they are.
    fn single_lines(&mut self) {
        // From here on the passes compare folded lines, and only lines of the story.
        self.folded = Folded::new(self.story_end);
        let lex = self.lex;
        let mut word = String::new();
        for i in 0..self.story_end {
            if !self.lines[i].is_body() {
                continue;
            }
            let mut t = self.kept(i);
            // Both stamp readers need a year in the first 80 bytes.
            let dated = meta::has_year(&t.as_bytes()[..t.len().min(80)]);
            if let Some(iso) = dated.then(|| meta::stamp_line(t)).flatten() {
                self.stamps.push(Stamp { line: i, iso });
                self.remove(i, RemovalReason::Timestamp);
                continue;
            }
            if let Some((iso, len)) = dated.then(|| meta::stamp_prefix(t)).flatten() {
                self.stamps.push(Stamp { line: i, iso });
                self.cut_prefix(i, len, RemovalReason::Timestamp);
                t = self.kept(i);
            }
            let n = self.lines[i].words;
            let after_image = i > 0
                && matches!(
                    self.reason(i - 1),
                    Some(RemovalReason::ImageFile | RemovalReason::Caption)
                );
            // The related and footer phrases are looked for only where the line's first word
            // opens one of them: most lines are then ruled out without being folded.
            let first = lexicon::folded_first_word(t, &mut word);
            let opens = first.is_none_or(|w| lex.may_open(w));
            let opens_share = n <= 10 && first.is_none_or(|w| lex.may_open_share(w));
            let reason = if let Some(c) = (!after_image).then(|| meta::source_line(t)).flatten() {
                // "Nguồn: VOV", "Theo Nguyễn Hoàng (TTXVN)": before captions, which also
                // end in a credit.
                let r = if c.author.is_some() {
                    RemovalReason::Byline
                } else {
                    RemovalReason::OutletTag
                };
                self.take_credit(c);
                Some(r)
            } else if is_image_file(t) {
                self.image_markers.push(i);
                Some(RemovalReason::ImageFile)
            } else if is_image_alt(t) {
                self.image_markers.push(i);
                Some(RemovalReason::Caption)
            } else if is_caption(t, n) || is_position_caption(t, n) {
                Some(RemovalReason::Caption)
            } else if opens && lex.is_related_header(self.folded(i)) {
                Some(RemovalReason::RelatedHeader)
            } else if opens && lex.is_related_prefixed(self.folded(i)) {
                Some(RemovalReason::RelatedStory)
            } else if t.contains('©') || opens && lex.is_footer(t, self.folded(i), n) {
                if let Some(o) = meta::copyright_outlet(t) {
                    self.footer_outlet.get_or_insert(o);
                }
                Some(RemovalReason::Footer)
            } else if opens_share && lex.is_share(self.folded(i), n) {
                if let Some(o) = meta::follow_prompt_outlet(t) {
                    self.outlet.get_or_insert(o);
                }
                Some(RemovalReason::SharePrompt)
            } else if let Some(place) = meta::dateline_line(t) {
                self.dateline.get_or_insert(place);
                Some(RemovalReason::Dateline)
            } else if let Some(o) = meta::outlet_line(t) {
                self.outlet.get_or_insert(o);
                Some(RemovalReason::OutletTag)
            } else if is_doubled(t) {
                Some(RemovalReason::RelatedStory)
            } else if !has_letters(t) {
                Some(RemovalReason::Empty)
            } else {
                None
            };
            if let Some(r) = reason {
                self.remove(i, r);
            }
        }
    }

    // 3. Navigation menus.
    fn menus(&mut self) {
        let n = self.story_end;
        let label: Vec<bool> = (0..n)
            .map(|i| self.lines[i].is_body() && is_menu_item_of(self.kept(i), self.lines[i].words))
            .collect();
        let menu_like: Vec<bool> = (0..n)
            .map(|i| match self.lines[i].state {
                // A name with no label glued beside it is a byline: "THU HẰNG" above "Lưu",
                // "Chia sẻ"; "Hà Văn", a blank line, then a menu. Names in a list of names
                // ("Ba Đình", "Hoàn Kiếm") are labels.
                State::Body => {
                    let t = self.kept(i);
                    let glued_before = i > 0 && !self.lines[i].blank_before && label[i - 1];
                    let glued_after = i + 1 < n && !self.lines[i + 1].blank_before && label[i + 1];
                    let beside_label = glued_before || glued_after;
                    label[i]
                        && (beside_label
                            || self.lex.is_menu_word(strip_bullet(t).1)
                            || meta::byline(t).is_none())
                }
                State::Gone(RemovalReason::SharePrompt) | State::Gone(RemovalReason::Menu) => true,
                State::Gone(_) => false,
            })
            .collect();
        let mut i = 0;
        while i < n {
            if !menu_like[i] {
                // One line of labels between separators: "Trang chủ | Thời sự | Thế giới".
                if self.lines[i].is_body() {
                    let (line, words) = (self.kept(i), self.lines[i].words);
                    let folded = &mut self.folded;
                    let menu = is_menu_line_with(line, words, || {
                        folded.fold(i, line);
                        folded.line(i)
                    });
                    if menu {
                        self.remove(i, RemovalReason::Menu);
                    }
                }
                i += 1;
                continue;
            }
            let start = i;
            while i < n && menu_like[i] {
                i += 1;
            }
            let run = start..i;
            let len = run.len();
            let labelled = run.clone().any(|j| {
                let (bullet, item) = strip_bullet(self.kept(j));
                bullet || self.lex.is_menu_word(item)
            });
            if len >= 3 || (len == 2 && labelled) {
                for j in run {
                    self.remove(j, RemovalReason::Menu);
                }
            }
        }
    }

    // 3b. A footer block: the lines glued to two or more footer lines in a row.
    fn footer_blocks(&mut self) {
        let n = self.story_end;
        let footer = |p: &Self, i: usize| p.reason(i) == Some(RemovalReason::Footer);
        let mut i = 0;
        while i + 1 < n {
            if !(footer(self, i) && footer(self, i + 1) && !self.lines[i + 1].blank_before) {
                i += 1;
                continue;
            }
            // The site's name in capitals heads the block: "CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ".
            if i > 0 && !self.lines[i].blank_before && self.lines[i - 1].is_body() {
                let t = self.kept(i - 1);
                if words(t) <= 12 && !t.chars().any(char::is_lowercase) {
                    self.remove(i - 1, RemovalReason::Footer);
                }
            }
            // Whatever is glued under it belongs to it: "Ghi rõ nguồn … khi phát hành lại …".
            let mut j = i + 2;
            while j < n && !self.lines[j].blank_before {
                if self.lines[j].is_body() && self.lines[j].words <= 60 {
                    self.remove(j, RemovalReason::Footer);
                }
                j += 1;
            }
            i = j;
        }
    }

    // 4. The title, and its copies used as image text.
    fn title(&mut self, given: Option<&str>) {
        let body = self.body_indices();
        if let Some(given) = given.map(str::trim).filter(|g| !g.is_empty()) {
            let g = fold(given);
            let key = fold_key(&g);
            for &i in body.iter().take(6) {
                if fold_key(self.kept(i)) == key && self.folded(i) == g {
                    self.remove(i, RemovalReason::Title);
                    break;
                }
            }
            self.title = Some(given.to_string());
        } else if let Some(&first) = body.first() {
            let t = self.kept(first);
            // The lead may sit under a byline and a dateline: "Tuấn Anh", "Từ Washington".
            let next_is_lead = || {
                body.iter()
                    .skip(1)
                    .take(3)
                    .find(|&&j| {
                        let t = self.kept(j);
                        meta::byline(t).is_none() && meta::bare_dateline(t).is_none()
                    })
                    .is_some_and(|&j| self.lines[j].words >= 8)
            };
            if is_title_like(t) && words(t) >= 3 && (body.len() == 1 || next_is_lead()) {
                self.title = Some(t.to_string());
                self.remove(first, RemovalReason::Title);
            }
        }
        let Some(title) = self.title.as_deref().map(fold) else {
            return;
        };
        if title.len() < 10 {
            return;
        }
        let key = fold_key(&title);
        for i in 0..self.story_end {
            if !self.lines[i].is_body() {
                continue;
            }
            // The fold is made only where it may match: a line with the title's key, or a
            // picture's text.
            let t = self.kept(i);
            let same = fold_key(t) == key && self.folded(i) == title;
            if same || (is_image_alt(t) && self.folded(i).starts_with(&title)) {
                self.remove(i, RemovalReason::Duplicate);
                self.image_markers.push(i);
            }
        }
    }

    // 5. Byline and dateline under the title, outlet tag before the lead.
    fn header_zone(&mut self) {
        let title_line =
            (0..self.story_end).find(|&i| self.reason(i) == Some(RemovalReason::Title));
        let body = self.body_indices();
        let from = title_line.unwrap_or(0);
        // A byline and a dateline sit right under the title, before the lead.
        for &i in body.iter().filter(|&&i| i > from).take(3) {
            let t = self.kept(i);
            if words(t) >= 8 {
                break;
            }
            if let Some(c) = meta::credit(t) {
                self.take_credit(c);
                self.remove(i, RemovalReason::Byline);
            } else if let Some(place) = meta::bare_dateline(t) {
                self.dateline.get_or_insert(place);
                self.remove(i, RemovalReason::Dateline);
            }
        }
        let body = self.body_indices();
        for &i in body.iter().take(2) {
            if let Some((outlet, place, len)) = meta::outlet_tag_prefix(self.kept(i)) {
                self.outlet.get_or_insert(outlet);
                if let Some(p) = place {
                    self.dateline.get_or_insert(p);
                }
                self.cut_prefix(i, len, RemovalReason::OutletTag);
                break;
            }
        }
    }

    // 6. The line under a picture marker is its caption.
    fn image_captions(&mut self) {
        let markers = std::mem::take(&mut self.image_markers);
        for &m in &markers {
            let Some(j) =
                (m + 1..self.story_end).find(|&j| self.reason(j) != Some(RemovalReason::Duplicate))
            else {
                continue;
            };
            if !self.lines[j].is_body() {
                continue;
            }
            let t = self.kept(j);
            let glued = !self.lines[j].blank_before;
            if words(t) <= 40 && sentences(t) <= 2 && (glued || !ends_sentence(t)) {
                self.remove(j, RemovalReason::Caption);
            }
        }
        self.image_markers = markers;
    }

    // 7. Lines written twice.
    fn repeats(&mut self) {
        let n = self.story_end;
        // Lines are compared folded; only lines whose key another line shares can have the
        // same fold, and only those are folded.
        let keys: Vec<u64> = (0..n).map(|i| fold_key(self.kept(i))).collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        let shared: Vec<bool> = keys
            .iter()
            .map(|k| {
                let from = sorted.partition_point(|s| s < k);
                sorted.get(from + 1) == Some(k)
            })
            .collect();
        for i in (0..n).filter(|&i| shared[i]) {
            let kept = self.kept(i);
            self.folded.fold(i, kept);
        }
        // A line repeated right after itself: a caption (or a teaser title) shown twice.
        for i in 1..n {
            let (a, b) = (self.kept(i - 1), self.kept(i));
            if a.is_empty()
                || keys[i - 1] != keys[i]
                || self.folded.line(i - 1) != self.folded.line(i)
            {
                continue;
            }
            let short = self.lines[i].words <= 60;
            match (self.reason(i - 1), short) {
                (None, true) => {
                    let r = if ends_sentence(b) {
                        RemovalReason::Caption
                    } else {
                        RemovalReason::RelatedStory
                    };
                    self.remove(i - 1, r);
                    self.remove(i, r);
                }
                (None, false) => self.remove(i, RemovalReason::Duplicate),
                (Some(r), _) => {
                    let r = if matches!(r, RemovalReason::Caption | RemovalReason::RelatedStory) {
                        r
                    } else {
                        RemovalReason::Duplicate
                    };
                    self.remove(i, r);
                }
            }
        }
        // A later copy of any line is a duplicate.
        let mut seen: FastSet<&str> = FastSet::default();
        let mut copies = Vec::new();
        for i in (0..n).filter(|&i| shared[i]) {
            let f = self.folded.line(i);
            if f.is_empty() {
                continue;
            }
            if !seen.insert(f) && self.lines[i].is_body() {
                copies.push(i);
            }
        }
        drop(seen);
        for i in copies {
            self.remove(i, RemovalReason::Duplicate);
        }
    }

    /// Whether line `j` is noise that belongs to a teaser list (picture, header, stamp …).
    fn is_teaser_furniture(&self, j: usize) -> bool {
        matches!(
            self.reason(j),
            Some(
                RemovalReason::Caption
                    | RemovalReason::ImageFile
                    | RemovalReason::RelatedHeader
                    | RemovalReason::RelatedStory
                    | RemovalReason::Footer
                    | RemovalReason::SharePrompt
                    | RemovalReason::Timestamp
                    | RemovalReason::Menu
                    | RemovalReason::AfterEndMark
            )
        )
    }

    /// Whether one of the two lines after `j` continues a teaser list (or the story ends).
    fn teaser_follows(&self, j: usize) -> bool {
        let next: Vec<usize> = (j + 1..self.story_end).take(2).collect();
        if next.is_empty() {
            return true;
        }
        next.iter().any(|&k| {
            self.is_teaser_furniture(k)
                || (self.lines[k].is_body() && is_teaser_title(self.kept(k)))
        })
    }

    // 8. Blocks of other stories after a header.
    fn related_blocks(&mut self) {
        let headers: Vec<usize> = (0..self.story_end)
            .filter(|&i| self.reason(i) == Some(RemovalReason::RelatedHeader))
            .collect();
        for h in headers {
            let compact = self.lines.get(h + 1).is_some_and(|l| !l.blank_before);
            let mut prev_teaser = true;
            let mut j = h + 1;
            while j < self.story_end {
                if !self.lines[j].is_body() {
                    prev_teaser = self.is_teaser_furniture(j)
                        || self.reason(j) == Some(RemovalReason::Duplicate);
                    if !prev_teaser {
                        break;
                    }
                    j += 1;
                    continue;
                }
                let t = self.kept(j);
                if Some(j) == self.end_line {
                    break;
                }
                if is_teaser_title(t) {
                    self.remove(j, RemovalReason::RelatedStory);
                    prev_teaser = true;
                } else {
                    let next_is_title = j + 1 < self.story_end
                        && self.lines[j + 1].is_body()
                        && is_teaser_title(self.kept(j + 1));
                    // In a compact block (headlines glued under the header), a whole paragraph
                    // after a blank line is the story going on.
                    let spaced_out = compact && self.lines[j].blank_before;
                    let lead = (prev_teaser || next_is_title)
                        && (ends_truncated(t) || (!spaced_out && self.teaser_follows(j)));
                    if !lead {
                        break;
                    }
                    self.remove(j, RemovalReason::RelatedStory);
                    prev_teaser = false;
                }
                j += 1;
            }
        }
    }

    // 9. Teasers without a header.
    fn headerless_teasers(&mut self) {
        // A truncated lead right after a teaser title.
        for i in 1..self.story_end {
            if self.lines[i].is_body()
                && ends_truncated(self.kept(i))
                && self.reason(i - 1) == Some(RemovalReason::RelatedStory)
            {
                self.remove(i, RemovalReason::RelatedStory);
            }
        }
        // A tail of headlines (with their short leads) after the story's last sentence.
        let body = self.body_indices();
        let mut tail: Vec<usize> = Vec::new();
        let mut titles = 0;
        let mut k = body.len();
        let mut author_line = None;
        while k > 0 {
            let i = body[k - 1];
            if Some(i) == self.end_line {
                break;
            }
            let t = self.kept(i);
            if tail.is_empty() && author_line.is_none() && self.author.is_none() {
                // The writer, alone or with the outlet: "HOÀI THU", "Thu Hằng/VOV.VN".
                if let Some(c) = meta::credit(t) {
                    author_line = Some((i, c));
                    k -= 1;
                    continue;
                }
            }
            if is_title_like(t) && words(t) >= 4 && !t.ends_with('?') {
                tail.push(i);
                titles += 1;
                k -= 1;
                continue;
            }
            // A short lead with its headline above it.
            let above = k.checked_sub(2).map(|a| body[a]);
            if let Some(a) = above.filter(|&a| Some(a) != self.end_line) {
                let ta = self.kept(a);
                if words(t) <= 60 && is_title_like(ta) && words(ta) >= 4 && !ta.ends_with('?') {
                    tail.push(i);
                    tail.push(a);
                    titles += 1;
                    k -= 2;
                    continue;
                }
            }
            break;
        }
        let lone_title = titles == 1 && tail.len() == 1;
        if titles >= 2 || lone_title {
            for i in tail {
                self.remove(i, RemovalReason::RelatedStory);
            }
        }
        if let Some((i, c)) = author_line {
            self.take_credit(c);
            self.remove(i, RemovalReason::Byline);
        }
    }

    // 10. Short captions glued under a paragraph, where paragraphs are blank-separated.
    fn glued_captions(&mut self) {
        let body = self.body_indices();
        if body.len() < 5 {
            return;
        }
        let separated = body
            .iter()
            .skip(1)
            .filter(|&&i| self.lines[i].blank_before)
            .count();
        if separated * 10 < (body.len() - 1) * 7 {
            return;
        }
        for w in body.windows(2) {
            let (p, i) = (w[0], w[1]);
            if i != p + 1 || self.lines[i].blank_before {
                continue;
            }
            let next_separated = self.lines.get(i + 1).is_none_or(|l| l.blank_before);
            let (tp, ti) = (self.kept(p), self.kept(i));
            // A list item glued under its lead-in or another item is body: "- Hợp tác …".
            if next_separated
                && !strip_bullet(ti).0
                && words(ti) <= 30
                && words(tp) > words(ti)
                && sentences(ti) == 1
                && ends_sentence(tp)
                && !ti.ends_with([':', ';', ','])
            {
                self.remove(i, RemovalReason::Caption);
            }
        }
    }

    fn finish(mut self, hints: &Hints<'_>) -> Cleaned {
        // Nothing without letters stays in the body.
        for i in 0..self.story_end {
            if self.lines[i].is_body() && !has_letters(self.kept(i)) {
                self.lines[i].state = State::Gone(RemovalReason::Empty);
            }
        }
        let last_body = (0..self.story_end)
            .rev()
            .find(|&i| self.lines[i].is_body())
            .unwrap_or(0);
        let stamp = self
            .stamps
            .iter()
            .find(|s| s.line <= last_body)
            .or_else(|| self.stamps.first())
            .map(|s| s.iso.clone());
        let mut cuts = self.partial;
        let mut paragraphs = Vec::new();
        for line in &self.lines {
            match line.state {
                State::Body if !line.keep.is_empty() => paragraphs.push(line.keep),
                State::Body => {}
                State::Gone(reason) if !line.keep.is_empty() => cuts.push(Cut {
                    reason,
                    span: line.keep,
                }),
                State::Gone(_) => {}
            }
        }
        cuts.retain(|c| !c.span.is_empty());
        cuts.sort_by_key(|c| (c.span.start, c.span.end));
        Cleaned {
            title: self.title,
            published: hints.published.map(str::to_string).or(stamp),
            outlet: hints
                .outlet
                .map(str::to_string)
                .or(self.outlet)
                .or(self.footer_outlet),
            author: self.author,
            dateline: self.dateline,
            paragraphs,
            cuts,
        }
    }
}

/// Where the end mark "./." first stands in `line`: found from its slashes, which are far
/// rarer than full stops.
fn find_end_mark(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    memchr::memchr_iter(b'/', bytes)
        .find(|&i| i > 0 && bytes.get(i - 1) == Some(&b'.') && bytes.get(i + 1) == Some(&b'.'))
        .map(|i| i - 1)
}

/// A headline of another story in a teaser list: headline-shaped, or ending with a question.
fn is_teaser_title(line: &str) -> bool {
    is_title_like(line) || (line.ends_with('?') && words(line) <= 40)
}

/// A short label such as a menu entry: "• An Giang", "Thời sự", "Bà Rịa - Vũng Tàu".
fn is_menu_item(line: &str) -> bool {
    is_menu_item_of(line, words(line))
}

/// [`is_menu_item`] of a line of `n` [`words`].
fn is_menu_item_of(line: &str, n: usize) -> bool {
    // Eight words of a known label fit in far fewer bytes.
    if line.len() > 200 {
        return false;
    }
    let (_, item) = strip_bullet(line);
    // Without a bullet the item is the (trimmed) line itself.
    let n = if item.len() == line.len() {
        n
    } else {
        words(item)
    };
    if n > 8 || ends_sentence(item) || item.ends_with('?') || ends_with_ellipsis(item) {
        return false;
    }
    let short = (1..=4).contains(&n) && item.chars().count() <= 32;
    short || lexicon().is_menu_word(item)
}

/// The characters that separate labels in a menu line.
const MENU_SEPARATORS: [char; 8] = ['|', '•', '·', '»', '›', '>', '/', '▪'];

/// A menu or breadcrumb on one line: three or more short labels between separators
/// ("Trang chủ | Thời sự | Thế giới"), two known labels ("Thời sự > Chính trị"), or known
/// labels one after another ("Trang chủ Tin tức Chính trị Quốc phòng an ninh Quốc tế").
/// `folded` is the line folded.
#[cfg(test)]
fn is_menu_line(line: &str, folded: &str) -> bool {
    is_menu_line_with(line, words(line), || folded)
}

/// [`is_menu_line`] of a line of `n` [`words`], folded by `folded` only when its labels must be
/// read.
fn is_menu_line_with<'f>(line: &str, n: usize, folded: impl FnOnce() -> &'f str) -> bool {
    let bytes = line.as_bytes();
    // A long line made of sentences is prose, whatever separators it contains.
    if line.len() > 160 && memchr::memchr_iter(b'.', bytes).any(|i| bytes.get(i + 1) == Some(&b' '))
    {
        return false;
    }
    let lex = lexicon();
    // Labels between separators: only where a separator's first byte occurs ('|', '>', '/',
    // or the lead bytes 0xC2 and 0xE2 of the others).
    if memchr::memchr3(b'|', b'>', b'/', bytes).is_some()
        || memchr::memchr2(0xC2, 0xE2, bytes).is_some()
    {
        let parts = || {
            line.split(MENU_SEPARATORS)
                .map(str::trim)
                .filter(|p| !p.is_empty())
        };
        match parts().take(3).count() {
            3 if parts().all(is_menu_item) => return true,
            2 if parts().all(|p| lex.is_menu_word(p)) => return true,
            _ => {}
        }
    }
    // Labels without separators: no punctuation, nearly every word inside a known label.
    // The marks are ASCII: looked for byte by byte, without decoding characters.
    let marked = || {
        bytes
            .iter()
            .any(|b| matches!(b, b',' | b'.' | b':' | b';' | b'!' | b'?' | b'"' | b'('))
    };
    if !(4..=40).contains(&n) || marked() {
        return false;
    }
    let (labels, uncovered) = lex.menu_labels(folded());
    labels >= 4 && uncovered * 5 <= n
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cleans `page` and checks each expectation: `title`, `author`, `outlet`, `published` and
    /// `dateline` name a field (`None`: the field is empty); `body has` and `body lacks` name a
    /// string that must or must not be in the body.
    fn check(page: &str, expected: &[(&str, Option<&str>)]) {
        let c = clean(page, &Hints::default());
        let body = c.body(page);
        for &(what, want) in expected {
            let got = match what {
                "title" => c.title.as_deref(),
                "author" => c.author.as_deref(),
                "outlet" => c.outlet.as_deref(),
                "published" => c.published.as_deref(),
                "dateline" => c.dateline.as_deref(),
                "body has" | "body lacks" => {
                    let s = want.unwrap_or_default();
                    assert_eq!(
                        body.contains(s),
                        what == "body has",
                        "{what} {s:?}; body:\n{body}"
                    );
                    continue;
                }
                _ => panic!("unknown expectation {what}"),
            };
            assert_eq!(got, want, "{what}; body:\n{body}");
        }
    }

    const LEAD: &str =
        "Chiều 5/4, tại Trụ sở Chính phủ, Thủ tướng đã tiếp Đoàn doanh nghiệp Phần Lan \
                        đang thăm và làm việc tại Việt Nam.";

    #[test]
    fn province_menu_and_footer_block_around_the_story() {
        let page = format!(
            "Trang chủ\nChính phủ\nAn Giang\nBà Rịa - Vũng Tàu\nBạc Liêu\nThừa Thiên Huế\n\
             Thủ tướng tiếp Đoàn doanh nghiệp Phần Lan\n\n(Chinhphu.vn) - {LEAD}\n\n\
             Hai bên trao đổi về hợp tác giáo dục, năng lượng tái tạo và chuyển đổi số.\n\n\
             Minh Khoa\n\n\
             CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ\nCơ quan chủ quản: Văn phòng Chính phủ\n\
             Bản quyền thuộc Cổng Thông tin điện tử Chính phủ\n\
             Mọi thông tin phát hành lại phải được sự đồng ý của cơ quan chủ quản theo quy định.\n"
        );
        check(
            &page,
            &[
                ("title", Some("Thủ tướng tiếp Đoàn doanh nghiệp Phần Lan")),
                ("author", Some("Minh Khoa")),
                ("outlet", Some("Chinhphu.vn")),
                ("body has", Some("Hai bên trao đổi")),
                ("body lacks", Some("Vũng Tàu")),
                ("body lacks", Some("CỔNG THÔNG TIN")),
                ("body lacks", Some("Mọi thông tin phát hành")),
            ],
        );
    }

    #[test]
    fn a_footer_block_ends_at_a_blank_line() {
        let page = format!(
            "Thủ tướng tiếp Đoàn doanh nghiệp Phần Lan\n\n{LEAD}\n\
             Cơ quan chủ quản: Văn phòng Chính phủ\nBản quyền thuộc Cổng Thông tin điện tử\n\n\
             Hai bên trao đổi về hợp tác giáo dục, năng lượng tái tạo và chuyển đổi số.\n"
        );
        check(
            &page,
            &[
                ("body has", Some("Chiều 5/4")),
                ("body has", Some("Hai bên trao đổi")),
                ("body lacks", Some("Cơ quan chủ quản")),
            ],
        );
    }

    #[test]
    fn inline_menu_capital_byline_prompts_and_a_stamp_in_words() {
        let page = format!(
            "Trang chủ Tin tức Chính trị Quốc phòng an ninh Quốc tế Kinh tế Xã hội\n\
             Thủ tướng tiếp Đoàn doanh nghiệp Phần Lan\nThứ Hai, ngày 4 tháng 3 năm 2024\n\
             THU HẰNG\nLưu\nChia sẻ\nTheo dõi Thời báo Văn hóa trên Google News\n{LEAD}\n\n\
             Lưu ý: đoàn sẽ làm việc với các bộ, ngành liên quan trong tuần tới.\n"
        );
        check(
            &page,
            &[
                ("title", Some("Thủ tướng tiếp Đoàn doanh nghiệp Phần Lan")),
                ("author", Some("Thu Hằng")),
                ("published", Some("2024-03-04")),
                ("outlet", Some("Thời báo Văn hóa")),
                ("body lacks", Some("Trang chủ")),
                ("body lacks", Some("Chia sẻ")),
                ("body lacks", Some("Theo dõi")),
                // "Lưu" alone is a prompt, a sentence starting with it is not.
                ("body has", Some("Lưu ý: đoàn sẽ làm việc")),
            ],
        );
    }

    #[test]
    fn breadcrumb_is_no_title() {
        let page =
            format!("Thời sự > Chính trị\nThủ tướng tiếp Đoàn doanh nghiệp Phần Lan\n{LEAD}\n");
        check(
            &page,
            &[
                ("title", Some("Thủ tướng tiếp Đoàn doanh nghiệp Phần Lan")),
                ("body lacks", Some("Thời sự")),
            ],
        );
        // Headlines with labels in them stay headlines.
        let page = format!("Kinh tế Việt Nam tăng trưởng trong quý ba\n{LEAD}\n");
        check(
            &page,
            &[("title", Some("Kinh tế Việt Nam tăng trưởng trong quý ba"))],
        );
    }

    #[test]
    fn byline_and_bare_dateline_under_the_title() {
        let page = "Kỷ niệm quan hệ ngoại giao Việt Nam - Chile tại Santiago\n\nQuang Minh\n\
                    Từ Santiago, Chile\nTối 10/5 (giờ địa phương), Đại sứ quán Việt Nam tại Chile \
                    đã tổ chức lễ kỷ niệm trọng thể.\n\n\
                    Từ năm 2020, hai nước đã trao đổi nhiều đoàn cấp cao.\n";
        check(
            page,
            &[
                (
                    "title",
                    Some("Kỷ niệm quan hệ ngoại giao Việt Nam - Chile tại Santiago"),
                ),
                ("author", Some("Quang Minh")),
                ("dateline", Some("Santiago, Chile")),
                ("body lacks", Some("Từ Santiago")),
                ("body has", Some("Từ năm 2020, hai nước")),
            ],
        );
    }

    #[test]
    fn agency_dateline_end_mark_and_agency_line() {
        let page = "Việt Nam và Mozambique tăng cường hợp tác nông nghiệp\n\
                    Maputo, 12/6 (TTXVN) - Ngày 12/6, tại thủ đô Maputo, hai bên đã ký kế hoạch \
                    hợp tác nông nghiệp giai đoạn mới.\n\n\
                    Hai bên nhất trí mở rộng chương trình chuyên gia và trao đổi giống cây trồng \
                    giữa hai nước trong thời gian tới./.\nTTXVN\n\nTin khác\n\
                    Hội chợ hàng Việt Nam tại Nairobi thu hút khách tham quan\n";
        check(
            page,
            &[
                ("outlet", Some("TTXVN")),
                ("dateline", Some("Maputo")),
                ("body lacks", Some("Maputo, 12/6")),
                // The line that carries the end mark is the story's, not a headline.
                ("body has", Some("trao đổi giống cây trồng")),
                ("body lacks", Some("Nairobi")),
            ],
        );
    }

    #[test]
    fn credit_lines_after_the_story() {
        let story = "Việt Nam và Brazil thúc đẩy thương mại song phương\n\
                     Ngày 14/6, tại thủ đô Brasilia, hai Bộ trưởng đã hội đàm về thương mại \
                     song phương.\n\nHai bên nhất trí sớm tổ chức kỳ họp Ủy ban hỗn hợp.";
        check(
            &format!("{story}./.\n\nTheo Nguyễn Hoàng (TTXVN)\n"),
            &[("author", Some("Nguyễn Hoàng")), ("outlet", Some("TTXVN"))],
        );
        check(
            &format!("{story}\n\nNguồn: VOV\n"),
            &[
                ("outlet", Some("VOV")),
                ("author", None),
                ("body lacks", Some("Nguồn")),
            ],
        );
        check(
            &format!("{story}\n\nThu Hằng/VOV.VN\n\n© Đài Tiếng nói Việt Nam.\n"),
            &[
                ("author", Some("Thu Hằng")),
                ("outlet", Some("VOV.VN")),
                ("body lacks", Some("Thu Hằng")),
            ],
        );
        check(
            &format!("{story}\n\nHOÀI THU\n\nTags: Brazil, thương mại\n"),
            &[
                ("author", Some("Hoài Thu")),
                ("body lacks", Some("HOÀI THU")),
            ],
        );
    }

    #[test]
    fn copyright_names_the_outlet_only_when_nothing_else_does() {
        let story = format!("Thủ tướng tiếp Đoàn doanh nghiệp Phần Lan\n{LEAD}\n\n");
        check(
            &format!("{story}© 2023 Thời báo Ngoại giao. Giấy phép số 45/GP-BTTTT.\n"),
            &[("outlet", Some("Thời báo Ngoại giao"))],
        );
        check(
            &format!(
                "{story}Theo dõi Báo Quốc tế trên Google News\n\n\
                 © 2023 Thời báo Ngoại giao. Giấy phép số 45/GP-BTTTT.\n"
            ),
            &[("outlet", Some("Báo Quốc tế"))],
        );
    }

    #[test]
    fn compact_related_block_in_the_middle_of_the_story() {
        let page = format!(
            "Thủ tướng tiếp Đoàn doanh nghiệp Phần Lan\n\n{LEAD}\n\n\
             Tin liên quan\nPhần Lan hỗ trợ Việt Nam phát triển khởi nghiệp\n\
             Doanh nghiệp Bắc Âu tìm hiểu thị trường Việt Nam\n\n\
             Thủ tướng đề nghị các doanh nghiệp Phần Lan mở rộng đầu tư vào năng lượng sạch.\n\n\
             >> Xem thêm: Hội chợ công nghệ xanh Bắc Âu tại Hà Nội\n\n\
             Xem thêm các hoạt động của Thủ tướng trong tuần, hai bên sẽ tiếp tục trao đổi.\n"
        );
        check(
            &page,
            &[
                ("body lacks", Some("phát triển khởi nghiệp")),
                ("body has", Some("Thủ tướng đề nghị các doanh nghiệp")),
                ("body lacks", Some("Hội chợ công nghệ xanh")),
                ("body has", Some("Xem thêm các hoạt động")),
            ],
        );
    }

    #[test]
    fn list_items_are_no_glued_captions() {
        let page = "Việt Nam và Campuchia hội đàm quốc phòng\n\n\
                    Chiều 10/9, tại Hà Nội, Bộ trưởng Quốc phòng hai nước đã hội đàm.\n\n\
                    Hai bên đánh giá hợp tác quốc phòng đạt nhiều kết quả thiết thực.\n\n\
                    Kết quả nổi bật là:\n- Duy trì trao đổi đoàn các cấp và các cơ chế hợp tác song phương;\n\
                    - Hợp tác đào tạo và ứng phó thảm họa.\n\n\
                    Sau hội đàm, hai Bộ trưởng đã ký kế hoạch hợp tác năm tới.\n\n\
                    Cùng ngày, đoàn đã đến đặt vòng hoa tại Đài tưởng niệm.\n\n\
                    Hai bên nhất trí tiếp tục phối hợp chặt chẽ tại các diễn đàn.\n";
        check(page, &[("body has", Some("- Hợp tác đào tạo"))]);
    }

    /// A menu line as read before separators were looked for byte by byte and labels by their
    /// first word: the reference the faster test must agree with.
    fn is_menu_line_reference(line: &str) -> bool {
        if line.len() > 160 && line.contains(". ") {
            return false;
        }
        let parts: Vec<&str> = line
            .split(['|', '•', '·', '»', '›', '>', '/', '▪'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() >= 3 && parts.iter().all(|p| is_menu_item(p)) {
            return true;
        }
        let lex = lexicon();
        if parts.len() == 2 && parts.iter().all(|p| lex.is_menu_word(p)) {
            return true;
        }
        let n = words(line);
        if !(4..=40).contains(&n) || line.contains([',', '.', ':', ';', '!', '?', '"', '(']) {
            return false;
        }
        let (labels, uncovered) = lex.menu_labels_reference(line);
        labels >= 4 && uncovered * 5 <= n
    }

    #[test]
    fn end_mark_is_found_where_find_finds_it() {
        for line in [
            "",
            "./.",
            "Hai bên nhất trí./.",
            "Ngày 2/5 hai bên ký./. TTXVN",
            "a/./. b",
            "../..",
            "./ ./.",
            "x.//.",
            "/./.",
            ".",
            "/",
        ] {
            assert_eq!(find_end_mark(line), line.find("./."), "{line:?}");
        }
    }

    #[test]
    fn menu_lines() {
        let menu = |line: &str| is_menu_line(line, &fold(line));
        assert!(menu("Trang chủ | Thời sự | Thế giới"));
        assert!(menu("Thời sự > Chính trị"));
        assert!(menu(
            "Trang chủ Tin tức Chính trị Quốc phòng an ninh Quốc tế Kinh tế Xã hội"
        ));
        assert!(!menu("Việt Nam > Lào"));
        assert!(!menu("Kinh tế Xã hội Văn hóa: ba trụ cột của hợp tác"));
        assert!(!menu("Hợp tác kinh tế, văn hóa và xã hội giữa hai nước"));
        assert!(is_menu_item("Bà Rịa - Vũng Tàu"));
        assert!(!is_menu_item("Hai bên nhất trí."));
    }

    #[test]
    fn menu_lines_agree_with_the_reference() {
        let long = format!("{LEAD} {LEAD}");
        let lines = [
            "Trang chủ | Thời sự | Thế giới",
            "Trang chủ » Thời sự » Thế giới",
            "Trang chủ • Thời sự • Thế giới • Kinh tế",
            "Trang chủ · Thời sự",
            "Trang chủ › Thời sự › Chính trị",
            "Trang chủ ▪ Thời sự ▪ Chính trị",
            "Thời sự > Chính trị",
            "Thời sự / Chính trị",
            "Thời sự/Chính trị/Thế giới",
            "Việt Nam > Lào",
            "Ngày 2/5/2024, hai bên hội đàm",
            "Giá vàng 80/90 triệu đồng, tăng mạnh",
            "Trang chủ Tin tức Chính trị Quốc phòng an ninh Quốc tế Kinh tế Xã hội",
            "TRANG CHỦ TIN TỨC CHÍNH TRỊ QUỐC PHÒNG AN NINH QUỐC TẾ",
            "Trang chủ Tin tức Chính trị Quốc phòng an ninh Quốc tế Bạn đọc",
            "Bà Rịa - Vũng Tàu Bạc Liêu Bến Tre An Giang",
            "Kinh tế Việt Nam tăng trưởng trong quý ba",
            "Kinh tế Xã hội Văn hóa: ba trụ cột của hợp tác",
            "Hợp tác kinh tế, văn hóa và xã hội giữa hai nước",
            "Thời sự",
            "– Thời sự – Thế giới –",
            "Đà Nẵng … Huế … Hội An",
            "",
            "|||",
            LEAD,
            long.as_str(),
        ];
        let mut seen = [0, 0];
        for line in lines {
            let want = is_menu_line_reference(line);
            assert_eq!(is_menu_line(line, &fold(line)), want, "{line:?}");
            seen[usize::from(want)] += 1;
        }
        assert!(seen[0] > 3 && seen[1] > 3, "{seen:?}");
    }

    #[test]
    fn folding_keeps_the_key() {
        // Folding works character by character, so a key kept by every character's fold is
        // kept by every text's.
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(fold_key(&fold(&s)), fold_key(&s), "{c:?}");
        }
        for text in ["", "Hà Nội, 22/2.", "ĐÀ NẴNG 2024", "a\u{301} b", "x\0y"] {
            assert_eq!(fold_key(&fold(text)), fold_key(text), "{text:?}");
        }
        assert_ne!(fold_key("a b"), fold_key("a,b"));
        assert_ne!(fold_key("1."), fold_key("1,"));
    }

    #[test]
    fn lines_with_the_same_fold_are_repeats() {
        let caption = "Toàn cảnh lễ đón chính thức tại Phủ Chủ tịch";
        let page = format!(
            "Thủ tướng tiếp Đoàn doanh nghiệp Phần Lan\n\n{LEAD}\n\n{caption}\n{}\n\n\
             Hai bên trao đổi về hợp tác giáo dục, năng lượng tái tạo và chuyển đổi số.\n\n\
             Hai bên trao đổi về hợp tác giáo dục, năng lượng tái tạo và chuyển đổi xố.\n\n{}\n\n\
             Thủ tướng đề nghị các doanh nghiệp Phần Lan mở rộng đầu tư vào năng lượng sạch.\n",
            caption.to_uppercase(),
            fold(LEAD),
        );
        let c = clean(&page, &Hints::default());
        let body = c.body(&page);
        assert!(!body.contains("Toàn cảnh"), "{body}");
        assert!(!body.contains("TOÀN CẢNH"), "{body}");
        // The lead written without diacritics is a copy; the same words with another
        // letter are not.
        assert_eq!(
            body.matches("Đoàn doanh nghiệp Phần Lan").count(),
            1,
            "{body}"
        );
        assert!(!body.contains(&fold(LEAD)), "{body}");
        assert!(body.contains("chuyển đổi số."), "{body}");
        assert!(body.contains("chuyển đổi xố."), "{body}");
    }

    #[test]
    fn menu_items_agree_with_counting_words_again() {
        let mut seen = [0, 0];
        for line in [
            "• An Giang",
            "Thời sự",
            "Bà Rịa - Vũng Tàu",
            "- Bà Rịa - Vũng Tàu",
            "Hai bên nhất trí.",
            "•",
            "Trang chủ Tin tức Chính trị Quốc phòng",
            "Thành phố Hồ Chí Minh",
            LEAD,
        ] {
            let want = is_menu_item(line);
            assert_eq!(is_menu_item_of(line, words(line)), want, "{line:?}");
            seen[usize::from(want)] += 1;
        }
        assert!(seen[0] > 1 && seen[1] > 3, "{seen:?}");
    }

    #[test]
    fn learned_outlet_lines_are_removed_wherever_they_stand() {
        let page = "Hai nước ký kết hiệp định thương mại\n\nSáng 5/6, tại Hà Nội, hai bộ trưởng đã ký kết hiệp định thương mại song phương sau nhiều vòng đàm phán kéo dài.\n\nBản tin được thực hiện với sự phối hợp của các phóng viên thường trú ở nước ngoài.\n\nHiệp định mở ra nhiều cơ hội cho doanh nghiệp của hai nước trong những năm tới.\n\nMọi ý kiến đóng góp của bạn đọc xin gửi về ban biên tập qua hộp thư điện tử.\n\nHai bên cũng nhất trí sớm tổ chức kỳ họp tiếp theo của ủy ban hỗn hợp vào năm sau.\n";
        let learned: std::collections::HashSet<u64> = [
            line_key("bản tin được thực hiện với sự phối hợp của các phóng viên  thường trú ở nước ngoài."),
            line_key("Mọi ý kiến đóng góp của bạn đọc xin gửi về ban biên tập qua hộp thư điện tử."),
        ]
        .into_iter()
        .collect();
        let plain = clean(page, &Hints::default());
        let plain_body = plain.body(page);
        assert!(
            plain_body.contains("Bản tin được thực hiện"),
            "{plain_body}"
        );
        assert!(plain_body.contains("Mọi ý kiến đóng góp"), "{plain_body}");
        let hints = Hints {
            boilerplate: Some(&learned),
            ..Hints::default()
        };
        let c = clean(page, &hints);
        let body = c.body(page);
        assert!(!body.contains("Bản tin được thực hiện"), "{body}");
        assert!(!body.contains("Mọi ý kiến đóng góp"), "{body}");
        assert!(body.contains("kỳ họp tiếp theo"), "{body}");
        assert!(body.contains("Hiệp định mở ra nhiều cơ hội"), "{body}");
        let removed = c
            .cuts
            .iter()
            .filter(|x| x.reason == RemovalReason::OutletBoilerplate)
            .count();
        assert_eq!(removed, 2);
    }

    #[test]
    fn position_caption() {
        let page = format!(
            "Thủ tướng tiếp Đoàn doanh nghiệp Phần Lan\n\n{LEAD}\n\n\
             Thủ tướng (phải) tiếp Trưởng đoàn doanh nghiệp Phần Lan.\n\n\
             Hai bên trao đổi về hợp tác giáo dục, năng lượng tái tạo và chuyển đổi số.\n"
        );
        check(
            &page,
            &[
                ("body lacks", Some("(phải)")),
                ("body has", Some("Hai bên trao đổi")),
            ],
        );
    }
}
