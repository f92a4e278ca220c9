//! Typed reading of the tree: a serde `Deserializer` over `Node`, so the
//! kinds' structs derive their reading, and every error comes back typed
//! (`Typed`) with the place of the node where it arose and the path to it.

use std::fmt;

use serde::de::{self, DeserializeSeed, Visitor};

use super::error::{Found, Pos, Shape, Typed};
use super::tree::{Node, Value, is_null_text};

/// An error of the typed reading, as serde carries it.
#[derive(Debug, Clone, PartialEq)]
pub struct DeError {
    pub error: Typed,
    /// Innermost last, once the error has come all the way up.
    pub path: Vec<String>,
    pub pos: Option<Pos>,
    /// The index, in the document's mapping, of the entry the error is in.
    pub top_entry: Option<usize>,
}

impl DeError {
    fn new(error: Typed) -> DeError {
        DeError {
            error,
            path: Vec::new(),
            pos: None,
            top_entry: None,
        }
    }

    fn at(mut self, pos: Pos) -> DeError {
        self.pos.get_or_insert(pos);
        self
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.error)
    }
}

impl std::error::Error for DeError {}

fn shape(exp: &dyn de::Expected) -> Shape {
    let s = exp.to_string();
    if s.contains("sequence") {
        Shape::List
    } else if s.contains("string") || s.contains("identifier") || s.contains("char") {
        Shape::Text
    } else if s.contains("struct") || s.contains("map") {
        Shape::Mapping
    } else if s.contains("bool") {
        Shape::Bool
    } else if (s.starts_with('u') || s.starts_with('i') || s.starts_with('f')) && !s.contains(' ') {
        // serde names its number types `u16`, `i64`, `f64`; our own types'
        // words (`expecting`) have spaces, in any language.
        Shape::Number
    } else {
        Shape::Described(s)
    }
}

fn found(u: de::Unexpected<'_>) -> Found {
    use de::Unexpected as U;
    match u {
        U::Str(s) => Found::Text(s.to_string()),
        U::Bool(b) => Found::Bool(b),
        U::Unsigned(n) => Found::Number(n.to_string()),
        U::Signed(n) => Found::Number(n.to_string()),
        U::Float(n) => Found::Number(n.to_string()),
        U::Unit | U::Option => Found::Nothing,
        U::Seq => Found::List,
        U::Map => Found::Mapping,
        other => Found::Other(other.to_string()),
    }
}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> DeError {
        let msg = msg.to_string();
        let (message, help) = match msg.split_once('\u{1}') {
            Some((m, h)) => (m.to_string(), Some(h.to_string())),
            None => (msg, None),
        };
        DeError::new(Typed::Custom { message, help })
    }
    fn invalid_type(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> DeError {
        DeError::new(Typed::WrongType {
            found: found(unexp),
            expected: shape(exp),
        })
    }
    fn invalid_value(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> DeError {
        DeError::new(Typed::InvalidValue {
            found: found(unexp),
            expected: shape(exp),
        })
    }
    fn unknown_field(field: &str, expected: &'static [&'static str]) -> DeError {
        DeError::new(Typed::UnknownField {
            name: field.to_string(),
            expected,
        })
    }
    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> DeError {
        DeError::new(Typed::UnknownVariant {
            value: variant.to_string(),
            expected,
        })
    }
    fn missing_field(field: &'static str) -> DeError {
        DeError::new(Typed::MissingField { name: field })
    }
}

/// A node to read; `top` when it is the document itself.
pub struct NodeDe<'a> {
    pub node: &'a Node,
    pub top: bool,
}

impl<'a> NodeDe<'a> {
    pub fn new(node: &'a Node) -> NodeDe<'a> {
        NodeDe { node, top: true }
    }

    fn child(node: &'a Node) -> NodeDe<'a> {
        NodeDe { node, top: false }
    }

    fn unexpected(&self) -> de::Unexpected<'a> {
        match &self.node.value {
            Value::Scalar { text, plain: true } if is_null_text(text) => de::Unexpected::Unit,
            Value::Scalar { text, plain: true } if plain_bool(text).is_some() => {
                de::Unexpected::Bool(plain_bool(text).unwrap_or_default())
            }
            Value::Scalar { text, plain: true } if text.parse::<i64>().is_ok() => {
                de::Unexpected::Signed(text.parse().unwrap_or_default())
            }
            Value::Scalar { text, .. } => de::Unexpected::Str(text),
            Value::Seq(_) => de::Unexpected::Seq,
            Value::Map(_) => de::Unexpected::Map,
        }
    }

    fn wrong<V>(&self, exp: &dyn de::Expected) -> Result<V, DeError> {
        Err(de::Error::invalid_type(self.unexpected(), exp))
    }

    fn text(&self) -> Option<&'a str> {
        match &self.node.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }
}

macro_rules! number {
    ($method:ident, $visit:ident, $t:ty) => {
        fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
            let pos = self.node.pos;
            match self.text().and_then(|t| t.trim().parse::<$t>().ok()) {
                Some(n) => v.$visit(n),
                None => self.wrong(&v),
            }
            .map_err(|e| e.at(pos))
        }
    };
}

