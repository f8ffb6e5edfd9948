//! Finding the article among the blocks: which element holds it, and which of its blocks are
//! the article's own text.
//!
//! Every block of prose (long enough, not mostly link text) gives points to the elements above
//! it, the closer the more; an element's points are scaled down by its share of link text and
//! moved by what its class and id words say. The best element is the article's container. The
//! container is widened when its close rivals share an ancestor with it (an article cut into
//! several boxes) and joined by siblings that score near it or are plainly prose. Inside, blocks
//! that are mostly links (related stories, tag lists) are left out.

use std::collections::HashSet;

use html5ever::local_name;

use crate::blocks::{Block, Kind, Walk};
use crate::dom::{Dom, NONE};
use crate::words;

/// Shortest block, in characters, that counts as prose when scoring.
const MIN_PROSE: u32 = 25;

/// How many levels above a block its points reach.
const LEVELS: usize = 5;

/// The indices of the blocks that make up the article, in order.
pub(crate) fn select(dom: &Dom, walk: &Walk) -> Vec<usize> {
    let n = dom.nodes.len();
    let mut score = vec![0f32; n];
    let mut seen = vec![false; n];
    // Points of all prose below an element, undecayed: what widening the container would gain.
    let mut total = vec![0f32; n];
    let mut candidates: Vec<usize> = Vec::new();

    for b in &walk.blocks {
        if b.len < MIN_PROSE || density(b) > 0.5 || matches!(b.kind, Kind::Heading(_)) {
            continue;
        }
        let commas = b.text.matches([',', '，', '、', '،']).count() as f32;
        let points = 1.0 + commas + (b.len as f32 / 100.0).floor().min(8.0);
        let mut at = paragraph_parent(dom, b);
        let mut up = at;
        while up != NONE && up < n {
            total[up] += points;
            if up == walk.body {
                break;
            }
            up = dom.nodes[up].parent;
        }
        for level in 0..LEVELS {
            if at == NONE || at >= n {
                break;
            }
            if dom.nodes[at].name().is_none() {
                break;
            }
            if !seen[at] {
                seen[at] = true;
                score[at] = base_score(dom, at);
                candidates.push(at);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[at] += points / divider;
            at = dom.nodes[at].parent;
        }
    }

    for &c in &candidates {
        let e = walk.extents[c];
        let ld = if e.text == 0 {
            0.0
        } else {
            e.links as f32 / e.text as f32
        };
        score[c] *= 1.0 - ld;
    }

    let Some(mut top) = candidates
        .iter()
        .copied()
        .max_by(|a, b| score[*a].total_cmp(&score[*b]))
    else {
        return fallback(walk);
    };

    // Close rivals sharing an ancestor with the top: the article is cut into boxes.
    let top_score = score[top];
    let rivals: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&c| {
            c != top
                && score[c] >= 0.75 * top_score
                && !contains(walk, c, top)
                && !contains(walk, top, c)
        })
        .collect();
    if rivals.len() >= 2 {
        let mut anc = dom.nodes[top].parent;
        while anc != NONE && anc != walk.body {
            let holding = rivals.iter().filter(|&&r| contains(walk, anc, r)).count();
            if holding >= 2 {
                top = anc;
                break;
            }
            anc = dom.nodes[anc].parent;
        }
    }

    // The top and the siblings that belong with it.
    let threshold = (score[top] * 0.2).max(10.0);
    let top_class = dom.nodes[top].attr("class").unwrap_or("");
    let mut ranges = vec![range(walk, top)];
    // Boxes of the same kind as the top, holding prose too: the article is cut into chunks
    // (by advertisements, by a layout grid).
    if let Some(class) = dom.nodes[top]
        .attr("class")
        .filter(|c| !c.trim().is_empty())
    {
        let name = dom.nodes[top].name();
        for &c in &candidates {
            if c != top
                && total[c] >= 3.0_f32.max(0.1 * total[top])
                && dom.nodes[c].name() == name
                && dom.nodes[c].attr("class") == Some(class)
                && !contains(walk, c, top)
                && !contains(walk, top, c)
                && link_density(walk, c) < 0.3
            {
                ranges.push(range(walk, c));
            }
        }
    }
    let parent = dom.nodes[top].parent;
    if parent != NONE {
        // Elements whose own text ends a sentence, read once for all siblings.
        let ends_sentence: HashSet<usize> = walk
            .blocks
            .iter()
            .filter(|b| b.text.ends_with(['.', '!', '?', '…', '"', '”']))
            .map(|b| b.owner)
            .collect();
        for s in dom.children(parent) {
            if s == top || walk.extents[s].order == 0 {
                continue;
            }
            let mut bonus = 0.0;
            if !top_class.is_empty() && dom.nodes[s].attr("class") == Some(top_class) {
                bonus = score[top] * 0.2;
            }
            let e = walk.extents[s];
            let ld = if e.text == 0 {
                1.0
            } else {
                e.links as f32 / e.text as f32
            };
            let keep = if seen[s] && score[s] + bonus >= threshold {
                true
            } else if dom.nodes[s].name() == Some(&local_name!("p")) {
                (e.text > 80 && ld < 0.25)
                    || (e.text > 0 && ld == 0.0 && ends_sentence.contains(&s))
            } else {
                false
            };
            if keep {
                ranges.push(range(walk, s));
            }
        }
    }

    // A lead paragraph set apart just above the container.
    let mut lead_scope = top;
    for _ in 0..3 {
        let p = dom.nodes[lead_scope].parent;
        if p == NONE || p == walk.body {
            break;
        }
        lead_scope = p;
    }
    let lead_range = range(walk, lead_scope);

    let first = ranges.iter().map(|r| r.0).min().unwrap_or(0);
    // Long plain paragraphs close to the container belong to the article as well.
    let mut near_scope = top;
    for _ in 0..3 {
        let p = dom.nodes[near_scope].parent;
        if p == NONE || p == walk.body {
            break;
        }
        near_scope = p;
    }
    let near = range(walk, near_scope);
    // The block just above the container, which may be a lead set in its own box.
    let just_before = walk
        .blocks
        .iter()
        .position(|b| walk.extents.get(b.owner).is_some_and(|e| e.order >= first))
        .and_then(|p| p.checked_sub(1));
    let mut out = Vec::new();
    // The container's blocks before labels and teasers are taken out, for when nothing is left.
    let mut plain = Vec::new();
    for (i, b) in walk.blocks.iter().enumerate() {
        let at = walk.extents.get(b.owner).map_or(0, |e| e.order);
        let inside = ranges.iter().any(|&(lo, hi)| at >= lo && at <= hi);
        if inside {
            if keep_block(b) {
                plain.push(i);
                if !labels_links(walk, i, &ranges) && !teaser(dom, walk, i) {
                    out.push(i);
                }
            }
        } else {
            let lead = at >= lead_range.0
                && at < first
                && (is_lead(dom, b) || Some(i) == just_before && plain_prose(b));
            let near_prose = at >= near.0
                && at <= near.1
                && b.kind == Kind::Paragraph
                && b.len >= 150
                && density(b) < 0.1;
            if lead || near_prose {
                out.push(i);
            }
        }
    }
    if out.is_empty() {
        return if plain.is_empty() {
            fallback(walk)
        } else {
            plain
        };
    }
    // Short lines after the article's last paragraph are its furniture: share prompts, "was
    // this useful?", contact labels, dates.
    if let Some(last_long) = out.iter().rposition(|&i| walk.blocks[i].len >= 80) {
        let (article, tail) = out.split_at(last_long + 1);
        let kept: Vec<usize> = tail
            .iter()
            .copied()
            .filter(|&i| {
                let b = &walk.blocks[i];
                b.len >= 30
                    || b.text.ends_with(['.', '!', '?', '…'])
                    || matches!(b.kind, Kind::ListItem | Kind::Cell | Kind::Pre)
            })
            .collect();
        out = [article, &kept[..]].concat();
    }
    out
}

