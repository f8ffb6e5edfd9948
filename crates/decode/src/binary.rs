//! Telling binary data from text.
//!
//! Text has no NUL bytes (UTF-16 aside, see `utf16`) and few C0 control bytes besides tab, line
//! feed, carriage return and form feed. A stray control byte or two in a long article is
//! tolerated: the input is refused only when control bytes are both several and frequent.

use crate::{BinaryKind, DecodeError};

/// Fewest control bytes that make an input binary.
const MIN_CONTROLS: usize = 4;

/// An input is binary when more than one byte (or UTF-16 unit) in this many is a control.
const CONTROL_RATIO: usize = 16;

/// Whether `unit` (a byte or a UTF-16 code unit) is a control that text does not contain.
fn is_control(unit: u16) -> bool {
    unit < 0x20 && !matches!(unit, 0x09 | 0x0A | 0x0C | 0x0D)
}

/// Whether `controls` control units among `total` units make binary data.
fn too_many(controls: usize, total: usize) -> bool {
    controls >= MIN_CONTROLS && controls.saturating_mul(CONTROL_RATIO) > total
}

/// Refuses bytes (starting at byte `base` of the input) that hold a NUL byte or a high share of
/// control bytes.
pub(crate) fn check_bytes(bytes: &[u8], base: usize) -> Result<(), DecodeError> {
    if let Some(nul) = memchr::memchr(0, bytes) {
        return Err(DecodeError::Binary {
            offset: base + nul,
            kind: BinaryKind::Nul,
        });
    }
    check_controls(bytes).map_err(|e| match e {
        DecodeError::Binary { offset, kind } => DecodeError::Binary {
            offset: base + offset,
            kind,
        },
    })
}

/// Refuses bytes with a high share of control bytes.
pub(crate) fn check_controls(bytes: &[u8]) -> Result<(), DecodeError> {
    // Summed over blocks of bytes in a small integer, which the compiler vectorizes.
    let controls: usize = bytes
        .chunks(128)
        .map(|block| {
            let n: u8 = block
                .iter()
                .map(|&b| u8::from(is_control(u16::from(b))))
                .sum();
            usize::from(n)
        })
        .sum();
    if !too_many(controls, bytes.len()) {
        return Ok(());
    }
    let offset = bytes
        .iter()
        .position(|&b| is_control(u16::from(b)))
        .unwrap_or(0);
    Err(DecodeError::Binary {
        offset,
        kind: BinaryKind::Controls,
    })
}

/// Refuses UTF-16 data (`little` endian or not, starting at byte `base` of the input) that holds
/// NUL characters or a high share of control characters.
pub(crate) fn check_utf16(bytes: &[u8], little: bool, base: usize) -> Result<(), DecodeError> {
    let units = bytes.chunks_exact(2).map(|pair| match pair {
        [a, b] if little => u16::from_le_bytes([*a, *b]),
        [a, b] => u16::from_be_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    let mut controls = 0;
    let mut first = None;
    for (i, unit) in units.enumerate() {
        let offset = base + 2 * i;
        if unit == 0 {
            return Err(DecodeError::Binary {
                offset,
                kind: BinaryKind::Nul,
            });
        }
        if is_control(unit) {
            controls += 1;
            first.get_or_insert(offset);
        }
    }
    if too_many(controls, bytes.len() / 2) {
        return Err(DecodeError::Binary {
            offset: first.unwrap_or(base),
            kind: BinaryKind::Controls,
        });
    }
    Ok(())
}
