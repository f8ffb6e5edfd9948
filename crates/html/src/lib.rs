//! Raw web pages in, the article inside them out.
//!
//! ```text
//! bytes ──charset──▶ text ──html5ever──▶ tree ──walk──▶ blocks ──select──▶ article text
//!                                          └──────────metadata (JSON-LD, meta, time, link)
//! ```
//!
//! - **Charset**: a byte order mark, then the transport's charset (an HTTP header, when the page
//!   came from a WARC archive), then the page's `<meta charset>`, then detection, all through
//!   `biennien-decode`, which also knows windows-1258 and returns NFC text.
//! - **Tree**: html5ever builds the tree a browser would, into one vector of nodes (see `dom`).
//! - **Blocks**: one walk cuts the visible text into blocks at block-level elements, leaving out
//!   scripts, hidden elements and elements that name themselves furniture (navigation, share
//!   bars, comments, related stories); see `blocks` and `words`.
//! - **Selection**: prose blocks score the elements above them; the best element, widened to the
//!   boxes that belong with it, is the article, and its blocks that are not mostly links are its
//!   text; see `content`. No rule is specific to a site.
//! - **Metadata**: JSON-LD `NewsArticle` first, then Open Graph and `article:*` tags, `<time>`,
//!   `<link rel=canonical>`, `<html lang>`, and the visible date line as a last resort.
//!
//! Invariants: extraction never panics and never recurses over the tree, so no page can exhaust
//! the stack; [`Limits`] bound the bytes read and the nodes built, and a page beyond them is a
//! [`HtmlError`], not a partial result.

mod blocks;
mod charset;
mod content;
mod dom;
mod meta;
mod nesting;
mod words;

pub use meta::{normalize_date, Meta};

/// Bounds on what one page may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest page read, in bytes.
    pub max_bytes: usize,
    /// Most nodes (elements, text runs, comments) built for one page.
    pub max_nodes: usize,
    /// Deepest nesting of elements accepted.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 16 * 1024 * 1024,
            max_nodes: 1_000_000,
            max_depth: 512,
        }
    }
}

/// What the caller knows about a page besides its bytes.
#[derive(Debug, Clone, Default)]
pub struct Options<'a> {
    /// The charset the transport declared (an HTTP `Content-Type` charset).
    pub charset: Option<&'a str>,
    /// The limits to apply.
    pub limits: Limits,
}

/// The article found in a page, and what the page says about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// Title, date, byline and the rest the page gives.
    pub meta: Meta,
    /// The article's text: one block per line, blocks separated by a blank line.
    pub text: String,
    /// The encoding the bytes were read as (`"utf-8"`, `"windows-1258"`, …).
    pub encoding: &'static str,
}

/// Why a page could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HtmlError {
    /// The page is larger than [`Limits::max_bytes`].
    #[error("page is {size} bytes, over the limit of {limit}")]
    TooLarge {
        /// The page's size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The page builds more nodes than [`Limits::max_nodes`].
    #[error("page has more than {limit} nodes")]
    TooManyNodes {
        /// The limit.
        limit: usize,
    },
    /// The page nests elements deeper than [`Limits::max_depth`] (found by a scan of its tags
    /// before parsing, or in the tree).
    #[error("page nests elements at least {depth} deep, over the limit of {limit}")]
    TooDeep {
        /// The depth found.
        depth: usize,
        /// The limit.
        limit: usize,
    },
    /// The bytes are not text.
    #[error("not a text page: {0}")]
    NotText(String),
    /// The page has no text at all.
    #[error("page has no visible text")]
    Empty,
}

