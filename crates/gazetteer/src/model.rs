//! The records of the gazetteer, one type per data file.

use crate::date::PartialDate;

/// A country or territory (`countries.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code (`VN`, `PE`).
    pub code: &'static str,
    /// Every name in use in Vietnamese news; the first is the canonical Vietnamese name.
    pub names: Vec<&'static str>,
    /// Names of the capital, canonical first; empty for the few without one.
    pub capital: Vec<&'static str>,
    /// The names that are also ordinary words or personal names (`Anh`, `Mỹ`, `Đức`): trust
    /// them as the country only in a country context.
    pub ambiguous_names: Vec<&'static str>,
}

impl Country {
    /// The canonical Vietnamese name.
    pub fn name(&self) -> &'static str {
        self.names.first().copied().unwrap_or(self.code)
    }

    /// Whether `name` (exactly as listed) is one of the ambiguous names.
    pub fn is_ambiguous_name(&self, name: &str) -> bool {
        self.ambiguous_names.contains(&name)
    }
}

/// What kind of place a [`Place`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// The capital of its country.
    Capital,
    /// Any other city or town.
    City,
    /// A province, state, region, island, sea or continent.
    Region,
    /// A building or venue (`Nhà Trắng`, `Điện Kremlin`, `Phủ Chủ tịch`).
    Site,
}

impl PlaceKind {
    pub(crate) fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "capital" => Self::Capital,
            "city" => Self::City,
            "region" => Self::Region,
            "site" => Self::Site,
            _ => return None,
        })
    }
}

/// A city, region or site (`places.tsv`, plus every capital of `countries.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Names, canonical first.
    pub names: Vec<&'static str>,
    /// The country code; `None` for places of no single country (`Biển Đông`, `châu Âu`).
    pub country: Option<&'static str>,
    /// What kind of place it is.
    pub kind: PlaceKind,
    /// The larger place it lies in: the city of a site, or the province a Vietnamese province
    /// was merged into on 2025-07-01.
    pub part_of: Option<&'static str>,
}

impl Place {
    /// The canonical name.
    pub fn name(&self) -> &'static str {
        self.names.first().copied().unwrap_or_default()
    }
}

/// What kind of body an [`Organization`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrganizationKind {
    /// The United Nations, its organs, agencies, funds and programmes.
    Un,
    /// A regional organization (`ASEAN`, `EU`, `Liên minh châu Phi`).
    Regional,
    /// A grouping of states without a standing body (`G20`, `BRICS`, `Quad`).
    Grouping,
    /// A recurring forum or meeting series (`APEC`, `WEF`, `Đối thoại Shangri-La`).
    Forum,
    /// A development or central bank.
    Bank,
    /// A political party.
    Party,
    /// A treaty or trade agreement (`CPTPP`, `RCEP`, `EVFTA`).
    Agreement,
    /// Anything else (national agencies, the Red Cross, the Mặt trận Tổ quốc).
    Other,
}

impl OrganizationKind {
    pub(crate) fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "un" => Self::Un,
            "regional" => Self::Regional,
            "grouping" => Self::Grouping,
            "forum" => Self::Forum,
            "bank" => Self::Bank,
            "party" => Self::Party,
            "agreement" => Self::Agreement,
            "other" => Self::Other,
            _ => return None,
        })
    }
}

/// An international organization, grouping, agreement or party (`organizations.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organization {
    /// A stable lowercase identifier (`un`, `asean`, `cpv`).
    pub id: &'static str,
    /// Names and abbreviations, canonical Vietnamese name first.
    pub names: Vec<&'static str>,
    /// What kind of body it is.
    pub kind: OrganizationKind,
    /// The country of a party or national agency; `None` for international bodies.
    pub country: Option<&'static str>,
}

impl Organization {
    /// The canonical name.
    pub fn name(&self) -> &'static str {
        self.names.first().copied().unwrap_or(self.id)
    }
}