/// The element whose points a block gives first: the container of a paragraph, or the
/// container itself when the text sits in it directly.
fn paragraph_parent(dom: &Dom, b: &Block) -> usize {
    match b.kind {
        Kind::Other => b.owner,
        _ => dom.nodes.get(b.owner).map_or(NONE, |n| n.parent),
    }
}

/// Points an element starts with, from its name and its class and id words.
fn base_score(dom: &Dom, id: usize) -> f32 {
    let node = &dom.nodes[id];
    let by_name = match node.name() {
        Some(&local_name!("div")) | Some(&local_name!("article")) => 5.0,
        Some(&local_name!("pre")) | Some(&local_name!("td")) | Some(&local_name!("blockquote")) => {
            3.0
        }
        Some(&local_name!("address"))
        | Some(&local_name!("ol"))
        | Some(&local_name!("ul"))
        | Some(&local_name!("dl"))
        | Some(&local_name!("dd"))
        | Some(&local_name!("dt"))
        | Some(&local_name!("li"))
        | Some(&local_name!("form")) => -3.0,
        Some(&local_name!("h1"))
        | Some(&local_name!("h2"))
        | Some(&local_name!("h3"))
        | Some(&local_name!("h4"))
        | Some(&local_name!("h5"))
        | Some(&local_name!("h6"))
        | Some(&local_name!("th")) => -5.0,
        _ => 0.0,
    };
    let mut w = by_name
        + words::weight(
            node.attr("class").unwrap_or(""),
            node.attr("id").unwrap_or(""),
        );
    if node.attr("itemprop") == Some("articleBody") {
        w += 50.0;
    }
    w
}

