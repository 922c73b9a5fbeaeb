//! Russian plural forms ("1 новость", "3 новости", "25 новостей").

/// The three Russian plural forms of a noun: for 1, for 2–4 and for 5–20.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Forms {
    pub one: &'static str,
    pub few: &'static str,
    pub many: &'static str,
}

/// "новость / новости / новостей".
pub const NEWS: Forms = Forms {
    one: "новость",
    few: "новости",
    many: "новостей",
};

/// After "не менее": "1 новости / 3 новостей / 25 новостей".
pub const NEWS_GENITIVE: Forms = Forms {
    one: "новости",
    few: "новостей",
    many: "новостей",
};

/// "фотография / фотографии / фотографий".
pub const PHOTOS: Forms = Forms {
    one: "фотография",
    few: "фотографии",
    many: "фотографий",
};

/// Picks the form that agrees with `n` by the CLDR rule for Russian integers:
/// one — ends in 1 but not 11; few — ends in 2–4 but not 12–14; many — the rest.
pub fn form(n: u64, forms: Forms) -> &'static str {
    let (last, last_two) = (n % 10, n % 100);
    if last == 1 && last_two != 11 {
        forms.one
    } else if (2..=4).contains(&last) && !(12..=14).contains(&last_two) {
        forms.few
    } else {
        forms.many
    }
}

/// "25 новостей": the number followed by the agreeing form.
pub fn count(n: u64, forms: Forms) -> String {
    format!("{n} {}", form(n, forms))
}
