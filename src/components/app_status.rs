//! What the reader should know about the app itself: a new version waiting, the offer to
//! install it, no connection, and data shown from the saved copy.

use chrono::{DateTime, FixedOffset};
use leptos::prelude::*;

use crate::core::{dates, routes};
use crate::lang::use_lang;
use crate::pwa::{self, AppStatus};

/// "Доступна новая версия — Обновить": polite, at the top, until the reader acts.
#[component]
pub fn UpdateBanner(status: AppStatus) -> impl IntoView {
    let t = use_lang().texts();
    view! {
        <Show when=move || status.update_ready.get()>
            <div class="banner banner--update" role="status">
                <p class="banner__text">{t.update_available}</p>
                <button type="button" class="button banner__action" on:click=move |_| pwa::apply_update()>
                    {t.update}
                </button>
            </div>
        </Show>
    }
}

/// The header's corner: "Нет соединения" and "Установить приложение".
#[component]
pub fn HeaderStatus(status: AppStatus) -> impl IntoView {
    let t = use_lang().texts();
    view! {
        <div class="header-status">
            <Show when=move || status.offline.get()>
                <p class="header-status__offline" role="status">
                    <span aria-hidden="true">"● "</span>
                    {t.offline}
                </p>
            </Show>
            <Show when=move || status.can_install.get()>
                <button type="button" class="header-button header-status__install" on:click=move |_| pwa::install(status)>
                    {t.install}
                </button>
            </Show>
        </div>
    }
}

/// "Нет соединения — показана сохранённая версия от 28 ноября 2026, 20:45".
#[component]
pub fn SavedCopyNotice(status: AppStatus, site_offset: FixedOffset) -> impl IntoView {
    let lang = use_lang();
    let text = move || {
        status.saved_at.get().map(|at| {
            let when = DateTime::parse_from_rfc3339(&at)
                .ok()
                .map(|moment| dates::long_date_time_in(lang, moment, site_offset));
            lang.saved_copy(when.as_deref())
        })
    };
    view! {
        <p class="saved-notice" role="status" class:saved-notice--hidden=move || text().is_none()>
            {text}
            {move || text().map(|_| view! { " " <a href=routes::SAVED>{lang.texts().saved_news}</a> })}
        </p>
    }
}
