//! A scene as a tree of plain values, read off the schema types through
//! `serde::Serialize`: struct and field names, enum variants, lists,
//! numbers, texts. The editor's form is drawn from this tree, so every
//! kind gets its form from its own parameter types and nothing else.

use serde::ser::{self, Serialize};

use crate::domain::scene::locate::FieldPath;

/// One value of a scene.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// `true` / `false`.
    Bool(bool),
    /// Any integer.
    Int(i128),
    /// A floating-point number; `single` when the schema holds an `f32`.
    Float {
        /// The value.
        v: f64,
        /// Whether the schema type is `f32` (printed with `f32` precision).
        single: bool,
    },
    /// A text.
    Str(String),
    /// An absent optional value.
    None,
    /// A present optional value.
    Some(Box<Node>),
    /// `()`.
    Unit,
    /// A list.
    Seq(Vec<Node>),
    /// A struct with its fields in schema order.
    Struct {
        /// The Rust type's name (`Bilingual`, `Page`).
        name: &'static str,
        /// Fields in order.
        fields: Vec<(&'static str, Node)>,
    },
    /// An enum value.
    Variant {
        /// The enum type's name.
        enum_name: &'static str,
        /// The variant written in the file.
        variant: &'static str,
        /// Its content.
        content: Box<Node>,
    },
    /// A map (keys and values).
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The tree of `value`.
    pub fn of<T: Serialize + ?Sized>(value: &T) -> Node {
        value.serialize(TreeSer).unwrap_or(Node::Unit)
    }

    /// Whether this is a `Bilingual` text (drawn as zh and en side by side).
    pub fn is_bilingual(&self) -> bool {
        matches!(
            self,
            Node::Struct {
                name: "Bilingual",
                ..
            }
        )
    }

    /// The struct fields of this value, looking through an enum variant's
    /// content and a present option, as `locate` does in the text.
    pub fn fields(&self) -> Option<&[(&'static str, Node)]> {
        match self {
            Node::Struct { fields, .. } => Some(fields),
            Node::Variant { content, .. } | Node::Some(content) => content.fields(),
            _ => None,
        }
    }

    /// The value at `path` (fields looked up through variants and options).
    pub fn get(&self, path: &FieldPath) -> Option<&Node> {
        use crate::domain::scene::locate::Seg;
        let mut n = self;
        for seg in &path.0 {
            n = match seg {
                Seg::Field(name) => n
                    .fields()?
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v)?,
                Seg::Index(i) => match n.unwrapped() {
                    Node::Seq(items) => items.get(*i)?,
                    _ => return None,
                },
            };
        }
        Some(n)
    }

    /// This value without a `Some` around it.
    pub fn unwrapped(&self) -> &Node {
        match self {
            Node::Some(inner) => inner.unwrapped(),
            n => n,
        }
    }

    /// The value as the scene file writes it when it is a single token
    /// (a number, text or flag), for plain-language change lists.
    pub fn short(&self) -> String {
        match self.unwrapped() {
            Node::Bool(b) => b.to_string(),
            Node::Int(i) => i.to_string(),
            Node::Float { v, single } => float_literal(*v, *single),
            Node::Str(s) => format!("\"{s}\""),
            Node::None => "—".into(),
            Node::Seq(items) => format!("[{} items]", items.len()),
            Node::Variant { variant, .. } => (*variant).to_string(),
            Node::Struct { .. } | Node::Map(_) | Node::Unit | Node::Some(_) => "(..)".into(),
        }
    }
}

/// A number as RON writes it: `f32` values at `f32` precision, always with
/// a decimal point so that it reads as a number with a fraction.
pub fn float_literal(v: f64, single: bool) -> String {
    let s = if single {
        format!("{}", v as f32)
    } else {
        format!("{v}")
    };
    if s.contains(['.', 'e', 'E', 'N', 'n', 'i']) {
        s
    } else {
        format!("{s}.0")
    }
}

/// A text as a RON string literal.
pub fn str_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Serialising never fails for scene types; the error type exists because serde needs one.
#[derive(Debug)]
pub struct TreeError(String);

impl std::fmt::Display for TreeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for TreeError {}
impl ser::Error for TreeError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        TreeError(msg.to_string())
    }
}

struct TreeSer;

