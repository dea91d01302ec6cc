//! Finds where a field of a parsed scene file stands in its RON source, so
//! that problems found after parsing (a duplicate id, a missing file, a
//! number out of range) can still name the line and column a curator must
//! edit. This is a tolerant scanner, not a parser: it only follows nesting.

use std::fmt;

/// One step of a path to a value: a struct field or a list index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// A named field, as written in the file.
    Field(String),
    /// The n-th element of a list, from 0.
    Index(usize),
}

/// A path to a value in a scene file, displayed as `kind.pages[2].text.zh`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FieldPath(pub Vec<Seg>);

impl FieldPath {
    /// The empty path: the whole file.
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// This path with a field appended.
    pub fn field(&self, name: &str) -> Self {
        let mut v = self.0.clone();
        v.push(Seg::Field(name.to_owned()));
        Self(v)
    }

    /// This path with a list index appended.
    pub fn index(&self, i: usize) -> Self {
        let mut v = self.0.clone();
        v.push(Seg::Index(i));
        Self(v)
    }

    /// Parses the dotted form that `serde_path_to_error` prints
    /// (`kind.pages[2].text`); unknown pieces are skipped.
    pub fn parse(s: &str) -> Self {
        let mut segs = Vec::new();
        for part in s.split('.') {
            let mut rest = part;
            if let Some(b) = rest.find('[') {
                let name = &rest[..b];
                if !name.is_empty() && name != "?" {
                    segs.push(Seg::Field(name.to_owned()));
                }
                rest = &rest[b..];
                while let Some(stripped) = rest.strip_prefix('[') {
                    let Some(e) = stripped.find(']') else { break };
                    if let Ok(i) = stripped[..e].parse() {
                        segs.push(Seg::Index(i));
                    }
                    rest = &stripped[e + 1..];
                }
            } else if !rest.is_empty() && rest != "?" {
                segs.push(Seg::Field(rest.to_owned()));
            }
        }
        Self(segs)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(file)");
        }
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Field(name) if i == 0 => write!(f, "{name}")?,
                Seg::Field(name) => write!(f, ".{name}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Open(char),
    Close(char),
    Comma,
    Colon,
    Ident(String),
    Str(String),
    Other,
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    line: usize,
    col: usize,
    /// Byte offset of the token's first character.
    start: usize,
    /// Byte offset just past the token.
    end: usize,
}

fn tokenize(src: &str) -> Vec<Token> {
    let chars: Vec<char> = src.chars().collect();
    let offsets: Vec<usize> = src
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(src.len()))
        .collect();
    let mut out: Vec<Token> = Vec::new();
    let (mut i, mut line, mut col) = (0usize, 1usize, 1usize);
    let advance = |i: &mut usize, line: &mut usize, col: &mut usize, chars: &[char]| {
        if chars[*i] == '\n' {
            *line += 1;
            *col = 1;
        } else {
            *col += 1;
        }
        *i += 1;
    };
    while i < chars.len() {
        let c = chars[i];
        let (tl, tc, start_i) = (line, col, i);
        let mut tok = None;
        if c.is_whitespace() {
            advance(&mut i, &mut line, &mut col, &chars);
        } else if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                advance(&mut i, &mut line, &mut col, &chars);
            }
        } else if c == '/' && chars.get(i + 1) == Some(&'*') {
            let mut depth = 0usize;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    advance(&mut i, &mut line, &mut col, &chars);
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    advance(&mut i, &mut line, &mut col, &chars);
                    advance(&mut i, &mut line, &mut col, &chars);
                    if depth == 0 {
                        break;
                    }
                    continue;
                }
                advance(&mut i, &mut line, &mut col, &chars);
            }
        } else if c == '"' || (c == 'r' && matches!(chars.get(i + 1), Some('"') | Some('#'))) {
            let raw = c == 'r';
            let mut hashes = 0;
            if raw {
                advance(&mut i, &mut line, &mut col, &chars);
                while i < chars.len() && chars[i] == '#' {
                    hashes += 1;
                    advance(&mut i, &mut line, &mut col, &chars);
                }
            }
            if i < chars.len() {
                advance(&mut i, &mut line, &mut col, &chars); // opening quote
            }
            let mut text = String::new();
            while i < chars.len() {
                let ch = chars[i];
                if !raw && ch == '\\' {
                    advance(&mut i, &mut line, &mut col, &chars);
                    if i < chars.len() {
                        text.push(chars[i]);
                        advance(&mut i, &mut line, &mut col, &chars);
                    }
                    continue;
                }
                if ch == '"' && (0..hashes).all(|k| chars.get(i + 1 + k) == Some(&'#')) {
                    advance(&mut i, &mut line, &mut col, &chars);
                    for _ in 0..hashes {
                        advance(&mut i, &mut line, &mut col, &chars);
                    }
                    break;
                }
                text.push(ch);
                advance(&mut i, &mut line, &mut col, &chars);
            }
            tok = Some(Tok::Str(text));
        } else if c == '\'' {
            advance(&mut i, &mut line, &mut col, &chars);
            while i < chars.len() && chars[i] != '\'' {
                if chars[i] == '\\' {
                    advance(&mut i, &mut line, &mut col, &chars);
                }
                if i < chars.len() {
                    advance(&mut i, &mut line, &mut col, &chars);
                }
            }
            if i < chars.len() {
                advance(&mut i, &mut line, &mut col, &chars);
            }
            tok = Some(Tok::Other);
        } else if matches!(c, '(' | '[' | '{') {
            advance(&mut i, &mut line, &mut col, &chars);
            tok = Some(Tok::Open(c));
        } else if matches!(c, ')' | ']' | '}') {
            advance(&mut i, &mut line, &mut col, &chars);
            tok = Some(Tok::Close(c));
        } else if c == ',' {
            advance(&mut i, &mut line, &mut col, &chars);
            tok = Some(Tok::Comma);
        } else if c == ':' {
            advance(&mut i, &mut line, &mut col, &chars);
            tok = Some(Tok::Colon);
        } else if c.is_alphanumeric() || c == '_' {
            let mut word = String::new();
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                word.push(chars[i]);
                advance(&mut i, &mut line, &mut col, &chars);
            }
            tok = Some(Tok::Ident(word));
        } else {
            // `#![enable(..)]` attributes, numbers' signs and dots, stray characters.
            advance(&mut i, &mut line, &mut col, &chars);
            tok = Some(Tok::Other);
        }
        if let Some(tok) = tok {
            out.push(Token {
                tok,
                line: tl,
                col: tc,
                start: offsets[start_i],
                end: offsets[i.min(chars.len())],
            });
        }
    }
    out
}

