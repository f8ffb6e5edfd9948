//! A compact document tree built by html5ever: nodes in one vector, linked by index.
//!
//! The tree builder is told what to build through [`TreeSink`]; this sink keeps every node in a
//! `Vec` so that the tree is dropped in one go (no recursion, whatever the nesting) and walked by
//! index. Past `max_nodes` nodes the sink stops growing: further elements all map to one detached
//! node and text appended to it is discarded, so memory stays bounded, and the caller is told.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{local_name, ns, Attribute, LocalName, QualName};

/// No node: the end of a sibling chain, or the parent of the root.
pub(crate) const NONE: usize = usize::MAX;

/// The document root's index.
pub(crate) const ROOT: usize = 0;

/// Where elements go once the node limit is reached: never linked into the tree.
const VOID: usize = 1;

/// Bytes of markup handed to the parser at a time.
const CHUNK: usize = 64 * 1024;

/// What a node is.
#[derive(Debug)]
pub(crate) enum Data {
    /// The document itself, or the void node.
    Document,
    /// An element: its local name and attributes (namespaces are not kept; SVG and MathML
    /// content is skipped by name).
    Element {
        name: LocalName,
        attrs: Vec<(LocalName, StrTendril)>,
    },
    /// A run of text.
    Text(StrTendril),
    /// A comment, doctype or processing instruction.
    Other,
}

/// One node and its links.
#[derive(Debug)]
pub(crate) struct Node {
    pub parent: usize,
    pub first_child: usize,
    pub last_child: usize,
    pub prev: usize,
    pub next: usize,
    pub data: Data,
}

impl Node {
    fn new(data: Data) -> Node {
        Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            data,
        }
    }

    /// The element's name, if it is one.
    pub fn name(&self) -> Option<&LocalName> {
        match &self.data {
            Data::Element { name, .. } => Some(name),
            _ => None,
        }
    }

    /// The value of attribute `key` of an element.
    pub fn attr(&self, key: &str) -> Option<&str> {
        match &self.data {
            Data::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| &**k == key)
                .map(|(_, v)| v.as_ref()),
            _ => None,
        }
    }
}

/// A parsed document.
#[derive(Debug)]
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
    /// Whether the node limit cut the tree short.
    pub truncated: bool,
}

impl Dom {
    /// Parses `html` into a tree of at most `max_nodes` nodes.
    pub fn parse(html: &str, max_nodes: usize) -> Dom {
        let sink = Sink {
            nodes: RefCell::new(vec![Node::new(Data::Document), Node::new(Data::Document)]),
            max_nodes: max_nodes.max(2),
            truncated: Cell::new(false),
            document: Rc::new(Held {
                id: ROOT,
                name: no_name(),
            }),
        };
        let mut parser = html5ever::parse_document(sink, Default::default());
        // Fed in pieces, so that a page past the node limit stops being parsed at once.
        let mut rest = html;
        while !rest.is_empty() {
            let mut cut = rest.len().min(CHUNK);
            while !rest.is_char_boundary(cut) {
                cut += 1;
            }
            let (piece, tail) = rest.split_at(cut);
            parser.process(StrTendril::from_slice(piece));
            rest = tail;
            if parser.tokenizer.sink.sink.truncated.get() {
                return Dom {
                    nodes: Vec::new(),
                    truncated: true,
                };
            }
        }
        parser.finish()
    }

    /// The children of `id`, in order.
    pub fn children(&self, id: usize) -> Children<'_> {
        Children {
            dom: self,
            next: self.nodes.get(id).map_or(NONE, |n| n.first_child),
        }
    }

    /// The depth of the deepest node below the root.
    pub fn depth(&self) -> usize {
        let mut deepest = 0;
        let mut stack = vec![(ROOT, 0usize)];
        while let Some((id, d)) = stack.pop() {
            deepest = deepest.max(d);
            for c in self.children(id) {
                stack.push((c, d + 1));
            }
        }
        deepest
    }
}

/// The children of one node.
#[derive(Debug)]
pub(crate) struct Children<'a> {
    dom: &'a Dom,
    next: usize,
}

impl Iterator for Children<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let id = self.next;
        let node = self.dom.nodes.get(id)?;
        self.next = node.next;
        Some(id)
    }
}

