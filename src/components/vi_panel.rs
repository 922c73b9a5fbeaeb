//! "Версия для слабовидящих": the header button and the settings panel. Every choice
//! applies at once (attributes on `<html>`, see style/vi.css) and is remembered for the
//! next visit, when public/prefs.js applies it before the first paint.

use leptos::prelude::*;

use crate::browser::local_storage;
use crate::core::prefs::{Prefs, Setting, SETTINGS, STORAGE_KEY};
use crate::lang::use_lang;
use crate::lazy::{Lazy, Render};

/// The reader's settings, shared by the button and the panel.
#[derive(Clone, Copy, Debug)]
pub struct ViState {
    pub prefs: RwSignal<Prefs>,
    pub open: RwSignal<bool>,
}

impl ViState {
    /// Reads the saved settings and keeps `<html>` and storage in step with them.
    pub fn start() -> Self {
        let saved = local_storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .map(|json| Prefs::from_json(&json))
            .unwrap_or_default();
        let state = Self {
            prefs: RwSignal::new(saved),
            open: RwSignal::new(false),
        };
        Effect::new(move |_| {
            let prefs = state.prefs.get();
            apply(&prefs);
            if let Some(storage) = local_storage() {
                let _ = storage.set_item(STORAGE_KEY, &prefs.to_json());
            }
        });
        state
    }
}

/// The header button with an eye icon.
#[component]
pub fn ViToggle(state: ViState) -> impl IntoView {
    let t = use_lang().texts();
    view! {
        <button
            type="button"
            class="header-button vi-toggle"
            aria-expanded=move || state.open.get().to_string()
            aria-controls="vi-panel"
            on:click=move |_| state.open.update(|o| *o = !*o)
        >
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M1.5 12 C4.5 6.5 8 4.5 12 4.5 S19.5 6.5 22.5 12 C19.5 17.5 16 19.5 12 19.5 S4.5 17.5 1.5 12 Z" fill="none" stroke="currentColor" stroke-width="2"></path>
                <circle cx="12" cy="12" r="3.5" fill="currentColor"></circle>
            </svg>
            {t.vi_toggle}
        </button>
    }
}

/// Where the settings panel goes: its code is fetched the first time the reader opens it
/// (a chunk of its own), and it stays once drawn.
#[component]
pub fn ViPanelSlot(state: ViState) -> impl IntoView {
    let wanted =
        Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || state.open.get());
    move || {
        wanted
            .get()
            .then(|| view! { <Lazy load=panel fallback=|| () /> })
    }
}

crate::split!(vi, preload;
    /// The panel's code; the shell provides the reader's settings.
    fn panel() -> Render {
        || match use_context::<ViState>() {
            Some(state) => view! { <ViPanel state /> }.into_any(),
            None => ().into_any(),
        }
    }
);

/// The settings, as groups of radio buttons.
#[component]
fn ViPanel(state: ViState) -> impl IntoView {
    let t = use_lang().texts();
    let groups = SETTINGS
        .iter()
        .map(|setting| view! { <SettingGroup setting=*setting state /> })
        .collect_view();
    view! {
        <section id="vi-panel" class="vi-panel" aria-labelledby="vi-title" hidden=move || !state.open.get()>
            <div class="vi-panel__inner">
                <h2 class="vi-panel__title" id="vi-title">{t.vi_title}</h2>
                <div class="vi-panel__settings">{groups}</div>
                <div class="vi-panel__actions">
                    <button type="button" class="button" on:click=move |_| state.prefs.set(Prefs::default())>
                        {t.vi_reset}
                    </button>
                    <button type="button" class="button button--secondary" on:click=move |_| state.open.set(false)>
                        {t.vi_close}
                    </button>
                </div>
            </div>
        </section>
    }
}

#[component]
fn SettingGroup(setting: Setting, state: ViState) -> impl IntoView {
    let lang = use_lang();
    let options = setting
        .choices_in(lang)
        .map(|(value, label)| {
            let id = format!("{}-{value}", setting.attribute);
            let label_for = id.clone();
            view! {
                <label for=label_for>
                    <input
                        type="radio"
                        id=id
                        name=setting.attribute
                        value=value
                        prop:checked=move || state.prefs.with(|p| p.get(&setting) == value)
                        on:change=move |_| state.prefs.update(|p| p.set(&setting, value))
                    />
                    {label}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset>
            <legend>{setting.legend_in(lang)}</legend>
            {options}
        </fieldset>
    }
}

/// Puts the settings on `<html>`: removes every data-vi-* attribute, then sets the chosen.
fn apply(prefs: &Prefs) {
    let Some(root) = document().document_element() else {
        return;
    };
    for setting in SETTINGS {
        let _ = root.remove_attribute(setting.attribute);
    }
    for (name, value) in prefs.attributes() {
        let _ = root.set_attribute(name, value);
    }
    // A colour scheme of the reader's own replaces the system's dark mode.
    if prefs.attributes().any(|(name, _)| name == "data-vi-scheme") {
        let _ = root.remove_attribute("data-theme");
    }
}
