//! Reading backends that speak HTML where Vestnik expects text: titles and excerpts with
//! entities (`&#8217;`, `&laquo;`, `&amp;`) and tags become plain text, and the photos of
//! a gallery written into an article body (WordPress's `figure.wp-block-gallery`, the
//! classic `[gallery]` shortcode's output) become the article's own gallery.
//!
//! A small scanner, not a parser: it never builds markup, only reads text and attribute
//! values out of it, and every result still goes through the usual checks (text is
//! rendered as text; image URLs through `links::safe_url`; the rest of the body through
//! the sanitizer). Pure and panic-free on any input (property-tested).

use super::model::{Image, Rendition};

/// Plain text of an HTML fragment: tags removed (the contents of `script`, `style` and
/// `template` with them), entities decoded, whitespace collapsed.
pub fn text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(tag) = Tag::read(&rest[open..]) else {
            // A lone "<" is text.
            out.push('<');
            rest = &rest[open + 1..];
            continue;
        };
        rest = &rest[open + tag.len..];
        if !tag.closing && matches!(tag.name.as_str(), "script" | "style" | "template") {
            let end = format!("</{}", tag.name);
            rest = find_ascii_ci(rest, &end).map_or("", |i| &rest[i..]);
            if let Some(close) = rest.find('>') {
                rest = &rest[close + 1..];
            }
        } else if tag.is_block() {
            out.push(' ');
        }
    }
    out.push_str(rest);
    let decoded = decode_entities(&out);
    // ASCII whitespace only: a no-break space (`&nbsp;`) keeps its meaning.
    decoded
        .split_ascii_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// An excerpt as a summary: plain text without the "[…]" or "Читать далее" tail that
/// blog engines append.
pub fn summary(html: &str) -> String {
    let mut text = text(html);
    for tail in ["[…]", "[...]", "…", "..."] {
        if let Some(cut) = text.strip_suffix(tail) {
            let cut = cut.trim_end();
            // A finished sentence needs no "…" after it.
            text = if cut.ends_with(['.', '!', '?']) {
                cut.to_owned()
            } else {
                format!("{cut}…")
            };
            break;
        }
    }
    text
}

/// Decodes character references: `&amp;`, `&#8217;`, `&#x2014;` and the named entities
/// Russian and English news use. Unknown or malformed references are left as written;
/// code points that cannot appear in text become U+FFFD.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|end| reference(&rest[1..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn reference(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        if hex_or_decimal_is_empty(number) {
            return None;
        }
        return Some(match code {
            0 => '\u{FFFD}',
            // Windows-1252 "smart quotes" written as numbers, as old editors do.
            0x80..=0x9F => windows_1252(code),
            _ => char::from_u32(code)
                .filter(|c| !c.is_control() || c.is_whitespace())
                .unwrap_or('\u{FFFD}'),
        });
    }
    NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

fn hex_or_decimal_is_empty(number: &str) -> bool {
    number.is_empty() || number.eq_ignore_ascii_case("x")
}

fn windows_1252(code: u32) -> char {
    match code {
        0x80 => '€',
        0x82 => '‚',
        0x84 => '„',
        0x85 => '…',
        0x91 => '‘',
        0x92 => '’',
        0x93 => '“',
        0x94 => '”',
        0x96 => '–',
        0x97 => '—',
        0x99 => '™',
        _ => '\u{FFFD}',
    }
}

const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{A0}'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("minus", '−'),
    ("hellip", '…'),
    ("shy", '\u{AD}'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("middot", '·'),
    ("bull", '•'),
    ("times", '×'),
    ("plusmn", '±'),
    ("sect", '§'),
    ("para", '¶'),
    ("euro", '€'),
    ("numero", '№'),
    ("frac12", '½'),
    ("prime", '′'),
    ("Prime", '″'),
];

/// A body with its galleries taken out, and their photos.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Galleries {
    /// The body without the gallery markup (everything else untouched).
    pub body: String,
    /// Every photo of every gallery, in order. Sizes come from `width`/`height`
    /// attributes; photos without them are dropped later by the decoder's checks.
    pub photos: Vec<Image>,
}

