use std::time::Instant;
use unicode_normalization::UnicodeNormalization;
fn rate(bytes: &[u8], f: impl Fn(&[u8]) -> usize) -> f64 {
    let mut n = 0;
    let t = Instant::now();
    let mut it = 0;
    while t.elapsed().as_secs_f64() < 1.0 {
        n += f(bytes);
        it += 1;
    }
    std::hint::black_box(n);
    it as f64 * bytes.len() as f64 / t.elapsed().as_secs_f64() / 1e6
}
fn main() {
    let vi = "Việt Nam là một quốc gia nằm ở phía đông bán đảo Đông Dương. Thủ đô là Hà Nội, thành phố lớn nhất là Thành phố Hồ Chí Minh. “CHÂU ÂU” – 100€.\n";
    let text = vi.repeat(100_000);
    let moj = encoding_rs::WINDOWS_1252
        .decode(text.as_bytes())
        .0
        .into_owned();
    let en = "The quick brown fox jumps over the lazy dog, again and again.\n".repeat(250_000);
    let mut legacy = String::new();
    for c in text.chars() {
        let (marks, tones): (Vec<char>, Vec<char>) = c.to_string().nfd().partition(|&m| {
            !matches!(m, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')
        });
        legacy.extend(marks.into_iter().nfc());
        legacy.extend(tones);
    }
    let (cp, _, _) = encoding_rs::WINDOWS_1258.encode(&legacy);
    for (name, bytes) in [
        ("ascii", en.as_bytes()),
        ("vi-utf8", text.as_bytes()),
        ("mojibake", moj.as_bytes()),
        ("cp1258", &cp[..]),
    ] {
        let d = rate(bytes, |b| {
            biennien_decode::decode(b)
                .map(|d| d.text.len())
                .unwrap_or(0)
        });
        let base = rate(bytes, |b| {
            std::str::from_utf8(b)
                .map(|s| s.to_owned().len())
                .unwrap_or(0)
        });
        println!("{name}: decode {d:.0} MB/s, baseline from_utf8+copy {base:.0} MB/s");
    }
}
