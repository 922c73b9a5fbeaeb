//! The news this reader opened on this device, newest first (the saved page's list), kept
//! in localStorage. Storage is untrusted input like any other: whatever cannot be read
//! back counts as nothing.

use serde::{Deserialize, Serialize};

use crate::browser::local_storage;
use crate::core::model::Article;

const SAVED_KEY: &str = "vestnik.read";
const SAVED_MAX: usize = 100;

/// An article the reader opened, remembered for the "Сохранённые" list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadArticle {
    pub id: String,
    pub title: String,
    pub published: String,
}

/// Remembers an opened article (newest first, at most 100).
pub fn remember(article: &Article) {
    let mut list = remembered();
    list.retain(|a| a.id != article.id);
    list.insert(
        0,
        ReadArticle {
            id: article.id.clone(),
            title: article.title.clone(),
            published: article.published.to_rfc3339(),
        },
    );
    list.truncate(SAVED_MAX);
    if let (Some(storage), Ok(json)) = (local_storage(), serde_json::to_string(&list)) {
        let _ = storage.set_item(SAVED_KEY, &json);
    }
}

/// The articles the reader opened, newest first.
pub fn remembered() -> Vec<ReadArticle> {
    local_storage()
        .and_then(|s| s.get_item(SAVED_KEY).ok().flatten())
        .and_then(|json| serde_json::from_str::<Vec<ReadArticle>>(&json).ok())
        .unwrap_or_default()
        .into_iter()
        .filter(|a| crate::api::decode::valid_id(&a.id) && !a.title.is_empty())
        .take(SAVED_MAX)
        .collect()
}

/// Forgets the news the reader opened (the saved page's «Очистить»; the saved copies
/// themselves go through the api, [`crate::api::Api::forget_saved`]).
pub fn forget_read() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(SAVED_KEY);
    }
}