/// The branch of power a [`Title`] belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TitleKind {
    /// Head of state and the state apparatus.
    State,
    /// Government: ministers, governors, mayors, provincial executives.
    Government,
    /// A party office.
    Party,
    /// A legislature.
    Legislature,
    /// The diplomatic and consular service.
    Diplomat,
    /// The armed forces, ranks and commands.
    Military,
    /// Monarchs and royal families.
    Royal,
    /// Offices of international organizations.
    Org,
    /// Anything else (judges, prosecutors, spokespersons, envoys).
    Other,
}

impl TitleKind {
    pub(crate) fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "state" => Self::State,
            "government" => Self::Government,
            "party" => Self::Party,
            "legislature" => Self::Legislature,
            "diplomat" => Self::Diplomat,
            "military" => Self::Military,
            "royal" => Self::Royal,
            "org" => Self::Org,
            "other" => Self::Other,
            _ => return None,
        })
    }
}

/// An office as Vietnamese news names it (`titles.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// The ways it is written, most usual first.
    pub forms: Vec<&'static str>,
    /// The normalized role label (shared by every form, and by synonymous rows).
    pub role: &'static str,
    /// 1 head of state, party or government; 2 their deputies, heads of legislatures and of
    /// major international bodies; 3 ministers and top party officials; 4 deputy ministers,
    /// ambassadors, generals, provincial leaders; 5 other officials.
    pub rank: u8,
    /// The branch of power.
    pub kind: TitleKind,
    /// Whether a foreign holder is usually named with the country (`Tổng thống Peru`).
    pub requires_country: bool,
}

/// What a word of address or honour before a name is (`honorifics.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HonorificKind {
    /// Courtesy address (`ông`, `bà`, `ngài`, `đồng chí`).
    Courtesy,
    /// Academic degree or rank (`Tiến sĩ`, `GS.TS`).
    Academic,
    /// State honour title (`Anh hùng Lao động`, `NSND`).
    Merit,
    /// Royal or noble style (`Samdech`, `Hoàng thân`, `Sheikh`).
    Royal,
    /// Military rank below general (`Đại tá`).
    Military,
    /// Religious style (`Hòa thượng`, `Đức cha`).
    Religious,
}

impl HonorificKind {
    pub(crate) fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "courtesy" => Self::Courtesy,
            "academic" => Self::Academic,
            "merit" => Self::Merit,
            "royal" => Self::Royal,
            "military" => Self::Military,
            "religious" => Self::Religious,
            _ => return None,
        })
    }
}

/// A word of address or honour that precedes a name and is not part of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Honorific {
    /// The ways it is written.
    pub forms: Vec<&'static str>,
    /// What kind of honorific it is.
    pub kind: HonorificKind,
}

/// One term of one person in one office (`officeholders.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeHolder {
    /// The canonical name, as the Vietnamese press writes it.
    pub name: &'static str,
    /// Other spellings, orders and initials of the name, merged over all the person's rows.
    pub aliases: Vec<&'static str>,
    /// The country the person acts for; `None` for officials of international organizations.
    pub country: Option<&'static str>,
    /// The organization of the office (`un`, `asean`, `cpv`), when it is one's.
    pub org: Option<&'static str>,
    /// The role label, one of those of `titles.tsv`.
    pub role: &'static str,
    /// When the term began.
    pub from: PartialDate,
    /// When it ended; `None` while it lasts.
    pub to: Option<PartialDate>,
    /// A remark (`acting`).
    pub note: Option<&'static str>,
}

impl OfficeHolder {
    /// Whether the term covers any day of `date`.
    pub fn covers(&self, date: PartialDate) -> bool {
        self.overlap_days(date) > 0
    }

    /// How many days of `date` the term covers.
    pub(crate) fn overlap_days(&self, date: PartialDate) -> i64 {
        let start = self.from.first_day().max(date.first_day());
        let end = self
            .to
            .map_or(i64::MAX, |t| t.last_day())
            .min(date.last_day());
        if end < start {
            0
        } else {
            end - start + 1
        }
    }
}