/// Index just past the value starting at `i` (skipping nested brackets).
fn skip_value(t: &[Token], mut i: usize) -> usize {
    let mut depth = 0i32;
    while i < t.len() {
        match t[i].tok {
            Tok::Open(_) => depth += 1,
            Tok::Close(_) => {
                if depth == 0 {
                    return i;
                }
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            Tok::Comma if depth == 0 => return i,
            _ => {
                if depth == 0 {
                    // An identifier directly followed by a bracket is one value: `Some(..)`.
                    if matches!(t[i].tok, Tok::Ident(_))
                        && matches!(t.get(i + 1).map(|x| &x.tok), Some(Tok::Open(_)))
                    {
                        i += 1;
                        continue;
                    }
                    return i + 1;
                }
            }
        }
        i += 1;
    }
    i
}

/// If the value at `i` has a bracketed body, the index of its opening bracket.
fn body_open(t: &[Token], i: usize) -> Option<usize> {
    match t.get(i)?.tok {
        Tok::Open(_) => Some(i),
        Tok::Ident(_) if matches!(t.get(i + 1).map(|x| &x.tok), Some(Tok::Open(_))) => Some(i + 1),
        _ => None,
    }
}

/// Top-level entries of the body opened at `open`: (start index of entry).
fn entries(t: &[Token], open: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = open + 1;
    while i < t.len() {
        if matches!(t[i].tok, Tok::Close(_)) {
            break;
        }
        out.push(i);
        // An entry is `key: value` or `value`.
        let mut j = i;
        if matches!(t.get(j + 1).map(|x| &x.tok), Some(Tok::Colon)) {
            j += 2;
        }
        j = skip_value(t, j);
        while j < t.len() && !matches!(t[j].tok, Tok::Comma | Tok::Close(_)) {
            j = skip_value(t, j + 1);
        }
        if j < t.len() && matches!(t[j].tok, Tok::Comma) {
            j += 1;
        }
        if j <= i {
            break;
        }
        i = j;
    }
    out
}

fn find(t: &[Token], i: usize, segs: &[Seg]) -> usize {
    let Some((seg, rest)) = segs.split_first() else {
        return i;
    };
    let Some(open) = body_open(t, i) else {
        return i;
    };
    let items = entries(t, open);
    match seg {
        Seg::Field(name) => {
            for &e in &items {
                let key_matches = match &t[e].tok {
                    Tok::Ident(k) | Tok::Str(k) => k == name,
                    _ => false,
                };
                if key_matches && matches!(t.get(e + 1).map(|x| &x.tok), Some(Tok::Colon)) {
                    return find(t, e + 2, rest);
                }
            }
            // `Some(..)` or a doubly wrapped newtype `Kind((..))`: look inside.
            if items.len() == 1 && body_open(t, items[0]).is_some() {
                let inner = find(t, items[0], segs);
                if inner != items[0] {
                    return inner;
                }
            }
            i
        }
        Seg::Index(n) => match items.get(*n) {
            Some(&e) => find(t, e, rest),
            None => i,
        },
    }
}

/// Line and column (1-based, in characters) of the value at `path` in `src`,
/// or of the nearest enclosing value that exists when the path leads to a
/// missing field.
pub fn locate(src: &str, path: &FieldPath) -> (usize, usize) {
    let t = tokenize(src);
    let Some(start) = first_value(&t) else {
        return (1, 1);
    };
    let idx = find(&t, start, &path.0);
    let tok = &t[idx.min(t.len() - 1)];
    (tok.line, tok.col)
}

/// Byte range of the value at `path` in `src`, only when the whole path
/// exists. Used to rewrite one value (the PIN hash) while keeping the
/// curator's comments and layout everywhere else.
pub fn value_span(src: &str, path: &FieldPath) -> Option<std::ops::Range<usize>> {
    let t = tokenize(src);
    let start = first_value(&t)?;
    let idx = find_exact(&t, start, &path.0)?;
    let first = t.get(idx)?;
    let end = skip_value(&t, idx);
    let last = t.get(end.checked_sub(1)?)?;
    // A truncated file can end inside the value: no span then.
    (end > idx && last.end >= first.start).then_some(first.start..last.end)
}

fn first_value(t: &[Token]) -> Option<usize> {
    let mut start = 0;
    while start < t.len() {
        match &t[start].tok {
            Tok::Other if t.get(start + 1).map(|x| &x.tok) == Some(&Tok::Other) => {
                start += 2;
                if matches!(t.get(start).map(|x| &x.tok), Some(Tok::Open('['))) {
                    start = skip_value(t, start);
                }
            }
            _ => break,
        }
    }
    (start < t.len()).then_some(start)
}

fn find_exact(t: &[Token], i: usize, segs: &[Seg]) -> Option<usize> {
    let Some((seg, rest)) = segs.split_first() else {
        return Some(i);
    };
    let open = body_open(t, i)?;
    let items = entries(t, open);
    match seg {
        Seg::Field(name) => items.iter().find_map(|&e| {
            let key = match &t[e].tok {
                Tok::Ident(k) | Tok::Str(k) => k == name,
                _ => false,
            };
            (key && matches!(t.get(e + 1).map(|x| &x.tok), Some(Tok::Colon)))
                .then(|| find_exact(t, e + 2, rest))
                .flatten()
        }),
        Seg::Index(n) => find_exact(t, *items.get(*n)?, rest),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r#"// a comment (with brackets [
#![enable(implicit_some)]
(
    id: "a",
    kind: Ebook(
        pages: [
            (heading: (zh: "一", en: "one"), picture: "p.png"),
            (
                heading: (zh: "二", en: "two, with comma"),
                picture: "q.png",
            ),
        ],
    ),
    opt: Some((x: 1)),
)"#;

    #[test]
    fn finds_nested_fields_and_indices() {
        assert_eq!(locate(SRC, &FieldPath::parse("id")), (4, 9));
        assert_eq!(locate(SRC, &FieldPath::parse("kind")), (5, 11));
        assert_eq!(
            locate(SRC, &FieldPath::parse("kind.pages[0].picture")),
            (7, 54)
        );
        assert_eq!(
            locate(SRC, &FieldPath::parse("kind.pages[1].heading.en")),
            (9, 40)
        );
        assert_eq!(
            locate(SRC, &FieldPath::parse("kind.pages[1].picture")),
            (10, 26)
        );
        assert_eq!(locate(SRC, &FieldPath::parse("opt.x")), (14, 19));
    }

    #[test]
    fn missing_field_points_at_its_parent() {
        assert_eq!(
            locate(SRC, &FieldPath::parse("kind.pages[1].heading.de")),
            (9, 26)
        );
        assert_eq!(locate(SRC, &FieldPath::parse("kind.pages[7]")), (6, 16));
    }

    #[test]
    fn path_display_round_trips() {
        let p = FieldPath::parse("kind.pages[2].text.zh");
        assert_eq!(p.to_string(), "kind.pages[2].text.zh");
        assert_eq!(FieldPath::root().field("a").index(3).to_string(), "a[3]");
    }

    #[test]
    fn value_span_covers_whole_value() {
        let span = value_span(SRC, &FieldPath::parse("opt")).unwrap();
        assert_eq!(&SRC[span], "Some((x: 1))");
        let span = value_span(SRC, &FieldPath::parse("kind.pages[1].heading.en")).unwrap();
        assert_eq!(&SRC[span], "\"two, with comma\"");
        assert!(value_span(SRC, &FieldPath::parse("nope")).is_none());
    }

    #[test]
    fn garbage_never_panics() {
        let sources = [
            "",
            "(",
            ")",
            "\"unterminated",
            "r#\"x",
            "/* open",
            "(a: [1, 2",
            "'",
            "#![",
            "(id:",
            "(id: (",
            "(a: b: c",
            "(id: \"x\"",
        ];
        for src in sources {
            for path in ["a.b[3].c", "id", "a", "a[0]"] {
                let p = FieldPath::parse(path);
                let _ = locate(src, &p);
                if let Some(span) = value_span(src, &p) {
                    let _ = &src[span];
                }
            }
        }
    }
}
