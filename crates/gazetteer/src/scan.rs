//! Finding every gazetteer name in a text in one pass.
//!
//! The text is folded once ([`crate::keys::match_text`]); at each word start a walk of a
//! byte trie of the folded names ([`crate::trie`]) finds the longest name beginning there.
//! Only words that may begin a name are walked (see [`FirstWords`]), and most walks stop
//! within a few bytes. A name that folding made equal to another word is then checked against
//! the original text: its case (`Anh` the country is capitalized, `WHO` is all capitals) and,
//! for short and ambiguous names, titles and honorifics, its diacritics up to tone placement
//! (`Mỹ` is not `My`, `Ý` is not `y`, `Vua` is not `vừa`). When the longest name fails, the
//! shorter names that are prefixes of it are tried before moving to the next word.

use biennien_text::is_alphanumeric;

use crate::keys::{
    is_combining_mark, match_text, match_text_of_folded, pattern_text, tone_key, tone_key_into,
};
use crate::model::{Country, Honorific, OfficeHolder, Organization, Place, Title};
use crate::parse::{ContextUse, Data};
use crate::trie::Trie;
use crate::Gazetteer;
use biennien_text::hash::{FastMap, FastSet};

/// A gazetteer entry found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<'a> {
    /// Byte offset of the first byte of the match in the scanned text.
    pub start: usize,
    /// Byte offset just past the match in the scanned text.
    pub end: usize,
    /// The name or form of the entry that matched, as the data file writes it.
    pub form: &'a str,
    /// The entry.
    pub entry: Entry<'a>,
}

