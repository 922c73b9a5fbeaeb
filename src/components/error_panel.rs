//! The shared error panel: what went wrong, in Russian, and a way to try again.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::lang::use_lang;

/// Shown wherever data failed to load. `title` names what is missing ("Не удалось
/// загрузить новости"); the message explains why; "Повторить" runs `on_retry`.
/// It is an `alert`, so screen readers announce it when it appears.
#[component]
pub fn ErrorPanel(
    #[prop(into)] title: String,
    error: ApiError,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let t = lang.texts();
    let detail = error.detail().map(str::to_owned);
    view! {
        <section class="error-panel" role="alert">
            <h2 class="error-panel__title">{title}</h2>
            <p class="error-panel__message">{error.message(lang)}</p>
            {detail
                .map(|detail| {
                    view! {
                        <details class="error-panel__details">
                            <summary>{t.details}</summary>
                            <p>{detail}</p>
                        </details>
                    }
                })}
            <button type="button" class="button error-panel__retry" on:click=move |_| on_retry.run(())>
                {t.retry}
            </button>
        </section>
    }
}