/// Takes galleries out of an article body: `<figure class="wp-block-gallery">` (the block
/// editor: one inner `figure` per photo, captions in `figcaption`) and
/// `<div class="gallery">` (the classic shortcode: `figure.gallery-item` with a
/// `figcaption.gallery-caption`). Nested markup inside is read, not trusted: only `img`
/// attributes and caption text are used.
pub fn take_galleries(html: &str) -> Galleries {
    let mut out = Galleries {
        body: String::with_capacity(html.len()),
        photos: Vec::new(),
    };
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let Some(tag) = Tag::read(&rest[open..]) else {
            out.body.push_str(&rest[..=open]);
            rest = &rest[open + 1..];
            continue;
        };
        if tag.closing || !tag.is_gallery() {
            out.body.push_str(&rest[..open + tag.len]);
            rest = &rest[open + tag.len..];
            continue;
        }
        out.body.push_str(&rest[..open]);
        let inner = &rest[open + tag.len..];
        let (photos, used) = read_gallery(inner, &tag.name);
        out.photos.extend(photos);
        rest = &inner[used..];
    }
    out.body.push_str(rest);
    out
}

/// Reads a gallery's contents up to its closing tag; returns the photos and how many
/// bytes of `html` the gallery used. A `figcaption` captions the photo before it; the
/// gallery's own caption (`blocks-gallery-caption`) goes with the gallery.
fn read_gallery(html: &str, container: &str) -> (Vec<Image>, usize) {
    let mut photos: Vec<Image> = Vec::new();
    let mut depth = 1usize;
    let mut pos = 0usize;
    let mut caption_from: Option<usize> = None;
    while let Some(open) = html[pos..].find('<') {
        let at = pos + open;
        let Some(tag) = Tag::read(&html[at..]) else {
            pos = at + 1;
            continue;
        };
        pos = at + tag.len;
        match (tag.closing, tag.name.as_str()) {
            (true, "figcaption") => {
                let caption = caption_from.take().map(|from| text(&html[from..at]));
                if let (Some(caption), Some(last)) = (caption, photos.last_mut()) {
                    if last.caption.is_none() && !caption.is_empty() {
                        last.caption = Some(caption);
                    }
                }
            }
            _ if caption_from.is_some() => {}
            (false, "img") => photos.extend(photo(&tag)),
            (false, "figcaption") if !tag.has_class("blocks-gallery-caption") => {
                caption_from = Some(pos);
            }
            (false, name) if name == container && !tag.self_closing => depth += 1,
            (true, name) if name == container => {
                depth -= 1;
                if depth == 0 {
                    return (photos, pos);
                }
            }
            _ => {}
        }
    }
    (photos, html.len())
}

/// A photo from an `<img>`: its size, alt text and `srcset` renditions (heights follow
/// the photo's aspect ratio).
fn photo(tag: &Tag) -> Option<Image> {
    let number = |name: &str| {
        tag.attr(name)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
    };
    let src = tag
        .attr("data-full-url")
        .filter(|s| !s.trim().is_empty())
        .or_else(|| tag.attr("src"))?;
    let (width, height) = (number("width")?, number("height")?);
    if width == 0 || height == 0 {
        return None;
    }
    let full = tag.attr("data-full-url").is_some();
    let sizes = tag
        .attr("srcset")
        .map(|set| {
            set.split(',')
                .filter_map(|candidate| {
                    let mut parts = candidate.split_whitespace();
                    let url = parts.next()?;
                    let w = parts.next()?.strip_suffix('w')?.parse::<u32>().ok()?;
                    let h = u64::from(w) * u64::from(height) / u64::from(width);
                    Some(Rendition {
                        src: url.to_owned(),
                        width: w,
                        height: u32::try_from(h).ok()?.max(1),
                    })
                })
                .filter(|r| r.src != src)
                .collect()
        })
        .unwrap_or_default();
    Some(Image {
        src: src.to_owned(),
        width,
        height,
        alt: tag.attr("alt").map(|a| text(&a)).unwrap_or_default(),
        caption: None,
        sizes: if full { Vec::new() } else { sizes },
    })
}

