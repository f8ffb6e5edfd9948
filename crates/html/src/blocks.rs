//! The page as a list of text blocks, in reading order.
//!
//! One walk over the tree (an explicit stack: no recursion, whatever the depth) drops what is
//! never text (scripts, styles, forms' controls, hidden elements) and what is marked as page
//! furniture (navigation, footers, share bars, comment threads, related-story boxes: by element
//! and by class or id words), and cuts the rest into blocks at block-level elements and line
//! breaks. Each block remembers the element it sits in and how much of it is link text; each
//! element gets its order in the walk, the extent of its subtree and its text and link lengths.

use html5ever::{local_name, LocalName};

use crate::dom::{Data, Dom, NONE, ROOT};

/// What kind of element encloses a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Paragraph,
    Heading(u8),
    ListItem,
    Cell,
    Caption,
    Quote,
    Pre,
    Other,
}

/// One block of text.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    /// The text, whitespace collapsed.
    pub text: String,
    /// The innermost block-level element it sits in.
    pub owner: usize,
    /// Characters of text, not counting spaces.
    pub len: u32,
    /// Of those, the characters inside links.
    pub link_len: u32,
    pub kind: Kind,
}

/// Per-element figures from the walk.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Extent {
    /// Order of the element in the walk; 0 for elements the walk did not enter.
    pub order: u32,
    /// Order of the last element inside it.
    pub last: u32,
    /// Text characters inside (spaces not counted).
    pub text: u32,
    /// Of those, characters inside links.
    pub links: u32,
    /// Number of blocks inside.
    pub blocks: u32,
}

/// The blocks of a page and the figures of its elements.
#[derive(Debug)]
pub(crate) struct Walk {
    pub blocks: Vec<Block>,
    pub extents: Vec<Extent>,
    /// The `body` element (or the root).
    pub body: usize,
}

/// Elements whose content is never page text.
fn is_void_of_text(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("noscript")
            | local_name!("template")
            | local_name!("svg")
            | local_name!("math")
            | local_name!("iframe")
            | local_name!("object")
            | local_name!("embed")
            | local_name!("canvas")
            | local_name!("video")
            | local_name!("audio")
            | local_name!("select")
            | local_name!("option")
            | local_name!("textarea")
            | local_name!("button")
            | local_name!("input")
            | local_name!("head")
            | local_name!("title")
            | local_name!("map")
            | local_name!("dialog")
    )
}

/// Elements that start a new block.
fn is_block(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("p")
            | local_name!("div")
            | local_name!("section")
            | local_name!("article")
            | local_name!("main")
            | local_name!("header")
            | local_name!("footer")
            | local_name!("nav")
            | local_name!("aside")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("ul")
            | local_name!("ol")
            | local_name!("li")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("dd")
            | local_name!("table")
            | local_name!("tbody")
            | local_name!("thead")
            | local_name!("tfoot")
            | local_name!("tr")
            | local_name!("td")
            | local_name!("th")
            | local_name!("caption")
            | local_name!("blockquote")
            | local_name!("pre")
            | local_name!("figure")
            | local_name!("figcaption")
            | local_name!("form")
            | local_name!("fieldset")
            | local_name!("address")
            | local_name!("center")
            | local_name!("details")
            | local_name!("summary")
            | local_name!("hr")
            | local_name!("body")
            | local_name!("html")
    )
}

fn kind_of(name: &LocalName) -> Kind {
    match *name {
        local_name!("p") => Kind::Paragraph,
        local_name!("h1") => Kind::Heading(1),
        local_name!("h2") => Kind::Heading(2),
        local_name!("h3") => Kind::Heading(3),
        local_name!("h4") => Kind::Heading(4),
        local_name!("h5") => Kind::Heading(5),
        local_name!("h6") => Kind::Heading(6),
        local_name!("li") | local_name!("dd") | local_name!("dt") => Kind::ListItem,
        local_name!("td") | local_name!("th") | local_name!("tr") => Kind::Cell,
        local_name!("figcaption") | local_name!("caption") => Kind::Caption,
        local_name!("blockquote") => Kind::Quote,
        local_name!("pre") => Kind::Pre,
        _ => Kind::Other,
    }
}

