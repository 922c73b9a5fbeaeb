//! Page metadata for sharing and search engines: descriptions and the JSON-LD
//! `NewsArticle` block. Pure; the article page puts the results into `<head>`.

use super::model::{Article, Site};

/// The longest meta description we write, in characters.
pub const DESCRIPTION_CHARS: usize = 200;

/// The summary, or the start of the title, cut at a word to [`DESCRIPTION_CHARS`].
pub fn description(article: &Article) -> String {
    let text = if article.summary.trim().is_empty() {
        article.title.trim()
    } else {
        article.summary.trim()
    };
    if text.chars().count() <= DESCRIPTION_CHARS {
        return text.to_owned();
    }
    let cut: String = text.chars().take(DESCRIPTION_CHARS - 1).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', ' ']))
}

/// The JSON-LD `NewsArticle` for `article` at canonical `url`, with absolute image URLs,
/// ready to be the text of a `<script type="application/ld+json">`: `<` is escaped, so
/// no title can close the script element.
pub fn news_article_ld(
    article: &Article,
    site: &Site,
    url: &str,
    images: &[String],
    logo: Option<&str>,
) -> String {
    // Written by hand rather than through `serde_json::Value`: the same JSON for a fraction
    // of the code in the bundle. Strings go through serde_json's escaping.
    let name = text(&site.name);
    let logo = logo.map_or_else(String::new, |logo| {
        format!(r#","logo":{{"@type":"ImageObject","url":{}}}"#, text(logo))
    });
    let images: Vec<String> = images.iter().map(|i| text(i)).collect();
    let url = text(url);
    let published = article.published.to_rfc3339();
    let modified = article.updated.unwrap_or(article.published).to_rfc3339();
    format!(
        r#"{{"@context":"https://schema.org","@type":"NewsArticle","headline":{},"description":{},"datePublished":{},"dateModified":{},"image":[{}],"mainEntityOfPage":{url},"url":{url},"publisher":{{"@type":"Organization","name":{name}{logo}}},"author":{{"@type":"Organization","name":{name}}}}}"#,
        text(&article.title),
        text(&description(article)),
        text(&published),
        text(&modified),
        images.join(","),
    )
    .replace('<', "\\u003c")
    .replace('>', "\\u003e")
}

/// A JSON string literal.
fn text(value: &str) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "\"\"".to_owned())
}
