//! URL templates for the backend's endpoints, a small subset of RFC 6570.
//!
//! A deployer writes templates in `config.json`; the app fills them in:
//! - `{name}` — the value, percent-encoded (`news/{id}.json`, `news/page/{page}.json`);
//! - `{?a,b}` / `{&a,b}` — a query string of the named values that are set and not
//!   empty (`news{?page,q}` gives `news?page=2&q=%D0%BC%D0%B2%D0%B4` or just `news`).
//!
//! The same template thus serves the static demo backend (plain files) and a dynamic
//! backend (query strings), and checking a template once at start-up means the app can
//! never build a malformed URL later.

use core::fmt;

/// Why a template cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateError {
    /// A `{` without its `}` or a `}` without its `{`.
    Unbalanced,
    /// A placeholder name outside `[a-z0-9_]`, or an empty one.
    BadName(String),
    /// A placeholder this endpoint does not provide.
    Unknown(String),
    /// A placeholder this endpoint cannot work without is missing.
    Missing(&'static str),
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unbalanced => write!(f, "непарная фигурная скобка"),
            Self::BadName(n) => write!(f, "недопустимое имя подстановки «{n}»"),
            Self::Unknown(n) => write!(f, "неизвестная подстановка «{{{n}}}»"),
            Self::Missing(n) => write!(f, "нет обязательной подстановки «{{{n}}}»"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Simple,
    Query,
    Continue,
}

/// One piece of a parsed template.
enum Part<'a> {
    Literal(&'a str),
    Expr(Op, Vec<&'a str>),
}

fn parse(template: &str) -> Result<Vec<Part<'_>>, TemplateError> {
    let mut parts = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find(['{', '}']) {
        if rest.as_bytes()[open] == b'}' {
            return Err(TemplateError::Unbalanced);
        }
        parts.push(Part::Literal(&rest[..open]));
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or(TemplateError::Unbalanced)?;
        let body = &after[..close];
        let (op, names) = match body.as_bytes().first() {
            Some(b'?') => (Op::Query, &body[1..]),
            Some(b'&') => (Op::Continue, &body[1..]),
            _ => (Op::Simple, body),
        };
        let names: Vec<&str> = names.split(',').collect();
        for name in &names {
            let valid = !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !valid {
                return Err(TemplateError::BadName((*name).to_owned()));
            }
        }
        if op == Op::Simple && names.len() != 1 {
            return Err(TemplateError::BadName(body.to_owned()));
        }
        parts.push(Part::Expr(op, names));
        rest = &after[close + 1..];
    }
    parts.push(Part::Literal(rest));
    Ok(parts)
}

/// Checks a template once: it parses, uses only `known` names, and uses every `required` one.
pub fn check(
    template: &str,
    known: &[&'static str],
    required: &[&'static str],
) -> Result<(), TemplateError> {
    let parts = parse(template)?;
    let mut used = Vec::new();
    for part in &parts {
        if let Part::Expr(_, names) = part {
            for name in names {
                if !known.contains(name) {
                    return Err(TemplateError::Unknown((*name).to_owned()));
                }
                used.push(*name);
            }
        }
    }
    match required.iter().find(|r| !used.contains(r)) {
        Some(missing) => Err(TemplateError::Missing(missing)),
        None => Ok(()),
    }
}

/// Fills a template in. Names missing from `vars` expand to nothing; an unparsable
/// template expands to an empty string (templates are checked at start-up, so this
/// only guards against misuse).
pub fn expand(template: &str, vars: &[(&str, &str)]) -> String {
    let Ok(parts) = parse(template) else {
        return String::new();
    };
    let lookup = |name: &str| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| *v);
    let mut out = String::with_capacity(template.len() + 16);
    for part in parts {
        match part {
            Part::Literal(text) => out.push_str(text),
            Part::Expr(Op::Simple, names) => {
                if let Some(value) = names.first().and_then(|n| lookup(n)) {
                    encode_component_into(&mut out, value);
                }
            }
            Part::Expr(op, names) => {
                let mut first = op == Op::Query;
                for name in names {
                    let Some(value) = lookup(name).filter(|v| !v.is_empty()) else {
                        continue;
                    };
                    out.push(if first { '?' } else { '&' });
                    first = false;
                    out.push_str(name);
                    out.push('=');
                    encode_component_into(&mut out, value);
                }
            }
        }
    }
    out
}

/// Percent-encodes everything but RFC 3986's unreserved characters (UTF-8 bytes for
/// Cyrillic), as `encodeURIComponent` does minus its `!'()*` leniency.
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    encode_component_into(&mut out, value);
    out
}

/// Undoes percent-encoding (`%D0%B0` → `а`); `None` when an escape is malformed or the
/// bytes are not UTF-8. `+` stays `+` (this is for paths, not form data).
pub fn decode_component(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = value.get(i + 1..i + 3)?;
            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The value of parameter `name` in a query string (`q=%D0%B0+b&page=2`, with or without
/// `?`), decoded as a form sends it (`+` is a space); the first if it is given twice.
pub fn query_value(query: &str, name: &str) -> Option<String> {
    let form = |part: &str| {
        let spaced = part.replace('+', " ");
        decode_component(&spaced).unwrap_or(spaced)
    };
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .find(|(key, _)| form(key) == name)
        .map(|(_, value)| form(value))
}

fn encode_component_into(out: &mut String, value: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 15)] as char);
        }
    }
}
