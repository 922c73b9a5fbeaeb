//! Showing something loaded, the one way every page does it: grey rows until the first
//! answer, then the view of the answer, or the error panel with «Повторить» (which loads
//! again). While a newer load runs, the view shown stays, dimmed and marked `aria-busy`
//! (so the page does not count as settled and focus waits for the new one).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::ApiError;
use crate::components::error_panel::ErrorPanel;
use crate::components::skeleton::ListSkeleton;

/// `resource` shown through `view`. `view` draws an answer, including the errors it
/// explains itself (an article not found, a page past the end); an error it hands back
/// goes to the error panel titled `failed`.
#[component]
pub fn Loading<T, F>(
    resource: LocalResource<Result<T, ApiError>>,
    /// What could not be shown: the error panel's title ("Не удалось загрузить новости").
    failed: &'static str,
    /// The view of an answer.
    view: F,
    /// What shows before the first answer (grey rows by default).
    #[prop(optional, into)]
    fallback: Option<ViewFnOnce>,
    /// The class of a box around it all, with `loading--pending` (style/loading.css) while a
    /// newer load runs; without one, no box.
    #[prop(optional)]
    class: Option<&'static str>,
    /// The document's title while the error panel shows, for a page that has no title of
    /// its own before its answer (an article).
    #[prop(optional)]
    error_title: Option<&'static str>,
) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(Result<T, ApiError>) -> Result<AnyView, ApiError> + 'static,
{
    let draw = StoredValue::new_local(view);
    let body = move || {
        Suspend::new(async move {
            let answer = resource.await;
            match draw.try_with_value(|draw| draw(answer)) {
                Some(Ok(shown)) => shown,
                Some(Err(error)) => {
                    let on_retry = Callback::new(move |()| resource.refetch());
                    error_panel(failed, error, on_retry, error_title)
                }
                None => ().into_any(),
            }
        })
    };
    frame(Box::new(body), fallback, class)
}

/// The body's box and its transition. Not generic, so the wasm carries it once.
fn frame(
    body: Box<dyn Fn() -> Suspend<AnyView> + Send + Sync>,
    fallback: Option<ViewFnOnce>,
    class: Option<&'static str>,
) -> AnyView {
    let fallback = fallback.unwrap_or_else(|| ViewFnOnce::from(|| view! { <ListSkeleton /> }));
    let (pending, set_pending) = signal(false);
    let transition = view! { <Transition fallback set_pending>{body}</Transition> };
    match class {
        Some(class) => view! {
            <div class=class class:loading--pending=pending aria-busy=move || pending.get().to_string()>
                {transition}
            </div>
        }
        .into_any(),
        None => transition.into_any(),
    }
}

/// Not generic, so the wasm carries it once.
fn error_panel(
    failed: &'static str,
    error: ApiError,
    on_retry: Callback<()>,
    error_title: Option<&'static str>,
) -> AnyView {
    view! {
        {error_title.map(|text| view! { <Title text /> })}
        <ErrorPanel title=failed error on_retry />
    }
    .into_any()
}