impl<'de> de::Deserializer<'de> for NodeDe<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let pos = self.node.pos;
        let r = match &self.node.value {
            Value::Scalar { text, plain: true } => {
                if is_null_text(text) {
                    v.visit_unit()
                } else if let Some(b) = plain_bool(text) {
                    v.visit_bool(b)
                } else if let Ok(n) = text.parse::<u64>() {
                    v.visit_u64(n)
                } else if let Ok(n) = text.parse::<i64>() {
                    v.visit_i64(n)
                } else if let Some(f) = plain_float(text) {
                    v.visit_f64(f)
                } else {
                    v.visit_borrowed_str(text)
                }
            }
            Value::Scalar { text, .. } => v.visit_borrowed_str(text),
            Value::Seq(items) => v.visit_seq(Items {
                items: items.iter().enumerate(),
            }),
            Value::Map(entries) => v.visit_map(Entries {
                entries: entries.iter().enumerate(),
                value: None,
                top: self.top,
            }),
        };
        r.map_err(|e| e.at(pos))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let pos = self.node.pos;
        match &self.node.value {
            Value::Scalar { text, plain: true } if plain_bool(text).is_some() => {
                v.visit_bool(plain_bool(text).unwrap_or_default())
            }
            _ => self.wrong(&v),
        }
        .map_err(|e| e.at(pos))
    }

    number!(deserialize_u8, visit_u8, u8);
    number!(deserialize_u16, visit_u16, u16);
    number!(deserialize_u32, visit_u32, u32);
    number!(deserialize_u64, visit_u64, u64);
    number!(deserialize_i8, visit_i8, i8);
    number!(deserialize_i16, visit_i16, i16);
    number!(deserialize_i32, visit_i32, i32);
    number!(deserialize_i64, visit_i64, i64);
    number!(deserialize_f32, visit_f32, f32);
    number!(deserialize_f64, visit_f64, f64);

    fn deserialize_char<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.deserialize_str(v)
    }

    /// Any scalar but an empty one reads as text: `title: 2021` is the
    /// title "2021", as an editor means it.
    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let pos = self.node.pos;
        match &self.node.value {
            Value::Scalar { text, plain: true } if is_null_text(text) => self.wrong(&v),
            Value::Scalar { text, .. } => v.visit_borrowed_str(text),
            _ => self.wrong(&v),
        }
        .map_err(|e| e.at(pos))
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.deserialize_str(v)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.deserialize_str(v)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.deserialize_str(v)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        if self.node.is_null() {
            v.visit_none()
        } else {
            v.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        if self.node.is_null() {
            v.visit_unit()
        } else {
            let pos = self.node.pos;
            self.wrong(&v).map_err(|e: DeError| e.at(pos))
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_unit(v)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value, DeError> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let pos = self.node.pos;
        match &self.node.value {
            Value::Seq(items) => v.visit_seq(Items {
                items: items.iter().enumerate(),
            }),
            _ => self.wrong(&v),
        }
        .map_err(|e| e.at(pos))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, v: V) -> Result<V::Value, DeError> {
        self.deserialize_seq(v)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        v: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(v)
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let pos = self.node.pos;
        match &self.node.value {
            Value::Map(entries) => v.visit_map(Entries {
                entries: entries.iter().enumerate(),
                value: None,
                top: self.top,
            }),
            _ => self.wrong(&v),
        }
        .map_err(|e| e.at(pos))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_map(v)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        let pos = self.node.pos;
        match &self.node.value {
            Value::Scalar { text, .. } if !self.node.is_null() => {
                let d = de::value::BorrowedStrDeserializer::<'de, DeError>::new(text);
                v.visit_enum(d)
            }
            _ => Err(DeError::new(Typed::WrongType {
                found: found(self.unexpected()),
                expected: Shape::OneOf(variants),
            })),
        }
        .map_err(|e| e.at(pos))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.deserialize_str(v)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        v.visit_unit()
    }
}

fn plain_bool(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

fn plain_float(text: &str) -> Option<f64> {
    let looks = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
        && text.chars().any(|c| c.is_ascii_digit());
    looks.then(|| text.parse().ok()).flatten()
}

struct Items<'a> {
    items: std::iter::Enumerate<std::slice::Iter<'a, Node>>,
}

impl<'de> de::SeqAccess<'de> for Items<'de> {
    type Error = DeError;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        let Some((i, node)) = self.items.next() else {
            return Ok(None);
        };
        seed.deserialize(NodeDe::child(node))
            .map(Some)
            .map_err(|mut e| {
                e.path.push(format!("[{i}]"));
                e.at(node.pos)
            })
    }
}

struct Entries<'a> {
    entries: std::iter::Enumerate<std::slice::Iter<'a, (Node, Node)>>,
    value: Option<(usize, &'a Node, Option<&'a str>)>,
    top: bool,
}

impl<'de> de::MapAccess<'de> for Entries<'de> {
    type Error = DeError;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some((i, (k, v))) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some((i, v, k.key_text()));
        let top = self.top;
        seed.deserialize(NodeDe::child(k))
            .map(Some)
            .map_err(|mut e| {
                if let Some(name) = k.key_text() {
                    e.path.push(name.to_string());
                }
                if top {
                    e.top_entry = Some(i);
                }
                e.at(k.pos)
            })
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let Some((i, node, key)) = self.value.take() else {
            return Err(de::Error::custom("a value without a key"));
        };
        let top = self.top;
        seed.deserialize(NodeDe::child(node)).map_err(|mut e| {
            if let Some(name) = key {
                e.path.push(name.to_string());
            }
            if top {
                e.top_entry = Some(i);
            }
            e.at(node.pos)
        })
    }
}
