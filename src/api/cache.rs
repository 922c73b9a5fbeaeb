//! A small in-memory cache of successful responses, so month switching in the calendar,
//! paging back and forth, and prefetched pages answer instantly. Errors are never
//! cached: "Повторить" always asks the backend again.
//!
//! Pure (time is passed in), so its rules are tested natively.

use std::collections::VecDeque;
use std::rc::Rc;

/// Anything stored, with its size in bytes.
pub trait Weight: Clone {
    fn weight(&self) -> usize;
}

impl Weight for Rc<[u8]> {
    fn weight(&self) -> usize {
        self.len()
    }
}

/// Bodies by URL, oldest evicted first, each valid for `ttl_ms`.
#[derive(Debug)]
pub struct Cache<T> {
    entries: VecDeque<Entry<T>>,
    max_entries: usize,
    max_bytes: usize,
    ttl_ms: f64,
}

#[derive(Debug)]
struct Entry<T> {
    url: String,
    stored_at: f64,
    body: T,
}

impl<T: Weight> Cache<T> {
    pub fn new(max_entries: usize, max_bytes: usize, ttl_ms: f64) -> Self {
        Self {
            entries: VecDeque::new(),
            max_entries,
            max_bytes,
            ttl_ms,
        }
    }

    /// The body stored for `url` if it is still fresh at `now`.
    pub fn get(&mut self, url: &str, now: f64) -> Option<T> {
        let ttl = self.ttl_ms;
        self.entries
            .retain(|e| now - e.stored_at < ttl && now >= e.stored_at);
        self.entries
            .iter()
            .find(|e| e.url == url)
            .map(|e| e.body.clone())
    }

    /// Stores a body, replacing an older one for the same URL and evicting the oldest
    /// entries beyond the count and byte limits. Bodies larger than the whole budget are
    /// not stored.
    pub fn put(&mut self, url: &str, body: T, now: f64) {
        self.entries.retain(|e| e.url != url);
        if body.weight() > self.max_bytes {
            return;
        }
        self.entries.push_back(Entry {
            url: url.to_owned(),
            stored_at: now,
            body,
        });
        while self.entries.len() > self.max_entries || self.bytes() > self.max_bytes {
            self.entries.pop_front();
        }
    }

    /// Forgets `url` (its body turned out to be unusable: "Повторить" must ask again).
    pub fn remove(&mut self, url: &str) {
        self.entries.retain(|e| e.url != url);
    }

    /// Total bytes held.
    pub fn bytes(&self) -> usize {
        self.entries.iter().map(|e| e.body.weight()).sum()
    }

    /// Number of entries held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
