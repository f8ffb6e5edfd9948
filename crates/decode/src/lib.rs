//! Byte decoding (placeholder being replaced by the real implementation).

/// How the bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8.
    Utf8,
}
impl Encoding {
    /// Name.
    pub fn name(self) -> &'static str {
        "utf-8"
    }
}
/// Decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// Text.
    pub text: String,
    /// Encoding.
    pub encoding: Encoding,
    /// Replaced count.
    pub replaced: usize,
}
/// Error.
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    /// Binary.
    #[error("binary")]
    Binary,
}
/// Decodes.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    Ok(Decoded {
        text: String::from_utf8_lossy(bytes).into_owned(),
        encoding: Encoding::Utf8,
        replaced: 0,
    })
}
