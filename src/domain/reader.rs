//! Reading JSON one value at a time, for a file that is cut short or read in steps.
//!
//! The reader works on bytes: serde_json checks that each string it reads is UTF-8, so a file is
//! not checked whole before its first event is read.

use serde::Deserialize;

/// A position in JSON text.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    /// The next byte that is not JSON white space, without moving past it.
    pub(super) fn peek(&mut self) -> Option<u8> {
        let bytes = self.bytes;
        while matches!(bytes.get(self.pos)?, b' ' | b'\t' | b'\n' | b'\r') {
            self.pos += 1;
        }
        bytes.get(self.pos).copied()
    }

    /// Whether only white space is left.
    pub(super) fn at_end(&mut self) -> bool {
        self.peek().is_none()
    }

    /// The next byte that is not white space.
    pub(super) fn next_byte(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.pos += 1;
        Some(byte)
    }

    pub(super) fn expect(&mut self, byte: u8) -> Option<()> {
        (self.next_byte()? == byte).then_some(())
    }

    /// The JSON value that starts here; `None` if it is invalid (a string that is not UTF-8
    /// included) or cut short.
    pub(super) fn value<T: Deserialize<'a>>(&mut self) -> Option<T> {
        self.peek()?;
        let mut stream =
            serde_json::Deserializer::from_slice(&self.bytes[self.pos..]).into_iter::<T>();
        let value = stream.next()?.ok()?;
        self.pos += stream.byte_offset();
        Some(value)
    }
}
