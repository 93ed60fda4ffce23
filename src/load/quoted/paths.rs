//! The walk behind `quoted`: a `serde::Serializer` that records where numbers stand.
//!
//! In: a `Raw*` value. Out: the keys of its number fields, whether a list holds numbers, and
//! (when asked) the field path of every number. Numbers are the values serialized as a newtype
//! named [`NUMBER`]; everything else is walked through or skipped.

use std::collections::BTreeSet;

use serde::Serialize;
use serde::ser::{self, Impossible};

use crate::model::money::NUMBER;

/// Walks a value by its `Serialize`: the keys of its number fields and whether a list holds
/// numbers; with `full`, the field path of every number (`goals[0].weight`).
#[derive(Default)]
pub(super) struct Paths {
    full: bool,
    /// The path to the value being walked (`goals[0].weight`), kept only when `full`.
    path: String,
    /// The last segment walked into: a key, or `None` for a list item.
    last: Option<&'static str>,
    /// The next index of each open list.
    items: Vec<usize>,
    pub(super) keys: BTreeSet<&'static str>,
    pub(super) in_lists: bool,
    pub(super) numbers: BTreeSet<String>,
}

impl Paths {
    /// A walk that also records the path of every number.
    pub(super) fn full() -> Paths {
        Paths {
            full: true,
            ..Paths::default()
        }
    }

    /// Walks `value` at `path` + `segment`, then restores the path.
    fn at<T: Serialize + ?Sized>(&mut self, segment: Segment, value: &T) -> Result<(), Stop> {
        let len = self.path.len();
        let last = self.last;
        match segment {
            Segment::Key(k) => {
                self.last = Some(k);
                if self.full {
                    if len > 0 {
                        self.path.push('.');
                    }
                    self.path.push_str(k);
                }
            }
            Segment::Item(i) => {
                self.last = None;
                if self.full {
                    self.path.push('[');
                    self.path.push_str(&i.to_string());
                    self.path.push(']');
                }
            }
        }
        let result = value.serialize(&mut *self);
        self.path.truncate(len);
        self.last = last;
        result
    }

    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        let i = self.items.last().copied().unwrap_or(0);
        if let Some(next) = self.items.last_mut() {
            *next += 1;
        }
        self.at(Segment::Item(i), value)
    }

    /// A number at the current path.
    fn number(&mut self) {
        match self.last {
            Some(key) => {
                self.keys.insert(key);
            }
            None => self.in_lists = true,
        }
        if self.full {
            self.numbers.insert(self.path.clone());
        }
    }
}

enum Segment {
    Key(&'static str),
    Item(usize),
}

/// Ends a walk (a shape the file format never has, such as a map).
#[derive(Debug)]
pub(super) struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a shape of the file format")
    }
}

impl std::error::Error for Stop {}

impl ser::Error for Stop {
    fn custom<M: std::fmt::Display>(_: M) -> Stop {
        Stop
    }
}

/// Leaves that are not numbers.
macro_rules! leaves {
    ($($f:ident: $t:ty),*) => {
        $(fn $f(self, _: $t) -> Result<(), Stop> { Ok(()) })*
    };
}

impl ser::Serializer for &mut Paths {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Impossible<(), Stop>;
    type SerializeMap = Impossible<(), Stop>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), Stop>;

    leaves!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_f32: f32, serialize_f64: f64, serialize_char: char,
        serialize_str: &str, serialize_bytes: &[u8], serialize_unit_struct: &'static str);

    fn serialize_none(self) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        if name == NUMBER {
            self.number();
            return Ok(());
        }
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Stop> {
        self.items.push(0);
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, Stop> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Self, Stop> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Stop> {
        Err(Stop)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Stop> {
        Err(Stop)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Stop> {
        Err(Stop)
    }
}

impl ser::SerializeSeq for &mut Paths {
    type Ok = ();
    type Error = Stop;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        self.item(value)
    }
    fn end(self) -> Result<(), Stop> {
        self.items.pop();
        Ok(())
    }
}

impl ser::SerializeTuple for &mut Paths {
    type Ok = ();
    type Error = Stop;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        self.item(value)
    }
    fn end(self) -> Result<(), Stop> {
        self.items.pop();
        Ok(())
    }
}

impl ser::SerializeTupleStruct for &mut Paths {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        self.item(value)
    }
    fn end(self) -> Result<(), Stop> {
        self.items.pop();
        Ok(())
    }
}

impl ser::SerializeStruct for &mut Paths {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        self.at(Segment::Key(key), value)
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}