/// Whether an element is hidden from readers.
fn is_hidden(dom: &Dom, id: usize) -> bool {
    let node = &dom.nodes[id];
    if node.attr("hidden").is_some() {
        return true;
    }
    if node.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = node.attr("style") {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        if compact.contains("display:none") || compact.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// Whether an element is page furniture rather than article: it says so by its name, role or
/// words, and it does not hold a large share of the page's prose (layouts name whole columns
/// after sidebars and widgets).
fn is_furniture(dom: &Dom, id: usize, name: &LocalName, prose: &[u32], page_prose: u32) -> bool {
    if !names_furniture(dom, id, name) {
        return false;
    }
    let own = prose.get(id).copied().unwrap_or(0);
    own < 400 || (own as f32) < 0.4 * page_prose as f32
}

/// Whether an element names itself furniture.
fn names_furniture(dom: &Dom, id: usize, name: &LocalName) -> bool {
    match *name {
        local_name!("nav")
        | local_name!("aside")
        | local_name!("footer")
        | local_name!("figcaption") => return true,
        local_name!("html") | local_name!("body") | local_name!("main") => return false,
        _ => {}
    }
    let node = &dom.nodes[id];
    if matches!(
        node.attr("role"),
        Some("navigation" | "contentinfo" | "banner" | "complementary" | "menu" | "menubar")
    ) {
        return true;
    }
    let class = node.attr("class").unwrap_or("");
    let ident = node.attr("id").unwrap_or("");
    if class.is_empty() && ident.is_empty() {
        return false;
    }
    crate::words::furniture(class, ident, !is_block(name))
}

/// Whether a table row is a row of data (its cells hold no block-level elements), to be read as
/// one line, rather than a row of a layout table.
fn flat_row(dom: &Dom, tr: usize) -> bool {
    let mut stack: Vec<usize> = dom.children(tr).collect();
    let mut budget = 400;
    while let Some(id) = stack.pop() {
        budget -= 1;
        if budget == 0 {
            return false;
        }
        if let Some(name) = dom.nodes[id].name() {
            if matches!(*name, local_name!("td") | local_name!("th")) {
                // A cell may wrap its text in one paragraph, and no more.
                let inner = dom
                    .children(id)
                    .filter(|&c| dom.nodes[c].name().is_some_and(is_block))
                    .count();
                if inner > 1 {
                    return false;
                }
                stack.extend(dom.children(id).flat_map(|c| {
                    let simple = dom.nodes[c]
                        .name()
                        .is_some_and(|n| matches!(*n, local_name!("p") | local_name!("div")));
                    if simple {
                        dom.children(c).collect::<Vec<_>>()
                    } else {
                        vec![c]
                    }
                }));
                continue;
            }
            if is_block(name) || *name == local_name!("br") {
                return false;
            }
            stack.extend(dom.children(id));
        }
    }
    true
}

/// Walks the page from `start` (the body, or the root).
pub(crate) fn walk(dom: &Dom) -> Walk {
    let body = find_body(dom);
    let prose = prose(dom, body);
    let page_prose = prose.get(body).copied().unwrap_or(0);
    let mut w = Walker {
        dom,
        prose,
        page_prose,
        blocks: Vec::new(),
        extents: vec![Extent::default(); dom.nodes.len()],
        buf: String::new(),
        buf_len: 0,
        buf_links: 0,
        space: true,
        owners: vec![body],
        links: 0,
        order: 0,
        flat_row: None,
    };
    w.run(body);
    Walk {
        blocks: w.blocks,
        extents: w.extents,
        body,
    }
}

/// The `body` element, or the root when there is none.
pub(crate) fn find_body(dom: &Dom) -> usize {
    for html in dom.children(ROOT) {
        if dom.nodes[html].name() == Some(&local_name!("html")) {
            for c in dom.children(html) {
                if dom.nodes[c].name() == Some(&local_name!("body")) {
                    return c;
                }
            }
        }
    }
    ROOT
}

/// Marks, in the figures of [`prose`], an element that is never text: a script, a control,
/// a hidden element. The walk leaves it out without asking again.
const SKIPPED: u32 = u32::MAX;

/// Visible characters outside links under each element (spaces not counted), from `start`;
/// [`SKIPPED`] for elements that hold no visible text.
fn prose(dom: &Dom, start: usize) -> Vec<u32> {
    let mut out = vec![0u32; dom.nodes.len()];
    let mut stack = vec![(start, false, false)];
    while let Some((id, done, in_link)) = stack.pop() {
        let node = &dom.nodes[id];
        match &node.data {
            Data::Text(t) if !in_link => {
                let n = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
                if let Some(p) = out.get_mut(node.parent) {
                    *p += n;
                }
            }
            Data::Element { name, .. } => {
                if done {
                    let own = out[id];
                    if let Some(p) = out.get_mut(node.parent) {
                        *p += own;
                    }
                } else if is_void_of_text(name) || is_hidden(dom, id) {
                    out[id] = SKIPPED;
                } else {
                    stack.push((id, true, in_link));
                    let link = in_link || *name == local_name!("a");
                    stack.extend(dom.children(id).map(|c| (c, false, link)));
                }
            }
            _ => {}
        }
    }
    out
}

struct Walker<'a> {
    dom: &'a Dom,
    prose: Vec<u32>,
    page_prose: u32,
    blocks: Vec<Block>,
    extents: Vec<Extent>,
    buf: String,
    buf_len: u32,
    buf_links: u32,
    space: bool,
    owners: Vec<usize>,
    links: u32,
    order: u32,
    /// The table row being read as one line: its cells hold text only.
    flat_row: Option<usize>,
}

enum Step {
    Enter(usize),
    Exit(usize, bool, bool),
}

impl Walker<'_> {
    fn run(&mut self, start: usize) {
        let mut stack = vec![Step::Enter(start)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Enter(id) => self.enter(id, &mut stack),
                Step::Exit(id, block, link) => self.exit(id, block, link),
            }
        }
        self.flush();
    }

    fn enter(&mut self, id: usize, stack: &mut Vec<Step>) {
        let dom = self.dom;
        match &dom.nodes[id].data {
            Data::Text(t) => self.push_text(t),
            Data::Element { name, .. } => {
                if self.prose[id] == SKIPPED
                    || is_furniture(dom, id, name, &self.prose, self.page_prose)
                {
                    if is_block(name) {
                        self.flush();
                    }
                    return;
                }
                if *name == local_name!("br") {
                    self.flush();
                    return;
                }
                if *name == local_name!("img") {
                    return;
                }
                self.order += 1;
                self.extents[id].order = self.order;
                let flat_cell = self.flat_row.is_some_and(|row| {
                    let parent = dom.nodes[id].parent;
                    let in_cell = |at: usize| {
                        dom.nodes
                            .get(at)
                            .and_then(|n| n.name())
                            .is_some_and(|n| matches!(*n, local_name!("td") | local_name!("th")))
                    };
                    if matches!(*name, local_name!("td") | local_name!("th")) {
                        parent == row
                    } else {
                        in_cell(parent) && dom.nodes.get(parent).is_some_and(|p| p.parent == row)
                    }
                });
                let block = is_block(name) && !flat_cell;
                if flat_cell {
                    self.space = true;
                }
                if *name == local_name!("tr") && flat_row(dom, id) {
                    self.flat_row = Some(id);
                }
                if block {
                    self.flush();
                    self.owners.push(id);
                }
                let link = *name == local_name!("a");
                if link {
                    self.links += 1;
                }
                stack.push(Step::Exit(id, block, link));
                let at = stack.len();
                stack.extend(dom.children(id).map(Step::Enter));
                stack[at..].reverse();
            }
            Data::Document => {
                let at = stack.len();
                stack.extend(dom.children(id).map(Step::Enter));
                stack[at..].reverse();
            }
            Data::Other => {}
        }
    }

    fn exit(&mut self, id: usize, block: bool, link: bool) {
        if block {
            self.flush();
            self.owners.pop();
        }
        if self.flat_row == Some(id) {
            self.flat_row = None;
        }
        if link {
            self.links = self.links.saturating_sub(1);
        }
        self.extents[id].last = self.order;
        let e = self.extents[id];
        let parent = self.dom.nodes[id].parent;
        if let Some(p) = self.extents.get_mut(parent) {
            p.text += e.text;
            p.links += e.links;
            p.blocks += e.blocks;
        }
    }

    fn push_text(&mut self, t: &str) {
        for c in t.chars() {
            if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
                self.space = true;
            } else {
                if self.space && !self.buf.is_empty() {
                    self.buf.push(' ');
                }
                self.space = false;
                self.buf.push(c);
                self.buf_len += 1;
                if self.links > 0 {
                    self.buf_links += 1;
                }
            }
        }
    }

    fn flush(&mut self) {
        if self.buf_len > 0 {
            let owner = self.owners.last().copied().unwrap_or(NONE);
            let kind = self
                .dom
                .nodes
                .get(owner)
                .and_then(|n| n.name())
                .map_or(Kind::Other, kind_of);
            if let Some(e) = self.extents.get_mut(owner) {
                e.text += self.buf_len;
                e.links += self.buf_links;
                e.blocks += 1;
            }
            self.blocks.push(Block {
                text: std::mem::take(&mut self.buf),
                owner,
                len: self.buf_len,
                link_len: self.buf_links,
                kind,
            });
        }
        self.buf.clear();
        self.buf_len = 0;
        self.buf_links = 0;
        self.space = true;
    }
}
