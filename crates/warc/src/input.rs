//! The archive as a stream of bytes: gzip detection, buffering and the byte offset of every
//! read, with line and block reads that never hold more than the caller allows.

use std::io::{self, BufRead, BufReader, Chain, Cursor, ErrorKind, Read};

use flate2::read::MultiGzDecoder;

/// The first two bytes of every gzip member.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// The bytes already looked at to detect gzip, put back in front of the rest.
type Prefixed<R> = Chain<Cursor<Vec<u8>>, R>;

/// The decompressed (or plain) archive.
enum Source<R: Read> {
    Plain(Prefixed<R>),
    /// All members one after the other, as `.warc.gz` files write one member per record.
    Gzip(MultiGzDecoder<Prefixed<R>>),
}

impl<R: Read> Read for Source<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Source::Plain(r) => r.read(buf),
            Source::Gzip(r) => r.read(buf),
        }
    }
}

/// What one line read found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    /// Bytes consumed, line ending included; 0 only at the end of the stream.
    pub(crate) len: u64,
    /// Whether the line was longer than the bytes kept.
    pub(crate) cut: bool,
}

/// The archive's bytes with the offset of the next unread one.
pub(crate) struct Input<R: Read> {
    inner: BufReader<Source<R>>,
    pos: u64,
    gzip: bool,
}

impl<R: Read> Input<R> {
    /// Opens `read`, looking at its first two bytes to tell a gzip stream from a plain one.
    pub(crate) fn open(mut read: R) -> io::Result<Self> {
        let mut magic = [0u8; 2];
        let mut got = 0;
        while got < magic.len() {
            match read.read(&mut magic[got..]) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        let gzip = got == magic.len() && magic == GZIP_MAGIC;
        let prefixed = Cursor::new(magic[..got].to_vec()).chain(read);
        let source = if gzip {
            Source::Gzip(MultiGzDecoder::new(prefixed))
        } else {
            Source::Plain(prefixed)
        };
        Ok(Input {
            inner: BufReader::with_capacity(64 * 1024, source),
            pos: 0,
            gzip,
        })
    }

    /// Offset of the next byte in the (decompressed) stream.
    pub(crate) fn pos(&self) -> u64 {
        self.pos
    }

    /// Whether the stream is gzip-compressed.
    pub(crate) fn is_gzip(&self) -> bool {
        self.gzip
    }

    /// The buffered bytes, refilled when empty; empty only at the end of the stream.
    fn fill(&mut self) -> io::Result<&[u8]> {
        loop {
            match self.inner.fill_buf() {
                Ok(_) => break,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        self.inner.consume(n);
        self.pos += n as u64;
    }

    /// Reads one line (up to and including `\n`, or to the end of the stream) and appends at
    /// most `keep` of its bytes to `out`; the rest of a longer line is consumed and dropped.
    pub(crate) fn read_line(&mut self, out: &mut Vec<u8>, keep: usize) -> io::Result<Line> {
        let mut line = Line { len: 0, cut: false };
        loop {
            let buf = self.fill()?;
            if buf.is_empty() {
                return Ok(line);
            }
            let (take, done) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            let room = keep.saturating_sub(out.len());
            let kept = take.min(room);
            out.extend_from_slice(&buf[..kept]);
            line.cut |= kept < take;
            line.len += take as u64;
            self.consume(take);
            if done {
                return Ok(line);
            }
        }
    }

    /// Appends up to `len` bytes to `out`, fewer only at the end of the stream; returns how many.
    pub(crate) fn read_block(&mut self, len: u64, out: &mut Vec<u8>) -> io::Result<u64> {
        self.transfer(len, Some(out))
    }

    /// Consumes up to `len` bytes without keeping them; returns how many.
    pub(crate) fn skip(&mut self, len: u64) -> io::Result<u64> {
        self.transfer(len, None)
    }

    fn transfer(&mut self, len: u64, mut out: Option<&mut Vec<u8>>) -> io::Result<u64> {
        let mut done = 0u64;
        while done < len {
            let buf = self.fill()?;
            if buf.is_empty() {
                break;
            }
            let take = usize::try_from(len - done).map_or(buf.len(), |left| left.min(buf.len()));
            if let Some(out) = out.as_deref_mut() {
                out.extend_from_slice(&buf[..take]);
            }
            self.consume(take);
            done += take as u64;
        }
        Ok(done)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn lines_are_cut_to_what_is_kept_but_consumed_whole() {
        let mut input = Input::open(&b"abcdef\nxy\nz"[..]).unwrap();
        let mut out = Vec::new();
        let line = input.read_line(&mut out, 3).unwrap();
        assert_eq!((line.len, line.cut, out.as_slice()), (7, true, &b"abc"[..]));
        out.clear();
        let line = input.read_line(&mut out, 3).unwrap();
        assert_eq!(
            (line.len, line.cut, out.as_slice()),
            (3, false, &b"xy\n"[..])
        );
        out.clear();
        let line = input.read_line(&mut out, 3).unwrap();
        assert_eq!((line.len, line.cut, out.as_slice()), (1, false, &b"z"[..]));
        assert_eq!(input.read_line(&mut out, 3).unwrap().len, 0);
        assert_eq!(input.pos(), 11);
    }

    #[test]
    fn blocks_stop_at_the_end_of_the_stream() {
        let mut input = Input::open(&b"0123456789"[..]).unwrap();
        let mut out = Vec::new();
        assert_eq!(input.read_block(4, &mut out).unwrap(), 4);
        assert_eq!(input.skip(3).unwrap(), 3);
        assert_eq!(input.read_block(u64::MAX, &mut out).unwrap(), 3);
        assert_eq!(out, b"0123789");
        assert!(!input.is_gzip());
    }

    #[test]
    fn one_byte_and_empty_inputs_are_plain() {
        let mut input = Input::open(&b"\x1f"[..]).unwrap();
        let mut out = Vec::new();
        assert_eq!(input.read_block(10, &mut out).unwrap(), 1);
        assert!(!input.is_gzip());
        let mut input = Input::open(&b""[..]).unwrap();
        assert_eq!(input.read_line(&mut out, 10).unwrap().len, 0);
    }
}
