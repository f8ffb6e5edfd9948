//! What class and id words say about an element: page furniture, article text, or neither.
//!
//! Words are the class and id split at anything that is not a letter or digit, lowercased.
//! Vietnamese sites often write their words joined ("tinlienquan", "box-binhluan"), so joined
//! Vietnamese markers are also looked for inside the words.

/// Words that mark page furniture wherever they appear.
const FURNITURE: &[&str] = &[
    "ad",
    "ads",
    "adsbygoogle",
    "advert",
    "breadcrumb",
    "breadcrumbs",
    "author",
    "byline",
    "caption",
    "comment",
    "comments",
    "commentlist",
    "consent",
    "copyright",
    "cookie",
    "credit",
    "credits",
    "date",
    "dateline",
    "cookies",
    "disqus",
    "dnone",
    "hidden",
    "meta",
    "newsletter",
    "outbrain",
    "recommend",
    "recommended",
    "recommendations",
    "related",
    "relatedposts",
    "share",
    "sharebar",
    "sharing",
    "social",
    "socials",
    "sronly",
    "subscribe",
    "subscription",
    "taboola",
    "time",
    "timestamp",
];

/// Words that mark furniture unless the element also carries an article word.
const FURNITURE_WEAK: &[&str] = &[
    "advertisement",
    "advertising",
    "banner",
    "footer",
    "login",
    "masthead",
    "megamenu",
    "menu",
    "mostread",
    "nav",
    "navbar",
    "navigation",
    "pagination",
    "pager",
    "popular",
    "popup",
    "promo",
    "sidebar",
    "signup",
    "skip",
    "sponsor",
    "sponsored",
    "submenu",
    "tags",
    "toolbar",
    "trending",
    "widget",
];

/// Joined markers of Vietnamese sites, looked for inside words.
const FURNITURE_JOINED: &[&str] = &[
    "binhluan",
    "chiase",
    "cungchuyenmuc",
    "docnhieu",
    "docthem",
    "lienquan",
    "tinkhac",
    "tinmoi",
    "xemnhieu",
    "xemthem",
];

/// Words of layout wrappers, which may hold the article as well as its furniture.
const WRAPPER: &[&str] = &[
    "wrap",
    "wrapper",
    "container",
    "layout",
    "row",
    "holder",
    "inner",
    "outer",
    "site",
    "page",
    "col",
    "grid",
];

/// Words that mark the article's own text.
const ARTICLE: &[&str] = &[
    "article",
    "articlebody",
    "body",
    "chitiet",
    "content",
    "detail",
    "entry",
    "main",
    "noidung",
    "post",
    "story",
    "text",
    "blog",
    "fck",
];

/// Words of a lead paragraph set apart from the body.
const LEAD: &[&str] = &[
    "sapo",
    "chapo",
    "lede",
    "abstract",
    "lead",
    "chapeau",
    "standfirst",
    "intro",
    "summary",
    "description",
    "desc",
    "excerpt",
    "dek",
];

fn words<'a>(class: &'a str, ident: &'a str) -> impl Iterator<Item = String> + 'a {
    class
        .split(|c: char| !c.is_ascii_alphanumeric())
        .chain(ident.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
}

/// Whether class `class` and id `ident` mark page furniture. On an inline element, words of
/// dates and times describe part of a sentence (the time of a live-blog entry) and do not count.
pub(crate) fn furniture(class: &str, ident: &str, inline: bool) -> bool {
    let (mut strong, mut weak, mut article) = (false, false, false);
    for w in words(class, ident) {
        let w = w.as_str();
        if WRAPPER.contains(&w) {
            return false;
        }
        let timing = matches!(w, "date" | "dateline" | "time" | "timestamp");
        strong = strong
            || (FURNITURE.contains(&w) && !(inline && timing))
            || FURNITURE_JOINED.iter().any(|j| w.contains(j));
        weak = weak || FURNITURE_WEAK.contains(&w);
        article = article || ARTICLE.iter().any(|a| w.starts_with(a));
    }
    if strong || (weak && !article) {
        return true;
    }
    // Screen-reader-only and hidden helpers written with separators.
    let joined = joined(class);
    joined.contains("screenreader")
        || joined.contains("visuallyhidden")
        || joined.contains("sronly")
}

/// A weight for a candidate container: positive for article words, negative for furniture.
pub(crate) fn weight(class: &str, ident: &str) -> f32 {
    let mut w = 0.0;
    let mut pos = false;
    let mut neg = false;
    for word in words(class, ident) {
        if !pos && ARTICLE.iter().any(|a| word.starts_with(a)) {
            pos = true;
        }
        if !neg
            && (FURNITURE.contains(&word.as_str())
                || FURNITURE_WEAK.contains(&word.as_str())
                || matches!(word.as_str(), "meta" | "aside" | "footnote" | "foot"))
        {
            neg = true;
        }
    }
    if pos {
        w += 15.0;
    }
    if neg {
        w -= 15.0;
    }
    w
}

/// Whether class and id mark a byline.
pub(crate) fn byline(class: &str, ident: &str) -> bool {
    words(class, ident).any(|w| {
        matches!(
            w.as_str(),
            "author" | "byline" | "writer" | "reporter" | "tacgia" | "authorname"
        )
    }) || joined(class).contains("tacgia")
}

/// Whether class and id mark a date line.
pub(crate) fn dateline(class: &str, ident: &str) -> bool {
    words(class, ident).any(|w| {
        w.contains("date")
            || w.starts_with("time")
            || w.ends_with("time")
            || matches!(
                w.as_str(),
                "published" | "publish" | "posted" | "ngay" | "thoigian"
            )
    })
}

/// Whether class and id mark a comment thread.
pub(crate) fn comments(class: &str, ident: &str) -> bool {
    words(class, ident).any(|w| w.starts_with("comment") || w.contains("binhluan"))
}

fn joined(class: &str) -> String {
    class
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .flat_map(|c| c.to_lowercase())
        .collect()
}

/// Whether class and id mark a lead paragraph.
pub(crate) fn lead(class: &str, ident: &str) -> bool {
    words(class, ident).any(|w| LEAD.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block_furniture(class: &str, ident: &str) -> bool {
        furniture(class, ident, false)
    }

    #[test]
    fn furniture_words_are_recognised() {
        assert!(block_furniture("box-tinlienquan", ""));
        assert!(block_furniture("post-comments", ""));
        assert!(block_furniture("", "top-nav"));
        assert!(!block_furniture("main-nav article-body", ""));
        assert!(block_furniture("time", ""));
        assert!(!furniture("live-time", "", true));
        assert!(block_furniture("sr-only", ""));
        assert!(block_furniture("social share-buttons", ""));
        assert!(!block_furniture("article-body", "content"));
        assert!(!block_furniture("content-sidebar-wrap", ""));
        assert!(!block_furniture("header", ""));
        assert!(!block_furniture("headline", ""));
    }

    #[test]
    fn weights_follow_the_words() {
        assert!(weight("article-content", "") > 0.0);
        assert!(weight("sidebar", "") < 0.0);
        assert_eq!(weight("x9k", "c-1"), 0.0);
    }

    #[test]
    fn lead_words() {
        assert!(lead("sapo", ""));
        assert!(lead("article__lead", ""));
        assert!(!lead("leader", ""));
    }
}
