//! Vietnamese normalization (placeholder being replaced by the real implementation).

/// Maps offsets in normalized text back to the original.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OffsetMap {
    origin: Vec<usize>,
}

impl OffsetMap {
    /// Maps a half-open byte span of the normalized text to the original text.
    pub fn span_to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let get = |i: usize| self.origin.get(i).copied().unwrap_or(i);
        (get(start), get(end))
    }
}

/// Normalized text with a map back to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// Offsets back to the original.
    pub map: OffsetMap,
}

/// Normalizes.
pub fn normalize(input: &str) -> Normalized {
    Normalized {
        text: input.to_string(),
        map: OffsetMap {
            origin: (0..=input.len()).collect(),
        },
    }
}

/// Folds case and diacritics.
pub fn fold(input: &str) -> String {
    input.chars().map(fold_char).collect()
}

/// Folds one char.
pub fn fold_char(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}
