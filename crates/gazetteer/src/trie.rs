//! A byte trie of the scanner's patterns, walked from one position of the text to find the
//! longest pattern that starts there.
//!
//! Nodes are numbered breadth first and the edges of each are stored together, sorted by
//! byte. A node with few edges is stepped through by a scan of its bytes; one with many (the
//! root, the first letters of names) has a row of a table indexed by byte class, so every
//! step is a few instructions. It is built from the sorted patterns in one pass.

/// No node, or no pattern.
const NONE: u32 = u32::MAX;

/// Nodes with at least this many edges get a row of the table.
const DENSE: usize = 5;

#[derive(Clone, Copy)]
struct Node {
    /// The index of its first edge.
    first: u32,
    /// How many edges it has.
    count: u32,
    /// The start of its row in `rows`, or [`NONE`] when its edges are scanned.
    row: u32,
    /// The pattern that ends at it, or [`NONE`].
    pattern: u32,
}

/// The trie of a list of byte strings.
pub(crate) struct Trie {
    nodes: Vec<Node>,
    /// By edge: the byte it reads.
    labels: Vec<u8>,
    /// By edge: the node it leads to.
    targets: Vec<u32>,
    /// By byte: its class, 0 for bytes in no pattern.
    class: [u16; 256],
    /// Rows of the nodes with many edges: by class, the node reached or [`NONE`].
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
            first: 0,
            count: 0,
            row: NONE,
            pattern: NONE,
        };
        let mut trie = Trie {
            nodes: vec![empty],
            labels: Vec::new(),
            targets: Vec::new(),
            class,
            rows: Vec::new(),
        };
        // Breadth first: each entry is a node, the range of `order` of the patterns below it
        // and its depth. Nodes are made and their edges written in the order of this queue.
        let mut queue = vec![(0usize, 0usize, order.len(), 0usize)];
        let mut next = 0;
        while let Some(&(node, mut lo, hi, depth)) = queue.get(next) {
            next += 1;
            let first = trie.labels.len();
            // The patterns below a node share its path; sorted, one that ends here is first.
            while lo < hi && bytes(lo).len() == depth {
                if trie.nodes[node].pattern == NONE && depth > 0 {
                    trie.nodes[node].pattern = order[lo] as u32;
                }
                lo += 1;
            }
            while lo < hi {
                let byte = bytes(lo)[depth];
                let mut end = lo + 1;
                while end < hi && bytes(end)[depth] == byte {
                    end += 1;
                }
                let child = trie.nodes.len();
                trie.nodes.push(empty);
                trie.labels.push(byte);
                trie.targets.push(child as u32);
                queue.push((child, lo, end, depth + 1));
                lo = end;
            }
            let count = trie.labels.len() - first;
            trie.nodes[node].first = first as u32;
            trie.nodes[node].count = count as u32;
            if count >= DENSE || node == 0 {
                let row = trie.rows.len();
                trie.rows.resize(row + classes, NONE);
                for k in first..first + count {
                    let c = usize::from(class[usize::from(trie.labels[k])]);
                    trie.rows[row + c] = trie.targets[k];
                }
                trie.nodes[node].row = row as u32;
            }
        }
        trie
    }

    /// The node reached from `node` by `byte`.
    #[inline]
    fn child(&self, node: &Node, byte: u8) -> Option<u32> {
        let next = if node.row != NONE {
            let c = usize::from(self.class[usize::from(byte)]);
            *self.rows.get(node.row as usize + c)?
        } else {
            let first = node.first as usize;
            let labels = self.labels.get(first..first + node.count as usize)?;
            let k = labels.iter().position(|&l| l == byte)?;
            *self.targets.get(first + k)?
        };
        (next != NONE).then_some(next)
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
        assert!(found > 12, "{found}");
        let empty = Trie::new::<&str>(&[]);
        assert_eq!(empty.longest_at(b"abc", 0), None);
    }
}