/// What a [`Hit`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry<'a> {
    /// A country name.
    Country {
        /// The country.
        country: &'a Country,
        /// True when the name is one of the country's ambiguous names (`Anh`, `Mỹ`, `Đức`)
        /// and nothing around it confirms the country: no title that takes a country right
        /// before it (`Thủ tướng Anh`), no context phrase (`nước Anh`, `tại Đức`), no other
        /// country joined to it (`Việt - Mỹ`, `Anh và Pháp`).
        ambiguous: bool,
    },
    /// A city, region or site.
    Place(&'a Place),
    /// An organization, grouping, agreement or party.
    Organization(&'a Organization),
    /// A title (`Tổng thống`, `Bộ trưởng Ngoại giao`).
    Title(&'a Title),
    /// A word of address before a name (`ông`, `Ngài`, `Samdech`).
    Honorific(&'a Honorific),
    /// A known office holder, by canonical name or alias (the person's latest term).
    Person(&'a OfficeHolder),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Country(usize),
    Organization(usize),
    Place(usize),
    Person(usize),
    Title(usize),
    Honorific(usize),
    Block,
}

impl Target {
    fn priority(self) -> u8 {
        match self {
            Target::Country(_) => 0,
            Target::Organization(_) => 1,
            Target::Place(_) => 2,
            Target::Person(_) => 3,
            Target::Title(_) => 4,
            Target::Honorific(_) => 5,
            Target::Block => 6,
        }
    }
}

/// One entry a folded pattern may stand for, with the checks the original text must pass.
#[derive(Debug)]
struct Candidate {
    target: Target,
    form: &'static str,
    /// Indices of the words that must start with a capital letter in the original (those
    /// capitalized in the form, for proper names: `Hòa Bình` the province is not `Hòa bình`).
    upper_words: Vec<usize>,
    /// `upper_words` as a bit set (bit `i` for word `i`), when all are below 64.
    upper_mask: Option<u64>,
    /// The original must have this lowercased tone key.
    tone_key: Option<String>,
    /// The original must have this tone key, case included (acronyms).
    exact_key: Option<String>,
    /// The form is one of the country's ambiguous names.
    ambiguous: bool,
    /// The lowercased tone key of the form.
    spelling: String,
    /// The form lowercased.
    lower: String,
    /// Whether each character of `lower` is its own lower case (so a text that differs from
    /// `lower` only in the case of ASCII letters lowercases to `lower`).
    lower_fixed: bool,
}

impl Candidate {
    fn new(target: Target, form: &'static str, ambiguous: bool) -> Self {
        let letters = form.chars().filter(|c| c.is_alphanumeric()).count();
        let upper = form.chars().filter(|c| c.is_uppercase()).count();
        let acronym = letters >= 2 && upper == form.chars().filter(|c| c.is_alphabetic()).count();
        let proper = matches!(
            target,
            Target::Country(_) | Target::Organization(_) | Target::Place(_) | Target::Person(_)
        );
        let vietnamese_word = matches!(
            target,
            Target::Title(_) | Target::Honorific(_) | Target::Block
        );
        let check_tones = vietnamese_word || ambiguous || letters <= 4;
        let upper_words: Vec<usize> = if proper {
            // A long organization name is often written with only its first word and its
            // acronyms capitalized ("Tổ chức Y tế thế giới"); other proper names keep the
            // capitals of every word ("Hòa Bình" the province is not "hòa bình").
            let sentence_case =
                matches!(target, Target::Organization(_)) && form.split_whitespace().count() >= 3;
            form.split_whitespace()
                .enumerate()
                .filter(|&(i, w)| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && (!sentence_case
                            || i == 0
                            || w.chars()
                                .filter(|c| c.is_alphabetic())
                                .all(char::is_uppercase))
                })
                .map(|(i, _)| i)
                .collect()
        } else {
            Vec::new()
        };
        let upper_mask = upper_words.iter().try_fold(0u64, |mask, &i| {
            Some(mask | 1u64.checked_shl(u32::try_from(i).ok()?)?)
        });
        Candidate {
            target,
            form,
            upper_words,
            upper_mask,
            tone_key: check_tones.then(|| tone_key(form, true)),
            exact_key: acronym.then(|| tone_key(form, false)),
            ambiguous,
            spelling: tone_key(form, true),
            lower_fixed: lower_is_fixed(&form.to_lowercase()),
            lower: form.to_lowercase(),
        }
    }

    fn accepts(&self, original: &str, buf: &mut String) -> bool {
        let capitals = match self.upper_mask {
            Some(mask) => words_capitalized(original, mask),
            None => words_capitalized_plain(original, &self.upper_words),
        };
        if !capitals {
            return false;
        }
        if let Some(key) = &self.exact_key {
            if original == self.form {
                return true;
            }
            buf.clear();
            tone_key_into(original, false, buf);
            return buf == key;
        }
        if let Some(key) = &self.tone_key {
            return self.spelled_like(original, key, buf);
        }
        true
    }

    /// Whether `original` is spelled like the form (case, tone placement and white space
    /// aside), given the form's lowercased tone key `key`.
    fn spelled_like(&self, original: &str, key: &str, buf: &mut String) -> bool {
        // Most text is written exactly like the data: compare without decomposing first, and
        // without lowercasing each character when only ASCII letters differ in case.
        let lowercases = if self.lower_fixed {
            original
                .as_bytes()
                .eq_ignore_ascii_case(self.lower.as_bytes())
                || lowercases_to(original, &self.lower)
        } else {
            original
                .chars()
                .flat_map(char::to_lowercase)
                .eq(self.lower.chars())
        };
        if lowercases {
            return true;
        }
        buf.clear();
        tone_key_into(original, true, buf);
        buf == key
    }
}

/// Whether the words of `original` (split at white space) with the indices `upper_words`
/// (ascending) all exist and begin with a capital letter.
fn words_capitalized_plain(original: &str, upper_words: &[usize]) -> bool {
    let mut words = original.split_whitespace().enumerate();
    upper_words.iter().all(|&i| {
        words
            .find(|&(j, _)| j == i)
            .and_then(|(_, w)| w.chars().next())
            .is_some_and(char::is_uppercase)
    })
}

/// [`words_capitalized_plain`] with the indices as a bit set, walking the bytes of
/// `original` and decoding only characters outside ASCII.
fn words_capitalized(original: &str, mut mask: u64) -> bool {
    let bytes = original.as_bytes();
    let mut word = 0u32;
    let mut in_word = false;
    let mut at = 0;
    while mask != 0 {
        let Some(&b) = bytes.get(at) else {
            return false;
        };
        let (len, white, upper) = if b < 0x80 {
            (1, matches!(b, b'\t'..=b'\r' | b' '), b.is_ascii_uppercase())
        } else {
            match original.get(at..).and_then(|rest| rest.chars().next()) {
                Some(c) => (c.len_utf8(), c.is_whitespace(), c.is_uppercase()),
                None => return false,
            }
        };
        at += len;
        if white {
            in_word = false;
        } else if !in_word {
            in_word = true;
            let bit = 1u64.checked_shl(word).unwrap_or(0);
            if mask & bit != 0 {
                if !upper {
                    return false;
                }
                mask &= !bit;
            }
            word += 1;
        }
    }
    true
}

/// Whether `original` lowercases to `lower`, when every character of `lower` is its own lower
/// case: then a character of `original` equal to the next one of `lower` is its own lower
/// case too, and only the others are lowercased.
fn lowercases_to(original: &str, lower: &str) -> bool {
    let mut rest = lower.chars();
    for c in original.chars() {
        let mut ahead = rest.clone();
        if ahead.next() == Some(c) {
            rest = ahead;
            continue;
        }
        for x in c.to_lowercase() {
            if rest.next() != Some(x) {
                return false;
            }
        }
    }
    rest.next().is_none()
}

/// Whether every character of `lower` is its own lower case.
fn lower_is_fixed(lower: &str) -> bool {
    lower.chars().all(|c| c.to_lowercase().eq([c]))
}

/// The compiled patterns of a gazetteer.
pub(crate) struct Matcher {
    /// The trie of the patterns, by pattern id.
    trie: Trie,
    /// The patterns, by id.
    #[cfg(test)]
    patterns: Vec<String>,
    /// By pattern id: what the pattern stands for, most preferred first.
    candidates: Vec<Vec<Candidate>>,
    /// By pattern id: shorter patterns that are prefixes of it ending at a word boundary, as
    /// (pattern id, byte length), longest first.
    prefixes: Vec<Vec<(usize, usize)>>,
    /// Pattern lengths in bytes.
    lengths: Vec<usize>,
    /// How the patterns begin, as a filter: see [`FirstWords`].
    first_words: FirstWords,
    /// Lowercased tone keys of the phrases confirming a country before / after it, by number
    /// of words, fewest words first (any match confirms, so the order is only that of the
    /// work done).
    before: Vec<(usize, FastSet<String>)>,
    after: Vec<(usize, FastSet<String>)>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("patterns", &self.candidates.len())
            .finish_non_exhaustive()
    }
}

impl Matcher {
    pub(crate) fn build(data: &Data) -> Matcher {
        let mut ids: FastMap<String, usize> = FastMap::default();
        let mut patterns: Vec<String> = Vec::new();
        let mut candidates: Vec<Vec<Candidate>> = Vec::new();
        let mut add = |form: &'static str, target: Target, ambiguous: bool| {
            let pattern = pattern_text(form);
            if pattern.is_empty() {
                return;
            }
            let id = *ids.entry(pattern.clone()).or_insert_with(|| {
                patterns.push(pattern);
                candidates.push(Vec::new());
                candidates.len() - 1
            });
            if let Some(list) = candidates.get_mut(id) {
                if !list.iter().any(|c| c.target == target && c.form == form) {
                    list.push(Candidate::new(target, form, ambiguous));
                }
            }
        };
        for (i, c) in data.countries.iter().enumerate() {
            for &name in &c.names {
                add(name, Target::Country(i), c.is_ambiguous_name(name));
            }
        }
        for (i, o) in data.organizations.iter().enumerate() {
            for &name in &o.names {
                add(name, Target::Organization(i), false);
            }
        }
        for (i, p) in data.places.iter().enumerate() {
            for &name in &p.names {
                add(name, Target::Place(i), false);
            }
        }
        let mut latest: FastMap<&str, usize> = FastMap::default();
        for (i, h) in data.office_holders.iter().enumerate() {
            let better = latest
                .get(h.name)
                .and_then(|&j| data.office_holders.get(j))
                .is_none_or(|prev| h.from >= prev.from);
            if better {
                latest.insert(h.name, i);
            }
        }
        for h in &data.office_holders {
            if let Some(&i) = latest.get(h.name) {
                for &name in std::iter::once(&h.name).chain(h.aliases.iter()) {
                    add(name, Target::Person(i), false);
                }
            }
        }
        for (i, t) in data.titles.iter().enumerate() {
            for &form in &t.forms {
                add(form, Target::Title(i), false);
            }
        }
        for (i, h) in data.honorifics.iter().enumerate() {
            for &form in &h.forms {
                add(form, Target::Honorific(i), false);
            }
        }
        let mut before: FastMap<usize, FastSet<String>> = FastMap::default();
        let mut after: FastMap<usize, FastSet<String>> = FastMap::default();
        for phrase in &data.context {
            for &form in &phrase.forms {
                let key = tone_key(form, true);
                let words = key.split_whitespace().count();
                for u in &phrase.uses {
                    match u {
                        ContextUse::Before => {
                            before.entry(words).or_default().insert(key.clone());
                        }
                        ContextUse::After => {
                            after.entry(words).or_default().insert(key.clone());
                        }
                        ContextUse::Block => add(form, Target::Block, false),
                    }
                }
            }
        }
        for list in &mut candidates {
            list.sort_by_key(|c| c.target.priority());
        }
        let prefixes = patterns
            .iter()
            .map(|p| {
                let mut found = Vec::new();
                for (k, next) in p.char_indices().skip(1) {
                    let head = &p[..k];
                    let ends_word = !next.is_alphanumeric()
                        || !head.chars().next_back().is_some_and(char::is_alphanumeric);
                    if ends_word {
                        if let Some(&q) = ids.get(head) {
                            found.push((q, k));
                        }
                    }
                }
                found.reverse();
                found
            })
            .collect();
        let lengths = patterns.iter().map(String::len).collect();
        let mut first_words = FirstWords::new();
        for p in &patterns {
            first_words.insert(p.as_bytes(), word_end(p, 0));
        }
        Matcher {
            trie: Trie::new(&patterns),
            #[cfg(test)]
            patterns,
            candidates,
            prefixes,
            lengths,
            first_words,
            before: by_words(before),
            after: by_words(after),
        }
    }
}

/// The sets of `map` by number of words, fewest first.
fn by_words(map: FastMap<usize, FastSet<String>>) -> Vec<(usize, FastSet<String>)> {
    let mut sets: Vec<_> = map.into_iter().collect();
    sets.sort_by_key(|&(words, _)| words);
    sets
}

/// A match before context is resolved.
struct Raw {
    start: usize,
    end: usize,
    pattern: usize,
    candidate: usize,
}

impl Gazetteer {
    /// All gazetteer entries found in `text`, in text order: at each word start the longest
    /// name that passes its checks, never overlapping, never inside a word. Offsets are byte
    /// offsets into `text`.
    pub fn scan<'a>(&'a self, text: &str) -> Vec<Hit<'a>> {
        let (hay, map) = match_text(text);
        self.scan_match_text(text, &hay, &map)
    }

    /// [`Gazetteer::scan`] of `text` given its fold: `folded` and `map` as
    /// [`biennien_text::fold_with_offsets`] returns them for `text`. For a caller that has
    /// folded the text anyway, this saves folding it a second time.
    pub fn scan_folded<'a>(&'a self, text: &str, folded: &str, map: &[usize]) -> Vec<Hit<'a>> {
        let (hay, hay_map) = match_text_of_folded(folded, map);
        self.scan_match_text(text, &hay, &hay_map)
    }

    /// The scan over `hay`, the match text of `text`, with its map back to `text`.
    fn scan_match_text<'a>(&'a self, text: &str, hay: &str, map: &[usize]) -> Vec<Hit<'a>> {
        let m = &self.matcher;
        let mut raws = Vec::new();
        let mut buf = String::new();
        let bytes = hay.as_bytes();
        // At the top of the loop `i` is the start of a character that follows no letter or
        // digit.
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let len = if b < 0x80 {
                if !b.is_ascii_alphanumeric() {
                    i += 1;
                    continue;
                }
                1
            } else {
                match hay.get(i..).and_then(|rest| rest.chars().next()) {
                    Some(c) if is_alphanumeric(c) => c.len_utf8(),
                    Some(c) => {
                        i += c.len_utf8();
                        continue;
                    }
                    None => break,
                }
            };
            // A word starts at `i`. A name accepted here ends at a word boundary, so the
            // word is the whole first word of the name: a word that begins no name is
            // passed over without walking the trie. The word is hashed as it is read.
            let (end, hash) = word_end_hashed(hay, i, len);
            if m.first_words.may_follow(bytes, hash, end) {
                if let Some(raw) = self.match_at(hay, map, text, i, &mut buf) {
                    i += m.lengths.get(raw.pattern).copied().unwrap_or(1).max(1);
                    raws.push(raw);
                    if alnum_before(hay, i) {
                        i = word_end(hay, i);
                    }
                    continue;
                }
            }
            i = end;
        }
        self.resolve(text, &raws, &mut buf)
    }

    fn match_at(
        &self,
        hay: &str,
        map: &[usize],
        text: &str,
        at: usize,
        buf: &mut String,
    ) -> Option<Raw> {
        let m = &self.matcher;
        let (longest, len) = m.trie.longest_at(hay.as_bytes(), at)?;
        let tries = std::iter::once((longest, len))
            .chain(m.prefixes.get(longest).into_iter().flatten().copied());
        for (pattern, len) in tries {
            let end = at + len;
            if alnum_before(hay, end) && alnum_at(hay, end) {
                continue;
            }
            let Some((start, stop)) = source_span(text, map, at, end) else {
                continue;
            };
            let original = text.get(start..stop)?;
            let list = m.candidates.get(pattern)?;
            // Several entries fold alike (`Nha Trang`, `Nhà Trắng`): prefer the one spelled
            // like the original.
            let mut chosen = None;
            if list.len() > 1 {
                let mut spelling = String::new();
                chosen = list.iter().position(|c| {
                    c.spelled_like(original, &c.spelling, &mut spelling) && c.accepts(original, buf)
                });
            }
            if let Some(candidate) =
                chosen.or_else(|| list.iter().position(|c| c.accepts(original, buf)))
            {
                return Some(Raw {
                    start,
                    end: stop,
                    pattern,
                    candidate,
                });
            }
        }
        None
    }

    fn candidate(&self, raw: &Raw) -> Option<&Candidate> {
        self.matcher.candidates.get(raw.pattern)?.get(raw.candidate)
    }

    fn resolve<'a>(&'a self, text: &str, raws: &[Raw], buf: &mut String) -> Vec<Hit<'a>> {
        let mut hits = Vec::with_capacity(raws.len());
        for (k, raw) in raws.iter().enumerate() {
            let Some(c) = self.candidate(raw) else {
                continue;
            };
            let entry = match c.target {
                Target::Country(i) => {
                    let Some(country) = self.countries.get(i) else {
                        continue;
                    };
                    let ambiguous = c.ambiguous && !self.confirmed(text, raws, k, buf);
                    Entry::Country { country, ambiguous }
                }
                Target::Place(i) => match self.places.get(i) {
                    Some(p) => Entry::Place(p),
                    None => continue,
                },
                Target::Organization(i) => match self.organizations.get(i) {
                    Some(o) => Entry::Organization(o),
                    None => continue,
                },
                Target::Title(i) => match self.titles.get(i) {
                    Some(t) => Entry::Title(t),
                    None => continue,
                },
                Target::Honorific(i) => match self.honorifics.get(i) {
                    Some(h) => Entry::Honorific(h),
                    None => continue,
                },
                Target::Person(i) => match self.office_holders.get(i) {
                    Some(h) => Entry::Person(h),
                    None => continue,
                },
                Target::Block => continue,
            };
            hits.push(Hit {
                start: raw.start,
                end: raw.end,
                form: c.form,
                entry,
            });
        }
        hits
    }

    /// Whether the context of the ambiguous country name `raws[k]` confirms the country.
    fn confirmed(&self, text: &str, raws: &[Raw], k: usize, buf: &mut String) -> bool {
        let Some(raw) = raws.get(k) else {
            return false;
        };
        let neighbour = |j: usize, gap_start: usize, gap_end: usize| {
            let r = raws.get(j)?;
            let c = self.candidate(r)?;
            let gap = text.get(gap_start..gap_end)?;
            Some((c, classify_gap(gap)))
        };
        if let Some(prev) = k.checked_sub(1).and_then(|j| raws.get(j)) {
            if let Some((c, gap)) = neighbour(k - 1, prev.end, raw.start) {
                let ok = match c.target {
                    Target::Title(t) => {
                        gap == Gap::Adjacent
                            && self.titles.get(t).is_some_and(|t| t.requires_country)
                    }
                    Target::Country(_) => {
                        gap == Gap::Joined || (gap == Gap::Adjacent && !c.ambiguous)
                    }
                    _ => false,
                };
                if ok {
                    return true;
                }
            }
        }
        if let Some(next) = raws.get(k + 1) {
            if let Some((c, gap)) = neighbour(k + 1, raw.end, next.start) {
                if matches!(c.target, Target::Country(_)) && gap == Gap::Joined {
                    return true;
                }
            }
        }
        let before = text.get(..raw.start).unwrap_or_default();
        for (words, keys) in &self.matcher.before {
            if let Some(tail) = last_words(before, *words) {
                buf.clear();
                tone_key_into(tail, true, buf);
                if keys.contains(buf.as_str()) {
                    return true;
                }
            }
        }
        let after = text.get(raw.end..).unwrap_or_default();
        for (words, keys) in &self.matcher.after {
            if let Some(head) = first_words(after, *words) {
                buf.clear();
                tone_key_into(head, true, buf);
                if keys.contains(buf.as_str()) {
                    return true;
                }
            }
        }
        false
    }
}

