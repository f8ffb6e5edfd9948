//! A byte trie of the scanner's patterns, walked from one position of the text to find the
//! longest pattern that starts there.
//!
//! Nodes are numbered breadth first, so the children of a node are consecutive and a node
//! needs only its first child. A node with few edges holds their bytes itself and is stepped
//! through by comparing the byte with all of them at once; one with many (the root, the first
//! letters of names) or none has a row of a table indexed by byte class. Either way a step is
//! a few instructions and one load of a node. It is built from the sorted patterns in one
//! pass.

/// No node, or no pattern.
const NONE: u32 = u32::MAX;

/// Nodes with more edges than a node holds bytes of get a row of the table.
const DENSE: usize = 5;

/// Each byte of a `u32`.
const ONES: u32 = 0x0101_0101;

#[derive(Clone, Copy)]
struct Node {
    /// When `row` is [`NONE`]: the bytes of its edges (one to four) in order, the first one
    /// repeated in the unused places, packed little-endian.
    labels: u32,
    /// The node its first edge leads to; the others follow it.
    child: u32,
    /// The start of its row in `rows`, or [`NONE`] when its edges are in `labels`.
    row: u32,
    /// The pattern that ends at it, or [`NONE`].
    pattern: u32,
}

/// The trie of a list of byte strings.
pub(crate) struct Trie {
    nodes: Vec<Node>,
    /// By byte: its class, 0 for bytes in no pattern.
    class: [u16; 256],
    /// Rows of the nodes with many edges or none: by class, the node reached or [`NONE`].
    /// The first row is all [`NONE`], the row of the nodes without edges.
    rows: Vec<u32>,
}

impl std::fmt::Debug for Trie {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Trie")
            .field("nodes", &self.nodes.len())
            .finish_non_exhaustive()
    }
}

impl Trie {
    /// The trie of `patterns`, by index in the list. Empty patterns are left out; of equal
    /// patterns the first is kept.
    pub(crate) fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Trie {
        let mut order: Vec<usize> = (0..patterns.len()).collect();
        order.sort_by(|&a, &b| {
            patterns[a]
                .as_ref()
                .cmp(patterns[b].as_ref())
                .then(a.cmp(&b))
        });
        let bytes = |k: usize| patterns[order[k]].as_ref();
        let mut class = [0u16; 256];
        let mut classes = 1;
        let mut seen = [false; 256];
        for p in patterns {
            for &b in p.as_ref() {
                seen[usize::from(b)] = true;
            }
        }
        for (b, &s) in seen.iter().enumerate() {
            if s {
                class[b] = classes as u16;
                classes += 1;
            }
        }
        let empty = Node {
            labels: 0,
            child: NONE,
            row: 0,
            pattern: NONE,
        };
        let mut trie = Trie {
            nodes: vec![empty],
            class,
            rows: vec![NONE; classes],
        };
        let mut edges: Vec<u8> = Vec::new();
        // Breadth first: each entry is a node, the range of `order` of the patterns below it
        // and its depth. Nodes are made in the order of this queue.
        let mut queue = vec![(0usize, 0usize, order.len(), 0usize)];
        let mut next = 0;
        while let Some(&(node, mut lo, hi, depth)) = queue.get(next) {
            next += 1;
            // The patterns below a node share its path; sorted, one that ends here is first.
            while lo < hi && bytes(lo).len() == depth {
                if trie.nodes[node].pattern == NONE && depth > 0 {
                    trie.nodes[node].pattern = order[lo] as u32;
                }
                lo += 1;
            }
            edges.clear();
            let first_child = trie.nodes.len();
            while lo < hi {
                let byte = bytes(lo)[depth];
                let mut end = lo + 1;
                while end < hi && bytes(end)[depth] == byte {
                    end += 1;
                }
                trie.nodes.push(empty);
                edges.push(byte);
                queue.push((first_child + edges.len() - 1, lo, end, depth + 1));
                lo = end;
            }
            let n = &mut trie.nodes[node];
            n.child = first_child as u32;
            if edges.is_empty() {
                n.row = 0;
            } else if edges.len() >= DENSE || node == 0 {
                let row = trie.rows.len();
                trie.rows.resize(row + classes, NONE);
                for (k, &b) in edges.iter().enumerate() {
                    let c = usize::from(class[usize::from(b)]);
                    trie.rows[row + c] = (first_child + k) as u32;
                }
                n.row = row as u32;
            } else {
                let mut labels = [edges[0]; 4];
                labels[..edges.len()].copy_from_slice(&edges);
                n.labels = u32::from_le_bytes(labels);
                n.row = NONE;
            }
        }
        trie
    }

