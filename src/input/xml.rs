//! A minimal XML tag scanner for the two XML reports read here (sslscan, nmap).
//!
//! It finds tags and their attributes in one pass over the bytes, skips
//! comments, processing instructions, DOCTYPE and CDATA, and reports where a
//! tag is cut off. It does not validate nesting; the callers check the
//! structure they need.

use std::borrow::Cow;

/// One tag: `<name attrs>`, `</name>` or `<name attrs/>`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tag<'a> {
    pub name: &'a str,
    /// The text between the name and `>` (or `/>`).
    pub attrs: &'a str,
    pub closing: bool,
    pub self_closing: bool,
    /// Byte offset of `<`.
    pub start: usize,
    /// Byte offset just past `>`.
    pub end: usize,
}

/// A tag that does not end: the byte offset of its `<`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CutOff(pub usize);

pub(crate) struct Tags<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Tags<'a> {
    pub(crate) fn new(s: &'a str) -> Self {
        Tags { s, pos: 0 }
    }

    /// The text from `from` to the next `<`.
    pub(crate) fn text_from(&self, from: usize) -> &'a str {
        let rest = &self.s[from..];
        match rest.find('<') {
            Some(i) => &rest[..i],
            None => rest,
        }
    }
}

impl<'a> Iterator for Tags<'a> {
    type Item = Result<Tag<'a>, CutOff>;

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.s.as_bytes();
        loop {
            let rel = self.s[self.pos..].find('<')?;
            let start = self.pos + rel;
            let rest = &self.s[start..];
            // Comments, CDATA, processing instructions, DOCTYPE.
            let skip_to = if rest.starts_with("<!--") {
                Some("-->")
            } else if rest.starts_with("<![CDATA[") {
                Some("]]>")
            } else if rest.starts_with("<?") {
                Some("?>")
            } else if rest.starts_with("<!") {
                Some(">")
            } else {
                None
            };
            if let Some(end_marker) = skip_to {
                match rest.find(end_marker) {
                    Some(i) => {
                        self.pos = start + i + end_marker.len();
                        continue;
                    }
                    None => {
                        self.pos = self.s.len();
                        return Some(Err(CutOff(start)));
                    }
                }
            }
            // Find the closing '>' outside quoted attribute values: the next '>'
            // (a fast search), unless a quote opened before it is still open.
            let mut from = start + 1;
            let mut quote = 0u8;
            let end = loop {
                let Some(rel) = self.s[from..].find('>') else {
                    self.pos = self.s.len();
                    return Some(Err(CutOff(start)));
                };
                let gt = from + rel;
                let seg = &bytes[from..gt];
                // Fast path (no single quotes anywhere): the parity of double quotes decides.
                if quote == 0 && !seg.contains(&b'\'') {
                    if seg.iter().filter(|&&b| b == b'"').count() % 2 == 0 {
                        break gt;
                    }
                    quote = b'"';
                    from = gt + 1;
                    continue;
                }
                for &b in seg {
                    if quote != 0 {
                        if b == quote {
                            quote = 0;
                        }
                    } else if b == b'"' || b == b'\'' {
                        quote = b;
                    }
                }
                if quote == 0 {
                    break gt;
                }
                from = gt + 1;
            };
            self.pos = end + 1;
            let inner = &self.s[start + 1..end];
            let (closing, inner) = match inner.strip_prefix('/') {
                Some(r) => (true, r),
                None => (false, inner),
            };
            let (self_closing, inner) = match inner.strip_suffix('/') {
                Some(r) => (true, r),
                None => (false, inner),
            };
            let name_end = inner
                .find(|c: char| c.is_ascii_whitespace())
                .unwrap_or(inner.len());
            return Some(Ok(Tag {
                name: &inner[..name_end],
                attrs: &inner[name_end..],
                closing,
                self_closing,
                start,
                end: end + 1,
            }));
        }
    }
}

/// The attributes in `attrs` as (name, raw value) pairs, in order; stops at
/// the first malformed one.
pub(crate) fn attrs(attrs: &str) -> Attrs<'_> {
    Attrs { s: attrs, pos: 0 }
}

pub(crate) struct Attrs<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Iterator for Attrs<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<(&'a str, &'a str)> {
        let b = self.s.as_bytes();
        let mut i = self.pos;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let key_start = i;
        while i < b.len() && b[i] != b'=' && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        let key = &self.s[key_start..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if key.is_empty() || i >= b.len() || b[i] != b'=' {
            self.pos = b.len();
            return None;
        }
        i += 1;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let q = *b.get(i)?;
        if q != b'"' && q != b'\'' {
            self.pos = b.len();
            return None;
        }
        let v_start = i + 1;
        let Some(len) = self.s[v_start..].find(q as char) else {
            self.pos = b.len();
            return None;
        };
        self.pos = v_start + len + 1;
        Some((key, &self.s[v_start..v_start + len]))
    }
}

/// The raw (still escaped) value of attribute `name` in `attrs`.
pub(crate) fn attr<'a>(attrs_text: &'a str, name: &str) -> Option<&'a str> {
    attrs(attrs_text).find(|(k, _)| *k == name).map(|(_, v)| v)
}

/// `s` with the five XML entities and numeric character references replaced.
pub(crate) fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(semi) = rest.find(';').filter(|&j| j <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let ent = &rest[1..semi];
        let ch = match ent {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => {
                let num = if let Some(h) = ent.strip_prefix("#x").or_else(|| ent.strip_prefix("#X"))
                {
                    u32::from_str_radix(h, 16).ok()
                } else if let Some(d) = ent.strip_prefix('#') {
                    d.parse().ok()
                } else {
                    None
                };
                num.and_then(char::from_u32)
            }
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Counts lines incrementally: the line of a byte offset, for offsets that only grow.
pub(crate) struct LineCounter<'a> {
    s: &'a [u8],
    pos: usize,
    line: u32,
}

impl<'a> LineCounter<'a> {
    pub(crate) fn new(s: &'a str) -> Self {
        LineCounter {
            s: s.as_bytes(),
            pos: 0,
            line: 1,
        }
    }

    /// The 1-based line of byte `offset` (must not be less than the last one asked).
    pub(crate) fn line_at(&mut self, offset: usize) -> u32 {
        let offset = offset.min(self.s.len());
        if offset > self.pos {
            self.line += self.s[self.pos..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u32;
            self.pos = offset;
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_attrs() {
        let s = "<?xml version=\"1.0\"?><!-- c --><a x=\"1>2\" y='b'/>\n<b>t &amp; u</b>";
        let tags: Vec<_> = Tags::new(s).map(|t| t.unwrap()).collect();
        assert_eq!(tags.len(), 3);
        assert_eq!(tags[0].name, "a");
        assert!(tags[0].self_closing);
        assert_eq!(attr(tags[0].attrs, "x"), Some("1>2"));
        assert_eq!(attr(tags[0].attrs, "y"), Some("b"));
        assert_eq!(attr(tags[0].attrs, "z"), None);
        assert_eq!(tags[2].name, "b");
        assert!(tags[2].closing);
        let t = Tags::new(s);
        assert_eq!(unescape(t.text_from(tags[1].end)), "t & u");
        assert_eq!(unescape("a&#xa;b&#65;"), "a\nbA");
        assert!(Tags::new("<a x=\"1").next().unwrap().is_err());
    }
}
