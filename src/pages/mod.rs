//! One file per route. A page reads its route, asks `api` for data through a resource,
//! and composes components; it never renders backend data without passing it through
//! the model first.

pub mod archive;
pub mod article;
pub mod embed;
pub mod feed;
pub mod not_found;
pub mod saved;
