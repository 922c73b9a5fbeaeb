//! The numbered pager (GOV.UK pattern): previous, first … window … last, next.

use leptos::prelude::*;

use crate::core::paging::{self, Slot};
use crate::lang::use_lang;

/// Pages 1..=`pages` of a list, `page` current. `href` gives each page's address, so the
/// state lives in the URL and back/forward, reload and shared links all work. Hidden when
/// there is only one page.
#[component]
pub fn Pager(page: u32, pages: u32, #[prop(into)] href: Callback<u32, String>) -> impl IntoView {
    let lang = use_lang();
    let t = lang.texts();
    (pages > 1).then(|| {
        let slots = paging::window(page, pages, 1);
        view! {
            <nav class="pager" aria-label=t.pages>
                {(page > 1)
                    .then(|| {
                        view! {
                            <a class="pager__link pager__link--prev" href=href.run(page - 1) rel="prev">
                                <span aria-hidden="true">"« "</span>
                                {t.previous}
                                <span class="visually-hidden">{t.page_word}</span>
                            </a>
                        }
                    })}
                <ul class="pager__list">
                    {slots
                        .into_iter()
                        .map(|slot| match slot {
                            Slot::Page(n) if n == page => view! {
                                <li class="pager__item pager__item--current">
                                    <a class="pager__link" href=href.run(n) aria-current="page" aria-label=lang.page_label(n, true)>
                                        {n}
                                    </a>
                                </li>
                            }
                            .into_any(),
                            Slot::Page(n) => view! {
                                <li class="pager__item">
                                    <a class="pager__link" href=href.run(n) aria-label=lang.page_label(n, false)>
                                        {n}
                                    </a>
                                </li>
                            }
                            .into_any(),
                            Slot::Gap => view! { <li class="pager__item pager__item--gap" aria-hidden="true">"…"</li> }
                                .into_any(),
                        })
                        .collect_view()}
                </ul>
                {(page < pages)
                    .then(|| {
                        view! {
                            <a class="pager__link pager__link--next" href=href.run(page + 1) rel="next">
                                {t.next}
                                <span class="visually-hidden">{t.page_word}</span>
                                <span aria-hidden="true">" »"</span>
                            </a>
                        }
                    })}
            </nav>
        }
    })
}
