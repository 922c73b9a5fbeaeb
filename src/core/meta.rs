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
    let mut publisher = serde_json::json!({ "@type": "Organization", "name": site.name });
    if let Some(logo) = logo {
        publisher["logo"] = serde_json::json!({ "@type": "ImageObject", "url": logo });
    }
    let doc = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": description(article),
        "datePublished": article.published.to_rfc3339(),
        "dateModified": article.updated.unwrap_or(article.published).to_rfc3339(),
        "image": images,
        "mainEntityOfPage": url,
        "url": url,
        "publisher": publisher,
        "author": { "@type": "Organization", "name": site.name },
    });
    doc.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
}
