//! Options of the embeddable widgets (`embed/feed`, `embed/calendar`, `embed/article/:id`),
//! read from the widget's query string. Anything invalid falls back to the default: a
//! host page's typo must never break its layout.

/// Which widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Widget {
    Feed,
    Calendar,
    Article(String),
}

impl Widget {
    /// The widget an app path names (`embed/feed`, `embed/article/10564`…).
    pub fn from_path(path: &str) -> Option<Self> {
        let rest = path.trim_start_matches('/').strip_prefix("embed/")?;
        let rest = rest.trim_end_matches('/');
        match rest.split_once('/') {
            None if rest == "feed" => Some(Self::Feed),
            None if rest == "calendar" => Some(Self::Calendar),
            Some(("article", id)) if !id.is_empty() && !id.contains('/') => {
                Some(Self::Article(id.to_owned()))
            }
            _ => None,
        }
    }
}

/// Colours of the widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    HighContrast,
}

impl Theme {
    /// The value of `data-theme` on the widget's root element.
    pub fn id(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
            Self::HighContrast => "high-contrast",
        }
    }
}

/// Where links from the widget open: a new tab (default) or the host page's own window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Target {
    #[default]
    NewTab,
    Top,
}

impl Target {
    /// The `target` attribute for links.
    pub fn attribute(self) -> &'static str {
        match self {
            Self::NewTab => "_blank",
            Self::Top => "_top",
        }
    }
}

/// Every option, with its default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// How many news the feed widget shows, 1–20 (default 5).
    pub limit: usize,
    pub rubric: Option<String>,
    /// Thumbnails in the feed widget (default on).
    pub thumbs: bool,
    /// Summaries in the feed widget (default off).
    pub summary: bool,
    pub theme: Theme,
    /// The language of the interface: "ru" (default) or "en".
    pub lang: &'static str,
    pub target: Target,
    /// The loader's id for this frame, echoed in height messages.
    pub frame: Option<String>,
    /// The host page's origin, the only one height messages are sent to.
    pub host: Option<String>,
}

pub const DEFAULT_LIMIT: usize = 5;
pub const MAX_LIMIT: usize = 20;

impl Default for Options {
    fn default() -> Self {
        Self {
            limit: DEFAULT_LIMIT,
            rubric: None,
            thumbs: true,
            summary: false,
            theme: Theme::Light,
            lang: "ru",
            target: Target::NewTab,
            frame: None,
            host: None,
        }
    }
}

impl Options {
    /// Reads options from query pairs (already percent-decoded).
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut o = Self::default();
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "limit" => {
                    if let Ok(n) = value.parse::<i64>() {
                        o.limit = n.clamp(1, MAX_LIMIT as i64) as usize;
                    }
                }
                "rubric" => {
                    o.rubric = (!value.is_empty()
                        && value.len() <= 128
                        && !value.chars().any(char::is_control))
                    .then(|| value.to_owned());
                }
                "thumbs" => o.thumbs = flag(value).unwrap_or(o.thumbs),
                "summary" => o.summary = flag(value).unwrap_or(o.summary),
                "theme" => {
                    o.theme = match value {
                        "dark" => Theme::Dark,
                        "high-contrast" | "contrast" => Theme::HighContrast,
                        _ => Theme::Light,
                    }
                }
                "lang" => {
                    o.lang = if value.eq_ignore_ascii_case("en") {
                        "en"
                    } else {
                        "ru"
                    }
                }
                "target" => {
                    o.target = if value == "top" {
                        Target::Top
                    } else {
                        Target::NewTab
                    }
                }
                "frame" => {
                    o.frame = (!value.is_empty()
                        && value.len() <= 64
                        && value
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
                    .then(|| value.to_owned());
                }
                "host" => o.host = host_origin(value),
                _ => {}
            }
        }
        o
    }
}

/// "1"/"true"/"yes"/"on" and "0"/"false"/"no"/"off"; anything else is no answer.
fn flag(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// A bare http(s) origin (`https://city.example:8443`), or nothing.
fn host_origin(value: &str) -> Option<String> {
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))?;
    let ok = !rest.is_empty()
        && rest.len() <= 253
        && rest.bytes().all(|b| {
            b.is_ascii_alphanumeric()
                || b == b'.'
                || b == b'-'
                || b == b':'
                || b == b'['
                || b == b']'
        });
    ok.then(|| value.to_owned())
}