/// One tag as the scanner sees it.
struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    /// Attribute names (lower case) and entity-decoded values.
    attrs: Vec<(String, String)>,
    /// Bytes from `<` to `>` inclusive.
    len: usize,
}

impl Tag {
    /// Reads the tag at the start of `html` (which starts with `<`); `None` when it is not
    /// one (`< 3`, `<!-- … -->` is read as a tag without a name and skipped as one).
    fn read(html: &str) -> Option<Self> {
        let bytes = html.as_bytes();
        if html.starts_with("<!--") {
            let end = html.find("-->").map_or(html.len(), |i| i + 3);
            return Some(Self::nameless(end));
        }
        let mut i = 1;
        let closing = bytes.get(i) == Some(&b'/');
        if closing {
            i += 1;
        }
        let start = i;
        while bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-')
        {
            i += 1;
        }
        if i == start {
            // "<!doctype", "<?xml": skip to '>'; anything else is text.
            return matches!(bytes.get(start), Some(b'!' | b'?'))
                .then(|| Self::nameless(html.find('>').map_or(html.len(), |i| i + 1)));
        }
        let name = html[start..i].to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut self_closing = false;
        loop {
            while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            match bytes.get(i) {
                None => return Some(Self::done(name, closing, false, attrs, html.len())),
                Some(b'>') => return Some(Self::done(name, closing, self_closing, attrs, i + 1)),
                Some(b'/') => {
                    self_closing = true;
                    i += 1;
                    continue;
                }
                _ => {}
            }
            self_closing = false;
            let name_start = i;
            while bytes
                .get(i)
                .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'=' | b'>' | b'/'))
            {
                i += 1;
            }
            if i == name_start {
                // A stray "=": skip it.
                i += 1;
                continue;
            }
            let attr = html[name_start..i].to_ascii_lowercase();
            while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            let mut value = String::new();
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                match bytes.get(i) {
                    Some(q @ (b'"' | b'\'')) => {
                        let end = html[i + 1..]
                            .find(*q as char)
                            .map_or(html.len(), |e| i + 1 + e);
                        value = decode_entities(&html[i + 1..end]);
                        i = (end + 1).min(html.len());
                    }
                    _ => {
                        let v_start = i;
                        while bytes
                            .get(i)
                            .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>')
                        {
                            i += 1;
                        }
                        value = decode_entities(&html[v_start..i]);
                    }
                }
            }
            attrs.push((attr, value));
        }
    }

    fn nameless(len: usize) -> Self {
        Self::done(String::new(), false, true, Vec::new(), len)
    }

    fn done(
        name: String,
        closing: bool,
        self_closing: bool,
        attrs: Vec<(String, String)>,
        len: usize,
    ) -> Self {
        Self {
            name,
            closing,
            self_closing,
            attrs,
            len,
        }
    }

    fn attr(&self, name: &str) -> Option<String> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    }

    fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split_ascii_whitespace().any(|c| c == class))
    }

    fn is_gallery(&self) -> bool {
        match self.name.as_str() {
            "figure" | "ul" => {
                self.has_class("wp-block-gallery") || self.has_class("blocks-gallery-grid")
            }
            "div" => self.has_class("gallery") || self.has_class("wp-block-gallery"),
            _ => false,
        }
    }

    fn is_block(&self) -> bool {
        matches!(
            self.name.as_str(),
            "p" | "br"
                | "div"
                | "li"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "figure"
                | "figcaption"
                | "blockquote"
                | "tr"
                | "td"
                | "th"
        )
    }
}

/// Byte index of `needle` (ASCII) in `haystack`, ignoring ASCII case.
fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    haystack
        .as_bytes()
        .windows(needle.len().max(1))
        .position(|w| w.eq_ignore_ascii_case(needle))
}
