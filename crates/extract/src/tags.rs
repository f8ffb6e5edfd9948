//! Reference-data tags over a text: countries, places, organizations, titles and honorifics,
//! with byte offsets. The gazetteer finds them; this module reduces them to what the
//! extraction needs.

use biennien_gazetteer::{gazetteer, Entry};
use biennien_text::fold;

/// What a tagged stretch of text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagKind {
    /// A country or territory, by ISO code; `ambiguous` when the name is also a common word.
    Country {
        /// ISO 3166-1 alpha-2 code.
        code: String,
        /// The name is also an ordinary word or given name ("Anh", "Mỹ").
        ambiguous: bool,
    },
    /// A city or region, with its country.
    Place {
        /// Canonical name.
        name: String,
        /// ISO code of its country.
        country: String,
    },
    /// A region of no one country ("Thái Bình Dương", "Trung Đông"): no name, no country.
    Region,
    /// An international organization or a party; `country` for a national party.
    Organization {
        /// ISO code of the organization's country, if national.
        country: Option<String>,
    },
    /// An office or title ("Thủ tướng", "Đại sứ").
    Title {
        /// The role label.
        role: String,
        /// The office exists in Vietnam's state under this exact name ("Chủ tịch nước").
        vietnamese: bool,
    },
    /// A form of address before a name ("ông", "bà", "Ngài").
    Honorific,
}

/// A tag with its span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// Byte offset of its start.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// What it is.
    pub kind: TagKind,
}

/// The items of `items` (sorted by start) that start in `[start, end)`, found by binary search.
pub(crate) fn starting_in<T>(
    items: &[T],
    start: usize,
    end: usize,
    at: impl Fn(&T) -> usize,
) -> &[T] {
    let lo = items.partition_point(|x| at(x) < start);
    let hi = items.partition_point(|x| at(x) < end).max(lo);
    &items[lo..hi]
}

/// All tags of `text`, in text order, not overlapping.
pub fn tag(text: &str) -> Vec<Tag> {
    tag_hits(gazetteer().scan(text))
}

/// [`tag`] of `text`, given `folded`, its fold ([`crate::mapped::Mapped::fold`]), which the
/// gazetteer scan then does not make again.
pub fn tag_folded(text: &str, folded: &crate::mapped::Mapped) -> Vec<Tag> {
    tag_hits(gazetteer().scan_folded(text, folded.text(), folded.map()))
}

fn tag_hits(hits: Vec<biennien_gazetteer::Hit<'_>>) -> Vec<Tag> {
    // An article names few offices, most of them many times: each is folded once.
    let mut offices: Vec<(&'static str, bool)> = Vec::new();
    let mut tags = hits
        .into_iter()
        .filter_map(|h| {
            let kind = match h.entry {
                Entry::Country { country, ambiguous } => TagKind::Country {
                    code: country.code.to_string(),
                    ambiguous,
                },
                Entry::Place(p) => match p.country {
                    Some(country) => TagKind::Place {
                        name: p.name().to_string(),
                        country: country.to_string(),
                    },
                    None => TagKind::Region,
                },
                Entry::Organization(o) => TagKind::Organization {
                    country: o.country.map(str::to_string),
                },
                Entry::Title(t) => TagKind::Title {
                    role: t.role.to_string(),
                    vietnamese: known_office(&mut offices, t.role),
                },
                Entry::Honorific(_) => TagKind::Honorific,
                // Known persons are read by the name recognizer, which sees their names.
                Entry::Person(_) => return None,
            };
            Some(Tag {
                start: h.start,
                end: h.end,
                kind,
            })
        })
        .collect::<Vec<Tag>>();
    tags.sort_by_key(|t| t.start);
    tags
}

/// [`vietnamese_office`] of `role`, looked up in `known` (the roles met so far) before it is
/// worked out.
fn known_office(known: &mut Vec<(&'static str, bool)>, role: &'static str) -> bool {
    if let Some(&(_, v)) = known.iter().find(|(r, _)| *r == role) {
        return v;
    }
    let v = vietnamese_office(role);
    known.push((role, v));
    v
}

/// Offices that, without a country after them, are Vietnam's.
fn vietnamese_office(role: &str) -> bool {
    matches!(
        fold(role).as_str(),
        "chu tich nuoc"
            | "pho chu tich nuoc"
            | "tong bi thu"
            | "thuong truc ban bi thu"
            | "uy vien bo chinh tri"
            | "bi thu trung uong dang"
            | "chu tich quoc hoi"
            | "pho chu tich quoc hoi"
            | "pho thu tuong"
            | "thu tuong"
            | "bo truong ngoai giao"
            | "thu truong ngoai giao"
            | "bo truong"
            | "thu truong"
            | "truong ban doi ngoai trung uong"
            | "bi thu thanh uy"
            | "chu tich ubnd"
            | "chu tich uy ban nhan dan"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_offices_are_worked_out_offices() {
        let roles = [
            "Thủ tướng",
            "Chủ tịch nước",
            "Đại sứ",
            "Thủ tướng",
            "THỦ TƯỚNG",
            "Bộ trưởng Ngoại giao",
            "Đại sứ",
            "Tổng thống",
            "Chủ tịch UBND",
            "Chủ tịch nước",
            "",
        ];
        let mut known = Vec::new();
        for role in roles {
            assert_eq!(
                known_office(&mut known, role),
                vietnamese_office(role),
                "{role:?}"
            );
        }
        assert!(vietnamese_office("Thủ tướng") && !vietnamese_office("Đại sứ"));
        assert_eq!(known.len(), 8);
    }
}