/// Reads the article of a page given as bytes.
pub fn extract(bytes: &[u8], opts: &Options<'_>) -> Result<Page, HtmlError> {
    let limit = opts.limits.max_bytes;
    if bytes.len() > limit {
        return Err(HtmlError::TooLarge {
            size: bytes.len(),
            limit,
        });
    }
    let declared = charset::declared(bytes);
    let hint = opts.charset.map(str::to_string).or(declared);
    let decoded = match biennien_decode::decode_with_hint(bytes, hint.as_deref()) {
        Ok(d) => d,
        // Markup with stray NUL bytes (a broken template, a padded file) is still a page.
        Err(e) if biennien_decode::looks_like_html(bytes) => {
            let cleaned: Vec<u8> = bytes
                .iter()
                .map(|&b| if b == 0 { b' ' } else { b })
                .collect();
            biennien_decode::decode_with_hint(&cleaned, hint.as_deref())
                .map_err(|_| HtmlError::NotText(e.to_string()))?
        }
        Err(e) => return Err(HtmlError::NotText(e.to_string())),
    };
    let mut page = extract_str(&decoded.text, &opts.limits)?;
    page.encoding = match decoded.encoding {
        biennien_decode::Encoding::Utf8Bom => "utf-8",
        e => e.name(),
    };
    Ok(page)
}

/// Reads the article of a page already decoded to text.
pub fn extract_str(html: &str, limits: &Limits) -> Result<Page, HtmlError> {
    if html.len() > limits.max_bytes {
        return Err(HtmlError::TooLarge {
            size: html.len(),
            limit: limits.max_bytes,
        });
    }
    if let Some(depth) = nesting::exceeds(html.as_bytes(), limits.max_depth) {
        return Err(HtmlError::TooDeep {
            depth,
            limit: limits.max_depth,
        });
    }
    let dom = dom::Dom::parse(html, limits.max_nodes);
    if dom.truncated {
        return Err(HtmlError::TooManyNodes {
            limit: limits.max_nodes,
        });
    }
    let depth = dom.depth();
    if depth > limits.max_depth {
        return Err(HtmlError::TooDeep {
            depth,
            limit: limits.max_depth,
        });
    }
    let mut meta = meta::read(&dom);
    let walk = blocks::walk(&dom);
    if walk.blocks.is_empty() {
        return Err(HtmlError::Empty);
    }
    let mut chosen = content::select(&dom, &walk);
    if let Some(&last) = chosen.last() {
        // The byline closes the article, chosen as its last block or just after it.
        for at in last..walk.blocks.len().min(last + 3) {
            let b = &walk.blocks[at];
            if byline_line(&dom, b) {
                if meta.author.is_none() {
                    meta.author = Some(b.text.clone());
                }
                if at == last {
                    chosen.pop();
                }
                break;
            }
        }
    }

    let title_key = meta.title.as_deref().map(meta::fold);
    let mut text = String::new();
    for &i in &chosen {
        let b = &walk.blocks[i];
        let is_title = match b.kind {
            blocks::Kind::Heading(1) => true,
            blocks::Kind::Heading(_) => title_key.as_deref() == Some(&meta::fold(&b.text)),
            _ => false,
        };
        if is_title {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&b.text);
    }

    if meta.published.is_none() {
        meta.published = visible_date(&walk, chosen.first().copied());
    }
    Ok(Page {
        meta,
        text,
        encoding: "utf-8",
    })
}

/// Whether a block is a byline set on its own line at the end of the article: a short name,
/// aligned right.
fn byline_line(dom: &dom::Dom, b: &blocks::Block) -> bool {
    let words = b.text.split_whitespace().count();
    if !(2..=40).contains(&b.len)
        || words > 5
        || b.link_len > 0
        || b.text
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | ';' | '!' | '?'))
    {
        return false;
    }
    let Some(node) = dom.nodes.get(b.owner) else {
        return false;
    };
    let right = node
        .attr("align")
        .is_some_and(|a| a.eq_ignore_ascii_case("right"))
        || node.attr("style").is_some_and(|s| {
            s.chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase()
                .contains("text-align:right")
        });
    right
}

/// The date line readers see: the nearest day-first date above the article, else in its first
/// blocks.
fn visible_date(walk: &blocks::Walk, first: Option<usize>) -> Option<String> {
    let first = first.unwrap_or(0);
    let above = walk.blocks[..first.min(walk.blocks.len())]
        .iter()
        .rev()
        .take(30);
    let below = walk.blocks.iter().skip(first).take(3);
    for b in above.chain(below) {
        if b.text.len() > 200 {
            continue;
        }
        if let Some((day, time)) = meta::find_day_first(&b.text) {
            return Some(match time {
                Some(t) => format!("{day}T{t}"),
                None => day,
            });
        }
    }
    None
}