    /// The node reached from `node` by `byte`.
    #[inline]
    fn child(&self, node: &Node, byte: u8) -> Option<u32> {
        if node.row != NONE {
            let c = usize::from(self.class[usize::from(byte)]);
            let next = *self.rows.get(node.row as usize + c)?;
            return (next != NONE).then_some(next);
        }
        // The bytes of `labels` equal to `byte` become zero; the lowest zero byte is the
        // first edge with the byte (a borrow can only mark bytes above a zero one).
        let x = node.labels ^ (u32::from(byte) * ONES);
        let zero = x.wrapping_sub(ONES) & !x & (ONES << 7);
        (zero != 0).then(|| node.child + zero.trailing_zeros() / 8)
    }

    /// The longest pattern that `hay[at..]` starts with, as (pattern index, byte length).
    pub(crate) fn longest_at(&self, hay: &[u8], at: usize) -> Option<(usize, usize)> {
        let rest = hay.get(at..)?;
        let mut node = self.nodes.first()?;
        let mut found = None;
        for (len, &b) in rest.iter().enumerate() {
            let Some(next) = self.child(node, b) else {
                break;
            };
            node = self.nodes.get(next as usize)?;
            if node.pattern != NONE {
                found = Some((node.pattern as usize, len + 1));
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The longest pattern `hay[at..]` starts with, by comparing with every pattern.
    fn longest_by_comparing(patterns: &[&str], hay: &[u8], at: usize) -> Option<(usize, usize)> {
        let rest = hay.get(at..)?;
        let mut found: Option<(usize, usize)> = None;
        for (k, p) in patterns.iter().enumerate() {
            let longer = found.is_none_or(|(_, n)| p.len() > n);
            if !p.is_empty() && rest.starts_with(p.as_bytes()) && longer {
                found = Some((k, p.len()));
            }
        }
        found
    }

    #[test]
    fn the_walk_finds_the_longest_pattern() {
        let patterns = [
            "hoa ky",
            "hoa",
            "ha noi",
            "h",
            "viet nam",
            "viet",
            "nam phi",
            "g-7",
            "g",
            "",
            "ông",
            "ô",
            "u.s",
            "hoa ky hoc",
            "zz",
            "hoa",
        ];
        let trie = Trie::new(&patterns);
        let texts = [
            "hoa ky hoc va hoa ky",
            "ha noi, viet nam phi",
            "ông ô g-7 g-8 u.s u.k",
            "zzz z",
            "",
            "hoa",
            "xyz hoa k",
        ];
        let mut found = 0;
        for text in texts {
            for at in 0..=text.len() + 1 {
                let want = longest_by_comparing(&patterns, text.as_bytes(), at);
                found += usize::from(want.is_some());
                assert_eq!(trie.longest_at(text.as_bytes(), at), want, "{text:?} {at}");
            }
        }
        // Nodes with one to four edges and more, and every byte after them.
        let mut many: Vec<String> = Vec::new();
        for n in 1..=7u8 {
            for k in 0..n {
                many.push(format!("q{n}{}", char::from(b'a' + k * 3)));
            }
        }
        many.push("\u{ff}".to_string());
        many.push("q3\u{80}".to_string());
        let trie_many = Trie::new(&many);
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        for n in 1..=7u8 {
            for b in 0..=255u8 {
                let hay = [b'q', b'0' + n, b, b'x'];
                let want = longest_by_comparing(&refs, &hay, 0);
                found += usize::from(want.is_some());
                assert_eq!(trie_many.longest_at(&hay, 0), want, "{hay:?}");
            }
        }
        assert!(found > 40, "{found}");
        let empty = Trie::new::<&str>(&[]);
        assert_eq!(empty.longest_at(b"abc", 0), None);
    }
}