/// What the tree builder holds for a node: its index, and the element's name, which the builder
/// asks for often and which must be lent without borrowing the node vector.
#[derive(Debug)]
struct Held {
    id: usize,
    name: QualName,
}

type Handle = Rc<Held>;

/// The tree sink.
struct Sink {
    nodes: RefCell<Vec<Node>>,
    max_nodes: usize,
    truncated: Cell<bool>,
    /// The document's handle, made once.
    document: Handle,
}

fn no_name() -> QualName {
    QualName::new(None, ns!(), local_name!(""))
}

impl Sink {
    /// Adds a node, or gives the void node once the limit is reached.
    fn push(&self, data: Data) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        if nodes.len() >= self.max_nodes {
            self.truncated.set(true);
            return VOID;
        }
        nodes.push(Node::new(data));
        nodes.len() - 1
    }

    /// Unlinks `id` from its parent and siblings.
    fn detach(nodes: &mut [Node], id: usize) {
        let (parent, prev, next) = match nodes.get(id) {
            Some(n) => (n.parent, n.prev, n.next),
            None => return,
        };
        if let Some(p) = nodes.get_mut(prev) {
            p.next = next;
        } else if let Some(p) = nodes.get_mut(parent) {
            p.first_child = next;
        }
        if let Some(n) = nodes.get_mut(next) {
            n.prev = prev;
        } else if let Some(p) = nodes.get_mut(parent) {
            p.last_child = prev;
        }
        if let Some(n) = nodes.get_mut(id) {
            n.parent = NONE;
            n.prev = NONE;
            n.next = NONE;
        }
    }

    /// Links `child` as the last child of `parent`.
    fn link_last(nodes: &mut [Node], parent: usize, child: usize) {
        if parent == VOID || child == VOID || parent >= nodes.len() || child >= nodes.len() {
            return;
        }
        Self::detach(nodes, child);
        let last = nodes[parent].last_child;
        Self::link_between(nodes, parent, last, NONE, child);
    }

    /// Links `child` just before `sibling`.
    fn link_before(nodes: &mut [Node], sibling: usize, child: usize) {
        if sibling == VOID || child == VOID || sibling >= nodes.len() || child >= nodes.len() {
            return;
        }
        let parent = nodes[sibling].parent;
        if parent == NONE {
            return;
        }
        Self::detach(nodes, child);
        let prev = nodes[sibling].prev;
        Self::link_between(nodes, parent, prev, sibling, child);
    }

    /// Links the detached `child` under `parent` between its children `prev` and `next`
    /// (`NONE` for the start or the end of the list).
    fn link_between(nodes: &mut [Node], parent: usize, prev: usize, next: usize, child: usize) {
        match nodes.get_mut(prev) {
            Some(p) => p.next = child,
            None => nodes[parent].first_child = child,
        }
        match nodes.get_mut(next) {
            Some(n) => n.prev = child,
            None => nodes[parent].last_child = child,
        }
        let c = &mut nodes[child];
        c.parent = parent;
        c.prev = prev;
        c.next = next;
    }

    /// Adds text where the tree builder puts it: onto `neighbour` when that is a run of text
    /// (adjacent text is one node), else as a new node, whose index is returned to be linked.
    fn add_text(&self, neighbour: usize, text: &StrTendril) -> Option<usize> {
        if let Some(Node {
            data: Data::Text(existing),
            ..
        }) = self.nodes.borrow_mut().get_mut(neighbour)
        {
            existing.push_tendril(text);
            return None;
        }
        Some(self.push(Data::Text(text.clone())))
    }
}