/// Collects list or tuple items.
pub struct SeqSer(Vec<Node>, Option<(&'static str, &'static str)>);
/// Collects struct fields.
pub struct StructSer(
    &'static str,
    Vec<(&'static str, Node)>,
    Option<&'static str>,
);
/// Collects map entries.
pub struct MapSer(Vec<(Node, Node)>, Option<Node>);

type R = Result<Node, TreeError>;

impl ser::Serializer for TreeSer {
    type Ok = Node;
    type Error = TreeError;
    type SerializeSeq = SeqSer;
    type SerializeTuple = SeqSer;
    type SerializeTupleStruct = SeqSer;
    type SerializeTupleVariant = SeqSer;
    type SerializeMap = MapSer;
    type SerializeStruct = StructSer;
    type SerializeStructVariant = StructSer;

    fn serialize_bool(self, v: bool) -> R {
        Ok(Node::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> R {
        Ok(Node::Int(v.into()))
    }
    fn serialize_i16(self, v: i16) -> R {
        Ok(Node::Int(v.into()))
    }
    fn serialize_i32(self, v: i32) -> R {
        Ok(Node::Int(v.into()))
    }
    fn serialize_i64(self, v: i64) -> R {
        Ok(Node::Int(v.into()))
    }
    fn serialize_u8(self, v: u8) -> R {
        Ok(Node::Int(v.into()))
    }
    fn serialize_u16(self, v: u16) -> R {
        Ok(Node::Int(v.into()))
    }
    fn serialize_u32(self, v: u32) -> R {
        Ok(Node::Int(v.into()))
    }
    fn serialize_u64(self, v: u64) -> R {
        Ok(Node::Int(v.into()))
    }
    fn serialize_f32(self, v: f32) -> R {
        Ok(Node::Float {
            v: v.into(),
            single: true,
        })
    }
    fn serialize_f64(self, v: f64) -> R {
        Ok(Node::Float { v, single: false })
    }
    fn serialize_char(self, v: char) -> R {
        Ok(Node::Str(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> R {
        Ok(Node::Str(v.to_owned()))
    }
    fn serialize_bytes(self, v: &[u8]) -> R {
        Ok(Node::Seq(
            v.iter().map(|b| Node::Int((*b).into())).collect(),
        ))
    }
    fn serialize_none(self) -> R {
        Ok(Node::None)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> R {
        Ok(Node::Some(Box::new(value.serialize(TreeSer)?)))
    }
    fn serialize_unit(self) -> R {
        Ok(Node::Unit)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> R {
        Ok(Node::Unit)
    }
    fn serialize_unit_variant(self, name: &'static str, _i: u32, variant: &'static str) -> R {
        Ok(Node::Variant {
            enum_name: name,
            variant,
            content: Box::new(Node::Unit),
        })
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _name: &'static str, value: &T) -> R {
        value.serialize(TreeSer)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        _i: u32,
        variant: &'static str,
        value: &T,
    ) -> R {
        Ok(Node::Variant {
            enum_name: name,
            variant,
            content: Box::new(value.serialize(TreeSer)?),
        })
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqSer, TreeError> {
        Ok(SeqSer(Vec::with_capacity(len.unwrap_or(0)), None))
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqSer, TreeError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _n: &'static str, len: usize) -> Result<SeqSer, TreeError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<SeqSer, TreeError> {
        Ok(SeqSer(Vec::with_capacity(len), Some((name, variant))))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<MapSer, TreeError> {
        Ok(MapSer(Vec::new(), None))
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<StructSer, TreeError> {
        Ok(StructSer(name, Vec::with_capacity(len), None))
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<StructSer, TreeError> {
        Ok(StructSer(name, Vec::with_capacity(len), Some(variant)))
    }
}

impl SeqSer {
    fn done(self) -> R {
        let seq = Node::Seq(self.0);
        Ok(match self.1 {
            Some((enum_name, variant)) => Node::Variant {
                enum_name,
                variant,
                content: Box::new(seq),
            },
            None => seq,
        })
    }
}

macro_rules! seq_like {
    ($($t:ident :: $f:ident),*) => {$(
        impl ser::$t for SeqSer {
            type Ok = Node;
            type Error = TreeError;
            fn $f<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), TreeError> {
                self.0.push(value.serialize(TreeSer)?);
                Ok(())
            }
            fn end(self) -> R {
                self.done()
            }
        }
    )*};
}
seq_like!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl StructSer {
    fn done(self) -> R {
        let st = Node::Struct {
            name: self.0,
            fields: self.1,
        };
        Ok(match self.2 {
            Some(variant) => Node::Variant {
                enum_name: self.0,
                variant,
                content: Box::new(st),
            },
            None => st,
        })
    }
}

macro_rules! struct_like {
    ($($t:ident),*) => {$(
        impl ser::$t for StructSer {
            type Ok = Node;
            type Error = TreeError;
            fn serialize_field<T: ?Sized + Serialize>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), TreeError> {
                self.1.push((key, value.serialize(TreeSer)?));
                Ok(())
            }
            fn end(self) -> R {
                self.done()
            }
        }
    )*};
}
struct_like!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for MapSer {
    type Ok = Node;
    type Error = TreeError;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), TreeError> {
        self.1 = Some(key.serialize(TreeSer)?);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), TreeError> {
        let k = self.1.take().unwrap_or(Node::Unit);
        self.0.push((k, value.serialize(TreeSer)?));
        Ok(())
    }
    fn end(self) -> R {
        Ok(Node::Map(self.0))
    }
}

/// One difference between two versions of a scene, in plain words.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Where (`title.en`, `kind.pages`).
    pub path: FieldPath,
    /// Before, as written in the file (`"Station"`, `[5 items]`).
    pub before: String,
    /// After.
    pub after: String,
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} → {}", self.path, self.before, self.after)
    }
}

/// What differs between `a` and `b`: leaves that changed, lists whose
/// length changed (their items are not compared one by one then), variants
/// that were switched.
pub fn diff(a: &Node, b: &Node) -> Vec<Change> {
    let mut out = Vec::new();
    diff_at(&FieldPath::root(), a, b, &mut out);
    out
}

fn diff_at(at: &FieldPath, a: &Node, b: &Node, out: &mut Vec<Change>) {
    let change = |out: &mut Vec<Change>| {
        out.push(Change {
            path: at.clone(),
            before: a.short(),
            after: b.short(),
        })
    };
    match (a.unwrapped(), b.unwrapped()) {
        (Node::Seq(x), Node::Seq(y)) if x.len() == y.len() => {
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                diff_at(&at.index(i), p, q, out);
            }
        }
        (Node::Seq(_), Node::Seq(_)) => change(out),
        (
            Node::Variant {
                variant: v1,
                content: c1,
                ..
            },
            Node::Variant {
                variant: v2,
                content: c2,
                ..
            },
        ) if v1 == v2 => diff_at(at, c1, c2, out),
        (Node::Struct { fields: f1, .. }, Node::Struct { fields: f2, .. }) => {
            for (k, v) in f1 {
                match f2.iter().find(|(k2, _)| k2 == k) {
                    Some((_, w)) => diff_at(&at.field(k), v, w, out),
                    None => out.push(Change {
                        path: at.field(k),
                        before: v.short(),
                        after: "—".into(),
                    }),
                }
            }
        }
        (x, y) if x == y => {}
        _ => change(out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scene::ExhibitScene;

    fn shipped(name: &str) -> ExhibitScene {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenes")
            .join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        crate::domain::scene::parse::parse_ron(&path, &text).unwrap()
    }

    #[test]
    fn a_scene_tree_names_fields_variants_and_texts() {
        let ex = shipped("15-station.ron");
        let t = Node::of(&ex);
        assert_eq!(t.get(&FieldPath::parse("number")), Some(&Node::Int(15)));
        assert!(t.get(&FieldPath::parse("title")).unwrap().is_bilingual());
        let kind = t.get(&FieldPath::parse("kind")).unwrap();
        assert!(matches!(
            kind,
            Node::Variant {
                variant: "Ebook",
                ..
            }
        ));
        assert_eq!(
            t.get(&FieldPath::parse("kind.pages[1].picture")),
            Some(&Node::Str("pictures/station-doors.png".into()))
        );
    }

    #[test]
    fn literals_read_back_as_the_same_value() {
        assert_eq!(float_literal(0.1f32 as f64, true), "0.1");
        assert_eq!(float_literal(4.0, true), "4.0");
        assert_eq!(float_literal(1e-7, false), "0.0000001");
        let s = "say \"hi\"\\ 你好\nnext";
        let back: String = ron::from_str(&str_literal(s)).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn diff_lists_what_changed_in_plain_words() {
        let a = shipped("15-station.ron");
        let mut b = a.clone();
        b.title.en = "Our station".into();
        b.number = 16;
        let d = diff(&Node::of(&a), &Node::of(&b));
        let words: Vec<String> = d.iter().map(|c| c.to_string()).collect();
        assert_eq!(
            words,
            [
                "number: 15 → 16",
                "title.en: \"Inside the seismic station\" → \"Our station\""
            ]
        );
        assert!(diff(&Node::of(&a), &Node::of(&a)).is_empty());
    }
}