/// Whether the character ending at byte `at` of `text` is a letter or digit.
fn alnum_before(text: &str, at: usize) -> bool {
    match at.checked_sub(1).and_then(|k| text.as_bytes().get(k)) {
        Some(&b) if b < 0x80 => b.is_ascii_alphanumeric(),
        Some(_) => text
            .get(..at)
            .and_then(|h| h.chars().next_back())
            .is_some_and(is_alphanumeric),
        None => false,
    }
}

/// Whether the character starting at byte `at` of `text` is a letter or digit.
fn alnum_at(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        Some(&b) if b < 0x80 => b.is_ascii_alphanumeric(),
        Some(_) => text
            .get(at..)
            .and_then(|t| t.chars().next())
            .is_some_and(is_alphanumeric),
        None => false,
    }
}

/// The end of the run of letters and digits of `text` starting at byte `at` (`at` itself
/// when none starts there).
fn word_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        let rest = bytes.get(at..).unwrap_or_default();
        at += rest
            .iter()
            .position(|&b| !ASCII_ALNUM[usize::from(b)])
            .unwrap_or(rest.len());
        match bytes.get(at) {
            Some(&b) if b >= 0x80 => match text.get(at..).and_then(|t| t.chars().next()) {
                Some(c) if is_alphanumeric(c) => at += c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    at
}

/// [`word_end`] of `text` from `at`, where a letter or digit of `len` bytes starts, with the
/// [`FirstWords::hash`] of the word (its bytes from `at` to the end) from [`FirstWords::SEED`],
/// in one pass over the word.
#[inline]
fn word_end_hashed(text: &str, at: usize, len: usize) -> (usize, u32) {
    let bytes = text.as_bytes();
    let mut h = FirstWords::hash(
        FirstWords::SEED,
        bytes.get(at..at + len).unwrap_or_default(),
    );
    let mut at = at + len;
    while let Some(&b) = bytes.get(at) {
        if ASCII_ALNUM[usize::from(b)] {
            h = FirstWords::step(h, b);
            at += 1;
            continue;
        }
        if b < 0x80 {
            break;
        }
        match text.get(at..).and_then(|t| t.chars().next()) {
            Some(c) if is_alphanumeric(c) => {
                let next = at + c.len_utf8();
                h = FirstWords::hash(h, bytes.get(at..next).unwrap_or_default());
                at = next;
            }
            _ => break,
        }
    }
    (at, h)
}

/// By byte: whether it is an ASCII letter or digit.
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// A filter on how patterns begin that may answer "perhaps" for a word start that begins no
/// pattern, never "no" for one that begins a pattern: one bit per hash. A pattern whose first
/// word is followed by at least [`FirstWords::NEXT`] more bytes is entered as its first word
/// with those bytes (`hoa ky` as `hoa` + ` ky`); a shorter one as its first word alone. Most
/// words of a text are turned away before any walk of the trie, and so are most common
/// words that begin a longer name but are not followed by its next word.
struct FirstWords {
    /// First words of the patterns with fewer than `NEXT` bytes after them.
    alone: Vec<u64>,
    /// First words of the other patterns, with the `NEXT` bytes that follow.
    followed: Vec<u64>,
}

impl FirstWords {
    const HASH_BITS: u32 = 16;
    /// How many bytes after the first word the second filter looks at.
    const NEXT: usize = 3;
    /// The start of a hash.
    const SEED: u32 = 0x811c_9dc5;

    fn new() -> Self {
        FirstWords {
            alone: vec![0; 1 << (Self::HASH_BITS - 6)],
            followed: vec![0; 1 << (Self::HASH_BITS - 6)],
        }
    }

    fn hash(mut h: u32, bytes: &[u8]) -> u32 {
        for &b in bytes {
            h = Self::step(h, b);
        }
        h
    }

    /// The hash `h` followed by `b`.
    #[inline]
    fn step(h: u32, b: u8) -> u32 {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    }

    fn slot(h: u32) -> (usize, u64) {
        let h = (h >> (32 - Self::HASH_BITS)) as usize;
        (h >> 6, 1 << (h & 63))
    }

    fn set(bits: &mut [u64], h: u32) {
        let (at, bit) = Self::slot(h);
        if let Some(w) = bits.get_mut(at) {
            *w |= bit;
        }
    }

    fn get(bits: &[u64], h: u32) -> bool {
        let (at, bit) = Self::slot(h);
        bits.get(at).is_some_and(|w| w & bit != 0)
    }

    /// Enters `pattern`, whose first word is `pattern[..run]`.
    fn insert(&mut self, pattern: &[u8], run: usize) {
        let h = Self::hash(Self::SEED, pattern.get(..run).unwrap_or_default());
        match pattern.get(run..run + Self::NEXT) {
            Some(next) => Self::set(&mut self.followed, Self::hash(h, next)),
            None => Self::set(&mut self.alone, h),
        }
    }

    /// Whether a pattern may begin at `at` of `hay`, where the word `hay[at..end]` starts.
    /// A pattern that matches there and ends at a word boundary has that word as its first
    /// word, so it has been entered with it (and with the bytes after it, when it goes on).
    #[cfg(test)]
    fn may_begin(&self, hay: &[u8], at: usize, end: usize) -> bool {
        let h = Self::hash(Self::SEED, hay.get(at..end).unwrap_or_default());
        self.may_follow(hay, h, end)
    }

    /// Whether a pattern may begin with the word that ends at `end` of `hay` and has the hash
    /// `h` ([`FirstWords::hash`] of its bytes from [`FirstWords::SEED`]).
    #[inline]
    fn may_follow(&self, hay: &[u8], h: u32, end: usize) -> bool {
        Self::get(&self.alone, h)
            || hay
                .get(end..end + Self::NEXT)
                .is_some_and(|next| Self::get(&self.followed, Self::hash(h, next)))
    }
}

/// The source span of the match text span `at..end`: from the first source character to the
/// end of the last one, with any combining marks that follow it.
fn source_span(text: &str, map: &[usize], at: usize, end: usize) -> Option<(usize, usize)> {
    let start = *map.get(at)?;
    let last = *map.get(end.checked_sub(1)?)?;
    let mut stop = last + text.get(last..)?.chars().next()?.len_utf8();
    while let Some(c) = text.get(stop..).and_then(|t| t.chars().next()) {
        if !is_combining_mark(c) {
            break;
        }
        stop += c.len_utf8();
    }
    Some((start, stop))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Only white space.
    Adjacent,
    /// A dash, slash, comma or `và` (`Việt - Mỹ`, `Anh và Pháp`).
    Joined,
    /// Anything else.
    Far,
}

fn classify_gap(gap: &str) -> Gap {
    match gap.trim() {
        "" => Gap::Adjacent,
        "-" | "–" | "—" | "/" | "," | "và" | "&" => Gap::Joined,
        _ => Gap::Far,
    }
}

/// The last `n` white-space separated words of `text` (ignoring trailing space).
fn last_words(text: &str, n: usize) -> Option<&str> {
    let text = text.trim_end();
    let mut start = text.len();
    for _ in 0..n {
        let head = text.get(..start)?.trim_end();
        if head.is_empty() {
            return None;
        }
        start = head.rfind(char::is_whitespace).map_or(0, |p| p + 1);
    }
    text.get(start..)
}

/// The first `n` white-space separated words of `text` (ignoring leading space).
fn first_words(text: &str, n: usize) -> Option<&str> {
    let text = text.trim_start();
    let mut end = 0;
    for _ in 0..n {
        let rest = text.get(end..)?;
        let skipped = rest.len() - rest.trim_start().len();
        if rest.trim_start().is_empty() {
            return None;
        }
        let word = rest.trim_start();
        end += skipped + word.find(char::is_whitespace).unwrap_or(word.len());
    }
    text.get(..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer;
    use aho_corasick::automaton::Automaton;
    use aho_corasick::nfa::contiguous::NFA;
    use aho_corasick::{Anchored, MatchKind};

    #[test]
    fn word_ends_are_those_of_the_characters() {
        for text in [
            "",
            "viet nam",
            "abc123xyz,",
            "hà nội-việt nam",
            "ωμεγα 中文 x\u{301}y ab\u{2010}cd",
            "Z9 _ a\u{7F}b é1",
        ] {
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let want = text[at..]
                    .char_indices()
                    .find(|&(_, c)| !is_alphanumeric(c))
                    .map_or(text.len(), |(k, _)| at + k);
                assert_eq!(word_end(text, at), want, "{text:?} {at}");
            }
        }
    }

    #[test]
    fn capitals_by_bytes_are_those_of_the_words() {
        let texts = [
            "",
            "Hoa Kỳ",
            "hoa Kỳ",
            "Hoa kỳ",
            "  Hòa\u{a0}Bình\tX",
            "Tổ chức Y tế Thế giới",
            "ĐÀ NẴNG",
            "Ấn độ",
            "ấn Độ",
            "Liên\u{2003}Hợp  Quốc\u{b}ASEAN",
            "1 Mỹ",
            "Ω ω İ i",
            "a\u{85}B c\u{1c}D",
        ];
        let sets: [&[usize]; 9] = [
            &[],
            &[0],
            &[1],
            &[0, 1],
            &[0, 2],
            &[2, 3],
            &[0, 1, 2, 3, 4],
            &[5],
            &[63],
        ];
        let mut passed = 0;
        let mut failed = 0;
        for text in texts {
            for words in sets {
                let mask = words.iter().fold(0u64, |m, &i| m | 1 << i);
                let want = words_capitalized_plain(text, words);
                assert_eq!(words_capitalized(text, mask), want, "{text:?} {words:?}");
                passed += usize::from(want && !words.is_empty());
                failed += usize::from(!want);
            }
        }
        assert!(passed > 10 && failed > 10, "{passed} {failed}");
    }

    #[test]
    fn lowercases_to_is_the_lowercase_comparison() {
        let texts = [
            "Đà Nẵng",
            "đà nẵng",
            "ĐÀ NẴNG",
            "Đà nẵng",
            "Ấn Độ",
            "ấn độ",
            "ẤN ĐỘ",
            "ấn đ",
            "Úc",
            "úc",
            "uc",
            "İstanbul",
            "i\u{307}stanbul",
            "istanbul",
            "ΣΟΦΙΑ",
            "σοφια",
            "σοφιας",
            "Kk",
            "\u{212A}k",
            "kk",
            "ǅemal",
            "ǆemal",
            "Ǆemal",
            "ß",
            "ẞ",
            "ss",
            "",
            "A",
            "a",
            "ab",
            "Ả Rập Xê Út",
            "ả rập xê út",
            "ả rập xê",
            "ǰ",
            "J\u{30C}",
            "j\u{30C}",
        ];
        let mut agreed = 0;
        for lower in texts.iter().filter(|t| lower_is_fixed(t)) {
            for original in texts {
                let want = original
                    .chars()
                    .flat_map(char::to_lowercase)
                    .eq(lower.chars());
                assert_eq!(
                    lowercases_to(original, lower),
                    want,
                    "{original:?} {lower:?}"
                );
                agreed += usize::from(want);
            }
        }
        assert!(agreed >= 10, "{agreed}");
    }

    #[test]
    fn spelled_like_is_the_lowercase_or_tone_key_comparison() {
        let forms = [
            "Mỹ",
            "My",
            "Nhà Trắng",
            "Thụy Sĩ",
            "WHO",
            "Ý",
            "İstanbul",
            "ΟΔΥΣΣΕΥΣ",
            "Σίσυφος",
            "K\u{212A}",
            "Ǆemal",
            "Hoa Kỳ",
        ];
        let originals = [
            "Mỹ",
            "MỸ",
            "mỹ",
            "My",
            "MY",
            "Nhà Trắng",
            "NHÀ TRẮNG",
            "nhà trắng",
            "Nha Trang",
            "Thuỵ Sĩ",
            "THỤY SĨ",
            "thụy sĩ",
            "WHO",
            "who",
            "Ý",
            "ý",
            "y",
            "İstanbul",
            "istanbul",
            "i\u{307}stanbul",
            "ΟΔΥΣΣΕΥΣ",
            "οδυσσευσ",
            "οδυσσευς",
            "Σίσυφος",
            "σίσυφος",
            "Kk",
            "kk",
            "ǅemal",
            "ǆemal",
            "HOA KỲ",
            "hoa kỳ",
            "Hoa  Kỳ",
        ];
        let mut buf = String::new();
        for form in forms {
            let c = Candidate::new(Target::Block, form, false);
            for original in originals {
                let lowered = original
                    .chars()
                    .flat_map(char::to_lowercase)
                    .eq(c.lower.chars());
                let want = lowered || tone_key(original, true) == c.spelling;
                assert_eq!(
                    c.spelled_like(original, &c.spelling, &mut buf),
                    want,
                    "{form:?} {original:?}"
                );
                if c.lower_fixed && original.as_bytes().eq_ignore_ascii_case(c.lower.as_bytes()) {
                    assert!(lowered, "{form:?} {original:?}");
                }
            }
        }
        assert!(!lower_is_fixed("\u{130}"));
        assert!(lower_is_fixed("mỹ"));
    }

    /// The scan without the first-word filter: a trie walk at every word start.
    fn scan_every_word<'a>(g: &'a Gazetteer, text: &str) -> Vec<Hit<'a>> {
        let m = &g.matcher;
        let (hay, map) = match_text(text);
        let mut raws = Vec::new();
        let mut buf = String::new();
        let mut i = 0;
        let mut prev_alnum = false;
        while let Some(c) = hay.get(i..).and_then(|rest| rest.chars().next()) {
            let alnum = is_alphanumeric(c);
            if alnum && !prev_alnum {
                if let Some(raw) = g.match_at(&hay, &map, text, i, &mut buf) {
                    i += m.lengths[raw.pattern];
                    prev_alnum = hay[..i].chars().next_back().is_some_and(is_alphanumeric);
                    raws.push(raw);
                    continue;
                }
            }
            prev_alnum = alnum;
            i += c.len_utf8();
        }
        g.resolve(text, &raws, &mut buf)
    }

    /// Every name of the data, in several surroundings.
    fn texts_with_every_name() -> Vec<String> {
        let g = gazetteer();
        let names: Vec<&str> = g
            .countries()
            .iter()
            .flat_map(|c| c.names.iter().chain(&c.capital))
            .chain(g.places().iter().flat_map(|p| &p.names))
            .chain(g.organizations().iter().flat_map(|o| &o.names))
            .chain(g.titles().iter().flat_map(|t| &t.forms))
            .chain(g.honorifics().iter().flat_map(|h| &h.forms))
            .chain(
                g.office_holders_all()
                    .iter()
                    .flat_map(|h| std::iter::once(&h.name).chain(&h.aliases)),
            )
            .copied()
            .collect();
        let mut texts = Vec::new();
        for (k, name) in names.iter().enumerate() {
            let next = names[(k * 7 + 3) % names.len()];
            texts.push(name.to_string());
            texts.push(format!("Hôm qua, {name} đã gặp {next}."));
            texts.push(format!("({name})-{next}  và\n\n{}", name.to_uppercase()));
            texts.push(format!("x{name} {name}y {name}-{next}"));
            texts.push(format!("{}  –  {next}", name.to_lowercase()));
        }
        texts
    }

    /// The longest pattern starting at `at` by an anchored walk of an Aho-Corasick automaton
    /// (leftmost-longest) over the patterns, as (pattern id, byte length).
    fn longest_by_automaton(nfa: &NFA, hay: &[u8], at: usize) -> Option<(usize, usize)> {
        let mut sid = nfa.start_state(Anchored::Yes).ok()?;
        let mut found = None;
        for (i, &byte) in hay.get(at..)?.iter().enumerate() {
            sid = nfa.next_state(Anchored::Yes, sid, byte);
            if nfa.is_special(sid) {
                if nfa.is_dead(sid) {
                    break;
                }
                if nfa.is_match(sid) {
                    let pattern = nfa.match_pattern(sid, 0);
                    // Matches reached through failure transitions begin after `at`.
                    if nfa.pattern_len(pattern) == i + 1 {
                        found = Some((pattern.as_usize(), i + 1));
                    }
                }
            }
        }
        found
    }

    #[test]
    fn the_trie_walk_is_the_automaton_walk() {
        let g = gazetteer();
        let m = &g.matcher;
        let nfa = NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&m.patterns)
            .unwrap_or_else(|e| unreachable!("{e}"));
        let mut found = 0;
        for text in texts_with_every_name().iter().step_by(3) {
            let (hay, _) = match_text(text);
            for at in 0..=hay.len() {
                let want = longest_by_automaton(&nfa, hay.as_bytes(), at);
                found += usize::from(want.is_some());
                assert_eq!(m.trie.longest_at(hay.as_bytes(), at), want, "{hay:?} {at}");
            }
        }
        assert!(found > 10_000, "{found}");
    }

    #[test]
    fn the_first_word_filter_turns_away_no_name() {
        let g = gazetteer();
        let mut hits = 0;
        for text in texts_with_every_name() {
            let want = scan_every_word(g, &text);
            hits += want.len();
            assert_eq!(g.scan(&text), want, "{text:?}");
        }
        assert!(hits > 10_000, "{hits} hits");
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn text() -> impl Strategy<Value = String> {
            let pieces = prop::sample::select(vec![
                "Mỹ",
                "Anh",
                " ",
                "  ",
                "-",
                "\u{2011}",
                "Tổng thống",
                "Hà Nội",
                "ông",
                "Ý",
                "\u{303}",
                "Việt",
                "Nam",
                ",",
                "và",
                "ß",
                "\u{a0}",
                "Thuỵ Sĩ",
                "Liên hợp quốc",
                "LHQ",
                "Bộ trưởng Ngoại giao",
                "Nhà Trắng",
                "Nha Trang",
                "Nam Phi",
                "\n",
                "WHO",
                "Tập Cận Bình",
                "Putin",
            ]);
            prop::collection::vec(
                prop_oneof![pieces.prop_map(String::from), any::<String>()],
                0..14,
            )
            .prop_map(|v| v.concat())
        }

        proptest! {
            #[test]
            fn the_filtered_scan_is_the_scan_of_every_word(t in text()) {
                let g = gazetteer();
                prop_assert_eq!(g.scan(&t), scan_every_word(g, &t));
            }
        }
    }

    #[test]
    fn first_words_are_never_turned_away() {
        let mut set = FirstWords::new();
        let patterns = [
            "hoa ky", "ky", "ông", "đ", "a", "ab", "nam phi", "phi", "1", "u.s", "x y", "g-7",
        ];
        for p in patterns {
            set.insert(p.as_bytes(), word_end(p, 0));
        }
        // Each pattern, alone or followed by more text, passes where it begins.
        for p in patterns {
            for text in [p.to_string(), format!("{p} va"), format!("({p}), 2")] {
                let at = text.find(p).unwrap_or_default();
                let end = word_end(&text, at);
                assert!(set.may_begin(text.as_bytes(), at, end), "{p} in {text:?}");
            }
        }
        // Words that begin no pattern, and first words followed by something else.
        let others = [
            "hoak", "k", "ong", "ba", "xyz", "2", "hoa binh", "hoa", "nam", "nam bo", "hoa-ky",
            "nam  phi",
        ];
        let turned_away = others
            .iter()
            .filter(|w| !set.may_begin(w.as_bytes(), 0, word_end(w, 0)))
            .count();
        assert!(turned_away >= others.len() - 1, "{turned_away}");
    }

    #[test]
    fn hashed_word_ends_are_word_ends_with_the_hash_of_the_word() {
        let mut words = 0;
        for text in [
            "Hà Nội",
            "hoa ky-nga, 2024",
            "ab  c-d ß1 x\u{303}y İa 中国 x a\u{a0}b",
            "ωμεγα123 _z z_ \u{7F}",
            "e\u{301}",
            "",
        ] {
            for (at, c) in text.char_indices().filter(|&(_, c)| is_alphanumeric(c)) {
                let end = word_end(text, at);
                let hash = FirstWords::hash(FirstWords::SEED, &text.as_bytes()[at..end]);
                assert_eq!(
                    word_end_hashed(text, at, c.len_utf8()),
                    (end, hash),
                    "{text:?} {at}"
                );
                words += 1;
            }
        }
        assert!(words > 40, "{words}");
    }

    #[test]
    fn word_boundaries_by_bytes_agree_with_characters() {
        for text in [
            "Hà Nội",
            "ab  c-d",
            "ß1",
            "x\u{303}y",
            "İa",
            "中国 x",
            "a\u{a0}b",
            "",
        ] {
            for at in (0..=text.len()).filter(|&k| text.is_char_boundary(k)) {
                let before = text[..at].chars().next_back().is_some_and(is_alphanumeric);
                let after = text[at..].chars().next().is_some_and(is_alphanumeric);
                assert_eq!(alnum_before(text, at), before, "{text:?} {at}");
                assert_eq!(alnum_at(text, at), after, "{text:?} {at}");
                let run: usize = text[at..]
                    .chars()
                    .take_while(|&c| is_alphanumeric(c))
                    .map(char::len_utf8)
                    .sum();
                assert_eq!(word_end(text, at), at + run, "{text:?} {at}");
            }
        }
    }

    #[test]
    fn word_windows() {
        assert_eq!(last_words("gặp Thủ tướng  ", 2), Some("Thủ tướng"));
        assert_eq!(last_words("nước", 1), Some("nước"));
        assert_eq!(last_words("nước", 2), None);
        assert_eq!(first_words("  và các nước khác", 3), Some("và các nước"));
        assert_eq!(first_words("và", 2), None);
    }

    #[test]
    fn gaps() {
        assert_eq!(classify_gap(" "), Gap::Adjacent);
        assert_eq!(classify_gap(" - "), Gap::Joined);
        assert_eq!(classify_gap(" và "), Gap::Joined);
        assert_eq!(classify_gap(" đã gặp "), Gap::Far);
    }
}
