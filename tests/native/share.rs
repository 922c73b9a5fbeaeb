//! Native tests of `core::share`: every service's link, exactly.

use vestnik::core::i18n::Lang;
use vestnik::core::share::Service;

const URL: &str = "https://press.example/news/10564?from=feed#photo-2";
const TITLE: &str = "Кузбасс & ГУФСИН: 280 контрактов?";

#[test]
fn each_service_gets_its_exact_link() {
    let u = "https%3A%2F%2Fpress.example%2Fnews%2F10564%3Ffrom%3Dfeed%23photo-2";
    let t = "%D0%9A%D1%83%D0%B7%D0%B1%D0%B0%D1%81%D1%81%20%26%20%D0%93%D0%A3%D0%A4%D0%A1%D0%98%D0%9D%3A%20280%20%D0%BA%D0%BE%D0%BD%D1%82%D1%80%D0%B0%D0%BA%D1%82%D0%BE%D0%B2%3F";
    let expected = [
        (
            Service::Vk,
            format!("https://vk.com/share.php?url={u}&title={t}"),
        ),
        (
            Service::Ok,
            format!("https://connect.ok.ru/offer?url={u}&title={t}"),
        ),
        (
            Service::Telegram,
            format!("https://t.me/share/url?url={u}&text={t}"),
        ),
        (Service::WhatsApp, format!("https://wa.me/?text={t}%20{u}")),
        (Service::Viber, format!("viber://forward?text={t}%20{u}")),
        (Service::Email, format!("mailto:?subject={t}&body={u}")),
    ];
    for (service, link) in expected {
        assert_eq!(service.link(URL, TITLE), link, "{service:?}");
    }
}

#[test]
fn links_never_carry_raw_separators_from_the_inputs() {
    for service in Service::ALL {
        let link = service.link("https://a.example/?x=1&y=2#z", "a&b#c?d e");
        let query = link.split_once('?').map_or("", |(_, q)| q);
        // Only the link's own separators remain: no '#', and '&' only between parameters.
        assert!(!query.contains('#'), "{link}");
        assert!(query.matches('&').count() <= 1, "{link}");
        assert!(!link.contains(' '), "{link}");
    }
}

#[test]
fn labels_are_russian_and_distinct() {
    let labels: Vec<&str> = Service::ALL.iter().map(|s| s.label(Lang::Ru)).collect();
    let mut unique = labels.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), labels.len());
    assert!(labels
        .iter()
        .all(|l| l.starts_with("Поделиться") || l.starts_with("Отправить")));
    assert!(!Service::Email.opens_new_tab() && Service::Vk.opens_new_tab());
}

#[test]
fn english_labels_exist_for_every_service() {
    for service in Service::ALL {
        let label = service.label(Lang::En);
        assert!(
            label.starts_with("Share") || label.starts_with("Send"),
            "{label}"
        );
    }
}