impl TreeSink for Sink {
    type Handle = Handle;
    type Output = Dom;
    type ElemName<'a> = &'a QualName;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
            truncated: self.truncated.get(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        self.document.clone()
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> &'a QualName {
        &target.name
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> Handle {
        let id = self.push(Data::Element {
            name: name.local.clone(),
            attrs: attrs.into_iter().map(|a| (a.name.local, a.value)).collect(),
        });
        Rc::new(Held { id, name })
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        let id = self.push(Data::Other);
        Rc::new(Held {
            id,
            name: no_name(),
        })
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        let id = self.push(Data::Other);
        Rc::new(Held {
            id,
            name: no_name(),
        })
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        match child {
            NodeOrText::AppendNode(c) => {
                Self::link_last(&mut self.nodes.borrow_mut(), parent.id, c.id);
            }
            NodeOrText::AppendText(t) => {
                if parent.id == VOID {
                    return;
                }
                let last = self
                    .nodes
                    .borrow()
                    .get(parent.id)
                    .map_or(NONE, |p| p.last_child);
                if let Some(id) = self.add_text(last, &t) {
                    Self::link_last(&mut self.nodes.borrow_mut(), parent.id, id);
                }
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        let has_parent = self
            .nodes
            .borrow()
            .get(element.id)
            .is_some_and(|n| n.parent != NONE);
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &Handle) -> Handle {
        // Template contents are kept as the template's children; templates are skipped when
        // the text is read.
        target.clone()
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        // Identity of the handle, not of the index: past the node limit every new element
        // shares the void index, and the tree builder must still tell them apart.
        Rc::ptr_eq(x, y)
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, child: NodeOrText<Handle>) {
        match child {
            NodeOrText::AppendNode(c) => {
                Self::link_before(&mut self.nodes.borrow_mut(), sibling.id, c.id);
            }
            NodeOrText::AppendText(t) => {
                let prev = self.nodes.borrow().get(sibling.id).map_or(NONE, |s| s.prev);
                if let Some(id) = self.add_text(prev, &t) {
                    Self::link_before(&mut self.nodes.borrow_mut(), sibling.id, id);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(Node {
            data: Data::Element { attrs: have, .. },
            ..
        }) = nodes.get_mut(target.id)
        {
            for a in attrs {
                if !have.iter().any(|(k, _)| *k == a.name.local) {
                    have.push((a.name.local, a.value));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        Self::detach(&mut self.nodes.borrow_mut(), target.id);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        let mut nodes = self.nodes.borrow_mut();
        let mut child = nodes.get(node.id).map_or(NONE, |n| n.first_child);
        while child != NONE {
            let next = nodes[child].next;
            Self::link_last(&mut nodes, new_parent.id, child);
            child = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dom: &Dom, id: usize) -> Vec<String> {
        dom.children(id)
            .filter_map(|c| dom.nodes[c].name().map(|n| n.to_string()))
            .collect()
    }

    #[test]
    fn builds_the_implied_structure() {
        let dom = Dom::parse("<p>a<p>b<table><td>c</table>", 1000);
        let html = dom.children(ROOT).next().unwrap_or(NONE);
        assert_eq!(names(&dom, html), ["head", "body"]);
        let body = dom.children(html).nth(1).unwrap_or(NONE);
        assert_eq!(names(&dom, body), ["p", "p"]);
        assert!(!dom.truncated);
    }

    /// Every text node of the tree, in order, joined.
    fn all_text(dom: &Dom) -> String {
        dom.nodes
            .iter()
            .filter_map(|n| match &n.data {
                Data::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn misnested_formatting_is_repaired_without_losing_text() {
        let dom = Dom::parse("<b>1<p>2</b>3</p>", 1000);
        let text = all_text(&dom);
        assert_eq!(text, "123");
    }

    #[test]
    fn pieces_cut_inside_characters_and_tags_parse_as_one() {
        let html = format!("<p>{}</p><p>Việt Nam</p>", "Hà Nội ".repeat(20_000));
        let dom = Dom::parse(&html, 1_000_000);
        let text = all_text(&dom);
        assert_eq!(text, format!("{}Việt Nam", "Hà Nội ".repeat(20_000)));
    }

    #[test]
    fn the_node_limit_bounds_the_tree() {
        let html = "<div>x</div>".repeat(10_000);
        let dom = Dom::parse(&html, 500);
        assert!(dom.truncated);
        assert!(dom.nodes.len() <= 500);
    }

    #[test]
    fn deep_nesting_is_measured_without_recursion() {
        let html = "<span>".repeat(50_000);
        let dom = Dom::parse(&html, 1_000_000);
        assert!(dom.depth() > 10_000);
    }
}
