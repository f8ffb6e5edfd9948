//! The charset a page declares in its markup: `<meta charset>` or
//! `<meta http-equiv="Content-Type" content="…; charset=…">`, looked for in the first bytes of
//! the page as browsers do, before the page is decoded.

/// How far into the page the declaration is looked for (browsers look at the first 1024 bytes;
/// pages with long heads put it later, so a little more is read).
const PRESCAN_BYTES: usize = 4096;

/// The charset label the page declares, lowercased, if any.
pub fn declared(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let mut at = 0;
    while let Some(off) = memchr::memchr(b'<', &head[at..]) {
        let start = at + off;
        let rest = &head[start + 1..];
        if rest.len() >= 4 && rest[..4].eq_ignore_ascii_case(b"meta") {
            let end = memchr::memchr(b'>', rest).map_or(rest.len(), |e| e);
            if let Some(label) = from_meta(&rest[4..end]) {
                return Some(label);
            }
            at = start + 1 + end;
        } else {
            at = start + 1;
        }
    }
    None
}

/// The charset of one `<meta …>` tag's attribute text.
fn from_meta(attrs: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(attrs).to_ascii_lowercase();
    let at = text.find("charset")?;
    let after = text[at + "charset".len()..].trim_start();
    let after = after.strip_prefix('=')?.trim_start();
    let label: String = after
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!label.is_empty()).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_both_forms_of_declaration() {
        assert_eq!(
            declared(b"<html><head><META CHARSET='Windows-1258'>").as_deref(),
            Some("windows-1258")
        );
        assert_eq!(
            declared(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\">"
            )
            .as_deref(),
            Some("windows-1258")
        );
        assert_eq!(
            declared(b"<meta name=description content=x><meta charset=utf-8>").as_deref(),
            Some("utf-8")
        );
    }

    #[test]
    fn no_declaration_is_none() {
        assert_eq!(declared(b"<html><meta name=x content=y>"), None);
        assert_eq!(declared(b"<meta charset=>"), None);
        assert_eq!(declared(b"<met"), None);
        assert_eq!(declared(b""), None);
    }
}
