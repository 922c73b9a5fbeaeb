//! Code that arrives when it is needed: the wasm is split into a main module (the shell, the
//! feed and the calendar: what the home page draws) and chunks fetched on demand (the
//! article view with its gallery and share bar, the saved page, the widgets, the settings
//! of the version for the visually impaired, the WordPress and JSON Feed adapters).
//!
//! A function wrapped in [`split!`] is a split point: the release build
//! (`scripts/build-wasm.mjs`, the `split` feature) moves it, and everything only it
//! reaches, into the chunk it names, and calling it first fetches that chunk. Its result is
//! a `Result`: a chunk that cannot be fetched (offline before the service worker saved it,
//! a server error) is an error a view shows with "Повторить", never a panic — a failed
//! fetch is not remembered, so trying again fetches anew. Builds without the feature (the
//! debug build, the browser tests) call the function directly.
//!
//! [`Lazy`] shows a split view: a placeholder while its chunk arrives, the error panel if
//! it cannot. [`likely_next`] and [`first_screen_drawn`] fetch the chunks a reader is likely
//! to need next once the page has drawn its first screen.

use std::future::Future;

use futures::future::{FutureExt, LocalBoxFuture};

use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::loading::Loading;
use crate::components::skeleton::ListSkeleton;
use crate::lang::use_lang;

/// A chunk of the app could not be fetched or started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadFailed;

impl From<leptos::wasm_split::SplitLoaderError> for LoadFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Self
    }
}

impl From<LoadFailed> for ApiError {
    /// For the reader it is the same as any request that got no answer.
    fn from(_: LoadFailed) -> Self {
        Self::Network
    }
}

/// Declares a split point: `split!(chunk, preload_name; fn name(args) -> T { body })`
/// defines `async fn name(args) -> Result<T, LoadFailed>`, whose body (and all it alone
/// reaches) lives in the wasm chunk `chunk`, and `async fn preload_name() -> Result<(), _>`,
/// which only fetches that chunk. Arguments and result cross a plain function
/// call (no generics, no references with lifetimes of their own, no `impl Trait`).
#[macro_export]
macro_rules! split {
    ($chunk:ident, $preload:ident; $(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $out:ty $body:block) => {
        #[cfg(feature = "split")]
        $(#[$attr])*
        #[::leptos::wasm_split::wasm_split(
            $chunk,
            wasm_split_path = ::leptos::wasm_split,
            preload(#[allow(dead_code)] $preload),
            fallible
        )]
        $vis fn $name($($arg: $ty),*) -> ::core::result::Result<$out, $crate::lazy::LoadFailed> {
            ::core::result::Result::Ok($body)
        }

        #[cfg(not(feature = "split"))]
        $(#[$attr])*
        $vis async fn $name($($arg: $ty),*) -> ::core::result::Result<$out, $crate::lazy::LoadFailed> {
            ::core::result::Result::Ok($body)
        }

        /// Fetches the chunk without running anything in it (builds without the `split`
        /// feature have nothing to fetch).
        #[cfg(not(feature = "split"))]
        #[allow(clippy::unused_async, dead_code)]
        $vis async fn $preload() -> ::core::result::Result<(), $crate::lazy::LoadFailed> {
            ::core::result::Result::Ok(())
        }
    };
}

/// How a split view is drawn once its chunk is there: a function in the chunk, called where
/// the view goes (so it runs under the view's owner, like any component).
pub type Render = fn() -> AnyView;

/// A view whose code lives in a chunk: `fallback` (grey rows by default) while the chunk
/// arrives, then the view `load` hands over, or the error panel titled `failed` ("Ошибка
/// загрузки" by default) with "Повторить" (which fetches the chunk again).
#[component]
pub fn Lazy<F>(
    load: fn() -> F,
    #[prop(optional, into)] fallback: Option<ViewFnOnce>,
    /// What could not be shown ("Не удалось загрузить новость").
    #[prop(optional)]
    failed: Option<&'static str>,
) -> impl IntoView
where
    F: Future<Output = Result<Render, LoadFailed>> + 'static,
{
    let load: Box<dyn Fn() -> LocalBoxFuture<'static, Result<Render, LoadFailed>>> =
        Box::new(move || load().boxed_local());
    lazy_view(load, fallback, failed)
}

/// [`Lazy`]'s body. Not generic, so the wasm carries it once for every split view.
fn lazy_view(
    load: Box<dyn Fn() -> LocalBoxFuture<'static, Result<Render, LoadFailed>>>,
    fallback: Option<ViewFnOnce>,
    failed: Option<&'static str>,
) -> AnyView {
    let failed = failed.unwrap_or_else(|| use_lang().texts().load_error_title);
    let fallback = fallback.unwrap_or_else(|| ViewFnOnce::from(|| view! { <ListSkeleton /> }));
    // «Повторить» loads again, which fetches the chunk anew (a failed fetch is not kept).
    let render = LocalResource::new(move || {
        let chunk = load();
        async move { chunk.await.map_err(ApiError::from) }
    });
    let view = |answer: Result<Render, ApiError>| answer.map(|render| render());
    view! { <Loading resource=render failed view fallback /> }.into_any()
}

/// Starts fetching a chunk now (`preload`: a [`split!`] chunk's preload). A failure is
/// left for the moment the chunk is really needed, which fetches again.
pub fn start<F, E>(preload: fn() -> F)
where
    F: Future<Output = Result<(), E>> + 'static,
{
    // Not Leptos's executor: this may run before the app is mounted (which starts it).
    wasm_bindgen_futures::spawn_local(async move {
        let _ = preload().await;
    });
}

thread_local! {
    static LIKELY_NEXT: std::cell::RefCell<Vec<fn()>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Names a chunk readers usually need next (`fetch` starts it, e.g. `|| start(preload)`):
/// the shell names the article view, which a reader of the feed opens next.
pub fn likely_next(fetch: fn()) {
    LIKELY_NEXT.with_borrow_mut(|next| next.push(fetch));
}

/// Called by a page once its first screen is drawn: the chunks named by [`likely_next`]
/// are fetched when the browser is next idle (once), so they are there before the reader
/// asks for them without competing with what the page shows now.
pub fn first_screen_drawn() {
    let next = LIKELY_NEXT.with_borrow_mut(std::mem::take);
    if !next.is_empty() {
        leptos::leptos_dom::helpers::request_idle_callback(move || {
            next.iter().for_each(|fetch| fetch())
        });
    }
}