fn link_density(walk: &Walk, id: usize) -> f32 {
    let e = walk.extents[id];
    if e.text == 0 {
        0.0
    } else {
        e.links as f32 / e.text as f32
    }
}

fn density(b: &Block) -> f32 {
    if b.len == 0 {
        0.0
    } else {
        b.link_len as f32 / b.len as f32
    }
}

/// The walk orders an element's subtree covers.
fn range(walk: &Walk, id: usize) -> (u32, u32) {
    let e = walk.extents[id];
    (e.order, e.last)
}

/// Whether element `outer` contains element `inner` (or is it).
fn contains(walk: &Walk, outer: usize, inner: usize) -> bool {
    let (o, i) = (walk.extents[outer], walk.extents[inner]);
    o.order != 0 && i.order >= o.order && i.order <= o.last
}

/// Whether a block inside the container is the article's own text.
fn keep_block(b: &Block) -> bool {
    let d = density(b);
    match b.kind {
        Kind::Heading(_) => d < 0.5,
        _ => d <= 0.5 || b.len > 300 && d < 0.7,
    }
}

/// Whether block `i` is a short label ("Related coverage", "Read more") introducing a list of
/// links, or closing the container with nothing after it.
fn labels_links(walk: &Walk, i: usize, ranges: &[(u32, u32)]) -> bool {
    let b = &walk.blocks[i];
    if b.len >= 60 || b.text.ends_with(['.', '!', '?', '…', '"', '”', ':']) && b.len >= 30 {
        return false;
    }
    let inside = |b: &Block| {
        let at = walk.extents.get(b.owner).map_or(0, |e| e.order);
        ranges.iter().any(|&(lo, hi)| at >= lo && at <= hi)
    };
    match walk.blocks[i + 1..].iter().find(|n| inside(n)) {
        Some(next) => density(next) > 0.5 && next.len > 0,
        None => matches!(b.kind, Kind::Heading(_)),
    }
}

/// Whether block `i` is the summary of another story: it follows that story's linked headline in
/// a small box of its own.
fn teaser(dom: &Dom, walk: &Walk, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|j| &walk.blocks[j]) else {
        return false;
    };
    if density(prev) < 0.9 {
        return false;
    }
    let b = &walk.blocks[i];
    let boxed = paragraph_parent(dom, b);
    if boxed == NONE || boxed >= walk.extents.len() {
        return false;
    }
    let e = walk.extents[boxed];
    e.blocks <= 4 && e.text < 500 && contains(walk, boxed, prev.owner)
}

/// Whether a block is a long paragraph of plain text.
fn plain_prose(b: &Block) -> bool {
    b.len >= 100
        && density(b) < 0.1
        && !matches!(b.kind, Kind::Cell | Kind::ListItem | Kind::Caption)
}

/// Whether a block outside the container is a lead paragraph.
fn is_lead(dom: &Dom, b: &Block) -> bool {
    if b.len < 40 || density(b) > 0.3 {
        return false;
    }
    // A heading long enough to be a paragraph is a deck.
    if matches!(b.kind, Kind::Heading(_)) && b.len >= 100 && density(b) < 0.1 {
        return true;
    }
    let mut at = b.owner;
    for _ in 0..3 {
        let Some(node) = dom.nodes.get(at) else {
            return false;
        };
        if words::lead(
            node.attr("class").unwrap_or(""),
            node.attr("id").unwrap_or(""),
        ) {
            return true;
        }
        at = node.parent;
    }
    false
}

/// When no block is prose: every block that is not mostly links.
fn fallback(walk: &Walk) -> Vec<usize> {
    walk.blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| density(b) <= 0.5)
        .map(|(i, _)| i)
        .collect()
}
