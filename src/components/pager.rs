//! Previous / next links between pages of a list, with the position in words.

use leptos::prelude::*;

/// Links to the neighbouring pages of `base_path` (`?page=N`); hidden when there is only one page.
#[component]
pub fn Pager(page: u32, pages: u32, #[prop(into)] base_path: String) -> impl IntoView {
    let href = move |n: u32| {
        if n <= 1 {
            base_path.clone()
        } else {
            format!("{base_path}?page={n}")
        }
    };
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label="Страницы списка">
                {(page > 1)
                    .then(|| {
                        view! {
                            <a class="pager__link pager__link--prev" href=href(page - 1) rel="prev">
                                "← Предыдущая"
                            </a>
                        }
                    })}
                <span class="pager__status">{format!("Страница {page} из {pages}")}</span>
                {(page < pages)
                    .then(|| {
                        view! {
                            <a class="pager__link pager__link--next" href=href(page + 1) rel="next">
                                "Следующая →"
                            </a>
                        }
                    })}
            </nav>
        }
    })
}
